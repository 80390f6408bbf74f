// The WEB問診 in a real Chromium at 360×740 against the real server: an adult and a guardian for
// a child go from the emailed link to submission, leaving half-way and resuming in a new browser
// context; bad input gets a clear message and keeps what was typed; markup stays text; the
// doctor's page shows the summary, the answers and the scores. Screenshots for docs/screenshots.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, launchBrowser } from './helpers/browser.ts';
import { ensureWebBuild, root } from './helpers/server.ts';
import { startIntakeHarness, type IntakeHarness, type StaffCookie } from './intake-harness.ts';

let h: IntakeHarness;
let browser: Browser;
let reception: StaffCookie;
let nurse: StaffCookie;
let doctor: StaffCookie;
const shots = join(root, 'docs/screenshots');
const SHOOT = process.env.INTAKE_SCREENSHOTS === '1';

before(async () => {
  ensureWebBuild();
  h = await startIntakeHarness();
  browser = await launchBrowser();
  reception = await h.staff('reception');
  nurse = await h.staff('nurse');
  doctor = await h.staff('doctor');
  mkdirSync(shots, { recursive: true });
});

after(async () => {
  await browser?.close();
  await h?.stop();
});

const phone = (lang: 'ja' | 'en' = 'ja'): Promise<BrowserContext> =>
  browser.newContext({
    locale: lang === 'en' ? 'en-US' : 'ja-JP',
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  });

async function newPatient(body: Record<string, unknown>): Promise<string> {
  const r = await h.call<{ patient: { id: string } }>(reception, 'POST', '/api/patients', {
    sex: 'female',
    acknowledgeDuplicates: true,
    ...body,
  });
  return r.patient.id;
}

async function sendIntake(patientId: string): Promise<{ intakeId: string; url: string }> {
  // A nurse may read the answers, so she is shown the link (reception's is mailed to the patient).
  const r = await h.call<{ intakeId: string; link: { url: string } }>(nurse, 'POST', `/api/patients/${patientId}/intakes`, {});
  return { intakeId: r.intakeId, url: r.link.url };
}

async function openLink(page: Page, url: string, lang: 'ja' | 'en' = 'ja'): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: lang === 'ja' ? '続ける' : 'Continue' }).click();
  await page.waitForURL(/\/p\/intake\//);
  await page.getByRole('heading', { level: 1 }).waitFor();
}

async function expectAccessible(page: Page, where: string): Promise<void> {
  assert.deepEqual(await axeViolations(page), [], `axe on ${where}`);
}

async function shoot(page: Page, name: string): Promise<void> {
  if (SHOOT) await page.screenshot({ path: join(shots, `intake-${name}.png`), fullPage: false });
}

/** A staff session made directly (the sign-in flow has its own test): the cookie is set on our origin. */
async function signIn(ctx: BrowserContext, s: StaffCookie): Promise<Page> {
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`${h.baseUrl}/p/`);
  await page.evaluate(([n, v]) => (document.cookie = `${n}=${v}; Path=/; Secure; SameSite=Strict`), [s.name, s.value]);
  return page;
}

const heading = (page: Page): Promise<string> => page.getByRole('heading', { level: 1 }).innerText();

/**
 * Answers whatever is still empty on the current screen with plausible values (the last option of
 * each choice, "no" to yes/no, the first box of a checklist), repeating while answers reveal more.
 */
