import { clinicDate } from '../time/index.ts';
import type { ScheduledItem } from './propose-schedule.ts';

/**
 * Where a scheduled item stands on a given day:
 * - `upcoming`: its window has not opened;
 * - `due`: the window is open and the nominal date has not passed;
 * - `overdue`: past the nominal date, still inside the window;
 * - `missed`: the window closed without it;
 * - `on_track`: done inside the window;
 * - `out_of_window`: done, but outside the window (a protocol deviation the analysis must know of).
 */
export type AssessmentStatus = 'upcoming' | 'due' | 'overdue' | 'missed' | 'on_track' | 'out_of_window';

/**
 * Status of one window on `today` (a date in the clinic zone), given when it was done, if at all.
 *
 * @example
 * windowStatus({ windowStart: '2026-04-12', targetDate: '2026-04-15', windowEnd: '2026-04-18' }, { today: '2026-04-16' }); // 'overdue'
 */
export function windowStatus(
  item: Pick<ScheduledItem, 'windowStart' | 'targetDate' | 'windowEnd'>,
  opts: { readonly today: string; readonly completedOn?: string },
): AssessmentStatus {
  const { today, completedOn } = opts;
  if (completedOn !== undefined) return completedOn >= item.windowStart && completedOn <= item.windowEnd ? 'on_track' : 'out_of_window';
  if (today < item.windowStart) return 'upcoming';
  if (today <= item.targetDate) return 'due';
  if (today <= item.windowEnd) return 'overdue';
  return 'missed';
}

export type ItemStatus = {
  readonly itemId: string;
  readonly kind: ScheduledItem['kind'];
  readonly visitId?: string;
  readonly sessionNumber?: number;
  readonly status: AssessmentStatus;
};

/**
 * Status of every scheduled item at `now`. `completions` maps item id → the date (clinic zone) it
 * was done; `now` is an instant and `zone` the clinic's zone, so "today" is never the server's.
 *
 * @example
 * scheduleStatus({ items: proposal.items, completions: { 'visit-baseline': '2026-04-08' }, now: '2026-04-20T09:00:00+09:00', zone: 'Asia/Tokyo' });
 */
export function scheduleStatus(opts: {
  readonly items: ReadonlyArray<ScheduledItem>;
  readonly completions: Readonly<Record<string, string>>;
  readonly now: string;
  readonly zone: string;
}): ReadonlyArray<ItemStatus> {
  const today = clinicDate(opts.now, opts.zone);
  return opts.items.map((i) => {
    const completedOn = opts.completions[i.id];
    return {
      itemId: i.id,
      kind: i.kind,
      ...(i.visitId !== undefined ? { visitId: i.visitId } : {}),
      ...(i.sessionNumber !== undefined ? { sessionNumber: i.sessionNumber } : {}),
      status: windowStatus(i, completedOn !== undefined ? { today, completedOn } : { today }),
    };
  });
}
