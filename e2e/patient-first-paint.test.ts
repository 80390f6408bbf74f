// The patient pages draw their first screen from the HTML, before any script (a slow phone sees
// text after one round trip): the sign-in form and the WEB問診 welcome are in the answer, the
// page's own chunks are named for preloading, the inline style is allowed by its hash, and Preact's
// first render takes those elements over (the same nodes) instead of drawing the page again.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './helpers/browser.ts';
import { ensureWebBuild } from './helpers/server.ts';
import { startIntakeHarness, type IntakeHarness } from './intake-harness.ts';

let h: IntakeHarness;
let browser: Browser;

before(async () => {
  ensureWebBuild();
  h = await startIntakeHarness();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await h?.stop();
});

const phone = async (javaScriptEnabled = true): Promise<Page> => {
  const ctx = await browser.newContext({ locale: 'ja-JP', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, javaScriptEnabled });
  const page = await ctx.newPage();
  const csp: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) csp.push(m.text());
  });
  page.on('pageerror', (e) => csp.push(e.message));
  (page as Page & { problems: string[] }).problems = csp;
  return page;
};

/** Marks every element of `main` as the HTML drew it, before any script runs. */
const MARK = (): void => {
  document.addEventListener('DOMContentLoaded', () => {
    for (const el of Array.from(document.querySelectorAll('main *'))) (el as Element & { __fromHtml?: boolean }).__fromHtml = true;
  });
};

test('the sign-in page: form in the HTML, chunks preloaded, style allowed by hash; the app keeps those elements', async () => {
  const res = await fetch(`${h.baseUrl}/p/signin`);
  const html = await res.text();
  assert.equal(res.status, 200);
  assert.match(html, /<form novalidate><p>診察券番号と生年月日を入力してください。/);
  assert.match(html, /<meta name="mm-session" content="none">/);
  assert.match(html, /<link rel="modulepreload" crossorigin href="\/p\/assets\/my-appointments-page-[\w-]+\.js">/);
  assert.doesNotMatch(html, /rel="stylesheet"/, 'the stylesheet is written into the page');
  assert.match(res.headers.get('content-security-policy') ?? '', /style-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
  assert.match(res.headers.get('cache-control') ?? '', /no-store/);

  // Without JavaScript the form and its labels are there and styled.
  const bare = await phone(false);
  await bare.goto(`${h.baseUrl}/p/signin`);
  assert.equal(await bare.getByRole('heading', { level: 1 }).innerText(), '予約の確認・変更');
  assert.equal(await bare.getByLabel('診察券番号').count(), 1);
  const pad = await bare.locator('.header').evaluate((el) => getComputedStyle(el).display);
  assert.notEqual(pad, 'inline', 'the inline stylesheet applies');
  await bare.context().close();

  const page = await phone();
  await page.addInitScript(MARK);
  await page.goto(`${h.baseUrl}/p/signin`);
  // The app is live: typing reaches its state and the button's handler runs (the required check).
  await page.getByLabel('生年月日').fill('1990-06-15');
  await page.getByRole('button', { name: '確認コードを送る' }).click();
  await page.locator('.appt-error').waitFor();
  assert.equal(await page.locator('main form > p').first().evaluate((el) => (el as Element & { __fromHtml?: boolean }).__fromHtml === true), true, 'the intro paragraph is the HTML’s node');
  assert.deepEqual((page as Page & { problems: string[] }).problems, []);
  await page.context().close();
});

test('the WEB問診 page: the welcome is in the HTML and stays the same node when the form has loaded', async () => {
  const nurse = await h.staff('nurse');
  const pid = (
    await h.call<{ patient: { id: string } }>(nurse, 'POST', '/api/patients', { nameKanji: '見守 花子', nameKana: 'ミマモリ ハナコ', birthDate: '1990-06-15', sex: 'female' })
  ).patient.id;
  const sent = await h.call<{ intakeId: string; link: { url: string } }>(nurse, 'POST', `/api/patients/${pid}/intakes`, { email: false });
  const page = await phone();
  await page.goto(sent.link.url);
  await page.getByRole('button', { name: '続ける' }).click();
  await page.waitForURL(/\/p\/intake\//);
  const html = await page.evaluate(async (u) => (await fetch(u)).text(), `${h.baseUrl}/p/intake/${sent.intakeId}`);
  assert.ok(/<section class="intake" aria-busy="true"><h1 tabindex="-1">[^<]+<\/h1><p>/.test(html), 'the welcome is in the HTML');
  assert.ok(/href="\/p\/assets\/intake-page-[\w-]+\.js"/.test(html), 'the intake chunk is preloaded');
  await page.addInitScript(MARK);
  await page.goto(`${h.baseUrl}/p/intake/${sent.intakeId}`);
  await page.getByRole('button', { name: /はじめる|始める|続きから/ }).waitFor();
  assert.equal(await page.locator('section.intake > p').first().evaluate((el) => (el as Element & { __fromHtml?: boolean }).__fromHtml === true), true);
  assert.deepEqual((page as Page & { problems: string[] }).problems, []);
  await page.context().close();
});