async function fillScreen(page: Page, o: { birthDate?: string } = {}): Promise<void> {
  for (let round = 0; round < 4; round++) {
    const changed = await page.evaluate(async () => {
      // One click at a time, as a person would: each answer re-renders the screen.
      let n = 0;
      const form = document.querySelector('.intake__form')!;
      const radios = new Map<string, HTMLInputElement[]>();
      form.querySelectorAll<HTMLInputElement>('input[type=radio]').forEach((r) => radios.set(r.name, [...(radios.get(r.name) ?? []), r]));
      for (const [, group] of radios) {
        if (group.some((r) => r.checked)) continue;
        const last = group[group.length - 1]!;
        last.click();
        await new Promise((r) => setTimeout(r, 0));
        n++;
      }
      form.querySelectorAll<HTMLFieldSetElement>('fieldset.field').forEach((fs) => {
        const boxes = Array.from(fs.querySelectorAll<HTMLInputElement>(':scope > .choices input[type=checkbox]'));
        if (boxes.length && !boxes.some((b) => b.checked)) {
          boxes[0]!.click();
          n++;
        }
      });
      await new Promise((r) => setTimeout(r, 0));
      form.querySelectorAll<HTMLInputElement>('.choice--consent input[type=checkbox]').forEach((b) => {
        if (!b.checked) {
          b.click();
          n++;
        }
      });
      await new Promise((r) => setTimeout(r, 0));
      return n;
    });
    const inputs = page.locator('.intake__form input.input, .intake__form textarea.input');
    const count = await inputs.count();
    let typed = 0;
    for (let i = 0; i < count; i++) {
      const el = inputs.nth(i);
      if ((await el.inputValue()) !== '') continue;
      const id = (await el.getAttribute('id')) ?? '';
      const mode = (await el.getAttribute('inputmode')) ?? '';
      const type = (await el.getAttribute('type')) ?? '';
      const auto = (await el.getAttribute('autocomplete')) ?? '';
      const value =
        type === 'tel'
          ? '090-1234-5678'
          : auto === 'postal-code'
            ? '1500001'
            : auto === 'bday'
              ? (o.birthDate ?? '1990-06-15')
              : (await el.getAttribute('placeholder'))?.match(/1990/)
                ? '2024-04-01'
                : id.includes('birth_weeks')
                  ? '39'
                  : id.includes('birth_weight')
                    ? '3000'
                    : id.includes('months')
                      ? '12'
                      : id.includes('height_cm')
                        ? '160'
                        : id.includes('weight_kg')
                          ? '55'
                      : mode === 'decimal'
                        ? '1'
                        : id.includes('kana')
                          ? 'みまもり はなこ'
                          : 'テスト';
      await el.fill(value);
      typed++;
    }
    if (changed === 0 && typed === 0) return;
  }
}

/** Fills and confirms screens until the review screen. */
async function finishScreens(page: Page, o: { birthDate?: string; max?: number } = {}): Promise<void> {
  for (let i = 0; i < (o.max ?? 40); i++) {
    if ((await heading(page)).match(/入力内容の確認|Review/)) return;
    await fillScreen(page, o);
    const before = await heading(page);
    await page.locator('.intake__form button[type=submit]').click();
    await page.waitForFunction((h) => document.querySelector('h1')?.textContent !== h || document.querySelector('.error-summary'), before);
    const err = page.locator('.error-summary');
    if (await err.count()) assert.fail(`validation on "${before}": ${await err.innerText()}`);
  }
  assert.fail('did not reach the review screen');
}

