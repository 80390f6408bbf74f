import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database as Schema } from '../schema.ts';

// BIGINT (int8) columns hold sequence numbers well inside 2^53: read them as numbers.
pg.types.setTypeParser(20, (v) => Number(v));

export interface PostgresHandle {
  readonly db: Kysely<Schema>;
  readonly pool: pg.Pool;
}

export function openPostgres(url: string, options: { readonly max?: number } = {}): PostgresHandle {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // An idle connection that the server closes (restart, failover, a dropped database) must not
  // take the process down: the pool discards it and opens a new one when next needed.
  pool.on('error', () => undefined);
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return { db, pool };
}

/** Durability settings a clinical database must run with; returns the ones that are wrong. */
export async function checkPostgresSettings(pool: pg.Pool): Promise<string[]> {
  const wrong: string[] = [];
  for (const [name, want] of [
    ['fsync', 'on'],
    ['full_page_writes', 'on'],
    ['synchronous_commit', 'on'],
  ] as const) {
    const r = await pool.query<{ setting: string }>('SELECT setting FROM pg_settings WHERE name = $1', [name]);
    if (r.rows[0]?.setting !== want) wrong.push(`${name}=${r.rows[0]?.setting ?? '?'} (want ${want})`);
  }
  return wrong;
}
