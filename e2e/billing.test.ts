// Self-pay billing in a real Chromium against the real demo server: a nurse records an infusion
// (charged in the same transaction), reception takes the payment and prints the 領収書 兼 明細書 (the
// PDF read back with pdftotext: items, tax line, registration number), the patient opens it on a
// phone, and after a withdrawal mid-course reception requests the pro-rata refund that an
// administrator approves; the daily closing shows it all.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { EXOSOME_PROGRAM } from '../packages/core/src/programs/index.ts';
import { approvedProgram } from '../packages/server/test/programs/approved-program.ts';
import { apiAs, clinicDate, signIn } from './appointments-helpers.ts';
import { answerPhq9 } from './helpers/answer-phq9.ts';
import { axeViolations, launchBrowser, newContext } from './helpers/browser.ts';
import { e2eNow } from './helpers/clock.ts';
import { ensureWebBuild, root, startServer, type RunningServer } from './helpers/server.ts';

let server: RunningServer;
let browser: Browser;
const shots = join(root, 'docs/screenshots');
const saveShots = process.env.E2E_SCREENSHOTS === '1';
const work = mkdtempSync(join(tmpdir(), 'mimamori-billing-'));

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

async function shot(page: Page, name: string): Promise<void> {
  if (saveShots) await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

const KANA = 'アイウエオカキクケコサシスセソタチツテト';
const kana = () => Array.from({ length: 5 }, () => KANA[Math.floor(Math.random() * KANA.length)]).join('');
type Api = Awaited<ReturnType<typeof apiAs>>;

/** A new patient enrolled in the exosome program (screened, consented, enrolled) through the API. */
async function enrolledPatient(o: { base: string; today: string; reception: Api; doctor: Api; nurse: Api; name: string }): Promise<{ patientId: string; enrolmentId: string; kanaName: string }> {
  const kanaName = `テスト ${kana()}`;
  const patient = (await o.reception<{ patient: { id: string } }>('POST', '/api/patients', { nameKanji: o.name, nameKana: kanaName, birthDate: '1984-02-10', sex: 'female', phone: '090-5555-6666', acknowledgeDuplicates: true })).patient;
  // A PHQ-9 on record first: the program's severity criterion is decided by the score.
  await answerPhq9(o.base, o.doctor, { patientId: patient.id, today: o.today });
  const enrolmentId = (await o.doctor<{ enrolment: { id: string } }>('POST', `/api/programs/${EXOSOME_PROGRAM.id}/enrolments`, { patientId: patient.id })).enrolment.id;
  const first = await o.doctor<{ eligibility: { criteria: { id: string; status: string }[] } }>('POST', `/api/program-enrolments/${enrolmentId}/eligibility`, { diagnoses: ['F32.1'] });
  // The doctor attests what no data decides; severity is the score's alone.
  const attestations = first.eligibility.criteria.filter((c) => c.status !== 'met' && !c.id.startsWith('severity')).map((c) => ({ criterionId: c.id, met: true }));
  const e = await o.doctor<{ status: string }>('POST', `/api/program-enrolments/${enrolmentId}/eligibility`, { diagnoses: ['F32.1'], attestations });
  assert.equal(e.status, 'eligible');
  await o.nurse('POST', `/api/program-enrolments/${enrolmentId}/consents`, { role: 'participant', language: 'ja', signer: { kind: 'self', name: o.name }, signature: { method: 'typed', typedName: o.name }, identityMethod: 'passport' });
  await o.doctor('POST', `/api/program-enrolments/${enrolmentId}/enrol`, {});
  return { patientId: patient.id, enrolmentId, kanaName };
}

const infusion = (startedAt: string, endedAt: string, sessionNumber: number) => ({
  sessionNumber, product: 'MSC-Exo 注', manufacturer: 'Example Bio', lot: 'EXO 2026041', expiryDate: '2027-06-30', volumeMl: 100, route: 'intravenous', startedAt, endedAt,
  vitalsBefore: { systolicMmHg: 118, diastolicMmHg: 76, heartRateBpm: 72, temperatureC: 36.5, spo2Percent: 98 },
  vitalsAfter: { systolicMmHg: 121, diastolicMmHg: 78, heartRateBpm: 70, temperatureC: 36.6, spo2Percent: 99 },
  // Given on the day of enrolment, before the first session's window: confirmed with a reason.
  outsideWindowReason: 'テストのため登録日に投与',
});

function pdfText(bytes: Buffer, name: string): string {
  const file = join(work, `${name}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

test('an infusion is charged, paid at reception, receipted (PDF), seen on the phone; a withdrawal is refunded pro rata after approval', { timeout: 300_000 }, async () => {
  const base = server.baseUrl;
  const out = server.output();
  const [reception, doctor, nurse] = await Promise.all([apiAs(base, 'demo.reception', out), apiAs(base, 'demo.doctor', out), apiAs(base, 'demo.nurse', out)]);
  const examples = await doctor<{ items: Array<{ id: string; consentDocuments: Array<{ id: string; version: string; title?: string }> }> }>('GET', '/api/programs/examples');
  await doctor('POST', '/api/programs', approvedProgram({ ...examples.items.find((p) => p.id === EXOSOME_PROGRAM.id)!, ethicsApprovalId: 'IRB-2026-014' }));
  const today = clinicDate(e2eNow());
  const at = (h: number) => `${today}T${String(h).padStart(2, '0')}:00:00+09:00`;

  // The nurse records a completed infusion: the per-dose price is charged in the same transaction.
  const a = await enrolledPatient({ base, today, reception, doctor, nurse, name: '見守 文子' });
  await nurse('POST', `/api/program-enrolments/${a.enrolmentId}/sessions`, infusion(at(9), at(9).replace(':00:00', ':45:00'), 1));

  const context = await newContext(browser, 'ja');
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  await signIn(page, base, out, 'demo.reception');
  await page.getByRole('navigation').getByRole('link', { name: '会計' }).first().click();
  await page.getByRole('heading', { level: 1, name: '会計' }).waitFor();
  await page.getByLabel('患者を検索（氏名・カナ・診察券番号）').fill(a.kanaName);
  await page.getByRole('link', { name: '見守 文子' }).click();
  await page.getByRole('heading', { level: 1, name: '会計 — 見守 文子' }).waitFor();
  await page.getByRole('cell', { name: 'エクソソーム点滴（1回）', exact: true }).waitFor();
  await page.getByText('点滴（完了）').waitFor();
  await page.getByText('未収 ¥77,000').waitFor();
  // A document added by hand needs a reason.
  await page.getByLabel('料金項目').selectOption({ label: '診断書 — ¥5,500' });
  await page.getByRole('button', { name: '追加', exact: true }).click();
  await page.getByText('手入力の請求には理由を入力してください。').waitFor();
  // A certificate handed over is recorded as a document issued (文書発行): its charge comes from the price list.
  await page.getByLabel('料金項目').selectOption('');
  await page.getByLabel('文書の種類').selectOption({ label: '診断書' });
  await page.getByLabel('メモ（提出先など）').fill('勤務先への提出');
  await page.getByRole('button', { name: '文書を発行', exact: true }).click();
  await page.getByText('記録しました。請求 ¥5,500 を追加しました。').waitFor();
  await page.getByText('未収 ¥82,500').waitFor();
  await page.getByRole('cell', { name: '文書', exact: true }).waitFor();
  await page.getByLabel('クレジットカード').check();
  await expectAccessible(page, 'payment screen');
  await shot(page, 'billing-payment-1280');
  await page.setViewportSize({ width: 360, height: 740 });
  await expectAccessible(page, 'payment screen on a phone');
  await shot(page, 'billing-payment-360');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('button', { name: '¥82,500 を入金して領収書を発行' }).click();
  const paid = page.getByText(/入金しました。領収書 (\d{4}-\d{6}) を発行しました。/);
  await paid.waitFor();
  const number = /(\d{4}-\d{6})/.exec((await paid.textContent()) ?? '')![1]!;
  await page.getByText('精算済み').waitFor();

  // The statement PDF, read back as text.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: `PDF ${number}` }).click();
  const pdf = readFileSync((await (await download).path())!);
  const text = pdfText(pdf, 'statement');
  for (const s of ['領収書 兼 明細書', number, '見守 文子 様', 'エクソソーム点滴（1回）', '¥77,000', '診断書', '¥5,500', '10%対象 ¥82,500（内消費税 ¥7,500）', '登録番号: T1234567890123', 'クレジットカード', '見守りメンタルクリニック（デモ）']) {
    assert.ok(text.includes(s), `${s} in:\n${text}`);
  }
  assert.ok(!text.includes('再発行'));
  if (saveShots) {
    const file = join(work, 'statement.pdf');
    execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', file, join(shots, 'billing-statement-pdf')]);
  }

  // The patient opens it on the phone from the link reception hands over.
  await page.getByRole('button', { name: `スマートフォン用リンク ${number}` }).click();
  const url = (await page.locator('code.billing-link').first().textContent())!.trim();
  const phone = await browser.newContext({ locale: 'ja-JP', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const patientPage = await phone.newPage();
  await patientPage.goto(url);
  await patientPage.getByRole('button', { name: '続ける' }).click();
  await patientPage.getByRole('heading', { level: 1, name: '領収書 兼 明細書' }).waitFor();
  await patientPage.getByText('10%対象 ¥82,500（内消費税 ¥7,500）').waitFor();
  await patientPage.getByText(number).waitFor();
  await expectAccessible(patientPage, 'statement on the phone');
  await shot(patientPage, 'billing-statement-phone-360');
  await phone.close();

  // A reprint says 再発行.
  await page.getByRole('button', { name: `再発行 ${number}` }).click();
  await page.getByText(/^再発行 \d{4}-\d{2}-\d{2}$/).waitFor();

  // Withdrawal mid-course: the prepaid course (5 doses) is refunded pro rata for the doses not given, less the fee.
  const b = await enrolledPatient({ base, today, reception, doctor, nurse, name: '見守 次郎' });
  await page.goto(`${base}/billing/patients/${b.patientId}`);
  await page.getByRole('heading', { level: 1, name: '会計 — 見守 次郎' }).waitFor();
  await page.getByLabel('料金項目').selectOption({ label: 'エクソソーム点滴コース（5回） — ¥330,000' });
  await page.getByLabel('プログラム登録（コース料金）').selectOption({ index: 1 });
  await page.getByRole('button', { name: '追加', exact: true }).click();
  await page.getByText('未収 ¥330,000').waitFor();
  await page.getByLabel('銀行振込').check();
  await page.getByRole('button', { name: '¥330,000 を入金して領収書を発行' }).click();
  await page.getByText(/入金しました。/).waitFor();
  await nurse('POST', `/api/program-enrolments/${b.enrolmentId}/sessions`, infusion(at(7), at(7).replace(':00:00', ':45:00'), 1));
  await nurse('POST', `/api/program-enrolments/${b.enrolmentId}/sessions`, infusion(at(8), at(8).replace(':00:00', ':45:00'), 2));
  await doctor('POST', `/api/program-enrolments/${b.enrolmentId}/withdraw`, { reason: '本人の希望', dataChoice: 'delete_from_future_exports' });
  await page.reload();
  await page.getByText('精算済み').waitFor(); // the doses were part of the course: nothing more is charged
  await page.getByLabel('入金済みの請求').selectOption({ index: 1 });
  await page.getByLabel('支払方法', { exact: true }).selectOption('transfer');
  await page.getByLabel('返金の理由').fill('中止（本人の希望）');
  await page.getByRole('button', { name: '返金を申請' }).click();
  await page.getByText('返金を申請しました（管理者の承認待ち）。').waitFor();
  // 330,000 × 3/5 = 198,000, less the 11,000 fee.
  await page.getByText(/¥187,000 \(銀行振込\) · 中止（本人の希望） · 承認待ち/).waitFor();

  const adminContext = await newContext(browser, 'ja');
  const admin = await adminContext.newPage();
  await signIn(admin, base, out, 'demo.admin');
  await admin.goto(`${base}/billing/admin`);
  await admin.getByRole('heading', { level: 2, name: '承認待ちの返金' }).waitFor();
  await admin.getByText('規定による計算: 未実施 3 回分 ¥198,000 − 手数料 ¥11,000').waitFor();
  await expectAccessible(admin, 'billing admin');
  await admin.getByRole('button', { name: '承認' }).first().click();
  await admin.getByText('承認待ちの返金はありません。').waitFor();
  await adminContext.close();

  await page.reload();
  await page.getByText(/¥187,000 \(銀行振込\) · 中止（本人の希望） · 承認済み/).waitFor();
  await page.getByText('精算済み').waitFor();
  await page.getByRole('cell', { name: /\(返金\)/ }).waitFor();

  // The daily closing: card 82,500 and transfer 330,000 taken today; 187,000 paid back by transfer,
  // besides the demo clinic's own 1,100 refund approved this morning.
  await page.goto(`${base}/billing/closing`);
  await page.getByRole('heading', { level: 1, name: '日計表' }).waitFor();
  const row = (m: string) => page.getByRole('row', { name: new RegExp(`^${m}`) });
  await row('クレジットカード').getByText('¥82,500').first().waitFor();
  await row('銀行振込').getByText('¥188,100').waitFor();
  await expectAccessible(page, 'daily closing');
  await shot(page, 'billing-closing-1280');
  await page.setViewportSize({ width: 360, height: 740 });
  await expectAccessible(page, 'daily closing on a phone');
  await shot(page, 'billing-closing-360');
  const csv = await page.evaluate(async (u) => (await fetch(u)).text(), `/api/billing/closing.csv?from=${today}&to=${today}`);
  assert.match(csv, new RegExp(`${today},payment,transfer,330000,188100,141900,3`));
  await context.close();
});
