// An in-process server for the intake browser tests and the page benchmark: the real app on a
// free 127.0.0.1 port and a temporary SQLite database, with helpers to make staff sessions and
// patients directly (the sign-in flow has its own test in first-run.test.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import {
  addStaffUser,
  createDb,
  insertClinic,
  insertSession,
  newId,
  newToken,
  seedSchedulingConfig,
  tokenId,
  type DbHandle,
} from '../packages/storage/src/index.ts';
import { createApp } from '../packages/server/src/app.ts';
import { loadConfig, type ServerConfig } from '../packages/server/src/config.ts';
import { e2eClock } from './helpers/clock.ts';
import { SESSION_COOKIE } from '../packages/server/src/auth/session-cookie.ts';
import { root } from './helpers/server.ts';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export interface StaffCookie {
  readonly name: string;
  readonly value: string;
  readonly csrf: string;
}

export interface IntakeHarness {
  readonly baseUrl: string;
  readonly app: FastifyInstance;
  readonly db: DbHandle;
  readonly clinicId: string;
  readonly staff: (role: 'admin' | 'doctor' | 'nurse' | 'reception') => Promise<StaffCookie>;
  readonly call: <T>(s: StaffCookie, method: 'GET' | 'POST', url: string, payload?: unknown) => Promise<T>;
  readonly stop: () => Promise<void>;
}

export async function startIntakeHarness(options: { readonly config?: Partial<ServerConfig> } = {}): Promise<IntakeHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'mimamori-intake-'));
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const db = await createDb({ sqlitePath: join(dir, 'intake.db') });
  const config = loadConfig({}, { publicUrl: baseUrl, webDist: join(root, 'packages/web/dist'), port, host: '127.0.0.1', ...options.config });
  const app = await createApp({ db, clock: e2eClock, config });
  await app.listen({ port, host: '127.0.0.1' });
  const clinicId = newId();
  await insertClinic(db.db, { id: clinicId, name: 'みまもりクリニック', timeZone: 'Asia/Tokyo', now: e2eClock().toISOString() });
  // The tests book the demo clinic's hours, services and resources (a real new clinic starts empty).
  await seedSchedulingConfig(db.db, { clinicId, now: e2eClock().toISOString(), clinicPhone: '03-0000-0000' });
  let n = 0;
  const staff = async (role: 'admin' | 'doctor' | 'nurse' | 'reception'): Promise<StaffCookie> => {
    n++;
    const c = await addStaffUser(db.db, {
      loginId: `${role}.${n}`,
      displayName: role === 'doctor' ? '医師 見守' : `${role} ${n}`,
      role,
      now: e2eClock(),
      secrets: db.secrets,
    });
    await db.db.updateTable('staff').set({ clinic_id: clinicId, totp_enrolled: 1, status: 'active' }).where('id', '=', c.staffId).execute();
    const token = newToken();
    const csrf = newToken();
    const now = e2eClock();
    await insertSession(db.db, {
      id: tokenId(token),
      kind: 'staff',
      staff_id: c.staffId,
      clinic_id: clinicId,
      csrf_token: csrf,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + 12 * 3600_000).toISOString(),
      ended_at: null,
      end_reason: null,
      ip: '127.0.0.1',
      user_agent: 'e2e',
    });
    return { name: SESSION_COOKIE, value: token, csrf };
  };
  const call = async <T>(s: StaffCookie, method: 'GET' | 'POST', url: string, payload?: unknown): Promise<T> => {
    const r = await app.inject({
      method,
      url,
      cookies: { [s.name]: s.value },
      headers: method === 'GET' ? {} : { 'x-csrf-token': s.csrf },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
    if (r.statusCode >= 300) throw new Error(`${method} ${url} → ${r.statusCode} ${r.body}`);
    return r.json() as T;
  };
  return {
    baseUrl,
    app,
    db,
    clinicId,
    staff,
    call,
    stop: async () => {
      await app.close();
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
