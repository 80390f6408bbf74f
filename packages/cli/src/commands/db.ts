import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import Database from 'better-sqlite3';
import {
  checkDatabase, checkSqliteFile, createDb, decryptBackupFile, encryptBackupFile, isEncryptedBackup, loadOrCreateSecretKey, migrate, newId, recordBackupRun, verifyAudit,
  type BackupRun, type CheckLevel, type DatabaseCheck,
} from '@mimamori/storage';
import { UsageError, type CliIo, type Command } from '../command.ts';
import { dbLocation, openDb, parseOptions } from '../open-db.ts';

const help = `Usage: mimamori db <migrate|check|backup FILE|restore FILE> [--db PATH]

  migrate        apply pending migrations (the server also does this at start)
  check          look for damage: SQLite integrity_check and foreign_key_check;
                 PostgreSQL amcheck (bt_index_check, verify_heapam) when the extension is
                 there or can be created, otherwise a catalog check and a full read of every
                 table (it says which ran). --quick: SQLite quick_check, amcheck without
                 the heap-all-indexed pass. Exit 1 when anything is wrong.
  backup FILE    consistent online backup: SQLite backup API, or pg_dump (custom format)
                 for PostgreSQL (DATABASE_URL). Safe while the server runs. The file is
                 encrypted (AES-256-GCM) with the clinic's key file. Refuses a database that
                 fails the quick check (a backup of damage is no backup).
  restore FILE   replace the database with a backup. Stop the server first. Checks the
                 backup (integrity, audit chain) before and after. Needs the key file the
                 backup was made with.

The database is DATABASE_URL (PostgreSQL) or the SQLite file --db PATH, MIMAMORI_DB or
data/mimamori.db. The key file is MIMAMORI_KEY_FILE, or mimamori.key beside the SQLite file
(data/mimamori.key for PostgreSQL). Keep a copy of it apart from the backups: without it no
backup can be restored.
`;

function pgTool(name: 'pg_dump' | 'pg_restore'): string {
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const v = readdirSync(base).sort((a, b) => Number(b) - Number(a)).find((d) => existsSync(join(base, d, 'bin', name)));
    if (v) return join(base, v, 'bin', name);
  }
  return name;
}

function abs(io: CliIo, p: string): string {
  return isAbsolute(p) ? p : join(io.cwd, p);
}

