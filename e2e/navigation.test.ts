// Finding one's way, in a real Chromium against the real server (demo clinic):
//   - reception: the sign-in page and the pages after it make no failed request; home says who sees
//     safety alerts instead of "no alerts"; the patient page lists past and upcoming appointments and
//     books with the patient chosen; 新規患者登録 from the booking page comes back to the booking with
//     the new patient, the service and the time kept;
//   - the administrator finds 診療時間・休診設定 in the menu;
//   - the doctor sees the intake view flag a sex the register holds differently (no request with an
//     empty id), program participants by name, and Japanese month names on the score timeline;
//   - English pages name a holiday in English.
// With E2E_SCREENSHOTS=1 the pages are saved in docs/screenshots/ (desktop and 360 px).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser, newContext } from './helpers/browser.ts';
import { apiAs, signIn } from './helpers/demo-login.ts';
import { ensureWebBuild, root, startServer, type RunningServer } from './helpers/server.ts';

let server: RunningServer;
let browser: Browser;

before(async () => {
  ensureWebBuild();
  server = await startServer({ args: ['--demo'] });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const shots = process.env.E2E_SCREENSHOTS === '1';

/** Desktop and phone screenshots of the page as it is, when asked for. */
async function shoot(page: Page, name: string): Promise<void> {
  if (!shots) return;
  await page.screenshot({ path: join(root, 'docs/screenshots', `${name}-1280.png`), fullPage: true });
  const size = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 740 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(root, 'docs/screenshots', `${name}-360.png`), fullPage: true });
  if (size) await page.setViewportSize(size);
}

