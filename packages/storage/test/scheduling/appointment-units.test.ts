import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seedClinicServices } from '@mimamori/core/scheduling/index';
import {
  getSchedulingConfig, insertAppointment, insertClinic, insertPatient, insertUnits, listBlockingAppointments, MAX_APPOINTMENT_MS, newId, putService, seedSchedulingConfig,
  type AppointmentRow, type AppointmentUnitRow,
} from '../../src/index.ts';
import { createTestDb, testDialects, type TestDb } from '../test-db.ts';

const NOW = '2026-12-01T00:00:00.000Z';
const T0 = Date.parse('2026-12-02T00:00:00.000Z');
const MIN = 60_000;

for (const dialect of testDialects()) {
  describe(`appointment units and scheduling config (${dialect})`, () => {
    let db: TestDb;
    let clinicId: string;
    let patientId: string;
    before(async () => {
      db = await createTestDb(dialect);
      clinicId = newId();
      patientId = newId();
      await insertClinic(db.db, { id: clinicId, name: 'c', timeZone: 'Asia/Tokyo', now: NOW });
      await insertPatient(db.db, {
        id: patientId, clinic_id: clinicId, patient_number: '000001', name_kanji: '山田 太郎', name_kana: 'ヤマダ タロウ', name_kana_norm: 'ヤマダタロウ', birth_date: '1985-04-01',
        sex: 'male', phone: null, phone_norm: null, email: null, postal_code: null, address: null, notes: null, guardians_json: '[]', is_demo: 0, version: 1,
        created_at: NOW, created_by: null, updated_at: NOW, updated_by: null,
      });
    });
    after(async () => db.destroy());

    async function appointment(o: { startMs?: number; minutes?: number; status?: string } = {}): Promise<string> {
      const id = newId();
      const startMs = o.startMs ?? T0;
      const row: AppointmentRow = {
        id, clinic_id: clinicId, patient_id: patientId, service_id: 'saishin', start_at: NOW, end_at: NOW, start_ms: startMs, end_ms: startMs + (o.minutes ?? 15) * MIN, status: o.status ?? 'confirmed',
        hold_expires_at: null, channel: 'staff', series_id: null, assignments_json: '[]', buffer_before_minutes: 0, buffer_after_minutes: 0, double_booked: 0,
        override_reason: null, override_approved_by: null, idempotency_key: null, request_hash: null, note: null, checked_in_at: null, cancelled_at: null,
        cancel_reason: null, move_reason: null, created_by: null, created_at: NOW, updated_at: NOW, version: 1,
      };
      await insertAppointment(db.db, row);
      return id;
    }

    function unit(appointmentId: string, unitNo: number, from: number, to: number, active = 1): AppointmentUnitRow {
      return {
        id: newId(), clinic_id: clinicId, appointment_id: appointmentId, resource_id: 'chair-1', unit_no: unitNo, unit_key: `${clinicId}:chair-1:${unitNo}`,
        start_ms: from, end_ms: to, active, expires_ms: null,
      };
    }

    test('the database refuses two active rows of one unit that overlap in time', async () => {
      const a = await appointment();
      const b = await appointment();
      await insertUnits(db.db, [unit(a, 0, T0, T0 + 60 * MIN)]);
      await assert.rejects(insertUnits(db.db, [unit(b, 0, T0 + 30 * MIN, T0 + 90 * MIN)]), /appointment_units_no_overlap|exclusion|conflicting key/);
      // Touching intervals, another unit, or an inactive (cancelled) row are fine.
      await insertUnits(db.db, [unit(b, 0, T0 + 60 * MIN, T0 + 75 * MIN)]);
      await insertUnits(db.db, [unit(b, 1, T0, T0 + 60 * MIN)]);
      await insertUnits(db.db, [unit(b, 0, T0, T0 + 60 * MIN, 0)]);
    });

    test('blocking appointments: everything overlapping the window, however long, and nothing of the history before it', async () => {
      const from = T0 + 30 * 86_400_000;
      const to = from + 86_400_000;
      const longest = await appointment({ startMs: from - MAX_APPOINTMENT_MS + MIN, minutes: 1440 }); // 24 h, ends 1 min into the window
      const inside = await appointment({ startMs: from + 60 * MIN });
      const cancelled = await appointment({ startMs: from + 90 * MIN, status: 'cancelled' });
      const endedBefore = await appointment({ startMs: from - 15 * MIN }); // ends exactly at the window's start
      const history = await appointment({ startMs: from - 400 * 86_400_000, status: 'completed' });
      const after = await appointment({ startMs: to });
      const ids = (await listBlockingAppointments(db.db, { clinicId, fromMs: from, toMs: to, nowIso: NOW })).map((r) => r.id);
      assert.deepEqual(new Set(ids), new Set([longest, inside]));
      for (const id of [cancelled, endedBefore, history, after]) assert.ok(!ids.includes(id));
    });

    test('re-activating a released unit over a taken time is refused too', async () => {
      const a = await appointment();
      const from = T0 + 10 * 3_600_000;
      const released = unit(a, 0, from, from + 30 * MIN, 0);
      await insertUnits(db.db, [released, unit(a, 0, from, from + 30 * MIN)]);
      await assert.rejects(db.db.updateTable('appointment_units').set({ active: 1 }).where('id', '=', released.id).execute());
    });

    test('seeding gives a clinic the seed calendar once, and services can be replaced', async () => {
      const other = newId();
      await insertClinic(db.db, { id: other, name: 'd', timeZone: 'Asia/Tokyo', now: NOW });
      assert.equal(await seedSchedulingConfig(db.db, { clinicId: other, now: NOW, clinicPhone: '03-1111-2222' }), true);
      assert.equal(await seedSchedulingConfig(db.db, { clinicId: other, now: NOW }), false);
      const cfg = await getSchedulingConfig(db.db, other, 'Asia/Tokyo');
      assert.equal(cfg?.clinicPhone, '03-1111-2222');
      assert.deepEqual(cfg?.services.map((s) => s.id), seedClinicServices.map((s) => s.id));
      assert.equal(cfg?.calendar.zone, 'Asia/Tokyo');
      assert.deepEqual(cfg?.calendar.weeklyHours.tue ?? [], []);
      await putService(db.db, { clinicId: other, service: { ...seedClinicServices[1]!, durationMinutes: 20, active: false }, now: NOW });
      const again = await getSchedulingConfig(db.db, other, 'Asia/Tokyo');
      const saishin = again?.services.find((s) => s.id === 'saishin');
      assert.equal(saishin?.durationMinutes, 20);
      assert.equal(saishin?.active, false);
      assert.equal(again?.services.indexOf(saishin!), 1, 'keeps its place in the list');
    });
  });
}
