import { checkDate, checkInstant } from '../fields/check-date.ts';
import { parseInstant, clinicDate } from '../time/index.ts';
import { checkNumber, checkOneOf, checkText, createIssues, deepFreeze, throwIfIssues } from '../fields/field-issues.ts';
import type { EnrolmentStatus } from '../programs/enrolment.ts';
import { assertMayDose } from '../programs/enrolment.ts';
import type { Vitals } from './vitals.ts';
import { checkVitals } from './vitals.ts';
import { normaliseLot } from './normalise-lot.ts';

export type InfusionRoute = 'intravenous' | 'intramuscular' | 'subcutaneous' | 'intranasal' | 'inhalation' | 'other';
export const INFUSION_ROUTES: ReadonlyArray<InfusionRoute> = [
  'intravenous',
  'intramuscular',
  'subcutaneous',
  'intranasal',
  'inhalation',
  'other',
];

/** Dose units for cell-free products: exosome preparations are often dosed by particle count. */
export type DoseUnit = 'mL' | 'particles' | 'mg' | 'μg' | 'units';
export const DOSE_UNITS: ReadonlyArray<DoseUnit> = ['mL', 'particles', 'mg', 'μg', 'units'];

const DOSE_MAX: Readonly<Record<DoseUnit, number>> = { mL: 2000, particles: 1e15, mg: 10_000, μg: 10_000_000, units: 1e9 };

/** Body weight bounds (kg) for the per-kg dose: wide enough for a child or a heavy adult. */
const WEIGHT_LIMITS = { min: 2, max: 300 } as const;

/** The observation after an infusion: how long, who observed, and until when. */
export type InfusionObservation = {
  readonly minutes: number;
  /** Staff id of the observer (a nurse or doctor). */
  readonly observerId: string;
  readonly observerName?: string;
};

/** One infusion as the nurse records it. */
export type InfusionRecord = {
  readonly kind: 'infusion';
  readonly id: string;
  readonly enrolmentId: string;
  readonly sessionNumber: number;
  readonly product: string;
  readonly manufacturer: string;
  /** As printed on the vial. */
  readonly lot: string;
  /** NFKC, trimmed, upper-case form of `lot`, for "who received lot X" searches. */
  readonly lotKey: string;
  readonly expiryDate: string;
  /** The product lot on record (its certificate of analysis), when the lot was chosen from the list. */
  readonly lotId?: string;
  readonly dose?: { readonly value: number; readonly unit: DoseUnit };
  /** Body weight on the day, and the dose per kg computed from it. */
  readonly weightKg?: number;
  readonly dosePerKg?: { readonly value: number; readonly unit: DoseUnit };
  readonly volumeMl?: number;
  readonly route: InfusionRoute;
  /** Storage temperature of the vial (℃) and when it was thawed. */
  readonly storageTemperatureC?: number;
  readonly thawedAt?: string;
  readonly diluent?: string;
  readonly diluentVolumeMl?: number;
  readonly rateMlPerHour?: number;
  /** Premedication given, or 「なし」. */
  readonly premedication?: string;
  readonly startedAt: string;
  readonly endedAt: string;
  readonly vitalsBefore: Vitals;
  readonly vitalsDuring?: Vitals;
  readonly vitalsAfter: Vitals;
  readonly observation?: InfusionObservation;
  readonly nurseId: string;
  readonly notes?: string;
};

export type InfusionRecordInput = { readonly [K in Exclude<keyof InfusionRecord, 'kind' | 'lotKey' | 'dosePerKg'>]?: unknown };

export type ValidateTreatmentOptions = {
  /** The enrolment's current status: sessions are refused unless enrolled or active. */
  readonly enrolmentStatus: EnrolmentStatus;
  /** Clinic zone: the expiry date is compared with the local date of the start. */
  readonly zone: string;
};

/** Longest plausible single infusion; longer is almost surely a wrong date. */
const MAX_INFUSION_HOURS = 12;

/**
 * Validates an infusion record. Refuses (`invalid_state`) a session for a patient who is not
 * enrolled or active — e.g. withdrawn — and (`validation`, every field at once) a missing product
 * or lot, a product past its expiry date on the day of the infusion, neither dose nor volume, an end
 * before the start, and vital signs outside plausible ranges.
 *
 * @example
 * const rec = validateInfusionRecord(input, { enrolmentStatus: 'active', zone: 'Asia/Tokyo' });
 * rec.lotKey; // 'EXO-2026-041'
 */
