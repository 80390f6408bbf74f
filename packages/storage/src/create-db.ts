import type { Database as SqliteDatabase } from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { DialectName } from './dialect.ts';
import { openPostgres, checkPostgresSettings } from './dialects/postgres.ts';
import { openSqlite } from './dialects/sqlite.ts';
import { migrate } from './migrate.ts';
import { createSecretBox, ephemeralSecretBox, loadOrCreateSecretKey, SecretKeyError, type SecretBox } from './security/secret-box.ts';
import type { Database } from './schema.ts';

export interface DbHandle {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  /** SQLite file path or a PostgreSQL URL with the password removed (for messages). */
  readonly location: string;
  readonly close: () => Promise<void>;
  /** Online backup to a file (SQLite: VACUUM INTO; PostgreSQL: not here — the CLI runs pg_dump). */
  readonly sqliteRaw?: SqliteDatabase;
  /** Seals the secrets stored in this database (TOTP seeds) with the key from `keyFile`. */
  readonly secrets: SecretBox;
}

export interface CreateDbOptions {
  /** postgres://… selects PostgreSQL; otherwise SQLite at `sqlitePath`. */
  readonly databaseUrl?: string;
  readonly sqlitePath?: string;
  readonly migrate?: boolean;
  readonly poolSize?: number;
  /**
   * The file holding the key that seals stored secrets (`secretKeyFileFor` finds it; created on
   * first use). Without it the key lives only as long as the process — for tests.
   */
  readonly keyFile?: string;
}

/** The only place that decides which engine Mimamori runs on. */
export async function createDb(options: CreateDbOptions): Promise<DbHandle> {
  const secrets = options.keyFile ? createSecretBox(loadOrCreateSecretKey(options.keyFile).key) : ephemeralSecretBox();
  const url = options.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const { db, pool } = openPostgres(url, { max: options.poolSize });
    const wrong = await checkPostgresSettings(pool);
    if (wrong.length) {
      await pool.end();
      throw new Error(`PostgreSQL durability self-check failed: ${wrong.join(', ')}`);
    }
    if (options.migrate !== false) await migrate(db, 'postgres');
    await checkSecretKey(db, secrets, options.keyFile, () => db.destroy());
    return {
      db,
      dialect: 'postgres',
      location: url.replace(/\/\/([^:@/]+):[^@]*@/, '//$1:***@'),
      close: () => db.destroy(),
      secrets,
    };
  }
  const path = options.sqlitePath ?? 'data/mimamori.db';
  const { db, raw } = openSqlite(path);
  if (options.migrate !== false) await migrate(db, 'sqlite');
  await checkSecretKey(db, secrets, options.keyFile, () => db.destroy());
  return { db, dialect: 'sqlite', location: path, close: () => db.destroy(), sqliteRaw: raw, secrets };
}

/**
 * Start-up check: the key opens a sealed secret already in the database. A wrong or replaced key
 * file would otherwise surface only as every sign-in failing.
 */
async function checkSecretKey(db: Kysely<Database>, secrets: SecretBox, keyFile: string | undefined, close: () => Promise<void>): Promise<void> {
  if (!keyFile) return;
  const tables = await db.introspection.getTables();
  if (!tables.some((t) => t.name === 'staff')) return;
  const row = await db.selectFrom('staff').select(['id', 'totp_secret']).where('totp_secret', 'like', 'mm1.%').limit(1).executeTakeFirst();
  if (!row?.totp_secret) return;
  try {
    secrets.open(row.totp_secret, row.id);
  } catch {
    await close();
    throw new SecretKeyError(`the key in ${keyFile} does not open the secrets stored in this database: restore the key file that belongs to it (or set MIMAMORI_KEY_FILE)`);
  }
}
