import type { ErrorParams, Issue } from '../errors/domain-error.ts';
import { INTAKE_AUDIENCES, type IntakeDefinition } from './intake-definition.ts';

export type IntakeDefinitionErrorKey =
  | 'not_object'
  | 'id_invalid'
  | 'id_duplicate'
  | 'version_invalid'
  | 'text_missing'
  | 'list_empty'
  | 'audience_invalid'
  | 'type_unknown'
  | 'field_type_not_allowed'
  | 'number_invalid'
  | 'range_invalid'
  | 'option_value_invalid'
  | 'option_reserved'
  | 'condition_invalid'
  | 'condition_reference'
  | 'condition_value'
  | 'birth_date_question'
  | 'version_not_newer'
  | 'definition_id_changed'
  | 'safety_invalid'
  | 'respondent_invalid';

/**
 * A problem with a definition: the core's `Issue`. `path` names the place for the person editing
 * (`sections[1](history).groups[0](past).questions[2](details).showIf`); `key` is
 * `intake_definition.<kind>.<what>` (the kind one of `IntakeDefinitionErrorKey`), a message of
 * `INTAKE_MESSAGES` with its `params`.
 */
export type IntakeDefinitionError = Issue;

export type IntakeDefinitionValidation =
  | { readonly ok: true; readonly definition: IntakeDefinition }
  | { readonly ok: false; readonly errors: ReadonlyArray<IntakeDefinitionError> };

const ID = /^[a-z][a-z0-9_]{0,63}$/;
const QUESTION_TYPES = ['text', 'longText', 'singleChoice', 'multipleChoice', 'yesNo', 'date', 'number', 'kana', 'phone', 'postalCode', 'repeat', 'scale', 'consent'];
const FIELD_TYPES = QUESTION_TYPES.filter((t) => t !== 'repeat' && t !== 'scale' && t !== 'consent');
const TEXT_CAP = 2000;
const LONG_TEXT_CAP = 10000;
const ROWS_CAP = 100;
const CONDITION_DEPTH = 8;

type Obj = Readonly<Record<string, unknown>>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What a condition may refer to at a given point of the form. */
interface Scope {
  /** Earlier top-level questions, by id → question object. */
  readonly questions: ReadonlyMap<string, Obj>;
  /** Earlier fields of the same repeated-group row (inside a repeat only). */
  readonly siblings?: ReadonlyMap<string, Obj>;
}

class Checker {
  readonly errors: IntakeDefinitionError[] = [];
  audiences: ReadonlyArray<string> = INTAKE_AUDIENCES;

  fail(path: string, key: string, params: ErrorParams = {}): void {
    this.errors.push({ path, key, params });
  }

  id(o: Obj, path: string, seen?: Set<string>, what = 'id'): string | null {
    const v = o[what];
    if (typeof v !== 'string' || !ID.test(v)) {
      this.fail(`${path}.${what}`, 'intake_definition.id_invalid.id_starts_with', {});
      return null;
    }
    if (seen) {
      if (seen.has(v)) this.fail(`${path}.${what}`, 'intake_definition.id_duplicate.id_used_twice', { v });
      seen.add(v);
    }
    return v;
  }

  text(v: unknown, path: string, optional = false): void {
    if (v === undefined && optional) return;
    if (!isObj(v) || typeof v.ja !== 'string' || typeof v.en !== 'string' || v.ja.trim() === '' || v.en.trim() === '') {
      this.fail(path, 'intake_definition.text_missing.give_both_japanese', {});
    }
  }

  list(v: unknown, path: string): ReadonlyArray<unknown> {
    if (!Array.isArray(v) || v.length === 0) {
      this.fail(path, 'intake_definition.list_empty.least_one_needed', {});
      return Array.isArray(v) ? v : [];
    }
    return v;
  }

  audienceList(v: unknown, path: string): void {
    if (v === undefined) return;
    if (!Array.isArray(v) || v.length === 0 || !v.every((a) => this.audiences.includes(a as string)) || new Set(v).size !== v.length) {
      this.fail(path, 'intake_definition.audience_invalid.audiences_distinct_values', { audiences: this.audiences.join(', ') });
    }
  }