export function validateInfusionRecord(input: InfusionRecordInput, opts: ValidateTreatmentOptions): InfusionRecord {
  assertMayDose(opts.enrolmentStatus);
  const issues = createIssues();
  const id = checkText(issues, 'id', input.id, { max: 100 });
  const enrolmentId = checkText(issues, 'enrolmentId', input.enrolmentId, { max: 100 });
  const sessionNumber = checkNumber(issues, 'sessionNumber', input.sessionNumber, { integer: true, min: 1, max: 1000 });
  const product = checkText(issues, 'product', input.product, { max: 200 });
  const manufacturer = checkText(issues, 'manufacturer', input.manufacturer, { max: 200 });
  const lot = checkText(issues, 'lot', input.lot, { max: 64 });
  const expiryDate = checkDate(issues, 'expiryDate', input.expiryDate);
  const route = checkOneOf(issues, 'route', input.route, INFUSION_ROUTES);
  const startedAt = checkInstant(issues, 'startedAt', input.startedAt);
  const endedAt = checkInstant(issues, 'endedAt', input.endedAt);
  const nurseId = checkText(issues, 'nurseId', input.nurseId, { max: 100 });
  const notes = checkText(issues, 'notes', input.notes, { required: false, max: 4000 });

  let dose: InfusionRecord['dose'];
  if (input.dose !== undefined && input.dose !== null) {
    const d = input.dose as Record<string, unknown>;
    const unit = checkOneOf(issues, 'dose.unit', d.unit, DOSE_UNITS);
    const value = checkNumber(issues, 'dose.value', d.value, {
      positive: true,
      ...(unit ? { max: DOSE_MAX[unit] } : {}),
      unit: unit ?? '',
    });
    if (unit && value !== undefined) dose = { value, unit };
  }
  const volumeMl = checkNumber(issues, 'volumeMl', input.volumeMl, { required: false, positive: true, max: 2000, unit: 'mL' });
  const lotId = checkText(issues, 'lotId', input.lotId, { required: false, max: 100 });
  // A dose by particles or mass is judged per kg: the weight must be there to compute it.
  const weightKg = checkNumber(issues, 'weightKg', input.weightKg, { required: dose !== undefined && dose.unit !== 'mL', ...WEIGHT_LIMITS, unit: 'kg' });
  const storageTemperatureC = checkNumber(issues, 'storageTemperatureC', input.storageTemperatureC, { required: false, min: -200, max: 30, unit: '℃' });
  const thawedAt = checkInstant(issues, 'thawedAt', input.thawedAt, { required: false });
  const diluent = checkText(issues, 'diluent', input.diluent, { required: false, max: 200 });
  const diluentVolumeMl = checkNumber(issues, 'diluentVolumeMl', input.diluentVolumeMl, { required: false, min: 0, max: 2000, unit: 'mL' });
  const rateMlPerHour = checkNumber(issues, 'rateMlPerHour', input.rateMlPerHour, { required: false, positive: true, max: 2000, unit: 'mL/h' });
  const premedication = checkText(issues, 'premedication', input.premedication, { required: false, max: 1000 });
  let observation: InfusionObservation | undefined;
  if (input.observation !== undefined && input.observation !== null) {
    const o = input.observation as Record<string, unknown>;
    const minutes = checkNumber(issues, 'observation.minutes', o.minutes, { integer: true, min: 0, max: 24 * 60, unit: 'min' });
    const observerId = checkText(issues, 'observation.observerId', o.observerId, { max: 100 });
    const observerName = checkText(issues, 'observation.observerName', o.observerName, { required: false, max: 100 });
    if (minutes !== undefined && observerId !== undefined) observation = { minutes, observerId, ...(observerName !== undefined ? { observerName } : {}) };
  }
  if ((input.dose === undefined || input.dose === null) && (input.volumeMl === undefined || input.volumeMl === null)) {
    issues.add('dose', 'treatment.dose_or_volume_required');
  }

  if (startedAt && endedAt) {
    const minutes = (parseInstant(endedAt) - parseInstant(startedAt)) / 60_000;
    if (minutes < 0) issues.add('endedAt', 'programs.field.end_before_start');
    else if (minutes > MAX_INFUSION_HOURS * 60) issues.add('endedAt', 'treatment.duration_implausible', { hours: MAX_INFUSION_HOURS });
  }
  // Using a product after its expiry date is a safety issue, not a typo: refuse it outright.
  if (startedAt && expiryDate && clinicDate(startedAt, opts.zone) > expiryDate) {
    issues.add('expiryDate', 'treatment.product_expired', { expiryDate, infusionDate: clinicDate(startedAt, opts.zone) });
  }

  const vitalsBefore = checkVitals(issues, 'vitalsBefore', input.vitalsBefore as Partial<Vitals> | undefined);
  const vitalsAfter = checkVitals(issues, 'vitalsAfter', input.vitalsAfter as Partial<Vitals> | undefined);
  const hasDuring = input.vitalsDuring !== undefined && input.vitalsDuring !== null && Object.keys(input.vitalsDuring as object).length > 0;
  const vitalsDuring = hasDuring ? checkVitals(issues, 'vitalsDuring', input.vitalsDuring as Partial<Vitals>) : undefined;
  if (vitalsDuring?.measuredAt && startedAt && endedAt) {
    const at = parseInstant(vitalsDuring.measuredAt);
    if (at < parseInstant(startedAt) || at > parseInstant(endedAt)) issues.add('vitalsDuring.measuredAt', 'treatment.vitals_during_outside');
  }
  // A vial is thawed before it is given, and not days before (the manufacturer's limit is hours).
  if (thawedAt && startedAt) {
    const hours = (parseInstant(startedAt) - parseInstant(thawedAt)) / 3_600_000;
    if (hours < 0) issues.add('thawedAt', 'treatment.thawed_after_start');
    else if (hours > 24) issues.add('thawedAt', 'treatment.thawed_too_early', { hours: 24 });
  }
  if (startedAt && vitalsBefore?.measuredAt && parseInstant(vitalsBefore.measuredAt) > parseInstant(startedAt)) {
    issues.add('vitalsBefore.measuredAt', 'treatment.vitals_before_after_start');
  }
  if (endedAt && vitalsAfter?.measuredAt && parseInstant(vitalsAfter.measuredAt) < parseInstant(endedAt)) {
    issues.add('vitalsAfter.measuredAt', 'treatment.vitals_after_before_end');
  }

  throwIfIssues(issues, 'treatment.infusion_invalid');
  return deepFreeze({
    kind: 'infusion',
    id: id!,
    enrolmentId: enrolmentId!,
    sessionNumber: sessionNumber!,
    product: product!,
    manufacturer: manufacturer!,
    lot: lot!,
    lotKey: normaliseLot(lot!),
    expiryDate: expiryDate!,
    ...(lotId !== undefined ? { lotId } : {}),
    ...(dose ? { dose } : {}),
    ...(weightKg !== undefined ? { weightKg } : {}),
    ...(dose && weightKg !== undefined ? { dosePerKg: { value: perKg(dose.value, weightKg), unit: dose.unit } } : {}),
    ...(volumeMl !== undefined ? { volumeMl } : {}),
    route: route!,
    ...(storageTemperatureC !== undefined ? { storageTemperatureC } : {}),
    ...(thawedAt !== undefined ? { thawedAt } : {}),
    ...(diluent !== undefined ? { diluent } : {}),
    ...(diluentVolumeMl !== undefined ? { diluentVolumeMl } : {}),
    ...(rateMlPerHour !== undefined ? { rateMlPerHour } : {}),
    ...(premedication !== undefined ? { premedication } : {}),
    startedAt: startedAt!,
    endedAt: endedAt!,
    vitalsBefore: vitalsBefore!,
    ...(vitalsDuring ? { vitalsDuring } : {}),
    vitalsAfter: vitalsAfter!,
    ...(observation ? { observation } : {}),
    nurseId: nurseId!,
    ...(notes !== undefined ? { notes } : {}),
  });
}

/**
 * Dose per kg body weight, to four significant figures (2.0e10 particles / 62.5 kg → 3.2e8).
 *
 * @example
 * perKg(2e10, 62.5); // 320000000
 */
export function perKg(dose: number, weightKg: number): number {
  return Number((dose / weightKg).toPrecision(4));
}
