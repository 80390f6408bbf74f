// The patient's front door on a 360×740 phone against the demo server: the public clinic page
// (no login, no JavaScript needed) shows the hours from the booking calendar; the recruitment page
// states the 限定解除 items; a prospective participant applies; reception sees the application
// in the queue and marks the screening visit booked. axe on every page, under the app's CSP.
// Screenshots of the queue and the editors with E2E_SCREENSHOTS=1.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser, newContext } from './helpers/browser.ts';
import { signIn } from './helpers/demo-login.ts';
import { ensureWebBuild, root, startServer, type RunningServer } from './helpers/server.ts';

let server: RunningServer;
let browser: Browser;
const shots = join(root, 'docs/screenshots');
const SHOOT = process.env.E2E_SCREENSHOTS === '1';

before(async () => {
  ensureWebBuild();
  server = await startServer({ args: ['--demo'] });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function expectAccessible(page: Page, what: string): Promise<void> {
  assert.deepEqual(await axeViolations(page), [], what);
}

test('on a phone: read the hours, open the recruitment page, apply; reception books the screening visit', async () => {
  const base = server.baseUrl;
  const ctx = await newContext(browser);
  const phone = await ctx.newPage();
  await phone.setViewportSize({ width: 360, height: 740 });
  await phone.goto(`${base}/p/`);
  await phone.getByRole('heading', { level: 1, name: '見守りメンタルクリニック（デモ）' }).waitFor();
  // The hours table, read from the scheduling calendar: Monday morning 09:00–13:00, Tuesday closed.
  const table = phone.getByRole('table');
  const morning = table.getByRole('row', { name: /午前/ });
  assert.match(await morning.innerText(), /09:00\s*–13:00/);
  assert.match(await morning.innerText(), /休診/);
  await phone.getByText('祝日は休診です。').waitFor();
  await phone.getByText(/年末年始（12月29日〜1月3日）は休診です。/).waitFor();
  // The clinic name does not break mid-word at 360 px and nothing is wider than the screen.
  assert.ok(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no horizontal scroll');
  await expectAccessible(phone, 'public page');

  await phone.getByRole('link', { name: 'TMS治療モニタープログラム（うつ）参加者の募集' }).click();
  await phone.getByRole('heading', { level: 1, name: /参加者の募集/ }).waitFor();
  for (const item of ['治療の内容', '費用の総額（税込）', '主なリスク・副作用', 'お問い合わせ先', '医薬品副作用被害救済制度について']) await phone.getByText(item, { exact: true }).waitFor();
  await expectAccessible(phone, 'recruitment page');

  await phone.getByRole('link', { name: 'お問い合わせ' }).click();
  await phone.getByLabel(/^お名前/).fill('見本 申込');
  await phone.getByLabel(/^電話番号/).fill('090-4444-0001');
  await phone.getByLabel(/^年齢/).fill('29');
  await phone.getByLabel(/^いちばん困っていること/).fill('気分の落ち込みが半年続いています');
  await phone.getByLabel(/連絡を受けることに同意します/).check();
  await expectAccessible(phone, 'application form');
  // A person needs a few seconds: the server refuses forms sent faster (time-to-submit).
  await phone.waitForTimeout(3200);
  await phone.getByRole('button', { name: '送信する' }).click();
  await phone.getByRole('heading', { level: 1, name: 'お申し込みを受け付けました' }).waitFor();
  await ctx.close();

  const staffCtx = await newContext(browser);
  const staff = await staffCtx.newPage();
  await signIn(staff, base, server.output(), 'demo.reception');
  await staff.getByRole('navigation').getByRole('link', { name: '募集申込' }).click();
  const card = staff.locator('li.card', { hasText: '見本 申込' });
  await card.waitFor();
  await card.getByText('（医師・看護師のみ表示）').waitFor();
  await expectAccessible(staff, 'queue');
  if (SHOOT) {
    await staff.screenshot({ path: join(shots, 'recruitment-queue-desktop-ja.png'), fullPage: true });
    await staff.setViewportSize({ width: 360, height: 740 });
    await staff.screenshot({ path: join(shots, 'recruitment-queue-phone-ja.png'), fullPage: true });
    await staff.setViewportSize({ width: 1280, height: 800 });
  }
  await card.getByRole('button', { name: '折り返し連絡した' }).click();
  await card.getByText('連絡済み').first().waitFor();
  // The screening visit, booked from the queue: a first visit for the applicant (registered as a
  // patient), recorded on the application; the queue then shows the visit.
  await card.getByRole('link', { name: '初診を予約する' }).click();
  await staff.getByRole('heading', { name: '新規予約', level: 1 }).waitFor();
  // The applicant is registered from the application: name and phone are filled in, staff check
  // them and add the kana and the date of birth; then the booking goes on with the new patient.
  await staff.getByRole('link', { name: /応募者を新規患者として登録/ }).click();
  await staff.getByRole('heading', { name: '新規患者登録', level: 1 }).waitFor();
  await staff.getByText('募集の応募から入力しました').waitFor();
  assert.equal(await staff.getByLabel(/^氏名（漢字）/).inputValue(), '見本 申込');
  assert.equal(await staff.getByLabel(/^電話番号/).first().inputValue(), '090-4444-0001');
  await staff.getByLabel(/^フリガナ/).fill('ミホン モウシコミ');
  await staff.getByLabel(/^生年月日/).fill('1997-04-01');
  await staff.getByLabel(/^性別/).selectOption('female');
  await expectAccessible(staff, 'register the applicant');
  await staff.getByRole('button', { name: '登録する' }).click();
  await staff.getByRole('heading', { name: '新規予約', level: 1 }).waitFor();
  await staff.getByText('ミホン モウシコミ').waitFor();
  await staff.getByLabel('サービス', { exact: true }).selectOption('shoshin');
  const slot = staff.getByRole('button', { name: / \d{2}:\d{2} を選ぶ$/ }).first();
  await slot.waitFor();
  await slot.click();
  await staff.getByRole('button', { name: '予約する', exact: true }).click();
  await staff.getByText('この予約を募集申込のスクリーニング受診として記録しました。').waitFor();
  // The appointment's own page names the application and leads to it in the queue.
  await staff.getByRole('link', { name: '予約を開く' }).click();
  await staff.getByText('募集からの応募').waitFor();
  await staff.getByRole('link', { name: /tms-depression の応募/ }).click();
  await staff.getByRole('heading', { level: 1, name: '募集への申し込み' }).waitFor();
  // Opened for one application, the queue shows every step (a booked one is no longer open) and marks it.
  assert.equal(await staff.getByRole('checkbox').first().isChecked(), true);
  const booked = staff.locator('li.card[aria-current="true"]', { hasText: '見本 申込' });
  await booked.getByText('初診（スクリーニング）の予約').waitFor();
  await booked.getByRole('link', { name: /\d{2}:\d{2}/ }).waitFor();
  await staff.getByRole('table').getByRole('row', { name: /tms-depression/ }).waitFor();
  // The demo's own applications are counted too: the booked column holds at least this one.
  const bookedCell = staff.getByRole('table').getByRole('row', { name: /tms-depression/ }).getByRole('cell').nth(2);
  assert.ok(Number(await bookedCell.innerText()) >= 1, await bookedCell.innerText());
  await staffCtx.close();
});

test('the administrator edits the public page; the recruitment editor names what is missing and warns on wording', async () => {
  const base = server.baseUrl;
  const ctx = await newContext(browser);
  const page = await ctx.newPage();
  await signIn(page, base, server.output(), 'demo.admin');
  await page.getByRole('navigation').getByRole('link', { name: '公開ページ' }).click();
  await page.getByRole('heading', { level: 1, name: '公開ページ' }).waitFor();
  const notice = page.getByLabel('お知らせ（ページの上に表示）（日本語）');
  await notice.fill('12月26日（土）は午前のみの診療です。');
  await page.getByRole('button', { name: '保存して公開' }).click();
  await page.getByText('第2版として保存しました。').waitFor();
  await expectAccessible(page, 'site editor');
  if (SHOOT) await page.screenshot({ path: join(shots, 'public-site-editor-desktop-ja.png') });
  const pub = await ctx.newPage();
  await pub.goto(`${base}/p/`);
  await pub.getByText('12月26日（土）は午前のみの診療です。').waitFor();
  await pub.close();

  await page.getByRole('link', { name: 'TMS治療モニタープログラム（うつ）' }).click();
  await page.getByRole('heading', { level: 1, name: '募集ページの編集' }).waitFor();
  await page.getByText(/第1版を公開中です/).waitFor();
  await page.getByLabel('見出し（日本語）').fill('モニター割引で必ず良くなる');
  await page.getByLabel('医薬品副作用被害救済制度の対象外であること（English）').fill('');
  const warnings = page.getByRole('alert');
  await warnings.getByText('「モニター割引」').first().waitFor();
  await warnings.getByText('「必ず」').first().waitFor();
  await page.getByText('公開に必要な項目が1件不足しています。').waitFor();
  assert.equal(await page.getByRole('button', { name: '公開する' }).isDisabled(), true);
  await expectAccessible(page, 'recruitment editor');
  if (SHOOT) await page.screenshot({ path: join(shots, 'recruitment-editor-desktop-ja.png'), fullPage: true });
  await ctx.close();
});

test('in English and on a phone: the queue and both editors read well and pass axe', async () => {
  const base = server.baseUrl;
  const ctx = await newContext(browser);
  const page = await ctx.newPage();
  await signIn(page, base, server.output(), 'demo.admin');
  const views = [
    // The open queue: the demo's applicants still waiting for a call or a booking.
    { path: '/applications', name: 'recruitment-queue', ready: async () => void (await page.locator('li.card').first().waitFor()) },
    { path: '/public-site', name: 'public-site-editor', ready: async () => void (await page.getByRole('heading', { level: 1 }).waitFor()) },
    { path: '/public-site/recruitment/tms-depression', name: 'recruitment-editor', ready: async () => void (await page.getByRole('heading', { level: 1 }).waitFor()) },
  ];
  for (const lang of ['ja', 'en'] as const) {
    await page.evaluate((l) => localStorage.setItem('mimamori.lang', l), lang);
    for (const v of views) {
      for (const size of [{ w: 1280, h: 800, tag: 'desktop' }, { w: 360, h: 740, tag: 'phone' }]) {
        await page.setViewportSize({ width: size.w, height: size.h });
        await page.goto(`${base}${v.path}`);
        await v.ready();
        if (lang === 'en') assert.doesNotMatch(await page.getByRole('heading', { level: 1 }).innerText(), /[ぁ-んァ-ヶ一-龠]/, `${v.name} is in English`);
        await expectAccessible(page, `${v.name} ${lang} ${size.tag}`);
        const scrollX = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(scrollX <= 1, `${v.name} ${lang} ${size.tag}: the page does not scroll sideways (${scrollX}px)`);
        if (SHOOT) await page.screenshot({ path: join(shots, `${v.name}-${size.tag}-${lang}.png`), fullPage: size.tag === 'desktop' });
      }
    }
  }
  await ctx.close();
});
