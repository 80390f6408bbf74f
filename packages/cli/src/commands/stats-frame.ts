import type { DataColumns, LevelOverrides } from '@mimamori/core/stats/model-frame';
import { UsageError } from '../command.ts';
import { isMissingCell, type CsvTable } from './stats-csv.ts';

/** CSV cells as model data: missing → null, numbers → number, anything else stays text. */
export function csvToColumns(t: CsvTable): DataColumns {
  const cols: Record<string, Array<number | string | null>> = {};
  t.header.forEach((name, j) => {
    cols[name] = t.rows.map((r) => {
      const s = r[j];
      if (isMissingCell(s)) return null;
      const v = Number(s.trim());
      return Number.isFinite(v) ? v : s.trim();
    });
  });
  return cols;
}

/** `--levels col=ref,b,c` (repeatable): the listed levels first, the first one the reference. */
export function parseLevels(specs: ReadonlyArray<string>): LevelOverrides {
  const out: Record<string, string[]> = {};
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    if (eq <= 0 || eq === spec.length - 1) throw new UsageError(`--levels must look like col=ref,b,c (got "${spec}")`);
    out[spec.slice(0, eq).trim()] = spec.slice(eq + 1).split(',').map((s) => s.trim()).filter((s) => s !== '');
  }
  return out;
}
