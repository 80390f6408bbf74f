// The safety path in a real Chromium against the real server: a patient on a 360×740 phone ticks a
// self-harm option in the WEB問診 and sees the crisis panel at once; the on-call doctor is mailed
// (delivered to a real SMTP server on 127.0.0.1); unacknowledged, the alert escalates to the next
// person on call; the doctor opens the alert's history and acknowledges it. Screenshots of the
// crisis panel (adult and child), the on-call settings, the alert history, the adolescent's link on the
// patient's intake page and the administrator's notice of the missing child screen with E2E_SCREENSHOTS=1.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { exampleAdultIntakeAnswers } from '@mimamori/core/intake/example-intake-answers';
import { loadConfig } from '../packages/server/src/config.ts';
import { createMailWorker } from '../packages/server/src/mail/mail-worker.ts';
import { smtpConfigFrom } from '../packages/server/src/mail/smtp-config.ts';
import { runAlertDispatch } from '../packages/server/src/services/safety/alert-escalation.ts';
import { startTestSmtp, type TestSmtp } from '../packages/server/test/test-smtp.ts';
import { axeViolations, launchBrowser } from './helpers/browser.ts';
import { e2eNow } from './helpers/clock.ts';
import { ensureWebBuild, root } from './helpers/server.ts';
import { startIntakeHarness, type IntakeHarness, type StaffCookie } from './intake-harness.ts';

let h: IntakeHarness;
let browser: Browser;
let smtp: TestSmtp;
let reception: StaffCookie;
let doctor: StaffCookie;
let second: StaffCookie;
let admin: StaffCookie;
const shots = join(root, 'docs/screenshots');
const SHOOT = process.env.E2E_SCREENSHOTS === '1';

before(async () => {
  ensureWebBuild();
  h = await startIntakeHarness();
  browser = await launchBrowser();
  smtp = await startTestSmtp();
  reception = await h.staff('reception');
  doctor = await h.staff('doctor');
  second = await h.staff('doctor');
  admin = await h.staff('admin');
  if (SHOOT) mkdirSync(shots, { recursive: true });
});

after(async () => {
  await browser?.close();
  await h?.stop();
  await smtp?.close();
});

async function send(s: StaffCookie, method: 'PUT' | 'POST', url: string, payload: unknown) {
  const r = await h.app.inject({ method, url, cookies: { [s.name]: s.value }, headers: { 'x-csrf-token': s.csrf }, payload: payload as Record<string, unknown> });
  assert.ok(r.statusCode < 300, `${method} ${url} → ${r.statusCode} ${r.body}`);
  return r.json();
}

const staffIdOf = async (s: StaffCookie): Promise<string> =>
  (await h.db.db.selectFrom('sessions').select('staff_id').where('csrf_token', '=', s.csrf).executeTakeFirstOrThrow()).staff_id!;

async function staffPage(ctx: BrowserContext, s: StaffCookie): Promise<Page> {
  const page = await ctx.newPage();
  await page.goto(`${h.baseUrl}/p/`);
  await page.evaluate(([n, v]) => (document.cookie = `${n}=${v}; Path=/; Secure; SameSite=Strict`), [s.name, s.value]);
  return page;
}

async function look(page: Page, name: string, where: string): Promise<void> {
  for (const [w, hgt] of [[360, 740], [1280, 800]] as const) {
    await page.setViewportSize({ width: w, height: hgt });
    assert.deepEqual(await axeViolations(page), [], `axe on ${where} at ${w}px`);
    if (SHOOT) await page.screenshot({ path: join(shots, `${name}-${w}.png`), fullPage: true });
  }
}

