/**
 * The WEB問診 form definition: plain, JSON-serialisable data that an administrator edits and that
 * is stored per version. Sections hold question groups (one group is one phone screen); groups hold
 * questions. Every question id is unique in the whole definition, so answers are a flat map from
 * question id to value (a repeated group's value is a list of rows keyed by its field ids).
 *
 * A definition is immutable once published: a change is a new `version`, and answers carry the
 * version they were given against (see `IntakeAnswers`).
 */

export type IntakeLang = 'ja' | 'en';

/** Who fills the form: the patient, or a guardian for a child. */
export type IntakeAudience = 'adult' | 'child';

export const INTAKE_AUDIENCES: ReadonlyArray<IntakeAudience> = ['adult', 'child'];

export interface IntakeText {
  readonly ja: string;
  readonly en: string;
}

/** A reference to an earlier top-level question, or (inside a repeated group) to a field of the same row. */
export type IntakeConditionRef = { readonly question: string; readonly sibling?: undefined } | { readonly sibling: string; readonly question?: undefined };

export type IntakeConditionValue = string | number | boolean;

/**
 * Show-if logic. Conditions may refer only to questions that come earlier in the form (and, inside a
 * repeated group, to fields earlier in the same row); an answer to a hidden question counts as no
 * answer, so hiding cascades.
 *
 * - `equals` — yes/no (`true`/`false`), single choice (option value), number, or text.
 * - `in` — a single choice is one of the values.
 * - `includes` — a multiple choice has the value selected.
 * - `answered` — the question has a non-empty answer.
 * - `gte` / `lte` — a number answer compared with the value.
 * - `audience` — who fills the form.
 * - `age` — the patient's age in years (from the definition's birth-date question, or given by the
 *   caller), `min` and `max` inclusive; false while the age is unknown.
 */
export type IntakeCondition =
  | ({ readonly op: 'equals'; readonly value: IntakeConditionValue } & IntakeConditionRef)
  | ({ readonly op: 'in'; readonly values: ReadonlyArray<string> } & IntakeConditionRef)
  | ({ readonly op: 'includes'; readonly value: string } & IntakeConditionRef)
  | ({ readonly op: 'answered' } & IntakeConditionRef)
  | ({ readonly op: 'gte' | 'lte'; readonly value: number } & IntakeConditionRef)
  | { readonly op: 'audience'; readonly audience: IntakeAudience }
  | { readonly op: 'age'; readonly min?: number; readonly max?: number }
  | { readonly op: 'all' | 'any'; readonly conditions: ReadonlyArray<IntakeCondition> }
  | { readonly op: 'not'; readonly condition: IntakeCondition };

/** How a question appears in the clinical summary. */
export interface IntakeSummaryRule {
  /** Short clinical label (主訴, 既往歴 …); defaults to the question label. */
  readonly label?: IntakeText;
  /** Leave the question out of the summary (names, phone numbers: the chart has them). */
  readonly omit?: boolean;
  /** Append to the previous summary line after 、/ `, ` instead of starting a new line. */
  readonly joinPrevious?: boolean;
  /** Yes/no wording; `no` is e.g. なし / none. An empty `yes` lets the following details speak. */
  readonly yes?: IntakeText;
  readonly no?: IntakeText;
  /** Date questions: show as age on the summary date plus the date. */
  readonly asAge?: boolean;
  /** Show in brackets after the previous field or joined answer (頓用（不安時）, 体重減少（3kg）). */
  readonly parenthesize?: boolean;
}

/**
 * Marks an answer as a safety signal: choosing the option, answering "yes", or writing anything in
 * the text raises an alert of this severity in the same transaction, and the patient sees the
 * crisis contacts at once (docs/safety.md).
 */
export interface IntakeSafetyTrigger {
  readonly severity: 'urgent' | 'high' | 'review';
}

export interface IntakeOption {
  /** Stable value stored in answers; `other` is reserved for the free-text "other" option. */
  readonly value: string;
  readonly label: IntakeText;
  /** Clinical wording for the summary (徐々に増悪); defaults to the label. */
  readonly clinical?: IntakeText;
  /** Choosing this option is a safety signal (死にたい気持ちになる). */
  readonly safety?: IntakeSafetyTrigger;
}

interface QuestionBase {
  readonly id: string;
  readonly label: IntakeText;
  readonly help?: IntakeText;
  readonly required?: boolean;
  readonly showIf?: IntakeCondition;
  /** Limit to some audiences; all when absent. */
  readonly audiences?: ReadonlyArray<IntakeAudience>;
  readonly summary?: IntakeSummaryRule;
  /**
   * yes/no: answering "yes" is a safety signal; text: any answer is (e.g. "what happened"). Choice
   * questions mark their options instead.
   */
  readonly safety?: IntakeSafetyTrigger;
}

export interface TextQuestion extends QuestionBase {
  readonly type: 'text';
  /** Code points; default 200. */
  readonly maxLength?: number;
  /** Offered as suggestions (e.g. generic drug names); any text is still accepted. */
  readonly suggestions?: ReadonlyArray<IntakeText>;
}

export interface LongTextQuestion extends QuestionBase {
  readonly type: 'longText';
  readonly maxLength: number;
}

export interface OtherOption {
  readonly label: IntakeText;
  /** Code points; default 200. */
  readonly maxLength?: number;
}

export interface SingleChoiceQuestion extends QuestionBase {
  readonly type: 'singleChoice';
  readonly options: ReadonlyArray<IntakeOption>;
  /** Adds an option with value `other` and a free-text box. */
  readonly other?: OtherOption;
}