/** Every answer of 400 or more the page receives, as "STATUS METHOD path". */
function failedRequests(page: Page): string[] {
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`);
  });
  return failed;
}

const menu = (page: Page) => page.getByRole('navigation', { name: 'メインメニュー' });

async function patientId(kana: string): Promise<string> {
  const api = await apiAs(server.baseUrl, 'demo.reception', server.output());
  const r = await api<{ items: Array<{ id: string; nameKana: string }> }>('GET', `/api/patients?q=${encodeURIComponent(kana)}`);
  const p = r.items.find((x) => x.nameKana === kana);
  assert.ok(p, kana);
  return p.id;
}

test('reception: no failed requests, an honest alerts card, the patient page books, a new patient keeps the booking', { timeout: 240_000 }, async () => {
  const context = await newContext(browser, 'ja');
  const page = await context.newPage();
  const failed = failedRequests(page);
  await signIn(page, server.baseUrl, server.output(), 'demo.reception');

  // Home: reception cannot see alerts, and is not told there are none.
  await page.getByTestId('alerts-not-shown').waitFor();
  assert.match(await page.getByTestId('alerts-not-shown').innerText(), /医師・看護師が確認/);
  assert.equal(await page.getByText('対応が必要なアラートはありません').count(), 0);
  assert.equal(await menu(page).getByRole('link', { name: '診療時間・休診設定' }).count(), 0, 'reception may not edit the calendar');
  assert.deepEqual(await axeViolations(page), [], 'axe on home (reception)');
  await shoot(page, 'nav-home-reception');

  // The patient page: past visits (the demo's first visit five weeks ago, today's completed one) and upcoming ones.
  const yumi = await patientId('ミホン ユミ');
  await page.goto(`${server.baseUrl}/patients/${yumi}`);
  const past = page.getByRole('list', { name: '過去の予約' });
  await past.waitFor();
  assert.ok((await past.getByRole('listitem').count()) >= 2, 'past appointments listed');
  assert.match(await past.innerText(), /来院済/);
  assert.ok((await page.getByRole('list', { name: 'これからの予約' }).getByRole('listitem').count()) >= 1, 'upcoming appointments listed');
  assert.deepEqual(await axeViolations(page), [], 'axe on the patient page');
  await shoot(page, 'nav-patient-appointments');
  await page.getByRole('link', { name: '予約する', exact: true }).click();
  await page.waitForURL(/\/appointments\/new\?patientId=/);
  await page.locator('.picked__who').getByText('見本 由美').waitFor();

  // 新規患者登録 from the booking page: service and time chosen first, then the caller is registered.
  await page.goto(`${server.baseUrl}/appointments/new`);
  await page.getByLabel('サービス', { exact: true }).selectOption({ label: '再診（15分）' });
  const slot = page.getByRole('button', { name: /を選ぶ$/ }).nth(2);
  const slotLabel = (await slot.getAttribute('aria-label'))!;
  await slot.click();
  await page.getByLabel('患者を探す').fill('シンキ トウロク');
  await page.getByRole('link', { name: '新規患者登録' }).click();
  await page.getByRole('heading', { name: '新規患者登録', level: 1 }).waitFor();
  await page.getByLabel(/^氏名（漢字）/).fill('新規 登録');
  await page.getByLabel(/^フリガナ/).fill('シンキ トウロク');
  await page.getByLabel(/^生年月日/).fill('1990-04-01');
  await page.getByLabel(/^性別/).selectOption('female');
  await page.getByLabel(/^電話番号/).first().fill('090-7777-0101');
  await page.getByRole('button', { name: '登録する' }).click();
  await page.waitForURL(/\/appointments\/new\?patientId=/);
  await page.getByText('登録しました。予約の続きに戻ります。').waitFor();
  await page.locator('.picked__who').getByText('新規 登録').waitFor();
  assert.equal(await page.getByLabel('サービス', { exact: true }).inputValue(), 'saishin', 'the service is kept');
  assert.equal(await page.getByRole('button', { name: slotLabel }).getAttribute('aria-pressed'), 'true', 'the time is kept');
  await shoot(page, 'nav-booking-after-register');
  await page.getByRole('button', { name: '予約する', exact: true }).click();
  await page.getByText(/^予約しました：/).waitFor();
  assert.match(await page.getByText(/^予約しました：/).innerText(), /再診/);

  assert.deepEqual(failed, [], 'no failed request on the way');
  await context.close();
});

test('the administrator finds the calendar settings in the menu; the sign-in page makes no failed request', { timeout: 120_000 }, async () => {
  const context = await newContext(browser, 'ja');
  const page = await context.newPage();
  const failed = failedRequests(page);
  await page.goto(`${server.baseUrl}/login`);
  await page.getByLabel(/^ログインID/).waitFor();
  await page.waitForLoadState('networkidle');
  assert.deepEqual(failed, [], 'the sign-in page loads without a 401');
  await signIn(page, server.baseUrl, server.output(), 'demo.admin');
  assert.equal(await page.getByText('対応が必要なアラートはありません').count(), 0);
  await page.getByTestId('alerts-not-shown').waitFor();
  await menu(page).getByRole('link', { name: '診療時間・休診設定' }).click();
  await page.waitForURL(/\/calendar-admin$/);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await shoot(page, 'nav-menu-calendar-admin');
  assert.deepEqual(failed, []);
  await context.close();
});

test('the doctor: a register/intake mismatch is flagged, participants have names, the timeline speaks Japanese', { timeout: 240_000 }, async () => {
  const context = await newContext(browser, 'ja');
  const page = await context.newPage();
  const failed = failedRequests(page);
  await signIn(page, server.baseUrl, server.output(), 'demo.doctor');

  const yumi = await patientId('ミホン ユミ');
  await page.goto(`${server.baseUrl}/patients/${yumi}/intake`);
  await page.getByRole('link', { name: /回答を見る|表示/ }).first().click();
  await page.waitForURL(/\/intakes\//);
  const flags = page.getByTestId('intake-mismatches');
  await flags.waitFor();
  assert.match(await flags.innerText(), /性別：登録は「女性」、問診では「男性」/);
  assert.deepEqual(await axeViolations(page), [], 'axe on the intake view');
  await shoot(page, 'nav-intake-mismatch');

  // Program participants: by name, with the patient number beside it.
  await page.goto(`${server.baseUrl}/programs/tms-depression`);
  const participants = page.getByRole('region', { name: '参加者' }).or(page.locator('section[aria-labelledby="prg-participants"]'));
  await participants.first().waitFor();
  const firstRow = participants.first().locator('tbody tr').first();
  assert.match(await firstRow.locator('td').first().innerText(), /見本 .+\s+\d/);
  await shoot(page, 'nav-program-participants');

  // A participant's score timeline: month labels in Japanese, never "Feb".
  const doctorApi = await apiAs(server.baseUrl, 'demo.doctor', server.output());
  const dash = await doctorApi<{ enrolments: Array<{ id: string; status: string }> }>('GET', '/api/programs/tms-depression/dashboard');
  const enrolment = dash.enrolments.find((e) => e.status === 'completed') ?? dash.enrolments[0]!;
  const detail = await doctorApi<{ patient: { id: string } }>('GET', `/api/program-enrolments/${enrolment.id}`);
  await page.goto(`${server.baseUrl}/patients/${detail.patient.id}/program-timeline`);
  const chart = page.locator('.prg-timeline-chart svg');
  await chart.waitFor();
  const axis = await chart.locator('text').allTextContents();
  assert.ok(axis.some((x) => /^\d{1,2}月$|^\d{4}年$|^\d{1,2}月\d{1,2}日$/.test(x)), axis.join(' '));
  assert.ok(!axis.some((x) => /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/.test(x)), axis.join(' '));
  await shoot(page, 'nav-timeline-ja');

  assert.deepEqual(failed, [], 'no failed request (the intake view asks for its patient only once it knows the id)');
  await context.close();
});

test('English pages name the holiday in English, with ASCII brackets', { timeout: 120_000 }, async () => {
  const api = await apiAs(server.baseUrl, 'demo.reception', server.output());
  const today = (await api<{ date: string }>('GET', '/api/appointments/today')).date;
  // The first national holiday from today on (within the range the calendar answers).
  const to = new Date(Date.parse(`${today}T00:00:00Z`) + 120 * 86_400_000).toISOString().slice(0, 10);
  const days = (await api<{ days: Array<{ date: string; holidayName?: string; holidayNameEn?: string }> }>('GET', `/api/scheduling/days?from=${today}&to=${to}`)).days;
  const holiday = days.find((d) => d.holidayName);
  assert.ok(holiday?.holidayNameEn, 'a holiday with its English name');

  const context = await newContext(browser, 'ja');
  const page = await context.newPage();
  await signIn(page, server.baseUrl, server.output(), 'demo.reception');
  await page.getByRole('button', { name: 'English' }).first().click();
  await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
  await page.goto(`${server.baseUrl}/appointments?view=week&date=${holiday.date}`);
  await page.getByText(holiday.holidayNameEn).first().waitFor();
  assert.equal(await page.getByText(holiday.holidayName!).count(), 0, 'no Japanese holiday name on the English page');
  assert.match(await page.getByText(holiday.holidayNameEn).first().innerText(), new RegExp(`\\(${holiday.holidayNameEn.replace(/[()]/g, '\\$&')}\\)`));
  await shoot(page, 'nav-holiday-en');
  await context.close();
});
