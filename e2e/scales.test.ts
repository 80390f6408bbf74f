// Measurement-based care in a real Chromium against the real server (demo clinic, fresh SQLite
// database, mail to a real SMTP server on 127.0.0.1):
//   1. a doctor assigns PHQ-9 to a patient; the link is shown with a QR code and mailed;
//   2. the patient opens the link on a 360×740 phone, answers item by item with item 9 > 0, sends,
//      and sees the crisis contacts at once with the note that answers are not watched live;
//   3. the alert is on the doctor's dashboard; the doctor acknowledges it with a note;
//   4. the timeline shows the scores (with earlier administrations and several informants).
// No serious or critical accessibility violation on the pages. With E2E_SCREENSHOTS=1 the steps are
// saved as docs/screenshots/questionnaire-*.png and timeline-*.png.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createDb } from '@mimamori/storage';
import { loadConfig } from '../packages/server/src/config.ts';
import { recordScaleResponse } from '../packages/server/src/services/scales/record-scale-response.ts';
import { systemContext } from '../packages/server/src/request-context.ts';
import { axeViolations, launchBrowser } from './helpers/browser.ts';
import { e2eNow } from './helpers/clock.ts';
import { ensureWebBuild, root, startServer, type RunningServer } from './helpers/server.ts';
import { startTestSmtp, type TestSmtp } from '../packages/server/test/test-smtp.ts';
import { signIn as demoSignIn } from './helpers/demo-login.ts';

let smtp: TestSmtp;
let dir = '';
let dbPath = '';
let browser: Browser;
let server: RunningServer | undefined;
const shots = process.env.E2E_SCREENSHOTS === '1';
const shotDir = join(root, 'docs/screenshots');

/** The text of a raw MIME message with base64 and quoted-printable parts decoded. */
function decoded(raw: string): string {
  return raw
    .split(/\r?\n--[^\r\n]+\r?\n/)
    .map((part) => {
      const [head = '', ...rest] = part.split(/\r?\n\r?\n/);
      const body = rest.join('\n\n');
      const enc = /content-transfer-encoding:\s*(\S+)/i.exec(head)?.[1]?.toLowerCase();
      if (enc === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
      if (enc === 'quoted-printable') return Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
      return part;
    })
    .join('\n');
}

before(async () => {
  ensureWebBuild();
  smtp = await startTestSmtp();
  dir = mkdtempSync(join(tmpdir(), 'mimamori-scales-e2e-'));
  dbPath = join(dir, 'e2e.db');
  server = await startServer({ args: ['--demo'], dbPath, env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_TLS: 'off', SMTP_FROM: 'clinic@example.test' } });
  browser = await launchBrowser();
  if (shots) mkdirSync(shotDir, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Signs a demo staff member in through the login page. */
async function signIn(page: Page, baseUrl: string, loginId: string): Promise<void> {
  await demoSignIn(page, baseUrl, server!.output(), loginId);
}

/** Sticky bars would cover an element screenshot: let them scroll with the page for the picture. */
async function unstick(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('*'))) {
      const pos = getComputedStyle(el).position;
      if (pos === 'sticky' || pos === 'fixed') el.style.position = 'static';
    }
  });
}

async function noSeriousA11y(page: Page, where: string): Promise<void> {
  const v = await axeViolations(page);
  assert.deepEqual(v, [], `${where}: ${v.join('\n')}`);
}

