/**
 * The scale definition format: one versioned, bilingual description of a rating scale that the
 * scorer, the patient form, the timeline and the FHIR export all read. A definition is plain JSON
 * (no functions), so a clinic can import one and a stored score can name the exact version that
 * produced it.
 *
 * Answers are numbers: the `value` of the chosen response option. Reverse items are re-scored by
 * the scorer (min + max − value over the item's option values), so an answer always records what
 * the respondent chose, never a transformed score.
 */

export type Lang = 'ja' | 'en';

/** Text in Japanese and/or English. Which languages are required depends on where it is used. */
export interface LocalizedText {
  readonly ja?: string;
  readonly en?: string;
}

/** Who fills the scale in. */
export type Informant = 'self' | 'parent' | 'teacher' | 'clinician';

/** Licence classes of `docs/instruments.md`: A free to embed, B conditional, C permission/licence needed. */
export type LicenceClass = 'A' | 'B' | 'C' | 'custom';

export type LicenceStatus = 'free' | 'conditional' | 'permission-required' | 'commercial' | 'clinic-owned';

/** A published source for a fact in a definition. `uncertain` marks facts not verified verbatim. */
export interface Source {
  readonly citation: string;
  readonly url?: string;
  readonly uncertain?: boolean;
}

export interface Licence {
  readonly class: LicenceClass;
  readonly status: LicenceStatus;
  /** True when this definition may carry item text (built in or imported by a licensed clinic). */
  readonly textIncluded: boolean;
  /** Copyright line shown wherever the text is shown (e.g. the WHO notice for K6/K10). */
  readonly copyright?: string;
  readonly attribution: LocalizedText;
  readonly sources: ReadonlyArray<Source>;
}

/** Where the item text came from. `none`: metadata only — ids, options and scoring, no wording. */
export interface TextSource {
  readonly kind: 'builtin' | 'none' | 'imported' | 'custom';
  readonly note?: LocalizedText;
}

export interface ResponseOption {
  /** The number stored as the answer (before any reverse scoring). Integer. */
  readonly value: number;
  /** Optional stable code (e.g. `yes`/`no`) for interoperability. */
  readonly code?: string;
  readonly label?: LocalizedText;
}

/** `item` answered with a value of at least `atLeast`. */
export interface ItemCondition {
  readonly item: string;
  readonly atLeast: number;
}

export interface ScaleItem {
  readonly id: string;
  /** Item wording; absent in metadata-only definitions. */
  readonly text?: LocalizedText;
  /** Response options in display order; values strictly ascending or strictly descending. */
  readonly options: ReadonlyArray<ResponseOption>;
  /** False for items that are asked but not part of any score (default true). */
  readonly scored?: boolean;
  /** May be left blank without counting as missing (e.g. an item that applies to some people only). */
  readonly optional?: boolean;
  /** Asked only when this condition holds; otherwise it must be left blank and is not missing. */
  readonly enableWhen?: ItemCondition;
  readonly loinc?: string;
}

/**
 * What to do when items are unanswered. `none-allowed`: any missing unit makes the score invalid.
 * `prorate`: up to `maxMissing` units may be missing; the total is the mean of the answered units
 * times the number of units, rounded half up. Units listed in `required` may never be missing.
 * `basis` says whether the rule comes from the instrument's authors or is this project's convention.
 */
export type MissingRule =
  | {
      readonly kind: 'none-allowed';
      readonly basis: 'published' | 'project-convention';
      readonly note?: LocalizedText;
      readonly sources?: ReadonlyArray<Source>;
    }
  | {
      readonly kind: 'prorate';
      readonly maxMissing: number;
      readonly required?: ReadonlyArray<string>;
      readonly basis: 'published' | 'project-convention';
      readonly note?: LocalizedText;
      readonly sources?: ReadonlyArray<Source>;
    };

export interface Subscale {
  readonly id: string;
  readonly name: LocalizedText;
  readonly items: ReadonlyArray<string>;
  /** Defaults to the scale's missing rule. */
  readonly missing?: MissingRule;
  readonly cutoff?: { readonly atLeast: number; readonly label: LocalizedText; readonly sources: ReadonlyArray<Source> };
}

/** Several items of which only the highest counts (QIDS-SR16 sleep, appetite/weight, psychomotor). */
export interface MaxGroup {
  readonly id: string;
  readonly items: ReadonlyArray<string>;
  readonly name?: LocalizedText;
}

