// Reservations in a real Chromium against the real server (demo clinic, fresh SQLite database) with
// mail delivered to a real SMTP server on 127.0.0.1:
//   1. a receptionist finds a patient by kana and books 初診 for tomorrow from the free slots;
//   2. a patient signs in on a 360×740 phone with patient number, birth date and the emailed code,
//      books a 再診, moves it, and cancels it;
//   3. after a restart the day-before reminder reaches the SMTP server with a valid .ics.
// Along the way: no serious accessibility violation and no request to another origin.
// With E2E_SCREENSHOTS=1 the steps are saved as docs/screenshots/appointments-*.png.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser } from './helpers/browser.ts';
import { e2eNow } from './helpers/clock.ts';
import { ensureWebBuild, root, startServer, type RunningServer } from './helpers/server.ts';
import { startTestSmtp, type ReceivedMail, type TestSmtp } from '../packages/server/test/test-smtp.ts';
import { apiAs, clinicDate, dayLabel, demoLogin, plusDays } from './appointments-helpers.ts';
import { freshTotpCode } from './helpers/totp.ts';

type Mail = ReceivedMail;

let smtp: TestSmtp;
let dir = '';
let browser: Browser;
let server: RunningServer | undefined;

/** The real server on `db` (kept across restarts), mail going to our SMTP server. */
function startAppServer(db: string, args: readonly string[]): Promise<RunningServer> {
  return startServer({ args, dbPath: db, env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_TLS: 'off', SMTP_FROM: 'clinic@example.test' } });
}

