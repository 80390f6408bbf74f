import { DomainError } from '../errors/domain-error.ts';
import type { ErrorParams } from '../errors/domain-error.ts';
import { parseInstant, isIsoInstant, zonedTimeToInstant } from '../time/index.ts';
import { createIssues, deepFreeze } from '../fields/field-issues.ts';
import type { AnalyteId } from './analytes.ts';
import type { LabResult, LabResultInput } from './lab-result.ts';
import { checkLabResult } from './lab-result.ts';
import { parseCsv } from './parse-csv.ts';

/** CSV columns: the first nine are required, the rest optional. Header names are case-insensitive. */
export const LAB_CSV_COLUMNS = [
  'patient_id',
  'analyte',
  'value',
  'unit',
  'sample_type',
  'collected_at',
  'fasting',
  'assay',
  'assay_lot',
  'enrolment_id',
  'visit_id',
  'notes',
] as const;
export type LabCsvColumn = (typeof LAB_CSV_COLUMNS)[number];
const REQUIRED: ReadonlyArray<LabCsvColumn> = ['patient_id', 'analyte', 'value', 'unit', 'sample_type', 'collected_at', 'fasting', 'assay'];

const FIELD_OF: Readonly<Record<LabCsvColumn, keyof LabResultInput>> = {
  patient_id: 'patientId',
  analyte: 'analyte',
  value: 'value',
  unit: 'unit',
  sample_type: 'sampleType',
  collected_at: 'collectedAt',
  fasting: 'fasting',
  assay: 'assay',
  assay_lot: 'assayLot',
  enrolment_id: 'enrolmentId',
  visit_id: 'visitId',
  notes: 'notes',
};
const COLUMN_OF: Readonly<Record<string, LabCsvColumn>> = Object.fromEntries(
  Object.entries(FIELD_OF).map(([col, field]) => [field, col as LabCsvColumn]),
);

/** One problem in the file. `row` is the line the record starts on (line 1 = header); 0 = the whole file. */
export type LabCsvError = {
  readonly row: number;
  readonly column?: LabCsvColumn;
  /** The message key (`labs.unknown_unit`); `params` fill its template. */
  readonly key: string;
  readonly params?: ErrorParams;
};

export type LabCsvReport =
  | { readonly ok: true; readonly rowCount: number; readonly results: ReadonlyArray<LabResult & { readonly row: number }> }
  | { readonly ok: false; readonly rowCount: number; readonly errors: ReadonlyArray<LabCsvError> };

export type ImportLabCsvOptions = {
  /** Clinic zone: collection times written without an offset ("2026-04-08 09:30") are read in it. */
  readonly zone: string;
  /** Results already stored, to refuse re-importing the same sample. */
  readonly existing?: ReadonlyArray<Pick<LabResult, 'patientId' | 'analyte' | 'collectedAt'>>;
  /** Whether a patient id exists; rows for unknown patients are errors. */
  readonly patientExists?: (patientId: string) => boolean;
  /** Refuse files with more data rows than this (default 5000). */
  readonly maxRows?: number;
};

/** Names labs use for the panel's analytes, folded (NFKC, lower case, no spaces, '-', '_', '.'). */
const ANALYTE_ALIASES: Readonly<Record<string, AnalyteId>> = {
  il6: 'il6',
  interleukin6: 'il6',
  tnfa: 'tnf_alpha',
  tnfα: 'tnf_alpha',
  tnfalpha: 'tnf_alpha',
  crp: 'crp',
  hscrp: 'crp',
  il10: 'il10',
  interleukin10: 'il10',
  tgfb: 'tgf_beta',
  tgfβ: 'tgf_beta',
  tgfbeta: 'tgf_beta',
  tgfb1: 'tgf_beta',
  tgfβ1: 'tgf_beta',
  tgfbeta1: 'tgf_beta',
  bdnf: 'bdnf',
  ngf: 'ngf',
  cortisol: 'cortisol',
  コルチゾール: 'cortisol',
};

/**
 * The analyte a lab's label denotes, or `undefined`.
 *
 * @example
 * analyteFromLabel('TNF-α'); // 'tnf_alpha'
 * analyteFromLabel('hs-CRP'); // 'crp'
 */
export function analyteFromLabel(label: string): AnalyteId | undefined {
  return ANALYTE_ALIASES[
    label
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\s\-_.]/g, '')
  ];
}

const TRUE = ['yes', 'y', 'true', '1', 'はい', '有', 'あり', '空腹'];
const FALSE = ['no', 'n', 'false', '0', 'いいえ', '無', 'なし', '非空腹'];

function parseValue(raw: string): { value?: number; comparator?: '<' | '>'; bad?: boolean } {
  const t = raw.normalize('NFKC').trim();
  if (t === '') return {};
  const m = /^([<>])?\s*(-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)$/.exec(t);
  if (!m) return { bad: true };
  return { value: Number(m[2]), ...(m[1] ? { comparator: m[1] as '<' | '>' } : {}) };
}

/**
 * Parses and validates a lab CSV. All or nothing: `ok: true` with every row converted, or
 * `ok: false` with every problem (row, column, message key + params) and nothing to save. Rows
 * that repeat a sample — same patient, analyte and collection time — are errors, both within the
 * file and against `existing`.
 *
 * @example
 * const report = importLabCsv(text, { zone: 'Asia/Tokyo', existing });
 * if (!report.ok) throw labCsvError(report);
 * await repo.insertLabResults(report.results); // one transaction
 */
