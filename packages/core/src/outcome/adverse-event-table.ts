import { RELATEDNESS } from '../safety/adverse-event.ts';
import type { CutAdverseEvent } from './data-cut.ts';

/** Participants (each counted once) and events in one cell of the table. */
export interface AeCell {
  readonly participants: number;
  readonly events: number;
}

export interface AeTableRow {
  /** A relatedness category as stored (`not_related` … `definite`), or `not_assessed`. */
  readonly related: string;
  /** By grade: `1`…`5` and `unknown` when no grade was recorded; only grades that occur anywhere in the table. */
  readonly byGrade: Readonly<Record<string, AeCell>>;
  readonly total: AeCell;
}

export interface AeTable {
  /** The grades that occur, in order (`unknown` last): the columns. */
  readonly grades: ReadonlyArray<string>;
  /** One row per relatedness category that occurs, in the order of the stored categories. */
  readonly rows: ReadonlyArray<AeTableRow>;
  /** Column totals (a participant with events in two rows counts once). */
  readonly byGrade: Readonly<Record<string, AeCell>>;
  readonly total: AeCell;
}

const cell = (events: ReadonlyArray<CutAdverseEvent>): AeCell => ({ participants: new Set(events.map((e) => e.studyId)).size, events: events.length });

/**
 * Adverse events cross-tabulated by relatedness (as the clinic records it) and grade (CTCAE 1–5):
 * in each cell the number of participants with at least one such event and the number of events.
 * A participant with events in several cells is counted in each, and once in every total.
 *
 * @example
 * adverseEventTable(events).rows[0]; // { related: 'possible', byGrade: { '1': { participants: 2, events: 2 } }, total: … }
 */
export function adverseEventTable(events: ReadonlyArray<CutAdverseEvent>): AeTable {
  const gradeOf = (e: CutAdverseEvent) => (e.grade === null ? 'unknown' : String(e.grade));
  const relOf = (e: CutAdverseEvent) => e.related ?? 'not_assessed';
  const present = new Set(events.map(gradeOf));
  const grades = [...['1', '2', '3', '4', '5'].filter((g) => present.has(g)), ...[...present].filter((g) => !/^[1-5]$/.test(g)).sort()];
  const order = [...RELATEDNESS, 'not_assessed'];
  const rels = [...new Set(events.map(relOf))].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const byGradeOf = (es: ReadonlyArray<CutAdverseEvent>) => Object.fromEntries(grades.map((g) => [g, cell(es.filter((e) => gradeOf(e) === g))]));
  const rows = rels.map((related) => {
    const es = events.filter((e) => relOf(e) === related);
    return { related, byGrade: byGradeOf(es), total: cell(es) };
  });
  return { grades, rows, byGrade: byGradeOf(events), total: cell(events) };
}
