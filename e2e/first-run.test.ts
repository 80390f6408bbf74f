// The first-run story in a real Chromium against the real server on a fresh database:
// setup link → first administrator → TOTP enrolment → register a patient → find them by kana →
// invite a colleague, verify the audit chain → log out. Along the way: no serious accessibility
// violation, no CSP violation, and no request to any origin but our own.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser, newContext } from './helpers/browser.ts';
import { ensureWebBuild, startServer, type RunningServer } from './helpers/server.ts';
import { totpCode } from './helpers/totp.ts';
import { e2eNow } from './helpers/clock.ts';

let server: RunningServer;
let browser: Browser;

before(async () => {
  ensureWebBuild();
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

function watch(page: Page, baseUrl: string): { foreign: string[]; cspErrors: string[] } {
  const seen = { foreign: [] as string[], cspErrors: [] as string[] };
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(baseUrl) && !url.startsWith('data:')) seen.foreign.push(url);
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) seen.cspErrors.push(m.text());
  });
  return seen;
}

async function expectAccessible(page: Page, where: string): Promise<void> {
  assert.deepEqual(await axeViolations(page), [], `axe on ${where}`);
}

/** Waits into the next 30-second TOTP step when the current one has been used (codes are single-use). */
async function freshCode(secret: string, used: Set<string>): Promise<string> {
  for (;;) {
    const code = totpCode(secret, e2eNow());
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

test('first-run setup, TOTP enrolment, register a patient, find them by kana, log out', { timeout: 300_000 }, async () => {
  const link = /(https?:\/\/\S+\/setup\?token=[A-Za-z0-9_-]+)/.exec(server.output())?.[1];
  assert.ok(link, `the server prints a setup link:\n${server.output()}`);
  assert.match(server.output(), /valid until \d{4}-\d{2}-\d{2} \d{2}:\d{2} \(Asia\/Tokyo, UTC\+09:00\)/, 'the expiry on the clinic clock, zone named');

  const context = await newContext(browser, 'ja');
  const page = await context.newPage();
  const seen = watch(page, server.baseUrl);

  // 1. Setup: the first administrator.
  await page.goto(link);
  await page.getByRole('heading', { name: '初期設定' }).waitFor();
  assert.ok(!page.url().includes('token='), 'the one-time token leaves the address bar');
  await expectAccessible(page, 'setup');
  await page.getByLabel('クリニック名').fill('見守りテストクリニック');
  await page.getByLabel(/^ログインID/).fill('admin.yamada');
  await page.getByLabel(/^氏名/).fill('山田 管理者');
  await page.getByLabel(/^新しいパスワード/).fill('correct horse battery staple');
  await page.getByLabel(/^パスワード（確認）/).fill('correct horse battery staple');
  await page.getByRole('button', { name: /認証アプリの登録/ }).click();

  // 2. TOTP enrolment: the QR is an image, the key is shown for typing.
  await page.getByRole('heading', { name: '認証アプリの登録' }).waitFor();
  const qr = page.getByRole('img', { name: /QRコード/ });
  assert.match((await qr.getAttribute('src')) ?? '', /^data:image\/svg\+xml/);
  const secret = ((await page.locator('.secret code').textContent()) ?? '').replace(/\s+/g, '');
  assert.match(secret, /^[A-Z2-7]{16,}$/);
  await expectAccessible(page, 'enrolment');
  const used = new Set<string>();
  await page.getByLabel(/^認証コード/).fill(await freshCode(secret, used));
  await page.getByRole('button', { name: '登録してログイン' }).click();
  await page.getByRole('heading', { name: 'ホーム', level: 1 }).waitFor();
  assert.ok(await page.getByText('見守りテストクリニック').first().isVisible(), 'the clinic name is in the header');
  await expectAccessible(page, 'dashboard');

  // 3. Register a patient (a minor, so the guardian section appears).
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '患者', exact: true }).click();
  await page.getByRole('link', { name: '新規患者登録' }).click();
  await page.getByRole('heading', { name: '新規患者登録', level: 1 }).waitFor();
  await page.getByLabel(/^氏名（漢字）/).fill('鈴木 花子');
  await page.getByLabel(/^フリガナ/).fill('スズキ ハナコ');
  await page.getByLabel(/^生年月日/).fill('2012-05-05');
  await page.getByLabel(/^性別/).selectOption('female');
  await page.getByText('18歳未満のため、保護者を登録してください。').waitFor();
  await page.getByLabel(/^保護者氏名/).fill('鈴木 一郎');
  await page.getByLabel(/^続柄/).fill('父');
  await expectAccessible(page, 'register patient');
  await page.getByRole('button', { name: '登録する' }).click();
  await page.getByText(/登録しました。診察券番号は/).waitFor();
  const banner = page.getByRole('region', { name: '表示中の患者' });
  assert.match((await banner.textContent()) ?? '', /鈴木 花子/);
  assert.match((await banner.textContent()) ?? '', /スズキ ハナコ/);
  assert.match((await banner.textContent()) ?? '', /2012年5月5日/);
  await expectAccessible(page, 'patient detail');

  // 4. Find them by kana typed in hiragana.
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '患者', exact: true }).click();
  await page.getByLabel('患者検索').fill('すずき');
  await page.getByRole('link', { name: /鈴木 花子/ }).waitFor();
  assert.equal(await page.getByRole('link', { name: /鈴木 花子/ }).count(), 1);
  await expectAccessible(page, 'patient list');

  // 5. Administration: invite a nurse (one-time link shown once), and the audit chain verifies.
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'スタッフ管理' }).click();
  await page.getByLabel(/^ログインID/).fill('nurse.sato');
  await page.getByLabel(/^氏名/).fill('佐藤 看護師');
  await page.getByRole('button', { name: '招待リンクを作成' }).click();
  assert.match(await page.getByLabel('設定用リンク').inputValue(), /\/invite\?token=[A-Za-z0-9_-]{20,}$/);
  await page.getByRole('cell', { name: '佐藤 看護師 nurse.sato' }).waitFor();
  await expectAccessible(page, 'staff admin');
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '監査ログ' }).click();
  // Actions and people read as words, not codes and ids.
  await page.getByRole('cell', { name: '患者を登録' }).first().waitFor();
  await page.getByRole('cell', { name: /スタッフ 佐藤 看護師/ }).first().waitFor();
  await page.getByRole('button', { name: 'ハッシュチェーンを検証' }).click();
  await page.getByText(/改ざんは見つかりませんでした/).waitFor();
  await expectAccessible(page, 'audit log');

  // Nothing about patients (or the session) is kept in browser storage.
  const stored = await page.evaluate(() => Object.keys(localStorage).concat(Object.keys(sessionStorage)));
  assert.ok(
    stored.every((k) => k === 'mimamori.lang'),
    `browser storage holds only the language: ${stored.join(', ')}`,
  );

  // 6. Log out: the session is gone, patient pages lead to login.
  await page.getByRole('button', { name: 'ログアウト' }).click();
  await page.getByRole('heading', { name: 'ログイン' }).waitFor();
  await expectAccessible(page, 'login');
  await page.goto(`${server.baseUrl}/patients`);
  await page.getByRole('heading', { name: 'ログイン' }).waitFor();
  assert.ok(new URL(page.url()).pathname === '/login');

  assert.deepEqual(seen.foreign, [], 'no request leaves our origin');
  assert.deepEqual(seen.cspErrors, [], 'nothing is blocked by the CSP');
  await context.close();
});

test('the patient entry answers at /p/ with a language switch and a friendly invalid-link page', { timeout: 120_000 }, async () => {
  const context = await newContext(browser, 'ja');
  const page = await context.newPage();
  const seen = watch(page, server.baseUrl);
  await page.goto(`${server.baseUrl}/p/link-invalid`);
  await page.getByRole('heading', { name: 'このリンクは使えません' }).waitFor();
  await expectAccessible(page, 'patient invalid link');
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'This link cannot be used' }).waitFor();
  // The page sets <html lang> in an effect after it renders the new text: wait for it, then check.
  await page.waitForFunction(() => document.documentElement.lang === 'en', undefined, { timeout: 5_000 }).catch(() => undefined);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  // Only the language is stored in the browser.
  const stored = await page.evaluate(() => Object.keys(localStorage).concat(Object.keys(sessionStorage)));
  assert.deepEqual(stored, ['mimamori.lang']);
  assert.deepEqual(seen.foreign, []);
  assert.deepEqual(seen.cspErrors, []);
  await context.close();
});
