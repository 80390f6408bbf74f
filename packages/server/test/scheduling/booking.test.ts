import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { expandAvailability } from '@mimamori/core/scheduling/compact-availability';
import { testDialects } from '../../../storage/test/test-db.ts';
import { as, createStaff, createTestApp, sessionFor, signedIn, type Session, type TestApp } from '../test-app.ts';
import { asPatient, countAppointments, newPatient, patientSession } from './scheduling-fixtures.ts';

// The fake clock starts at 2026-12-01T01:00Z = Tuesday 1 December 2026, 10:00 in Tokyo (a closed day).
const WED = '2026-12-02';
const at = (date: string, time: string) => `${date}T${time}:00+09:00`;

for (const dialect of testDialects()) {
  describe(`reservations: staff booking (${dialect})`, () => {
    let t: TestApp;
    let rec: Session;
    let admin: Session;
    let doctorId: string;
    before(async () => {
      t = await createTestApp(dialect);
      rec = await signedIn(t, 'reception');
      admin = await signedIn(t, 'admin');
      doctorId = (await createStaff(t, 'doctor')).staffId;
    });
    after(async () => t.destroy());

    const book = (s: Session, payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
      as(t, s, { method: 'POST', url: '/api/appointments', payload, headers });

    test('books 初診 for a patient; the slot of that doctor is no longer offered; the booking shows on the day list', async () => {
      const p = await newPatient(t, rec);
      const res = await book(rec, { patientId: p.id, serviceId: 'shoshin', start: at(WED, '09:00'), resourceIds: ['dr-mori'] });
      assert.equal(res.statusCode, 201, res.body);
      const a = res.json().appointment;
      assert.equal(a.start, '2026-12-02T09:00:00+09:00');
      assert.equal(a.end, '2026-12-02T10:00:00+09:00');
      assert.equal(a.status, 'confirmed');
      assert.deepEqual(a.resources.map((r: { id: string }) => r.id), ['dr-mori']);
      assert.equal(a.patient.patientNumber, p.patientNumber);
      const avail = await as(t, rec, { url: `/api/scheduling/availability?serviceId=saishin&from=${WED}&to=${WED}&resourceId=dr-mori` });
      assert.equal(avail.statusCode, 200, avail.body);
      const starts = expandAvailability(avail.json()).map((s) => s.startTime);
      assert.ok(!starts.includes('09:00') && !starts.includes('09:45'));
      assert.ok(starts.includes('10:00'));
      const list = await as(t, rec, { url: `/api/appointments?from=${WED}&to=${WED}&resourceId=dr-mori` });
      assert.deepEqual(list.json().appointments.map((x: { id: string }) => x.id), [a.id]);
    });

    test('bad input is refused with the reason, and nothing is stored', async () => {
      const p = await newPatient(t, rec);
      const before = await countAppointments(t);
      const cases: Array<[string, Record<string, unknown>, number, RegExp]> = [
        ['past', { serviceId: 'saishin', start: at('2026-11-30', '09:00') }, 409, /過去/],
        ['closed Tuesday', { serviceId: 'saishin', start: at('2026-12-08', '09:00') }, 409, /^12月8日（火）は休診日です/],
        ['national holiday', { serviceId: 'saishin', start: at('2027-01-11', '09:00') }, 409, /^1月11日（月）は祝日（成人の日）/],
        ['year-end closure', { serviceId: 'saishin', start: at('2026-12-30', '09:00') }, 409, /年末年始/],
        ['outside hours', { serviceId: 'saishin', start: at(WED, '13:30') }, 409, /診療時間外/],
        ['does not fit in the session', { serviceId: 'shoshin', start: at(WED, '12:30') }, 409, /13:00/],
        ['no offset', { serviceId: 'saishin', start: '2026-12-02T09:00:00' }, 400, /ISO 8601|タイムゾーン/],
        ['bad offset', { serviceId: 'saishin', start: '2026-12-02T09:00:00+25:00' }, 400, /.+/],
        ['not a date', { serviceId: 'saishin', start: '2026-02-30T09:00:00+09:00' }, 400, /.+/],
        ['unknown service', { serviceId: 'nope', start: at(WED, '09:00') }, 404, /予約種別/],
      ];
      for (const [name, body, status, message] of cases) {
        const res = await book(rec, { patientId: p.id, ...body });
        assert.equal(res.statusCode, status, `${name}: ${res.body}`);
        assert.match(res.json().error.message, message, name);
        assert.doesNotMatch(res.json().error.message, /\d{4}-\d{2}-\d{2}は/, `${name}: no ISO date`);
        // Only a time someone else took is a race; a holiday or closed day is not.
        assert.equal(res.json().error.taken, undefined, name);
      }
      const en = await as(t, rec, { method: 'POST', url: '/api/appointments', payload: { patientId: p.id, serviceId: 'saishin', start: at('2027-01-11', '09:00') }, headers: { 'accept-language': 'en' } });
      assert.match(en.json().error.message, /^Mon 11 Jan is a national holiday \(Coming of Age Day\)/);
      assert.equal(await countAppointments(t), before);
    });

    test('over capacity is refused; a doctor-approved double booking is allowed and marked', async () => {
      const p = await newPatient(t, rec);
      const time = at(WED, '15:00');
      assert.equal((await book(rec, { patientId: p.id, serviceId: 'saishin', start: time, resourceIds: ['dr-mori'] })).statusCode, 201);
      const full = await book(rec, { patientId: p.id, serviceId: 'saishin', start: time, resourceIds: ['dr-mori'] });
      assert.equal(full.statusCode, 409);
      assert.equal(full.json().error.message, 'この時間は医師の空きがありません。別の時刻を選んでください。', 'the resource kind in words, never a raw role');
      assert.equal(full.json().error.taken, true, 'a full time is the one refusal the client shows as just taken');
      const fullEn = await book(rec, { patientId: p.id, serviceId: 'saishin', start: time, resourceIds: ['dr-mori'] }, { 'accept-language': 'en' });
      assert.equal(fullEn.json().error.message, 'No doctor is free at this time. Choose another time.');
      const nurse = await createStaff(t, 'nurse');
      const wrong = await book(rec, { patientId: p.id, serviceId: 'saishin', start: time, resourceIds: ['dr-mori'], doubleBook: { reason: '急患', approvedBy: nurse.staffId } });
      assert.equal(wrong.statusCode, 400);
      const ok = await book(rec, { patientId: p.id, serviceId: 'saishin', start: time, resourceIds: ['dr-mori'], doubleBook: { reason: '急患', approvedBy: doctorId } });
      assert.equal(ok.statusCode, 201, ok.body);
      assert.equal(ok.json().appointment.doubleBooked, true);
      assert.equal(ok.json().appointment.override.reason, '急患');
      const audit = await t.db.db.selectFrom('audit_log').select('detail').where('resource_id', '=', ok.json().appointment.id).executeTakeFirst();
      assert.match(audit?.detail ?? '', /double_booked=1/);
      // Still never outside hours.
      const closed = await book(rec, { patientId: p.id, serviceId: 'saishin', start: at(WED, '13:30'), doubleBook: { reason: '急患', approvedBy: doctorId } });
      assert.equal(closed.statusCode, 409);
    });

    test('Idempotency-Key: same key and body give the same booking; another body is a 409', async () => {
      const p = await newPatient(t, rec);
      const body = { patientId: p.id, serviceId: 'saishin', start: at(WED, '16:00'), resourceIds: ['dr-mori'] };
      const h = { 'idempotency-key': 'key-0123456789' };
      const a = await book(rec, body, h);
      const b = await book(rec, body, h);
      assert.equal(a.statusCode, 201);
      assert.equal(b.statusCode, 201);
      assert.equal(b.json().appointment.id, a.json().appointment.id);
      const c = await book(rec, { ...body, start: at(WED, '16:15') }, h);
      assert.equal(c.statusCode, 409);
      assert.equal(c.json().error.code, 'conflict');
      const rows = await t.db.db.selectFrom('appointments').select('id').where('patient_id', '=', p.id).execute();
      assert.equal(rows.length, 1);
    });

    test('a hold blocks the slot until it expires; confirming is a compare-and-swap; a lapsed hold cannot be confirmed', async () => {
      const p = await newPatient(t, rec);
      const time = at(WED, '17:00');
      const held = await book(rec, { patientId: p.id, serviceId: 'saishin', start: time, resourceIds: ['dr-mori'], hold: true });
      assert.equal(held.statusCode, 201);
      const h = held.json().appointment;
      assert.equal(h.status, 'held');
      assert.equal((await book(rec, { patientId: p.id, serviceId: 'saishin', start: time, resourceIds: ['dr-mori'] })).statusCode, 409);
      const ok = await as(t, rec, { method: 'POST', url: `/api/appointments/${h.id}/confirm`, payload: { version: h.version } });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().appointment.status, 'confirmed');
      const again = await as(t, rec, { method: 'POST', url: `/api/appointments/${h.id}/confirm`, payload: { version: h.version } });
      assert.equal(again.statusCode, 409);

      const time2 = at(WED, '17:30');
      const h2 = (await book(rec, { patientId: p.id, serviceId: 'saishin', start: time2, resourceIds: ['dr-mori'], hold: true })).json().appointment;
      t.clock.advance(11 * 60_000);
      try {
        const other = await book(rec, { patientId: p.id, serviceId: 'saishin', start: time2, resourceIds: ['dr-mori'] });
        assert.equal(other.statusCode, 201, 'the lapsed hold no longer blocks');
        const late = await as(t, rec, { method: 'POST', url: `/api/appointments/${h2.id}/confirm`, payload: { version: h2.version } });
        assert.equal(late.statusCode, 409);
        assert.match(late.json().error.message, /仮押さえ/);
      } finally {
        t.clock.advance(-11 * 60_000);
      }
    });

    test('change moves the booking and frees the old time; cancel frees the slot; stale versions are refused', async () => {
      const p = await newPatient(t, rec);
      const a = (await book(rec, { patientId: p.id, serviceId: 'saishin', start: at('2026-12-03', '09:00'), resourceIds: ['dr-mori'] })).json().appointment;
      const moved = await as(t, rec, { method: 'PATCH', url: `/api/appointments/${a.id}`, payload: { start: at('2026-12-03', '09:30'), version: a.version } });
      assert.equal(moved.statusCode, 200, moved.body);
      assert.equal(moved.json().appointment.startTime, '09:30');
      assert.equal(moved.json().appointment.id, a.id);
      const stale = await as(t, rec, { method: 'PATCH', url: `/api/appointments/${a.id}`, payload: { start: at('2026-12-03', '10:00'), version: a.version } });
      assert.equal(stale.statusCode, 409);
      assert.equal((await book(rec, { patientId: p.id, serviceId: 'saishin', start: at('2026-12-03', '09:00'), resourceIds: ['dr-mori'] })).statusCode, 201);
      const cancel = await as(t, rec, { method: 'POST', url: `/api/appointments/${a.id}/cancel`, payload: { version: a.version + 1 } });
      assert.equal(cancel.statusCode, 200, cancel.body);
      assert.equal(cancel.json().appointment.status, 'cancelled');
      assert.equal((await book(rec, { patientId: p.id, serviceId: 'saishin', start: at('2026-12-03', '09:30'), resourceIds: ['dr-mori'] })).statusCode, 201);
    });

    test('check-in on the day, no-show only after the start', async () => {
      const p = await newPatient(t, rec);
      // Today (Tuesday) is closed; open it with an override first.
      const cfg = (await as(t, admin, { url: '/api/scheduling/config' })).json();
      const put = await as(t, admin, {
        method: 'PUT', url: '/api/scheduling/calendar',
        payload: { weeklyHours: cfg.calendar.weeklyHours, closedOnNationalHolidays: true, closures: cfg.calendar.closures, overrides: [{ kind: 'open', date: '2026-12-01', sessions: [{ start: '09:00', end: '18:00' }], reason: '臨時診療' }], version: cfg.version },
      });
      assert.equal(put.statusCode, 200, put.body);
      const a = (await book(rec, { patientId: p.id, serviceId: 'saishin', start: at('2026-12-01', '11:00'), resourceIds: ['dr-mori'] })).json().appointment;
      assert.ok(a, 'booked on the opened Tuesday');
      const early = await as(t, rec, { method: 'POST', url: `/api/appointments/${a.id}/mark`, payload: { status: 'no_show', version: a.version } });
      assert.equal(early.statusCode, 409);
      const ci = await as(t, rec, { method: 'POST', url: `/api/appointments/${a.id}/check-in`, payload: { version: a.version } });
      assert.equal(ci.statusCode, 200, ci.body);
      assert.ok(ci.json().appointment.checkedInAt);
      const today = await as(t, rec, { url: '/api/appointments/today' });
      assert.equal(today.json().date, '2026-12-01');
      assert.ok(today.json().appointments.some((x: { id: string }) => x.id === a.id));
      t.clock.advance(2 * 3_600_000);
      try {
        // A session of its own: two hours without activity end the desk's session.
        const later = await signedIn(t, 'reception');
        const ns = await as(t, later, { method: 'POST', url: `/api/appointments/${a.id}/mark`, payload: { status: 'no_show', version: a.version + 1 } });
        assert.equal(ns.statusCode, 200, ns.body);
        assert.equal(ns.json().appointment.status, 'no_show');
      } finally {
        t.clock.advance(-2 * 3_600_000);
      }
    });

    test('calendar admin: a closing override removes the day from availability; invalid hours are refused with details; reception may not edit', async () => {
      const cfg = (await as(t, admin, { url: '/api/scheduling/config' })).json();
      const denied = await as(t, rec, { method: 'PUT', url: '/api/scheduling/calendar', payload: { weeklyHours: cfg.calendar.weeklyHours, closedOnNationalHolidays: true, closures: [], overrides: [], version: cfg.version } });
      assert.equal(denied.statusCode, 403);
      const bad = await as(t, admin, {
        method: 'PUT', url: '/api/scheduling/calendar',
        payload: { weeklyHours: { mon: [{ start: '13:00', end: '09:00' }] }, closedOnNationalHolidays: true, closures: [], overrides: [], version: cfg.version },
      });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.details[0].path, 'weeklyHours.mon[0].end');
      const ok = await as(t, admin, {
        method: 'PUT', url: '/api/scheduling/calendar',
        payload: { ...cfg.calendar, zone: undefined, overrides: [...cfg.calendar.overrides, { kind: 'close', date: '2026-12-10', reason: '研修' }], version: cfg.version },
      });
      assert.equal(ok.statusCode, 200, ok.body);
      const avail = await as(t, rec, { url: '/api/scheduling/availability?serviceId=saishin&from=2026-12-10&to=2026-12-10' });
      assert.deepEqual(avail.json().days, []);
      assert.equal(avail.json().closedDates[0].reason, 'override');
      const stale = await as(t, admin, { method: 'PUT', url: '/api/scheduling/calendar', payload: { ...cfg.calendar, zone: undefined, version: cfg.version } });
      assert.equal(stale.statusCode, 409);
    });

    test('series: propose a TMS course with the closures, book it as one series, change one occurrence', async () => {
      const p = await newPatient(t, rec);
      const prop = await as(t, rec, {
        method: 'POST', url: '/api/appointments/series/propose',
        payload: { patientId: p.id, serviceId: 'tms', startDate: '2026-12-21', pattern: { kind: 'weekly', perWeek: 3, weeks: 2 }, preferredTime: '10:00' },
      });
      assert.equal(prop.statusCode, 200, prop.body);
      const occ = prop.json().occurrences as Array<{ date: string | null; slot?: { start: string } }>;
      assert.equal(occ.length, 6);
      assert.ok(occ.every((o) => o.date === null || !(o.date >= '2026-12-29' && o.date <= '2027-01-03')), 'no date in 年末年始');
      assert.ok(prop.json().passedOver.some((d: { reason: string }) => d.reason === 'closure'));
      const starts = occ.filter((o) => o.slot).map((o) => ({ start: o.slot!.start }));
      const booked = await as(t, rec, { method: 'POST', url: '/api/appointments/series', payload: { patientId: p.id, serviceId: 'tms', pattern: { kind: 'weekly', perWeek: 3, weeks: 2 }, occurrences: starts } });
      assert.equal(booked.statusCode, 201, booked.body);
      const appts = booked.json().appointments as Array<{ id: string; version: number; seriesId: string }>;
      assert.equal(appts.length, starts.length);
      assert.ok(appts.every((a) => a.seriesId === booked.json().series.id));
      // All or nothing: a series that collides with itself books nothing.
      const before = await countAppointments(t);
      const clash = await as(t, rec, { method: 'POST', url: '/api/appointments/series', payload: { patientId: p.id, serviceId: 'tms', pattern: { kind: 'weekly', perWeek: 3, weeks: 2 }, occurrences: [{ start: at('2027-01-13', '10:00') }, { start: at('2027-01-13', '10:00') }] } });
      assert.equal(clash.statusCode, 409);
      assert.equal(clash.json().error.occurrence, 2);
      assert.equal(await countAppointments(t), before);
      const first = appts[0]!;
      const moved = await as(t, rec, { method: 'PATCH', url: `/api/appointments/${first.id}`, payload: { start: at('2027-01-20', '11:00'), version: first.version } });
      assert.equal(moved.statusCode, 200, moved.body);
      const series = await as(t, rec, { url: `/api/appointments/series/${booked.json().series.id}` });
      assert.equal(series.json().appointments.length, starts.length);
    });
  });

  describe(`reservations: patient access (${dialect})`, () => {
    let t: TestApp;
    let rec: Session;
    before(async () => {
      t = await createTestApp(dialect);
      rec = await sessionFor(t, await createStaff(t, 'reception'));
    });
    after(async () => t.destroy());

    test('a patient books 再診, may not book 初診, sees only their own, and after the cutoff is told to phone', async () => {
      const p = await newPatient(t, rec);
      const other = await newPatient(t, rec);
      const ps = await patientSession(t, rec, p.id);
      const services = await asPatient(t, ps, { url: '/api/p/appointments/services' });
      assert.deepEqual(services.json().services.map((s: { id: string }) => s.id), ['saishin', 'counseling']);
      const slots = await asPatient(t, ps, { url: `/api/p/appointments/availability?serviceId=saishin&from=${WED}&to=${WED}` });
      assert.equal(slots.statusCode, 200);
      assert.deepEqual(expandAvailability(slots.json())[0]?.resourceIds, []);
      assert.deepEqual(slots.json().resourceSets, []);
      const staffOnly = await asPatient(t, ps, { method: 'POST', url: '/api/p/appointments', payload: { serviceId: 'shoshin', start: at(WED, '09:00') } });
      assert.equal(staffOnly.statusCode, 403);
      assert.match(staffOnly.json().error.message, /お電話/);
      const soon = await asPatient(t, ps, { method: 'POST', url: '/api/p/appointments', payload: { serviceId: 'saishin', start: at('2026-12-01', '11:00') } });
      assert.equal(soon.statusCode, 409);
      // Online booking follows a first visit (booked by staff): without one it is refused.
      const noVisit = await asPatient(t, ps, { method: 'POST', url: '/api/p/appointments', payload: { serviceId: 'saishin', start: at(WED, '10:00') } });
      assert.equal(noVisit.statusCode, 403);
      const first = await as(t, rec, { method: 'POST', url: '/api/appointments', payload: { patientId: p.id, serviceId: 'shoshin', start: at(WED, '09:00') } });
      assert.equal(first.statusCode, 201);
      const mine = await asPatient(t, ps, { method: 'POST', url: '/api/p/appointments', payload: { serviceId: 'saishin', start: at(WED, '11:00') } });
      assert.equal(mine.statusCode, 201, mine.body);
      const a = mine.json().appointment;
      assert.equal(a.canChangeOnline, true);
      assert.equal(a.changeDeadline, '2026-12-01T18:00:00+09:00');
      assert.equal(a.patient, undefined);
      const theirs = (await as(t, rec, { method: 'POST', url: '/api/appointments', payload: { patientId: other.id, serviceId: 'saishin', start: at(WED, '11:00') } })).json().appointment;
      const peek = await asPatient(t, ps, { method: 'POST', url: `/api/p/appointments/${theirs.id}/cancel`, payload: { version: 1 } });
      assert.equal(peek.statusCode, 404);
      const list = await asPatient(t, ps, { url: '/api/p/appointments' });
      assert.deepEqual(list.json().appointments.map((x: { id: string }) => x.id), [first.json().appointment.id, a.id]);
      const moved = await asPatient(t, ps, { method: 'PATCH', url: `/api/p/appointments/${a.id}`, payload: { start: at(WED, '10:30'), version: a.version } });
      assert.equal(moved.statusCode, 200, moved.body);
      // 18:00 the day before: too late online; the message gives the phone number.
      t.clock.now = new Date('2026-12-01T09:00:00.000Z');
      const ps2 = await patientSession(t, await signedIn(t, 'reception'), p.id);
      const late = await asPatient(t, ps2, { method: 'POST', url: `/api/p/appointments/${a.id}/cancel`, payload: { version: a.version + 1 } });
      assert.equal(late.statusCode, 422, late.body);
      assert.match(late.json().error.message, /03-0000-0000/);
      assert.match(late.json().error.message, /（12月1日（火）18:00）/);
      assert.equal(late.json().error.phone, '03-0000-0000');
    });
  });
}
