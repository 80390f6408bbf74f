import { DomainError } from '../errors/domain-error.ts';
import { checkIntakeValue, type CheckedValue, type ValueProblem } from './check-intake-value.ts';
import { isIntakeAnswered } from './evaluate-intake-condition.ts';
import type {
  IntakeAudience,
  IntakeDefinition,
  IntakeFieldValue,
  IntakeQuestion,
  IntakeRow,
  IntakeValue,
  IntakeValues,
  IntakeText,
  RepeatQuestion,
} from './intake-definition.ts';
import { intakeMessage, type IntakeMessageKey, type IntakeMessageParams } from './intake-messages.ts';
import { intakeConditionContext, intakeVisibility, visibleRowFields } from './intake-visibility.ts';

/**
 * - `submit`: every visible question; required ones must be answered; answers to hidden questions
 *   are dropped from `values`.
 * - `group`: the questions of one group (the screen the patient leaves with "next"); required
 *   enforced there only. Other answers pass through untouched.
 * - `draft`: autosave; formats checked wherever there is an answer, nothing required. Hidden answers
 *   are kept so that changing an answer back does not lose what was typed.
 */
export type IntakeValidationMode = 'submit' | 'group' | 'draft';

export interface ValidateIntakeAnswersOptions {
  /** Today in the clinic's zone (`YYYY-MM-DD`), for date checks and age. */
  readonly today: string;
  /** Who the link was issued for; must match the answers. */
  readonly audience: IntakeAudience;
  readonly mode?: IntakeValidationMode;
  /** Required with mode `group`. */
  readonly groupId?: string;
  /** Age when the form's birth-date question is not answered (from the register). */
  readonly ageYears?: number | null;
}

/** The shape the server receives: values still unchecked. */
export interface IntakeAnswersInput {
  readonly definitionId: string;
  readonly definitionVersion: number;
  readonly audience: IntakeAudience;
  readonly values: Readonly<Record<string, unknown>>;
  readonly confirmedGroups?: ReadonlyArray<string>;
}

export interface IntakeFieldError {
  /** `chief_complaint`, `symptoms.other`, `medicines[1].dose`; empty for form-level errors. */
  readonly path: string;
  readonly questionId: string;
  readonly groupId: string;
  readonly key: IntakeMessageKey;
  readonly params: IntakeMessageParams;
  readonly message: IntakeText;
}

export interface IntakeValidationResult {
  readonly ok: boolean;
  readonly errors: ReadonlyArray<IntakeFieldError>;
  /**
   * Values to store: valid answers normalised, invalid ones as typed (nothing the patient typed is
   * lost), unknown question ids removed, hidden answers removed in `submit` mode.
   */
  readonly values: IntakeValues;
  /** Paths of answers removed (unknown question, or hidden at submit). */
  readonly dropped: ReadonlyArray<string>;
}

const MAX_ROWS_HARD = 100;
/** No validated scale in use has more items; a longer list is not a scale answer. */
const MAX_SCALE_ITEMS = 100;
const ITEM_ID = /^[A-Za-z0-9_]{1,64}$/;

function err(path: string, questionId: string, groupId: string, key: IntakeMessageKey, params: IntakeMessageParams = {}): IntakeFieldError {
  return { path, questionId, groupId, key, params, message: intakeMessage(key, params) };
}

function isRecord(v: unknown): v is Readonly<Record<string, unknown>> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Validates a patient's answers against the definition version they were given for.
 *
 * Only visible questions are checked and only visible required questions must be answered; text is
 * kept as plain text (markup included); oversized text is an error, never truncated.
 *
 * @example
 * const r = validateIntakeAnswers(definition, answers, { today: '2026-11-29', audience: 'adult' });
 * if (!r.ok) r.errors[0] // → { path: 'birth_date', key: 'date_invalid', message: { ja: '存在しない日付です。', en: … }, … }
 */
