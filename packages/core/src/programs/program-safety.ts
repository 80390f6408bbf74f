import type { Issues } from '../fields/field-issues.ts';
import { checkNumber, checkText } from '../fields/field-issues.ts';
import type { LocalizedText } from '../text/localized-text.ts';
import { checkId, checkLocalized, listOf } from './program-field-checks.ts';

/**
 * An adverse event the program expects (「予測できる」): listed in the protocol and the consent
 * document, with the source it was taken from (package insert, the product's brochure, a paper).
 * An event recorded against one of these is `expected`; any other event is `unexpected`.
 */
export type ExpectedAdverseEvent = {
  readonly id: string;
  readonly term: LocalizedText;
  readonly source: string;
};

/**
 * The program's safety part: its expected adverse events, and the days within which a serious
 * adverse event is reported where the pathway leaves the period to the clinic (the ethical
 * guideline's 「速やかに」, the clinic's own rule for self-pay treatment). Default 7 days.
 */
export type ProgramSafety = {
  readonly expectedAdverseEvents: ReadonlyArray<ExpectedAdverseEvent>;
  readonly saeReportDays?: number;
};

/** The days used when a program sets no `saeReportDays` (docs/governance.md says why 7). */
export const DEFAULT_SAE_REPORT_DAYS = 7;

type Loose = Record<string, unknown>;

/**
 * Checks the `safety` part of a program definition: each expected event with an id (unique), a
 * term in Japanese and English and its source; `saeReportDays` between 1 and 30 when given.
 */
export function checkProgramSafety(issues: Issues, v: unknown): ProgramSafety | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) {
    issues.add('safety', 'programs.field.required');
    return undefined;
  }
  const s = v as Loose;
  const seen = new Set<string>();
  const events: ExpectedAdverseEvent[] = [];
  listOf(issues, 'safety.expectedAdverseEvents', s.expectedAdverseEvents as ReadonlyArray<unknown> | undefined).forEach((raw, i) => {
    const path = `safety.expectedAdverseEvents[${i}]`;
    const e = (raw && typeof raw === 'object' ? raw : {}) as Loose;
    const id = checkId(issues, `${path}.id`, e.id);
    const term = checkLocalized(issues, `${path}.term`, e.term as Partial<LocalizedText> | undefined);
    const source = checkText(issues, `${path}.source`, e.source, { max: 500 });
    if (id !== undefined && seen.has(id)) issues.add(`${path}.id`, 'programs.expected_event_duplicate', { id });
    if (id !== undefined) seen.add(id);
    if (id && term && source) events.push({ id, term, source });
  });
  const days = checkNumber(issues, 'safety.saeReportDays', s.saeReportDays, { required: false, integer: true, min: 1, max: 30 });
  return { expectedAdverseEvents: events, ...(days !== undefined ? { saeReportDays: days } : {}) };
}

/**
 * Whether an event is expected, decided by the program's list: expected only when it was recorded
 * against one of the listed events (`expectedEventId`). A free choice is not taken.
 *
 * @example
 * expectednessOf({ expectedAdverseEvents: [{ id: 'headache', term: { ja: '頭痛', en: 'Headache' }, source: '…' }] }, 'headache'); // 'expected'
 * expectednessOf(undefined, 'headache'); // 'unexpected'
 */
export function expectednessOf(safety: ProgramSafety | undefined, expectedEventId: string | undefined): 'expected' | 'unexpected' {
  if (!expectedEventId || !safety) return 'unexpected';
  return safety.expectedAdverseEvents.some((e) => e.id === expectedEventId) ? 'expected' : 'unexpected';
}
