import type { Issues } from '../fields/field-issues.ts';
import { checkNumber, checkOneOf, checkText, createIssues, deepFreeze, isPresent, throwIfIssues } from '../fields/field-issues.ts';
import type { LocalizedText } from '../text/localized-text.ts';
import type { AnalyteCategory, AnalyteDefinition, ReferenceRange, SampleType } from './analytes.ts';
import { ANALYTE_IDS, ANALYTES, SAMPLE_TYPES } from './analytes.ts';

/**
 * One analyte of a clinic's catalogue: the built-in panel (`builtIn: true`, with its unit
 * conversions and ranges) or an analyte the clinic added itself (one unit, as it is reported).
 */
export type CatalogueAnalyte = Omit<AnalyteDefinition, 'id'> & {
  readonly id: string;
  readonly category: AnalyteCategory;
  readonly builtIn: boolean;
};

/** An analyte a clinic adds to its catalogue (e.g. a new microRNA, a kit-specific marker). */
export type CustomAnalyte = {
  readonly id: string;
  readonly label: LocalizedText;
  readonly unit: string;
  readonly sampleTypes: ReadonlyArray<SampleType>;
  readonly category: AnalyteCategory;
  /** Largest plausible value in `unit`, to catch typos; none = no ceiling. */
  readonly plausibleMax?: number;
  readonly referenceRange?: ReferenceRange;
};

export type AnalyteCatalogue = ReadonlyMap<string, CatalogueAnalyte>;

export const ANALYTE_CATEGORIES: ReadonlyArray<AnalyteCategory> = ['biomarker', 'safety'];

const ID_PATTERN = /^[a-z][a-z0-9_]{1,39}$/;

/**
 * The clinic's catalogue: the built-in panel followed by the clinic's own analytes.
 *
 * @example
 * analyteCatalogue([{ id: 'mir124', label: { ja: 'miR-124', en: 'miR-124' }, unit: 'copies/μL', sampleTypes: ['plasma'], category: 'biomarker' }]).get('mir124')?.builtIn; // false
 */
export function analyteCatalogue(custom: ReadonlyArray<CustomAnalyte> = []): AnalyteCatalogue {
  const m = new Map<string, CatalogueAnalyte>();
  for (const id of ANALYTE_IDS) {
    const d = ANALYTES[id];
    m.set(id, { ...d, category: d.category ?? 'biomarker', builtIn: true });
  }
  for (const c of custom) {
    if (m.has(c.id)) continue;
    m.set(c.id, {
      id: c.id,
      label: c.label,
      canonicalUnit: c.unit,
      units: { [c.unit]: 1 },
      sampleTypes: c.sampleTypes,
      plausibleMax: c.plausibleMax ?? Number.MAX_VALUE,
      referenceRange: c.referenceRange ?? null,
      category: c.category,
      builtIn: false,
    });
  }
  return m;
}

/**
 * The analyte's name in the reader's language; never the raw id for a known analyte. An id no
 * catalogue knows (data from before an analyte was removed) is shown as it is.
 *
 * @example
 * analyteLabel(analyteCatalogue(), 'il6', 'ja'); // 'IL-6（インターロイキン6）'
 */
export function analyteLabel(catalogue: AnalyteCatalogue, id: string, lang: 'ja' | 'en'): string {
  const a = catalogue.get(id);
  return a ? a.label[lang] || a.label.ja : id;
}

function checkLabel(issues: Issues, path: string, v: unknown): LocalizedText | undefined {
  const o = (v && typeof v === 'object' ? v : {}) as Record<string, unknown>;
  if (!isPresent(v)) {
    issues.add(path, 'programs.field.required');
    return undefined;
  }
  const ja = checkText(issues, `${path}.ja`, o.ja, { max: 100 });
  const en = checkText(issues, `${path}.en`, o.en, { max: 100 });
  return ja !== undefined && en !== undefined ? { ja, en } : undefined;
}

/**
 * Validates an analyte a clinic adds: a lower-case id (not one of the built-in panel or already in
 * the catalogue), names in Japanese and English, one unit, the sample types it is measured in, and
 * optionally a plausibility ceiling.
 *
 * @example
 * validateCustomAnalyte({ id: 'mir124', label: { ja: 'miR-124', en: 'miR-124' }, unit: 'copies/μL', sampleTypes: ['plasma'], category: 'biomarker' }, { existing: analyteCatalogue() });
 */
export function validateCustomAnalyte(input: Readonly<Record<string, unknown>>, o: { readonly existing: AnalyteCatalogue }): CustomAnalyte {
  const issues = createIssues();
  const id = checkText(issues, 'id', input.id, { max: 40 });
  if (id !== undefined && !ID_PATTERN.test(id)) issues.add('id', 'labs.analyte_id_invalid');
  else if (id !== undefined && o.existing.has(id)) issues.add('id', 'labs.analyte_id_taken', { id });
  const label = checkLabel(issues, 'label', input.label);
  const unit = checkText(issues, 'unit', input.unit, { max: 30 });
  const category = checkOneOf(issues, 'category', input.category, ANALYTE_CATEGORIES);
  const sampleTypes: SampleType[] = [];
  if (!Array.isArray(input.sampleTypes) || input.sampleTypes.length === 0) issues.add('sampleTypes', 'labs.sample_types_required');
  else {
    input.sampleTypes.forEach((s, i) => {
      const v = checkOneOf(issues, `sampleTypes[${i}]`, s, SAMPLE_TYPES);
      if (v && !sampleTypes.includes(v)) sampleTypes.push(v);
    });
  }
  const plausibleMax = checkNumber(issues, 'plausibleMax', input.plausibleMax, { required: false, positive: true, max: Number.MAX_SAFE_INTEGER });
  throwIfIssues(issues, 'labs.analyte_invalid');
  return deepFreeze({
    id: id!,
    label: label!,
    unit: unit!,
    sampleTypes,
    category: category!,
    ...(plausibleMax !== undefined ? { plausibleMax } : {}),
  });
}
