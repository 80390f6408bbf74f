import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createSecretBox, ephemeralSecretBox, loadOrCreateSecretKey, secretKeyFileFor, SecretKeyError } from '../src/security/secret-box.ts';

const dir = mkdtempSync(join(tmpdir(), 'mm-key-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('a sealed TOTP secret opens with the same key and owner, and shows nothing of the secret', () => {
  const box = ephemeralSecretBox();
  const sealed = box.seal('JBSWY3DPEHPK3PXP', 'staff-1');
  assert.ok(box.isSealed(sealed));
  assert.doesNotMatch(sealed, /JBSWY3DPEHPK3PXP/);
  assert.notEqual(box.seal('JBSWY3DPEHPK3PXP', 'staff-1'), sealed, 'a fresh nonce every time');
  assert.equal(box.open(sealed, 'staff-1'), 'JBSWY3DPEHPK3PXP');
});

test('a sealed secret copied to another account, altered, or read with another key does not open', () => {
  const box = ephemeralSecretBox();
  const sealed = box.seal('JBSWY3DPEHPK3PXP', 'staff-1');
  assert.throws(() => box.open(sealed, 'staff-2'), SecretKeyError);
  assert.throws(() => ephemeralSecretBox().open(sealed, 'staff-1'), SecretKeyError);
  const last = sealed.at(-2) === 'A' ? 'B' : 'A';
  assert.throws(() => box.open(`${sealed.slice(0, -2)}${last}${sealed.at(-1)}`, 'staff-1'), SecretKeyError);
  assert.throws(() => box.open('mm1.x.y', 'staff-1'), SecretKeyError);
});

test('a secret stored before sealing existed is read as it is, so it can be sealed at the next sign-in', () => {
  const box = ephemeralSecretBox();
  assert.equal(box.isSealed('JBSWY3DPEHPK3PXP'), false);
  assert.equal(box.open('JBSWY3DPEHPK3PXP', 'staff-1'), 'JBSWY3DPEHPK3PXP');
});

test('the key file is created once with mode 0600 and the same key is read back', () => {
  const path = join(dir, 'sub', 'mimamori.key');
  const first = loadOrCreateSecretKey(path);
  assert.equal(first.created, true);
  assert.equal(statSync(path).mode & 0o777, 0o600);
  const again = loadOrCreateSecretKey(path);
  assert.equal(again.created, false);
  assert.deepEqual(again.key, first.key);
  const sealed = createSecretBox(first.key).seal('s', 'o');
  assert.equal(createSecretBox(again.key).open(sealed, 'o'), 's');
});

test('a key file others can read, or one without a 32-byte key, is refused with the fix in the message', () => {
  const open = join(dir, 'open.key');
  writeFileSync(open, `${Buffer.alloc(32, 1).toString('base64')}\n`, { mode: 0o644 });
  chmodSync(open, 0o644);
  assert.throws(() => loadOrCreateSecretKey(open), /chmod 600/);
  const short = join(dir, 'short.key');
  writeFileSync(short, 'c2hvcnQ=\n', { mode: 0o600 });
  assert.throws(() => loadOrCreateSecretKey(short), /32-byte key/);
  assert.match(readFileSync(short, 'utf8'), /c2hvcnQ=/, 'a refused file is left as it was');
});

test('the server and the CLI find the same key file: MIMAMORI_KEY_FILE, else beside the SQLite file, else data/', () => {
  assert.equal(secretKeyFileFor({ env: { MIMAMORI_KEY_FILE: '/etc/mimamori/key' }, cwd: '/srv', sqlitePath: '/srv/data/x.db', postgres: false }), '/etc/mimamori/key');
  assert.equal(secretKeyFileFor({ env: {}, cwd: '/srv', sqlitePath: '/var/lib/mm/clinic.db', postgres: false }), '/var/lib/mm/mimamori.key');
  assert.equal(secretKeyFileFor({ env: {}, cwd: '/srv', postgres: true }), '/srv/data/mimamori.key');
  assert.equal(secretKeyFileFor({ env: { MIMAMORI_KEY_FILE: 'keys/k' }, cwd: '/srv', postgres: true }), '/srv/keys/k');
});

test('the database refuses to open with a key file that does not belong to it, and says what to do', async () => {
  const { createDb } = await import('../src/create-db.ts');
  const { addStaffUser } = await import('../src/admin/add-staff-user.ts');
  const sqlitePath = join(dir, 'clinic.db');
  const keyFile = join(dir, 'clinic.key');
  const h = await createDb({ sqlitePath, keyFile });
  await addStaffUser(h.db, { loginId: 'admin.one', displayName: 'a', role: 'admin', now: new Date('2026-11-29T00:00:00Z'), secrets: h.secrets });
  await h.close();
  const again = await createDb({ sqlitePath, keyFile });
  await again.close();
  await assert.rejects(createDb({ sqlitePath, keyFile: join(dir, 'other.key') }), /does not open the secrets stored in this database/);
});
