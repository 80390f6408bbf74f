import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { withStatementCache } from '../src/dialects/statement-cache.ts';

function counted(raw: Database.Database): { prepared: string[] } {
  const prepared: string[] = [];
  const prepare = raw.prepare.bind(raw);
  (raw as unknown as { prepare: (s: string) => Database.Statement }).prepare = (s: string) => {
    prepared.push(s);
    return prepare(s);
  };
  return { prepared };
}

test('a query run again reuses its compiled statement, with the new parameters', async () => {
  const raw = new Database(':memory:');
  const seen = counted(raw);
  const db = new Kysely<{ t: { id: number; name: string } }>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) });
  await sql`create table t (id integer primary key, name text not null)`.execute(db);
  await db.insertInto('t').values({ id: 1, name: '森' }).execute();
  await db.insertInto('t').values({ id: 2, name: '岡田' }).execute();
  const byId = (id: number) => db.selectFrom('t').selectAll().where('id', '=', id).executeTakeFirst();
  assert.deepEqual(await byId(1), { id: 1, name: '森' });
  assert.deepEqual(await byId(2), { id: 2, name: '岡田' });
  assert.equal(await byId(3), undefined);
  assert.equal(seen.prepared.filter((s) => s.startsWith('select')).length, 1);
  assert.equal(seen.prepared.filter((s) => s.startsWith('insert')).length, 1);
  // A schema change is picked up by the kept statement (SQLite recompiles it).
  await sql`alter table t add column kana text default 'モリ'`.execute(db);
  assert.deepEqual(await db.selectFrom('t').selectAll().where('id', '=', 1).executeTakeFirst(), { id: 1, name: '森', kana: 'モリ' });
  const streamed: string[] = [];
  for await (const row of db.selectFrom('t').select('name').orderBy('id').stream()) streamed.push(row.name);
  assert.deepEqual(streamed, ['森', '岡田']);
  await db.destroy();
  assert.equal(raw.open, false);
});

test('at most `max` statements are kept, the least recently used dropped first', () => {
  const raw = new Database(':memory:');
  const seen = counted(raw);
  const cached = withStatementCache(raw, 2);
  cached.prepare('select 1');
  cached.prepare('select 2');
  cached.prepare('select 1');
  cached.prepare('select 3'); // drops `select 2`, used longest ago
  cached.prepare('select 1');
  cached.prepare('select 2');
  assert.deepEqual(seen.prepared, ['select 1', 'select 2', 'select 3', 'select 2']);
  // A statement still being iterated is not handed out again.
  const busy = cached.prepare('select 1 union all select 2');
  const rows = busy.iterate([]);
  rows.next();
  const other = cached.prepare('select 1 union all select 2');
  assert.notEqual(other, busy);
  assert.deepEqual(other.all([]), [{ 1: 1 }, { 1: 2 }]);
  rows.return?.();
  assert.equal(cached.prepare('select 1 union all select 2'), busy);
  cached.close();
});
