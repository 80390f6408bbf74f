// The whole governed exosome flow in one real Chromium session against the demo server: a doctor
// defines the program from the example and records its governance; registers a product lot and
// attaches its certificate of analysis (the lot is released only then); screens a 17-year-old with a
// PHQ-9 on record; takes the guardian's consent and the minor's own consent (at 16–17 both are
// needed); enrols and books the course; records an infusion from the lot with the dose in particles
// (per kg shown), vitals with the respiratory rate and the reason for a dose out of its window; then
// records a serious adverse event and sees its reporting deadline.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { clinicDay, seedClinicCalendar } from '../packages/core/src/scheduling/index.ts';
import { EXOSOME_PROGRAM, proposeSchedule } from '../packages/core/src/programs/index.ts';
import { addDays } from '../packages/core/src/time/index.ts';
import { apiAs, clinicDate, signIn } from './appointments-helpers.ts';
import { answerPhq9 } from './helpers/answer-phq9.ts';
import { axeViolations, launchBrowser, newContext } from './helpers/browser.ts';
import { e2eNow } from './helpers/clock.ts';
import { ensureWebBuild, startServer, type RunningServer } from './helpers/server.ts';

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

const KANA = 'アイウエオカキクケコサシスセソタチツテト';
const kana = () => Array.from({ length: 5 }, () => KANA[Math.floor(Math.random() * KANA.length)]).join('');
const PROGRAM = 'exosome-depression-anxiety';
const LOT = 'EXO-E2E-2026-17';
const calendar = { ...seedClinicCalendar, zone: 'Asia/Tokyo' };
const isOpenDay = (d: string) => clinicDay(calendar, d).open;

