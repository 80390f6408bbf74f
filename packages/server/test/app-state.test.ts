import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertClinic, seedSchedulingConfig } from '@mimamori/storage';
import { testDialects } from '../../storage/test/test-db.ts';
import { createApp } from '../src/app.ts';
import { createAppState } from '../src/app-state.ts';
import { as, createStaff, createTestApp, sessionFor, signedIn, type Session, type TestApp } from './test-app.ts';
import { newPatient, patientSession } from './scheduling/scheduling-fixtures.ts';

// The fake clock reads Tuesday 2026-12-01, 10:00 in Tokyo; 2026-12-10 is an open Thursday.
const DAY = '2026-12-10';
const availability = `/api/scheduling/availability?serviceId=saishin&from=${DAY}&to=${DAY}`;

/**
 * Each app keeps its own caches, messages and tag source (`app-state.ts`): nothing one app has
 * cached or been given is served by another app in the same process.
 */
for (const dialect of testDialects()) {
  describe(`two apps in one process share no state (${dialect})`, () => {
    let a: TestApp;
    let b: TestApp;
    let adminA: Session;
    let recA: Session;
    let recB: Session;
    before(async () => {
      a = await createTestApp(dialect);
      b = await createTestApp(dialect);
      // The same clinic id in both databases, so that a shared cache would answer for both.
      await insertClinic(b.db.db, { id: a.clinicId, name: 'テストクリニック', timeZone: 'Asia/Tokyo', now: b.clock.now.toISOString() });
      await seedSchedulingConfig(b.db.db, { clinicId: a.clinicId, now: b.clock.now.toISOString() });
      adminA = await signedIn(a, 'admin');
      recA = await signedIn(a, 'reception');
      recB = await sessionFor(b, await createStaff(b, 'reception', { clinicId: a.clinicId }));
    });
    after(async () => {
      await a.destroy();
      await b.destroy();
    });

    test("a change to the clinic's hours in app A is not answered from app B's cache", async () => {
      const cfg = (await as(a, adminA, { url: '/api/scheduling/config' })).json();
      const put = await as(a, adminA, {
        method: 'PUT', url: '/api/scheduling/calendar',
        payload: { ...cfg.calendar, zone: undefined, overrides: [...cfg.calendar.overrides, { kind: 'close', date: DAY, reason: '研修' }], version: cfg.version },
      });
      assert.equal(put.statusCode, 200, put.body);
      // App B (whose clinic has not closed that day) answers the same question first, at the same instant.
      const inB = await as(b, recB, { url: availability });
      assert.equal(inB.statusCode, 200, inB.body);
      assert.ok(inB.json().days.length > 0, 'open in B');
      const inA = await as(a, recA, { url: availability });
      assert.equal(inA.statusCode, 200, inA.body);
      assert.deepEqual(inA.json().days, [], 'closed in A');
      assert.deepEqual(inA.json().closedDates.map((d: { date: string }) => d.date), [DAY]);
      // And B still answers for its own database.
      assert.ok((await as(b, recB, { url: availability })).json().days.length > 0);
    });

    test("one app's tag source is not used by another app", async () => {
      // App C runs on A's database with a tag source of its own that puts every patient in the exosome program.
      const c = await createApp({ db: a.db, clock: a.clock.fn, config: a.config, state: createAppState({ patientTags: async () => ['program:exosome'] }) });
      try {
        const patient = await newPatient(a, recA);
        const ps = await patientSession(a, recA, patient.id);
        const services = async (app: typeof c) =>
          (await app.inject({ method: 'GET', url: '/api/p/appointments/services', headers: { cookie: ps.cookie } })).json().services.map((s: { id: string }) => s.id);
        assert.ok((await services(c)).includes('exosome-infusion'), "C's source says the patient is in the program");
        assert.ok(!(await services(a.app)).includes('exosome-infusion'), "A asks the programs feature: the patient is not enrolled");
      } finally {
        await c.close();
      }
    });

    test('each app has its own messages, with every feature catalogue added once', () => {
      assert.notEqual(a.app.appState, b.app.appState);
      assert.notEqual(a.app.appState.messages, b.app.appState.messages);
      for (const app of [a.app, b.app]) {
        assert.equal(app.appState.messages.translate('programs.lab_duplicate', 'en'), 'A result for this sample is already stored.');
        assert.ok(app.appState.messages.has('oncall_shift_invalid'));
      }
      // A catalogue added to one app's messages is not seen by the other.
      a.app.appState.messages.register({ 'test.only_in_a': { ja: 'Aだけ', en: 'only in A' } });
      assert.equal(a.app.appState.messages.translate('test.only_in_a', 'en'), 'only in A');
      assert.equal(b.app.appState.messages.has('test.only_in_a'), false);
    });
  });
}
