import { sql, type Kysely } from 'kysely';
import type { DialectName } from './dialect.ts';
import { migrations as allMigrations } from './migrations/index.ts';
import type { Migration } from './migrations/migration.ts';

export interface MigrationResult {
  readonly applied: ReadonlyArray<string>;
  readonly alreadyApplied: number;
}

/**
 * Applies every pending migration in order, each in its own transaction (SQLite and PostgreSQL both
 * have transactional DDL), and records it in `schema_migrations`. Forward-only.
 */
export async function migrate(
  db: Kysely<any>,
  dialect: DialectName,
  migrations: ReadonlyArray<Migration> = allMigrations,
): Promise<MigrationResult> {
  await db.schema
    .createTable('schema_migrations')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute();
  const done = new Set(
    (await db.selectFrom('schema_migrations').select('id').execute()).map((r: { id: string }) => r.id),
  );
  const applied: string[] = [];
  for (const m of migrations) {
    if (done.has(m.id)) continue;
    await db.transaction().execute(async (tx) => {
      if (dialect === 'postgres') {
        // Two servers starting at once must not both run the same migration.
        await sql`SELECT pg_advisory_xact_lock(727274)`.execute(tx);
        const again = await tx.selectFrom('schema_migrations').select('id').where('id', '=', m.id).executeTakeFirst();
        if (again) return;
      }
      await m.up(tx, dialect);
      await tx.insertInto('schema_migrations').values({ id: m.id, applied_at: new Date().toISOString() }).execute();
      applied.push(m.id);
    });
  }
  return { applied, alreadyApplied: done.size };
}