export function validateIntakeAnswers(
  definition: IntakeDefinition,
  answers: IntakeAnswersInput,
  options: ValidateIntakeAnswersOptions,
): IntakeValidationResult {
  const mode = options.mode ?? 'submit';
  if (mode === 'group' && options.groupId === undefined) {
    throw new DomainError('validation', { key: 'intake_group_missing', message: 'mode "group" needs a groupId' });
  }
  const raw = isRecord(answers.values) ? answers.values : {};
  if (answers.definitionId !== definition.id || answers.definitionVersion !== definition.version) {
    return { ok: false, errors: [err('', '', '', 'version_mismatch')], values: raw as IntakeValues, dropped: [] };
  }
  if (answers.audience !== options.audience || !definition.audiences.includes(answers.audience)) {
    return { ok: false, errors: [err('', '', '', 'audience_mismatch')], values: raw as IntakeValues, dropped: [] };
  }

  const questions = new Map<string, IntakeQuestion>();
  for (const s of definition.sections) for (const g of s.groups) for (const q of g.questions) questions.set(q.id, q);

  // 1. Normalise every answer on its own (a value's form does not depend on visibility), so that
  //    show-if conditions compare normalised values ('prn' and { choice: 'prn' } alike).
  const dropped: string[] = [];
  const checked = new Map<string, Checked>();
  const values: Record<string, IntakeValue> = {};
  for (const [id, v] of Object.entries(raw)) {
    const q = questions.get(id);
    if (!q) {
      dropped.push(id);
      continue;
    }
    const c = checkQuestion(q, v, options.today);
    checked.set(id, c);
    if (c.value !== undefined) values[id] = c.value;
  }

  // 2. Decide what is shown, then report problems and missing required answers for shown questions.
  const vis = intakeVisibility(definition, values, { audience: options.audience, today: options.today, ageYears: options.ageYears });
  const ctx = intakeConditionContext(vis, values, options.audience);
  const errors: IntakeFieldError[] = [];
  for (const vg of vis.groups) {
    if (mode === 'group' && vg.group.id !== options.groupId) continue;
    const enforceRequired = mode !== 'draft';
    for (const q of vg.questions) {
      const c = checked.get(q.id) ?? EMPTY_CHECK;
      for (const p of c.problems) errors.push(err(q.id + p.subpath, q.id, vg.group.id, p.key, p.params));
      if (q.type === 'repeat') {
        // Rows are checked only when the list itself was acceptable (not too long, right shape).
        const rows = c.rowChecks ? (c.value as ReadonlyArray<IntakeRow>) : [];
        const kept: IntakeRow[] = [];
        rows.forEach((row, i) => {
          const shown = new Set(visibleRowFields(q, row, ctx).map((f) => f.id));
          const keptRow: Record<string, IntakeFieldValue> = {};
          for (const f of q.fields) {
            // Name the row by its index in what the patient sent (empty rows were skipped).
            const path = `${q.id}[${c.rowIndexes?.[i] ?? i}].${f.id}`;
            if (!shown.has(f.id)) {
              if (mode !== 'submit' && row[f.id] !== undefined) keptRow[f.id] = row[f.id];
              continue;
            }
            const fc = c.rowChecks?.[i]?.get(f.id);
            if (fc?.kind === 'invalid') for (const p of fc.problems) errors.push(err(path + p.subpath, q.id, vg.group.id, p.key, p.params));
            if ((fc === undefined || fc.kind === 'empty') && f.required && enforceRequired) errors.push(err(path, q.id, vg.group.id, requiredKey(f.type)));
            if (row[f.id] !== undefined) keptRow[f.id] = row[f.id];
          }
          kept.push(keptRow);
        });
        const min = q.minRows ?? 1;
        if (q.required && enforceRequired && rows.length < min && c.problems.length === 0) {
          errors.push(err(q.id, q.id, vg.group.id, 'rows_too_few', { min }));
        }
        if (mode === 'submit' && kept.length > 0) values[q.id] = kept;
        continue;
      }
      if (q.required && enforceRequired && c.value === undefined) {
        errors.push(err(q.id, q.id, vg.group.id, q.type === 'consent' ? 'consent_required' : requiredKey(q.type)));
      }
    }
  }

  if (mode === 'submit') {
    for (const id of Object.keys(values)) {
      if (!vis.questionIds.has(id)) {
        delete values[id];
        dropped.push(id);
      }
    }
  }
  return { ok: errors.length === 0, errors, values, dropped };
}

interface Checked {
  /** Normalised when valid, as typed when invalid, undefined when empty. */
  readonly value: IntakeValue | undefined;
  readonly problems: ReadonlyArray<ValueProblem>;
  /** Per-row field checks of a repeated group, indexed like the stored rows. */
  readonly rowChecks?: ReadonlyArray<ReadonlyMap<string, CheckedValue>>;
  /** Index of each kept row in the list as sent. */
  readonly rowIndexes?: ReadonlyArray<number>;
}

const EMPTY_CHECK: Checked = { value: undefined, problems: [] };
const one = (key: IntakeMessageKey, params: IntakeMessageParams = {}): ReadonlyArray<ValueProblem> => [{ subpath: '', key, params }];

