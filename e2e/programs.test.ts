// The monitor-program story in a real Chromium against the real server (demo clinic, fresh SQLite):
// define a program from the example; see consent refused until its governance (pathway, review
// board, approval, registry, protocol, SAP, approved documents) is recorded; screen, consent and enrol an adult and a minor (guardian
// consent + child assent); see the proposed schedule move a session off a closed day; record an
// infusion course as one appointment series (a national holiday skipped) and see it on the
// timeline; record an infusion and a serious adverse event, then edit the event; see the alert on
// the dashboard; withdraw the adult.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { clinicDay, seedClinicCalendar } from '../packages/core/src/scheduling/index.ts';
import { EXOSOME_PROGRAM, proposeSchedule } from '../packages/core/src/programs/index.ts';
import { addDays } from '../packages/core/src/time/index.ts';
import { apiAs, clinicDate, signIn } from './appointments-helpers.ts';
import { answerPhq9 } from './helpers/answer-phq9.ts';
import { axeViolations, launchBrowser, newContext } from './helpers/browser.ts';
import { e2eNow } from './helpers/clock.ts';
import { ensureWebBuild, root, startServer, type RunningServer } from './helpers/server.ts';

let server: RunningServer;
let browser: Browser;
const shots = join(root, 'docs/screenshots');
// Screenshots are saved to docs/ only when asked (E2E_SCREENSHOTS=1), so a test run leaves the tree clean.
const saveShots = process.env.E2E_SCREENSHOTS === '1';