/** Earlier administrations written as they would have been on those days (for the timeline). */
async function seedHistory(patientId: string, clinicId: string): Promise<void> {
  const db = await createDb({ sqlitePath: dbPath });
  try {
    const config = loadConfig({}, { publicUrl: server!.baseUrl });
    const at = (daysAgo: number) => () => new Date(e2eNow() - daysAgo * 86_400_000);
    const phq = [[70, [3, 3, 2, 2, 2, 2, 2, 1, 0]], [56, [2, 3, 2, 2, 2, 2, 1, 1, 0]], [42, [2, 2, 2, 1, 1, 1, 1, 1, 0]], [28, [1, 1, 1, 1, 1, 1, 1, 0, 0]], [14, [1, 1, 1, 0, 1, 0, 0, 0, 0]]] as const;
    for (const [days, list] of phq) {
      const answers = Object.fromEntries(list.map((v, i) => [`q${i + 1}`, v]));
      await db.db.transaction().execute((tx) => recordScaleResponse(systemContext({ db, clock: at(days), config }, { job: 'import' }), tx, { clinicId, patientId, scaleId: 'phq9', answers, informant: 'self', source: 'intake' }));
    }
    const gad = [[70, 2], [42, 2], [14, 1]] as const;
    for (const [days, v] of gad) {
      const answers = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`q${i + 1}`, v]));
      for (const informant of ['self'] as const) {
        await db.db.transaction().execute((tx) => recordScaleResponse(systemContext({ db, clock: at(days), config }, { job: 'import' }), tx, { clinicId, patientId, scaleId: 'gad7', answers, informant, source: 'intake' }));
      }
    }
  } finally {
    await db.close();
  }
}

async function seedInformants(patientId: string, clinicId: string): Promise<void> {
  const db = await createDb({ sqlitePath: dbPath });
  try {
    const config = loadConfig({}, { publicUrl: server!.baseUrl });
    const sdq = (level: number) => Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`q${i + 1}`, (i + level) % 3 === 0 ? 2 : level > 1 ? 1 : 0]));
    for (const [days, parent, teacher] of [[84, 2, 2], [42, 2, 1], [7, 1, 0]] as const) {
      const clock = () => new Date(e2eNow() - days * 86_400_000);
      await db.db.transaction().execute((tx) => recordScaleResponse(systemContext({ db, clock, config }, { job: 'import' }), tx, { clinicId, patientId, scaleId: 'sdq', answers: sdq(parent), informant: 'parent', source: 'import' }));
      await db.db.transaction().execute((tx) => recordScaleResponse(systemContext({ db, clock: () => new Date(clock().getTime() + 3_600_000), config }, { job: 'import' }), tx, { clinicId, patientId, scaleId: 'sdq', answers: sdq(teacher), informant: 'teacher', source: 'import' }));
    }
  } finally {
    await db.close();
  }
}

