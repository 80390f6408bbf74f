import { INTAKE_AUDIENCES, type IntakeDefinition, type IntakeText } from './intake-definition.ts';

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

export interface IntakeDefinitionError {
  /** Where, named for the person editing: `sections[1](history).groups[0](past).questions[2](details).showIf`. */
  readonly path: string;
  readonly key: IntakeDefinitionErrorKey;
  readonly message: IntakeText;
}

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

  fail(path: string, key: IntakeDefinitionErrorKey, detail: IntakeText): void {
    this.errors.push({ path, key, message: detail });
  }

  id(o: Obj, path: string, seen?: Set<string>, what = 'id'): string | null {
    const v = o[what];
    if (typeof v !== 'string' || !ID.test(v)) {
      this.fail(`${path}.${what}`, 'id_invalid', {
        ja: 'IDは半角英小文字で始まり、英小文字・数字・_ のみ（64文字以内）にしてください。',
        en: 'An id starts with a lower-case letter and uses only a–z, 0–9 and _ (at most 64).',
      });
      return null;
    }
    if (seen) {
      if (seen.has(v)) this.fail(`${path}.${what}`, 'id_duplicate', { ja: `ID「${v}」が重複しています。`, en: `The id "${v}" is used twice.` });
      seen.add(v);
    }
    return v;
  }

  text(v: unknown, path: string, optional = false): void {
    if (v === undefined && optional) return;
    if (!isObj(v) || typeof v.ja !== 'string' || typeof v.en !== 'string' || v.ja.trim() === '' || v.en.trim() === '') {
      this.fail(path, 'text_missing', { ja: '日本語と英語の両方を入力してください。', en: 'Give both the Japanese and the English text.' });
    }
  }

  list(v: unknown, path: string): ReadonlyArray<unknown> {
    if (!Array.isArray(v) || v.length === 0) {
      this.fail(path, 'list_empty', { ja: '1つ以上必要です。', en: 'At least one is needed.' });
      return Array.isArray(v) ? v : [];
    }
    return v;
  }

  audienceList(v: unknown, path: string): void {
    if (v === undefined) return;
    if (!Array.isArray(v) || v.length === 0 || !v.every((a) => this.audiences.includes(a as string)) || new Set(v).size !== v.length) {
      this.fail(path, 'audience_invalid', {
        ja: `対象は ${this.audiences.join(', ')} から重複なく選んでください。`,
        en: `Audiences must be distinct values among ${this.audiences.join(', ')}.`,
      });
    }
  }

  /** A safety trigger: `{ severity: 'urgent' | 'high' | 'review' }`, on options, yes/no and text questions only. */
  safety(v: unknown, path: string, type: unknown): void {
    if (v === undefined) return;
    const allowed = ['yesNo', 'text', 'longText', 'option'].includes(type as string);
    if (!allowed || !isObj(v) || !['urgent', 'high', 'review'].includes(v.severity as string) || Object.keys(v).length !== 1) {
      this.fail(path, 'safety_invalid', {
        ja: '安全性の設定は選択肢・はい/いいえ・記述式の質問に { "severity": "urgent" | "high" | "review" } で指定してください。',
        en: 'A safety trigger is { "severity": "urgent" | "high" | "review" } on an option, a yes/no or a text question.',
      });
    }
  }

  int(v: unknown, path: string, min: number, max: number, optional: boolean): void {
    if (v === undefined && optional) return;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      this.fail(path, 'number_invalid', { ja: `${min}〜${max}の整数にしてください。`, en: `Must be a whole number from ${min} to ${max}.` });
    }
  }

  condition(c: unknown, path: string, scope: Scope, depth = 0): void {
    const bad = (ja: string, en: string): void => this.fail(path, 'condition_invalid', { ja, en });
    if (!isObj(c)) return bad('条件の形式が正しくありません。', 'A condition must be an object.');
    if (depth > CONDITION_DEPTH) return bad('条件の入れ子が深すぎます。', `Conditions nest at most ${CONDITION_DEPTH} deep.`);
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
        if (!this.audiences.includes(c.audience as string)) this.fail(`${path}.audience`, 'audience_invalid', { ja: '対象が正しくありません。', en: 'Unknown audience.' });
        return;
      case 'age': {
        const ok = (x: unknown): boolean => x === undefined || (typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= 130);
        if (!ok(c.min) || !ok(c.max) || (c.min === undefined && c.max === undefined) || (typeof c.min === 'number' && typeof c.max === 'number' && c.min > c.max)) {
          this.fail(path, 'range_invalid', { ja: '年齢の範囲（min ≤ max, 0〜130の整数）を確認してください。', en: 'Age range must be whole numbers 0–130 with min ≤ max.' });
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
        return bad(`不明な条件「${String(c.op)}」です。`, `Unknown condition op "${String(c.op)}".`);
    }
  }

  reference(c: Obj, path: string, scope: Scope): void {
    let target: Obj | undefined;
    let name: string;
    if (typeof c.sibling === 'string' && c.question === undefined) {
      name = c.sibling;
      if (!scope.siblings) {
        return this.fail(`${path}.sibling`, 'condition_reference', {
          ja: '同じ行の項目（sibling）は、繰り返し項目の中でだけ参照できます。',
          en: 'A sibling can be referred to only inside a repeated group.',
        });
      }
      target = scope.siblings.get(name);
      if (!target) {
        return this.fail(`${path}.sibling`, 'condition_reference', {
          ja: `「${name}」は同じ行のこれより前の項目ではありません。`,
          en: `"${name}" is not an earlier field of the same row.`,
        });
      }
    } else if (typeof c.question === 'string' && c.sibling === undefined) {
      name = c.question;
      target = scope.questions.get(name);
      if (!target) {
        return this.fail(`${path}.question`, 'condition_reference', {
          ja: `「${name}」はこれより前の質問ではありません（条件は前の回答だけを参照できます）。`,
          en: `"${name}" is not an earlier question (conditions may only refer to earlier answers).`,
        });
      }
    } else {
      return this.fail(path, 'condition_invalid', { ja: 'question か sibling のどちらか一方を指定してください。', en: 'Give exactly one of question or sibling.' });
    }
    const type = target.type;
    const options = Array.isArray(target.options) ? target.options.filter(isObj).map((o) => o.value) : [];
    if (target.other !== undefined) options.push('other');
    const valueError = (ja: string, en: string): void => this.fail(`${path}.value`, 'condition_value', { ja, en });
    switch (c.op) {
      case 'answered':
        return;
      case 'equals':
        if (type === 'yesNo' && typeof c.value !== 'boolean') return valueError('はい/いいえの質問には true か false を指定してください。', 'A yes/no question compares with true or false.');
        if (type === 'singleChoice' && !options.includes(c.value)) return valueError(`「${String(c.value)}」は「${name}」の選択肢にありません。`, `"${String(c.value)}" is not an option of "${name}".`);
        if (type === 'number' && typeof c.value !== 'number') return valueError('数値の質問には数値を指定してください。', 'A number question compares with a number.');
        if (!['string', 'number', 'boolean'].includes(typeof c.value)) return valueError('比較する値がありません。', 'A value to compare with is missing.');
        if (type === 'repeat' || type === 'scale' || type === 'consent' || type === 'multipleChoice') {
          return valueError(`「${name}」（${String(type)}）は equals で比較できません。`, `"${name}" (${String(type)}) cannot be compared with equals.`);
        }
        return;
      case 'in':
        if (type !== 'singleChoice') return valueError('in は単一選択の質問にだけ使えます。', 'in applies to single-choice questions only.');
        if (!Array.isArray(c.values) || c.values.length === 0 || !c.values.every((v) => options.includes(v))) {
          return this.fail(`${path}.values`, 'condition_value', { ja: `値はすべて「${name}」の選択肢にしてください。`, en: `Every value must be an option of "${name}".` });
        }
        return;
      case 'includes':
        if (type !== 'multipleChoice') return valueError('includes は複数選択の質問にだけ使えます。', 'includes applies to multiple-choice questions only.');
        if (!options.includes(c.value)) return valueError(`「${String(c.value)}」は「${name}」の選択肢にありません。`, `"${String(c.value)}" is not an option of "${name}".`);
        return;
      case 'gte':
      case 'lte':
        if (type !== 'number' || typeof c.value !== 'number' || !Number.isFinite(c.value)) {
          return valueError('gte/lte は数値の質問と数値で使います。', 'gte/lte compare a number question with a number.');
        }
        return;
    }
  }

  question(q: unknown, path: string, scope: Scope, inRepeat: boolean): string | null {
    if (!isObj(q)) {
      this.fail(path, 'not_object', { ja: '質問の形式が正しくありません。', en: 'A question must be an object.' });
      return null;
    }
    const allowed = inRepeat ? FIELD_TYPES : QUESTION_TYPES;
    if (!allowed.includes(q.type as string)) {
      if (QUESTION_TYPES.includes(q.type as string)) {
        this.fail(`${path}.type`, 'field_type_not_allowed', { ja: `繰り返し項目の中では ${String(q.type)} は使えません。`, en: `${String(q.type)} cannot be used inside a repeated group.` });
      } else {
        this.fail(`${path}.type`, 'type_unknown', { ja: `不明な質問の種類「${String(q.type)}」です。`, en: `Unknown question type "${String(q.type)}".` });
      }
    }
    this.text(q.label, `${path}.label`);
    this.text(q.help, `${path}.help`, true);
    if (q.required !== undefined && typeof q.required !== 'boolean') this.fail(`${path}.required`, 'condition_invalid', { ja: 'required は true/false です。', en: 'required is true or false.' });
    this.audienceList(q.audiences, `${path}.audiences`);
    this.safety(q.safety, `${path}.safety`, q.type);
    if (q.showIf !== undefined) this.condition(q.showIf, `${path}.showIf`, scope);
    if (isObj(q.summary)) {
      for (const k of ['label', 'yes', 'no'] as const) {
        const t = q.summary[k];
        if (t !== undefined && (!isObj(t) || typeof t.ja !== 'string' || typeof t.en !== 'string')) {
          this.fail(`${path}.summary.${k}`, 'text_missing', { ja: '日本語と英語を指定してください。', en: 'Give both ja and en.' });
        }
      }
    }
    switch (q.type) {
      case 'text':
      case 'kana':
        this.int(q.maxLength, `${path}.maxLength`, 1, TEXT_CAP, true);
        if (q.suggestions !== undefined) {
          if (!Array.isArray(q.suggestions)) this.fail(`${path}.suggestions`, 'list_empty', { ja: '候補は一覧で指定してください。', en: 'Suggestions must be a list.' });
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
          if (!isObj(o)) return this.fail(op, 'not_object', { ja: '選択肢の形式が正しくありません。', en: 'An option must be an object.' });
          if (o.value === 'other') this.fail(`${op}.value`, 'option_reserved', { ja: '「other」は「その他」用に予約されています。other 設定を使ってください。', en: '"other" is reserved; use the question\'s other setting.' });
          else if (typeof o.value !== 'string' || !ID.test(o.value)) this.fail(`${op}.value`, 'option_value_invalid', { ja: '選択肢の値は英小文字・数字・_ にしてください。', en: 'An option value uses a–z, 0–9 and _.' });
          else if (seen.has(o.value)) this.fail(`${op}.value`, 'id_duplicate', { ja: `選択肢「${o.value}」が重複しています。`, en: `Option "${o.value}" is used twice.` });
          if (typeof o.value === 'string') seen.add(o.value);
          this.text(o.label, `${op}.label`);
          this.text(o.clinical, `${op}.clinical`, true);
          this.safety(o.safety, `${op}.safety`, 'option');
        });
        if (q.other !== undefined) {
          if (!isObj(q.other)) this.fail(`${path}.other`, 'not_object', { ja: '「その他」の設定が正しくありません。', en: 'other must be an object.' });
          else {
            this.text(q.other.label, `${path}.other.label`);
            this.int(q.other.maxLength, `${path}.other.maxLength`, 1, TEXT_CAP, true);
          }
        }
        if (q.type === 'multipleChoice') {
          if (q.exclusive !== undefined && (!Array.isArray(q.exclusive) || !q.exclusive.every((v) => seen.has(v as string)))) {
            this.fail(`${path}.exclusive`, 'option_value_invalid', { ja: '排他的な選択肢は選択肢の値から指定してください。', en: 'Exclusive values must be option values.' });
          }
          this.int(q.maxSelected, `${path}.maxSelected`, 1, 100, true);
        }
        break;
      }
      case 'number': {
        for (const k of ['min', 'max'] as const) {
          if (q[k] !== undefined && (typeof q[k] !== 'number' || !Number.isFinite(q[k]))) this.fail(`${path}.${k}`, 'number_invalid', { ja: '数値にしてください。', en: 'Must be a number.' });
        }
        if (typeof q.min === 'number' && typeof q.max === 'number' && q.min > q.max) this.fail(path, 'range_invalid', { ja: 'min は max 以下にしてください。', en: 'min must not exceed max.' });
        this.text(q.unit, `${path}.unit`, true);
        break;
      }
      case 'repeat': {
        this.int(q.maxRows, `${path}.maxRows`, 1, ROWS_CAP, false);
        this.int(q.minRows, `${path}.minRows`, 0, ROWS_CAP, true);
        if (typeof q.minRows === 'number' && typeof q.maxRows === 'number' && q.minRows > q.maxRows) {
          this.fail(path, 'range_invalid', { ja: 'minRows は maxRows 以下にしてください。', en: 'minRows must not exceed maxRows.' });
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
        if (typeof q.scaleId !== 'string' || !ID.test(q.scaleId)) this.fail(`${path}.scaleId`, 'id_invalid', { ja: '尺度IDを指定してください（例: phq9）。', en: 'Give the scale id (e.g. phq9).' });
        break;
      case 'consent':
        if (typeof q.policyVersion !== 'string' || q.policyVersion.trim() === '') {
          this.fail(`${path}.policyVersion`, 'version_invalid', { ja: '同意文書の版を指定してください。', en: 'Give the policy version.' });
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
    c.fail('', 'not_object', { ja: '問診票の定義がありません。', en: 'The definition must be an object.' });
    return { ok: false, errors: c.errors };
  }
  c.id(input, '');
  if (typeof input.version !== 'number' || !Number.isInteger(input.version) || input.version < 1) {
    c.fail('version', 'version_invalid', { ja: '版は1以上の整数です。', en: 'version is a whole number from 1.' });
  }
  c.text(input.title, 'title');
  c.audienceList(input.audiences, 'audiences');
  if (input.audiences === undefined) c.fail('audiences', 'list_empty', { ja: '対象を指定してください。', en: 'Give the audiences.' });
  if (Array.isArray(input.audiences)) c.audiences = input.audiences.filter((a) => INTAKE_AUDIENCES.includes(a));

  const sectionIds = new Set<string>();
  const groupIds = new Set<string>();
  const questionIds = new Set<string>();
  const earlier = new Map<string, Obj>();
  const earlierSelf = new Map<string, Obj>();
  c.list(input.sections, 'sections').forEach((s, si) => {
    const sp = named('sections', si, s);
    if (!isObj(s)) return c.fail(sp, 'not_object', { ja: 'セクションの形式が正しくありません。', en: 'A section must be an object.' });
    c.id(s, sp, sectionIds);
    c.text(s.title, `${sp}.title`);
    c.audienceList(s.audiences, `${sp}.audiences`);
    c.list(s.groups, `${sp}.groups`).forEach((g, gi) => {
      const gp = `${sp}.${named('groups', gi, g)}`;
      if (!isObj(g)) return c.fail(gp, 'not_object', { ja: 'グループの形式が正しくありません。', en: 'A group must be an object.' });
      c.id(g, gp, groupIds);
      c.text(g.title, `${gp}.title`);
      c.text(g.description, `${gp}.description`, true);
      c.audienceList(g.audiences, `${gp}.audiences`);
      if (g.respondent !== undefined && g.respondent !== 'self') {
        c.fail(`${gp}.respondent`, 'respondent_invalid', { ja: '回答者は「self」（本人）だけが指定できます。', en: 'respondent can only be "self".' });
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
      c.fail('birthDateQuestion', 'birth_date_question', { ja: '生年月日には日付の質問のIDを指定してください。', en: 'birthDateQuestion must be the id of a date question.' });
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
      errors.push({ path: 'id', key: 'definition_id_changed', message: { ja: `問診票IDは「${previous.id}」のままにしてください。`, en: `The form id must stay "${previous.id}".` } });
    }
    if (typeof next.version !== 'number' || next.version <= previous.version) {
      errors.push({ path: 'version', key: 'version_not_newer', message: { ja: `版は${previous.version}より大きくしてください。`, en: `version must be greater than ${previous.version}.` } });
    }
  }
  return errors;
}
