import type { LightMyRequestResponse } from 'fastify';
import { createApp } from '../../src/app.ts';
import { PATIENT_COOKIE } from '../../src/auth/patient-auth.ts';
import { adultInput, as, type Session, type TestApp } from '../test-app.ts';

let n = 0;
/** A patient registered through the API (unique names and email). */
export async function newPatient(t: TestApp, s: Session, over: Record<string, unknown> = {}): Promise<{ id: string; patientNumber: string; email: string }> {
  n++;
  const email = `p${n}.${Date.now()}@example.test`;
  const res = await as(t, s, { method: 'POST', url: '/api/patients', payload: { ...adultInput({ email, birthDate: '1985-04-01', ...over }), acknowledgeDuplicates: true } });
  if (res.statusCode !== 201) throw new Error(`patient: ${res.statusCode} ${res.body}`);
  const p = res.json().patient as { id: string; patientNumber: string };
  return { id: p.id, patientNumber: p.patientNumber, email };
}

export interface PatientSession {
  readonly cookie: string;
  readonly csrf: string;
}

/** A patient session opened the way a patient does: staff link → exchange. */
export async function patientSession(t: TestApp, staff: Session, patientId: string): Promise<PatientSession> {
  const link = await as(t, staff, { method: 'POST', url: '/api/appointments/patient-link', payload: { patientId, sendEmail: false } });
  if (link.statusCode !== 201) throw new Error(`link: ${link.statusCode} ${link.body}`);
  const token = (link.json().url as string).split('/p/l/')[1]!;
  const ex = await t.app.inject({ method: 'POST', url: '/api/p/links/exchange', payload: { token } });
  if (ex.statusCode !== 200) throw new Error(`exchange: ${ex.statusCode} ${ex.body}`);
  const cookie = ex.cookies.find((c) => c.name === PATIENT_COOKIE)!;
  return { cookie: `${PATIENT_COOKIE}=${cookie.value}`, csrf: ex.json().csrfToken as string };
}

/** inject() as the patient (cookie, and the CSRF header on writes). */
export function asPatient(t: TestApp, p: PatientSession, opts: { method?: string; url: string; payload?: unknown; headers?: Record<string, string> }): Promise<LightMyRequestResponse> {
  const method = (opts.method ?? 'GET').toUpperCase();
  return t.app.inject({
    method: method as 'GET',
    url: opts.url,
    ...(opts.payload !== undefined ? { payload: opts.payload as object } : {}),
    headers: { ...(opts.headers ?? {}), cookie: p.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': p.csrf }) },
  });
}

/** Rows in the appointments table (to prove "nothing stored"). */
export async function countAppointments(t: TestApp): Promise<number> {
  const r = await t.db.db.selectFrom('appointments').select((eb) => eb.fn.countAll().as('n')).where('clinic_id', '=', t.clinicId).executeTakeFirst();
  return Number(r?.n ?? 0);
}

/**
 * Real concurrency: a server on 127.0.0.1 and one fetch per body, all sent at once. Each call gets a
 * fresh app on the same database (the per-address rate limit would otherwise refuse later rounds),
 * sharing the test app's state (its writes empty the test app's availability caches, as one
 * server's would); on PostgreSQL the pool runs the transactions truly in parallel.
 */
export async function racePosts(
  t: TestApp, s: Session, url: string, bodies: ReadonlyArray<Record<string, unknown>>, headers: Record<string, string> = {},
): Promise<Array<{ status: number; body: string }>> {
  const app = await createApp({ db: t.db, clock: t.clock.fn, config: t.config, state: t.app.appState });
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const { port } = app.server.address() as { port: number };
    const origin = `http://127.0.0.1:${port}`;
    return await Promise.all(
      bodies.map((body) =>
        fetch(`${origin}${url}`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf, origin },
          body: JSON.stringify(body),
        }).then(async (r) => ({ status: r.status, body: await r.text() })),
      ),
    );
  } finally {
    await app.close();
  }
}