  /** A safety trigger: `{ severity: 'urgent' | 'high' | 'review' }`, on options, yes/no and text questions only. */
  safety(v: unknown, path: string, type: unknown): void {
    if (v === undefined) return;
    const allowed = ['yesNo', 'text', 'longText', 'option'].includes(type as string);
    if (!allowed || !isObj(v) || !['urgent', 'high', 'review'].includes(v.severity as string) || Object.keys(v).length !== 1) {
      this.fail(path, 'intake_definition.safety_invalid.safety_trigger_severity', {});
    }
  }

  int(v: unknown, path: string, min: number, max: number, optional: boolean): void {
    if (v === undefined && optional) return;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      this.fail(path, 'intake_definition.number_invalid.whole_number_from', { min, max });
    }
  }

  condition(c: unknown, path: string, scope: Scope, depth = 0): void {
    const bad = (key: string, params: ErrorParams = {}): void => this.fail(path, key, params);
    if (!isObj(c)) return bad('intake_definition.condition_invalid.condition_object', {});
    if (depth > CONDITION_DEPTH) return bad('intake_definition.condition_invalid.conditions_nest_most', { depth: CONDITION_DEPTH });
    switch (c.op) {
      case 'all':
      case 'any': {
        const list = this.list(c.conditions, `${path}.conditions`);
        list.forEach((x, i) => this.condition(x, `${path}.conditions[${i}]`, scope, depth + 1));
        return;
      }
      case 'not':
        return this.condition(c.condition, `${path}.condition`, scope, depth + 1);
      case 'audience':
        if (!this.audiences.includes(c.audience as string)) this.fail(`${path}.audience`, 'intake_definition.audience_invalid.unknown_audience', {});
        return;
      case 'age': {
        const ok = (x: unknown): boolean => x === undefined || (typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= 130);
        if (!ok(c.min) || !ok(c.max) || (c.min === undefined && c.max === undefined) || (typeof c.min === 'number' && typeof c.max === 'number' && c.min > c.max)) {
          this.fail(path, 'intake_definition.range_invalid.age_range_whole', {});
        }
        return;
      }
      case 'equals':
      case 'in':
      case 'includes':
      case 'answered':
      case 'gte':
      case 'lte':
        return this.reference(c, path, scope);
      default:
        return bad('intake_definition.condition_invalid.unknown_condition_op', { op: String(c.op) });
    }
  }

  reference(c: Obj, path: string, scope: Scope): void {
    let target: Obj | undefined;
    let name: string;
    if (typeof c.sibling === 'string' && c.question === undefined) {
      name = c.sibling;
      if (!scope.siblings) {
        return this.fail(`${path}.sibling`, 'intake_definition.condition_reference.sibling_can_referred', {});
      }
      target = scope.siblings.get(name);
      if (!target) {
        return this.fail(`${path}.sibling`, 'intake_definition.condition_reference.earlier_field_same', { name });
      }
    } else if (typeof c.question === 'string' && c.sibling === undefined) {
      name = c.question;
      target = scope.questions.get(name);
      if (!target) {
        return this.fail(`${path}.question`, 'intake_definition.condition_reference.earlier_question_conditions', { name });
      }
    } else {
      return this.fail(path, 'intake_definition.condition_invalid.give_exactly_one', {});
    }
    const type = target.type;
    const options = Array.isArray(target.options) ? target.options.filter(isObj).map((o) => o.value) : [];
    if (target.other !== undefined) options.push('other');
    const valueError = (key: string, params: ErrorParams = {}): void => this.fail(`${path}.value`, key, params);
    switch (c.op) {
      case 'answered':
        return;
      case 'equals':
        if (type === 'yesNo' && typeof c.value !== 'boolean') return valueError('intake_definition.condition_value.yes_no_question', {});
        if (type === 'singleChoice' && !options.includes(c.value)) return valueError('intake_definition.condition_value.option', { value: String(c.value), name });
        if (type === 'number' && typeof c.value !== 'number') return valueError('intake_definition.condition_value.number_question_compares', {});
        if (!['string', 'number', 'boolean'].includes(typeof c.value)) return valueError('intake_definition.condition_value.value_compare_with', {});
        if (type === 'repeat' || type === 'scale' || type === 'consent' || type === 'multipleChoice') {
          return valueError('intake_definition.condition_value.cannot_compared_with', { name, type: String(type) });
        }
        return;
      case 'in':
        if (type !== 'singleChoice') return valueError('intake_definition.condition_value.applies_single_choice', {});
        if (!Array.isArray(c.values) || c.values.length === 0 || !c.values.every((v) => options.includes(v))) {
          return this.fail(`${path}.values`, 'intake_definition.condition_value.every_value_option', { name });
        }
        return;
      case 'includes':
        if (type !== 'multipleChoice') return valueError('intake_definition.condition_value.includes_applies_multiple', {});
        if (!options.includes(c.value)) return valueError('intake_definition.condition_value.option', { value: String(c.value), name });
        return;
      case 'gte':
      case 'lte':
        if (type !== 'number' || typeof c.value !== 'number' || !Number.isFinite(c.value)) {
          return valueError('intake_definition.condition_value.gte_lte_compare', {});
        }
        return;
    }
  }

  question(q: unknown, path: string, scope: Scope, inRepeat: boolean): string | null {
    if (!isObj(q)) {
      this.fail(path, 'intake_definition.not_object.question_object', {});
      return null;
    }
    const allowed = inRepeat ? FIELD_TYPES : QUESTION_TYPES;
    if (!allowed.includes(q.type as string)) {
      if (QUESTION_TYPES.includes(q.type as string)) {
        this.fail(`${path}.type`, 'intake_definition.field_type_not_allowed.cannot_used_inside', { type: String(q.type) });
      } else {
        this.fail(`${path}.type`, 'intake_definition.type_unknown.unknown_question_type', { type: String(q.type) });
      }
    }
    this.text(q.label, `${path}.label`);
    this.text(q.help, `${path}.help`, true);
    if (q.required !== undefined && typeof q.required !== 'boolean') this.fail(`${path}.required`, 'intake_definition.condition_invalid.required_true_false', {});
    this.audienceList(q.audiences, `${path}.audiences`);
    this.safety(q.safety, `${path}.safety`, q.type);
    if (q.showIf !== undefined) this.condition(q.showIf, `${path}.showIf`, scope);
    if (isObj(q.summary)) {
      for (const k of ['label', 'yes', 'no'] as const) {
        const t = q.summary[k];
        if (t !== undefined && (!isObj(t) || typeof t.ja !== 'string' || typeof t.en !== 'string')) {
          this.fail(`${path}.summary.${k}`, 'intake_definition.text_missing.give_both_ja', {});
        }
      }
    }
    switch (q.type) {
      case 'text':
      case 'kana':
        this.int(q.maxLength, `${path}.maxLength`, 1, TEXT_CAP, true);
        if (q.suggestions !== undefined) {
          if (!Array.isArray(q.suggestions)) this.fail(`${path}.suggestions`, 'intake_definition.list_empty.suggestions_list', {});
          else q.suggestions.forEach((s, i) => this.text(s, `${path}.suggestions[${i}]`));
        }
        break;
      case 'longText':
        this.int(q.maxLength, `${path}.maxLength`, 1, LONG_TEXT_CAP, false);
        break;
      case 'singleChoice':
      case 'multipleChoice': {
        const seen = new Set<string>();
        this.list(q.options, `${path}.options`).forEach((o, i) => {
          const op = `${path}.options[${i}]`;
          if (!isObj(o)) return this.fail(op, 'intake_definition.not_object.option_object', {});
          if (o.value === 'other') this.fail(`${op}.value`, 'intake_definition.option_reserved.other_reserved_use', {});
          else if (typeof o.value !== 'string' || !ID.test(o.value)) this.fail(`${op}.value`, 'intake_definition.option_value_invalid.option_value_uses', {});
          else if (seen.has(o.value)) this.fail(`${op}.value`, 'intake_definition.id_duplicate.option_used_twice', { value: o.value });
          if (typeof o.value === 'string') seen.add(o.value);
          this.text(o.label, `${op}.label`);
          this.text(o.clinical, `${op}.clinical`, true);
          this.safety(o.safety, `${op}.safety`, 'option');
        });
        if (q.other !== undefined) {
          if (!isObj(q.other)) this.fail(`${path}.other`, 'intake_definition.not_object.other_object', {});
          else {
            this.text(q.other.label, `${path}.other.label`);
            this.int(q.other.maxLength, `${path}.other.maxLength`, 1, TEXT_CAP, true);
          }
        }
        if (q.type === 'multipleChoice') {
          if (q.exclusive !== undefined && (!Array.isArray(q.exclusive) || !q.exclusive.every((v) => seen.has(v as string)))) {
            this.fail(`${path}.exclusive`, 'intake_definition.option_value_invalid.exclusive_values_option', {});
          }
          this.int(q.maxSelected, `${path}.maxSelected`, 1, 100, true);
        }
        break;
      }
      case 'number': {
        for (const k of ['min', 'max'] as const) {
          if (q[k] !== undefined && (typeof q[k] !== 'number' || !Number.isFinite(q[k]))) this.fail(`${path}.${k}`, 'intake_definition.number_invalid.number', {});
        }
        if (typeof q.min === 'number' && typeof q.max === 'number' && q.min > q.max) this.fail(path, 'intake_definition.range_invalid.min_exceed_max', {});
        this.text(q.unit, `${path}.unit`, true);
        break;
      }
      case 'repeat': {
        this.int(q.maxRows, `${path}.maxRows`, 1, ROWS_CAP, false);
        this.int(q.minRows, `${path}.minRows`, 0, ROWS_CAP, true);
        if (typeof q.minRows === 'number' && typeof q.maxRows === 'number' && q.minRows > q.maxRows) {
          this.fail(path, 'intake_definition.range_invalid.minrows_exceed_maxrows', {});
        }
        this.text(q.addLabel, `${path}.addLabel`, true);
        const ids = new Set<string>();
        const siblings = new Map<string, Obj>();
        this.list(q.fields, `${path}.fields`).forEach((f, i) => {
          const fid = isObj(f) ? f.id : undefined;
          const fp = `${path}.fields[${i}]${typeof fid === 'string' ? `(${fid})` : ''}`;
          if (isObj(f)) this.id(f, fp, ids);
          // Top-level references from inside a row may use questions before the repeated group.
          const id = this.question(f, fp, { questions: scope.questions, siblings }, true);
          if (id && isObj(f)) siblings.set(id, f);
        });
        break;
      }
      case 'scale':
        if (typeof q.scaleId !== 'string' || !ID.test(q.scaleId)) this.fail(`${path}.scaleId`, 'intake_definition.id_invalid.give_scale_id', {});
        break;
      case 'consent':
        if (typeof q.policyVersion !== 'string' || q.policyVersion.trim() === '') {
          this.fail(`${path}.policyVersion`, 'intake_definition.version_invalid.give_policy_version', {});
        }
        this.text(q.statement, `${path}.statement`);
        break;
    }
    return typeof q.id === 'string' ? q.id : null;
  }
}

