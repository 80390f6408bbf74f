import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { closeSync, createReadStream, createWriteStream, openSync, readSync, statSync } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Backups leave the machine, so they are encrypted (AES-256-GCM) with a key derived from the
 * clinic's key file, which stays on the server. Layout: 16-byte magic, 12-byte nonce, ciphertext,
 * 16-byte tag. A backup file read without the key is not a database file or dump of any kind.
 */
const MAGIC = Buffer.from('MIMAMORI-BKP-v1\n', 'latin1');
const NONCE = 12;
const TAG = 16;

function backupKey(masterKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'mimamori backup file v1', 32));
}

export class BackupCryptoError extends Error {}

/** True when the file starts with the encrypted-backup header. */
export function isEncryptedBackup(path: string): boolean {
  if (statSync(path).size < MAGIC.length) return false;
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(MAGIC.length);
    readSync(fd, head, 0, MAGIC.length, 0);
    return head.equals(MAGIC);
  } finally {
    closeSync(fd);
  }
}

/** Encrypts `source` into a new file `target` (mode 0600; never overwrites). */
export async function encryptBackupFile(source: string, target: string, masterKey: Buffer): Promise<void> {
  const nonce = randomBytes(NONCE);
  const cipher = createCipheriv('aes-256-gcm', backupKey(masterKey), nonce);
  cipher.setAAD(MAGIC);
  const out = createWriteStream(target, { flags: 'wx', mode: 0o600 });
  out.write(Buffer.concat([MAGIC, nonce]));
  const appendTag = new Transform({
    transform(chunk, _enc, done) {
      done(null, chunk);
    },
    flush(done) {
      done(null, cipher.getAuthTag());
    },
  });
  await pipeline(createReadStream(source), cipher, appendTag, out);
}

/**
 * Decrypts an encrypted backup into a new file `target` (mode 0600). Throws `BackupCryptoError`
 * when the key is not the one the backup was made with, or the file was altered or cut short;
 * the caller must then discard `target`.
 */
export async function decryptBackupFile(source: string, target: string, masterKey: Buffer): Promise<void> {
  const size = statSync(source).size;
  if (size < MAGIC.length + NONCE + TAG || !isEncryptedBackup(source)) throw new BackupCryptoError('not an encrypted Mimamori backup');
  const fd = openSync(source, 'r');
  const nonce = Buffer.alloc(NONCE);
  const tag = Buffer.alloc(TAG);
  try {
    readSync(fd, nonce, 0, NONCE, MAGIC.length);
    readSync(fd, tag, 0, TAG, size - TAG);
  } finally {
    closeSync(fd);
  }
  const decipher = createDecipheriv('aes-256-gcm', backupKey(masterKey), nonce);
  decipher.setAAD(MAGIC);
  decipher.setAuthTag(tag);
  try {
    await pipeline(
      createReadStream(source, { start: MAGIC.length + NONCE, end: size - TAG - 1 }),
      decipher,
      createWriteStream(target, { flags: 'wx', mode: 0o600 }),
    );
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw e;
    throw new BackupCryptoError('the backup does not decrypt with this key file (made with another key, or the file was altered or cut short)');
  }
}
