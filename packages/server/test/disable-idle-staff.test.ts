import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testDialects } from '../../storage/test/test-db.ts';
import type { AppDeps } from '../src/context.ts';
import { disableIdleStaff } from '../src/services/disable-idle-staff.ts';
import { as, createStaff, createTestApp, sessionFor, type TestApp } from './test-app.ts';

const DAY = 86_400_000;

for (const dialect of testDialects()) {
  describe(`accounts unused for 90 days are disabled (${dialect})`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
    });
    after(async () => t.destroy());
    const deps = (): AppDeps => ({ db: t.db, clock: t.clock.fn, config: t.config });
    const setLastLogin = (staffId: string, daysAgo: number | null) =>
      t.db.db.updateTable('staff').set({ last_login_at: daysAgo === null ? null : new Date(t.clock.now.getTime() - daysAgo * DAY).toISOString() }).where('id', '=', staffId).execute();
    const status = async (staffId: string) => (await t.db.db.selectFrom('staff').select('status').where('id', '=', staffId).executeTakeFirstOrThrow()).status;

    test('91 days idle → disabled, sessions ended, audited; 89 days → kept; the last administrator is kept and reported', async () => {
      const admin = await createStaff(t, 'admin');
      const idleNurse = await createStaff(t, 'nurse');
      const recentDoctor = await createStaff(t, 'doctor');
      const neverUsed = await createStaff(t, 'reception');
      await setLastLogin(admin.staffId, 200);
      await setLastLogin(idleNurse.staffId, 91);
      await setLastLogin(recentDoctor.staffId, 89);
      await setLastLogin(neverUsed.staffId, null);
      // Accounts are created at the test clock's "now": move on so the never-used one is 91 days old.
      t.clock.advance(91 * DAY);
      await setLastLogin(admin.staffId, 200);
      await setLastLogin(idleNurse.staffId, 91);
      await setLastLogin(recentDoctor.staffId, 89);
      const nurseSession = await sessionFor(t, idleNurse);
      assert.equal((await as(t, nurseSession, { url: '/api/auth/session' })).statusCode, 200);

      const r = await disableIdleStaff(deps());
      assert.deepEqual(r.disabled.map((d) => d.staffId).sort(), [idleNurse.staffId, neverUsed.staffId].sort());
      assert.deepEqual(r.keptLastAdmin.map((d) => d.staffId), [admin.staffId]);
      assert.equal(await status(idleNurse.staffId), 'disabled');
      assert.equal(await status(neverUsed.staffId), 'disabled');
      assert.equal(await status(recentDoctor.staffId), 'active');
      assert.equal(await status(admin.staffId), 'active');
      assert.equal((await as(t, nurseSession, { url: '/api/auth/session' })).statusCode, 401, 'the idle account is signed out');
      const rows = await t.db.db.selectFrom('audit_log').select(['action', 'actor_id', 'actor_role', 'clinic_id', 'request_id', 'resource_id']).where('action', '=', 'staff.disable_idle').execute();
      assert.deepEqual(rows.map((x) => x.resource_id).sort(), [idleNurse.staffId, neverUsed.staffId].sort());
      // The job's own audit path: the system actor, for the account's clinic, the run named as the request.
      assert.ok(rows.every((x) => x.actor_role === 'system' && x.actor_id === null && x.clinic_id === t.clinicId && x.request_id === 'job:disable-idle-staff'));
      assert.deepEqual((await disableIdleStaff(deps())).disabled, [], 'a second run changes nothing');
    });
  });
}
