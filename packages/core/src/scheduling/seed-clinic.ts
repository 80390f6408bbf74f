/**
 * The seed (demo) clinic: the hours, services and staff of the clinic described in the product
 * brief, as plain data that storage can insert and tests can use. Staff names are invented.
 */
import { DEFAULT_CLINIC_ZONE } from '../time/time-zone.ts';
import type { BookingPolicy } from './booking-policy.ts';
import type { ClinicCalendar, Session, WeeklyHours } from './clinic-calendar.ts';
import type { Resource } from './resource.ts';
import type { Service } from './service.ts';

const MORNING: Session = Object.freeze({ start: '09:00', end: '13:00' });
const AFTERNOON: Session = Object.freeze({ start: '15:00', end: '18:00' });
const SATURDAY: Session = Object.freeze({ start: '09:00', end: '14:00' });
const FULL_DAY: ReadonlyArray<Session> = Object.freeze([MORNING, AFTERNOON]);

/** Mon/Wed/Thu/Fri 9:00–13:00 and 15:00–18:00, Sat 9:00–14:00; Tue and Sun closed. */
export const seedWeeklyHours: WeeklyHours = Object.freeze({
  mon: FULL_DAY,
  wed: FULL_DAY,
  thu: FULL_DAY,
  fri: FULL_DAY,
  sat: Object.freeze([SATURDAY]),
});

/** The seed clinic's calendar: Asia/Tokyo, closed on national holidays and over 年末年始 (12/29–1/3). */
export const seedClinicCalendar: ClinicCalendar = Object.freeze({
  zone: DEFAULT_CLINIC_ZONE,
  weeklyHours: seedWeeklyHours,
  closedOnNationalHolidays: true,
  closures: Object.freeze([Object.freeze({ kind: 'annual', from: '12-29', to: '01-03', reason: '年末年始' } as const)]),
  overrides: Object.freeze([]),
});

/** The demo clinic's services (durations from the reservations issue). */
export const seedClinicServices: ReadonlyArray<Service> = Object.freeze([
  { id: 'shoshin', name: '初診', nameEn: 'First visit', durationMinutes: 60, requires: [{ role: 'doctor' }], channel: 'staff_only', sendsIntake: true },
  { id: 'saishin', name: '再診', nameEn: 'Follow-up visit', durationMinutes: 15, requires: [{ role: 'doctor' }], channel: 'patient_online' },
  {
    id: 'counseling',
    name: 'カウンセリング',
    nameEn: 'Counselling',
    durationMinutes: 50,
    bufferAfterMinutes: 10,
    requires: [{ role: 'psychologist' }],
    channel: 'patient_online',
    slotStepMinutes: 30,
  },
  {
    id: 'exosome-infusion',
    name: 'エクソソーム点滴',
    nameEn: 'Exosome infusion',
    durationMinutes: 60,
    bufferAfterMinutes: 15,
    requires: [{ role: 'nurse' }, { role: 'infusion_chair' }],
    channel: 'patient_online',
    eligibilityTag: 'program:exosome',
    slotStepMinutes: 30,
  },
  {
    id: 'tms',
    name: 'TMS',
    nameEn: 'TMS session',
    durationMinutes: 40,
    bufferAfterMinutes: 5,
    requires: [{ role: 'tms_device' }, { role: 'tms_operator' }],
    channel: 'staff_only',
    eligibilityTag: 'program:tms',
  },
  { id: 'blood-draw', name: '採血', nameEn: 'Blood draw', durationMinutes: 10, requires: [{ role: 'nurse' }], channel: 'staff_only', slotStepMinutes: 10 },
] satisfies ReadonlyArray<Service>);

/** Staff and equipment of the demo clinic. Dr 岡田 works mornings only, the psychologist Mon/Wed/Fri. */
export const seedClinicResources: ReadonlyArray<Resource> = Object.freeze([
  { id: 'dr-mori', name: '森 医師', roles: ['doctor'] },
  { id: 'dr-okada', name: '岡田 医師', roles: ['doctor'], weeklyHours: { mon: [MORNING], wed: [MORNING], thu: [MORNING], fri: [MORNING], sat: [SATURDAY] } },
  { id: 'cp-ueda', name: '上田 公認心理師', roles: ['psychologist'], weeklyHours: { mon: FULL_DAY, wed: FULL_DAY, fri: FULL_DAY } },
  { id: 'ns-kato', name: '加藤 看護師', roles: ['nurse', 'tms_operator'] },
  { id: 'ns-ishii', name: '石井 看護師', roles: ['nurse'] },
  { id: 'chair-1', name: '点滴チェア 1', roles: ['infusion_chair'] },
  { id: 'chair-2', name: '点滴チェア 2', roles: ['infusion_chair'] },
  { id: 'tms-1', name: 'TMS 装置', roles: ['tms_device'] },
] satisfies ReadonlyArray<Resource>);

/**
 * The seed clinic's booking rules: patients book online from 2 hours ahead up to 60 days out, staff
 * any time up to a year; online change/cancel until 18:00 the day before; holds last 10 minutes.
 */
export const seedBookingPolicy: BookingPolicy = Object.freeze({
  limits: Object.freeze({
    patient: Object.freeze({ minNoticeMinutes: 120, horizonDays: 60 }),
    staff: Object.freeze({ minNoticeMinutes: 0, horizonDays: 366 }),
  }),
  slotStepMinutes: 15,
  changeCutoff: Object.freeze({ kind: 'day_before_at', time: '18:00' } as const),
  holdMinutes: 10,
});
