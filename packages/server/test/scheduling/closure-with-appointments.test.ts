import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testDialects } from '../../../storage/test/test-db.ts';
import { as, createTestApp, signedIn, type Session, type TestApp } from '../test-app.ts';
import { newPatient } from './scheduling-fixtures.ts';

// The test clock is Tuesday 1 December 2026, 10:00 in Tokyo.
for (const dialect of testDialects()) {
  describe(`closing times that have appointments (${dialect})`, () => {
    let t: TestApp;
    let rec: Session;
    let admin: Session;
    before(async () => {
      t = await createTestApp(dialect);
      rec = await signedIn(t, 'reception');
      admin = await signedIn(t, 'admin');
    });
    after(async () => t.destroy());

    const book = async (patientId: string, serviceId: string, start: string): Promise<string> => {
      const res = await as(t, rec, { method: 'POST', url: '/api/appointments', payload: { patientId, serviceId, start, resourceIds: ['dr-mori'] } });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().appointment.id as string;
    };
    const config = async () => (await as(t, admin, { url: '/api/scheduling/config' })).json();
    const putCalendar = async (change: (c: { overrides: unknown[]; closures: unknown[] }) => Record<string, unknown>, extra: Record<string, unknown> = {}) => {
      const cfg = await config();
      const { zone: _zone, ...calendar } = cfg.calendar;
      return as(t, admin, { method: 'PUT', url: '/api/scheduling/calendar', payload: { ...calendar, ...change(calendar), version: cfg.version, ...extra } });
    };
    const status = async (id: string) => (await as(t, rec, { url: `/api/appointments/${id}` })).json().appointment;

    test('a 臨時休診 over booked times is refused with the list until the admin chooses; cancelling notifies each patient in the same save', async () => {
      const a = await newPatient(t, rec, { nameKanji: '休診 一郎', nameKana: 'キュウシン イチロウ' });
      const b = await newPatient(t, rec);
      const c = await newPatient(t, rec);
      const first = await book(a.id, 'shoshin', '2026-12-09T10:00:00+09:00');
      const second = await book(b.id, 'saishin', '2026-12-09T15:00:00+09:00');
      const otherDay = await book(c.id, 'saishin', '2026-12-10T09:00:00+09:00');
      const closeDay = (cal: { overrides: unknown[] }) => ({ overrides: [...cal.overrides, { kind: 'close', date: '2026-12-09', reason: '院内研修' }] });

      const refused = await putCalendar(closeDay);
      assert.equal(refused.statusCode, 412, refused.body);
      const body = refused.json().error;
      assert.match(body.message, /予約が2件あります/);
      const listed = body.closedAppointments as Array<{ id: string; date: string; startTime: string; serviceName: string; reason: string; patient: { nameKanji: string } }>;
      assert.deepEqual(listed.map((x) => [x.date, x.startTime, x.serviceName, x.reason]), [['2026-12-09', '10:00', '初診', '院内研修'], ['2026-12-09', '15:00', '再診', '院内研修']]);
      assert.equal(listed[0]!.patient.nameKanji, '休診 一郎');
      assert.ok(!(await config()).calendar.overrides.some((o: { date: string }) => o.date === '2026-12-09'), 'nothing saved');
      const reads = await t.db.db.selectFrom('audit_log').select(['patient_id']).where('action', '=', 'appointment.list').where('detail', '=', 'closed_by_calendar_change').execute();
      assert.deepEqual(reads.map((r) => r.patient_id).sort(), [a.id, b.id].sort(), 'showing the list is audited per patient');

      // A choice made on another list (one appointment missing) is refused, with the current list.
      const partial = await putCalendar(closeDay, { closedAppointments: { action: 'cancel', ids: [first] } });
      assert.equal(partial.statusCode, 412);
      assert.match(partial.json().error.message, /一覧を確認し直して/);
      assert.equal((await status(first)).status, 'confirmed');

      const saved = await putCalendar(closeDay, { closedAppointments: { action: 'cancel', ids: [second, first] } });
      assert.equal(saved.statusCode, 200, saved.body);
      assert.ok(saved.json().calendar.overrides.some((o: { date: string }) => o.date === '2026-12-09'));
      assert.equal((await status(first)).status, 'cancelled');
      assert.equal((await status(second)).status, 'cancelled');
      assert.equal((await status(otherDay)).status, 'confirmed');
      const mails = await t.db.db.selectFrom('outbox').select(['patient_id', 'body_text']).where('kind', '=', 'appointment_cancellation').where('patient_id', 'in', [a.id, b.id, c.id]).execute();
      assert.deepEqual(mails.map((m) => m.patient_id).sort(), [a.id, b.id].sort());
      for (const m of mails) assert.match(m.body_text, /臨時休診（院内研修）のため、以下のご予約をキャンセルさせていただきました/);
      const cancelled = await t.db.db.selectFrom('audit_log').select(['resource_id', 'detail']).where('action', '=', 'appointment.cancelled').where('resource_id', 'in', [first, second]).execute();
      assert.equal(cancelled.length, 2);
      assert.ok(cancelled.every((r) => r.detail === 'by=calendar_closure'));
      // The freed time is not offered (closed), and a later save that closes nothing booked needs no choice.
      const again = await putCalendar((cal) => ({ overrides: [...cal.overrides, { kind: 'close', date: '2026-12-11', reason: '研修' }] }));
      assert.equal(again.statusCode, 200, again.body);
    });

    test('keeping them leaves them booked, marked for reception to move, without a notice; moving clears the mark', async () => {
      const p = await newPatient(t, rec);
      const id = await book(p.id, 'saishin', '2026-12-16T09:00:00+09:00');
      const closure = (cal: { closures: unknown[] }) => ({ closures: [...cal.closures, { kind: 'dates', from: '2026-12-16', to: '2026-12-16', reason: '設備点検' }] });
      assert.equal((await putCalendar(closure)).statusCode, 412);
      const saved = await putCalendar(closure, { closedAppointments: { action: 'keep', ids: [id] } });
      assert.equal(saved.statusCode, 200, saved.body);
      const kept = await status(id);
      assert.equal(kept.status, 'confirmed');
      assert.equal(kept.moveReason, '臨時休診（設備点検）');
      const day = (await as(t, rec, { url: '/api/appointments?from=2026-12-16&to=2026-12-16' })).json();
      assert.equal(day.appointments.find((x: { id: string }) => x.id === id).moveReason, '臨時休診（設備点検）', 'the day list shows the mark');
      const mails = await t.db.db.selectFrom('outbox').select('id').where('patient_id', '=', p.id).where('kind', '=', 'appointment_cancellation').execute();
      assert.equal(mails.length, 0);
      const moved = await as(t, rec, { method: 'PATCH', url: `/api/appointments/${id}`, payload: { start: '2026-12-17T09:00:00+09:00', resourceIds: ['dr-mori'], version: kept.version } });
      assert.equal(moved.statusCode, 200, moved.body);
      assert.equal(moved.json().appointment.moveReason, null);
    });
  });
}