export function importLabCsv(text: string, opts: ImportLabCsvOptions): LabCsvReport {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { ok: false, rowCount: 0, errors: [{ row: parsed.line, key: parsed.message }] };
  const [header, ...rows] = parsed.records;
  if (!header) return { ok: false, rowCount: 0, errors: [{ row: 0, key: 'labs.csv_empty' }] };
  const names = header.fields.map((h) => h.normalize('NFKC').trim().toLowerCase());
  const fileErrors: LabCsvError[] = [];
  names.forEach((n) => {
    if (!(LAB_CSV_COLUMNS as ReadonlyArray<string>).includes(n)) {
      fileErrors.push({ row: header.line, key: 'labs.csv_unknown_column', params: { column: n } });
    }
  });
  for (const c of REQUIRED) {
    if (!names.includes(c)) fileErrors.push({ row: header.line, column: c, key: 'labs.csv_missing_column', params: { column: c } });
  }
  names.forEach((n, i) => {
    if (names.indexOf(n) !== i) fileErrors.push({ row: header.line, key: 'labs.csv_duplicate_column', params: { column: n } });
  });
  if (rows.length === 0) fileErrors.push({ row: 0, key: 'labs.csv_empty' });
  const maxRows = opts.maxRows ?? 5000;
  if (rows.length > maxRows) fileErrors.push({ row: 0, key: 'labs.csv_too_many_rows', params: { max: maxRows } });
  if (fileErrors.length > 0) return { ok: false, rowCount: rows.length, errors: fileErrors };

  const errors: LabCsvError[] = [];
  const results: Array<LabResult & { row: number }> = [];
  const seen = new Map<string, number>();
  const key = (r: Pick<LabResult, 'patientId' | 'analyte' | 'collectedAt'>): string =>
    `${r.patientId}\u0000${r.analyte}\u0000${parseInstant(r.collectedAt)}`;
  const existing = new Set((opts.existing ?? []).map(key));

  for (const rec of rows) {
    const row = rec.line;
    const cell = (c: LabCsvColumn): string | undefined => {
      const i = names.indexOf(c);
      const v = i < 0 ? undefined : rec.fields[i]?.trim();
      return v === '' ? undefined : v;
    };
    const issues = createIssues();
    if (rec.fields.length !== names.length) issues.add('', 'labs.csv_field_count', { expected: names.length, found: rec.fields.length });

    const analyteRaw = cell('analyte');
    const v = parseValue(cell('value') ?? '');
    if (v.bad) issues.add('value', 'programs.field.not_number');
    const fastingRaw = cell('fasting')?.normalize('NFKC').toLowerCase();
    const collectedRaw = cell('collected_at');
    let collectedAt: string | undefined = collectedRaw;
    // (String() keeps the type guard from narrowing collectedRaw to never below.)
    if (collectedRaw !== undefined && !isIsoInstant(String(collectedRaw))) {
      collectedAt = zonedTimeToInstant(collectedRaw.replace(/\//g, '-'), opts.zone);
      if (collectedAt === undefined) issues.add('collectedAt', 'labs.collected_at_invalid');
    }
    const sampleRaw = cell('sample_type')?.normalize('NFKC').toLowerCase();
    const input: LabResultInput = {
      patientId: cell('patient_id'),
      analyte: analyteRaw === undefined ? undefined : (analyteFromLabel(analyteRaw) ?? analyteRaw),
      value: v.bad ? cell('value') : v.value,
      comparator: v.comparator,
      unit: cell('unit'),
      sampleType: sampleRaw === '血清' ? 'serum' : sampleRaw === '血漿' ? 'plasma' : sampleRaw === '唾液' ? 'saliva' : sampleRaw,
      collectedAt: collectedAt ?? collectedRaw,
      fasting: fastingRaw === undefined ? undefined : TRUE.includes(fastingRaw) ? true : FALSE.includes(fastingRaw) ? false : fastingRaw,
      assay: cell('assay'),
      assayLot: cell('assay_lot'),
      enrolmentId: cell('enrolment_id'),
      visitId: cell('visit_id'),
      notes: cell('notes'),
    };
    const result = checkLabResult(issues, input);
    if (result && opts.patientExists && !opts.patientExists(result.patientId)) issues.add('patientId', 'labs.unknown_patient');
    if (result) {
      const k = key(result);
      const first = seen.get(k);
      if (first !== undefined) issues.add('collectedAt', 'labs.duplicate_row', { firstRow: first });
      else if (existing.has(k)) issues.add('collectedAt', 'labs.duplicate_existing');
      else seen.set(k, row);
    }
    // One message per cell: a malformed value or time is reported once, by the most specific check.
    const reported = new Set<string>();
    for (const i of issues.list) {
      if (reported.has(i.path)) continue;
      reported.add(i.path);
      errors.push({
        row,
        ...(COLUMN_OF[i.path] ? { column: COLUMN_OF[i.path] } : {}),
        key: i.key,
        ...(i.params ? { params: i.params } : {}),
      });
    }
    if (issues.list.length === 0 && result) results.push({ ...result, row });
  }
  if (errors.length > 0) return deepFreeze({ ok: false, rowCount: rows.length, errors });
  return deepFreeze({ ok: true, rowCount: rows.length, results });
}

/**
 * The `DomainError` for a failed import, with one issue per problem (`rows[12].unit`), so the
 * server answers like any other validation error and nothing is saved.
 *
 * @example
 * if (!report.ok) throw labCsvError(report);
 */
export function labCsvError(report: Extract<LabCsvReport, { ok: false }>): DomainError {
  return new DomainError('validation', {
    key: 'labs.csv_rejected',
    params: { count: report.errors.length, rows: report.rowCount },
    message: `labs.csv_rejected: ${report.errors.length} problem(s)`,
    issues: report.errors.map((e) => ({
      path: e.row === 0 ? 'file' : `rows[${e.row}]${e.column ? `.${e.column}` : ''}`,
      key: e.key,
      params: e.params ?? {},
    })),
  });
}
