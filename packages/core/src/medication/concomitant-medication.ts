import { checkDate } from '../fields/check-date.ts';
import { checkNumber, checkOneOf, checkText, createIssues, deepFreeze, throwIfIssues } from '../fields/field-issues.ts';

export type MedicationUnit = 'mg' | 'μg' | 'g' | 'mL' | 'tablet' | 'capsule' | 'packet' | 'drop' | 'puff' | 'patch' | 'unit';
export const MEDICATION_UNITS: ReadonlyArray<MedicationUnit> = [
  'mg',
  'μg',
  'g',
  'mL',
  'tablet',
  'capsule',
  'packet',
  'drop',
  'puff',
  'patch',
  'unit',
];

/** How often, in the terms of Japanese prescriptions (1日1回 …); `prn` = 頓用. */
export type MedicationFrequency =
  'once_daily' | 'twice_daily' | 'three_times_daily' | 'four_times_daily' | 'at_bedtime' | 'weekly' | 'prn' | 'other';
export const MEDICATION_FREQUENCIES: ReadonlyArray<MedicationFrequency> = [
  'once_daily',
  'twice_daily',
  'three_times_daily',
  'four_times_daily',
  'at_bedtime',
  'weekly',
  'prn',
  'other',
];

/** How a medicine is taken (the routes a psychiatric clinic meets). */
export type MedicationRoute = 'oral' | 'sublingual' | 'transdermal' | 'intramuscular' | 'intravenous' | 'subcutaneous' | 'intranasal' | 'rectal' | 'other';
export const MEDICATION_ROUTES: ReadonlyArray<MedicationRoute> = ['oral', 'sublingual', 'transdermal', 'intramuscular', 'intravenous', 'subcutaneous', 'intranasal', 'rectal', 'other'];

/**
 * The drug class, so an analysis can ask "any antidepressant change in the window" without a drug
 * dictionary. Broad psychiatric classes; `other` for the rest.
 */
export type DrugClass =
  | 'ssri' | 'snri' | 'nassa' | 'tricyclic' | 'other_antidepressant' | 'antipsychotic' | 'mood_stabiliser'
  | 'benzodiazepine' | 'hypnotic' | 'adhd_stimulant' | 'adhd_non_stimulant' | 'antiepileptic' | 'supplement' | 'other';
export const DRUG_CLASSES: ReadonlyArray<DrugClass> = [
  'ssri', 'snri', 'nassa', 'tricyclic', 'other_antidepressant', 'antipsychotic', 'mood_stabiliser',
  'benzodiazepine', 'hypnotic', 'adhd_stimulant', 'adhd_non_stimulant', 'antiepileptic', 'supplement', 'other',
];

/**
 * The YJ code (個別医薬品コード): 12 characters, digits and upper-case letters (the 7-character
 * 薬価基準収載医薬品コード stem, then form, brand and check characters).
 */
const YJ_CODE = /^[0-9]{4}[0-9A-Z]{8}$/;

/** A change of dose or frequency from a date on. Fields left out did not change. */
export type MedicationChange = {
  readonly date: string;
  readonly dose?: number;
  readonly unit?: MedicationUnit;
  readonly frequency?: MedicationFrequency;
  readonly note?: string;
};

/**
 * A medicine the patient takes beside the program, recorded by generic name (一般名, as in 一般名処方)
 * so that brands of the same drug compare. `startDate` may be unknown for long-standing medicines
 * (started before the clinic's records): leave it out.
 */
export type ConcomitantMedication = {
  readonly id: string;
  readonly patientId: string;
  readonly genericName: string;
  /** YJ code where the clinic has it (12 characters). */
  readonly yjCode?: string;
  readonly drugClass?: DrugClass;
  /** Dose per day, in `unit` (for `prn`, the most taken in a day). */
  readonly dose: number;
  readonly unit: MedicationUnit;
  readonly frequency: MedicationFrequency;
  /** A `MedicationRoute`; older records may hold free text. */
  readonly route?: string;
  readonly indication?: string;
  readonly startDate?: string;
  readonly stopDate?: string;
  /** Sorted by date. */
  readonly changes: ReadonlyArray<MedicationChange>;
};

export type ConcomitantMedicationInput = { readonly [K in keyof ConcomitantMedication]?: unknown };

