import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { demoRecruitmentContent, demoSiteContent } from '@mimamori/core/publicsite/demo-public-site';
import { TMS_PROGRAM } from '@mimamori/core/programs/index';
import { seedClinicCalendar } from '@mimamori/core/scheduling/index';
import { insertProgramDefinition, newId, seedSchedulingConfig } from '@mimamori/storage';
import { testDialects } from '../../../storage/test/test-db.ts';
import { as, createTestApp, signedIn, type Session, type TestApp } from '../test-app.ts';

for (const dialect of testDialects()) {
  describe(`public clinic pages and recruitment (${dialect})`, () => {
    let t: TestApp;
    let admin: Session;
    let doctor: Session;
    before(async () => {
      t = await createTestApp(dialect, {}, { freshClinic: true });
      // A week with a holiday (2026-12-21 Mon → the year-end closure from 12-29) read at a fixed "today".
      t.clock.now = new Date('2026-12-21T01:00:00.000Z');
      await seedSchedulingConfig(t.db.db, {
        clinicId: t.clinicId, now: t.clock.now.toISOString(), clinicPhone: '03-1234-5678', clinicAddress: '東京都千代田区（テスト）',
        calendar: { ...seedClinicCalendar, overrides: [{ kind: 'close', date: '2026-12-23', reason: '院内研修' }] },
      });
      await insertProgramDefinition(t.db.db, { id: newId(), clinic_id: t.clinicId, program_id: TMS_PROGRAM.id, version: 1, definition_json: JSON.stringify(TMS_PROGRAM), created_by: null, created_at: t.clock.now.toISOString() });
      admin = await signedIn(t, 'admin');
      doctor = await signedIn(t, 'doctor');
    });
    after(() => t.destroy());

    test('before anything is saved, /p/ says so with the phone, and is not indexed', async () => {
      const res = await t.app.inject({ url: '/p/' });
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /まだ公開されていません/);
      assert.match(res.body, /03-1234-5678/);
      assert.match(res.body, /noindex/);
    });

    test('only an administrator edits the public pages; a save is a new version, audited', async () => {
      const denied = await as(t, doctor, { method: 'PUT', url: '/api/publicsite/content', payload: { content: demoSiteContent, expectedVersion: 0 } });
      assert.equal(denied.statusCode, 403);
      const bad = await as(t, admin, { method: 'PUT', url: '/api/publicsite/content', payload: { content: { ...demoSiteContent, mapUrl: 'javascript:alert(1)' }, expectedVersion: 0 } });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.json().error.message, /公開ページ/);
      const ok = await as(t, admin, { method: 'PUT', url: '/api/publicsite/content', payload: { content: demoSiteContent, expectedVersion: 0 } });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().version, 1);
      const stale = await as(t, admin, { method: 'PUT', url: '/api/publicsite/content', payload: { content: demoSiteContent, expectedVersion: 0 } });
      assert.equal(stale.statusCode, 409);
      const rows = await t.db.db.selectFrom('audit_log').select(['action', 'actor_id']).where('action', '=', 'site.save').execute();
      assert.deepEqual(rows.map((r) => r.actor_id), [admin.staff.staffId]);
    });

    test('/p/ is server-rendered HTML with the hours and closures booking uses, without login or JavaScript', async () => {
      const res = await t.app.inject({ url: '/p/' });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /text\/html/);
      const html = res.body;
      assert.doesNotMatch(html, /<script/i, 'no script needed');
      assert.match(html, /<meta name="robots" content="index, follow">/);
      assert.match(html, /<h1>見守りメンタルクリニック（デモ）<\/h1>/);
      // Weekly table from the calendar: Monday morning 09:00–13:00, Tuesday closed.
      assert.match(html, /<th scope="row">午前<\/th><td>09:00<br>–13:00<\/td><td class="closed">休診<\/td>/);
      assert.match(html, /祝日は休診です。/);
      assert.match(html, /年末年始（12月29日〜1月3日）は休診です。/);
      // Coming closures: the one-day override on a Wednesday, and the year-end run.
      assert.match(html, /12月23日（水）　院内研修/);
      assert.match(html, /12月29日（火） – 1月3日（日）　年末年始/);
      assert.match(html, /tel:0312345678/);
      assert.match(html, /東京都千代田区（テスト）/);
      // The CSP allows the page's one inline style by its hash, nothing else.
      assert.match(String(res.headers['content-security-policy']), /style-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
      assert.match(String(res.headers['content-security-policy']), /script-src 'self'/);
      const en = await t.app.inject({ url: '/p/?lang=en' });
      assert.match(en.body, /<html lang="en">/);
      assert.match(en.body, /Closed on national holidays\./);
      const privacy = await t.app.inject({ url: '/p/privacy' });
      assert.equal(privacy.statusCode, 200);
      assert.match(privacy.body, /要配慮個人情報/);
    });

    test('a recruitment page is refused publication while a 限定解除 item is missing, with the rule', async () => {
      const url = `/api/publicsite/recruitment/${TMS_PROGRAM.id}`;
      const lacking = { ...demoRecruitmentContent, reliefSystem: { ja: '', en: '' }, risks: { ...demoRecruitmentContent.risks, en: '' } };
      const refused = await as(t, doctor, { method: 'PUT', url, payload: { content: lacking, expectedVersion: 0, status: 'published' } });
      assert.equal(refused.statusCode, 400);
      const err = refused.json().error;
      assert.match(err.message, /限定解除/);
      const paths = (err.issues ?? err.details ?? []).map((i: { path: string }) => i.path);
      assert.ok(paths.includes('risks.en') && paths.includes('reliefSystem.ja') && paths.includes('reliefSystem.en'), JSON.stringify(err));
      assert.equal((await t.app.inject({ url: `/p/recruit/${TMS_PROGRAM.id}` })).statusCode, 404);
      // A draft with forbidden wording saves, with warnings; nothing public yet.
      const draft = await as(t, doctor, { method: 'PUT', url, payload: { content: { ...lacking, title: { ja: 'モニター割引で必ず治る', en: 'Monitor discount' } }, expectedVersion: 0, status: 'draft' } });
      assert.equal(draft.statusCode, 200, draft.body);
      assert.deepEqual([...new Set(draft.json().check.warnings.map((w: { rule: string }) => w.rule))].sort(), ['exaggeration', 'price_led']);
      assert.equal((await t.app.inject({ url: `/p/recruit/${TMS_PROGRAM.id}` })).statusCode, 404);
      const pub = await as(t, doctor, { method: 'PUT', url, payload: { content: demoRecruitmentContent, expectedVersion: 1, status: 'published' } });
      assert.equal(pub.statusCode, 200, pub.body);
      const page = await t.app.inject({ url: `/p/recruit/${TMS_PROGRAM.id}` });
      assert.equal(page.statusCode, 200);
      for (const s of ['治療の内容', '費用の総額（税込）', '330,000円', '主なリスク・副作用', 'お問い合わせ先', '未承認医薬品等であること', '入手経路', '国内の承認医薬品等の有無', '諸外国における安全性等に係る情報', '医薬品副作用被害救済制度']) {
        assert.ok(page.body.includes(s), s);
      }
      assert.match((await t.app.inject({ url: '/p/' })).body, /TMS治療モニタープログラム（うつ）参加者の募集/);
      // Withdrawn: gone from the public.
      const w = await as(t, doctor, { method: 'PUT', url, payload: { content: demoRecruitmentContent, expectedVersion: 2, status: 'withdrawn' } });
      assert.equal(w.statusCode, 200);
      assert.equal((await t.app.inject({ url: `/p/recruit/${TMS_PROGRAM.id}` })).statusCode, 404);
      const actions = await t.db.db.selectFrom('audit_log').select('action').where('resource', '=', 'recruitment_page').orderBy('seq').execute();
      assert.deepEqual(actions.map((a) => a.action), ['recruitment.save', 'recruitment.publish', 'recruitment.withdraw']);
    });

    test('reception cannot edit recruitment pages', async () => {
      const reception = await signedIn(t, 'reception');
      const res = await as(t, reception, { method: 'GET', url: '/api/publicsite/recruitment' });
      assert.equal(res.statusCode, 403);
    });
  });
}
