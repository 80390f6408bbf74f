// A new clinic, as its administrator sets it up, in a real Chromium against the real server on a
// fresh database (not the demo): setup link → the walk-through on the home page → clinic details →
// hours → a doctor's account → the doctor and a room as bookable resources (the doctor linked to
// their account) → a patient → the first booking. No name or phone of the demo clinic appears on
// any page. Then a day with that booking is closed and the admin keeps the booking: the save
// message says how many bookings were kept.
// With E2E_SCREENSHOTS=1 the walk-through, clinic details, resources and closure message are saved
// as docs/screenshots/clinic-setup-*.png (360 and 1280 px). The new screens are checked in English too.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { clinicDate, dayLabel, esc, plusDays } from './appointments-helpers.ts';
import { axeViolations, launchBrowser, newContext } from './helpers/browser.ts';
import { e2eNow } from './helpers/clock.ts';
import { ensureWebBuild, root, startServer, type RunningServer } from './helpers/server.ts';
import { totpCode } from './helpers/totp.ts';

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

/** The demo clinic's people and phone: none may appear in a clinic that was set up from its own facts. */
const DEMO = /森|岡田|上田|加藤|石井|03-0000-0000/;

async function check(page: Page, where: string): Promise<void> {
  assert.deepEqual(await axeViolations(page), [], `axe on ${where}`);
  const text = await page.evaluate(() => document.body.innerText);
  assert.doesNotMatch(text, DEMO, `no demo clinic fact on ${where}`);
}

/** The whole page, or (with `near`) the screen around one element, at 360 and 1280 px. */
async function shot(page: Page, name: string, near?: Locator): Promise<void> {
  if (process.env.E2E_SCREENSHOTS !== '1') return;
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: width === 360 ? 740 : 800 });
    if (near) await near.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    // Let the page lay out and paint at the new width before the picture is taken.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(root, `docs/screenshots/clinic-setup-${name}-${width}.png`), fullPage: !near });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

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

const menu = (page: Page) => page.getByRole('navigation', { name: 'メインメニュー' });

/** The status of each step of the walk-through on the home page, e.g. `['クリニック情報（名称・住所・電話番号）', '完了']`. */
async function steps(page: Page): Promise<Record<string, string>> {
  const items = page.getByRole('region', { name: '初期設定' }).getByRole('listitem');
  await items.first().waitFor();
  const out: Record<string, string> = {};
  for (const li of await items.all()) {
    const [status, ...rest] = (await li.innerText()).trim().split(/\s+/);
    out[rest.join(' ')] = status!;
  }
  return out;
}

