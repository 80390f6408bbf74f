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
export type DoseUnit = 'particles' | 'mg' | 'μg' | 'units';
export const DOSE_UNITS: ReadonlyArray<DoseUnit> = ['particles', 'mg', 'μg', 'units'];

const DOSE_MAX: Readonly<Record<DoseUnit, number>> = { particles: 1e15, mg: 10_000, μg: 10_000_000, units: 1e9 };

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
  readonly dose?: { readonly value: number; readonly unit: DoseUnit };
  readonly volumeMl?: number;
  readonly route: InfusionRoute;
  readonly startedAt: string;
  readonly endedAt: string;
  readonly vitalsBefore: Vitals;
  readonly vitalsAfter: Vitals;
  readonly nurseId: string;
  readonly notes?: string;
};

export type InfusionRecordInput = { readonly [K in Exclude<keyof InfusionRecord, 'kind' | 'lotKey'>]?: unknown };

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
    ...(dose ? { dose } : {}),
    ...(volumeMl !== undefined ? { volumeMl } : {}),
    route: route!,
    startedAt: startedAt!,
    endedAt: endedAt!,
    vitalsBefore: vitalsBefore!,
    vitalsAfter: vitalsAfter!,
    nurseId: nurseId!,
    ...(notes !== undefined ? { notes } : {}),
  });
}