test('self-harm option → crisis panel → the on-call doctor is mailed → escalation → acknowledged', async () => {
  const doctorId = await staffIdOf(doctor);
  const secondId = await staffIdOf(second);
  const now = e2eNow();
  for (const [s, id, mail, position] of [[doctor, doctorId, 'oncall-1@example.test', 1], [second, secondId, 'oncall-2@example.test', 2]] as const) {
    void s;
    await send(admin, 'PUT', `/api/safety/channels/${id}`, { mail });
    await send(admin, 'POST', '/api/safety/oncall', { staffId: id, startsAt: new Date(now - 3600_000).toISOString(), endsAt: new Date(now + 6 * 3600_000).toISOString(), position });
  }

  // The patient has done the first screen; the form resumes at the complaint screen.
  const patient = await h.call<{ patient: { id: string } }>(reception, 'POST', '/api/patients', {
    nameKanji: '安全 花子', nameKana: 'アンゼン ハナコ', birthDate: '1990-06-15', sex: 'female', phone: '09012345678', acknowledgeDuplicates: true,
  });
  const sent = await h.call<{ intakeId: string; link: { url: string } }>(doctor, 'POST', `/api/patients/${patient.patient.id}/intakes`, {});
  const values = { ...exampleAdultIntakeAnswers().values };
  await h.db.db.updateTable('intakes').set({
    values_json: JSON.stringify({ patient_name: values.patient_name, patient_name_kana: values.patient_name_kana, birth_date: values.birth_date, sex: values.sex, patient_phone: values.patient_phone, respondent: values.respondent }),
    confirmed_groups_json: JSON.stringify(['basic_patient', 'basic_respondent']), current_group_id: 'complaint_main', status: 'started',
  }).where('id', '=', sent.intakeId).execute();

  const phone = await browser.newContext({ locale: 'ja-JP', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  phone.setDefaultTimeout(60_000);
  const page = await phone.newPage();
  await page.goto(sent.link.url);
  await page.getByRole('button', { name: '続ける' }).click();
  await page.waitForURL(/\/p\/intake\//);
  // The form opens on its start screen (resume) or straight at the question: wait for either.
  const start = page.getByRole('button', { name: /はじめる|続きから/ });
  const ideas = page.getByLabel('死にたい気持ちになる');
  await start.or(ideas).first().waitFor();
  if (await start.count()) await start.first().click();
  await ideas.check();
  await page.locator('textarea').first().fill('眠れず、気分が落ち込む');
  await page.getByRole('button', { name: '次へ' }).click();
  const panel = page.getByTestId('crisis-contacts');
  await panel.waitFor();
  assert.match(await panel.innerText(), /0570-064-556/);
  assert.doesNotMatch(await panel.innerText(), /チャイルドライン/, 'an adult sees the adult lists');
  await look(page, 'crisis-panel-adult', 'the crisis panel');

  // The alert is high (ideas) … and an attempt in the past month makes it urgent: sent at once.
  const alert = await h.db.db.selectFrom('alerts').selectAll().where('patient_id', '=', patient.patient.id).executeTakeFirstOrThrow();
  assert.equal(alert.severity, 'high');
  await h.db.db.transaction().execute((tx) => tx.updateTable('alerts').set({ severity: 'urgent' }).where('id', '=', alert.id).execute());
  await h.db.db.updateTable('alert_dispatch').set({ next_at: new Date(e2eNow()).toISOString(), level: 0 }).where('alert_id', '=', alert.id).execute();
  const config = loadConfig({}, { publicUrl: h.baseUrl });
  const deps = (offsetMs = 0) => ({ db: h.db, clock: () => new Date(e2eNow() + offsetMs), config });
  assert.equal((await runAlertDispatch(deps())).sent, 1);
  const worker = createMailWorker(deps(), smtpConfigFrom({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_TLS: 'off', SMTP_FROM: 'clinic@example.test' })!);
  await worker.runOnce();
  assert.deepEqual(smtp.received.at(-1)?.to, ['oncall-1@example.test'], 'the on-call doctor gets the mail');

  // Nobody acknowledges for 15 minutes: the next on call is mailed.
  assert.equal((await runAlertDispatch(deps(16 * 60_000))).sent, 1);
  await worker.stop();
  const later = createMailWorker(deps(16 * 60_000), smtpConfigFrom({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_TLS: 'off', SMTP_FROM: 'clinic@example.test' })!);
  await later.runOnce();
  await later.stop();
  assert.deepEqual(smtp.received.at(-1)?.to, ['oncall-2@example.test']);

  // The doctor opens the alert from the mail link, reads its history, acknowledges on the dashboard.
  const staffCtx = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1280, height: 800 } });
  const dr = await staffPage(staffCtx, doctor);
  await dr.goto(`${h.baseUrl}/alerts/${alert.id}`);
  await dr.getByRole('heading', { name: 'アラートの経過' }).waitFor();
  await dr.getByText('次の担当者へ').waitFor();
  await look(dr, 'alert-history', 'the alert history');
  await dr.goto(`${h.baseUrl}/`);
  await dr.getByRole('textbox').first().fill('本人に電話し、家族の付き添いを確認');
  await dr.getByRole('button', { name: /確認/ }).first().click();
  await dr.waitForFunction(async (id) => {
    const r = await fetch(`/api/alerts/${id}/history`);
    const j = (await r.json()) as { alert: { acknowledgedAt: string | null } };
    return j.alert.acknowledgedAt !== null;
  }, alert.id);

  const ad = await staffPage(staffCtx, admin);
  await ad.goto(`${h.baseUrl}/oncall`);
  await ad.getByRole('heading', { name: '当番とアラート送信' }).waitFor();
  await look(ad, 'oncall-settings', 'the on-call settings');

  // The administrator's home says the child form has no scored youth self-harm screen.
  await ad.goto(`${h.baseUrl}/`);
  await ad.getByText('お子さま用の問診票に、点数化される自傷・自殺リスクのスクリーニング尺度がありません').waitFor();
  await look(ad, 'child-screen-notice', "the administrator's home");
});

