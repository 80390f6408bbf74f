import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { KyselyPlugin } from 'kysely';
import { testDialects } from '../../../storage/test/test-db.ts';
import { createApp } from '../../src/app.ts';
import { as, createTestApp, signedIn, type Session, type TestApp } from '../test-app.ts';

/** Counts the statements sent to the database (each one a round trip on PostgreSQL). */
function counter(): KyselyPlugin & { n: number } {
  const c = {
    n: 0,
    transformQuery: (args: Parameters<KyselyPlugin['transformQuery']>[0]) => {
      c.n++;
      return args.node;
    },
    transformResult: async (args: Parameters<KyselyPlugin['transformResult']>[0]) => args.result,
  };
  return c;
}

for (const dialect of testDialects()) {
  describe(`availability for many ranges: two statements a request (${dialect})`, () => {
    let t: TestApp;
    let counted: TestApp;
    let rec: Session;
    let admin: Session;
    const count = counter();
    before(async () => {
      t = await createTestApp(dialect);
      const app = await createApp({ db: { ...t.db, db: t.db.db.withPlugin(count) }, clock: t.clock.fn, config: t.config });
      await app.ready();
      counted = { ...t, app };
      rec = await signedIn(t, 'reception');
      admin = await signedIn(t, 'admin');
    });
    after(async () => {
      await counted.app.close();
      await t.destroy();
    });

    test('a range not asked before reads the session and the bookings only; a calendar change is seen at once', async () => {
      const avail = (from: string, to: string) => as(counted, rec, { url: `/api/scheduling/availability?serviceId=saishin&from=${from}&to=${to}` });
      assert.equal((await avail('2026-12-02', '2026-12-31')).statusCode, 200);
      for (const [from, to] of [['2026-12-03', '2027-01-15'], ['2026-12-10', '2026-12-16'], ['2027-01-04', '2027-02-28']] as const) {
        count.n = 0;
        const r = await avail(from, to);
        assert.equal(r.statusCode, 200, r.body);
        assert.equal(count.n, 2, `${from}–${to}: session and blocking appointments (the clinic's configuration is reused)`);
      }
      // The configuration is reused only until a scheduling write: closing a day shows at once.
      const before = (await avail('2026-12-10', '2026-12-10')).json();
      assert.ok(before.days.length > 0, 'open before');
      const cfg = (await as(counted, admin, { url: '/api/scheduling/config' })).json();
      const put = await as(counted, admin, {
        method: 'PUT', url: '/api/scheduling/calendar',
        payload: { ...cfg.calendar, zone: undefined, overrides: [...cfg.calendar.overrides, { kind: 'close', date: '2026-12-10', reason: '研修' }], version: cfg.version },
      });
      assert.equal(put.statusCode, 200, put.body);
      count.n = 0;
      const after = (await avail('2026-12-10', '2026-12-10')).json();
      assert.deepEqual(after.days, []);
      assert.deepEqual(after.closedDates.map((d: { date: string }) => d.date), ['2026-12-10']);
      assert.ok(count.n > 2, 'the configuration was read again');
    });
  });
}
