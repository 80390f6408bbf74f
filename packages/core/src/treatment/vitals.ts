import type { Issues } from '../fields/field-issues.ts';
import { checkNumber } from '../fields/field-issues.ts';
import { checkInstant } from '../fields/check-date.ts';

/** Vital signs taken before or after a treatment session. */
export type Vitals = {
  readonly measuredAt?: string;
  readonly systolicMmHg: number;
  readonly diastolicMmHg: number;
  readonly heartRateBpm: number;
  readonly temperatureC: number;
  readonly spo2Percent: number;
  readonly respiratoryRatePerMin?: number;
};

/**
 * Plausibility limits: values outside are almost surely typing errors (a blood pressure of 1200,
 * a temperature of 365 meant as 36.5), so they are refused. They are deliberately wider than any
 * clinical alarm threshold: a real but alarming value must still be recordable.
 */
export const VITAL_LIMITS = Object.freeze({
  systolicMmHg: { min: 50, max: 280 },
  diastolicMmHg: { min: 20, max: 180 },
  heartRateBpm: { min: 20, max: 250 },
  temperatureC: { min: 30, max: 43 },
  spo2Percent: { min: 50, max: 100 },
  respiratoryRatePerMin: { min: 4, max: 70 },
});

/** Validates one set of vitals under `path` (e.g. `vitalsBefore`); returns it when valid. */
export function checkVitals(issues: Issues, path: string, v: Partial<Vitals> | undefined): Vitals | undefined {
  if (v === undefined || v === null) {
    issues.add(path, 'programs.field.required');
    return undefined;
  }
  const n = (k: keyof typeof VITAL_LIMITS, unit: string, required = true): number | undefined =>
    checkNumber(issues, `${path}.${k}`, v[k], { required, ...VITAL_LIMITS[k], unit });
  const systolic = n('systolicMmHg', 'mmHg');
  const diastolic = n('diastolicMmHg', 'mmHg');
  const hr = n('heartRateBpm', '/min');
  const temp = n('temperatureC', '℃');
  const spo2 = n('spo2Percent', '%');
  const rr = n('respiratoryRatePerMin', '/min', false);
  const measuredAt = checkInstant(issues, `${path}.measuredAt`, v.measuredAt, { required: false });
  if (systolic !== undefined && diastolic !== undefined && diastolic >= systolic) {
    issues.add(`${path}.diastolicMmHg`, 'treatment.diastolic_not_below_systolic');
  }
  if (systolic === undefined || diastolic === undefined || hr === undefined || temp === undefined || spo2 === undefined) return undefined;
  return {
    systolicMmHg: systolic,
    diastolicMmHg: diastolic,
    heartRateBpm: hr,
    temperatureC: temp,
    spo2Percent: spo2,
    ...(rr !== undefined ? { respiratoryRatePerMin: rr } : {}),
    ...(measuredAt !== undefined ? { measuredAt } : {}),
  };
}