test("an adolescent answers on their own link on a phone, ticks a self-harm option, sees the children's crisis panel; staff see the alert", async () => {
  // 14 on the test day; the guardian has the only address on file.
  const patient = await h.call<{ patient: { id: string } }>(reception, 'POST', '/api/patients', {
    nameKanji: '安全 湊', nameKana: 'アンゼン ミナト', birthDate: '2012-05-01', sex: 'male',
    guardians: [{ name: '安全 春子', relation: '母', phone: '09012345679', email: 'haruko@example.test' }], acknowledgeDuplicates: true,
  });
  const guardianLink = await h.call<{ intakeId: string; link: { url: string } }>(doctor, 'POST', `/api/patients/${patient.patient.id}/intakes`, {});
  const own = await h.call<{ intakeId: string; link: { url: string }; mailQueued: boolean }>(doctor, 'POST', `/api/patients/${patient.patient.id}/intakes/adolescent`, {});
  assert.notEqual(own.link.url, guardianLink.link.url);
  assert.equal(own.mailQueued, false, "not mailed to the guardian's address: handed over in person");

  const phone = await browser.newContext({ locale: 'ja-JP', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  phone.setDefaultTimeout(60_000);
  const page = await phone.newPage();
  await page.goto(own.link.url);
  await page.getByRole('button', { name: '続ける' }).click();
  await page.waitForURL(/\/p\/intake\//);
  const start = page.getByRole('button', { name: /はじめる|続きから/ });
  const thoughts = page.getByLabel('死にたい・消えたいと思う');
  await start.or(thoughts).first().waitFor();
  if (await start.count()) await start.first().click();
  // Only the adolescent's own screen: nothing of the guardian's form (name, birth date, consent).
  assert.equal(await page.getByLabel('お名前').count(), 0);
  await page.locator('textarea').first().fill('学校がつらい');
  await page.getByLabel('気分が落ち込む・悲しい').check();
  await thoughts.check();
  await page.getByRole('radio', { name: 'いいえ' }).first().check();
  // Their part is one screen: its button leads to the review.
  await page.getByRole('button', { name: '確認へ進む' }).click();
  const panel = page.getByTestId('crisis-contacts');
  await panel.waitFor();
  const text = await panel.innerText();
  assert.match(text, /チャイルドライン/, "the adolescent sees the children's lines");
  assert.match(text, /0120-0-78310/);
  await look(page, 'crisis-panel-child', "the children's crisis panel");

  // The guardian's session cannot open the adolescent's answers.
  const guardianCtx = await browser.newContext({ locale: 'ja-JP' });
  const g = await guardianCtx.newPage();
  await g.goto(guardianLink.link.url);
  await g.getByRole('button', { name: '続ける' }).click();
  await g.waitForURL(/\/p\/intake\//);
  const denied = await g.evaluate(async (id) => (await fetch(`/api/p/intakes/${id}`)).status, own.intakeId);
  assert.equal(denied, 403);

  // Staff see the alert, raised from the adolescent's own intake, and who answered which part.
  const alert = await h.db.db.selectFrom('alerts').selectAll().where('patient_id', '=', patient.patient.id).executeTakeFirstOrThrow();
  assert.equal(alert.source_id, own.intakeId);
  assert.equal(alert.severity, 'high');
  const staffCtx = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1280, height: 800 } });
  const dr = await staffPage(staffCtx, doctor);
  await dr.goto(`${h.baseUrl}/alerts/${alert.id}`);
  await dr.getByRole('heading', { name: 'アラートの経過' }).waitFor();
  await dr.getByText(/死にたい・消えたいと思う/).first().waitFor();
  await dr.goto(`${h.baseUrl}/patients/${patient.patient.id}/intake`);
  await dr.getByRole('cell', { name: '本人（ご本人用リンク）' }).waitFor();
  await dr.getByRole('cell', { name: '保護者' }).waitFor();
  await dr.getByRole('heading', { name: 'ご本人用リンク（12〜17歳）' }).waitFor();
  await look(dr, 'intake-adolescent-link', "the patient's intake page");
  await phone.close();
  await guardianCtx.close();
  await staffCtx.close();
});
