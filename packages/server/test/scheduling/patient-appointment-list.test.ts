import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testDialects } from '../../../storage/test/test-db.ts';
import { SESSION_COOKIE } from '../../src/auth/session-cookie.ts';
import { as, createTestApp, signedIn, type Session, type TestApp } from '../test-app.ts';
import { newPatient } from './scheduling-fixtures.ts';

// The test clock is Tuesday 1 December 2026, 10:00 in Tokyo (the clinic is closed on Tuesdays).
for (const dialect of testDialects()) {
  describe(`the patient page's appointments, the sign-in status, English holidays (${dialect})`, () => {
    let t: TestApp;
    let rec: Session;
    before(async () => {
      t = await createTestApp(dialect);
      rec = await signedIn(t, 'reception');
    });
    after(async () => t.destroy());

    const book = async (patientId: string, start: string): Promise<{ id: string; version: number }> => {
      const res = await as(t, rec, { method: 'POST', url: '/api/appointments', payload: { patientId, serviceId: 'saishin', start, resourceIds: ['dr-mori'] } });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().appointment;
    };

    test('one patient: upcoming soonest first, past newest first, cancelled ones with their status; others not listed; the read is audited', async () => {
      const p = await newPatient(t, rec, { nameKanji: '予約 一覧', nameKana: 'ヨヤク イチラン' });
      const other = await newPatient(t, rec);
      const wed = await book(p.id, '2026-12-02T09:00:00+09:00');
      const thu = await book(p.id, '2026-12-03T09:00:00+09:00');
      const fri = await book(p.id, '2026-12-04T09:00:00+09:00');
      await book(other.id, '2026-12-02T09:15:00+09:00');
      const cancelled = await as(t, rec, { method: 'POST', url: `/api/appointments/${fri.id}/cancel`, payload: { version: fri.version } });
      assert.equal(cancelled.statusCode, 200, cancelled.body);

      const now = await as(t, rec, { url: `/api/patients/${p.id}/appointments` });
      assert.equal(now.statusCode, 200, now.body);
      const rows = (xs: Array<{ date: string; startTime: string; status: string; patientId: string }>) => xs.map((a) => [a.date, a.startTime, a.status]);
      assert.deepEqual(rows(now.json().upcoming), [['2026-12-02', '09:00', 'confirmed'], ['2026-12-03', '09:00', 'confirmed'], ['2026-12-04', '09:00', 'cancelled']]);
      assert.deepEqual(now.json().past, []);
      assert.ok(now.json().upcoming.every((a: { patientId: string }) => a.patientId === p.id));

      // Two days on: Wednesday's and Thursday's are past (newest first), Friday's still ahead.
      t.clock.now = new Date('2026-12-03T12:00:00+09:00');
      try {
        // (Two days idle end a session: sign in again on the later day.)
        const later = (await as(t, await signedIn(t, 'reception'), { url: `/api/patients/${p.id}/appointments` })).json();
        assert.deepEqual(rows(later.upcoming), [['2026-12-04', '09:00', 'cancelled']]);
        assert.deepEqual(later.past.map((a: { id: string }) => a.id), [thu.id, wed.id]);
        assert.equal(later.morePast, false);
      } finally {
        t.clock.now = new Date('2026-12-01T10:00:00+09:00');
      }
      rec = await signedIn(t, 'reception');
      const audited = await t.db.db.selectFrom('audit_log').select(['patient_id', 'detail']).where('action', '=', 'appointment.list').where('patient_id', '=', p.id).execute();
      assert.ok(audited.some((r) => r.detail?.startsWith('patient_page;')), 'the list is an audited read of this patient');

      const unknownId = `${p.id.slice(0, -1)}${p.id.endsWith('0') ? '1' : '0'}`;
      const missing = await as(t, rec, { url: `/api/patients/${unknownId}/appointments` });
      assert.equal(missing.statusCode, 404, missing.body);
    });

    test('the staff app asks whether it is signed in without a failed request: 200 with null, or the session', async () => {
      const out = await t.app.inject({ url: '/api/auth/status' });
      assert.equal(out.statusCode, 200, out.body);
      assert.deepEqual(out.json(), { session: null });
      const stale = await t.app.inject({ url: '/api/auth/status', cookies: { [SESSION_COOKIE]: 'not-a-session' } });
      assert.deepEqual([stale.statusCode, stale.json()], [200, { session: null }]);
      const inside = await as(t, rec, { url: '/api/auth/status' });
      assert.equal(inside.statusCode, 200);
      assert.equal(inside.json().session.user.role, 'reception');
      assert.ok(inside.json().session.permissions.includes('appointments:write'));
    });

    test('English pages name holidays in English: refusals, closed days and the calendar', async () => {
      const p = await newPatient(t, rec);
      const refused = await as(t, rec, { method: 'POST', url: '/api/appointments', headers: { 'accept-language': 'en' }, payload: { patientId: p.id, serviceId: 'saishin', start: '2027-01-11T09:00:00+09:00' } });
      assert.equal(refused.statusCode, 409, refused.body);
      assert.match(refused.json().error.message, /national holiday \(Coming of Age Day\)/);
      assert.doesNotMatch(refused.json().error.message, /成人の日/);
      const ja = await as(t, rec, { method: 'POST', url: '/api/appointments', payload: { patientId: p.id, serviceId: 'saishin', start: '2027-01-11T09:00:00+09:00' } });
      assert.match(ja.json().error.message, /祝日（成人の日）/);

      const avail = (await as(t, rec, { url: '/api/scheduling/availability?serviceId=saishin&from=2027-01-11&to=2027-01-11' })).json();
      assert.deepEqual(avail.closedDates, [{ date: '2027-01-11', reason: 'national_holiday', holidayName: '成人の日', holidayNameEn: 'Coming of Age Day' }]);
      const days = (await as(t, rec, { url: '/api/scheduling/days?from=2027-03-22&to=2027-03-22' })).json().days;
      assert.deepEqual([days[0].holidayName, days[0].holidayNameEn], ['春分の日 振替休日', 'Vernal Equinox Day (holiday in lieu)']);
    });
  });
}