test('a fresh clinic is set up from its own facts, then booked; closing the booked day keeps the booking and says so', { timeout: 420_000 }, async () => {
  const link = /(https?:\/\/\S+\/setup\?token=[A-Za-z0-9_-]+)/.exec(server.output())?.[1];
  assert.ok(link, 'the server prints a setup link');
  const context = await newContext(browser, 'ja');
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });

  // 1. The first administrator.
  await page.goto(link);
  await page.getByRole('heading', { name: '初期設定' }).waitFor();
  await page.getByLabel('クリニック名').fill('さくら心療内科');
  await page.getByLabel(/^ログインID/).fill('admin.tanaka');
  await page.getByLabel(/^氏名/).fill('田中 管理者');
  await page.getByLabel(/^新しいパスワード/).fill('correct horse battery staple');
  await page.getByLabel(/^パスワード（確認）/).fill('correct horse battery staple');
  await page.getByRole('button', { name: /認証アプリの登録/ }).click();
  await page.getByRole('heading', { name: '認証アプリの登録' }).waitFor();
  const secret = ((await page.locator('.secret code').textContent()) ?? '').replace(/\s+/g, '');
  const used = new Set<string>();
  await page.getByLabel(/^認証コード/).fill(await freshCode(secret, used));
  await page.getByRole('button', { name: '登録してログイン' }).click();
  await page.getByRole('heading', { name: 'ホーム', level: 1 }).waitFor();

  // 2. The home page walks the admin through the setup; nothing is done yet.
  let s = await steps(page);
  assert.deepEqual(Object.values(s), ['未完了', '未完了', '未完了', '未完了', '未完了', '未完了'], JSON.stringify(s));
  await check(page, 'home with the walk-through');
  await shot(page, 'checklist');

  // The booking page says why nothing can be booked yet.
  await page.goto(`${server.baseUrl}/appointments/new`);
  await page.getByText(/まだ予約を受け付けられません。初期設定で診療時間と/).waitFor();
  await check(page, 'booking page before setup');

  // 3. Clinic details: a wrong phone is refused in Japanese, then saved.
  await page.goto(server.baseUrl);
  await page.getByRole('link', { name: /クリニック情報（名称・住所・電話番号）/ }).click();
  await page.getByRole('heading', { name: 'クリニック情報', level: 1 }).waitFor();
  await page.getByLabel('住所').fill('東京都港区芝1-2-3');
  await page.getByLabel('電話番号').fill('12-345');
  await page.getByRole('button', { name: 'クリニック情報を保存' }).click();
  await page.getByText('電話番号は日本の番号で入力してください（例: 03-1234-5678）。').waitFor();
  await page.getByLabel('電話番号').fill('０３（１２３４）５６７８');
  await page.getByRole('button', { name: 'クリニック情報を保存' }).click();
  await page.getByText('保存しました。').waitFor();
  await check(page, 'clinic details');
  await shot(page, 'facts');

  // 4. Hours: every weekday 9:00–13:00 (national holidays closed).
  await page.goto(`${server.baseUrl}/calendar-admin`);
  await page.getByRole('heading', { name: '診療時間・休診・サービスの設定' }).waitFor();
  for (const day of ['月曜日', '火曜日', '水曜日', '木曜日', '金曜日', '土曜日', '日曜日']) {
    await page.getByRole('button', { name: `${day}に診療枠を追加` }).click();
  }
  await page.getByRole('button', { name: '診療カレンダーを保存' }).click();
  await page.getByText('保存しました。').first().waitFor();
  await check(page, 'calendar settings');

  // 5. A doctor's account.
  await menu(page).getByRole('link', { name: 'スタッフ管理' }).click();
  await page.getByLabel(/^ログインID/).fill('dr.sato');
  await page.getByLabel(/^氏名/).fill('佐藤 花子');
  await page.getByLabel(/^役割/).selectOption('doctor');
  await page.getByRole('button', { name: '招待リンクを作成' }).click();
  await page.getByRole('cell', { name: '佐藤 花子 dr.sato' }).waitFor();

  // 6. The doctor, linked to that account, and a room.
  await page.goto(`${server.baseUrl}/settings/resources`);
  await page.getByRole('heading', { name: '担当者・部屋・機器', level: 1 }).waitFor();
  await page.getByText('まだ登録されていません。医師や部屋を追加してください。').waitFor();
  const add = page.getByRole('form', { name: '担当者・設備を追加' });
  await add.getByLabel('名称').fill('佐藤 医師');
  await add.getByRole('checkbox', { name: '医師', exact: true }).check();
  await add.getByLabel('紐づけるスタッフ').selectOption({ label: '佐藤 花子（医師）' });
  await add.getByRole('button', { name: '追加' }).click();
  await page.getByRole('group', { name: '佐藤 医師' }).waitFor();
  await add.getByLabel('名称').fill('診察室 1');
  await add.getByRole('checkbox', { name: '部屋', exact: true }).check();
  await add.getByRole('button', { name: '追加' }).click();
  await page.getByRole('group', { name: '診察室 1' }).waitFor();
  await check(page, 'resources');
  await shot(page, 'resources');
  // The staff list shows whom each account is booked as.
  await menu(page).getByRole('link', { name: 'スタッフ管理' }).click();
  await page.getByRole('row', { name: /佐藤 花子.*佐藤 医師/ }).waitFor();
  await check(page, 'staff with their bookable resource');

  // 6b. Services: 初診 offers no online booking; a new service needing a doctor and a room is added.
  await page.goto(`${server.baseUrl}/settings/resources`);
  await page.getByRole('link', { name: /予約種別の名前・所要時間/ }).click();
  await page.getByRole('heading', { name: 'サービス', level: 2 }).waitFor();
  const shoshin = page.getByRole('group', { name: /^初診/ });
  await shoshin.getByText('初診は受付が電話で予約します（オンライン予約にはできません）。').waitFor();
  assert.equal(await shoshin.getByLabel('予約できる人').count(), 0);
  const newService = page.getByRole('group', { name: 'サービスを追加' });
  await newService.getByLabel(/^名前（日本語）/).fill('家族面談');
  await newService.getByLabel(/^名前（英語）/).fill('Family meeting');
  await newService.getByLabel('所要時間（分）').fill('45');
  await newService.getByRole('button', { name: '追加' }).click();
  await newService.getByText(/必要な担当者・設備を1つ以上選んでください。/).first().waitFor();
  await newService.getByRole('checkbox', { name: '医師', exact: true }).check();
  await newService.getByRole('checkbox', { name: '部屋', exact: true }).check();
  await newService.getByRole('button', { name: '追加' }).click();
  await page.getByRole('group', { name: /^家族面談/ }).waitFor();
  await check(page, 'services');
  await shot(page, 'services', page.getByRole('group', { name: /^家族面談/ }));

  // 7. Everything but the first booking is done.
  await menu(page).getByRole('link', { name: 'ホーム' }).click();
  s = await steps(page);
  assert.deepEqual(Object.values(s), ['完了', '完了', '完了', '完了', '完了', '未完了'], JSON.stringify(s));
  await shot(page, 'checklist-ready');

  // 8. A patient, and the first booking (初診, the first free time).
  await menu(page).getByRole('link', { name: '患者', exact: true }).click();
  await page.getByRole('link', { name: '新規患者登録' }).click();
  await page.getByLabel(/^氏名（漢字）/).fill('鈴木 一郎');
  await page.getByLabel(/^フリガナ/).fill('スズキ イチロウ');
  await page.getByLabel(/^生年月日/).fill('1980-04-01');
  await page.getByLabel(/^性別/).selectOption('male');
  await page.getByRole('button', { name: '登録する' }).click();
  await page.getByText(/登録しました。診察券番号は/).waitFor();
  await page.goto(`${server.baseUrl}/appointments/new`);
  await page.getByRole('heading', { name: '新規予約', level: 1 }).waitFor();
  assert.equal(await page.getByText(/まだ予約を受け付けられません/).count(), 0);
  await page.getByLabel('患者を探す').fill('すずき いちろう');
  await page.getByRole('button', { name: /鈴木 一郎/ }).click();
  await page.getByLabel('サービス', { exact: true }).selectOption('shoshin');
  const slot = page.getByRole('button', { name: /^\S+ \d{2}:\d{2} を選ぶ$/ }).first();
  await slot.waitFor();
  const label = (await slot.getAttribute('aria-label')) ?? '';
  const [, dayText, time] = /^(\S+) (\d{2}:\d{2}) を選ぶ$/.exec(label)!;
  await slot.click();
  await page.getByRole('button', { name: '予約する', exact: true }).click();
  await page.getByText(new RegExp(`予約しました：${esc(dayText!)} ${time} 初診`)).waitFor();
  await check(page, 'first booking');
  const today = clinicDate(e2eNow());
  const bookedDay = Array.from({ length: 60 }, (_, i) => plusDays(today, i)).find((d) => dayLabel(d) === dayText);
  assert.ok(bookedDay, `the booked day ${dayText} is within 60 days`);
  await menu(page).getByRole('link', { name: 'ホーム' }).click();
  await page.getByRole('heading', { name: 'ホーム', level: 1 }).waitFor();
  // All done: the walk-through leaves the home page.
  await page.getByRole('heading', { name: '要対応のアラート' }).waitFor();
  await page.waitForLoadState('networkidle');
  assert.equal(await page.getByRole('region', { name: '初期設定' }).count(), 0, 'the walk-through is gone once every step is done');

  // 9. Close the booked day and keep the booking: the message says one booking was kept.
  await page.goto(`${server.baseUrl}/calendar-admin`);
  await page.getByRole('heading', { name: '診療時間・休診・サービスの設定' }).waitFor();
  await page.getByRole('button', { name: '臨時変更を追加' }).click();
  const change = page.getByRole('group', { name: '臨時変更（1日だけ）' }).last();
  await change.getByLabel('日付').fill(bookedDay);
  await change.getByLabel('理由').fill('院内研修');
  await page.getByRole('button', { name: '診療カレンダーを保存' }).click();
  const review = page.getByRole('region', { name: /^休診になる時間の予約（1件）$/ });
  await review.waitFor();
  assert.match((await review.getByRole('row').filter({ hasText: '鈴木 一郎' }).innerText()).replace(/\s+/g, ' '), new RegExp(`${esc(dayText!)} ${time}–`));
  await review.getByLabel(/予約は残し/).check();
  await review.getByRole('button', { name: '選んだ方法で休診を保存' }).click();
  await page.getByText('保存しました。休診にかかる予約1件はそのまま残しています。受付で日程を変更してください。').waitFor();
  await check(page, 'closure kept');
  await shot(page, 'closure-kept', page.getByText(/^保存しました。休診にかかる予約1件/));
  // The booking is still there, on the closed day.
  await page.goto(`${server.baseUrl}/appointments?view=day&date=${bookedDay}`);
  await page.getByRole('link', { name: new RegExp(`${time}.*鈴木 一郎`) }).waitFor();

  // 10. The same screens in English.
  await page.getByRole('button', { name: 'English' }).click();
  await page.goto(`${server.baseUrl}/settings/clinic`);
  await page.getByRole('heading', { name: 'Clinic details', level: 1 }).waitFor();
  assert.equal(await page.getByLabel('Phone').inputValue(), '03-1234-5678');
  await check(page, 'clinic details (en)');
  await page.goto(`${server.baseUrl}/settings/resources`);
  await page.getByRole('heading', { name: 'Staff, rooms and devices', level: 1 }).waitFor();
  await page.getByText('First visit: Doctor').waitFor();
  await check(page, 'resources (en)');
  await shot(page, 'resources-en');
  await context.close();
});
