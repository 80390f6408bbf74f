/** How old a backup may be before administrators are warned (hours). */
export const BACKUP_WARN_HOURS = 24;

/** Whether the newest backup is recent enough: `none` (never made), `ok` or `stale`, with its age. */
export interface BackupFreshness {
  readonly state: 'none' | 'ok' | 'stale';
  /** Whole hours since the newest backup finished; null when there is none. */
  readonly ageHours: number | null;
  readonly warnHours: number;
}

/**
 * Judges the newest backup against the warning threshold. `now` is passed in (the core reads no clock).
 *
 * @example
 * backupFreshness({ lastFinishedAt: '2026-12-01T00:00:00Z', now: Date.parse('2026-12-02T06:00:00Z') });
 * // { state: 'stale', ageHours: 30, warnHours: 24 }
 */
export function backupFreshness(o: { readonly lastFinishedAt: string | null; readonly now: number; readonly warnHours?: number }): BackupFreshness {
  const warnHours = o.warnHours ?? BACKUP_WARN_HOURS;
  if (!o.lastFinishedAt) return { state: 'none', ageHours: null, warnHours };
  const ageMs = Math.max(0, o.now - Date.parse(o.lastFinishedAt));
  return { state: ageMs > warnHours * 3600_000 ? 'stale' : 'ok', ageHours: Math.floor(ageMs / 3600_000), warnHours };
}