export interface MultipleChoiceQuestion extends QuestionBase {
  readonly type: 'multipleChoice';
  readonly options: ReadonlyArray<IntakeOption>;
  readonly other?: OtherOption;
  /** Values that cannot be combined with any other (e.g. `none`). */
  readonly exclusive?: ReadonlyArray<string>;
  readonly maxSelected?: number;
}

export interface YesNoQuestion extends QuestionBase {
  readonly type: 'yesNo';
}

export interface DateQuestion extends QuestionBase {
  readonly type: 'date';
  readonly notFuture?: boolean;
  /** A birth date: not in the future and plausible (at most 120 years ago). */
  readonly birthDate?: boolean;
}

export interface NumberQuestion extends QuestionBase {
  readonly type: 'number';
  readonly unit?: IntakeText;
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
}

export interface KanaQuestion extends QuestionBase {
  readonly type: 'kana';
  readonly maxLength?: number;
}

export interface PhoneQuestion extends QuestionBase {
  readonly type: 'phone';
}

export interface PostalCodeQuestion extends QuestionBase {
  readonly type: 'postalCode';
}

/** A question allowed as a field of a repeated group. */
export type IntakeFieldQuestion =
  | TextQuestion
  | LongTextQuestion
  | SingleChoiceQuestion
  | MultipleChoiceQuestion
  | YesNoQuestion
  | DateQuestion
  | NumberQuestion
  | KanaQuestion
  | PhoneQuestion
  | PostalCodeQuestion;

/** A list of rows (medicines, allergies …). Field ids are unique within the group. */
export interface RepeatQuestion extends QuestionBase {
  readonly type: 'repeat';
  readonly fields: ReadonlyArray<IntakeFieldQuestion>;
  /** Rows required when the question is required and visible; default 1. */
  readonly minRows?: number;
  readonly maxRows: number;
  readonly addLabel?: IntakeText;
}

/** A validated scale given inside the intake; the scales module renders and scores it. */
export interface ScaleQuestion extends QuestionBase {
  readonly type: 'scale';
  /** Id in the scales module, e.g. `phq9`, `gad7`, `phq9_teens`. */
  readonly scaleId: string;
}

/** Consent to the handling of 要配慮個人情報 (special-care personal information), tied to a policy version. */
export interface ConsentQuestion extends QuestionBase {
  readonly type: 'consent';
  readonly policyVersion: string;
  /** What the patient agrees to, shown beside the checkbox. */
  readonly statement: IntakeText;
}

export type IntakeQuestion = IntakeFieldQuestion | RepeatQuestion | ScaleQuestion | ConsentQuestion;

export type IntakeQuestionType = IntakeQuestion['type'];

export interface IntakeGroup {
  readonly id: string;
  readonly title: IntakeText;
  readonly description?: IntakeText;
  readonly showIf?: IntakeCondition;
  readonly audiences?: ReadonlyArray<IntakeAudience>;
  /**
   * `self`: the patient answers this screen themselves. For a child it is the adolescent's own part
   * (`intakePartDefinition`): answered on the adolescent's own link, never in the guardian's session.
   */
  readonly respondent?: 'self';
  readonly questions: ReadonlyArray<IntakeQuestion>;
}

export interface IntakeSection {
  readonly id: string;
  readonly title: IntakeText;
  readonly audiences?: ReadonlyArray<IntakeAudience>;
  readonly groups: ReadonlyArray<IntakeGroup>;
}

export interface IntakeDefinition {
  /** Stable id of the form across versions (e.g. `default`). */
  readonly id: string;
  /** Positive integer; a published version never changes. */
  readonly version: number;
  readonly title: IntakeText;
  readonly audiences: ReadonlyArray<IntakeAudience>;
  /** The date question holding the patient's birth date; drives `age` conditions. */
  readonly birthDateQuestion?: string;
  readonly sections: ReadonlyArray<IntakeSection>;
}

// ---- Answers ----------------------------------------------------------------------------------

export interface ChoiceAnswer {
  readonly choice: string;
  /** Free text when `choice` is `other`. */
  readonly other?: string;
}

export interface MultiChoiceAnswer {
  readonly choices: ReadonlyArray<string>;
  readonly other?: string;
}

export interface ScaleAnswer {
  readonly scaleId: string;
  /**
   * Item id → option value (null: skipped), the scales module's `ScaleAnswers` shape, so the caller
   * scores it with `scoreScale(definition, answer.answers)`.
   */
  readonly answers: Readonly<Record<string, number | null>>;
}

export interface ConsentAnswer {
  readonly agreed: boolean;
  readonly policyVersion: string;
}

/** A value of a field inside a repeated-group row. */
export type IntakeFieldValue = string | number | boolean | ChoiceAnswer | MultiChoiceAnswer;

export type IntakeRow = Readonly<Record<string, IntakeFieldValue>>;

/**
 * text/longText/kana/phone/postalCode/date → string; number → number; yesNo → boolean;
 * singleChoice → ChoiceAnswer; multipleChoice → MultiChoiceAnswer; repeat → rows; scale →
 * ScaleAnswer; consent → ConsentAnswer.
 */
export type IntakeValue = IntakeFieldValue | ReadonlyArray<IntakeRow> | ScaleAnswer | ConsentAnswer;

export type IntakeValues = Readonly<Record<string, IntakeValue>>;

/** One patient's answers, bound to the definition version they were given against. */
export interface IntakeAnswers {
  readonly definitionId: string;
  readonly definitionVersion: number;
  readonly audience: IntakeAudience;
  readonly values: IntakeValues;
  /** Groups the respondent confirmed with "next" (drives progress and resume). */
  readonly confirmedGroups?: ReadonlyArray<string>;
}
