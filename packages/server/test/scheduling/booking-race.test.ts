import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testDialects } from '../../../storage/test/test-db.ts';
import { as, createTestApp, signedIn, type Session, type TestApp } from '../test-app.ts';
import { newPatient, racePosts } from './scheduling-fixtures.ts';

const CLIENTS = 200;
const ROUNDS = 10;

for (const dialect of testDialects()) {
  describe(`reservations under concurrency (${dialect})`, () => {
    let t: TestApp;
    let rec: Session;
    let patients: string[];
    before(async () => {
      t = await createTestApp(dialect);
      rec = await signedIn(t, 'reception');
      const admin = await signedIn(t, 'admin');
      patients = [];
      for (let i = 0; i < 8; i++) patients.push((await newPatient(t, rec)).id);
      // A room that takes two bookings at once, and a 15-minute service that needs it.
      let cfg = (await as(t, admin, { url: '/api/scheduling/config' })).json();
      let r = await as(t, admin, { method: 'PUT', url: '/api/scheduling/resources/room-2', payload: { resource: { id: 'room-2', name: '集団室', roles: ['group_room'], capacity: 2 }, version: cfg.version } });
      assert.equal(r.statusCode, 200, r.body);
      cfg = r.json();
      r = await as(t, admin, {
        method: 'PUT', url: '/api/scheduling/services/group',
        payload: { service: { id: 'group', name: '集団療法', nameEn: 'Group session', durationMinutes: 15, requires: [{ role: 'group_room' }], channel: 'staff_only' }, version: cfg.version },
      });
      assert.equal(r.statusCode, 200, r.body);
    });
    after(async () => t.destroy());

    const minutes = (m: number) => `${String(9 + Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

    test(`${CLIENTS} clients for the last free slot get exactly one booking, ${ROUNDS} rounds`, async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const start = `2026-12-02T${minutes(round * 15)}:00+09:00`;
        const bodies = Array.from({ length: CLIENTS }, (_, i) => ({ patientId: patients[i % patients.length], serviceId: 'saishin', start, resourceIds: ['dr-mori'] }));
        const statuses = (await racePosts(t, rec, '/api/appointments', bodies)).map((r) => r.status);
        assert.equal(statuses.filter((s) => s === 201).length, 1, `round ${round}: ${JSON.stringify(statuses.filter((s) => s !== 409 && s !== 201))}`);
        assert.equal(statuses.filter((s) => s === 409).length, CLIENTS - 1);
      }
      const rows = await t.db.db.selectFrom('appointments').select(['start_at', 'assignments_json']).where('service_id', '=', 'saishin').where('status', '=', 'confirmed').execute();
      assert.equal(rows.length, ROUNDS);
      assert.equal(new Set(rows.map((r) => r.start_at)).size, ROUNDS, 'no duplicates');
    });

    test(`${CLIENTS} clients for a room with capacity 2 get exactly two bookings, ${ROUNDS} rounds`, async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const start = `2026-12-03T${minutes(round * 15)}:00+09:00`;
        const bodies = Array.from({ length: CLIENTS }, (_, i) => ({ patientId: patients[i % patients.length], serviceId: 'group', start }));
        const statuses = (await racePosts(t, rec, '/api/appointments', bodies)).map((r) => r.status);
        assert.equal(statuses.filter((s) => s === 201).length, 2, `round ${round}`);
        assert.equal(statuses.filter((s) => s === 409).length, CLIENTS - 2);
      }
      const units = await t.db.db.selectFrom('appointment_units').select(['unit_key', 'start_ms', 'end_ms']).where('resource_id', '=', 'room-2').where('active', '=', 1).execute();
      assert.equal(units.length, 2 * ROUNDS);
      // No two active rows of one unit overlap (what the constraint guarantees).
      const byKey = new Map<string, Array<[number, number]>>();
      for (const u of units) byKey.set(u.unit_key, [...(byKey.get(u.unit_key) ?? []), [Number(u.start_ms), Number(u.end_ms)]]);
      for (const list of byKey.values()) {
        list.sort((a, b) => a[0] - b[0]);
        for (let i = 1; i < list.length; i++) assert.ok(list[i]![0] >= list[i - 1]![1]);
      }
    });
  });
}
