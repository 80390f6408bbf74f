import type { Db } from './db.ts';

/** A backup `mimamori db backup` wrote. */
export interface BackupRun {
  readonly id: string;
  readonly finishedAt: string;
  readonly file: string;
  readonly sizeBytes: number;
  readonly engine: string;
  readonly source: string;
}

/** Records a finished backup (after its file is complete and encrypted). */
export async function recordBackupRun(db: Db, run: BackupRun): Promise<void> {
  await db
    .insertInto('backup_runs')
    .values({ id: run.id, finished_at: run.finishedAt, file: run.file, size_bytes: run.sizeBytes, engine: run.engine, source: run.source })
    .execute();
}

/** The newest backups first. */
export async function listBackupRuns(db: Db, limit = 10): Promise<BackupRun[]> {
  const rows = await db.selectFrom('backup_runs').selectAll().orderBy('finished_at', 'desc').limit(limit).execute();
  return rows.map((r) => ({ id: r.id, finishedAt: r.finished_at, file: r.file, sizeBytes: Number(r.size_bytes), engine: r.engine, source: r.source }));
}
