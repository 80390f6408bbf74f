// The server health banner, in a real Chromium against the real server (demo clinic). One server
// is started with DISK_WARN_FREE_MB far above any real disk, so `/api/health` reports
// `disk_space_low` on every machine: the administrator sees the warning on the home page and on
// the other pages, in Japanese, with the free space in MB; a doctor does not (the health is not even
// asked). A second server warns below 0 MB (never): the administrator sees no banner. No serious
// or critical accessibility violation, on a phone and a desktop.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser, newContext } from './helpers/browser.ts';
import { signIn } from './helpers/demo-login.ts';
import { ensureWebBuild, root, startServer, type RunningServer } from './helpers/server.ts';

let low: RunningServer;
let healthy: RunningServer;
let browser: Browser;

before(async () => {
  ensureWebBuild();
  low = await startServer({ args: ['--demo'], env: { DISK_WARN_FREE_MB: '100000000' } });
  healthy = await startServer({ args: ['--demo'], env: { DISK_WARN_FREE_MB: '0' } });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await low?.stop();
  await healthy?.stop();
});

// With E2E_SCREENSHOTS=1 the banner is saved as docs/screenshots/admin-health-*.png.
const shot = (name: string) => (process.env.E2E_SCREENSHOTS === '1' ? join(root, 'docs/screenshots', name) : undefined);

const banner = (page: Page) => page.getByRole('main').getByRole('status').filter({ hasText: 'サーバーの状態に注意が必要です' });

/** Resolves with the first answer of `/api/health` the page receives. */
const healthAnswer = (page: Page) => page.waitForResponse((r) => new URL(r.url()).pathname === '/api/health');

test('an administrator is warned of low disk space on every page', { timeout: 180_000 }, async () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 360, height: 740 }]) {
    const context = await newContext(browser, 'ja');
    const page = await context.newPage();
    await page.setViewportSize(viewport);
    const answered = healthAnswer(page);
    await signIn(page, low.baseUrl, low.output(), 'demo.admin');
    const health = (await (await answered).json()) as { status: string; storage: { problems: string[]; disk: { freeBytes: number } } };
    assert.equal(health.status, 'degraded');
    assert.deepEqual(health.storage.problems, ['disk_space_low']);

    const b = banner(page);
    await b.waitFor();
    // One line, with the free space in MB as the server measured it (the disk may change a little meanwhile).
    const lines = await b.getByRole('listitem').allInnerTexts();
    assert.equal(lines.length, 1);
    const m = /^サーバーのディスクの空き容量が少なくなっています（残り (\d+) MB）。バックアップを確認し、空き容量を増やしてください。$/.exec(lines[0]!);
    assert.ok(m, lines[0]);
    assert.ok(Math.abs(Number(m[1]) - Math.floor(health.storage.disk.freeBytes / 2 ** 20)) < 100, lines[0]);
    assert.deepEqual(await axeViolations(page), [], `axe on the home page with the banner at ${viewport.width} px`);
    const file = shot(`admin-health-${viewport.width}.png`);
    if (file) await page.screenshot({ path: file, fullPage: true });

    if (viewport.width === 1280) {
      // Another page: the banner stays above it.
      await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '監査ログ' }).click();
      await page.getByRole('heading', { name: '監査ログ', level: 1 }).waitFor();
      await banner(page).waitFor();
      // And in English.
      await page.getByRole('button', { name: 'English' }).click();
      const en = page.getByRole('main').getByRole('status').filter({ hasText: 'The server needs attention' });
      await en.getByText(/^The server's disk is running out of free space \(\d+ MB left\)\. Check the backups and free up space\.$/).waitFor();
    }
    await context.close();
  }
});

test('a doctor is not shown the server health', { timeout: 120_000 }, async () => {
  const context = await newContext(browser, 'ja');
  const page = await context.newPage();
  let asked = 0;
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/api/health') asked += 1;
  });
  await signIn(page, low.baseUrl, low.output(), 'demo.doctor');
  await page.getByRole('heading', { name: 'ホーム', level: 1 }).waitFor();
  assert.equal(asked, 0, 'the page does not ask for the health');
  assert.equal(await banner(page).count(), 0);
  await context.close();
});

test('an administrator sees no banner while the server is healthy', { timeout: 120_000 }, async () => {
  const context = await newContext(browser, 'ja');
  const page = await context.newPage();
  const answered = healthAnswer(page);
  await signIn(page, healthy.baseUrl, healthy.output(), 'demo.admin');
  const health = (await (await answered).json()) as { status: string };
  assert.equal(health.status, 'ok');
  // The answer has been rendered (or not) by the time the next frame is drawn.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.equal(await banner(page).count(), 0);
  await context.close();
});
