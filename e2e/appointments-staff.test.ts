// Reservation work beyond the first booking, in a real Chromium against the real server (demo clinic):
//   - a doctor double-books a full time on purpose, with a reason, and the appointment says who allowed it;
//   - a TMS course (5 a week) proposed over the year-end closure shows the closed days before booking;
//   - an administrator closes a day that has a booking: the booking is listed and the closure saves
//     only once they chose to cancel it (with a notice); the booking page then shows the day closed;
//   - the slot picker jumps to a date weeks ahead without paging week by week;
//   - a patient who opens their link and confirms a time that someone else took a moment earlier is
//     told so and offered the nearest free times (nothing is reset silently).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { apiAs, clinicDate, dayLabel, esc, plusDays, signIn } from './appointments-helpers.ts';
import { axeViolations, launchBrowser, newContext } from './helpers/browser.ts';
import { e2eNow } from './helpers/clock.ts';
import { ensureWebBuild, startServer, type RunningServer } from './helpers/server.ts';

let server: RunningServer;
let browser: Browser;

before(async () => {
  ensureWebBuild();
  server = await startServer({ args: ['--demo'] });
  // The demo credentials are printed after the banner.
  for (let i = 0; i < 100 && !/demo\.researcher/.test(server.output()); i++) await new Promise((r) => setTimeout(r, 100));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

interface DayInfo {
  readonly date: string;
  readonly open: boolean;
  readonly weekday: string;
}

async function expectAccessible(page: Page, where: string): Promise<void> {
  assert.deepEqual(await axeViolations(page), [], `axe on ${where}`);
}

async function choosePatient(page: Page, kana: string, name: string): Promise<void> {
  await page.getByLabel('患者を探す').fill(kana);
  await page.getByRole('button', { name: new RegExp(esc(name)) }).click();
}

/**
 * Where a two-week course starts so that it crosses the year-end closure, never beyond the staff
 * booking horizon (a year): the Monday a week before this year's closure while it lies ahead; else
 * tomorrow while that is still before the closure; else the Monday a week before next year's.
 */
function courseStartBeforeYearEnd(today: string): string {
  const monday = (y: number) => {
    let d = `${y}-12-21`;
    while (new Date(`${d}T00:00:00Z`).getUTCDay() !== 1) d = plusDays(d, 1);
    return d;
  };
  const year = Number(today.slice(0, 4));
  if (monday(year) > today) return monday(year);
  if (plusDays(today, 1) < `${year}-12-29`) return plusDays(today, 1);
  return monday(year + 1);
}

test(
  'double booking with a doctor’s permission, a TMS course across the year-end closure, closing a day',
  { timeout: 240_000 },
  async () => {
    const admin = await apiAs(server.baseUrl, 'demo.admin', server.output());
    const today = clinicDate(e2eNow());
    const { days } = await admin<{ days: DayInfo[] }>('GET', `/api/scheduling/days?from=${plusDays(today, 1)}&to=${plusDays(today, 6)}`);
    const day = days.find((d) => d.open)!.date;

    // 1. A doctor books 再診 with 森 医師, then double-books the same time for another patient.
    const ctx = await newContext(browser, 'ja');
    const page = await ctx.newPage();
    await signIn(page, server.baseUrl, server.output(), 'demo.doctor');
    await page.goto(`${server.baseUrl}/appointments/new`);
    await choosePatient(page, 'みほん けんた', '見本 健太');
    await page.getByLabel('サービス', { exact: true }).selectOption('saishin');
    await page.getByLabel('担当・設備', { exact: true }).selectOption('dr-mori');
    const slotName = new RegExp(`^${esc(dayLabel(day))} \\d{2}:\\d{2} を選ぶ$`);
    const slot = page.getByRole('button', { name: slotName }).first();
    await slot.waitFor();
    const time = /(\d{2}:\d{2})/.exec((await slot.getAttribute('aria-label')) ?? '')![1]!;
    await slot.click();
    await page.getByRole('button', { name: '予約する', exact: true }).click();
    await page.getByText(/予約しました/).waitFor();

    await page.getByRole('button', { name: '続けて予約する' }).click();
    await choosePatient(page, 'みほん まこと', '見本 誠');
    await page.getByLabel('サービス', { exact: true }).selectOption('saishin');
    await page.getByLabel('担当・設備', { exact: true }).selectOption('dr-mori');
    // The taken time is no longer offered for 森 医師.
    await page.getByRole('button', { name: slotName }).first().waitFor();
    assert.equal(await page.getByRole('button', { name: `${dayLabel(day)} ${time} を選ぶ` }).count(), 0, 'a full time is not offered');
    await page.getByText('ダブルブッキング（医師の許可がある場合）').click();
    await page.getByLabel('日付', { exact: true }).fill(day);
    await page.getByLabel('開始時刻').fill(time);
    await page.getByLabel('重ねる担当・設備').selectOption('dr-mori');
    await page.getByLabel(/^理由( \*)?$/).fill('急患のため');
    // A doctor's own account is offered as the approving doctor.
    assert.equal(await page.getByLabel('許可した医師').inputValue() !== '', true, 'the doctor is preselected');
    await expectAccessible(page, 'override form');
    await page.getByRole('button', { name: '重ねて予約する' }).click();
    await page.getByText(new RegExp(`予約しました：${esc(dayLabel(day))} ${time} 再診`)).waitFor();
    await page.getByRole('link', { name: '予約を開く' }).click();
    await page.getByRole('heading', { name: '予約の詳細' }).waitFor();
    await page.getByText(/医師 .*の許可：急患のため/).waitFor();
    await expectAccessible(page, 'appointment detail');
    await ctx.close();

    // 1b. Reception double-books the same full time, naming the doctor who allowed it.
    const desk = await newContext(browser, 'ja');
    const dp = await desk.newPage();
    await signIn(dp, server.baseUrl, server.output(), 'demo.reception');
    await dp.goto(`${server.baseUrl}/appointments/new`);
    await choosePatient(dp, 'みほん ひろと', '見本 大翔');
    await dp.getByLabel('サービス', { exact: true }).selectOption('saishin');
    await dp.getByText('ダブルブッキング（医師の許可がある場合）').click();
    await dp.getByLabel('日付', { exact: true }).fill(day);
    await dp.getByLabel('開始時刻').fill(time);
    await dp.getByLabel('重ねる担当・設備').selectOption('dr-mori');
    await dp.getByLabel(/^理由( \*)?$/).fill('院長了承済み');
    const doubleBook = dp.getByRole('button', { name: '重ねて予約する' });
    assert.equal(await doubleBook.isDisabled(), true, 'no booking without the approving doctor');
    await dp.getByText('許可した医師を選んでください。').waitFor();
    await dp.getByLabel('許可した医師').selectOption({ label: '医師 見守（デモ）（森 医師）' });
    await doubleBook.click();
    await dp.getByText(new RegExp(`予約しました：${esc(dayLabel(day))} ${time} 再診`)).waitFor();
    await dp.getByRole('link', { name: '予約を開く' }).click();
    await dp.getByText('医師 医師 見守（デモ） の許可：院長了承済み').waitFor();
    await desk.close();

    // 2. A TMS course, 5 a week for 2 weeks, across the year-end closure (12-29 to 01-03).
    const start = courseStartBeforeYearEnd(today);
    const nurse = await newContext(browser, 'ja');
    const np = await nurse.newPage();
    await signIn(np, server.baseUrl, server.output(), 'demo.nurse');
    await np.goto(`${server.baseUrl}/appointments/series`);
    await np.getByRole('heading', { name: /連続予約/, level: 1 }).waitFor();
    await choosePatient(np, 'みほん さくら', '見本 さくら');
    await np.getByLabel('サービス', { exact: true }).selectOption('tms');
    await np.getByLabel('週あたりの回数', { exact: true }).fill('5');
    await np.getByLabel('週数', { exact: true }).fill('2');
    await np.getByLabel('開始日').fill(start);
    await np.getByLabel('希望の時刻').fill('10:00');
    await np.getByRole('button', { name: '日程案を作る' }).click();
    await np.getByRole('heading', { name: '日程案' }).waitFor();
    const rows = np.getByRole('table').getByRole('row');
    assert.equal(await rows.count(), 11, 'ten sessions and a header');
    await np.getByRole('heading', { name: '使わなかった日' }).waitFor();
    assert.ok((await np.getByText(/年末年始/).count()) > 0, 'the year-end closure is named');
    await expectAccessible(np, 'series proposal');
    const bookAll = np.getByRole('button', { name: /回分をまとめて予約/ });
    const n = Number(/(\d+)/.exec((await bookAll.textContent()) ?? '')![1]);
    assert.ok(n > 0);
    await bookAll.click();
    await np.getByText(`${n} 回分を予約しました。`).waitFor();
    await nurse.close();

    // 3. An administrator closes a day that has a booking: the booking is shown before anything is
    //    saved, and the closure saves only once the admin chose to cancel it (with a notice).
    const closeDay = days.filter((d) => d.open).at(-1)!.date;
    const yui = (await admin<{ items: { id: string; nameKanji: string }[] }>('GET', `/api/patients?q=${encodeURIComponent('ミホン ユイ')}`)).items[0]!;
    const free = await admin<{ days: { date: string; offset: string; times: string[] }[] }>('GET', `/api/scheduling/availability?serviceId=saishin&from=${closeDay}&to=${closeDay}`);
    const freeDay = free.days.find((d) => d.date === closeDay)!;
    const freeTime = freeDay.times[0]!;
    const booked = (await admin<{ appointment: { id: string } }>('POST', '/api/appointments', { patientId: yui.id, serviceId: 'saishin', start: `${closeDay}T${freeTime}:00${freeDay.offset}` })).appointment;
    const actx = await newContext(browser, 'ja');
    const ap = await actx.newPage();
    await signIn(ap, server.baseUrl, server.output(), 'demo.admin');
    await ap.goto(`${server.baseUrl}/calendar-admin`);
    await ap.getByRole('heading', { name: '診療時間・休診・サービスの設定' }).waitFor();
    await expectAccessible(ap, 'calendar admin');
    await ap.getByRole('button', { name: '臨時変更を追加' }).click();
    const change = ap.getByRole('group', { name: '臨時変更（1日だけ）' }).last();
    await change.getByLabel('日付').fill(closeDay);
    await change.getByLabel('理由').fill('院内研修');
    await ap.getByRole('button', { name: '診療カレンダーを保存' }).click();
    const review = ap.getByRole('region', { name: /^休診になる時間の予約（\d+件）$/ });
    await review.waitFor();
    const row = review.getByRole('row').filter({ hasText: yui.nameKanji });
    assert.match((await row.innerText()).replace(/\s+/g, ' '), new RegExp(`${esc(dayLabel(closeDay))} ${freeTime}–.*${yui.nameKanji}.*再診.*院内研修`));
    assert.equal(await ap.getByText('保存しました。').count(), 0, 'nothing saved yet');
    const confirmSave = review.getByRole('button', { name: '選んだ方法で休診を保存' });
    assert.equal(await confirmSave.isDisabled(), true, 'no choice is preselected');
    await expectAccessible(ap, 'closure review');
    await review.getByLabel(/キャンセルし、患者さんにお知らせを送る/).check();
    await confirmSave.click();
    await ap.getByText(/^保存しました。休診にかかる予約\d+件をキャンセルし、患者さんにお知らせを送りました。$/).waitFor();
    const after = await admin<{ appointment: { status: string } }>('GET', `/api/appointments/${booked.id}`);
    assert.equal(after.appointment.status, 'cancelled', 'cancelled in the same save as the closure');
    await ap.goto(`${server.baseUrl}/appointments/new`);
    await ap.getByLabel('サービス', { exact: true }).selectOption('saishin');
    await ap
      .getByRole('group', { name: dayLabel(closeDay) })
      .getByText(/休診（院内研修）/)
      .waitFor();
    await actx.close();
  },
);

test('the slot picker jumps straight to a date weeks ahead', { timeout: 120_000 }, async () => {
  const admin = await apiAs(server.baseUrl, 'demo.reception', server.output());
  const today = clinicDate(e2eNow());
  const { days } = await admin<{ days: DayInfo[] }>('GET', `/api/scheduling/days?from=${plusDays(today, 35)}&to=${plusDays(today, 45)}`);
  const target = days.find((d) => d.open && ['mon', 'wed', 'thu', 'fri'].includes(d.weekday))!.date;
  const ctx = await newContext(browser, 'ja');
  const page = await ctx.newPage();
  await signIn(page, server.baseUrl, server.output(), 'demo.reception');
  await page.goto(`${server.baseUrl}/appointments/new`);
  await page.getByLabel('サービス', { exact: true }).selectOption('saishin');
  await page.getByLabel('日付を指定').fill(target);
  await page.getByRole('group', { name: dayLabel(target) }).getByRole('button').first().waitFor();
  assert.equal(await page.getByRole('group', { name: dayLabel(plusDays(today, 1)) }).count(), 0, 'the week shown starts at the chosen date');
  await expectAccessible(page, 'slot picker after a date jump');
  await ctx.close();
});

test('a patient whose chosen time was just taken sees why and the nearest free times', { timeout: 180_000 }, async () => {
  const admin = await apiAs(server.baseUrl, 'demo.reception', server.output());
  const today = clinicDate(e2eNow());
  // An afternoon on a weekday: only 森 医師 works then, so one booking fills a 再診 time.
  const { days } = await admin<{ days: DayInfo[] }>('GET', `/api/scheduling/days?from=${plusDays(today, 2)}&to=${plusDays(today, 12)}`);
  const day = days.find((d) => d.open && ['mon', 'wed', 'thu', 'fri'].includes(d.weekday))!.date;
  const find = async (q: string) =>
    (await admin<{ items: { id: string }[] }>('GET', `/api/patients?q=${encodeURIComponent(q)}`)).items[0]!.id;
  const hanako = await find('ミホン ハナコ');
  const ichiro = await find('ミホン イチロウ');
  const link = await admin<{ url: string }>('POST', '/api/appointments/patient-link', { patientId: hanako, sendEmail: false });

  const phone = await browser.newContext({ locale: 'ja-JP', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const p = await phone.newPage();
  await p.goto(link.url.replace(/^https?:\/\/[^/]+/, server.baseUrl));
  await p.getByRole('button', { name: '続ける' }).click();
  await p.getByRole('heading', { name: 'ご予約' }).waitFor();
  assert.ok(!p.url().includes('/l/'), 'the link token leaves the address bar');
  await p.getByRole('link', { name: '再診を予約する' }).click();
  // The patient's picker jumps to a date too: the days shown then start at that date.
  await p.getByLabel('日付を指定').fill(day);
  await p.getByRole('list', { name: '日にちを選ぶ' }).getByRole('listitem').first().filter({ hasText: dayLabel(day) }).waitFor();
  await p.getByRole('button', { name: new RegExp(`^${esc(dayLabel(day))}`) }).click();
  await p.getByRole('button', { name: '15:00', exact: true }).click();
  await p.getByRole('heading', { name: '内容の確認' }).waitFor();

  // Meanwhile reception books 15:00 with 森 医師 for someone else.
  await admin('POST', '/api/appointments', {
    patientId: ichiro,
    serviceId: 'saishin',
    start: `${day}T15:00:00+09:00`,
    resourceIds: ['dr-mori'],
  });
  await p.getByRole('button', { name: 'この内容で予約する' }).click();
  const taken = p.getByRole('alert').filter({ hasText: '埋まりました' });
  await taken.waitFor();
  assert.match((await taken.textContent()) ?? '', new RegExp(`${esc(dayLabel(day))} 15:00`), 'says which time went');
  const alternatives = taken.getByRole('button');
  assert.ok((await alternatives.count()) > 0, 'offers other times');
  const alt = ((await alternatives.first().textContent()) ?? '').trim();
  assert.doesNotMatch(alt, /15:00$/);
  await expectAccessible(p, 'slot taken');
  await alternatives.first().click();
  await p.getByRole('button', { name: 'この内容で予約する' }).click();
  await p.getByRole('heading', { name: 'ご予約を承りました' }).waitFor();
  await phone.close();
});

test('at the desk: check in from today’s list, move an appointment, cancel it', { timeout: 180_000 }, async (t) => {
  const admin = await apiAs(server.baseUrl, 'demo.admin', server.output());
  const now = e2eNow();
  const today = clinicDate(now);
  const hhmm = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(now),
  );
  const minutes = Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)) + 30;
  if (minutes > 22 * 60) return t.skip('too late in the clinic day to open a session today');
  const from = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${minutes % 60 < 30 ? '30' : '45'}`;
  const start = from.endsWith('45') ? `${String(Math.floor(minutes / 60) + 1).padStart(2, '0')}:00` : from;
  // Open today from a little after now, whatever the weekday.
  const config = await admin<{
    calendar: { weeklyHours: unknown; closedOnNationalHolidays: boolean; closures: unknown[]; overrides: { date: string }[] };
    version: number;
  }>('GET', '/api/scheduling/config');
  await admin('PUT', '/api/scheduling/calendar', {
    weeklyHours: config.calendar.weeklyHours,
    closedOnNationalHolidays: config.calendar.closedOnNationalHolidays,
    closures: config.calendar.closures,
    overrides: [
      ...config.calendar.overrides.filter((o) => o.date !== today),
      { kind: 'open', date: today, sessions: [{ start: from, end: '23:45' }], reason: 'e2e' },
    ],
    version: config.version,
  });
  const yui = (await admin<{ items: { id: string }[] }>('GET', `/api/patients?q=${encodeURIComponent('ミホン ユイ')}`)).items[0]!.id;
  await admin('POST', '/api/appointments', {
    patientId: yui,
    serviceId: 'saishin',
    start: `${today}T${start}:00+09:00`,
    resourceIds: ['dr-mori'],
  });

  const ctx = await browser.newContext({ locale: 'ja-JP', viewport: { width: 360, height: 740 } });
  const page = await ctx.newPage();
  await signIn(page, server.baseUrl, server.output(), 'demo.reception');
  await page.goto(`${server.baseUrl}/appointments`);
  await page.getByRole('heading', { name: /本日の予約/ }).waitFor();
  await page.getByRole('button', { name: `受付: 見本 結衣 ${start}` }).click();
  // (The demo's day has other visitors, checked in earlier: look at 見本 結衣's row.)
  await page.getByRole('row').filter({ hasText: '見本 結衣' }).getByText(/受付済 \d{2}:\d{2}/).waitFor();
  assert.equal(await page.getByRole('button', { name: `受付: 見本 結衣 ${start}` }).count(), 0, 'checked in once');
  await expectAccessible(page, 'today list on a phone');

  await page.getByRole('link', { name: `詳細: 見本 結衣 ${start}` }).click();
  await page.getByRole('heading', { name: '予約の詳細' }).waitFor();
  await page.getByRole('button', { name: '日時を変更' }).click();
  const later = page.getByRole('button', { name: / \d{2}:\d{2} を選ぶ$/ }).nth(2);
  await later.waitFor();
  const label = (await later.getAttribute('aria-label')) ?? '';
  await later.click();
  await page.getByRole('button', { name: '日時を変更' }).last().click();
  const moved = /(\d{2}:\d{2}) を選ぶ$/.exec(label)![1]!;
  await page.getByText(new RegExp(`${moved} に変更しました。`)).waitFor();

  await page.getByRole('button', { name: 'キャンセルする' }).click();
  await page.getByLabel('理由（任意）').fill('本人より電話');
  await page.getByRole('button', { name: 'キャンセルを確定' }).click();
  await page.getByText('キャンセルしました。').waitFor();
  await page.getByText('キャンセル', { exact: true }).first().waitFor();
  await ctx.close();
});
