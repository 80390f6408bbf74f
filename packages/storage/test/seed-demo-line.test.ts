import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { getLineChannel, listLineLinks, listOutbox, seedDemo, seedDemoLine } from '../src/index.ts';
import { createTestDb, testDialects, type TestDb } from './test-db.ts';

const NOW = new Date('2026-12-07T01:00:00.000Z');

for (const dialect of testDialects()) {
  describe(`demo LINE data (${dialect})`, () => {
    let t: TestDb;
    let clinicId = '';
    before(async () => {
      t = await createTestDb(dialect);
      await t.db.transaction().execute(async (tx) => {
        await seedDemo(tx, { now: NOW, today: '2026-12-07', secrets: t.secrets });
        await seedDemoLine(tx, { now: NOW, secrets: t.secrets });
      });
      clinicId = (await t.db.selectFrom('staff').select('clinic_id').where('login_id', '=', 'demo.admin').executeTakeFirstOrThrow()).clinic_id!;
    });
    after(() => t.destroy());

    test('a channel with fake credentials, marked as such and sealed; one linked demo patient', async () => {
      const ch = (await getLineChannel(t.db, clinicId))!;
      assert.match(ch.bot_name!, /デモ.*DEMO/);
      assert.match(t.secrets.open(ch.token_sealed, `line-token:${clinicId}`), /^DEMO-/);
      assert.match(ch.token_sealed, /^mm1\./);
      const hanako = await t.db.selectFrom('patients').select('id').where('name_kanji', '=', '見本 花子').executeTakeFirstOrThrow();
      assert.deepEqual((await listLineLinks(t.db, clinicId, hanako.id)).map((l) => l.status), ['active']);
    });

    test('the outbox shows delivered and failed LINE messages, the mail sent instead, and a bounced mail', async () => {
      const rows = await listOutbox(t.db, { clinicId, limit: 100 });
      const line = rows.filter((r) => r.channel === 'line');
      assert.deepEqual(line.map((r) => r.status).sort(), ['failed', 'sent', 'sent']);
      const failed = line.find((r) => r.status === 'failed')!;
      assert.ok(rows.some((r) => r.channel === 'mail' && r.fallback_of === failed.id));
      assert.ok(rows.some((r) => r.channel === 'mail' && r.status === 'failed' && /550/.test(r.last_error ?? '')));
    });
  });
}
