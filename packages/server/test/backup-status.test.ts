import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { newId, recordBackupRun } from '@mimamori/storage';
import { testDialects } from '../../storage/test/test-db.ts';
import { as, createTestApp, signedIn, type Session, type TestApp } from './test-app.ts';

for (const dialect of testDialects()) {
  describe(`backups screen (${dialect})`, () => {
    let t: TestApp;
    let admin: Session;
    before(async () => {
      t = await createTestApp(dialect);
      admin = await signedIn(t, 'admin');
    });
    after(async () => t.destroy());
    const hoursAgo = (h: number) => new Date(t.clock.now.getTime() - h * 3600_000).toISOString();
    const note = (h: number, file: string) => recordBackupRun(t.db.db, { id: newId(), finishedAt: hoursAgo(h), file, sizeBytes: 123_456, engine: dialect, source: 'cli' });

    test('no backup yet, then one 30 hours old (a warning), then a fresh one; only administrators see it', async () => {
      const none = await as(t, admin, { url: '/api/backups' });
      assert.equal(none.statusCode, 200, none.body);
      assert.deepEqual(none.json(), { engine: dialect, freshness: { state: 'none', ageHours: null, warnHours: 24 }, runs: [] });
      await note(30, '/srv/mimamori/backups/old.db');
      assert.deepEqual((await as(t, admin, { url: '/api/backups' })).json().freshness, { state: 'stale', ageHours: 30, warnHours: 24 });
      await note(2, '/srv/mimamori/backups/new.db');
      const ok = (await as(t, admin, { url: '/api/backups' })).json();
      assert.deepEqual(ok.freshness, { state: 'ok', ageHours: 2, warnHours: 24 });
      assert.deepEqual(ok.runs.map((r: { file: string }) => r.file), ['/srv/mimamori/backups/new.db', '/srv/mimamori/backups/old.db']);
      assert.equal(ok.runs[0].sizeBytes, 123_456);
      for (const role of ['reception', 'doctor'] as const) {
        assert.equal((await as(t, await signedIn(t, role), { url: '/api/backups' })).statusCode, 403);
      }
    });
  });
}
