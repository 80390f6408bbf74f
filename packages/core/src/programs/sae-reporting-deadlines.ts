import type { AdverseEvent } from '../safety/adverse-event.ts';
import { isSerious } from '../safety/adverse-event.ts';
import { addDays, clinicDate, daysBetween } from '../time/index.ts';
import { DEFAULT_SAE_REPORT_DAYS } from './program-safety.ts';
import type { RegulatoryPathway } from './governance-types.ts';

/**
 * Who a serious adverse event is reported to:
 * - `institution_head_and_board`: the head of the clinic (実施医療機関の管理者), then the 認定臨床研究審査委員会
 *   (臨床研究法施行規則 第54条);
 * - `minister`: the Minister of Health, Labour and Welfare (臨床研究法 第14条, through jRCT / PMDA);
 * - `institution_head`: the head of the institution (研究機関の長), who asks the ethics committee
 *   (倫理指針, 重篤な有害事象への対応);
 * - `guideline_minister`: the Minister, for an unexpected, possibly related SAE of invasive interventional
 *   research under the guideline;
 * - `clinic_rule`: whoever the clinic's own rule names, for self-pay treatment.
 */
export type SaeRecipient = 'institution_head_and_board' | 'minister' | 'institution_head' | 'guideline_minister' | 'clinic_rule';
export const SAE_RECIPIENTS: ReadonlyArray<SaeRecipient> = ['institution_head_and_board', 'minister', 'institution_head', 'guideline_minister', 'clinic_rule'];

/** The rule a deadline comes from (a message key names it in both languages; docs/governance.md cites it). */
export type SaeRule =
  | 'crr_54_1' // 施行規則 第54条第1号: unexpected death / life-threatening, suspected related — 7 days
  | 'crr_54_2i' // 第54条第2号イ: expected death / life-threatening, suspected related — 15 days
  | 'crr_54_2ro' // 第54条第2号ロ: unexpected other serious, suspected related — 15 days
  | 'cra_14_7' // 法 第14条: to the Minister, unexpected death / life-threatening — 7 days
  | 'cra_14_15' // 法 第14条: to the Minister, unexpected other serious — 15 days
  | 'guideline_head' // 倫理指針: to the head 「速やかに」 — the program's days
  | 'guideline_minister' // 倫理指針: to the Minister 「速やかに」 — the program's days
  | 'clinic_rule'; // self-pay: the clinic's own rule — the program's days

export type SaeDeadline = {
  readonly recipient: SaeRecipient;
  readonly rule: SaeRule;
  readonly days: number;
  /** The clinic date by which the report is due (inclusive). */
  readonly dueDate: string;
};

export type SaeDeadlines = {
  /** The clinic date the clock starts on: when the clinic learned of the event. */
  readonly knownOn: string;
  readonly deadlines: ReadonlyArray<SaeDeadline>;
  /**
   * True when the event is serious but needs no expedited report under 臨床研究法 (expected and not
   * fatal, or not suspected to be related): it goes in the periodic report (定期報告) to the CRB.
   */
  readonly periodicOnly: boolean;
};

export type SaeDeadlineOptions = {
  readonly ae: Pick<AdverseEvent, 'seriousness' | 'grade' | 'relatedness' | 'expectedness'>;
  readonly pathway: RegulatoryPathway;
  /** When the clinic learned of the event (the instant the event was recorded). */
  readonly knownAt: string;
  /** The clinic's IANA time zone: the day the clock starts is the clinic's day. */
  readonly zone: string;
  /** The program's days where the pathway leaves them to the clinic (default 7). */
  readonly clinicDays?: number | undefined;
};

const SUSPECTED: ReadonlyArray<AdverseEvent['relatedness']> = ['possible', 'probable', 'definite'];