/**
 * Validates a concomitant medication: generic name, a positive dose with its unit, frequency; stop
 * not before start; each change dated inside [start, stop], changing something, one per date.
 *
 * @example
 * validateConcomitantMedication({ id: 'm-1', patientId: 'p-1', genericName: 'セルトラリン塩酸塩', dose: 50, unit: 'mg',
 *   frequency: 'once_daily', startDate: '2025-10-01', changes: [{ date: '2026-04-20', dose: 75 }] });
 */
export function validateConcomitantMedication(input: ConcomitantMedicationInput): ConcomitantMedication {
  const issues = createIssues();
  const id = checkText(issues, 'id', input.id, { max: 100 });
  const patientId = checkText(issues, 'patientId', input.patientId, { max: 100 });
  const rawName = checkText(issues, 'genericName', input.genericName, { max: 200 });
  const dose = checkNumber(issues, 'dose', input.dose, { positive: true, max: 100_000 });
  const unit = checkOneOf(issues, 'unit', input.unit, MEDICATION_UNITS);
  const frequency = checkOneOf(issues, 'frequency', input.frequency, MEDICATION_FREQUENCIES);
  const route = checkOneOf(issues, 'route', input.route, MEDICATION_ROUTES, { required: false });
  const drugClass = checkOneOf(issues, 'drugClass', input.drugClass, DRUG_CLASSES, { required: false });
  const rawYj = checkText(issues, 'yjCode', input.yjCode, { required: false, max: 20 });
  const yjCode = rawYj?.normalize('NFKC').toUpperCase().replace(/\s+/g, '');
  if (yjCode !== undefined && !YJ_CODE.test(yjCode)) issues.add('yjCode', 'medication.yj_code_invalid');
  const indication = checkText(issues, 'indication', input.indication, { required: false, max: 200 });
  const startDate = checkDate(issues, 'startDate', input.startDate, { required: false });
  const stopDate = checkDate(issues, 'stopDate', input.stopDate, { required: false });
  if (startDate && stopDate && stopDate < startDate) issues.add('stopDate', 'medication.stop_before_start');

  const changes: MedicationChange[] = [];
  if (input.changes !== undefined && !Array.isArray(input.changes)) issues.add('changes', 'programs.field.not_list');
  const seen = new Set<string>();
  ((Array.isArray(input.changes) ? input.changes : []) as Array<Record<string, unknown>>).forEach((c, i) => {
    const p = `changes[${i}]`;
    const date = checkDate(issues, `${p}.date`, c?.date);
    const cDose = checkNumber(issues, `${p}.dose`, c?.dose, { required: false, positive: true, max: 100_000 });
    const cUnit = checkOneOf(issues, `${p}.unit`, c?.unit, MEDICATION_UNITS, { required: false });
    const cFreq = checkOneOf(issues, `${p}.frequency`, c?.frequency, MEDICATION_FREQUENCIES, { required: false });
    const note = checkText(issues, `${p}.note`, c?.note, { required: false, max: 1000 });
    if (c?.dose === undefined && c?.unit === undefined && c?.frequency === undefined) issues.add(p, 'medication.change_changes_nothing');
    if (date && startDate && date < startDate) issues.add(`${p}.date`, 'medication.change_outside_course');
    if (date && stopDate && date > stopDate) issues.add(`${p}.date`, 'medication.change_outside_course');
    if (date && seen.has(date)) issues.add(`${p}.date`, 'medication.change_duplicate_date', { date });
    if (date) seen.add(date);
    if (date) {
      changes.push({
        date,
        ...(cDose !== undefined ? { dose: cDose } : {}),
        ...(cUnit !== undefined ? { unit: cUnit } : {}),
        ...(cFreq !== undefined ? { frequency: cFreq } : {}),
        ...(note !== undefined ? { note } : {}),
      });
    }
  });
  throwIfIssues(issues, 'medication.invalid');
  changes.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return deepFreeze({
    id: id!,
    patientId: patientId!,
    // NFKC so half-width katakana and full-width Latin compare equal across entries.
    genericName: rawName!.normalize('NFKC'),
    ...(yjCode !== undefined ? { yjCode } : {}),
    ...(drugClass !== undefined ? { drugClass } : {}),
    dose: dose!,
    unit: unit!,
    frequency: frequency!,
    ...(route !== undefined ? { route } : {}),
    ...(indication !== undefined ? { indication } : {}),
    ...(startDate !== undefined ? { startDate } : {}),
    ...(stopDate !== undefined ? { stopDate } : {}),
    changes,
  });
}
