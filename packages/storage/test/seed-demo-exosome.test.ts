import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { InfusionRecord, ProductLot, TmsRecord } from '@mimamori/core/treatment/index';
import { certificateMediaType, lotReleaseProblems } from '@mimamori/core/treatment/index';
import { getProductLotCertificate, listProductLots, seedDemo } from '../src/index.ts';
import { createTestDb, testDialects, type TestDb } from './test-db.ts';

const NOW = new Date('2026-12-07T01:00:00.000Z');

for (const dialect of testDialects()) {
  describe(`demo treatment records (${dialect})`, () => {
    let t: TestDb;
    let clinicId: string;
    before(async () => {
      t = await createTestDb(dialect);
      await t.db.transaction().execute((tx) => seedDemo(tx, { now: NOW, today: '2026-12-07', secrets: t.secrets }));
      clinicId = (await t.db.selectFrom('clinics').select('id').executeTakeFirstOrThrow()).id;
    });
    after(() => t.destroy());

    test('the exosome program has a released lot with its PDF certificate, and infusions from it with the reviewer fields', async () => {
      const lots = await listProductLots(t.db, { clinicId, programId: 'exosome-demo-records' });
      assert.equal(lots.length, 1);
      const lot = JSON.parse(lots[0]!.record_json) as ProductLot;
      assert.deepEqual(lotReleaseProblems(lot, { certificateAttached: lots[0]!.certificate_sha256 !== null }), []);
      const file = await getProductLotCertificate(t.db, clinicId, lot.id);
      assert.equal(certificateMediaType(Buffer.from(file!.certificate_base64!, 'base64')), 'application/pdf');
      const sessions = await t.db.selectFrom('program_sessions').select(['record_json', 'kind']).where('clinic_id', '=', clinicId).where('kind', '=', 'infusion').execute();
      assert.equal(sessions.length, 2);
      for (const s of sessions) {
        const r = JSON.parse(s.record_json) as InfusionRecord;
        assert.equal(r.lotId, lot.id);
        assert.deepEqual(r.dosePerKg, { value: 3.425e8, unit: 'particles' });
        assert.equal(r.vitalsDuring?.respiratoryRatePerMin, 16);
        assert.equal(r.observation?.minutes, 30);
      }
    });

    test('the TMS program records its motor threshold, targeting and trains, and the seizure screening with the first session', async () => {
      const sessions = (await t.db.selectFrom('program_sessions').select(['record_json']).where('clinic_id', '=', clinicId).where('kind', '=', 'tms').execute())
        .map((s) => JSON.parse(s.record_json) as TmsRecord);
      assert.ok(sessions.length > 30);
      assert.ok(sessions.every((s) => s.motorThreshold?.kind === 'resting' && s.targeting === 'beam_f3' && s.trains === 75));
      const first = sessions.filter((s) => s.sessionNumber === 1);
      assert.ok(first.length > 0 && first.every((s) => s.seizureScreening?.result === 'no_risk_found'));
    });
  });
}
