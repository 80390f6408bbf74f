import { isIntakeAnswered } from './evaluate-intake-condition.ts';
import { formatIntakeRow, formatIntakeValue } from './format-intake-value.ts';
import type { IntakeAnswers, IntakeDefinition, IntakeLang, IntakeQuestion, IntakeRow } from './intake-definition.ts';
import { intakeConditionContext, intakeVisibility } from './intake-visibility.ts';
import { assertSameIntakeVersion } from './select-intake-definition.ts';

/** One intake with the definition version it was given against. */
export interface IntakeSnapshot {
  readonly definition: IntakeDefinition;
  readonly answers: IntakeAnswers;
  /** The date it was submitted (for age-based questions). */
  readonly submittedOn?: string;
}

export type IntakeChangeKind = 'added' | 'removed' | 'changed';

export interface IntakeChange {
  readonly kind: IntakeChangeKind;
  readonly questionId: string;
  /** Label from the newer definition when the question is in it, else from the older. */
  readonly label: string;
  /** Plain text of the older answer (removed/changed) — for a repeated group, the removed row. */
  readonly before?: string;
  /** Plain text of the newer answer (added/changed) — for a repeated group, the added row. */
  readonly after?: string;
}

export interface DiffIntakesOptions {
  readonly lang: IntakeLang;
}

interface Entry {
  readonly q: IntakeQuestion;
  readonly text: string;
  readonly rows?: ReadonlyArray<string>;
}

function entries(s: IntakeSnapshot, lang: IntakeLang): Map<string, Entry> {
  assertSameIntakeVersion(s.definition, s.answers);
  const values = s.answers.values;
  const vis = intakeVisibility(s.definition, values, { audience: s.answers.audience, today: s.submittedOn });
  const ctx = intakeConditionContext(vis, values, s.answers.audience);
  const out = new Map<string, Entry>();
  for (const vg of vis.groups) {
    for (const q of vg.questions) {
      const v = values[q.id];
      // Scale responses are compared through their scores by the scales module, not here.
      if (q.type === 'scale' || !isIntakeAnswered(v)) continue;
      if (q.type === 'repeat' && Array.isArray(v)) {
        const rows = (v as ReadonlyArray<IntakeRow>).map((r) => formatIntakeRow(q, r, { lang, style: 'display', ctx })).filter((r) => r !== '');
        out.set(q.id, { q, text: rows.join(lang === 'ja' ? '、' : '; '), rows });
      } else {
        out.set(q.id, { q, text: formatIntakeValue(q, v, { lang, style: 'display', ctx }) });
      }
    }
  }
  return out;
}

/** Rows of `a` not matched one-for-one in `b`. */
function minus(a: ReadonlyArray<string>, b: ReadonlyArray<string>): string[] {
  const left = [...b];
  return a.filter((x) => {
    const i = left.indexOf(x);
    if (i === -1) return true;
    left.splice(i, 1);
    return false;
  });
}

/**
 * What changed between an earlier intake and a later one, question by question (matched by
 * question id, each side read with its own definition version). A repeated group reports rows
 * added and removed (a medicine started or stopped; a changed dose is one removed and one added
 * row). Scale answers are left to the scores.
 *
 * @example
 * diffIntakes({ definition: v1, answers: first }, { definition: v2, answers: second }, { lang: 'ja' })
 * // → [{ kind: 'added', questionId: 'medicines', label: 'お薬', after: 'ロラゼパム 0.5mg 必要なときだけ（頓服） 不安時' }, …]
 */
export function diffIntakes(older: IntakeSnapshot, newer: IntakeSnapshot, options: DiffIntakesOptions): ReadonlyArray<IntakeChange> {
  const { lang } = options;
  const a = entries(older, lang);
  const b = entries(newer, lang);
  const changes: IntakeChange[] = [];
  const label = (id: string): string => (b.get(id) ?? a.get(id))!.q.label[lang];
  const ids = [...b.keys(), ...[...a.keys()].filter((id) => !b.has(id))];
  for (const id of ids) {
    const x = a.get(id);
    const y = b.get(id);
    if (x && y && x.rows && y.rows) {
      for (const r of minus(x.rows, y.rows)) changes.push({ kind: 'removed', questionId: id, label: label(id), before: r });
      for (const r of minus(y.rows, x.rows)) changes.push({ kind: 'added', questionId: id, label: label(id), after: r });
    } else if (x && y) {
      if (x.text !== y.text) changes.push({ kind: 'changed', questionId: id, label: label(id), before: x.text, after: y.text });
    } else if (y) {
      changes.push({ kind: 'added', questionId: id, label: label(id), after: y.text });
    } else if (x) {
      changes.push({ kind: 'removed', questionId: id, label: label(id), before: x.text });
    }
  }
  return changes;
}
