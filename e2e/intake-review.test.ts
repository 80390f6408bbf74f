// The WEB問診's traps found on a phone (360 px), each as it was met: the birth-date hint says
// 「19900615 も可」 and that input was refused; a missing choice said 「入力してください」; the review
// showed only 「入力済み」; fixing one answer from the review took a tap of 「次へ」 per screen; the
// clinic's name broke mid-word (「クリニッ／ク」) beside the language buttons.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser } from './helpers/browser.ts';
import { ensureWebBuild } from './helpers/server.ts';
import { finishScreens, heading } from './helpers/intake-fill.ts';
import { startIntakeHarness, type IntakeHarness } from './intake-harness.ts';

let h: IntakeHarness;
let browser: Browser;

before(async () => {
  ensureWebBuild();
  h = await startIntakeHarness();
  browser = await launchBrowser();
  await h.db.db.updateTable('clinics').set({ name: '見守りメンタルクリニック（デモ）' }).where('id', '=', h.clinicId).execute();
});

after(async () => {
  await browser?.close();
  await h?.stop();
});

async function openIntake(): Promise<Page> {
  const nurse = await h.staff('nurse');
  const pid = (
    await h.call<{ patient: { id: string } }>(nurse, 'POST', '/api/patients', {
      nameKanji: '見守 花子',
      nameKana: 'ミマモリ ハナコ',
      birthDate: '1990-06-15',
      sex: 'female',
      acknowledgeDuplicates: true,
    })
  ).patient.id;
  const sent = await h.call<{ link: { url: string } }>(nurse, 'POST', `/api/patients/${pid}/intakes`, {});
  const ctx = await browser.newContext({ locale: 'ja-JP', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const page = await ctx.newPage();
  await page.goto(sent.link.url);
  await page.getByRole('button', { name: '続ける' }).click();
  await page.waitForURL(/\/p\/intake\//);
  await page.getByRole('button', { name: 'はじめる' }).click();
  assert.equal(await heading(page), '受診される方について');
  return page;
}

const answerOf = (page: Page, label: string) => page.locator('.review__answer').filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) });

test('birth date as the hint says (19900615, full-width too); a missing choice asks to choose', { timeout: 120_000 }, async () => {
  const page = await openIntake();
  assert.match(await page.locator('body').innerText(), /19900615 も可/, 'the hint is the one that promised it');
  // The clinic's name at 360 px: its words stay whole (a line may end only before 「（」).
  const name = page.locator('.header__clinic');
  assert.equal(await name.innerText(), '見守りメンタルクリニック（デモ）');
  const lines = await name.evaluate((el) => {
    const text = el.firstChild as Text;
    const tops = new Map<number, string>();
    for (let i = 0; i < text.length; i++) {
      const r = document.createRange();
      r.setStart(text, i);
      r.setEnd(text, i + 1);
      const top = Math.round(r.getBoundingClientRect().top);
      tops.set(top, (tops.get(top) ?? '') + text.data[i]);
    }
    return [...tops.values()];
  });
  assert.ok(lines.length === 1 || (lines.length === 2 && lines[0] === '見守りメンタルクリニック'), `broke as ${lines.join(' / ')}`);
  await page.getByLabel(/受診される方のお名前/).fill('見守 花子');
  await page.getByLabel(/^フリガナ/).fill('ミマモリ ハナコ');
  await page.getByLabel(/生年月日/).fill('１９９００６１５');
  await page.getByLabel(/電話番号/).fill('090-1234-5678');
  await page.getByRole('button', { name: '次へ' }).click();
  const summary = page.locator('.error-summary');
  await summary.waitFor();
  const text = await summary.innerText();
  assert.match(text, /性別: 選択してください。/);
  assert.doesNotMatch(text, /生年月日/, 'the eight digits are a date');
  assert.equal(await page.getByLabel(/生年月日/).inputValue(), '1990-06-15', 'shown back as the date it was read as');
  await page.getByLabel('女性', { exact: true }).check();
  await page.getByRole('button', { name: '次へ' }).click();
  await page.waitForFunction(() => document.querySelector('h1')?.textContent !== '受診される方について');
  await page.context().close();
});

test('the review shows the answers; one tap on an answer opens its question, one tap comes back', { timeout: 240_000 }, async () => {
  const page = await openIntake();
  await page.getByLabel(/受診される方のお名前/).fill('見守 花子');
  await page.getByLabel(/^フリガナ/).fill('ミマモリ ハナコ');
  await page.getByLabel(/生年月日/).fill('19900615');
  await page.getByLabel(/電話番号/).fill('090-1234-5678');
  await page.getByLabel('女性', { exact: true }).check();
  await finishScreens(page);

  // The answers as the patient chose them: the option's label, not its id; the date as read.
  assert.equal(await answerOf(page, '性別').locator('.review__value').innerText(), '女性');
  assert.equal(await answerOf(page, '生年月日').locator('.review__value').innerText(), '1990-06-15');
  assert.equal(await answerOf(page, '電話番号').locator('.review__value').innerText(), '090-1234-5678');
  assert.doesNotMatch(await page.locator('.review').innerText(), /\bfemale\b|\bno_answer\b/);
  assert.deepEqual(await axeViolations(page), [], 'axe on the review');

  // Fix one answer: tap it, change it, back to the review — two taps, not one per screen.
  await answerOf(page, '性別').getByRole('button').click();
  assert.equal(await heading(page), '受診される方について');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'q-sex', 'the question is brought into view');
  await page.getByLabel('男性', { exact: true }).check();
  await page.getByRole('button', { name: '確認画面に戻る' }).click();
  await page.waitForFunction(() => document.querySelector('h1')?.textContent === '入力内容の確認');
  assert.equal(await answerOf(page, '性別').locator('.review__value').innerText(), '男性');

  // A screen reached with 「次へ」 as usual has no such button.
  await page.getByRole('button', { name: '戻る', exact: true }).click();
  assert.equal(await page.getByRole('button', { name: '確認画面に戻る' }).count(), 0);
  await page.context().close();
});
