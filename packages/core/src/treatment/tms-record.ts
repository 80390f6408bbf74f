import { checkDate, checkInstant } from '../fields/check-date.ts';
import { clinicDate, parseInstant } from '../time/index.ts';
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

/** How the coil position was found: the 5 cm rule, the Beam F3 method, or neuronavigation. */
export type TmsTargeting = 'five_cm' | 'beam_f3' | 'neuronavigation' | 'other';
export const TMS_TARGETINGS: ReadonlyArray<TmsTargeting> = ['five_cm', 'beam_f3', 'neuronavigation', 'other'];

/** Resting (RMT) or active (AMT) motor threshold; found by visible twitch or by EMG (MEP ≥ 50 µV). */
export type MotorThresholdKind = 'resting' | 'active';
export const MOTOR_THRESHOLD_KINDS: ReadonlyArray<MotorThresholdKind> = ['resting', 'active'];
export type MotorThresholdMethod = 'visual' | 'emg';
export const MOTOR_THRESHOLD_METHODS: ReadonlyArray<MotorThresholdMethod> = ['visual', 'emg'];

/** The motor threshold the intensity is a percentage of. */
export type MotorThreshold = {
  readonly kind: MotorThresholdKind;
  readonly method: MotorThresholdMethod;
  readonly measuredOn: string;
  /** As % of the device's maximum stimulator output. */
  readonly percentMso: number;
};

/**
 * Seizure-risk screening before the course (epilepsy, head injury, implanted metal or devices,
 * medicines that lower the threshold). Required with the first session; a risk found stops the course.
 */
export type SeizureScreening = {
  readonly screenedOn: string;
  readonly result: 'no_risk_found' | 'risk_found';
  readonly notes?: string;
};

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
  readonly device?: string;
  readonly motorThreshold?: MotorThreshold;
  readonly targeting?: TmsTargeting;
  readonly trains?: number;
  /** Seconds between trains. */
  readonly interTrainIntervalS?: number;
  readonly sessionsPerDay?: number;
  readonly seizureScreening?: SeizureScreening;
  readonly startedAt: string;
  readonly endedAt?: string;
  readonly operatorId: string;
  readonly notes?: string;
};

export type TmsRecordInput = { readonly [K in Exclude<keyof TmsRecord, 'kind'>]?: unknown };

function checkMotorThreshold(issues: ReturnType<typeof createIssues>, v: unknown, required: boolean): MotorThreshold | undefined {
  if (v === undefined || v === null) {
    if (required) issues.add('motorThreshold', 'programs.field.required');
    return undefined;
  }
  const m = v as Record<string, unknown>;
  const kind = checkOneOf(issues, 'motorThreshold.kind', m.kind, MOTOR_THRESHOLD_KINDS);
  const method = checkOneOf(issues, 'motorThreshold.method', m.method, MOTOR_THRESHOLD_METHODS);
  const measuredOn = checkDate(issues, 'motorThreshold.measuredOn', m.measuredOn);
  const percentMso = checkNumber(issues, 'motorThreshold.percentMso', m.percentMso, { ...TMS_LIMITS.motorThresholdPercentMso, unit: '% MSO' });
  if (!kind || !method || !measuredOn || percentMso === undefined) return undefined;
  return { kind, method, measuredOn, percentMso };
}

function checkSeizureScreening(issues: ReturnType<typeof createIssues>, v: unknown, required: boolean): SeizureScreening | undefined {
  if (v === undefined || v === null) {
    if (required) issues.add('seizureScreening', 'treatment.tms_seizure_screening_required');
    return undefined;
  }
  const m = v as Record<string, unknown>;
  const screenedOn = checkDate(issues, 'seizureScreening.screenedOn', m.screenedOn);
  const result = checkOneOf(issues, 'seizureScreening.result', m.result, ['no_risk_found', 'risk_found'] as const);
  const notes = checkText(issues, 'seizureScreening.notes', m.notes, { required: result === 'risk_found', max: 2000 });
  if (result === 'risk_found') issues.add('seizureScreening.result', 'treatment.tms_seizure_risk');
  if (!screenedOn || !result) return undefined;
  return { screenedOn, result, ...(notes !== undefined ? { notes } : {}) };
}

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
  const device = checkText(issues, 'device', input.device, { required: false, max: 200 });
  // The first session carries what the course rests on: the threshold and the seizure screening.
  const first = sessionNumber === 1;
  const motorThreshold = checkMotorThreshold(issues, input.motorThreshold, false);
  const targeting = checkOneOf(issues, 'targeting', input.targeting, TMS_TARGETINGS, { required: false });
  const trains = checkNumber(issues, 'trains', input.trains, { required: false, integer: true, min: 1, max: 500 });
  const interTrainIntervalS = checkNumber(issues, 'interTrainIntervalS', input.interTrainIntervalS, { required: false, min: 0, max: 120, unit: 's' });
  const sessionsPerDay = checkNumber(issues, 'sessionsPerDay', input.sessionsPerDay, { required: false, integer: true, min: 1, max: 10 });
  const seizureScreening = checkSeizureScreening(issues, input.seizureScreening, first);
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
  if (seizureScreening && startedAt && seizureScreening.screenedOn > clinicDate(startedAt, opts.zone)) {
    issues.add('seizureScreening.screenedOn', 'treatment.tms_screening_after_start');
  }
  if (motorThreshold && startedAt && motorThreshold.measuredOn > clinicDate(startedAt, opts.zone)) {
    issues.add('motorThreshold.measuredOn', 'treatment.tms_threshold_after_start');
  }
  if (motorThreshold && mt !== undefined && mt !== motorThreshold.percentMso) {
    issues.add('motorThresholdPercentMso', 'treatment.tms_threshold_mismatch', { percentMso: motorThreshold.percentMso });
  }
  if (trains !== undefined && pulses !== undefined && pulses % trains !== 0) {
    issues.add('trains', 'treatment.tms_trains_uneven', { pulses, trains });
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
    ...(device !== undefined ? { device } : {}),
    ...(motorThreshold ? { motorThreshold, motorThresholdPercentMso: motorThreshold.percentMso } : {}),
    ...(targeting !== undefined ? { targeting } : {}),
    ...(trains !== undefined ? { trains } : {}),
    ...(interTrainIntervalS !== undefined ? { interTrainIntervalS } : {}),
    ...(sessionsPerDay !== undefined ? { sessionsPerDay } : {}),
    ...(seizureScreening ? { seizureScreening } : {}),
    startedAt: startedAt!,
    ...(endedAt !== undefined ? { endedAt } : {}),
    operatorId: operatorId!,
    ...(notes !== undefined ? { notes } : {}),
  });
}