export interface SumScoring {
  readonly method: 'sum';
  /** Possible range of the total (after multiplier). Checked against the options on import. */
  readonly range: { readonly min: number; readonly max: number };
  /**
   * What the total adds up: the listed items (default: every scored item) or the listed subscales
   * (SDQ total difficulties). Items not listed still feed subscales and safety rules.
   */
  readonly total?: { readonly items: ReadonlyArray<string> } | { readonly subscales: ReadonlyArray<string> };
  readonly reverseItems: ReadonlyArray<string>;
  /** Integer multipliers per item, applied after reversal. */
  readonly weights?: Readonly<Record<string, number>>;
  readonly maxGroups?: ReadonlyArray<MaxGroup>;
  /** Integer factor applied to the total (WHO-5: raw × 4 → 0–100). */
  readonly multiplier?: number;
  readonly subscales: ReadonlyArray<Subscale>;
  readonly missing: MissingRule;
}

/** Categorical scales (C-SSRS screener): the first rule whose condition holds names the band. */
export interface TriageScoring {
  readonly method: 'triage';
  readonly rules: ReadonlyArray<{ readonly band: string; readonly anyOf: ReadonlyArray<ItemCondition> }>;
  readonly fallbackBand: string;
  readonly missing: MissingRule;
}

export type Scoring = SumScoring | TriageScoring;

export interface Band {
  readonly id: string;
  readonly label: LocalizedText;
  /** Inclusive bounds on the total (sum scoring only). */
  readonly min?: number;
  readonly max?: number;
}

/** One published banding (e.g. the UK and the Japanese EPDS cut-offs are two sets). */
export interface BandSet {
  readonly id: string;
  readonly name: LocalizedText;
  readonly bands: ReadonlyArray<Band>;
  readonly sources: ReadonlyArray<Source>;
  readonly note?: LocalizedText;
  /** Informants this set is normed for (SDQ parent vs self-report); used when scoring by informant. */
  readonly informants?: ReadonlyArray<Informant>;
}

export interface ResponseRule {
  /** Response = reduction from baseline of at least this fraction (0.5 = 50 %). */
  readonly minReduction: number;
  readonly sources: ReadonlyArray<Source>;
  readonly note?: LocalizedText;
}

export interface RemissionRule {
  /** Remission when the total is ≤ atMost (higher-is-worse) or ≥ atLeast (higher-is-better). */
  readonly atMost?: number;
  readonly atLeast?: number;
  readonly sources: ReadonlyArray<Source>;
  readonly note?: LocalizedText;
}

/** Jacobson–Truax inputs. A clinic may replace `sd` with its own baseline SD. */
export interface ReliableChangeParams {
  readonly sd: number | null;
  readonly reliability: number | null;
  readonly sources: ReadonlyArray<Source>;
  readonly note?: LocalizedText;
}

export interface SafetyRule {
  /** Flag id reported in score results (e.g. `suicidality`). */
  readonly id: string;
  /** `alert` needs same-day clinician review; `urgent` needs immediate action. */
  readonly severity: 'alert' | 'urgent';
  readonly anyOf: ReadonlyArray<ItemCondition>;
  readonly action: LocalizedText;
  readonly sources: ReadonlyArray<Source>;
}

export interface LoincCodes {
  readonly panel?: string;
  readonly total?: string;
  readonly sources: ReadonlyArray<Source>;
}

export interface ScaleDefinition {
  /** Lower-case id: `phq9`, `gad7`, … */
  readonly id: string;
  /** Definition version (semver). Any change to scoring, bands or items needs a new version. */
  readonly version: string;
  readonly name: LocalizedText;
  readonly shortName: string;
  readonly informants: ReadonlyArray<Informant>;
  readonly recallPeriod?: LocalizedText;
  readonly instructions?: LocalizedText;
  /** `higher-is-worse` for symptom scales, `higher-is-better` for WHO-5. */
  readonly direction: 'higher-is-worse' | 'higher-is-better';
  readonly licence: Licence;
  readonly textSource: TextSource;
  readonly items: ReadonlyArray<ScaleItem>;
  readonly scoring: Scoring;
  readonly bandSets: ReadonlyArray<BandSet>;
  /** Band set used unless the caller picks another. Required when there are band sets. */
  readonly defaultBandSet?: string;
  readonly response?: ResponseRule;
  readonly remission?: RemissionRule;
  readonly reliableChange?: ReliableChangeParams;
  readonly safety: ReadonlyArray<SafetyRule>;
  readonly loinc?: LoincCodes;
  readonly ageRange?: { readonly min?: number; readonly max?: number };
  readonly notes?: ReadonlyArray<LocalizedText>;
}

/**
 * A text in the requested language, falling back to the other one.
 *
 * @example
 * localize({ ja: '軽度', en: 'Mild' }, 'ja'); // '軽度'
 */
export function localize(text: LocalizedText | undefined, lang: Lang): string | undefined {
  if (!text) return undefined;
  return lang === 'ja' ? (text.ja ?? text.en) : (text.en ?? text.ja);
}
