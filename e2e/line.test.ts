// LINE and the outbox in a real Chromium against the real server, with a local fake of the LINE
// Messaging API on 127.0.0.1 (never the real service): the administrator sets up the channel and
// checks it; a patient on a 360×740 phone shows a one-time code on their page, "sends" it from LINE
// (the fake delivers the signed webhook) and sees the page say linked; the day-before reminder then
// reaches the fake; staff see the outgoing messages, a failure with its reason, and resend it.
// Screenshots with E2E_SCREENSHOTS=1: line-settings, line-patient, outbox (360 and 1280 px).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addDays } from '@mimamori/core/time/local-date';
import { clinicDate } from '@mimamori/core/time/clinic-date';
import { loadConfig } from '../packages/server/src/config.ts';
import type { AppDeps } from '../packages/server/src/context.ts';
import { deliverLineOnce } from '../packages/server/src/services/line/line-worker.ts';
import { queueDayBeforeReminders } from '../packages/server/src/services/scheduling/appointment-mail.ts';
import { lineEvent, signedWebhook, startFakeLine, lineUserId, type FakeLine } from '../packages/server/test/fake-line.ts';
import { axeViolations, launchBrowser } from './helpers/browser.ts';
import { e2eNow } from './helpers/clock.ts';
import { ensureWebBuild, root } from './helpers/server.ts';
import { startIntakeHarness, type IntakeHarness, type StaffCookie } from './intake-harness.ts';

let h: IntakeHarness;
let browser: Browser;
let fake: FakeLine;
let admin: StaffCookie;
let reception: StaffCookie;
const shots = join(root, 'docs/screenshots');
const SHOOT = process.env.E2E_SCREENSHOTS === '1';

before(async () => {
  ensureWebBuild();
  fake = await startFakeLine();
  h = await startIntakeHarness({ config: { lineApiBaseUrl: fake.url } });
  browser = await launchBrowser();
  admin = await h.staff('admin');
  reception = await h.staff('reception');
  if (SHOOT) mkdirSync(shots, { recursive: true });
});

after(async () => {
  await browser?.close();
  await h?.stop();
  await fake?.close();
});

async function staffPage(ctx: BrowserContext, s: StaffCookie): Promise<Page> {
  const page = await ctx.newPage();
  await page.goto(`${h.baseUrl}/p/`);
  await page.evaluate(([n, v]) => (document.cookie = `${n}=${v}; Path=/; Secure; SameSite=Strict`), [s.name, s.value]);
  return page;
}

async function look(page: Page, name: string, where: string): Promise<void> {
  for (const [w, hgt] of [[360, 740], [1280, 800]] as const) {
    await page.setViewportSize({ width: w, height: hgt });
    // From the top, so the sticky header is not painted half-way down the full-page picture.
    await page.evaluate(() => window.scrollTo(0, 0));
    assert.deepEqual(await axeViolations(page), [], `axe on ${where} at ${w}px`);
    if (SHOOT) await page.screenshot({ path: join(shots, `${name}-${w}.png`), fullPage: true });
  }
}

