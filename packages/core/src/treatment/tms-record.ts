import { checkInstant } from '../fields/check-date.ts';
import { parseInstant } from '../time/index.ts';
import { checkNumber, checkOneOf, checkText, createIssues, deepFreeze, throwIfIssues } from '../fields/field-issues.ts';
import { assertMayDose } from '../programs/enrolment.ts';
import type { ValidateTreatmentOptions } from './infusion-record.ts';

export type TmsTarget = 'left_dlpfc' | 'right_dlpfc' | 'bilateral_dlpfc' | 'dmpfc' | 'other';
export const TMS_TARGETS: ReadonlyArray<TmsTarget> = ['left_dlpfc', 'right_dlpfc', 'bilateral_dlpfc', 'dmpfc', 'other'];

/**
 * Stimulation protocols. rTMS protocols name their pulse frequency; theta-burst (iTBS/cTBS) fires
 * 3-pulse bursts at 50 Hz repeated at 5 Hz (Huang et al., Neuron 2005;45:201–206), recorded as 50 Hz.
 */
export type TmsProtocol = 'rtms_10hz' | 'rtms_1hz' | 'itbs' | 'ctbs' | 'other';
export const TMS_PROTOCOLS: ReadonlyArray<TmsProtocol> = ['rtms_10hz', 'rtms_1hz', 'itbs', 'ctbs', 'other'];
const PROTOCOL_HZ: Readonly<Partial<Record<TmsProtocol, number>>> = { rtms_10hz: 10, rtms_1hz: 1, itbs: 50, ctbs: 50 };

/**
 * Plausibility bounds chosen to catch typing errors, not clinical limits: the common 10 Hz protocol
 * is 3000 pulses at 120 % MT; accelerated protocols give more pulses per day but split into
 * sessions. The operator records what was delivered.
 */
export const TMS_LIMITS = Object.freeze({
  frequencyHz: { min: 0.1, max: 50 },
  pulses: { min: 1, max: 6000 },
  intensityPercentMt: { min: 10, max: 150 },
  motorThresholdPercentMso: { min: 1, max: 100 },
});

export type TmsRecord = {
  readonly kind: 'tms';
  readonly id: string;
  readonly enrolmentId: string;
  readonly sessionNumber: number;
  readonly target: TmsTarget;
  readonly targetOther?: string;
  readonly protocol: TmsProtocol;
  readonly protocolOther?: string;
  readonly frequencyHz: number;
  readonly pulses: number;
  /** Intensity as a percentage of the resting motor threshold. */
  readonly intensityPercentMt: number;
  /** The motor threshold itself, as % of the device's maximum stimulator output. */
  readonly motorThresholdPercentMso?: number;
  readonly coil?: string;
  readonly startedAt: string;
  readonly endedAt?: string;
  readonly operatorId: string;
  readonly notes?: string;
};

export type TmsRecordInput = { readonly [K in Exclude<keyof TmsRecord, 'kind'>]?: unknown };

/**
 * Validates a TMS session record: refuses (`invalid_state`) a session for a patient not enrolled or
 * active, and (`validation`) a frequency that contradicts the protocol, intensity outside
 * 10–150 % MT, and other implausible values.
 *
 * @example
 * validateTmsRecord({ ...fields, protocol: 'rtms_10hz', frequencyHz: 10, pulses: 3000, intensityPercentMt: 120 }, { enrolmentStatus: 'active', zone: 'Asia/Tokyo' });
 */
export function validateTmsRecord(input: TmsRecordInput, opts: ValidateTreatmentOptions): TmsRecord {
  assertMayDose(opts.enrolmentStatus);
  const issues = createIssues();
  const id = checkText(issues, 'id', input.id, { max: 100 });
  const enrolmentId = checkText(issues, 'enrolmentId', input.enrolmentId, { max: 100 });
  const sessionNumber = checkNumber(issues, 'sessionNumber', input.sessionNumber, { integer: true, min: 1, max: 1000 });
  const target = checkOneOf(issues, 'target', input.target, TMS_TARGETS);
  const targetOther = checkText(issues, 'targetOther', input.targetOther, { required: target === 'other', max: 200 });
  const protocol = checkOneOf(issues, 'protocol', input.protocol, TMS_PROTOCOLS);
  const protocolOther = checkText(issues, 'protocolOther', input.protocolOther, { required: protocol === 'other', max: 200 });
  const frequencyHz = checkNumber(issues, 'frequencyHz', input.frequencyHz, { ...TMS_LIMITS.frequencyHz, unit: 'Hz' });
  const pulses = checkNumber(issues, 'pulses', input.pulses, { integer: true, ...TMS_LIMITS.pulses });
  const intensity = checkNumber(issues, 'intensityPercentMt', input.intensityPercentMt, { ...TMS_LIMITS.intensityPercentMt, unit: '% MT' });
  const mt = checkNumber(issues, 'motorThresholdPercentMso', input.motorThresholdPercentMso, {
    required: false,
    ...TMS_LIMITS.motorThresholdPercentMso,
    unit: '% MSO',
  });
  const coil = checkText(issues, 'coil', input.coil, { required: false, max: 100 });
  const startedAt = checkInstant(issues, 'startedAt', input.startedAt);
  const endedAt = checkInstant(issues, 'endedAt', input.endedAt, { required: false });
  const operatorId = checkText(issues, 'operatorId', input.operatorId, { max: 100 });
  const notes = checkText(issues, 'notes', input.notes, { required: false, max: 4000 });
  const expectedHz = protocol ? PROTOCOL_HZ[protocol] : undefined;
  if (expectedHz !== undefined && frequencyHz !== undefined && frequencyHz !== expectedHz) {
    issues.add('frequencyHz', 'treatment.tms_frequency_mismatch', { protocol: protocol!, expected: expectedHz });
  }
  if (startedAt && endedAt) {
    const minutes = (parseInstant(endedAt) - parseInstant(startedAt)) / 60_000;
    if (minutes < 0) issues.add('endedAt', 'programs.field.end_before_start');
    else if (minutes > 180) issues.add('endedAt', 'treatment.duration_implausible', { hours: 3 });
  }
  throwIfIssues(issues, 'treatment.tms_invalid');
  return deepFreeze({
    kind: 'tms',
    id: id!,
    enrolmentId: enrolmentId!,
    sessionNumber: sessionNumber!,
    target: target!,
    ...(targetOther !== undefined ? { targetOther } : {}),
    protocol: protocol!,
    ...(protocolOther !== undefined ? { protocolOther } : {}),
    frequencyHz: frequencyHz!,
    pulses: pulses!,
    intensityPercentMt: intensity!,
    ...(mt !== undefined ? { motorThresholdPercentMso: mt } : {}),
    ...(coil !== undefined ? { coil } : {}),
    startedAt: startedAt!,
    ...(endedAt !== undefined ? { endedAt } : {}),
    operatorId: operatorId!,
    ...(notes !== undefined ? { notes } : {}),
  });
}