export const dbCommand: Command = {
  name: 'db',
  run: async (args, io) => {
    if (args.includes('--help') || args.includes('-h')) {
      io.stdout(help);
      return 0;
    }
    let parsed;
    try {
      parsed = parseOptions(args, { values: ['db'], flags: ['quick'] });
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const [sub, file] = parsed.positional;
    const dbPath = parsed.values.db;
    const pgUrl = io.env.DATABASE_URL;
    if (sub === 'migrate') {
      const h = await openDb(io, { dbPath, migrate: false });
      try {
        const r = await migrate(h.db, h.dialect);
        io.stdout(`${h.dialect}: applied ${r.applied.length} migration(s)${r.applied.length ? `: ${r.applied.join(', ')}` : ''}; ${r.alreadyApplied} already applied\n`);
      } finally {
        await h.close();
      }
      return 0;
    }
    if (sub === 'check') {
      const r = await check(parsed.flags.has('quick') ? 'quick' : 'full');
      io.stdout(`${r.dialect}: ${r.method}\n${r.note ? `note: ${r.note}\n` : ''}`);
      for (const p of r.problems) io.stdout(`  ${p}\n`);
      io.stdout(r.ok ? 'database OK\n' : `DAMAGED: ${r.problems.length} problem(s). Restore the last good backup (db restore FILE), then run db check and audit verify.\n`);
      return r.ok ? 0 : 1;
    }
    if (sub === 'backup') {
      if (!file) throw new UsageError('backup needs a FILE');
      const target = abs(io, file);
      if (existsSync(target)) throw new Error(`${file} exists; choose a new file name (backups are never overwritten)`);
      const { keyFile } = dbLocation(io, dbPath);
      const before = await check('quick');
      if (!before.ok) {
        throw new Error(
          `the database is damaged (${before.method}: ${before.problems.slice(0, 3).join('; ')}); no backup was written, so the last good backup stays the newest. Run db check, and restore the last good backup.`,
        );
      }
      // The plain copy exists only while it is checked and encrypted: beside the target, mode 0600.
      const plain = `${target}.${randomBytes(6).toString('hex')}.part`;
      closeSync(openSync(plain, 'wx', 0o600));
      try {
        if (pgUrl) {
          const r = spawnSync(pgTool('pg_dump'), ['--format=custom', '--no-owner', '--file', plain, pgUrl], { encoding: 'utf8' });
          if (r.status !== 0) throw new Error(`pg_dump failed: ${(r.stderr || r.error?.message || '').trim()}`);
        } else {
          const h = await openDb(io, { dbPath });
          try {
            await h.sqliteRaw!.backup(plain);
          } finally {
            await h.close();
          }
          // The copy carries the live database's WAL mode; back in rollback-journal mode it is one
          // self-contained file, and opening it to check leaves no -wal or -shm beside it.
          const check = new Database(plain);
          check.pragma('journal_mode = DELETE');
          const ok = check.pragma('integrity_check', { simple: true });
          check.close();
          if (ok !== 'ok') throw new Error(`the backup failed its integrity check: ${String(ok)}`);
        }
        await encryptBackupFile(plain, target, loadOrCreateSecretKey(keyFile).key);
      } finally {
        for (const f of [plain, `${plain}-wal`, `${plain}-shm`, `${plain}-journal`]) rmSync(f, { force: true });
      }
      const size = statSync(target).size;
      await record({ id: newId(), finishedAt: new Date().toISOString(), file: target, sizeBytes: size, engine: pgUrl ? 'postgres' : 'sqlite', source: 'cli' });
      io.stdout(`backup written to ${file} (${size} bytes, encrypted with the key in ${keyFile}: keep a copy of that file apart from the backups)\n`);
      return 0;
    }
    if (sub === 'restore') {
      if (!file) throw new UsageError('restore needs a FILE');
      const given = abs(io, file);
      if (!existsSync(given)) throw new Error(`no such backup file: ${file}`);
      const { keyFile } = dbLocation(io, dbPath);
      let source = given;
      if (isEncryptedBackup(given)) {
        if (!existsSync(keyFile)) throw new Error(`${file} is encrypted and there is no key file at ${keyFile}: put the clinic's key file there first (or set MIMAMORI_KEY_FILE)`);
        source = `${given}.${randomBytes(6).toString('hex')}.part`;
        try {
          await decryptBackupFile(given, source, loadOrCreateSecretKey(keyFile).key);
        } catch (e) {
          rmSync(source, { force: true });
          throw new Error(`${file}: ${(e as Error).message}`);
        }
      }
      try {
        return await restoreFrom(source);
      } finally {
        if (source !== given) for (const f of [source, `${source}-wal`, `${source}-shm`, `${source}-journal`]) rmSync(f, { force: true });
      }
    }
    throw new UsageError(sub ? `unknown db command "${sub}"` : 'which db command? (migrate, check, backup, restore)');

    /** Notes the finished backup in the database, for the administrators' backups screen. The backup stands if this fails. */
    async function record(run: BackupRun): Promise<void> {
      try {
        const h = pgUrl ? await createDb({ databaseUrl: pgUrl, migrate: false }) : await openDb(io, { dbPath, migrate: false });
        try {
          await recordBackupRun(h.db, run);
        } finally {
          await h.close();
        }
      } catch (e) {
        io.stderr(`note: the backup is complete, but it could not be noted for the backups screen (${(e as Error).message}); run db migrate\n`);
      }
    }

    /** Checks the database without migrating or writing it (a damaged SQLite file is read only by the check). */
    async function check(level: CheckLevel): Promise<DatabaseCheck> {
      if (!pgUrl) {
        const { sqlitePath } = dbLocation(io, dbPath);
        if (!existsSync(sqlitePath)) throw new Error(`no database file at ${sqlitePath}`);
        return checkSqliteFile(sqlitePath, level);
      }
      // No migration and no key file: the check reads pages, not sealed secrets.
      const h = await createDb({ databaseUrl: pgUrl, migrate: false });
      try {
        return await checkDatabase(h, level);
      } finally {
        await h.close();
      }
    }

    async function restoreFrom(source: string): Promise<number> {
      if (pgUrl) {
        const r = spawnSync(pgTool('pg_restore'), ['--clean', '--if-exists', '--no-owner', '--single-transaction', '--exit-on-error', '-d', pgUrl, source], { encoding: 'utf8' });
        if (r.status !== 0) throw new Error(`pg_restore failed: ${(r.stderr || r.error?.message || '').trim()}`);
      } else {
        let src: Database.Database;
        try {
          src = new Database(source, { readonly: true, fileMustExist: true });
          const ok = src.pragma('integrity_check', { simple: true });
          if (ok !== 'ok') throw new Error(String(ok));
          src.prepare('SELECT count(*) FROM schema_migrations').get();
        } catch (e) {
          throw new Error(`${file} is not a Mimamori SQLite backup (${(e as Error).message})`);
        }
        const path = abs(io, dbPath ?? io.env.MIMAMORI_DB ?? 'data/mimamori.db');
        // The backup API writes pages into the live file under SQLite's own locking.
        await src.backup(path);
        src.close();
      }
      const h = await openDb(io, { dbPath });
      try {
        const v = await verifyAudit(h.db);
        io.stdout(`restored from ${file}; audit chain ${v.ok ? 'verified' : `BROKEN at row ${v.firstBad?.id}`} (${v.rows} rows)\n`);
        return v.ok ? 0 : 1;
      } finally {
        await h.close();
      }
    }
  },
};
