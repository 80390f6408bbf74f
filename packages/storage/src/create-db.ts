import type { Database as SqliteDatabase } from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { DialectName } from './dialect.ts';
import { openPostgres, checkPostgresSettings } from './dialects/postgres.ts';
import { openSqlite } from './dialects/sqlite.ts';
import { migrate } from './migrate.ts';
import type { Database } from './schema.ts';

export interface DbHandle {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  /** SQLite file path or a PostgreSQL URL with the password removed (for messages). */
  readonly location: string;
  readonly close: () => Promise<void>;
  /** Online backup to a file (SQLite: VACUUM INTO; PostgreSQL: not here — the CLI runs pg_dump). */
  readonly sqliteRaw?: SqliteDatabase;
}

export interface CreateDbOptions {
  /** postgres://… selects PostgreSQL; otherwise SQLite at `sqlitePath`. */
  readonly databaseUrl?: string;
  readonly sqlitePath?: string;
  readonly migrate?: boolean;
  readonly poolSize?: number;
}

/** The only place that decides which engine Mimamori runs on. */
export async function createDb(options: CreateDbOptions): Promise<DbHandle> {
  const url = options.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const { db, pool } = openPostgres(url, { max: options.poolSize });
    const wrong = await checkPostgresSettings(pool);
    if (wrong.length) {
      await pool.end();
      throw new Error(`PostgreSQL durability self-check failed: ${wrong.join(', ')}`);
    }
    if (options.migrate !== false) await migrate(db, 'postgres');
    return {
      db,
      dialect: 'postgres',
      location: url.replace(/\/\/([^:@/]+):[^@]*@/, '//$1:***@'),
      close: () => db.destroy(),
    };
  }
  const path = options.sqlitePath ?? 'data/mimamori.db';
  const { db, raw } = openSqlite(path);
  if (options.migrate !== false) await migrate(db, 'sqlite');
  return { db, dialect: 'sqlite', location: path, close: () => db.destroy(), sqliteRaw: raw };
}
