import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { auditHeads, parseAuditAnchors, verifyAudit } from '@mimamori/storage';
import { testDialects } from '../../storage/test/test-db.ts';
import type { AppDeps } from '../src/context.ts';
import { queueAuditHeadMail } from '../src/services/audit-head-mail.ts';
import { adultInput, as, createTestApp, signedIn, type TestApp } from './test-app.ts';

for (const dialect of testDialects()) {
  describe(`daily audit chain heads by mail (${dialect})`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
    });
    after(async () => t.destroy());
    const deps = (): AppDeps => ({ db: t.db, clock: t.clock.fn, config: t.config });

    test('one mail per clinic and day, holding the current heads in lines the verifier reads, and no patient data', async () => {
      const doctor = await signedIn(t, 'doctor');
      const created = await as(t, doctor, {
        method: 'POST', url: '/api/patients',
        payload: adultInput({ nameKanji: '監査 花子', nameKana: 'カンサ ハナコ' }),
      });
      assert.equal(created.statusCode, 201, created.body);
      assert.equal(await queueAuditHeadMail(deps(), { to: 'anzen@clinic.example' }), 1);
      assert.equal(await queueAuditHeadMail(deps(), { to: 'anzen@clinic.example' }), 0, 'not twice on the same day');
      const mails = await t.db.db.selectFrom('outbox').selectAll().where('kind', '=', 'audit_head').execute();
      assert.equal(mails.length, 1);
      const mail = mails[0]!;
      assert.equal(mail.to_address, 'anzen@clinic.example');
      assert.equal(mail.patient_id, null);
      assert.doesNotMatch(mail.body_text, /監査 花子|カンサ/);
      const anchors = parseAuditAnchors(mail.body_text);
      const clinicHead = (await auditHeads(t.db.db, [t.clinicId]))[0]!;
      assert.ok(anchors.some((a) => a.chain === t.clinicId && a.seq === clinicHead.seq && a.hash === clinicHead.hash));
      assert.deepEqual((await verifyAudit(t.db.db, { anchors })).anchorsBroken, [], 'the rows reproduce the mailed heads');
      t.clock.advance(24 * 3600_000);
      assert.equal(await queueAuditHeadMail(deps(), { to: 'anzen@clinic.example' }), 1, 'the next day, a new mail');
    });
  });
}