const named = (base: string, i: number, v: unknown): string => `${base}[${i}]${isObj(v) && typeof v.id === 'string' ? `(${v.id})` : ''}`;

/**
 * Checks a form definition as an administrator saved it (any JSON). Errors name the place with
 * indexes and ids, e.g. `sections[2](medicines).groups[0](meds).questions[1](medicines).fields[3](prn_when).showIf.sibling`,
 * and say what to fix in Japanese and English. Show-if conditions may refer only to earlier
 * questions (and earlier fields of the same row), which also rules out cycles.
 *
 * @example
 * const r = validateIntakeDefinition(JSON.parse(body));
 * if (!r.ok) r.errors // → [{ path: 'sections[0](basic).groups[0](g).questions[1](b).showIf.question', key: 'condition_reference', … }]
 */
export function validateIntakeDefinition(input: unknown): IntakeDefinitionValidation {
  const c = new Checker();
  if (!isObj(input)) {
    c.fail('', 'intake_definition.not_object.definition_object', {});
    return { ok: false, errors: c.errors };
  }
  c.id(input, '');
  if (typeof input.version !== 'number' || !Number.isInteger(input.version) || input.version < 1) {
    c.fail('version', 'intake_definition.version_invalid.version_whole_number', {});
  }
  c.text(input.title, 'title');
  c.audienceList(input.audiences, 'audiences');
  if (input.audiences === undefined) c.fail('audiences', 'intake_definition.list_empty.give_audiences', {});
  if (Array.isArray(input.audiences)) c.audiences = input.audiences.filter((a) => INTAKE_AUDIENCES.includes(a));

  const sectionIds = new Set<string>();
  const groupIds = new Set<string>();
  const questionIds = new Set<string>();
  const earlier = new Map<string, Obj>();
  const earlierSelf = new Map<string, Obj>();
  c.list(input.sections, 'sections').forEach((s, si) => {
    const sp = named('sections', si, s);
    if (!isObj(s)) return c.fail(sp, 'intake_definition.not_object.section_object', {});
    c.id(s, sp, sectionIds);
    c.text(s.title, `${sp}.title`);
    c.audienceList(s.audiences, `${sp}.audiences`);
    c.list(s.groups, `${sp}.groups`).forEach((g, gi) => {
      const gp = `${sp}.${named('groups', gi, g)}`;
      if (!isObj(g)) return c.fail(gp, 'intake_definition.not_object.group_object', {});
      c.id(g, gp, groupIds);
      c.text(g.title, `${gp}.title`);
      c.text(g.description, `${gp}.description`, true);
      c.audienceList(g.audiences, `${gp}.audiences`);
      if (g.respondent !== undefined && g.respondent !== 'self') {
        c.fail(`${gp}.respondent`, 'intake_definition.respondent_invalid.respondent_can_self', {});
      }
      // A patient's own screen is also answered on its own (the adolescent's link): its conditions
      // may refer only to questions of such screens.
      const self = g.respondent === 'self';
      const scope = () => ({ questions: new Map(self ? earlierSelf : earlier) });
      if (g.showIf !== undefined) c.condition(g.showIf, `${gp}.showIf`, scope());
      c.list(g.questions, `${gp}.questions`).forEach((q, qi) => {
        const qp = `${gp}.${named('questions', qi, q)}`;
        if (isObj(q)) c.id(q, qp, questionIds);
        const id = c.question(q, qp, scope(), false);
        if (id && isObj(q)) {
          earlier.set(id, q);
          if (self) earlierSelf.set(id, q);
        }
      });
    });
  });

  if (input.birthDateQuestion !== undefined) {
    const q = earlier.get(input.birthDateQuestion as string);
    if (!q || q.type !== 'date') {
      c.fail('birthDateQuestion', 'intake_definition.birth_date_question.birthdatequestion_id_date', {});
    }
  }
  return c.errors.length === 0 ? { ok: true, definition: input as unknown as IntakeDefinition } : { ok: false, errors: c.errors };
}

/**
 * Rules for publishing an edited definition: same form id, a higher version, and itself valid. Past
 * answers keep pointing at the version they were given against, so publishing never rewrites them;
 * storage must keep every published version.
 *
 * @example
 * checkNewIntakeVersion(current, edited) // → [] when edited.version > current.version and edited is valid
 */
export function checkNewIntakeVersion(previous: IntakeDefinition, next: unknown): ReadonlyArray<IntakeDefinitionError> {
  const r = validateIntakeDefinition(next);
  const errors = r.ok ? [] : [...r.errors];
  if (isObj(next)) {
    if (next.id !== previous.id) {
      errors.push({ path: 'id', key: 'intake_definition.definition_id_changed.stay', params: { id: previous.id } });
    }
    if (typeof next.version !== 'number' || next.version <= previous.version) {
      errors.push({ path: 'version', key: 'intake_definition.version_not_newer.greater', params: { version: previous.version } });
    }
  }
  return errors;
}