/** A one-page PDF, enough to be stored and served as the lot's certificate. */
function certificatePdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => { offsets.push(body.length); body += `${i + 1} 0 obj\n${o}\nendobj\n`; });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((n) => `${String(n).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

test('a doctor governs the exosome program, releases a lot with its certificate, consents and enrols a 17-year-old, records an infusion and a serious adverse event with its deadline', { timeout: 300_000 }, async () => {
  const base = server.baseUrl;
  const out = server.output();
  const today = clinicDate(e2eNow());
  const [reception, doctorApi] = await Promise.all([apiAs(base, 'demo.reception', out), apiAs(base, 'demo.doctor', out)]);
  // Seventeen years and about a month old on the test's clock.
  const birthDate = addDays(today, -(17 * 365 + 4) - 35);
  const nameKana = `テスト ${kana()}`;
  const minor = (await reception<{ patient: { id: string } }>('POST', '/api/patients', {
    nameKanji: '見守 十七', nameKana, birthDate, sex: 'female', phone: '090-1717-1717',
    guardians: [{ name: '見守 花子', relation: '母' }], acknowledgeDuplicates: true,
  })).patient;
  await answerPhq9(base, doctorApi, { patientId: minor.id, today });

  const context = await newContext(browser, 'ja');
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  await signIn(page, base, out, 'demo.doctor');

  // The program from the example.
  await page.getByRole('navigation').getByRole('link', { name: 'プログラム' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'モニタープログラム' }).waitFor();
  await page.getByLabel('倫理審査委員会の承認番号').fill('CRB-2026-014');
  await page.getByLabel('登録番号（jRCT / UMIN-CTR）').fill('jRCTs031180032');
  await page.getByRole('button', { name: '作成する' }).click();
  await page.getByText('プログラムを作成しました。').waitFor();

  // Its governance on the program page.
  await page.goto(`${base}/programs/${PROGRAM}`);
  const gov = page.getByRole('region', { name: '研究の手続き（規制上の区分と承認）' });
  await gov.getByText(/同意を取得する前に、次の\d+件が必要です/).waitFor();
  await gov.getByLabel('規制上の区分').selectOption('specified_clinical_research');
  await gov.getByLabel('審査委員会の名称').fill('見守大学 認定臨床研究審査委員会（架空）');
  await gov.getByLabel('審査委員会の種類').selectOption('certified_review_board');
  await gov.getByLabel('承認番号').fill('CRB-2026-014');
  await gov.getByLabel('承認日').fill(addDays(today, -30));
  await gov.getByLabel('臨床研究登録番号').fill('jRCTs031180032');
  await gov.getByLabel('研究計画書の版').fill('1.0');
  await gov.getByLabel('研究計画書の SHA-256').fill('a'.repeat(64));
  await gov.getByLabel('統計解析計画書の版').fill('1.0');
  await gov.getByLabel('統計解析計画書の SHA-256').fill('b'.repeat(64));
  for (const box of await gov.getByRole('group', { name: '承認された同意文書（版ごと）' }).getByRole('checkbox').all()) await box.check();
  await gov.getByRole('button', { name: '保存する（新しい版になります）' }).click();
  await gov.getByText(/同意の取得に必要な手続きはそろっています（特定臨床研究（臨床研究法））/).waitFor();

  // A lot registered without its certificate is not released; attaching the PDF releases it.
  await page.goto(`${base}/programs/${PROGRAM}/lots`);
  const lotForm = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'ロットを登録する' }) });
  await lotForm.getByLabel('製剤名').fill('MSC-Exo 注');
  await lotForm.getByLabel('製造元').fill('Example Bio');
  await lotForm.getByLabel('ロット番号').fill(LOT);
  await lotForm.getByLabel('有効期限').fill(addDays(today, 365));
  await lotForm.getByLabel('受領日').fill(addDays(today, -7));
  await lotForm.getByLabel('粒子数（個/mL）').fill('2e8');
  await lotForm.getByLabel('1バイアルの容量（mL）').fill('2');
  await lotForm.getByLabel('試験日').fill(addDays(today, -20));
  await lotForm.getByLabel('エンドトキシン（EU/mL）').fill('0.1');
  await lotForm.getByRole('button', { name: 'ロットを登録する' }).click();
  await lotForm.getByText('ロットを登録しました。').waitFor();
  const lotRow = page.locator(`tr[data-lot="${LOT}"]`);
  await lotRow.getByText('投与不可').waitFor();
  await lotRow.getByText('試験成績書のファイルがありません。').waitFor();
  await lotRow.getByLabel('添付する').setInputFiles({ name: 'coa.pdf', mimeType: 'application/pdf', buffer: certificatePdf() });
  await lotRow.getByText('投与可').waitFor();
  const download = lotRow.getByRole('link', { name: 'ダウンロード' });
  await download.waitFor();
  const pdf = await page.request.get(new URL((await download.getAttribute('href'))!, base).href);
  assert.equal(pdf.status(), 200);
  assert.ok((await pdf.body()).subarray(0, 5).toString('latin1') === '%PDF-', 'the certificate served back is the PDF');

  // Screen the 17-year-old from the program page.
  await page.goto(`${base}/programs/${PROGRAM}`);
  await page.getByLabel('患者を検索（氏名・フリガナ・診察券番号）').fill(nameKana);
  await page.getByRole('button', { name: '検索', exact: true }).first().click();
  await page.getByRole('button', { name: 'この患者のスクリーニングを開始' }).click();
  await page.getByRole('heading', { level: 2, name: '適格性' }).waitFor();
  await page.getByLabel('診断（ICD-10、カンマ区切り）').fill('F32.1');
  await page.getByRole('button', { name: '適格性を判定する' }).click();
  const attest = page.getByRole('group', { name: '医師の確認（データがない基準）' });
  await attest.waitFor();
  for (const box of await attest.getByRole('checkbox').all()) await box.check();
  await page.getByRole('button', { name: '適格性を判定する' }).click();
  await page.getByRole('link', { name: '同意を取得する（タブレット）' }).click();
  await page.getByRole('heading', { level: 1, name: /同意の取得/ }).waitFor();

  // At 17 the guardian consents and so does the minor (an assent is not enough).
  await page.getByText('16・17歳の方は、代諾者の同意と本人の同意を別々に記録します（アセントでは足りません）。').waitFor();
  assert.deepEqual((await page.getByLabel('種別').locator('option').allTextContents()).sort(), ['代諾者の同意', '本人の同意'].sort());
  assert.deepEqual(await axeViolations(page), [], 'axe on the consent page');
  await page.getByLabel('種別').selectOption('guardian');
  await page.getByLabel('署名者の氏名').fill('見守 花子');
  await page.getByLabel('続柄').selectOption('mother');
  await page.getByLabel('署名の方法').selectOption('typed');
  await page.getByLabel('署名（氏名を入力）').fill('見守 花子');
  await page.getByRole('button', { name: '同意を記録する' }).click();
  await page.getByText(/あと必要な同意: 本人の同意/).waitFor();
  await page.getByLabel('種別').selectOption('participant');
  await page.getByLabel('署名者の氏名').fill('見守 十七');
  await page.getByLabel('署名の方法').selectOption('typed');
  await page.getByLabel('署名（氏名を入力）').fill('見守 十七');
  await page.getByRole('button', { name: '同意を記録する' }).click();
  await page.getByText('同意を記録しました。').waitFor();
  await page.getByRole('link', { name: '参加者のページへ' }).click();
  await page.getByText('同意取得済み').first().waitFor();
  await page.getByText(/^代諾者の同意 — 見守 花子/).waitFor();
  await page.getByText(/^本人の同意 — 見守 十七/).waitFor();

  // Enrol today and book the proposed course (a session the proposal cannot place gets the first open day after its window).
  await page.getByLabel('登録日').fill(today);
  await page.getByRole('button', { name: '登録してスケジュールを作る' }).last().click();
  await page.getByRole('heading', { level: 2, name: 'スケジュール案' }).waitFor();
  const sessions = page.locator('section', { has: page.getByRole('heading', { level: 2, name: '治療セッション', exact: true }) });
  await sessions.getByRole('heading', { level: 3, name: '治療の予約' }).waitFor();
  await sessions.locator('[data-occurrence]').first().waitFor();
  const unplaced = await sessions.locator('[data-no-slot]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-no-slot'))));
  const planned = proposeSchedule({ program: EXOSOME_PROGRAM, enrolmentDate: today, isOpenDay }).items.filter((i) => i.kind === 'session');
  for (const n of unplaced) {
    let date = addDays(planned[n - 1]!.windowEnd, 1);
    while (!isOpenDay(date)) date = addDays(date, 1);
    const item = sessions.locator(`[data-occurrence="${n}"]`);
    await item.getByLabel('日付').fill(date);
    await item.getByLabel('開始時刻').fill('15:00');
  }
  await sessions.getByRole('button', { name: '全5回をまとめて予約する' }).click();
  await page.getByText('予約しました（5回）。').waitFor();
  assert.equal(await sessions.locator('tr[data-status="booked"]').count(), 5);

  // The infusion from the registered lot: dose in particles with the weight (per kg shown), vitals with the respiratory rate.
  const form = page.locator('section#record');
  await form.getByRole('heading', { name: '点滴の記録（第1回）' }).waitFor();
  const lotSelect = form.getByLabel('登録済みのロット');
  await lotSelect.selectOption((await lotSelect.locator('option', { hasText: LOT }).getAttribute('value'))!);
  await form.getByLabel('投与量', { exact: true }).fill('4e8');
  await form.getByLabel('単位').selectOption('particles');
  await form.getByLabel('体重（kg）').fill('50');
  await form.getByText('体重あたり：8×10⁶ 粒子数（個）/kg').waitFor();
  await form.getByLabel('投与液量（mL）').fill('102');
  await form.getByLabel('希釈液', { exact: true }).fill('生理食塩水');
  await form.getByLabel('投与速度（mL/時）').fill('150');
  await form.getByLabel('前投薬（なければ「なし」）').fill('なし');
  const vitals: Array<[string, string]> = [['収縮期血圧', '112'], ['拡張期血圧', '70'], ['脈拍', '76'], ['体温（℃）', '36.6'], ['SpO₂（%）', '99'], ['呼吸数（回/分）', '16']];
  for (const group of ['投与前のバイタル', '投与中のバイタル', '投与後のバイタル']) for (const [label, v] of vitals) await form.getByRole('group', { name: group }).getByLabel(label).fill(v);
  await form.getByLabel('観察時間（分）').fill('30');
  await form.getByRole('button', { name: '記録する' }).click();
  // Given today, before the first session's window: the reason is asked for.
  await form.getByText('予定の範囲外の投与です').waitFor();
  await form.getByLabel('この日に投与した理由').fill('本人と保護者の都合で前倒し（医師了承）');
  await form.getByRole('button', { name: '理由を付けて記録する' }).click();
  await form.getByText(/記録しました。/).waitFor();
  await sessions.locator('tr[data-status="recorded"]').first().waitFor();

  // A serious adverse event, not on the program's expected list: its reporting deadline under 臨床研究法.
  await page.getByLabel('事象名').fill('アナフィラキシー');
  await page.getByLabel('グレード（CTCAE）').selectOption('3');
  await page.getByLabel('入院または入院期間の延長').check();
  await page.getByLabel('予測される有害事象（プログラムの一覧）').selectOption('');
  await page.getByRole('button', { name: '記録する' }).last().click();
  await page.getByText('重篤な有害事象のアラートを出しました。').waitFor();
  await page.getByText('臨床研究法施行規則 第54条第2号ロ（15日）').first().waitFor();
  await page.getByText(`期限 ${addDays(today, 15)}`).first().waitFor();
  assert.deepEqual(await axeViolations(page), [], 'axe on the participant page with the event');
  await context.close();
});
