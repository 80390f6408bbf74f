import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { expandAvailability, type CompactAvailability } from '@mimamori/core/scheduling/compact-availability';
import { testDialects } from '../../../storage/test/test-db.ts';
import { as, createTestApp, signedIn, type Session, type TestApp } from '../test-app.ts';
import { asPatient, newPatient, patientSession } from './scheduling-fixtures.ts';

// The fake clock reads Tuesday 2026-12-01, 10:00 in Tokyo.
const WED = '2026-12-02';

for (const dialect of testDialects()) {
  describe(`reservations: compact availability (${dialect})`, () => {
    let t: TestApp;
    let rec: Session;
    before(async () => {
      t = await createTestApp(dialect);
      rec = await signedIn(t, 'reception');
    });
    after(async () => t.destroy());

    test('three months of 再診 for staff: start times per day, resources named once, tens of kB', async () => {
      const res = await as(t, rec, { url: '/api/scheduling/availability?serviceId=saishin&from=2026-12-01&to=2027-02-28' });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json() as CompactAvailability;
      assert.equal(body.durationMinutes, 15);
      assert.deepEqual(body.resourceSets, [['dr-mori']]);
      const wed = body.days.find((d) => d.date === WED)!;
      assert.equal(wed.offset, '+09:00');
      assert.equal(wed.times.length, 28);
      assert.deepEqual([wed.times[0], wed.times.at(-1)], ['09:00', '17:45']);
      assert.equal(wed.resources, 0);
      assert.ok(!body.days.some((d) => d.date === '2026-12-08'), 'Tuesday closed');
      assert.ok(body.closedDates.some((d) => d.date === '2027-01-11' && d.reason === 'national_holiday' && d.holidayName === '成人の日'));
      const slots = expandAvailability(body);
      assert.equal(slots.length, 1528);
      assert.deepEqual(slots.find((s) => s.date === WED), {
        date: WED, startTime: '09:00', endTime: '09:15', start: '2026-12-02T09:00:00+09:00', end: '2026-12-02T09:15:00+09:00',
        startMs: Date.parse('2026-12-02T00:00:00Z'), endMs: Date.parse('2026-12-02T00:15:00Z'), resourceIds: ['dr-mori'],
      });
      assert.ok(res.body.length < 40_000, `${res.body.length} bytes`);
    });

    test('an unchanged answer is 304 for its entity tag; a booking changes the tag and takes the time away', async () => {
      const url = `/api/scheduling/availability?serviceId=saishin&from=${WED}&to=${WED}&resourceId=dr-mori`;
      const first = await as(t, rec, { url });
      const etag = first.headers.etag as string;
      assert.match(etag, /^"[\w-]+"$/);
      assert.equal(first.headers['cache-control'], 'private, no-cache');
      const again = await as(t, rec, { url, headers: { 'if-none-match': etag } });
      assert.equal(again.statusCode, 304);
      assert.equal(again.body, '');
      assert.equal((await as(t, rec, { url, headers: { 'if-none-match': '"other"' } })).statusCode, 200);

      const p = await newPatient(t, rec);
      const booked = await as(t, rec, { method: 'POST', url: '/api/appointments', payload: { patientId: p.id, serviceId: 'saishin', start: `${WED}T11:00:00+09:00`, resourceIds: ['dr-mori'] } });
      assert.equal(booked.statusCode, 201, booked.body);
      // Straight after the write, within the cache's lifetime: a fresh answer, not the cached one.
      const after = await as(t, rec, { url, headers: { 'if-none-match': etag } });
      assert.equal(after.statusCode, 200);
      assert.notEqual(after.headers.etag, etag);
      const times = (after.json() as CompactAvailability).days[0]!.times;
      assert.ok(!times.includes('11:00') && times.includes('11:15'));
    });

    test('a browser that takes gzip gets the same answer compressed, with its own entity tag', async () => {
      const url = '/api/scheduling/availability?serviceId=saishin&from=2026-12-01&to=2027-02-28';
      const plain = await as(t, rec, { url });
      const zipped = await as(t, rec, { url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
      assert.equal(zipped.statusCode, 200);
      assert.equal(zipped.headers['content-encoding'], 'gzip');
      assert.equal(zipped.headers.vary, 'accept-encoding');
      assert.match(String(zipped.headers['content-type']), /^application\/json/);
      assert.equal(gunzipSync(zipped.rawPayload).toString('utf8'), plain.body);
      assert.ok(zipped.rawPayload.length * 5 < plain.rawPayload.length, `${zipped.rawPayload.length} of ${plain.rawPayload.length} bytes`);
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.notEqual(zipped.headers.etag, plain.headers.etag);
      assert.equal((await as(t, rec, { url, headers: { 'accept-encoding': 'gzip', 'if-none-match': zipped.headers.etag as string } })).statusCode, 304);
      // The plain tag does not stand for the compressed bytes, nor the other way round.
      assert.equal((await as(t, rec, { url, headers: { 'accept-encoding': 'gzip', 'if-none-match': plain.headers.etag as string } })).statusCode, 200);
      assert.equal((await as(t, rec, { url, headers: { 'if-none-match': zipped.headers.etag as string } })).statusCode, 200);
      assert.equal((await as(t, rec, { url, headers: { 'accept-encoding': 'gzip;q=0' } })).headers['content-encoding'], undefined);
    });

    test('when Dr 森 is taken at a time, staff see Dr 岡田 for it; the patient sees the time without names', async () => {
      const p = await newPatient(t, rec);
      const date = '2026-12-03';
      const booked = await as(t, rec, { method: 'POST', url: '/api/appointments', payload: { patientId: p.id, serviceId: 'saishin', start: `${date}T09:30:00+09:00`, resourceIds: ['dr-mori'] } });
      assert.equal(booked.statusCode, 201, booked.body);
      const staff = (await as(t, rec, { url: `/api/scheduling/availability?serviceId=saishin&from=${date}&to=${date}` })).json() as CompactAvailability;
      const at930 = expandAvailability(staff).find((s) => s.startTime === '09:30')!;
      assert.deepEqual(at930.resourceIds, ['dr-okada']);
      assert.ok(Array.isArray(staff.days[0]!.resources));

      const ps = await patientSession(t, rec, p.id);
      const res = await asPatient(t, ps, { url: `/api/p/appointments/availability?serviceId=saishin&from=${date}&to=${date}` });
      assert.equal(res.statusCode, 200, res.body);
      const mine = res.json() as CompactAvailability;
      assert.deepEqual(mine.resourceSets, []);
      assert.equal(mine.days[0]!.resources, undefined);
      assert.ok(!res.body.includes('dr-'), 'no staff ids for patients');
      assert.ok(mine.days[0]!.times.includes('09:30'));
    });
  });
}
