import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';

/**
 * Seals short secrets that must be stored but never read from a copy of the database (TOTP seeds)
 * with AES-256-GCM under a key kept outside the database. The owner of the secret (e.g. the staff
 * id) is bound as associated data, so a sealed value moved to another row does not open.
 */
export interface SecretBox {
  seal(plain: string, owner: string): string;
  /** The plain secret; a value stored before sealing existed (no prefix) is returned as it is. */
  open(stored: string, owner: string): string;
  /** True when `stored` was sealed by a SecretBox (any key). */
  isSealed(stored: string): boolean;
  /** The raw key, for encrypting backups. */
  readonly key: Buffer;
}

const PREFIX = 'mm1.';
const KEY_BYTES = 32;

export class SecretKeyError extends Error {}

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== KEY_BYTES) throw new SecretKeyError(`the secret key must be ${KEY_BYTES} bytes, got ${key.length}`);
  return {
    key,
    isSealed: (stored) => stored.startsWith(PREFIX),
    seal(plain, owner) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      c.setAAD(Buffer.from(owner, 'utf8'));
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final(), c.getAuthTag()]);
      return `${PREFIX}${iv.toString('base64url')}.${body.toString('base64url')}`;
    },
    open(stored, owner) {
      if (!stored.startsWith(PREFIX)) return stored;
      const [ivText, bodyText] = stored.slice(PREFIX.length).split('.');
      const iv = Buffer.from(ivText ?? '', 'base64url');
      const body = Buffer.from(bodyText ?? '', 'base64url');
      if (iv.length !== 12 || body.length < 16) throw new SecretKeyError('a sealed secret is malformed');
      const d = createDecipheriv('aes-256-gcm', key, iv);
      d.setAAD(Buffer.from(owner, 'utf8'));
      d.setAuthTag(body.subarray(body.length - 16));
      try {
        return Buffer.concat([d.update(body.subarray(0, body.length - 16)), d.final()]).toString('utf8');
      } catch {
        throw new SecretKeyError('a sealed secret does not open with this key (wrong MIMAMORI_KEY_FILE?)');
      }
    },
  };
}

/** A box with a random key that lives as long as the process: for tests and in-process tools. */
export function ephemeralSecretBox(): SecretBox {
  return createSecretBox(randomBytes(KEY_BYTES));
}

/**
 * Where the key lives: `MIMAMORI_KEY_FILE`, else `mimamori.key` beside the SQLite file, else
 * `data/mimamori.key` (PostgreSQL). The server and the CLI both ask this function.
 */
export function secretKeyFileFor(o: { readonly env: Readonly<Record<string, string | undefined>>; readonly cwd: string; readonly sqlitePath?: string; readonly postgres: boolean }): string {
  const fromEnv = o.env.MIMAMORI_KEY_FILE;
  const chosen = fromEnv ? fromEnv : !o.postgres && o.sqlitePath ? join(dirname(o.sqlitePath), 'mimamori.key') : 'data/mimamori.key';
  return isAbsolute(chosen) ? chosen : join(o.cwd, chosen);
}

/**
 * Reads the key file, or creates it (mode 0600, 32 random bytes as base64) when it does not exist.
 * Refuses a key file that others can read or that does not hold exactly 32 bytes.
 */
export function loadOrCreateSecretKey(path: string): { key: Buffer; created: boolean } {
  let created = false;
  if (!existsSync(path)) {
    // Written to a private temporary file, then linked into place: another process starting at the
    // same moment either wins the link or reads the complete winner, never a half-written key.
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    writeFileSync(tmp, `${randomBytes(KEY_BYTES).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    try {
      linkSync(tmp, path);
      created = true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new SecretKeyError(`cannot create the key file ${path}: ${(e as Error).message}`);
    } finally {
      rmSync(tmp, { force: true });
    }
  }
  const mode = statSync(path).mode & 0o077;
  if (mode !== 0) throw new SecretKeyError(`the key file ${path} is readable by other users; run: chmod 600 ${path}`);
  const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
  if (key.length !== KEY_BYTES) throw new SecretKeyError(`the key file ${path} does not hold a ${KEY_BYTES}-byte key`);
  return { key, created };
}
