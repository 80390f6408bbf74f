import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { appendAudit, appendExportSignature, createSecretBox, insertClinic, listBackupRuns, loadOrCreateSecretKey, seedDemo, verifyAudit } from '@mimamori/storage';
import { createTestDb, testDialects, type TestDb } from '../../storage/test/test-db.ts';
import { asAttacker, disableAuditTriggers } from '../../storage/test/as-attacker.ts';
import { main } from '../src/main.ts';

function cli(env: Record<string, string | undefined>, cwd: string) {
  return async (...argv: string[]) => {
    let out = '';
    let err = '';
    const code = await main(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), env, cwd });
    return { code, out, err };
  };
}

for (const dialect of testDialects()) {
  describe(`mimamori db / audit / user (${dialect})`, () => {
    let t: TestDb;
    let dir: string;
    let run: ReturnType<typeof cli>;
    let keyFile: string;
    let env: Record<string, string | undefined>;
    before(async () => {
      t = await createTestDb(dialect);
      dir = mkdtempSync(join(tmpdir(), 'mm-cli-'));
      keyFile = join(dir, 'clinic.key');
      const secrets = createSecretBox(loadOrCreateSecretKey(keyFile).key);
      env = { ...(dialect === 'postgres' ? { DATABASE_URL: t.url } : { MIMAMORI_DB: t.location }), MIMAMORI_KEY_FILE: keyFile };
      run = cli(env, dir);
      await t.db.transaction().execute((tx) => seedDemo(tx, { now: new Date('2026-11-29T00:00:00Z'), today: '2026-11-29', secrets }));
    });
    after(async () => {
      await t.destroy();
      rmSync(dir, { recursive: true, force: true });
    });

    const snapshot = async () => ({
      patients: await t.db.selectFrom('patients').selectAll().orderBy('id').execute(),
      versions: await t.db.selectFrom('patient_versions').select(['patient_id', 'version', 'data_json']).orderBy('patient_id').orderBy('version').execute(),
      staff: await t.db.selectFrom('staff').select(['id', 'login_id', 'password_hash', 'totp_secret']).orderBy('id').execute(),
      audit: await t.db.selectFrom('audit_log').select(['chain', 'seq', 'hash']).orderBy('chain').orderBy('seq').execute(),
    });

    test('db migrate is idempotent', async () => {
      const r = await run('db', 'migrate');
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /applied 0 migration/);
    });

    test('backup → damage → restore brings back every row, and the audit chain verifies', async () => {
      const before = await snapshot();
      // The demo's dozen patients, the 52 people screened for its TMS program and the exosome program's participant (README, Demo).
      assert.equal(before.patients.length, 12 + 52 + 1);
      const r = await run('db', 'backup', 'b1.backup');
      assert.equal(r.code, 0, r.err);
      assert.equal((await run('db', 'backup', 'b1.backup')).code, 1, 'a backup is never overwritten');
      // Damage after the backup: lose patients, add rows that were not in it.
      // (the patients no other record refers to: their past first visits go too; participants, billed,
      // LINE-linked patients and the rest stay, as their records refer to them)
      const referring = (await t.db.introspection.getTables())
        .filter((tb) => !['patients', 'patient_versions', 'appointments', 'audit_log'].includes(tb.name) && tb.columns.some((c) => c.name === 'patient_id'));
      const kept = new Set<string>();
      for (const tb of referring) {
        const rows = await t.db.selectFrom(tb.name as 'patients').select(sql<string>`patient_id`.as('patient_id')).where(sql.ref('patient_id'), 'is not', null).execute();
        for (const r of rows) kept.add(r.patient_id);
      }
      // …and the patients whose appointments another record names.
      for (const tb of (await t.db.introspection.getTables()).filter((x) => x.name !== 'appointments' && x.columns.some((c) => c.name === 'appointment_id'))) {
        const ids = (await t.db.selectFrom(tb.name as 'patients').select(sql<string>`appointment_id`.as('a')).where(sql.ref('appointment_id'), 'is not', null).execute()).map((r) => r.a);
        if (ids.length === 0) continue;
        for (const r of await t.db.selectFrom('appointments').select('patient_id').where('id', 'in', ids).execute()) kept.add(r.patient_id);
      }
      assert.ok(kept.size < before.patients.length, 'some patients are lost');
      await t.db.deleteFrom('appointments').where('patient_id', 'not in', [...kept]).execute();
      await t.db.deleteFrom('patient_versions').where('patient_id', 'not in', [...kept]).execute();
      await t.db.deleteFrom('patients').where('id', 'not in', [...kept]).execute();
      assert.equal((await t.db.selectFrom('patients').select('id').execute()).length, kept.size);
      await t.db.insertInto('clinics').values({ id: 'later', name: 'x', time_zone: 'Asia/Tokyo', settings_json: '{}', created_at: 'x' }).execute();
      const restored = await run('db', 'restore', 'b1.backup');
      assert.equal(restored.code, 0, restored.err + restored.out);
      assert.match(restored.out, /audit chain verified/);
      assert.deepEqual(await snapshot(), before);
      assert.equal((await t.db.selectFrom('clinics').selectAll().where('id', '=', 'later').execute()).length, 0);
    });

    test('a backup leaves only its own file: no plain copy, -wal or -shm beside it, after backup or restore', async () => {
      mkdirSync(join(dir, 'only'));
      const r = await run('db', 'backup', 'only/b.backup');
      assert.equal(r.code, 0, r.err);
      assert.deepEqual(readdirSync(join(dir, 'only')), ['b.backup']);
      // Noted for the administrators' backups screen: when, which file, how big.
      const [noted] = await listBackupRuns(t.db, 1);
      assert.equal(noted?.file, join(dir, 'only', 'b.backup'));
      assert.equal(noted?.sizeBytes, statSync(join(dir, 'only', 'b.backup')).size);
      assert.equal(noted?.engine, dialect);
      const back = await run('db', 'restore', 'only/b.backup');
      assert.equal(back.code, 0, back.err);
      assert.deepEqual(readdirSync(join(dir, 'only')), ['b.backup']);
    });

    test('a backup is encrypted: without the key it is no database or dump; with another key file it restores nothing', async () => {
      const r = await run('db', 'backup', 'enc.backup');
      assert.equal(r.code, 0, r.err);
      const head = readFileSync(join(dir, 'enc.backup')).subarray(0, 16).toString('latin1');
      assert.ok(!head.startsWith('SQLite format 3') && !head.startsWith('PGDMP') && !head.startsWith('PK'), `plain magic bytes: ${JSON.stringify(head)}`);
      assert.doesNotMatch(readFileSync(join(dir, 'enc.backup')).toString('latin1'), /CREATE TABLE|patients/);
      const before = await snapshot();
      const otherKey = join(dir, 'other.key');
      loadOrCreateSecretKey(otherKey);
      const wrong = await cli({ ...env, MIMAMORI_KEY_FILE: otherKey }, dir)('db', 'restore', 'enc.backup');
      assert.equal(wrong.code, 1);
      assert.match(wrong.err, /does not decrypt with this key file/);
      const missing = await cli({ ...env, MIMAMORI_KEY_FILE: join(dir, 'none.key') }, dir)('db', 'restore', 'enc.backup');
      assert.equal(missing.code, 1);
      assert.match(missing.err, /no key file at/);
      assert.deepEqual(await snapshot(), before);
    });

    test('restore refuses a file that is not a backup, and changes nothing', async () => {
      writeFileSync(join(dir, 'junk.backup'), 'not a database at all');
      const before = await snapshot();
      const r = await run('db', 'restore', 'junk.backup');
      assert.notEqual(r.code, 0);
      assert.ok(r.err.length > 0);
      assert.deepEqual(await snapshot(), before);
    });

    test('audit head prints the chain heads to keep outside; a chain rebuilt from scratch verifies alone but not against them', async () => {
      await insertClinic(t.db, { id: 'anchored', name: 'A', timeZone: 'Asia/Tokyo', now: '2026-01-01T00:00:00Z' });
      const entry = (i: number) => ({ at: `2026-01-02T00:00:0${i}.000Z`, clinicId: 'anchored', actorId: 'a', actorRole: 'doctor', action: 'patient.read', resource: 'patient', patientId: `p${i}`, outcome: 'success' as const });
      for (let i = 0; i < 3; i++) await appendAudit(t.db, entry(i));
      const head = await run('audit', 'head');
      assert.equal(head.code, 0, head.err);
      assert.match(head.out, /^mimamori-audit-head anchored 3 [0-9a-f]{64}$/m);
      writeFileSync(join(dir, 'heads.txt'), `Mimamori 監査ログ先頭ハッシュ\n${head.out}`);
      const ok = await run('audit', 'verify', '--anchors', 'heads.txt');
      assert.equal(ok.code, 0, ok.out + ok.err);
      assert.match(ok.out, /reproduced by the rows up to them/);
      // Someone with database access deletes the chain and writes a new, self-consistent one.
      if (dialect === 'sqlite') await sql`DROP TRIGGER audit_log_no_delete`.execute(t.db);
      else await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(t.db);
      await t.db.deleteFrom('audit_log').where('chain', '=', 'anchored').execute();
      await t.db.deleteFrom('audit_head').where('chain', '=', 'anchored').execute();
      for (let i = 0; i < 3; i++) await appendAudit(t.db, { ...entry(i), action: 'patient.list' });
      assert.equal((await run('audit', 'verify')).code, 0, 'the rebuilt chain is consistent on its own');
      const caught = await run('audit', 'verify', '--anchors', 'heads.txt');
      assert.equal(caught.code, 1);
      assert.match(caught.out, /audit log REWRITTEN: chain anchored seq 3/);
      writeFileSync(join(dir, 'empty.txt'), 'nothing here');
      assert.equal((await run('audit', 'verify', '--anchors', 'empty.txt')).code, 1);
    });

    test('audit verify is not fooled by a row changed in the database file and its chain head deleted', async () => {
      // A database of its own, so the other tests' chains do not decide the exit code.
      const own = await createTestDb(dialect);
      try {
        const runOwn = cli({ ...(dialect === 'postgres' ? { DATABASE_URL: own.url } : { MIMAMORI_DB: own.location }), MIMAMORI_KEY_FILE: keyFile }, dir);
        await insertClinic(own.db, { id: 'headless', name: 'H', timeZone: 'Asia/Tokyo', now: '2026-01-01T00:00:00Z' });
        for (let i = 0; i < 5; i++) {
          await appendAudit(own.db, { at: `2026-01-03T00:00:0${i}.000Z`, clinicId: 'headless', actorId: 'a', actorRole: 'doctor', action: 'patient.read', resource: 'patient', patientId: `p${i}`, outcome: 'success' });
        }
        writeFileSync(join(dir, 'headless-heads.txt'), (await runOwn('audit', 'head')).out);
        assert.equal((await runOwn('audit', 'verify', '--anchors', 'headless-heads.txt')).code, 0);
        await asAttacker(own, [
          ...disableAuditTriggers(dialect),
          "UPDATE audit_log SET patient_id = 'someone-else' WHERE chain = 'headless' AND seq = 3",
          "DELETE FROM audit_head WHERE chain = 'headless'",
        ]);
        const bad = await runOwn('audit', 'verify');
        assert.equal(bad.code, 1, bad.out);
        assert.match(bad.out, /audit log BROKEN: first bad row id \d+ \(chain headless, seq 3\): row content does not match its hash/);
        const anchored = await runOwn('audit', 'verify', '--anchors', 'headless-heads.txt');
        assert.equal(anchored.code, 1, anchored.out);
        assert.match(anchored.out, /audit log REWRITTEN: chain headless seq 5 .*rows up to it do not verify \(seq 3/);
        // The head alone deleted (rows intact) fails too.
        await asAttacker(own, ["UPDATE audit_log SET patient_id = 'p2' WHERE chain = 'headless' AND seq = 3"]);
        const headless = await runOwn('audit', 'verify', '--json');
        assert.equal(headless.code, 1);
        assert.deepEqual(JSON.parse(headless.out).firstBad, { id: JSON.parse(headless.out).firstBad.id, chain: 'headless', seq: 5, reason: 'chain head missing (deleted?)' });
      } finally {
        await own.destroy();
      }
    });

    test('audit check-export: an export as written passes; an edited or unsigned copy fails', async () => {
      const signed = appendExportSignature(loadOrCreateSecretKey(keyFile).key, '\uFEFFid,at\r\n1,2026-11-29T00:00:00Z\r\n');
      writeFileSync(join(dir, 'audit.csv'), signed);
      writeFileSync(join(dir, 'edited.csv'), signed.replace('1,2026', '2,2026'));
      writeFileSync(join(dir, 'plain.csv'), 'id,at\r\n');
      const ok = await run('audit', 'check-export', 'audit.csv');
      assert.equal(ok.code, 0, ok.out + ok.err);
      assert.match(ok.out, /signature valid/);
      const edited = await run('audit', 'check-export', 'edited.csv');
      assert.equal(edited.code, 1);
      assert.match(edited.out, /EDITED/);
      assert.equal((await run('audit', 'check-export', 'plain.csv')).code, 1);
      assert.equal((await run('audit', 'check-export')).code, 2, 'usage error without a file');
    });

    test('audit verify passes on an intact log and names the first tampered row', async () => {
      await insertClinic(t.db, { id: 'tamper', name: 'T', timeZone: 'Asia/Tokyo', now: '2026-01-01T00:00:00Z' });
      for (let i = 0; i < 5; i++) {
        await appendAudit(t.db, { at: `2026-01-01T00:00:0${i}.000Z`, clinicId: 'tamper', actorId: 'a', actorRole: 'doctor', action: 'patient.read', resource: 'patient', patientId: `p${i}`, outcome: 'success' });
      }
      const ok = await run('audit', 'verify');
      assert.equal(ok.code, 0, ok.out + ok.err);
      assert.match(ok.out, /audit log OK/);
      const target = await t.db.selectFrom('audit_log').select('id').where('chain', '=', 'tamper').where('seq', '=', 3).executeTakeFirstOrThrow();
      if (dialect === 'sqlite') await sql`DROP TRIGGER audit_log_no_update`.execute(t.db);
      else await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(t.db);
      await sql`UPDATE audit_log SET action = 'patient.list' WHERE id = ${target.id}`.execute(t.db);
      const bad = await run('audit', 'verify');
      assert.equal(bad.code, 1);
      assert.match(bad.out, new RegExp(`first bad row id ${target.id} \\(chain tamper, seq 3\\)`));
      assert.equal((await verifyAudit(t.db)).ok, false);
    });

    test('user add prints one-time credentials; user reset replaces them; bad usage exits 2 with a message', async () => {
      const add = await run('user', 'add', '--login', 'dr.sato', '--name', '佐藤 医師', '--role', 'doctor');
      assert.equal(add.code, 0, add.err);
      assert.match(add.out, /password:\s+\S{16}/);
      assert.match(add.out, /TOTP secret: [A-Z2-7]+/);
      const row = await t.db.selectFrom('staff').select(['password_hash', 'role']).where('login_id', '=', 'dr.sato').executeTakeFirstOrThrow();
      assert.match(row.password_hash!, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      const dup = await run('user', 'add', '--login', 'dr.sato', '--name', 'x', '--role', 'doctor');
      assert.equal(dup.code, 1);
      assert.match(dup.err, /already in use/);
      const badRole = await run('user', 'add', '--login', 'x.y', '--name', 'x', '--role', 'janitor');
      assert.equal(badRole.code, 1);
      assert.match(badRole.err, /unknown role/);
      const reset = await run('user', 'reset', '--login', 'dr.sato');
      assert.equal(reset.code, 0, reset.err);
      const after = await t.db.selectFrom('staff').select('password_hash').where('login_id', '=', 'dr.sato').executeTakeFirstOrThrow();
      assert.notEqual(after.password_hash, row.password_hash);
      const usage = await run('user', 'add', '--login');
      assert.equal(usage.code, 2);
      assert.match(usage.err, /needs a value/);
      assert.equal((await run('user', '--help')).code, 0);
      assert.equal((await run('nonsense')).code, 2);
    });
  });
}
