import type { Health } from './health-api.ts';

export interface HealthLine {
  /** A key of the `health` dictionary. */
  readonly key: string;
  readonly values?: Readonly<Record<string, string | number>>;
}

/** One line per problem in a health answer, most serious first; none when the server is well. */
export function healthProblems(h: Health): HealthLine[] {
  const lines: HealthLine[] = [];
  const p = h.storage.problems;
  if (p.includes('database_corrupt')) lines.push({ key: 'health.corrupt' });
  if (p.includes('disk_full')) lines.push({ key: 'health.diskFull' });
  if (p.includes('disk_space_low')) {
    const free = h.storage.disk.freeBytes;
    lines.push(free === null ? { key: 'health.diskLowUnknown' } : { key: 'health.diskLow', values: { free: Math.floor(free / 2 ** 20) } });
  }
  const source: Record<string, string> = h.clock.source ? { source: h.clock.source } : {};
  if (h.clock.problem === 'offset_over_limit' && h.clock.offsetMs !== null) {
    lines.push({ key: 'health.clockOffset', values: { seconds: (Math.abs(h.clock.offsetMs) / 1000).toFixed(1), ...source } });
  } else if (h.clock.problem === 'source_unreachable') {
    lines.push({ key: 'health.clockUnreachable', values: source });
  }
  return lines;
}
