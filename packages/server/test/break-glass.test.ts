import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testDialects } from '../../storage/test/test-db.ts';
import { as, createStaff, createTestApp, sessionFor, signedIn, type Session, type TestApp } from './test-app.ts';

const MIN = 60_000;

for (const dialect of testDialects()) {
  describe(`break-glass emergency access (${dialect})`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
    });
    after(async () => t.destroy());

    const start = (s: Session, reason: string) => as(t, s, { method: 'POST', url: '/api/auth/break-glass', payload: { reason } });
    const alerts = (s: Session) => as(t, s, { url: '/api/alerts' });
    const auditActions = async (actorId: string) =>
      (await t.db.db.selectFrom('audit_log').select(['action', 'resource_id']).where('actor_id', '=', actorId).orderBy('seq').execute()).map((r) => r.action);

    test('reception reads safety alerts only after starting it with a reason; every read is audited and administrators are mailed', async () => {
      const admin = await createStaff(t, 'admin');
      await t.db.db.updateTable('staff').set({ email: 'kanri@clinic.example' }).where('id', '=', admin.staffId).execute();
      const staff = await createStaff(t, 'reception');
      const s = await sessionFor(t, staff);
      assert.equal((await alerts(s)).statusCode, 403);
      const short = await start(s, '急ぎ');
      assert.equal(short.statusCode, 400, 'a reason of at least 10 characters');
      assert.equal((await alerts(s)).statusCode, 403, 'nothing was granted');

      const ok = await start(s, '患者さんから夜間に希死念慮の電話。医師不在のため直近の回答とアラートを確認する。');
      assert.equal(ok.statusCode, 200, ok.body);
      const body = ok.json();
      assert.ok(body.permissions.includes('alerts:read') && body.permissions.includes('scales:read'));
      assert.ok(body.breakGlass);
      assert.ok(Date.parse(body.breakGlass.expiresAt) - t.clock.now.getTime() <= 4 * 60 * MIN);

      assert.equal((await alerts(s)).statusCode, 200);
      assert.equal((await alerts(s)).statusCode, 200);
      // Reads only: acknowledging an alert stays a doctor's act.
      assert.equal((await as(t, s, { method: 'POST', url: '/api/alerts/00000000000000000000000000/acknowledge', payload: { note: 'x' } })).statusCode, 403);

      const actions = await auditActions(staff.staffId);
      assert.ok(actions.includes('breakglass.start'));
      assert.equal(actions.filter((a) => a === 'breakglass.access').length, 2);
      const mail = await t.db.db.selectFrom('outbox').selectAll().where('kind', '=', 'break_glass').execute();
      assert.equal(mail.length, 1);
      assert.equal(mail[0]!.to_address, 'kanri@clinic.example');
      assert.match(mail[0]!.body_text, /緊急アクセスを開始しました/);

      const adminSession = await sessionFor(t, admin);
      const report = (await as(t, adminSession, { url: '/api/break-glass' })).json();
      const mine = report.items.find((i: { staffId: string }) => i.staffId === staff.staffId);
      assert.equal(mine.reads, 2);
      assert.match(mine.reason, /希死念慮/);
      assert.equal(mine.reviewedAt, null);
    });

    test('opening スタッフ管理 is not a review; reviewing one use is, once, audited with that use', async () => {
      const staff = await createStaff(t, 'reception');
      const s = await sessionFor(t, staff);
      assert.equal((await start(s, '救急搬送の連絡で既往歴を確認（テスト）')).statusCode, 200);
      const admin = await sessionFor(t, await createStaff(t, 'admin'));
      const reviews = () => t.db.db.selectFrom('audit_log').select(['resource_id', 'actor_id']).where('action', '=', 'breakglass.review').where('clinic_id', '=', t.clinicId).execute();
      const before = (await reviews()).length;
      for (let i = 0; i < 3; i++) assert.equal((await as(t, admin, { url: '/api/break-glass' })).statusCode, 200);
      assert.equal((await reviews()).length, before, 'listing the uses writes no review');
      const use = (await as(t, admin, { url: '/api/break-glass' })).json().items.find((i: { staffId: string }) => i.staffId === staff.staffId);
      const reviewed = await as(t, admin, { method: 'POST', url: `/api/break-glass/${use.id}/review` });
      assert.equal(reviewed.statusCode, 200, reviewed.body);
      const after = reviewed.json().items.find((i: { id: string }) => i.id === use.id);
      assert.equal(after.reviewedAt, t.clock.now.toISOString());
      const name = (await t.db.db.selectFrom('staff').select('display_name').where('id', '=', admin.staff.staffId).executeTakeFirstOrThrow()).display_name;
      assert.equal(after.reviewedBy, name);
      const rows = await reviews();
      assert.equal(rows.length, before + 1);
      assert.deepEqual(rows.at(-1), { resource_id: use.id, actor_id: admin.staff.staffId });
      assert.equal((await as(t, admin, { method: 'POST', url: `/api/break-glass/${use.id}/review` })).statusCode, 200);
      assert.equal((await reviews()).length, before + 1, 'a second review writes nothing');
      assert.equal((await as(t, admin, { method: 'POST', url: '/api/break-glass/0123456789abcdef0123456789abcdef/review' })).statusCode, 404);
      const rec = await sessionFor(t, await createStaff(t, 'reception'));
      assert.equal((await as(t, rec, { method: 'POST', url: `/api/break-glass/${use.id}/review` })).statusCode, 403);
    });

    test('it ends by itself after 4 hours, or when the user ends it', async () => {
      const staff = await createStaff(t, 'reception');
      const s = await sessionFor(t, staff);
      assert.equal((await start(s, '緊急の電話対応のため閲覧します（テスト）')).statusCode, 200);
      // Keep the session alive (30 min idle) while time passes.
      for (let i = 0; i < 9; i++) {
        t.clock.advance(25 * MIN);
        assert.equal((await as(t, s, { url: '/api/auth/session' })).statusCode, 200);
      }
      assert.ok((await as(t, s, { url: '/api/auth/session' })).json().breakGlass);
      t.clock.advance(20 * MIN); // 4 h 5 min after the start
      assert.equal((await alerts(s)).statusCode, 403);
      const after4h = (await as(t, s, { url: '/api/auth/session' })).json();
      assert.equal(after4h.breakGlass, null);
      assert.ok(!after4h.permissions.includes('alerts:read'));

      const other = await sessionFor(t, await createStaff(t, 'admin'));
      assert.equal((await start(other, '夜間の緊急連絡に対応するため（テスト）')).statusCode, 200);
      assert.equal((await as(t, other, { url: '/api/alerts' })).statusCode, 200);
      const ended = await as(t, other, { method: 'DELETE', url: '/api/auth/break-glass' });
      assert.equal(ended.statusCode, 200);
      assert.equal(ended.json().breakGlass, null);
      assert.equal((await as(t, other, { url: '/api/alerts' })).statusCode, 403);
    });

    test('it needs a recent re-authentication, and a doctor (who already reads everything) is told it is not needed', async () => {
      const staff = await createStaff(t, 'reception');
      const s = await sessionFor(t, staff);
      t.clock.advance(6 * MIN);
      const stale = await start(s, '緊急の電話対応のため閲覧します（テスト）');
      assert.equal(stale.statusCode, 403);
      assert.equal(stale.json().error.code, 'reauth_required');
      const doctor = await signedIn(t, 'doctor');
      const r = await start(doctor, '緊急の電話対応のため閲覧します（テスト）');
      assert.equal(r.statusCode, 409);
      assert.match(r.json().error.message, /緊急アクセスは不要/);
    });
  });
}