async function webhook(events: ReadonlyArray<unknown>): Promise<number> {
  const w = signedWebhook(fake.secret, events);
  const r = await fetch(`${h.baseUrl}/api/line/webhook/${h.clinicId}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-line-signature': w.signature }, body: w.body });
  return r.status;
}

test('LINE: admin setup and check, a patient links from the phone page, the day-before reminder reaches LINE, the outbox shows it all', async () => {
  // The administrator's setup page.
  const desk = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1280, height: 800 } });
  desk.setDefaultTimeout(60_000);
  const page = await staffPage(desk, admin);
  await page.goto(`${h.baseUrl}/settings/line`);
  await page.getByRole('heading', { name: 'LINE・テスト送信', level: 1 }).waitFor();
  assert.equal(await page.getByTestId('webhook-url').innerText(), `${h.baseUrl}/api/line/webhook/${h.clinicId}`);
  await page.getByLabel(/^チャネルID/).fill('abc');
  await page.getByLabel(/^チャネルシークレット/).fill('too-short');
  await page.getByLabel(/^チャネルアクセストークン/).fill(fake.token);
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByText('チャネルIDは数字で入力してください。').waitFor();
  await page.getByText('チャネルシークレットは32文字の英数字').waitFor();
  await page.getByLabel(/^チャネルID/).fill(fake.channelId);
  await page.getByLabel(/^チャネルシークレット/).fill(fake.secret);
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByText('保存しました。').waitFor();
  await page.getByRole('button', { name: '接続を確認' }).click();
  await page.getByText(/接続できました: .*@123fake/).waitFor();
  await look(page, 'line-settings', 'the LINE setup');

  // The patient: a link to "my appointments" from reception, then the LINE page on a phone.
  const patient = await h.call<{ patient: { id: string } }>(reception, 'POST', '/api/patients', {
    nameKanji: '連携 花子', nameKana: 'レンケイ ハナコ', birthDate: '1988-02-03', sex: 'female', phone: '09012340000', email: 'renkei@example.test', acknowledgeDuplicates: true,
  });
  const link = await h.call<{ url: string }>(reception, 'POST', '/api/appointments/patient-link', { patientId: patient.patient.id, sendEmail: false });
  const phone = await browser.newContext({ locale: 'ja-JP', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  phone.setDefaultTimeout(60_000);
  const p = await phone.newPage();
  await p.goto(link.url);
  await p.getByRole('button', { name: '続ける' }).click();
  await p.getByRole('link', { name: 'LINEでお知らせを受け取る' }).click();
  await p.getByRole('heading', { name: 'LINEでお知らせを受け取る' }).waitFor();
  await p.getByRole('button', { name: '連携用コードを表示する' }).click();
  const code = (await p.getByTestId('line-code').innerText()).trim();
  assert.match(code, /^MM-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  assert.match(await p.getByRole('link', { name: 'LINEを開いてコードを送る' }).getAttribute('href') ?? '', /^https:\/\/line\.me\/R\/oaMessage\/%40123fake\/\?MM-/);
  await look(p, 'line-patient', 'the patient LINE page');
  // The patient adds the account and sends the code: LINE calls the webhook (the fake signs it).
  const user = lineUserId();
  assert.equal(await webhook([lineEvent('follow', user), lineEvent('message', user, { text: code })]), 200);
  await p.getByTestId('line-linked').waitFor();
  await p.getByText('LINE と連携しました。').waitFor();
  assert.match(fake.replies.at(-1)!.text, /連携が完了しました/);
  // Bound and shown: the LINE display name (read from LINE's profile after the link) names the account.
  await p.reload();
  assert.match(await p.getByTestId('line-account').innerText(), new RegExp(`連携しているLINE: 見本さん ${user.slice(-4)}`));

  // An appointment on the next open day; the day-before reminder, queued the day before, goes by LINE.
  let booked = '';
  let refused = '';
  for (let d = 1; d < 10 && !booked; d++) {
    const day = addDays(clinicDate(e2eNow(), 'Asia/Tokyo'), d);
    const r = await h.app.inject({
      method: 'POST', url: '/api/appointments', cookies: { [reception.name]: reception.value }, headers: { 'x-csrf-token': reception.csrf },
      payload: { patientId: patient.patient.id, serviceId: 'saishin', start: `${day}T10:00:00+09:00`, resourceIds: ['dr-mori'] },
    });
    if (r.statusCode === 201) booked = day;
    else refused = r.body;
  }
  assert.ok(booked, `an open day within ten days (last refusal: ${refused})`);
  const dayBefore = new Date(Date.parse(`${addDays(booked, -1)}T10:00:00+09:00`));
  const deps: AppDeps = { db: h.db, clock: () => dayBefore, config: loadConfig({}, { lineApiBaseUrl: fake.url, publicUrl: h.baseUrl }) };
  assert.equal(await queueDayBeforeReminders(deps), 1);
  const delivered = await deliverLineOnce({ ...deps, clock: () => new Date(Math.max(dayBefore.getTime(), e2eNow())) });
  assert.equal(delivered.sent, 2, 'the confirmation and the reminder');
  const reminder = fake.pushes.find((x) => x.to === user && /明日のご予約/.test(x.text));
  assert.ok(reminder, 'the reminder reached LINE');
  assert.doesNotMatch(reminder.text, /再診|連携 花子/, 'discreet: no service, no name');

  // A message LINE refuses for good falls back to mail; staff see both, the reason, and resend.
  await h.call(admin, 'POST', '/api/outbox/test', { channel: 'line', to: lineUserId() });
  fake.failNextPushes([{ status: 400, message: 'The request body has 1 error(s)' }]);
  await deliverLineOnce(deps);
  await page.goto(`${h.baseUrl}/outbox`);
  await page.getByRole('heading', { name: '送信メッセージ', level: 1 }).waitFor();
  const failedRow = page.locator('tr[data-status="failed"]').first();
  await failedRow.getByText(/400: The request body has 1 error/).waitFor();
  assert.ok(await page.locator('tr[data-status="sent"]').count() >= 2);
  await look(page, 'outbox', 'the outbox');
  await failedRow.getByRole('button', { name: '再送' }).click();
  await page.getByText('再送を予約しました。').waitFor();
  await page.getByRole('combobox', { name: '状態' }).selectOption('failed');
  await page.getByText('送信メッセージはありません。').waitFor();
  await desk.close();
  await phone.close();
});