function checkQuestion(q: IntakeQuestion, v: unknown, today: string): Checked {
  switch (q.type) {
    case 'repeat':
      return checkRepeat(q, v, today);
    case 'scale': {
      if (v === undefined || v === null) return EMPTY_CHECK;
      // Only the shape is checked here; item ids and option ranges are the scales module's to check
      // when it scores (scoreScale throws a validation error for unknown items or values).
      const items = isRecord(v) && isRecord(v.answers) ? Object.entries(v.answers) : null;
      if (
        !isRecord(v) ||
        v.scaleId !== q.scaleId ||
        items === null ||
        items.length > MAX_SCALE_ITEMS ||
        !items.every(([k, r]) => ITEM_ID.test(k) && (r === null || (typeof r === 'number' && Number.isFinite(r))))
      ) {
        return { value: v as IntakeValue, problems: one('scale_mismatch') };
      }
      const value = { scaleId: q.scaleId, answers: Object.fromEntries(items) as Readonly<Record<string, number | null>> };
      return isIntakeAnswered(value) ? { value, problems: [] } : EMPTY_CHECK;
    }
    case 'consent': {
      if (v === undefined || v === null) return EMPTY_CHECK;
      if (!isRecord(v) || typeof v.agreed !== 'boolean' || typeof v.policyVersion !== 'string') return { value: v as IntakeValue, problems: one('type') };
      if (!v.agreed) return EMPTY_CHECK;
      // Agreement to an older policy text is not agreement to the current one.
      if (v.policyVersion !== q.policyVersion) return { value: v as unknown as IntakeValue, problems: one('consent_outdated', { version: q.policyVersion }) };
      return { value: { agreed: true, policyVersion: q.policyVersion }, problems: [] };
    }
    default: {
      const c = checkIntakeValue(q, v, { today });
      if (c.kind === 'empty') return EMPTY_CHECK;
      if (c.kind === 'ok') return { value: c.value, problems: [] };
      return { value: v as IntakeValue, problems: c.problems };
    }
  }
}

function checkRepeat(q: RepeatQuestion, v: unknown, today: string): Checked {
  if (v === undefined || v === null) return EMPTY_CHECK;
  if (!Array.isArray(v) || !v.every(isRecord)) return { value: v as IntakeValue, problems: one('type') };
  const maxRows = Math.min(q.maxRows, MAX_ROWS_HARD);
  if (v.length > maxRows) return { value: v as IntakeValue, problems: one('rows_too_many', { max: maxRows }) };
  const rows: IntakeRow[] = [];
  const rowChecks: Map<string, CheckedValue>[] = [];
  const rowIndexes: number[] = [];
  for (const [index, row] of (v as ReadonlyArray<Readonly<Record<string, unknown>>>).entries()) {
    const out: Record<string, IntakeFieldValue> = {};
    const checks = new Map<string, CheckedValue>();
    for (const f of q.fields) {
      const c = checkIntakeValue(f, row[f.id], { today });
      checks.set(f.id, c);
      if (c.kind === 'ok') out[f.id] = c.value;
      else if (c.kind === 'invalid') out[f.id] = row[f.id] as IntakeFieldValue;
    }
    // A row left completely empty is not a row (an "add" tapped by mistake).
    if (Object.keys(out).length === 0) continue;
    rows.push(out);
    rowChecks.push(checks);
    rowIndexes.push(index);
  }
  return rows.length === 0 ? EMPTY_CHECK : { value: rows, problems: [], rowChecks, rowIndexes };
}

/**
 * The validation result as the one domain error the server maps to HTTP (code `validation`, key
 * `intake_invalid`), with one issue per field (`intake.<key>` and its params, messages of
 * `INTAKE_MESSAGES`), translated by the server's error handler in the respondent's language.
 *
 * @example
 * const r = validateIntakeAnswers(def, body, { today, audience: 'adult' });
 * if (!r.ok) throw intakeValidationError(r);
 */
export function intakeValidationError(result: IntakeValidationResult): DomainError {
  return new DomainError('validation', {
    key: 'intake_invalid',
    params: { count: result.errors.length },
    issues: result.errors.map((e) => ({ path: e.path, key: `intake.${e.key}`, params: e.params })),
  });
}

/** A missing choice asks to choose (「選択してください」), anything else to fill in. */
function requiredKey(type: string): 'required' | 'choose_required' {
  return type === 'singleChoice' || type === 'multipleChoice' || type === 'yesNo' || type === 'scale' ? 'choose_required' : 'required';
}
