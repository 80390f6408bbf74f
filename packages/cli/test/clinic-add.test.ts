import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClinic, tokenId, verifyAudit } from '@mimamori/storage';
import { createTestDb, testDialects, type TestDb } from '../../storage/test/test-db.ts';
import { main } from '../src/main.ts';

for (const dialect of testDialects()) {
  describe(`mimamori clinic add (${dialect})`, () => {
    let t: TestDb;
    let dir: string;
    let run: (...argv: string[]) => Promise<{ code: number; out: string; err: string }>;
    before(async () => {
      t = await createTestDb(dialect);
      dir = mkdtempSync(join(tmpdir(), 'mm-clinic-'));
      const env = { ...(dialect === 'postgres' ? { DATABASE_URL: t.url } : { MIMAMORI_DB: t.location }), MIMAMORI_KEY_FILE: join(dir, 'clinic.key'), PUBLIC_URL: 'https://clinic.example.jp/' };
      run = async (...argv) => {
        let out = '';
        let err = '';
        const code = await main(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), env, cwd: dir });
        return { code, out, err };
      };
      // The first clinic, as the first-run setup makes it.
      await t.db.transaction().execute((tx) => createClinic(tx, { name: '見守りクリニック 本院', id: 'honin', now: new Date('2026-11-01T00:00:00Z'), actorRole: 'setup' }));
    });
    after(async () => {
      await t.destroy();
      rmSync(dir, { recursive: true, force: true });
    });

    const counts = async () => ({
      clinics: (await t.db.selectFrom('clinics').select('id').execute()).length,
      links: (await t.db.selectFrom('credential_links').select('id').execute()).length,
      settings: (await t.db.selectFrom('scheduling_settings').select('clinic_id').execute()).length,
      audit: (await t.db.selectFrom('audit_log').select('seq').execute()).length,
    });

    test('adds a clinic with its defaults and prints its one-time setup link, expiring on the clinic clock', async () => {
      const r = await run('clinic', 'add', '--name', '  見守りクリニック　梅田 ', '--id', 'umeda');
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /created clinic umeda 「見守りクリニック 梅田」 \(Asia\/Tokyo\)/);
      const url = /https:\/\/clinic\.example\.jp\/setup\?token=([A-Za-z0-9_-]+)/.exec(r.out);
      assert.ok(url, r.out);
      // 24 h from now, on the clinic's clock with the zone named; never the UTC "Z" form.
      assert.match(r.out, /valid until \d{4}-\d{2}-\d{2} \d{2}:\d{2} \(Asia\/Tokyo, UTC\+09:00\)/);
      assert.doesNotMatch(r.out, /\d{2}:\d{2}:\d{2}\.\d{3}Z/);
      const clinic = await t.db.selectFrom('clinics').selectAll().where('id', '=', 'umeda').executeTakeFirstOrThrow();
      assert.equal(clinic.name, '見守りクリニック 梅田');
      assert.equal(clinic.time_zone, 'Asia/Tokyo');
      const link = await t.db.selectFrom('credential_links').selectAll().where('id', '=', tokenId(url[1]!)).executeTakeFirstOrThrow();
      assert.equal(link.clinic_id, 'umeda');
      assert.equal(link.purpose, 'setup');
      assert.equal(Date.parse(link.expires_at) - Date.parse(link.created_at), 24 * 3600_000);
      const settings = await t.db.selectFrom('scheduling_settings').selectAll().where('clinic_id', '=', 'umeda').executeTakeFirstOrThrow();
      // It starts empty: no hours, no phone, no bookable resource — nothing of the demo clinic's.
      assert.deepEqual(JSON.parse(settings.calendar_json).weeklyHours, {});
      assert.equal(settings.clinic_phone, '');
      assert.deepEqual(await t.db.selectFrom('scheduling_resources').select('id').where('clinic_id', '=', 'umeda').execute(), []);
      const chain = await t.db.selectFrom('audit_log').select(['action', 'chain']).where('clinic_id', '=', 'umeda').execute();
      assert.deepEqual(chain.map((a) => a.action), ['clinic.create']);
      assert.ok((await verifyAudit(t.db)).ok);
      const list = await run('clinic', 'list');
      assert.match(list.out, /^honin\t見守りクリニック 本院\tAsia\/Tokyo\numeda\t見守りクリニック 梅田\tAsia\/Tokyo\n$/);
    });

    test('user add --clinic puts the account in that clinic; an unknown clinic is refused', async () => {
      const r = await run('user', 'add', '--login', 'umeda.doctor', '--name', '梅田 医師', '--role', 'doctor', '--clinic', 'umeda');
      assert.equal(r.code, 0, r.err);
      assert.equal((await t.db.selectFrom('staff').select('clinic_id').where('login_id', '=', 'umeda.doctor').executeTakeFirstOrThrow()).clinic_id, 'umeda');
      const bad = await run('user', 'add', '--login', 'nowhere.doctor', '--name', 'x', '--role', 'doctor', '--clinic', 'nowhere');
      assert.equal(bad.code, 1);
      assert.match(bad.err, /no clinic "nowhere"/);
    });

    test('a clinic without --id gets a random one', async () => {
      const r = await run('clinic', 'add', '--name=見守りクリニック 横浜');
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /created clinic [0-9a-f]{32} /);
    });

    test('refuses a taken id or name, an empty name, a bad id or zone in Japanese and English, and writes nothing', async () => {
      const before = await counts();
      const cases: Array<[string[], RegExp, RegExp]> = [
        [['--name', '別の名前', '--id', 'umeda'], /クリニックID「umeda」はすでに使われています/, /The clinic id "umeda" is taken already/],
        [['--name', '見守りクリニック 梅田', '--id', 'umeda2'], /「見守りクリニック 梅田」という名前のクリニックはすでにあります/, /A clinic named "見守りクリニック 梅田" exists already/],
        [['--name', '   '], /クリニック名を入力してください/, /Give the clinic a name/],
        [['--name', '京都', '--id', 'Kyoto Clinic'], /クリニックIDは半角の英小文字/, /A clinic id is 2–40 lower-case letters/],
        [['--name', '京都', '--time-zone', 'Mars/Olympus'], /タイムゾーン「Mars\/Olympus」は使えません/, /The time zone "Mars\/Olympus" is not known/],
      ];
      for (const [args, ja, en] of cases) {
        const r = await run('clinic', 'add', ...args);
        assert.equal(r.code, 1, `${args.join(' ')}: ${r.out}`);
        assert.match(r.err, ja);
        assert.match(r.err, en);
        assert.match(r.err, /nothing was created/);
        assert.equal(r.out, '');
      }
      const missing = await run('clinic', 'add');
      assert.equal(missing.code, 2);
      assert.match(missing.err, /クリニック名を入力してください（--name）/);
      assert.deepEqual(await counts(), before);
    });
  });
}
