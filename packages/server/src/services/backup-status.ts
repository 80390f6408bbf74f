import { backupFreshness, type BackupFreshness } from '@mimamori/core/backups/backup-freshness';
import { listBackupRuns, type BackupRun } from '@mimamori/storage';
import { requireStaff, type RequestContext } from '../request-context.ts';

/** `GET /api/backups`: the newest backups `mimamori db backup` wrote, and whether the newest is too old. */
export interface BackupStatusView {
  readonly engine: 'sqlite' | 'postgres';
  readonly freshness: BackupFreshness;
  readonly runs: ReadonlyArray<Pick<BackupRun, 'finishedAt' | 'file' | 'sizeBytes' | 'engine'>>;
}

/**
 * The backups an administrator checks: read from the record `mimamori db backup` keeps in the
 * database (the server never looks through the disk). The record covers the whole database, every
 * clinic in it; it names files and sizes, nothing of any patient.
 */
export async function backupStatus(ctx: RequestContext): Promise<BackupStatusView> {
  requireStaff(ctx);
  const runs = await listBackupRuns(ctx.db.db, 10);
  return {
    engine: ctx.db.dialect,
    freshness: backupFreshness({ lastFinishedAt: runs[0]?.finishedAt ?? null, now: ctx.clock().getTime() }),
    runs: runs.map((r) => ({ finishedAt: r.finishedAt, file: r.file, sizeBytes: r.sizeBytes, engine: r.engine })),
  };
}