test(
  'an adult: bad input gets clear messages and keeps what was typed; leave half-way, resume in a new browser, submit; the doctor sees summary and scores',
  { timeout: 240_000 },
  async () => {
    const patientId = await newPatient({
      nameKanji: '見守 花子',
      nameKana: 'ミマモリ ハナコ',
      birthDate: '1990-06-15',
      email: 'hanako@example.test',
    });
    const { intakeId, url } = await sendIntake(patientId);

    const ctxA = await phone('ja');
    const page = await ctxA.newPage();
    await openLink(page, url);
    await shoot(page, 'phone-ja-start');
    await expectAccessible(page, 'intake start');
    await page.getByRole('button', { name: 'はじめる' }).click();
    assert.equal(await heading(page), '受診される方について');

    // Bad input: an impossible date; kana typed in hiragana; a phone number with hyphens; markup as a name.
    await page.getByLabel(/受診される方のお名前/).fill('<b>見守</b> 花子');
    await page.getByLabel(/^フリガナ/).fill('みまもり はなこ');
    await page.getByLabel(/生年月日/).fill('1990-02-30');
    await fillScreen(page);
    await page.getByRole('button', { name: '次へ' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    assert.match(await summary.innerText(), /生年月日: 存在しない日付です。/);
    assert.equal(await page.getByLabel(/生年月日/).inputValue(), '1990-02-30', 'what was typed stays');
    assert.equal(await page.getByLabel(/生年月日/).getAttribute('aria-invalid'), 'true');
    await shoot(page, 'phone-ja-error');
    await expectAccessible(page, 'intake validation error');
    assert.equal(await page.getByLabel(/^フリガナ/).inputValue(), 'ミマモリ ハナコ', 'kana is accepted and shown as katakana');
    assert.equal(await page.getByLabel(/電話番号/).inputValue(), '+819012345678');
    await page.getByLabel(/生年月日/).fill('1990-06-15');
    await page.getByRole('button', { name: '次へ' }).click();
    await page.waitForFunction(() => document.querySelector('h1')?.textContent !== '受診される方について');
    // Who is answering (adults too).
    assert.equal(await heading(page), 'ご記入いただく方');
    await page.getByRole('radio', { name: '受診される本人' }).check();
    await page.getByRole('button', { name: '次へ' }).click();
    await page.waitForFunction(() => document.querySelector('h1')?.textContent !== 'ご記入いただく方');

    // The next screen, half-filled; the autosave keeps it when the phone is put away.
    const complaint = '<script>alert(1)</script> 眠れない';
    await page
      .getByLabel(/ご相談したいこと|いちばん困っていること|主訴|相談/)
      .first()
      .fill(complaint);
    await shoot(page, 'phone-ja-question');
    await page.waitForResponse((r) => r.url().includes('/answers') && r.request().method() === 'PUT', { timeout: 10_000 });
    await ctxA.close();

    // Another device: the same link resumes on the same screen with the text kept.
    const ctxB = await phone('ja');
    const page2 = await ctxB.newPage();
    await openLink(page2, url);
    await page2.getByRole('button', { name: '続きから入力する' }).click();
    // The complaint screen counts as done (its required answer is there), so it resumes on the next one.
    assert.equal(await heading(page2), 'いつから・どのように');
    await page2.getByRole('button', { name: '戻る' }).click();
    assert.equal(await heading(page2), 'いちばん困っていること');
    assert.equal(await page2.locator('textarea.input').first().inputValue(), complaint, 'the text typed on the other phone is there');
    await finishScreens(page2);
    await shoot(page2, 'phone-ja-review');
    await expectAccessible(page2, 'intake review');
    await page2.getByRole('button', { name: '送信する' }).click();
    await page2.getByRole('heading', { name: 'ありがとうございました' }).waitFor();
    // Every PHQ-9 answer was the last option (item 9 = 3): the crisis contacts show at once.
    await page2.locator('.crisis-panel').waitFor();
    assert.match(await page2.locator('.crisis-panel').innerText(), /119/);
    await shoot(page2, 'phone-ja-done');
    await expectAccessible(page2, 'intake done with crisis contacts');
    await ctxB.close();

    // The doctor's page.
    const staffCtx = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1280, height: 800 } });
    const sp = await signIn(staffCtx, doctor);
    await sp.goto(`${h.baseUrl}/intakes/${intakeId}`);
    const text = sp.getByTestId('intake-summary');
    await text.waitFor();
    const s = await text.innerText();
    assert.match(s, /【要確認】/);
    assert.match(s, /PHQ-9: 27点/, s);
    assert.match(s, /<script>alert\(1\)<\/script> 眠れない/, 'markup is shown as text');
    assert.equal(await sp.locator('main script, main b').count(), 0, 'no markup from the patient became elements');
    assert.match(await sp.getByTestId('score-phq9').innerText(), /27 \/ 27/);
    assert.match(await sp.getByTestId('score-gad7').innerText(), /21 \/ 21/);
    assert.match(await sp.locator('#intake-answers').locator('..').innerText(), /<b>見守<\/b> 花子/);
    await shoot(sp, 'staff-ja-view');
    await expectAccessible(sp, 'staff intake view');
    await sp.setViewportSize({ width: 360, height: 740 });
    await shoot(sp, 'staff-ja-view-phone');
    await expectAccessible(sp, 'staff intake view on a phone');
    await sp.setViewportSize({ width: 1280, height: 800 });
    await sp.getByRole('button', { name: 'English' }).first().click();
    assert.match(await text.innerText(), /PHQ-9: 27/);
    await staffCtx.close();
  },
);

test('a guardian for a child: the child screens appear, submit once, the doctor sees the answers', { timeout: 240_000 }, async () => {
  const patientId = await newPatient({
    nameKanji: '見守 陽太',
    nameKana: 'ミマモリ ヒナタ',
    birthDate: '2015-04-01',
    sex: 'male',
    guardians: [{ name: '見守 春子', relation: '母', email: 'haruko@example.test' }],
  });
  const { intakeId, url } = await sendIntake(patientId);
  const ctx = await phone('en');
  const page = await ctx.newPage();
  await openLink(page, url, 'en');
  await shoot(page, 'phone-en-start');
  await page.getByRole('button', { name: 'Start' }).click();
  await fillScreen(page, { birthDate: '2015-04-01' });
  await page.getByRole('button', { name: 'Next' }).click();
  await page.waitForFunction(() => /guardian|Guardian|you/i.test(document.querySelector('h1')?.textContent ?? ''));
  await shoot(page, 'phone-en-guardian');
  await expectAccessible(page, 'guardian screen (en)');
  // Half-way: close, and resume in a new context.
  await fillScreen(page, { birthDate: '2015-04-01' });
  await Promise.all([page.waitForResponse((r) => r.url().includes('/answers')), page.getByRole('button', { name: 'Next' }).click()]);
  await page.waitForFunction(() => !document.querySelector('.intake__form button[type=submit]')?.hasAttribute('disabled'));
  const at = await heading(page);
  await ctx.close();

  const ctx2 = await phone('en');
  const page2 = await ctx2.newPage();
  await openLink(page2, url, 'en');
  await page2.getByRole('button', { name: 'Continue where I left off' }).click();
  assert.equal(await heading(page2), at, 'resumes on the screen where they left');
  await finishScreens(page2, { birthDate: '2015-04-01' });
  await shoot(page2, 'phone-en-review');
  await page2.getByRole('button', { name: 'Send' }).click();
  await page2.getByRole('heading', { name: 'Thank you' }).waitFor();
  await page2.reload();
  await page2.getByRole('heading', { name: 'Thank you' }).waitFor();
  await ctx2.close();

  const staffCtx = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
  const sp = await signIn(staffCtx, doctor);
  await sp.addInitScript(() => localStorage.setItem('mimamori.lang', 'en'));
  await sp.goto(`${h.baseUrl}/intakes/${intakeId}`);
  await sp.getByTestId('intake-summary').waitFor();
  const body = await sp.locator('main').innerText();
  assert.match(body, /guardian/i);
  await shoot(sp, 'staff-en-view');
  await staffCtx.close();
});