/**
 * The reporting deadlines of a serious adverse event under the program's pathway. Days are counted
 * from the day after the clinic learned of the event (the first day is not counted, 民法 第140条),
 * so an event learned on 2026-04-08 with 7 days is due 2026-04-15. A non-serious event has none.
 *
 * - 特定臨床研究 (an unapproved or off-label product, 施行規則 第54条第1号・第2号; 法 第14条): a suspected
 *   related, unexpected death or life-threatening event — 7 days to the head and the CRB and 7 days to
 *   the Minister; expected death or life-threatening — 15 days to the head and the CRB; other
 *   unexpected serious — 15 days to both. Anything else serious: the periodic report.
 * - Guideline research: every SAE to the head of the institution, and an unexpected, possibly related
 *   one also to the Minister, within the program's days (the guideline says 「速やかに」).
 * - Self-pay: every SAE under the clinic's own rule, within the program's days.
 *
 * @example
 * saeReportingDeadlines({ ae: { seriousness: ['life_threatening'], grade: 4, relatedness: 'possible', expectedness: 'unexpected' },
 *   pathway: 'specified_clinical_research', knownAt: '2026-04-08T16:00:00+09:00', zone: 'Asia/Tokyo' });
 * // { knownOn: '2026-04-08', deadlines: [{ recipient: 'institution_head_and_board', days: 7, dueDate: '2026-04-15', … }, { recipient: 'minister', … }], periodicOnly: false }
 */
export function saeReportingDeadlines(o: SaeDeadlineOptions): SaeDeadlines {
  const knownOn = clinicDate(o.knownAt, o.zone);
  if (!isSerious(o.ae)) return { knownOn, deadlines: [], periodicOnly: false };
  const due = (recipient: SaeRecipient, rule: SaeRule, days: number): SaeDeadline => ({ recipient, rule, days, dueDate: addDays(knownOn, days) });
  const suspected = SUSPECTED.includes(o.ae.relatedness);
  const unexpected = o.ae.expectedness === 'unexpected';
  const clinicDays = o.clinicDays ?? DEFAULT_SAE_REPORT_DAYS;
  if (o.pathway === 'specified_clinical_research') {
    const fatalOrLife = o.ae.grade === 5 || o.ae.seriousness.includes('death') || o.ae.seriousness.includes('life_threatening');
    if (!suspected) return { knownOn, deadlines: [], periodicOnly: true };
    if (fatalOrLife && unexpected) return { knownOn, deadlines: [due('institution_head_and_board', 'crr_54_1', 7), due('minister', 'cra_14_7', 7)], periodicOnly: false };
    if (fatalOrLife) return { knownOn, deadlines: [due('institution_head_and_board', 'crr_54_2i', 15)], periodicOnly: false };
    if (unexpected) return { knownOn, deadlines: [due('institution_head_and_board', 'crr_54_2ro', 15), due('minister', 'cra_14_15', 15)], periodicOnly: false };
    return { knownOn, deadlines: [], periodicOnly: true };
  }
  if (o.pathway === 'guideline_research') {
    const list = [due('institution_head', 'guideline_head', clinicDays)];
    if (suspected && unexpected) list.push(due('guideline_minister', 'guideline_minister', clinicDays));
    return { knownOn, deadlines: list, periodicOnly: false };
  }
  return { knownOn, deadlines: [due('clinic_rule', 'clinic_rule', clinicDays)], periodicOnly: false };
}

/** Where one deadline stands on the clinic's today. */
export type SaeDeadlineState = 'reported' | 'overdue' | 'due_today' | 'open';

/**
 * The state of one deadline: `reported` once a report to its recipient is recorded (late or not),
 * `overdue` after its due date, `due_today` on it, else `open` with `daysLeft`.
 *
 * @example
 * saeDeadlineState({ dueDate: '2026-04-15', today: '2026-04-16' }); // { state: 'overdue', daysLeft: -1 }
 */
export function saeDeadlineState(o: { readonly dueDate: string; readonly today: string; readonly reportedOn?: string | undefined }): { readonly state: SaeDeadlineState; readonly daysLeft: number; readonly late?: boolean } {
  const daysLeft = daysBetween(o.today, o.dueDate);
  if (o.reportedOn !== undefined) return { state: 'reported', daysLeft, late: o.reportedOn > o.dueDate };
  if (daysLeft < 0) return { state: 'overdue', daysLeft };
  if (daysLeft === 0) return { state: 'due_today', daysLeft };
  return { state: 'open', daysLeft };
}