test('a doctor assigns PHQ-9; the patient answers on a phone with item 9 > 0, sees crisis contacts; the alert reaches the dashboard and is acknowledged', async () => {
  const s = server!;
  const doctorCtx = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1280, height: 800 } });
  // The suite shares a small machine with the server under test: be patient, not flaky.
  doctorCtx.setDefaultTimeout(60_000);
  const doc = await doctorCtx.newPage();
  await signIn(doc, s.baseUrl, 'demo.doctor');

  // 1. Assign PHQ-9 (once, today, 3-day window) to 見本 一郎 from the scales page.
  await doc.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '尺度', exact: true }).click();
  await doc.getByRole('heading', { name: '尺度・質問票', level: 1 }).waitFor();
  await doc.getByLabel('患者を探す').fill('みほん いちろう');
  await doc.getByRole('button', { name: /見本 一郎/ }).click();
  await doc.getByRole('heading', { name: '尺度・経過', level: 1 }).waitFor();
  const patientId = new URL(doc.url()).pathname.split('/').pop()!;
  await doc.getByLabel('尺度', { exact: true }).first().selectOption('phq9');
  await doc.getByRole('button', { name: '割り当てる' }).click();
  const linkBox = doc.getByTestId('questionnaire-link');
  await linkBox.waitFor();
  const url = await linkBox.getByRole('textbox').inputValue();
  assert.match(url, /\/p\/l\/[A-Za-z0-9_-]{43}$/);
  assert.match((await linkBox.getByRole('img').getAttribute('src')) ?? '', /^data:image\/svg\+xml;base64,/);
  await noSeriousA11y(doc, 'patient scales page');

  // The link also went out by mail, with a subject that says nothing clinical.
  const started = Date.now();
  while (!smtp.received.some((m) => decoded(m.raw).includes(url))) {
    if (Date.now() - started > 60_000) throw new Error(`the questionnaire mail did not arrive (${smtp.received.length} mails)`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const mail = smtp.received.find((m) => decoded(m.raw).includes(url))!.raw;
  assert.doesNotMatch(/^subject:.*$/im.exec(mail)?.[0] ?? '', /PHQ|質問票|うつ/i);

  // 2. The patient answers on a 360×740 phone.
  const phoneCtx = await browser.newContext({ locale: 'ja-JP', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  phoneCtx.setDefaultTimeout(60_000);
  const phone = await phoneCtx.newPage();
  await phone.goto(url);
  await phone.getByRole('button', { name: '続ける' }).click();
  await phone.getByRole('button', { name: '回答をはじめる' }).click();
  for (let i = 1; i <= 9; i++) {
    await phone.getByText(`${i} / 9 問`).waitFor();
    if (i === 1 && shots) await phone.screenshot({ path: join(shotDir, 'questionnaire-item-ja.png') });
    if (i === 1) await noSeriousA11y(phone, 'questionnaire item');
    // Items 1–8: "数日" (1); item 9: "数日" too — a positive answer to the suicidal-ideation item.
    await phone.getByRole('radio').nth(1).click();
  }
  await phone.getByRole('heading', { name: '回答の確認' }).waitFor();
  if (shots) await phone.screenshot({ path: join(shotDir, 'questionnaire-review-ja.png'), fullPage: true });
  // The contacts already show on the review: item 9's saved answer met the safety rule.
  await phone.getByTestId('crisis-contacts').waitFor();
  await phone.getByRole('button', { name: '送信する' }).click();
  await phone.getByRole('heading', { name: 'ご回答ありがとうございました' }).waitFor();
  const crisis = phone.getByTestId('crisis-contacts');
  await crisis.waitFor();
  assert.match(await crisis.innerText(), /よりそいホットライン/);
  assert.match(await crisis.innerText(), /0120-279-338/);
  assert.match(await crisis.innerText(), /リアルタイムで見ているわけではありません/);
  await noSeriousA11y(phone, 'crisis contacts');
  if (shots) await phone.screenshot({ path: join(shotDir, 'questionnaire-crisis-ja.png'), fullPage: true });
  // Reopening the link later shows "already sent" (and the contacts again), not a second form.
  await phone.goto(url);
  await phone.getByRole('button', { name: '続ける' }).click();
  await phone.getByText('この質問票はすでに送信されています').waitFor();
  await phoneCtx.close();

  // 3. The alert is on the doctor's dashboard until acknowledged with a note.
  await doc.goto(`${s.baseUrl}/`);
  const alerts = doc.getByRole('region', { name: '要対応のアラート' });
  await alerts.getByText('自殺念慮').waitFor().catch(async (e: unknown) => {
    const api = await doc.evaluate(async () => (await fetch('/api/alerts?status=all')).text());
    throw new Error(`no alert on the dashboard; /api/alerts → ${api.slice(0, 800)}; page: ${(await doc.locator('main').innerText()).slice(0, 400)}; ${String(e)}`);
  });
  await alerts.getByText(/見本 一郎/).waitFor();
  await noSeriousA11y(doc, 'dashboard with an alert');
  // The demo also has an open urgent alert of its own (見本 湊): acknowledge this patient's.
  const mine = alerts.getByRole('listitem').filter({ hasText: '見本 一郎' });
  await mine.getByLabel('対応メモ（必須）').fill('本人に電話し安全を確認。明日受診予定。');
  await mine.getByRole('button', { name: '確認する' }).click();
  await mine.waitFor({ state: 'detached' });

  // 4. The timeline: earlier administrations and today's, charted with bands and change markers.
  const clinicId = await doc.evaluate(async () => ((await (await fetch('/api/auth/session')).json()) as { user: { clinicId: string } }).user.clinicId);
  await seedHistory(patientId, clinicId);
  await doc.goto(`${s.baseUrl}/scales/patients/${patientId}`);
  await doc.getByRole('img', { name: /PHQ-9 の経過グラフ（6時点）/ }).waitFor();
  await doc.getByRole('heading', { name: /GAD-7/ }).waitFor();
  await noSeriousA11y(doc, 'timeline');
  if (shots) await unstick(doc);
  if (shots) await doc.locator('section[aria-labelledby="tl-phq9"]').screenshot({ path: join(shotDir, 'timeline-ja.png') });

  // Several informants side by side (a child's SDQ by parent and teacher).
  await doc.goto(`${s.baseUrl}/patients`);
  const childId = await doc.evaluate(async () => {
    const r = (await (await fetch('/api/patients?q=%E3%83%9F%E3%83%9B%E3%83%B3%20%E3%83%AC%E3%83%B3')).json()) as { items: Array<{ id: string }> };
    return r.items[0]!.id;
  });
  await seedInformants(childId, clinicId);
  await doc.goto(`${s.baseUrl}/scales/patients/${childId}`);
  await doc.getByRole('img', { name: /SDQ の経過グラフ（6時点）/ }).waitFor().catch(async (e: unknown) => {
    const charts = await doc.locator('[role="img"]').evaluateAll((els) => els.map((el) => `${el.getAttribute('aria-label')} (${el.getBoundingClientRect().height}px)`));
    throw new Error(`SDQ chart not shown; charts on the page: ${charts.join(' | ')}; ${String(e)}`);
  });
  await doc.getByRole('columnheader', { name: /保護者/ }).first().waitFor();
  await doc.getByRole('columnheader', { name: /教師/ }).first().waitFor();
  if (shots) await unstick(doc);
  if (shots) await doc.locator('section[aria-labelledby="tl-sdq"]').screenshot({ path: join(shotDir, 'timeline-informants-ja.png') });
  await doctorCtx.close();
});

test('reception re-sends an open questionnaire link by email from the patient page and is never shown the link or QR code', async () => {
  const s = server!;
  const doctorCtx = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1280, height: 800 } });
  doctorCtx.setDefaultTimeout(60_000);
  const doc = await doctorCtx.newPage();
  await signIn(doc, s.baseUrl, 'demo.doctor');
  await doc.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '尺度', exact: true }).click();
  await doc.getByLabel('患者を探す').fill('みほん いちろう');
  await doc.getByRole('button', { name: /見本 一郎/ }).click();
  await doc.getByRole('heading', { name: '尺度・経過', level: 1 }).waitFor();
  const patientPath = new URL(doc.url()).pathname;
  await doc.getByLabel('尺度', { exact: true }).first().selectOption('phq9');
  await doc.getByRole('button', { name: '割り当てる' }).click();
  await doc.getByTestId('questionnaire-link').waitFor();
  await doctorCtx.close();

  const deskCtx = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1280, height: 800 } });
  deskCtx.setDefaultTimeout(60_000);
  const desk = await deskCtx.newPage();
  await signIn(desk, s.baseUrl, 'demo.reception');
  await desk.goto(`${s.baseUrl}${patientPath}`);
  const resend = desk.getByRole('button', { name: 'リンクをメールで再送' }).first();
  await resend.waitFor();
  assert.equal(await desk.getByRole('button', { name: 'リンク・QRを表示' }).count(), 0);
  await resend.click();
  await desk.getByRole('status').filter({ hasText: '新しいリンクを患者さんにメールでお送りしました' }).first().waitFor();
  assert.equal(await desk.getByTestId('questionnaire-link').count(), 0);
  assert.equal(await desk.locator('input[value*="/p/l/"]').count(), 0);
  await noSeriousA11y(desk, 'reception re-sends a questionnaire link');
  // The front desk may use a phone-sized screen too.
  await desk.setViewportSize({ width: 360, height: 740 });
  await noSeriousA11y(desk, 'reception re-sends a questionnaire link (360 px)');
  await deskCtx.close();
});
