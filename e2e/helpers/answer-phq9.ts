import assert from 'node:assert/strict';
import type { apiAs } from '../appointments-helpers.ts';

/**
 * The patient answers a PHQ-9 (total 14, item 9 zero) on the questionnaire link a doctor sends, as
 * a patient would on their phone: a program's severity criterion is decided by a score on record.
 */
export async function answerPhq9(base: string, doctor: Awaited<ReturnType<typeof apiAs>>, o: { patientId: string; today: string }): Promise<void> {
  const { link } = await doctor<{ link: { url: string } }>('POST', `/api/patients/${o.patientId}/scale-assignments`, { scaleId: 'phq9', informant: 'self', kind: 'once', startDate: o.today, windowDays: 3 });
  const token = link.url.split('/p/l/')[1]!;
  const ex = await fetch(`${base}/api/p/links/exchange`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: JSON.stringify({ token }) });
  assert.equal(ex.status, 200, await ex.clone().text());
  const cookie = /(__Host-mm_patient=[^;]+)/.exec(ex.headers.get('set-cookie') ?? '')?.[1] ?? '';
  const { csrfToken, resourceId } = (await ex.json()) as { csrfToken: string; resourceId: string };
  const answers = { q1: 2, q2: 2, q3: 2, q4: 2, q5: 2, q6: 2, q7: 1, q8: 1, q9: 0 };
  const r = await fetch(`${base}/api/p/questionnaires/${resourceId}/submit`, {
    method: 'POST', headers: { 'content-type': 'application/json', origin: base, cookie, 'x-csrf-token': csrfToken }, body: JSON.stringify({ answers }),
  });
  assert.equal(r.status, 200, await r.text());
}