before(async () => {
  ensureWebBuild();
  server = await startServer({ args: ['--demo'] });
  browser = await launchBrowser();
  mkdirSync(shots, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function expectAccessible(page: Page, where: string): Promise<void> {
  assert.deepEqual(await axeViolations(page), [], `axe on ${where}`);
}

const KANA = 'アイウエオカキクケコサシスセソタチツテト';
const kana = () => Array.from({ length: 5 }, () => KANA[Math.floor(Math.random() * KANA.length)]).join('');

const calendar = { ...seedClinicCalendar, zone: 'Asia/Tokyo' };
const isOpenDay = (d: string) => clinicDay(calendar, d).open;

/**
 * An enrolment date whose infusion course has a later session moved off a national holiday (the
 * clinic's calendar moves it, and the series proposal lists the holiday as skipped).
 */
function dateWithHolidayShift(today: string): { date: string; holiday: string; holidayName: string } {
  for (let k = 1; k < 150; k++) {
    const date = addDays(today, k);
    const shift = proposeSchedule({ program: EXOSOME_PROGRAM, enrolmentDate: date, isOpenDay }).shifts
      .find((s) => s.itemId !== 'session-1' && s.itemId.startsWith('session-') && clinicDay(calendar, s.from).holiday);
    if (shift) return { date, holiday: shift.from, holidayName: clinicDay(calendar, shift.from).holiday!.name };
  }
  throw new Error('no national holiday within reach of the infusion course');
}

async function screenAndConsentPage(page: Page, enrolmentId: string): Promise<void> {
  const base = server.baseUrl;
  await page.goto(`${base}/program-enrolments/${enrolmentId}`);
  await page.getByLabel('診断（ICD-10、カンマ区切り）').fill('F32.1');
  await page.getByRole('button', { name: '適格性を判定する' }).click();
  // Some exclusions have no data: the doctor attests them (the PHQ-9 on record decides severity).
  await page.getByRole('group', { name: '医師の確認（データがない基準）' }).waitFor();
  for (const box of await page.getByRole('group', { name: '医師の確認（データがない基準）' }).getByRole('checkbox').all()) await box.check();
  await page.getByRole('button', { name: '適格性を判定する' }).click();
  await page.getByRole('link', { name: '同意を取得する（タブレット）' }).click();
  await page.getByRole('heading', { level: 1, name: /同意の取得/ }).waitFor();
}

test('define, screen, consent (adult and minor), book the course around a holiday, infusion, SAE alert and its edit, withdrawal', { timeout: 240_000 }, async () => {
  const base = server.baseUrl;
  const out = server.output();
  const reception = await apiAs(base, 'demo.reception', out);
  const today = clinicDate(e2eNow());
  const adultKana = `テスト ${kana()}`;
  const adult = (await reception<{ patient: { id: string; patientNumber: string } }>('POST', '/api/patients', {
    nameKanji: '見守 一郎', nameKana: adultKana, birthDate: '1980-06-15', sex: 'male', phone: '090-1111-2222', acknowledgeDuplicates: true,
  })).patient;
  const minorKana = `テスト ${kana()}`;
  const minor = await reception<{ patient: { id: string } }>('POST', '/api/patients', {
    nameKanji: '見守 次郎', nameKana: minorKana, birthDate: addDays(today, -14 * 365 - 10), sex: 'male', phone: '090-3333-4444',
    guardians: [{ name: '見守 花子', relation: '母' }], acknowledgeDuplicates: true,
  });

  // Both answer a PHQ-9 before screening (the severity criterion waits for a score).
  const doctorApi = await apiAs(base, 'demo.doctor', out);
  await answerPhq9(base, doctorApi, { patientId: adult.id, today });
  await answerPhq9(base, doctorApi, { patientId: minor.patient.id, today });

  const context = await newContext(browser, 'ja');
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  page.on('console', (m) => { if (m.type() === 'error') console.log('console', m.text()); });
  await signIn(page, base, out, 'demo.doctor');

  // Define the program from the example, with ethics and registry ids.
  await page.getByRole('navigation').getByRole('link', { name: 'プログラム' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'モニタープログラム' }).waitFor();
  await page.getByLabel('倫理審査委員会の承認番号').fill('IRB-2026-014');
  await page.getByLabel('登録番号（jRCT / UMIN-CTR）').fill('jRCTs031180032');
  await page.getByRole('button', { name: '作成する' }).click();
  await page.getByText('プログラムを作成しました。').waitFor();
  await expectAccessible(page, 'programs');
  await page.getByRole('link', { name: /エクソソーム点滴モニタープログラム/ }).click();

  // Screen the adult from the program page.
  await page.getByLabel('患者を検索（氏名・フリガナ・診察券番号）').fill(adultKana);
  await page.getByRole('button', { name: '検索', exact: true }).first().click();
  await page.getByRole('button', { name: 'この患者のスクリーニングを開始' }).click();
  await page.getByRole('heading', { level: 2, name: '適格性' }).waitFor();
  const adultEnrolment = page.url().split('/').pop()!;
  await screenAndConsentPage(page, adultEnrolment);
  await page.getByLabel('署名者の氏名').fill('見守 一郎');
  await page.getByLabel('署名の方法').selectOption('typed');
  await page.getByLabel('署名（氏名を入力）').fill('見守 一郎');
  await page.getByLabel('質問', { exact: true }).fill('点滴は何分かかりますか');
  await page.getByLabel('回答').fill('約45分です');
  await expectAccessible(page, 'consent');
  // The program's governance is not recorded yet: the consent is refused, each missing item named.
  await page.getByRole('button', { name: '同意を記録する' }).click();
  await page.getByText(/研究の手続きがそろっていないため、同意を取得できません（不足 8件）/).waitFor();
  await page.getByText('審査委員会の名称と種類が未入力です。').waitFor();
  await page.getByText('同意文書 exosome-depression-anxiety-assent@1 が承認済みとして登録されていません。').waitFor();
  const consentUrl = page.url();

  // The doctor records the governance on the program page and sees the list of what is missing empty.
  await page.goto(`${base}/programs/exosome-depression-anxiety`);
  const gov = page.getByRole('region', { name: '研究の手続き（規制上の区分と承認）' });
  await gov.getByText('同意を取得する前に、次の8件が必要です').waitFor();
    await gov.getByLabel('規制上の区分').selectOption('specified_clinical_research');
  await gov.getByLabel('審査委員会の名称').fill('見守大学 認定臨床研究審査委員会（架空）');
  await gov.getByLabel('審査委員会の種類').selectOption('ethics_committee');
  await gov.getByLabel('承認番号').fill('CRB-2026-014');
  await gov.getByLabel('承認日').fill(addDays(today, -30));
  await gov.getByLabel('臨床研究登録番号').fill('UMIN000012345');
  await gov.getByLabel('研究計画書の版').fill('1.0');
  await gov.getByLabel('研究計画書の SHA-256').fill('a'.repeat(64));
  await gov.getByLabel('統計解析計画書の版').fill('1.0');
  await gov.getByLabel('統計解析計画書の SHA-256').fill('b'.repeat(64));
  for (const box of await gov.getByRole('group', { name: '承認された同意文書（版ごと）' }).getByRole('checkbox').all()) await box.check();
  await gov.getByRole('button', { name: '保存する（新しい版になります）' }).click();
  // An ethics committee and a UMIN id do not satisfy 特定臨床研究.
  await gov.getByText('同意を取得する前に、次の2件が必要です').waitFor();
  await gov.getByText('特定臨床研究は認定臨床研究審査委員会（CRB）の審査').waitFor();
  await gov.getByText('特定臨床研究は jRCT の登録番号').waitFor();
  await expectAccessible(page, 'governance with missing items');
  await page.evaluate(() => window.scrollTo(0, 0));
  if (saveShots) await page.screenshot({ path: join(shots, 'program-governance-missing-ja.png') });
  await gov.getByLabel('審査委員会の種類').selectOption('certified_review_board');
  await gov.getByLabel('臨床研究登録番号').fill('jRCTs031180032');
  await gov.getByRole('button', { name: '保存する（新しい版になります）' }).click();
  await gov.getByText(/同意の取得に必要な手続きはそろっています（特定臨床研究（臨床研究法））/).waitFor();
  await expectAccessible(page, 'governance complete');
  await page.evaluate(() => window.scrollTo(0, 0));
  if (saveShots) await page.screenshot({ path: join(shots, 'program-governance-ja.png') });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.evaluate(() => window.scrollTo(0, 0));
  if (saveShots) await page.screenshot({ path: join(shots, 'program-governance-phone-ja.png') });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'no sideways scroll at 360 px');
  await page.setViewportSize({ width: 1280, height: 800 });

  // Back on the consent page (the demo clinic may sign its sample texts): now it is recorded.
  await page.goto(consentUrl);
  await page.getByLabel('署名者の氏名').fill('見守 一郎');
  await page.getByLabel('署名の方法').selectOption('typed');
  await page.getByLabel('署名（氏名を入力）').fill('見守 一郎');
  await page.getByRole('button', { name: '同意を記録する' }).click();
  await page.getByText('同意を記録しました。').waitFor();

  // Enrol on a date whose course has an infusion on a national holiday: the schedule moves it and says why.
  const { date: enrolOn, holiday, holidayName } = dateWithHolidayShift(today);
  await page.getByRole('link', { name: '参加者のページへ' }).click();
  await page.getByLabel('登録日').fill(enrolOn);
  await page.getByRole('button', { name: '登録してスケジュールを作る' }).last().click();
  await page.getByRole('heading', { level: 2, name: 'スケジュール案' }).waitFor();
  await page.getByText(/休診日のため .* から移動/).first().waitFor();
  await page.getByRole('heading', { level: 2, name: '質問票の送信' }).waitFor();
  await expectAccessible(page, 'participant page');

  // Book the proposed infusion course as one series; the holiday is shown as skipped.
  const sessions = page.locator('section', { has: page.getByRole('heading', { level: 2, name: '治療セッション', exact: true }) });
  await sessions.getByRole('heading', { level: 3, name: '治療の予約' }).waitFor();
  await sessions.locator(`[data-passed="${holiday}"]`, { hasText: holidayName }).waitFor();
  await sessions.locator('[data-occurrence]', { hasText: holidayName }).waitFor();
  await expectAccessible(page, 'booking proposal');
  await page.setViewportSize({ width: 360, height: 740 });
  await sessions.scrollIntoViewIfNeeded();
  await expectAccessible(page, 'booking proposal on a phone');
  if (saveShots) await sessions.screenshot({ path: join(shots, 'program-booking-phone-ja.png') });
  await page.setViewportSize({ width: 1280, height: 800 });
  // A session the proposal cannot place (at the reference date, session 2 meets the year-end
  // closure) says why; booking without its time names it, and staff choose the first open day
  // after its window.
  const bookAll = sessions.getByRole('button', { name: '全5回をまとめて予約する' });
  const unplaced = await sessions.locator('[data-no-slot]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-no-slot'))));
  if (process.env.E2E_NOW === undefined) assert.deepEqual(unplaced, [2], 'at the reference date session 2 falls in the year-end closure');
  if (unplaced.length) {
    await sessions.locator('[data-no-slot]', { hasText: /のため予約できず、許容期間（.*）にも空き枠がありません/ }).first().waitFor();
    await sessions.getByRole('status').getByText(/投与 \d+ 回目は予約できる日時を提案できませんでした/).waitFor();
    await bookAll.click();
    await sessions.getByText(`投与 ${unplaced[0]} 回目の開始時刻を入力してください。`).first().waitFor();
    const planned = proposeSchedule({ program: EXOSOME_PROGRAM, enrolmentDate: enrolOn, isOpenDay }).items.filter((i) => i.kind === 'session');
    for (const n of unplaced) {
      let date = addDays(planned[n - 1]!.windowEnd, 1);
      while (!isOpenDay(date)) date = addDays(date, 1);
      const item = sessions.locator(`[data-occurrence="${n}"]`);
      await item.getByLabel('日付').fill(date);
      await item.getByLabel('開始時刻').fill('15:00');
    }
  }
  await bookAll.click();
  await page.getByText('予約しました（5回）。').waitFor();
  await sessions.locator('tr[data-status="booked"]').nth(4).waitFor();
  assert.equal(await sessions.locator('tr[data-status="booked"]').count(), 5);
  if (saveShots) await sessions.screenshot({ path: join(shots, 'program-booked-ja.png') });

  // Record an infusion, then a serious adverse event.
  await page.getByLabel('製剤名').fill('MSC-Exo 注');
  await page.getByLabel('製造元').fill('Example Bio');
  await page.getByLabel('ロット番号').fill('EXO-2026-041');
  await page.getByLabel('有効期限').fill('2027-12-31');
  await page.getByLabel('投与液量（mL）').fill('100');
  const vitals = [['収縮期血圧', '118'], ['拡張期血圧', '76'], ['脈拍', '72'], ['体温（℃）', '36.5'], ['SpO₂（%）', '98']];
  for (const group of ['投与前のバイタル', '投与後のバイタル']) for (const [label, v] of vitals) await page.getByRole('group', { name: group }).getByLabel(label!).fill(v!);
  await page.getByRole('button', { name: '記録する' }).first().click();
  // Given today, a week before the first session's window: recorded once the reason is given.
  await page.getByLabel('この日に投与した理由').fill('テストのため登録日に投与');
  await page.getByRole('button', { name: '理由を付けて記録する' }).click();
  await page.getByText('実施中').first().waitFor();
  await page.getByLabel('事象名').fill('アナフィラキシー');
  await page.getByLabel('グレード（CTCAE）').selectOption('3');
  await page.getByLabel('入院または入院期間の延長').check();
  // Not on the program's list of expected events: unexpected, decided by the list.
  await page.getByLabel('予測される有害事象（プログラムの一覧）').selectOption('');
  await page.getByRole('button', { name: '記録する' }).last().click();
  await page.getByText('重篤な有害事象のアラートを出しました。').waitFor();
  // Its reporting deadlines under 臨床研究法: 15 days to the head and the CRB, and to the Minister.
  await page.getByText('臨床研究法施行規則 第54条第2号ロ（15日）').first().waitFor();
  await page.getByText(`期限 ${addDays(today, 15)}`).first().waitFor();
  // The session is recorded against its booking.
  await sessions.locator('tr[data-status="recorded"]').waitFor();

  // Later the event resolves: edit it (a new version, kept with its changes).
  const aes = page.locator('section', { has: page.getByRole('heading', { level: 2, name: '有害事象', exact: true }) });
  await aes.getByRole('button', { name: '編集: アナフィラキシー' }).click();
  const edit = aes.getByRole('form', { name: '有害事象の編集: アナフィラキシー' });
  await edit.getByLabel('転帰').selectOption('recovered');
  await edit.getByRole('button', { name: '保存する' }).click();
  // A resolved outcome needs its end date: the field is named and nothing is saved.
  await edit.locator('.field__error').first().waitFor();
  await page.setViewportSize({ width: 360, height: 740 });
  await edit.scrollIntoViewIfNeeded();
  await expectAccessible(page, 'adverse event edit on a phone');
  if (saveShots) await aes.screenshot({ path: join(shots, 'program-ae-edit-phone-ja.png') });
  await page.setViewportSize({ width: 1280, height: 800 });
  await edit.getByLabel('終了日').fill(today);
  await edit.getByRole('button', { name: '保存する' }).click();
  await aes.getByText('保存しました。').waitFor();
  await aes.getByText('第2版').first().waitFor();
  await expectAccessible(page, 'adverse event edited');

  // The minor: screened by the doctor, consent on the tablet page by the guardian and the child.
  await page.goto(`${base}/programs/exosome-depression-anxiety`);
  await page.getByLabel('患者を検索（氏名・フリガナ・診察券番号）').fill(minorKana);
  await page.getByRole('button', { name: '検索', exact: true }).first().click();
  await page.getByRole('button', { name: 'この患者のスクリーニングを開始' }).click();
  await page.getByRole('heading', { level: 2, name: '適格性' }).waitFor();
  const minorEnrolment = page.url().split('/').pop()!;
  await screenAndConsentPage(page, minorEnrolment);
  await page.getByText('16歳未満の方は').waitFor();
  await page.getByLabel('種別').selectOption('guardian');
  await page.getByLabel('署名者の氏名').fill('見守 花子');
  await page.getByLabel('続柄').selectOption('mother');
  await page.locator('canvas.prg-signature').scrollIntoViewIfNeeded();
  const pad = await page.locator('canvas.prg-signature').boundingBox();
  assert.ok(pad);
  await page.mouse.move(pad.x + 30, pad.y + 60);
  await page.mouse.down();
  for (const [dx, dy] of [[80, 40], [160, 80], [240, 30], [320, 90]]) await page.mouse.move(pad.x + dx!, pad.y + dy!, { steps: 4 });
  await page.mouse.up();
  await page.getByRole('button', { name: '同意を記録する' }).click();
  await page.getByText(/あと必要な同意: お子さんのアセント/).waitFor();
  await page.getByLabel('種別').selectOption('assent');
  await page.getByLabel('署名者の氏名').fill('見守 次郎');
  await page.getByLabel('署名の方法').selectOption('typed');
  await page.getByLabel('署名（氏名を入力）').fill('見守 次郎');
  await page.getByRole('button', { name: '同意を記録する' }).click();
  await page.getByText('同意を記録しました。').waitFor();
  await page.getByRole('link', { name: '参加者のページへ' }).click();
  await page.getByText('同意取得済み').first().waitFor();
  await page.getByText(/^代諾者の同意 — 見守 花子/).waitFor();
  await page.getByText(/^お子さんのアセント — 見守 次郎/).waitFor();
  await page.getByRole('button', { name: '登録してスケジュールを作る' }).last().click();
  await page.getByRole('heading', { level: 2, name: 'スケジュール案' }).waitFor();

  // The alert is on the program dashboard until a doctor reviews it.
  await page.goto(`${base}/programs/exosome-depression-anxiety`);
  const alerts = page.locator('section', { has: page.getByRole('heading', { name: '安全性' }) });
  await alerts.getByText(/アナフィラキシー/).first().waitFor();
  await page.getByText(/同意の取得に必要な手続きはそろっています/).waitFor();
  await expectAccessible(page, 'program dashboard');
  if (saveShots) await page.screenshot({ path: join(shots, 'program-dashboard-ja.png'), fullPage: true });

  // Timeline of the adult.
  await page.goto(`${base}/patients/${adult.id}/program-timeline`);
  await page.getByRole('heading', { level: 1, name: /経過タイムライン/ }).waitFor();
  await page.locator('.prg-timeline-chart svg').waitFor();
  // The booked course is on the timeline: the first session done, the other four booked.
  const plan = page.locator('.prg-plan');
  await plan.waitFor();
  assert.equal(await plan.locator('tr[data-status="booked"]').count(), 4);
  assert.equal(await plan.locator('tr[data-status="recorded"]').count(), 1);
  await expectAccessible(page, 'timeline');
  if (saveShots) await page.screenshot({ path: join(shots, 'patient-timeline-ja.png'), fullPage: true });

  // A patient with no program records: a plain statement, no empty chart and no header-only table.
  const newcomer = (await reception<{ patient: { id: string } }>('POST', '/api/patients', {
    nameKanji: '見守 三郎', nameKana: `テスト ${kana()}`, birthDate: '1975-02-03', sex: 'male', phone: '090-3333-4444', acknowledgeDuplicates: true,
  })).patient;
  await page.goto(`${base}/patients/${newcomer.id}/program-timeline`);
  await page.getByRole('status').getByText('この患者さんにはプログラムの記録がまだありません。').waitFor();
  assert.equal(await page.locator('.prg-timeline-chart').count(), 0);
  assert.equal(await page.locator('table').count(), 0);
  await expectAccessible(page, 'empty timeline');

  // Withdraw the adult: dosing is then refused.
  await page.goto(`${base}/program-enrolments/${adultEnrolment}`);
  await page.getByLabel('理由').fill('本人の申し出');
  await page.getByLabel('収集済みデータの扱い').selectOption('delete_from_future_exports');
  await page.getByRole('button', { name: '中止（同意撤回）' }).click();
  await page.locator('.tag', { hasText: '中止（同意撤回）' }).waitFor();
  // The four infusions still to come are cancelled with the withdrawal, and the questionnaires.
  await page.getByText(/今後の予約 4 件と質問票 \d+ 件を取り消しました。/).waitFor();
  // A withdrawn patient gets no infusion form (and the server refuses a dose).
  await page.getByRole('heading', { name: /点滴の記録/ }).waitFor({ state: 'detached' });

  // English views for the docs.
  const en = await newContext(browser, 'en');
  const p2 = await en.newPage();
  await p2.context().addCookies(await context.cookies());
  await p2.goto(`${base}/programs/exosome-depression-anxiety`);
  await p2.evaluate(() => localStorage.setItem('mimamori.lang', 'en'));
  await p2.reload();
  await p2.locator('.prg-dash').waitFor();
  await p2.getByText('Everything needed before taking consent is recorded (Specified clinical research (Clinical Trials Act)).').waitFor();
  if (saveShots) await p2.screenshot({ path: join(shots, 'program-dashboard-en.png'), fullPage: true });
  // The minor's course, not booked yet, as an English-speaking nurse reviews it.
  await p2.goto(`${base}/program-enrolments/${minorEnrolment}`);
  await p2.getByRole('heading', { level: 3, name: 'Book the treatment' }).waitFor();
  await p2.locator('[data-occurrence]').first().waitFor();
  await p2.getByRole('button', { name: 'Book all 5 sessions' }).waitFor();
  await expectAccessible(p2, 'booking proposal in English');
  if (saveShots) await p2.screenshot({ path: join(shots, 'program-booking-en.png'), fullPage: true });
  await p2.goto(`${base}/patients/${adult.id}/program-timeline`);
  await p2.locator('.prg-timeline-chart svg').waitFor();
  if (saveShots) await p2.screenshot({ path: join(shots, 'patient-timeline-en.png'), fullPage: true });
  await en.close();
  await context.close();
});
