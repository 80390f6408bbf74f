// Re-authentication before sensitive actions, in a real Chromium against the real server (demo
// clinic). The server is started with REAUTH_SECONDS=5, so "more than 5 minutes after signing in"
// is reached in seconds: exporting the audit log asks for password and code in a dialog, a wrong
// code is refused inside the dialog, the right ones download the file; inviting a colleague and
// cancelling the dialog changes nothing. Reception opens a patient's timeline in an emergency
// (break-glass) and the administrator sees it in the review report. No serious or critical
// accessibility violation.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { axeViolations, launchBrowser, newContext } from './helpers/browser.ts';
import { apiAs, demoLogin, signIn } from './helpers/demo-login.ts';
import { ensureWebBuild, root, startServer, type RunningServer } from './helpers/server.ts';
import { freshTotpCode, totpCode } from './helpers/totp.ts';
import { e2eNow } from './helpers/clock.ts';

let server: RunningServer;
let browser: Browser;

before(async () => {
  ensureWebBuild();
  server = await startServer({ args: ['--demo'], env: { REAUTH_SECONDS: '5' } });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
// With E2E_SCREENSHOTS=1 the dialog is saved as docs/screenshots/reauth-*.png.
const shot = (name: string) => (process.env.E2E_SCREENSHOTS === '1' ? join(root, 'docs/screenshots', name) : undefined);

test('an audit export long after sign-in asks for password and code, then downloads', { timeout: 180_000 }, async () => {
  const context = await newContext(browser, 'ja');
  const page = await context.newPage();
  await signIn(page, server.baseUrl, server.output(), 'demo.admin');
  const { password, secret } = demoLogin(server.output(), 'demo.admin');
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '監査ログ' }).click();
  await page.getByRole('button', { name: 'CSVで書き出す' }).waitFor();
  await pause(6_000);

  await page.getByRole('button', { name: 'CSVで書き出す' }).click();
  const dialog = page.getByRole('dialog', { name: '本人確認' });
  await dialog.waitFor();
  assert.deepEqual(await axeViolations(page), [], 'axe on the re-authentication dialog');
  const desktop = shot('reauth-dialog-desktop.png');
  if (desktop) await page.screenshot({ path: desktop });

  // A wrong code: refused in the dialog, which stays open.
  const now = e2eNow();
  const wrong = ['000000', '111111'].find((c) => c !== totpCode(secret, now) && c !== totpCode(secret, now - 30_000) && c !== totpCode(secret, now + 30_000))!;
  await dialog.getByLabel(/^パスワード/).fill(password);
  await dialog.getByLabel(/^認証コード/).fill(wrong);
  await dialog.getByRole('button', { name: '確認して続ける' }).click();
  await dialog.getByText(/パスワードまたは確認コードが正しくありません/).waitFor();

  // The right ones: the refused export goes through and the file arrives.
  await dialog.getByLabel(/^パスワード/).fill(password);
  await dialog.getByLabel(/^認証コード/).fill(await freshTotpCode(secret));
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '確認して続ける' }).click();
  const file = await download;
  assert.match(file.suggestedFilename(), /^audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await file.path())!, 'utf8');
  assert.match(csv, /^\uFEFFid,at,user_id/);
  assert.match(csv, /reauth\.success/);
  await dialog.waitFor({ state: 'hidden' });
  await context.close();
});

test('cancelling re-authentication before inviting a colleague changes nothing and says why', { timeout: 180_000 }, async () => {
  const context = await newContext(browser, 'ja');
  const page = await context.newPage();
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, server.baseUrl, server.output(), 'demo.admin');
  await page.goto(`${server.baseUrl}/staff`);
  await page.getByLabel(/^ログインID/).fill('nurse.cancel');
  await page.getByLabel(/^氏名/).fill('取消 看護師');
  await pause(6_000);
  await page.getByRole('button', { name: '招待リンクを作成' }).click();
  const dialog = page.getByRole('dialog', { name: '本人確認' });
  await dialog.waitFor();
  assert.deepEqual(await axeViolations(page), [], 'axe on the dialog at 360×740');
  const phone = shot('reauth-dialog-phone.png');
  if (phone) await page.screenshot({ path: phone });
  await dialog.getByRole('button', { name: 'やめる' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByText(/重要な操作のため、もう一度パスワードと確認コードを入力してください/).waitFor();
  assert.equal(await page.getByRole('cell', { name: /取消 看護師/ }).count(), 0);
  await context.close();
});

test('break-glass: reception opens a timeline in an emergency, ends it, and the administrator sees the use', { timeout: 240_000 }, async () => {
  const reception = await apiAs(server.baseUrl, 'demo.reception', server.output());
  const found = await reception<{ items: Array<{ id: string }> }>('GET', `/api/patients?q=${encodeURIComponent('ミホン')}`);
  const patientId = found.items[0]!.id;
  const context = await newContext(browser, 'ja');
  const page = await context.newPage();
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, server.baseUrl, server.output(), 'demo.reception');
  const { password, secret } = demoLogin(server.output(), 'demo.reception');
  await page.goto(`${server.baseUrl}/patients/${patientId}/program-timeline`);
  await page.getByRole('heading', { name: 'この画面を表示する権限がありません' }).waitFor();
  const offer = page.getByRole('region', { name: '緊急アクセス（ブレークグラス）' });
  await offer.waitFor();
  assert.deepEqual(await axeViolations(page), [], 'axe on the emergency-access offer');
  const offerShot = shot('break-glass-offer-phone.png');
  if (offerShot) await page.screenshot({ path: offerShot, fullPage: true });
  await offer.getByLabel(/^理由/).fill('夜間に患者さんから希死念慮の電話。医師不在のため経過を確認する（テスト）。');
  await pause(6_000);
  await offer.getByRole('button', { name: '緊急アクセスを開始' }).click();
  const dialog = page.getByRole('dialog', { name: '本人確認' });
  await dialog.waitFor();
  await dialog.getByLabel(/^パスワード/).fill(password);
  await dialog.getByLabel(/^認証コード/).fill(await freshTotpCode(secret));
  await dialog.getByRole('button', { name: '確認して続ける' }).click();
  await page.getByRole('heading', { name: /経過タイムライン/ }).waitFor();
  const banner = page.getByRole('status').filter({ hasText: '緊急アクセス中' });
  await banner.waitFor();
  assert.deepEqual(await axeViolations(page), [], 'axe on a page under emergency access');
  const bannerShot = shot('break-glass-active-phone.png');
  if (bannerShot) await page.screenshot({ path: bannerShot });
  await banner.getByRole('button', { name: '終了する' }).click();
  await page.getByRole('heading', { name: 'この画面を表示する権限がありません' }).waitFor();
  await context.close();

  const adminContext = await newContext(browser, 'ja');
  const admin = await adminContext.newPage();
  await signIn(admin, server.baseUrl, server.output(), 'demo.admin');
  await admin.goto(`${server.baseUrl}/staff`);
  const report = admin.getByRole('region', { name: '緊急アクセスの記録' });
  await report.getByText(/希死念慮の電話/).waitFor();
  assert.match((await report.textContent()) ?? '', /受付 見守（デモ）/);
  assert.match((await report.textContent()) ?? '', /手動で終了/);
  assert.deepEqual(await axeViolations(admin), [], 'axe on the review report');
  await adminContext.close();
});
