import { statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import { checkDatabase, classifyStorageError, databaseFile, type DatabaseCheck, type DbHandle, type StorageErrorKind } from '@mimamori/storage';
import { createPeriodicJob, type PeriodicJob } from './periodic-job.ts';

/** How long a write refused for lack of space keeps health at `disk_full` (unless space is seen again sooner). */
export const DISK_FULL_REPORT_MS = 10 * 60_000;

export type StorageProblem = 'database_corrupt' | 'disk_full' | 'disk_space_low';

export interface StorageStatus {
  readonly problems: ReadonlyArray<StorageProblem>;
  readonly integrity: {
    readonly status: 'ok' | 'corrupt' | 'unchecked';
    readonly method: string | null;
    readonly checkedAt: string | null;
  };
  readonly disk: {
    /** Free bytes on the filesystem of the SQLite file (null on PostgreSQL: its disk is the database server's). */
    readonly freeBytes: number | null;
    readonly warnBelowBytes: number;
    /** When a write was last refused for lack of space. */
    readonly lastFullAt: string | null;
  };
}

export interface StorageHealth extends PeriodicJob {
  readonly status: () => StorageStatus;
  /** Runs the quick integrity check now and remembers its result. */
  readonly check: () => Promise<DatabaseCheck>;
  /** Records what a failed query says about the storage; returns its kind (null: not a storage failure). */
  readonly noteError: (err: unknown) => StorageErrorKind | null;
}

/** Free bytes for an unprivileged writer on the filesystem holding `path`'s folder. */
export function freeDiskBytes(path: string): number {
  const s = statfsSync(dirname(path));
  return s.bavail * s.bsize;
}

/**
 * Watches the storage under the database: a quick integrity check at start and every
 * `intervalMs`, the free space of the SQLite file's filesystem (read fresh for every status), and
 * the storage failures queries run into (disk full, damaged pages). `onProblem` is told of each
 * new problem once (for the log; the messages carry no patient data).
 */
export function createStorageHealth(o: {
  readonly db: Pick<DbHandle, 'db' | 'dialect' | 'location'>;
  readonly clock: () => Date;
  readonly warnBelowBytes: number;
  readonly intervalMs: number;
  readonly onProblem?: (problem: StorageProblem, detail: string) => void;
  readonly onError?: (err: unknown) => void;
}): StorageHealth {
  let integrity: StorageStatus['integrity'] = { status: 'unchecked', method: null, checkedAt: null };
  let lastFullAt: Date | null = null;
  let warnedLow = false;
  const sqlitePath = databaseFile(o.db);

  const free = (): number | null => {
    if (!sqlitePath) return null;
    try {
      return freeDiskBytes(sqlitePath);
    } catch {
      return null;
    }
  };

  const status = (): StorageStatus => {
    const freeBytes = free();
    const now = o.clock().getTime();
    const spaceBack = freeBytes !== null && o.warnBelowBytes > 0 && freeBytes >= o.warnBelowBytes;
    if (lastFullAt && (now - lastFullAt.getTime() > DISK_FULL_REPORT_MS || spaceBack)) lastFullAt = null;
    const low = freeBytes !== null && freeBytes < o.warnBelowBytes;
    const problems: StorageProblem[] = [];
    if (integrity.status === 'corrupt') problems.push('database_corrupt');
    if (lastFullAt) problems.push('disk_full');
    else if (low) problems.push('disk_space_low');
    return { problems, integrity, disk: { freeBytes, warnBelowBytes: o.warnBelowBytes, lastFullAt: lastFullAt?.toISOString() ?? null } };
  };

  const check = async (): Promise<DatabaseCheck> => {
    const r = await checkDatabase(o.db, 'quick');
    const was = integrity.status;
    integrity = { status: r.ok ? 'ok' : 'corrupt', method: r.method, checkedAt: o.clock().toISOString() };
    if (!r.ok && was !== 'corrupt') o.onProblem?.('database_corrupt', `${r.method}: ${r.problems.slice(0, 3).join('; ')}`);
    return r;
  };

  const job = createPeriodicJob(
    async () => {
      await check();
      const f = free();
      const low = f !== null && f < o.warnBelowBytes;
      if (low && !warnedLow) o.onProblem?.('disk_space_low', `${Math.floor(f / 2 ** 20)} MB free on the database's filesystem, below ${Math.floor(o.warnBelowBytes / 2 ** 20)} MB`);
      warnedLow = low;
    },
    { intervalMs: o.intervalMs, onError: o.onError },
  );

  return {
    ...job,
    status,
    check,
    noteError: (err) => {
      const kind = classifyStorageError(err);
      if (kind === 'disk_full') {
        if (!lastFullAt) o.onProblem?.('disk_full', 'a write was refused: no space left for the database');
        lastFullAt = o.clock();
      } else if (kind === 'corrupt') {
        if (integrity.status !== 'corrupt') o.onProblem?.('database_corrupt', 'a query found a damaged page');
        integrity = { status: 'corrupt', method: 'a query failed on a damaged page', checkedAt: o.clock().toISOString() };
      }
      return kind;
    },
  };
}
