import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Role } from '@mimamori/core';
import { addStaffUser, currentTotp, insertClinic, insertSession, newId, newToken, seedSchedulingConfig, tokenId, type DialectName } from '@mimamori/storage';
import { createTestDb, type TestDb } from '../../storage/test/test-db.ts';
import { createApp } from '../src/app.ts';
import { loadConfig, type ServerConfig } from '../src/config.ts';
import { SESSION_COOKIE } from '../src/auth/session-cookie.ts';

/** A clock the test moves by hand. */
export interface FakeClock {
  now: Date;
  readonly advance: (ms: number) => void;
  readonly fn: () => Date;
}

export function fakeClock(start = '2026-12-01T01:00:00.000Z'): FakeClock {
  const c: FakeClock = {
    now: new Date(start),
    advance: (ms) => {
      c.now = new Date(c.now.getTime() + ms);
    },
    fn: () => new Date(c.now.getTime()),
  };
  return c;
}

export interface TestApp {
  readonly app: FastifyInstance;
  readonly db: TestDb;
  readonly clock: FakeClock;
  readonly config: ServerConfig;
  readonly clinicId: string;
  readonly destroy: () => Promise<void>;
}

export async function createTestApp(dialect: DialectName, overrides: Partial<ServerConfig> = {}, options: { readonly freshClinic?: boolean } = {}): Promise<TestApp> {
  const db = await createTestDb(dialect);
  const clock = fakeClock();
  const config = loadConfig({}, { publicUrl: 'http://localhost:3000', ...overrides });
  const app = await createApp({ db, clock: clock.fn, config });
  await app.ready();
  const clinicId = newId();
  await insertClinic(db.db, { id: clinicId, name: 'テストクリニック', timeZone: 'Asia/Tokyo', now: clock.now.toISOString() });
  // Tests book the demo clinic's hours, services and resources (a real new clinic starts empty).
  if (!options.freshClinic) await seedSchedulingConfig(db.db, { clinicId, now: clock.now.toISOString(), clinicPhone: '03-0000-0000' });
  return {
    app, db, clock, config, clinicId,
    destroy: async () => {
      await app.close();
      await db.destroy();
    },
  };
}

export interface TestStaff {
  readonly staffId: string;
  readonly clinicId: string;
  readonly loginId: string;
  readonly role: Role;
  readonly password: string;
  readonly totpSecret: string;
}

let seq = 0;
/** A staff member with a unique login id (factories make their own data). */
export async function createStaff(t: TestApp, role: Role, o: { clinicId?: string; password?: string } = {}): Promise<TestStaff> {
  seq++;
  const loginId = `${role}.${seq}.${newId().slice(0, 6)}`;
  const clinicId = o.clinicId ?? t.clinicId;
  const c = await addStaffUser(t.db.db, { loginId, displayName: `${role} ${seq}`, role, password: o.password, now: t.clock.now, secrets: t.db.secrets });
  if (c.clinicId !== clinicId) await t.db.db.updateTable('staff').set({ clinic_id: clinicId }).where('id', '=', c.staffId).execute();
  return { staffId: c.staffId, clinicId, loginId, role, password: c.password, totpSecret: c.totpSecret };
}

export interface Session {
  readonly cookie: string;
  readonly csrf: string;
  readonly staff: TestStaff;
}

/** A signed-in session created directly (fast), for tests that are not about login itself. */
export async function sessionFor(t: TestApp, staff: TestStaff): Promise<Session> {
  const token = newToken();
  const csrf = newToken();
  const now = t.clock.now.toISOString();
  await insertSession(t.db.db, {
    id: tokenId(token), kind: 'staff', staff_id: staff.staffId, clinic_id: staff.clinicId, csrf_token: csrf, created_at: now, last_seen_at: now,
    expires_at: new Date(t.clock.now.getTime() + 12 * 3600_000).toISOString(), ended_at: null, end_reason: null, ip: '127.0.0.1', user_agent: 'test',
  });
  return { cookie: `${SESSION_COOKIE}=${token}`, csrf, staff };
}

export async function signedIn(t: TestApp, role: Role): Promise<Session> {
  return sessionFor(t, await createStaff(t, role));
}

/** A real login through the API; returns the cookie and CSRF token. */
export async function login(t: TestApp, s: TestStaff): Promise<{ res: LightMyRequestResponse; session?: Session }> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { loginId: s.loginId, password: s.password, code: currentTotp(s.totpSecret, t.clock.now) } });
  const set = res.cookies.find((c) => c.name === SESSION_COOKIE);
  if (res.statusCode !== 200 || !set) return { res };
  return { res, session: { cookie: `${SESSION_COOKIE}=${set.value}`, csrf: (res.json() as { csrfToken: string }).csrfToken, staff: s } };
}

/** inject() as a signed-in staff member (adds the cookie and, for writes, the CSRF header). */
export function as(t: TestApp, s: Session, opts: InjectOptions): Promise<LightMyRequestResponse> {
  const method = (opts.method ?? 'GET').toUpperCase();
  return t.app.inject({
    ...opts,
    headers: { ...(opts.headers ?? {}), cookie: s.cookie, ...(['GET', 'HEAD'].includes(method) ? {} : { 'x-csrf-token': s.csrf }) },
  });
}

export const adultInput = (over: Record<string, unknown> = {}) => ({
  nameKanji: '山田 太郎', nameKana: 'ヤマダ タロウ', birthDate: '1985-04-01', sex: 'male', phone: '090-1234-5678', ...over,
});
