import { DomainError, type Issue } from '../errors/domain-error.ts';
import { normalizePhone } from '../text/normalize-phone.ts';

/** Who must be reachable for a minor: applicants under this age give a guardian's name and phone. */
export const APPLICATION_ADULT_AGE = 18;

/** What a prospective participant sends from a recruitment page (no diagnosis asked). */
export interface ApplicationInput {
  readonly name: string;
  readonly phone: string;
  readonly email: string;
  readonly age: string;
  readonly complaint: string;
  /** Free text: when the clinic may call. */
  readonly callTimes: string;
  readonly guardianName: string;
  readonly guardianPhone: string;
  readonly consent: boolean;
}

/** The stored application, normalised. */
export interface Application {
  readonly name: string;
  readonly phone: string;
  readonly email: string | null;
  readonly age: number;
  readonly complaint: string;
  readonly callTimes: string | null;
  readonly guardian: { readonly name: string; readonly phone: string } | null;
}

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * Checks an application and returns it normalised, or throws `validation` with every issue
 * (`application.*` keys): name, a valid Japanese phone, an optional e-mail, an age 0–120, the main
 * complaint, consent to be contacted, and for a minor the guardian's name and phone.
 *
 * @example
 * checkApplication({ name: '見本 一郎', phone: '090-1111-0001', email: '', age: '34', complaint: '眠れない', callTimes: '', guardianName: '', guardianPhone: '', consent: true });
 * // { name: '見本 一郎', phone: '090-1111-0001', email: null, age: 34, complaint: '眠れない', callTimes: null, guardian: null }
 */
export function checkApplication(input: ApplicationInput): Application {
  const issues: Issue[] = [];
  const text = (path: string, v: string, max: number, required: boolean): string | null => {
    const t = v.trim();
    if (t === '') {
      if (required) issues.push({ path, key: 'application.required' });
      return null;
    }
    if (t.length > max) issues.push({ path, key: 'application.too_long', params: { max } });
    else if (CONTROL.test(t)) issues.push({ path, key: 'application.control_characters' });
    return t;
  };
  const phone = (path: string, v: string): string | null => {
    if (v.trim() === '') {
      issues.push({ path, key: 'application.required' });
      return null;
    }
    const p = normalizePhone(v);
    if (!p.ok) {
      issues.push({ path, key: 'application.phone_invalid' });
      return null;
    }
    return p.display;
  };
  const name = text('name', input.name, 100, true);
  const tel = phone('phone', input.phone);
  const email = text('email', input.email, 254, false);
  if (email !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) issues.push({ path: 'email', key: 'application.email_invalid' });
  const ageText = input.age.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const age = /^\d{1,3}$/.test(ageText) ? Number(ageText) : NaN;
  if (ageText === '') issues.push({ path: 'age', key: 'application.required' });
  else if (!(age >= 0 && age <= 120)) issues.push({ path: 'age', key: 'application.age_invalid' });
  const complaint = text('complaint', input.complaint, 2000, true);
  const callTimes = text('callTimes', input.callTimes, 200, false);
  let guardian: Application['guardian'] = null;
  if (Number.isFinite(age) && age < APPLICATION_ADULT_AGE) {
    const gName = text('guardianName', input.guardianName, 100, true);
    const gPhone = phone('guardianPhone', input.guardianPhone);
    if (gName && gPhone) guardian = { name: gName, phone: gPhone };
  }
  if (!input.consent) issues.push({ path: 'consent', key: 'application.consent_required' });
  if (issues.length > 0) throw new DomainError('validation', { key: 'application.invalid', params: { count: issues.length }, issues });
  return { name: name!, phone: tel!, email, age, complaint: complaint!, callTimes, guardian };
}

/** The least time (ms) between opening the form and sending it that a person needs; faster is a robot. */
export const APPLICATION_MIN_FILL_MS = 3000;
/** How long an opened form may be sent (ms). */
export const APPLICATION_MAX_FILL_MS = 2 * 3600_000;

/**
 * Spam check without third-party services: the hidden field must stay empty (honeypot) and the
 * form must be sent between 3 seconds and 2 hours after it was served. `startedAt` is the instant
 * the server put (sealed) into the form; null when it could not be read.
 *
 * @example
 * looksAutomated({ honeypot: '', startedAt: 0, now: 10_000 }); // false
 * looksAutomated({ honeypot: 'http://spam', startedAt: 0, now: 10_000 }); // true
 */
export function looksAutomated(o: { readonly honeypot: string; readonly startedAt: number | null; readonly now: number }): boolean {
  if (o.honeypot.trim() !== '') return true;
  if (o.startedAt === null) return true;
  const took = o.now - o.startedAt;
  return took < APPLICATION_MIN_FILL_MS || took > APPLICATION_MAX_FILL_MS;
}

/** Where an application is in the screening queue. */
export type ApplicationStatus = 'new' | 'contacted' | 'screening_booked' | 'declined';
export const APPLICATION_STATUSES: ReadonlyArray<ApplicationStatus> = ['new', 'contacted', 'screening_booked', 'declined'];

const NEXT: Readonly<Record<ApplicationStatus, ReadonlyArray<ApplicationStatus>>> = {
  new: ['contacted', 'screening_booked', 'declined'],
  contacted: ['screening_booked', 'declined'],
  screening_booked: ['declined'],
  declined: [],
};

/**
 * Checks a step of the queue: new → contacted (staff called back) → screening_booked (a first
 * visit booked by staff) and declined from any open step; throws `invalid_state`
 * (`application.transition`) otherwise.
 *
 * @example
 * checkApplicationStep('new', 'contacted'); // ok
 * checkApplicationStep('declined', 'contacted'); // throws
 */
export function checkApplicationStep(from: ApplicationStatus, to: ApplicationStatus): void {
  if (!NEXT[from].includes(to)) throw new DomainError('invalid_state', { key: 'application.transition', params: { from, to } });
}