test('an expired or foreign link shows a clear message', { timeout: 60_000 }, async () => {
  const a = await sendIntake(
    await newPatient({ nameKanji: '見守 一郎', nameKana: 'ミマモリ イチロウ', birthDate: '1980-01-01', sex: 'male' }),
  );
  const b = await sendIntake(
    await newPatient({ nameKanji: '見守 二郎', nameKana: 'ミマモリ ジロウ', birthDate: '1981-01-01', sex: 'male' }),
  );
  const ctx = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  await openLink(page, a.url);
  await shoot(page, 'desktop-ja-start');
  await page.getByRole('button', { name: 'はじめる' }).click();
  await shoot(page, 'desktop-ja-question');
  await page.goto(`${h.baseUrl}/p/intake/${b.intakeId}`);
  await page.getByText('このページは別の方の問診です').waitFor();
  await page.goto(`${h.baseUrl}/p/l/${'x'.repeat(43)}`);
  await page.getByRole('heading', { name: 'このリンクは使えません' }).waitFor({ timeout: 60_000 });
  await ctx.close();
});

test('reception sends the intake by email only (no link or QR code to hold) and cannot open the answers; a nurse is shown the link; an admin opens the form editor', { timeout: 120_000 }, async () => {
  const patientId = await newPatient({ nameKanji: '見守 三郎', nameKana: 'ミマモリ サブロウ', birthDate: '1979-03-03', sex: 'male', email: 'saburo@example.test' });
  const ctx = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1280, height: 800 } });
  const page = await signIn(ctx, reception);
  await page.goto(`${h.baseUrl}/patients/${patientId}/intake`);
  await page.getByText('リンクは患者さんにメールでお送りします').waitFor();
  await page.getByRole('button', { name: '問診を送る' }).click();
  await page.getByText('メールまたは LINE で送信待ちに入れました').waitFor();
  await page.getByRole('cell', { name: '送信済み' }).waitFor();
  assert.equal(await page.getByRole('textbox', { name: '患者さん用リンク' }).count(), 0);
  assert.equal(await page.getByRole('img', { name: /QRコード/ }).count(), 0);
  assert.equal(await page.getByRole('link', { name: '回答を見る' }).count(), 0);
  await shoot(page, 'staff-ja-send');
  await expectAccessible(page, 'send the intake');
  await page.setViewportSize({ width: 360, height: 740 });
  await expectAccessible(page, 'send the intake (360 px)');
  await ctx.close();

  const nctx = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1280, height: 800 } });
  const np = await signIn(nctx, nurse);
  await np.goto(`${h.baseUrl}/patients/${patientId}/intake`);
  await np.getByRole('button', { name: 'リンクを再発行' }).click();
  const url = np.getByRole('textbox', { name: '患者さん用リンク' });
  await url.waitFor();
  assert.match(await url.inputValue(), /\/p\/l\/[A-Za-z0-9_-]{43}$/);
  assert.ok(await np.getByRole('img', { name: /QRコード/ }).isVisible());
  await expectAccessible(np, 'a nurse sends the intake');
  await nctx.close();

  const admin = await h.staff('admin');
  const actx = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1280, height: 800 } });
  const ap = await signIn(actx, admin);
  await ap.goto(`${h.baseUrl}/intake`);
  await ap.getByRole('heading', { name: '問診票の編集' }).waitFor();
  await ap.getByRole('button', { name: '検証' }).click();
  await ap.getByText('問題はありません。').waitFor();
  await expectAccessible(ap, 'form editor');
  await shoot(ap, 'staff-ja-editor');
  await actx.close();
});