before(async () => {
  ensureWebBuild();
  smtp = await startTestSmtp();
  dir = mkdtempSync(join(tmpdir(), 'mimamori-appt-e2e-'));
  server = await startAppServer(join(dir, 'e2e.db'), ['--demo']);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// ---------- small helpers ----------

function decodeWords(s: string): string {
  return s.replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
    enc.toLowerCase() === 'b'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

function subjectOf(raw: string): string {
  const head = raw.split(/\r?\n\r?\n/)[0] ?? '';
  const m = /^subject:(.*(?:\r?\n[ \t].*)*)/im.exec(head);
  return decodeWords((m?.[1] ?? '').replace(/\r?\n[ \t]/g, ' ').replace(/\?=\s+=\?/g, '?==?')).trim();
}

/** The decoded bodies of the MIME parts whose Content-Type matches. */
function partsOf(raw: string, type: RegExp): string[] {
  const out: string[] = [];
  for (const part of raw.split(/\r?\n--[^\r\n]+\r?\n/)) {
    const [head = '', ...rest] = part.split(/\r?\n\r?\n/);
    if (!type.test(/content-type:\s*([^;\r\n]+)/i.exec(head)?.[1] ?? '')) continue;
    const body = rest.join('\n\n').replace(/\r?\n--[^\r\n]*--\s*$/, '');
    const enc = /content-transfer-encoding:\s*(\S+)/i.exec(head)?.[1]?.toLowerCase();
    if (enc === 'base64') out.push(Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8'));
    else if (enc === 'quoted-printable')
      out.push(
        Buffer.from(
          body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
      );
    else out.push(body);
  }
  return out;
}

async function waitForMail(pred: (m: Mail) => boolean, what: string, ms = 60_000): Promise<Mail> {
  const started = Date.now();
  for (;;) {
    const m = smtp.received.find(pred);
    if (m) return m;
    if (Date.now() - started > ms)
      throw new Error(`no mail: ${what}; got ${smtp.received.map((x) => `${x.to.join(',')} «${subjectOf(x.raw)}»`).join(' | ')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** RFC 5545 essentials, and the start written in UTC (so every calendar app shows the clinic's hour). */
function assertValidIcs(ics: string, startIso: string): void {
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/, 'starts with BEGIN:VCALENDAR and CRLF lines');
  assert.match(ics, /\r\nVERSION:2\.0\r\n/);
  assert.match(ics, /\r\nPRODID:/);
  assert.match(ics, /\r\nBEGIN:VEVENT\r\n[\s\S]*\r\nEND:VEVENT\r\n/);
  assert.match(ics, /END:VCALENDAR\r?\n?$/);
  assert.match(ics, /\r\nUID:\S+/);
  assert.match(ics, /\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
  const utc = new Date(startIso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  assert.match(ics, new RegExp(`\\r\\nDTSTART:${utc}\\r\\n`), `DTSTART is ${utc} (UTC)`);
  assert.match(ics, /\r\nDTEND:\d{8}T\d{6}Z\r\n/);
  for (const line of ics.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, `folded at 75 octets: ${line}`);
}

function watch(page: Page, baseUrl: string): string[] {
  const foreign: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(baseUrl) && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  return foreign;
}

async function expectAccessible(page: Page, where: string): Promise<void> {
  assert.deepEqual(await axeViolations(page), [], `axe on ${where}`);
}

async function shot(page: Page, name: string): Promise<void> {
  if (!process.env.E2E_SCREENSHOTS) return;
  mkdirSync(join(root, 'docs/screenshots'), { recursive: true });
  await page.screenshot({ path: join(root, `docs/screenshots/appointments-${name}.png`), fullPage: true });
}

interface DayInfo {
  readonly date: string;
  readonly open: boolean;
}

// ---------- the story ----------

test(
  'reception books 初診; a patient books, moves and cancels 再診 on a phone; the reminder carries a valid .ics',
  { timeout: 300_000 },
  async () => {
    const s = server!;
    const admin = await apiAs(s.baseUrl, 'demo.admin', s.output());
    const today = clinicDate(e2eNow());
    const tomorrow = plusDays(today, 1);

    // Tomorrow must be open for the reminder part: open it for the morning when it is a closed day.
    const config = await admin<{
      calendar: { weeklyHours: unknown; closedOnNationalHolidays: boolean; closures: unknown[]; overrides: unknown[] };
      version: number;
    }>('GET', '/api/scheduling/config');
    const { days } = await admin<{ days: DayInfo[] }>('GET', `/api/scheduling/days?from=${tomorrow}&to=${plusDays(today, 13)}`);
    if (!days[0]!.open) {
      await admin('PUT', '/api/scheduling/calendar', {
        weeklyHours: config.calendar.weeklyHours,
        closedOnNationalHolidays: config.calendar.closedOnNationalHolidays,
        closures: config.calendar.closures,
        overrides: [
          ...config.calendar.overrides,
          { kind: 'open', date: tomorrow, sessions: [{ start: '09:00', end: '13:00' }], reason: 'e2e' },
        ],
        version: config.version,
      });
    }
    // The patient's day: at least two days ahead, so the online change deadline (18:00 the day before) has not passed.
    const patientDay = days.find((d) => d.open && d.date >= plusDays(today, 2))?.date;
    assert.ok(patientDay, 'an open day within two weeks');

    // 1. Reception: find 見本 一郎 by kana and book 初診 tomorrow.
    const reception = demoLogin(s.output(), 'demo.reception');
    const staffCtx = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1280, height: 800 } });
    const page = await staffCtx.newPage();
    const foreignStaff = watch(page, s.baseUrl);
    await page.goto(`${s.baseUrl}/login`);
    await page.getByLabel(/^ログインID/).fill('demo.reception');
    await page.getByLabel(/^パスワード/).fill(reception.password);
    await page.getByLabel(/^認証コード/).fill(await freshTotpCode(reception.secret));
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.getByRole('heading', { name: 'ホーム', level: 1 }).waitFor();
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '予約', exact: true }).click();
    await page.getByRole('heading', { name: '予約', level: 1 }).waitFor();
    await page.getByRole('heading', { name: /本日の予約/ }).waitFor();
    await expectAccessible(page, 'today list');
    await page.getByRole('link', { name: '新規予約' }).click();
    await page.getByRole('heading', { name: '新規予約', level: 1 }).waitFor();
    await page.getByLabel('患者を探す').fill('みほん いちろう');
    await page.getByRole('button', { name: /見本 一郎/ }).click();
    await page.getByText('ミホン イチロウ').waitFor();
    await page.getByLabel('サービス', { exact: true }).selectOption('shoshin');
    const firstSlot = page
      .getByRole('button', { name: new RegExp(`^${dayLabel(tomorrow).replace(/[()]/g, '\\$&')} \\d{2}:\\d{2} を選ぶ$`) })
      .first();
    await firstSlot.waitFor();
    const slotLabel = (await firstSlot.getAttribute('aria-label')) ?? '';
    const shoshinTime = /(\d{2}:\d{2})/.exec(slotLabel)![1]!;
    await firstSlot.click();
    assert.equal(await firstSlot.getAttribute('aria-pressed'), 'true');
    await expectAccessible(page, 'quick booking');
    await shot(page, 'booking-1280');
    await page.getByRole('button', { name: '予約する', exact: true }).click();
    await page.getByText(new RegExp(`予約しました：${dayLabel(tomorrow).replace(/[()]/g, '\\$&')} ${shoshinTime} 初診`)).waitFor();
    await expectAccessible(page, 'booked');
    // It is on tomorrow's day view of 森 医師 / 岡田 医師.
    await page.goto(`${s.baseUrl}/appointments?view=day&date=${tomorrow}`);
    await page.getByRole('link', { name: new RegExp(`${shoshinTime}.*見本 一郎.*初診`) }).waitFor();
    await expectAccessible(page, 'day view');
    await shot(page, 'day-1280');
    await page.goto(`${s.baseUrl}/appointments?view=week&date=${tomorrow}`);
    await page.getByRole('link', { name: new RegExp(`${shoshinTime}.*見本 一郎`) }).waitFor();
    await expectAccessible(page, 'week view');
    await shot(page, 'week-1280');
    assert.deepEqual(foreignStaff, [], 'no request leaves our origin (staff)');

    const shoshinStart = `${tomorrow}T${shoshinTime}:00+09:00`;
    const confirmation = await waitForMail(
      (m) => m.to.includes('ichiro@demo.invalid') && subjectOf(m.raw).includes('ご予約の確認'),
      'confirmation of 初診',
    );
    assertValidIcs(partsOf(confirmation.raw, /text\/calendar/i)[0] ?? '', shoshinStart);
    await staffCtx.close();

    // 2. Patient on a phone: sign in with patient number + birth date + emailed code.
    const hanako = (
      await admin<{ items: { patientNumber: string; birthDate: string }[] }>(
        'GET',
        `/api/patients?q=${encodeURIComponent('ミホン ハナコ')}`,
      )
    ).items[0]!;
    const phone = await browser.newContext({ locale: 'ja-JP', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const p = await phone.newPage();
    const foreignPatient = watch(p, s.baseUrl);
    await p.goto(`${s.baseUrl}/p/signin`);
    await p.getByRole('heading', { name: '予約の確認・変更' }).waitFor();
    await expectAccessible(p, 'patient sign-in');
    await shot(p, 'patient-signin-360');
    await p.getByLabel('診察券番号').fill(hanako.patientNumber);
    await p.getByLabel('生年月日').fill(hanako.birthDate.replace(/-/g, ''));
    await p.getByRole('button', { name: '確認コードを送る' }).click();
    await p.getByLabel(/確認コード/).waitFor();
    const codeMail = await waitForMail((m) => m.to.includes('hanako@demo.invalid') && subjectOf(m.raw).includes('確認コード'), 'sign-in code');
    const code = /(?<!\d)(\d{6})(?!\d)/.exec(partsOf(codeMail.raw, /text\/plain/i).join('\n') || codeMail.raw)?.[1];
    assert.ok(code, 'the mail carries a 6-digit code');
    await p.getByLabel(/確認コード/).fill(code);
    await p.getByRole('button', { name: '確認する' }).click();
    await p.getByRole('heading', { name: 'ご予約' }).waitFor();
    await p.getByText('今後のご予約はありません。').waitFor();
    await expectAccessible(p, 'my appointments (empty)');

    // Book a 再診 on the patient's day.
    await p.getByRole('link', { name: '再診を予約する' }).click();
    await p.getByRole('heading', { name: '再診を予約する' }).waitFor();
    const dayButton = p.getByRole('button', { name: new RegExp(`^${dayLabel(patientDay).replace(/[()]/g, '\\$&')}`) });
    await dayButton.click();
    const times = p
      .getByRole('group', { name: new RegExp(`時間を選ぶ: ${dayLabel(patientDay).replace(/[()]/g, '\\$&')}`) })
      .getByRole('button');
    await times.first().waitFor();
    assert.ok((await times.count()) >= 2, 'at least two free times that day');
    const firstTime = ((await times.nth(0).textContent()) ?? '').trim();
    const secondTime = ((await times.nth(1).textContent()) ?? '').trim();
    await expectAccessible(p, 'patient slot picker');
    await shot(p, 'patient-book-360');
    const box = await times.first().boundingBox();
    assert.ok(box && box.height >= 44, 'time buttons are large touch targets');
    await times.first().click();
    await p.getByRole('heading', { name: '内容の確認' }).waitFor();
    await p.getByRole('button', { name: 'この内容で予約する' }).click();
    await p.getByRole('heading', { name: 'ご予約を承りました' }).waitFor();
    await expectAccessible(p, 'patient booked');
    await p.getByRole('link', { name: 'ご予約一覧へ' }).click();
    const item = p.getByRole('listitem').filter({ hasText: `${dayLabel(patientDay)} ${firstTime}` });
    await item.waitFor();
    assert.match((await item.textContent()) ?? '', /再診/);
    await shot(p, 'patient-list-360');

    // Move it to the next free time.
    await item.getByRole('link', { name: '日時を変更' }).click();
    await p.getByRole('heading', { name: '日時の変更' }).waitFor();
    await p.getByRole('button', { name: new RegExp(`^${dayLabel(patientDay).replace(/[()]/g, '\\$&')}`) }).click();
    await p
      .getByRole('group', { name: new RegExp(`時間を選ぶ: ${dayLabel(patientDay).replace(/[()]/g, '\\$&')}`) })
      .getByRole('button', { name: secondTime, exact: true })
      .click();
    await p.getByRole('button', { name: 'この日時に変更する' }).click();
    await p.getByRole('heading', { name: '日時を変更しました' }).waitFor();
    await p.getByRole('link', { name: 'ご予約一覧へ' }).click();
    const moved = p.getByRole('listitem').filter({ hasText: `${dayLabel(patientDay)} ${secondTime}` });
    await moved.waitFor();
    assert.equal(
      await p
        .getByRole('listitem')
        .filter({ hasText: `${dayLabel(patientDay)} ${firstTime}` })
        .count(),
      0,
      'the old time is gone',
    );

    // Cancel it.
    await moved.getByRole('link', { name: 'キャンセル' }).click();
    await p.getByRole('heading', { name: '予約のキャンセル' }).waitFor();
    await expectAccessible(p, 'patient cancel');
    await shot(p, 'patient-cancel-360');
    await p.getByRole('button', { name: 'キャンセルする' }).click();
    await p.getByRole('heading', { name: 'キャンセルしました' }).waitFor();
    await p.getByRole('link', { name: 'ご予約一覧へ' }).click();
    await p.getByText('今後のご予約はありません。').waitFor();
    assert.deepEqual(foreignPatient, [], 'no request leaves our origin (patient)');
    await phone.close();

    // 3. The day-before reminder: queued when the server starts (and every few minutes), then delivered.
    await s.stop();
    server = await startAppServer(join(dir, 'e2e.db'), []);
    const reminder = await waitForMail(
      (m) => m.to.includes('ichiro@demo.invalid') && subjectOf(m.raw).includes('明日のご予約'),
      'day-before reminder',
      90_000,
    );
    const ics = partsOf(reminder.raw, /text\/calendar/i)[0] ?? '';
    assertValidIcs(ics, shoshinStart);
    assert.doesNotMatch(subjectOf(reminder.raw), /初診|精神|心療/, 'the subject names no treatment');
  },
);
