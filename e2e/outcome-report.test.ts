// The researcher's path through the 解析 (analysis) page in a real Chromium against the real server
// (demo clinic, fresh SQLite): write the analysis plan as fields (a bad field is refused with its
// message), lock it, make a data cut, open the report in both languages, download the bundle and
// check its manifest hashes — and never see a patient's identity, neither on the page nor in any
// answer the page fetched. The test makes its own program and participants.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { EXOSOME_PROGRAM } from '../packages/core/src/programs/example-programs.ts';
import { apiAs, signIn } from './helpers/demo-login.ts';
import { axeViolations, launchBrowser, newContext } from './helpers/browser.ts';
import { e2eNow } from './helpers/clock.ts';
import { ensureWebBuild, root, startServer, type RunningServer } from './helpers/server.ts';

let server: RunningServer;
let browser: Browser;
let dir: string;
const shots = join(root, 'docs/screenshots');
const saveShots = process.env.E2E_SCREENSHOTS === '1';
const programId = `e2e-analysis-${randomBytes(3).toString('hex')}`;
const DAY = 86_400_000;

/** Everything that would identify a patient: names, kana, birth dates, clinic numbers of every patient of the clinic. */
const secrets: { text: string[]; numbers: string[] } = { text: [], numbers: [] };

before(async () => {
  ensureWebBuild();
  dir = mkdtempSync(join(tmpdir(), 'mimamori-e2e-outcome-'));
  server = await startServer({ args: ['--demo'], dbPath: join(dir, 'e2e.db') });
  browser = await launchBrowser();
  mkdirSync(shots, { recursive: true });
  await seedProgram();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * A program with eight participants, made here: the patients through the API (reception), their
 * enrolment, infusions and PHQ-9 totals written into the server's database (as the program pages
 * would have recorded them). The last participant withdrew and refused the use of their data.
 */
async function seedProgram(): Promise<void> {
  const reception = await apiAs(server.baseUrl, 'demo.reception', server.output());
  const kana = ['イチ', 'ニ', 'サン', 'ヨン', 'ゴ', 'ロク', 'ナナ', 'ハチ'];
  const ids: string[] = [];
  for (let i = 0; i < 8; i++) {
    const r = await reception<{ patient: { id: string } }>('POST', '/api/patients', {
      nameKanji: `解析 試験${'一二三四五六七八'[i]}`, nameKana: `カイセキ ${kana[i]}`, birthDate: `19${70 + i}-0${1 + (i % 9)}-1${i}`, sex: i % 2 ? 'male' : 'female', phone: `090-5555-00${10 + i}`,
    });
    ids.push(r.patient.id);
  }
  const list = await reception<{ items: { patientNumber: string; nameKanji: string; nameKana: string; birthDate: string }[] }>('GET', '/api/patients?limit=100');
  for (const p of list.items) {
    secrets.text.push(p.nameKanji, p.nameKana, p.birthDate, p.birthDate.replace(/-/g, '/'));
    secrets.numbers.push(p.patientNumber);
  }
  secrets.text.push(...ids);
  assert.ok(list.items.length >= 8);

  const db = new Database(join(dir, 'e2e.db'));
  db.pragma('busy_timeout = 10000');
  const clinicId = (db.prepare('SELECT id FROM clinics LIMIT 1').get() as { id: string }).id;
  const id = () => randomBytes(16).toString('hex');
  const now = new Date(e2eNow()).toISOString();
  // Day 0 (first infusion) 70 days before "now": every visit up to week 8 is due.
  const day0 = e2eNow() - 70 * DAY;
  const at = (d: number) => new Date(day0 + d * DAY).toISOString();
  const enrolDate = new Date(day0 - 7 * DAY).toISOString().slice(0, 10);
  db.transaction(() => {
    db.prepare('INSERT INTO program_definitions (id, clinic_id, program_id, version, definition_json, created_by, created_at) VALUES (?, ?, ?, 1, ?, NULL, ?)')
      .run(id(), clinicId, programId, JSON.stringify({ ...EXOSOME_PROGRAM, id: programId, version: 1, title: { ja: '解析テスト用プログラム', en: 'Analysis test program' } }), now);
    ids.forEach((patientId, i) => {
      const enrolmentId = id();
      const withdrawn = i === 7;
      const consent = withdrawn
        ? { status: 'withdrawn', since: enrolDate, scopes: [], withdrawnOn: enrolDate, withdrawnAt: at(20), dataChoice: 'delete_from_future_exports', recordedBy: 'e2e' }
        : { status: 'given', since: enrolDate, scopes: [] };
      db.prepare(`INSERT INTO program_enrolments (id, clinic_id, patient_id, program_id, program_version, status, history_json, eligibility_json, consent_state_json, enrolment_date, schedule_json, created_at, updated_at, row_version)
        VALUES (?, ?, ?, ?, 1, ?, '[]', NULL, ?, ?, NULL, ?, ?, 1)`).run(enrolmentId, clinicId, patientId, programId, withdrawn ? 'withdrawn' : i < 5 ? 'completed' : 'active', JSON.stringify(consent), enrolDate, now, now);
      for (let s = 0; s < 3; s++) {
        db.prepare(`INSERT INTO program_sessions (id, clinic_id, enrolment_id, patient_id, kind, session_number, lot_key, started_at, record_json, created_by, created_at) VALUES (?, ?, ?, ?, 'infusion', ?, 'L', ?, '{}', NULL, ?)`)
          .run(id(), clinicId, enrolmentId, patientId, s + 1, at(s * 14), now);
      }
      const drop = [[3, 1, 4], [1, 5, 9], [2, 6, 5], [3, 5, 8], [9, 7, 9], [3, 2, 3], [4, 4, 6], [2, 3, 1]][i]!;
      for (const [d, total] of [[-20, 17 + i], [-2, 16 + i], [14, 14 + i - drop[0]!], [28, 12 + i - drop[1]!], [56, 10 + i - drop[2]!]] as const) {
        const responseId = id();
        db.prepare(`INSERT INTO scale_responses (id, clinic_id, patient_id, instance_id, scale_id, scale_version, informant, source, answers_json, idempotency_key, entered_by, submitted_at) VALUES (?, ?, ?, NULL, 'phq9', '1.0.0', 'self', 'staff', '{}', NULL, NULL, ?)`)
          .run(responseId, clinicId, patientId, at(d));
        db.prepare(`INSERT INTO scale_scores (id, clinic_id, patient_id, response_id, scale_id, scale_version, valid, total, band, band_set, missing, prorated, subscales_json, flags_json, reason_json, scored_at) VALUES (?, ?, ?, ?, 'phq9', '1.0.0', 1, ?, NULL, NULL, 0, 0, '{}', '[]', NULL, ?)`)
          .run(id(), clinicId, patientId, responseId, total, at(d));
      }
    });
  })();
  db.close();
}

const hexBoundary = (n: string) => new RegExp(`(?<![0-9a-fA-F])${n}(?![0-9a-fA-F])`);

/** Fails when any patient's name, kana, birth date, clinic number or id appears in `text`. */
function assertNoIdentity(text: string, where: string): void {
  for (const s of secrets.text) assert.ok(!text.includes(s), `${where} shows "${s}"`);
  for (const n of secrets.numbers) assert.ok(!hexBoundary(n).test(text), `${where} shows the clinic number ${n}`);
}

/** Every API answer the page receives, to check them all for identity afterwards. */
function recordAnswers(page: Page): Array<{ url: string; body: Promise<Buffer | null> }> {
  const seen: Array<{ url: string; body: Promise<Buffer | null> }> = [];
  page.on('response', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/')) seen.push({ url: r.url(), body: r.body().catch(() => null) });
  });
  return seen;
}

/** The entries of a ZIP archive, read from its central directory. */
function unzip(buf: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = buf.readUInt32LE(end + 16);
  for (let n = buf.readUInt16LE(end + 10); n > 0; n--) {
    const size = buf.readUInt32LE(p + 20), nameLen = buf.readUInt16LE(p + 28), extra = buf.readUInt16LE(p + 30), comment = buf.readUInt16LE(p + 32), local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    out.set(name, inflateRawSync(buf.subarray(start, start + size)));
    p += 46 + nameLen + extra + comment;
  }
  return out;
}

/**
 * A screenshot at `width` (and back to the desktop size). The report view is taken as the viewport
 * scrolled to the report: Chromium leaves a sandboxed frame blank in full-page captures.
 */
async function shot(page: Page, name: string, width: number, o: { readonly scrollTo?: string } = {}): Promise<void> {
  if (!saveShots) return;
  await page.setViewportSize({ width, height: width < 500 ? 740 : 900 });
  if (o.scrollTo) {
    await page.locator(o.scrollTo).scrollIntoViewIfNeeded();
    await page.locator(o.scrollTo).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.frameLocator('iframe[title]').locator('h1').first().waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(shots, `${name}-${width}.png`) });
  } else {
    // The whole page at this width: the viewport grown to the page's height (a full-page capture
    // measured wide tables inside their scroll boxes as page width).
    await page.evaluate(() => window.scrollTo(0, 0));
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(shots, `${name}-${width}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function frameText(page: Page): Promise<string> {
  const frame = page.frameLocator('iframe[title]');
  await frame.locator('h1').first().waitFor();
  return frame.locator('body').innerText();
}

test('researcher: plan as fields, lock, data cut, report in ja and en, bundle with matching hashes, never a patient identity', { timeout: 300_000 }, async () => {
  const base = server.baseUrl;
  const context = await newContext(browser);
  const page = await context.newPage();
  const answers = recordAnswers(page);
  await signIn(page, base, server.output(), 'demo.researcher');

  // The menu leads to 解析 and the program list; the program's page opens with no plan yet.
  await page.getByRole('link', { name: '解析' }).first().click();
  await page.getByRole('heading', { level: 1, name: '解析' }).waitFor();
  await page.getByRole('link', { name: '解析テスト用プログラム' }).click();
  await page.getByRole('heading', { level: 1, name: /解析 — 解析テスト用プログラム/ }).waitFor();
  await page.getByText('まだ解析計画がありません').waitFor();
  const form = page.getByRole('form', { name: '解析計画' });
  await shot(page, 'analysis-plan-form-ja', 360);
  await shot(page, 'analysis-plan-form-ja', 1280);
  assert.deepEqual(await axeViolations(page), [], 'axe on the plan form');

  // Every sensitivity analysis core knows is offered; per protocol starts from the program's course
  // (5 infusions every 14 days, ±2 days). Zero doses is refused beside its field.
  for (const label of ['完了者のみのMMRM', '最終観測値の繰り越し（LOCF）', 'プロトコル遵守集団', 'ティッピングポイント解析（欠測者の値をずらして結論が変わる点を探す）']) await form.getByLabel(label).waitFor();
  const doses = form.getByLabel('予定の投与回数');
  assert.deepEqual(
    [await doses.inputValue(), await form.getByLabel('投与間隔（日）').inputValue(), await form.getByLabel('許容範囲・前（日）').inputValue(), await form.getByLabel('許容範囲・後（日）').inputValue()],
    ['5', '14', '2', '2'],
  );
  await form.getByLabel('プロトコル遵守集団').check();
  await form.getByLabel('ティッピングポイント解析（欠測者の値をずらして結論が変わる点を探す）').check();
  await doses.fill('0');
  await form.getByRole('button', { name: '下書きを保存' }).click();
  await page.locator('input[aria-invalid="true"]').first().waitFor();
  assert.equal(await doses.getAttribute('aria-invalid'), 'true');
  const dosesError = await page.locator(`#${await doses.getAttribute('id')}-error`).innerText();
  assert.match(dosesError, /[\u3040-\u30ff\u4e00-\u9fff]/, `the doses error is in Japanese: ${dosesError}`);
  await doses.fill('4');

  // A hypothesis on an analyte not drawn at week 2: the server names the field, nothing is saved.
  await form.getByRole('button', { name: '仮説を追加' }).click();
  await form.getByLabel('仮説ID（英小文字・数字）').fill('bdnf_up');
  await form.getByLabel('測定項目').selectOption('bdnf');
  await form.getByLabel('予想する方向').selectOption('increase');
  await form.getByRole('combobox', { name: '来院', exact: true }).last().selectOption('week2');
  await form.getByRole('button', { name: '下書きを保存' }).click();
  await form.getByText('「bdnf」は来院「week2」で採取されません。').waitFor();
  await page.getByText('解析計画に問題があります').waitFor();
  // Fixed: week 8, where it is drawn. A secondary endpoint, and the LOCF analysis off.
  await form.getByRole('combobox', { name: '来院', exact: true }).last().selectOption('week8');
  await form.getByRole('button', { name: '副次評価項目を追加' }).click();
  await form.getByLabel('最終観測値の繰り越し（LOCF）').uncheck();
  await form.getByRole('button', { name: '下書きを保存' }).click();
  await page.getByText('第1版の下書きを保存しました。').waitFor();
  await page.getByText('下書き（未ロック）').first().waitFor();
  assert.match(await page.locator('.ana-facts').innerText(), /ティッピングポイント解析[\s\S]*投与 4 回以上・間隔 14 日（−2〜\+2 日）/);

  await page.getByRole('button', { name: 'この版をロックする' }).click();
  await page.getByText(/第1版をロックしました（SHA-256 [0-9a-f]{64}）/).waitFor();
  const facts = page.locator('.ana-facts');
  const planHash = (await facts.locator('.ana-hash').innerText()).trim();
  assert.match(planHash, /^[0-9a-f]{64}$/);
  // Enrolled before the lock: the page says the plan was not locked before the first enrolment.
  assert.match(await facts.innerText(), /最初の登録より前にロック\s*いいえ/);
  await shot(page, 'analysis-plan-locked-ja', 360);
  await shot(page, 'analysis-plan-locked-ja', 1280);
  assert.deepEqual(await axeViolations(page), [], 'axe on the locked plan');

  // The data cut: frozen, hashed, the withdrawn participant left out and counted.
  await page.getByRole('button', { name: 'データカットを作成' }).click();
  await page.getByText(/データカットを作成しました（SHA-256 [0-9a-f]{64}）/).waitFor();
  const row = page.locator('table.ana-cuts tbody tr').first();
  // The list is fetched again after the cut: wait for its row before reading the cells.
  await row.locator('td').nth(3).waitFor();
  const cells = await row.locator('td').allInnerTexts();
  const cutHash = cells[1]!.trim();
  assert.match(cutHash, /^[0-9a-f]{64}$/);
  assert.equal(cells[3], '7');
  assert.equal(cells[4], '1');

  // The report, in the page: plan version and hash, the post-hoc and limitations sections.
  const ja = await frameText(page);
  assert.match(ja, /参加者の流れ/);
  assert.ok(ja.includes(planHash.slice(0, 12)), 'the report names the plan hash');
  assert.match(ja, /限界/);
  assertNoIdentity(ja, 'the Japanese report');
  await shot(page, 'analysis-report-ja', 360, { scrollTo: '#ana-report' });
  await shot(page, 'analysis-report-ja', 1280, { scrollTo: '#ana-report' });
  assert.deepEqual(await axeViolations(page), [], 'axe on the report view');
  await page.getByLabel('レポートの言語').selectOption('en');
  const en = await frameText(page);
  assert.match(en, /Participant flow/);
  assert.match(en, /Limitations/);
  assertNoIdentity(en, 'the English report');

  // The PDF (English, as chosen) and the JSON report of the same cut.
  const [pdf] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('button', { name: 'PDF をダウンロード' }).click()]);
  assert.equal(pdf.suggestedFilename(), `outcome-report-${programId}-en.pdf`);
  assert.equal(readFileSync((await pdf.path())!).subarray(0, 5).toString('latin1'), '%PDF-');
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'JSON をダウンロード' }).click()]);
  const report = JSON.parse(readFileSync((await json.path())!, 'utf8')) as { plan: { version: number; sha256: string }; flow: { dosed: number } };
  assert.deepEqual([report.plan.version, report.plan.sha256, report.flow.dosed], [1, planHash, 7]);

  // The bundle: every file's SHA-256 in bundle.json matches, and the data cut is the one listed.
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 180_000 }), page.getByRole('button', { name: '再現用バンドル（ZIP）をダウンロード' }).click()]);
  const zip = readFileSync((await download.path())!);
  const entries = unzip(zip);
  const manifest = JSON.parse(entries.get('bundle.json')!.toString('utf8')) as { plan: { version: number; sha256: string }; files: Record<string, string> };
  assert.equal(manifest.plan.version, 1);
  for (const f of ['data/participants.csv', 'data/outcomes.csv', 'data/codebook.csv', 'data/plan.json', 'data/manifest.json', 'analysis.R', 'report-ja.html', 'report-en.html', 'report-ja.pdf', 'report-en.pdf']) {
    assert.ok(manifest.files[f], `bundle.json lists ${f}`);
  }
  for (const [name, hash] of Object.entries(manifest.files)) assert.equal(createHash('sha256').update(entries.get(name)!).digest('hex'), hash, `hash of ${name}`);
  assert.equal(createHash('sha256').update(entries.get('data/manifest.json')!).digest('hex'), cutHash, 'the data cut in the bundle is the one listed');
  const cutManifest = JSON.parse(entries.get('data/manifest.json')!.toString('utf8')) as { excludedNoDataUse: number };
  assert.equal(cutManifest.excludedNoDataUse, 1);
  for (const [name, data] of entries) if (!name.endsWith('.pdf')) assertNoIdentity(data.toString('utf8'), `bundle ${name}`);

  // Nothing on the page, nor in any answer it fetched, identifies a patient.
  assertNoIdentity(await page.locator('body').innerText(), 'the analysis page');

  // The program dashboard: participants by the program's study id, no link to a patient's pages.
  await page.goto(`${base}/programs/${programId}`);
  await page.getByRole('heading', { level: 2, name: '参加者' }).waitFor();
  const participants = page.locator('section[aria-labelledby="prg-participants"]');
  await participants.getByRole('columnheader', { name: '研究ID' }).waitFor();
  const ids = await participants.locator('tbody tr td:first-child').allInnerTexts();
  assert.equal(ids.length, 8);
  for (const sid of ids) assert.match(sid, /^S[0-9a-f]{16}$/);
  assert.equal(await page.locator('a[href*="/program-enrolments/"], a[href*="/patients/"]').count(), 0);
  assert.doesNotMatch(await page.locator('body').innerText(), /診察券番号/);
  assertNoIdentity(await page.locator('body').innerText(), 'the program dashboard');
  // Days from the first dose, never calendar dates: every participant enrolled 7 days before day 0.
  const enrolled = await participants.locator('tbody tr td:nth-child(3)').allInnerTexts();
  assert.deepEqual([...new Set(enrolled)], ['初回投与の7日前']);
  assert.doesNotMatch(await page.locator('main').innerText(), /\d{4}[-/]\d{1,2}[-/]\d{1,2}/, 'no calendar date on the researcher\'s dashboard');
  assert.deepEqual(await axeViolations(page), [], 'axe on the researcher\'s program dashboard');
  // On a phone the dashboard does not scroll sideways (its tables scroll in their own boxes).
  await page.setViewportSize({ width: 360, height: 740 });
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 360, 'the researcher\'s dashboard fits 360 px');
  await shot(page, 'program-dashboard-researcher-ja', 360);
  await shot(page, 'program-dashboard-researcher-ja', 1280);
  assert.ok(answers.length > 5);
  for (const a of answers) {
    const body = await a.body;
    if (body && !a.url.includes('/bundle')) assertNoIdentity(body.toString('utf8'), `GET ${new URL(a.url).pathname}`);
  }
  await context.close();
});

test('the same page in English: locked plan and report, screenshots', { timeout: 180_000 }, async () => {
  const base = server.baseUrl;
  const context = await newContext(browser);
  const page = await context.newPage();
  const answers = recordAnswers(page);
  await signIn(page, base, server.output(), 'demo.researcher');
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('link', { name: 'Analysis' }).first().click();
  await page.getByRole('link', { name: 'Analysis test program' }).click();
  await page.getByRole('heading', { level: 1, name: /Analysis — Analysis test program/ }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Analysis plan' }).waitFor();
  // On a phone the page does not scroll sideways (wide tables scroll inside their own box).
  await page.setViewportSize({ width: 360, height: 740 });
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 360);
  await page.setViewportSize({ width: 1280, height: 800 });
  await shot(page, 'analysis-plan-locked-en', 360);
  await shot(page, 'analysis-plan-locked-en', 1280);
  await page.getByRole('button', { name: 'Amend' }).click();
  await page.getByRole('form', { name: 'Analysis plan' }).waitFor();
  await shot(page, 'analysis-plan-form-en', 360);
  await shot(page, 'analysis-plan-form-en', 1280);
  // An amendment without a reason is refused in English; nothing is written.
  await page.getByRole('button', { name: 'Save amendment (new version)' }).click();
  await page.locator('.field__error', { hasText: 'The plan is locked: enter the reason for the amendment.' }).waitFor();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Open the report' }).first().click();
  const text = await frameText(page);
  assert.match(text, /Participant flow/);
  await shot(page, 'analysis-report-en', 360, { scrollTo: '#ana-report' });
  await shot(page, 'analysis-report-en', 1280, { scrollTo: '#ana-report' });
  assert.deepEqual(await axeViolations(page), [], 'axe on the English report view');

  // An amendment, locked after the cut; the same cut reported again under it: the report names
  // version 2, its lock, and that every analysis is post hoc; the cut was made under version 1.
  await page.getByRole('button', { name: 'Amend' }).click();
  const amend = page.getByRole('form', { name: 'Analysis plan' });
  await amend.getByLabel('Reason for the amendment').fill('Add the per-protocol analysis after the interim review');
  await amend.getByRole('button', { name: 'Save amendment (new version)' }).click();
  await page.getByRole('button', { name: 'Lock this version' }).click();
  await page.getByText(/Version 2 locked/).first().waitFor();
  await page.getByLabel('Analysis plan version').selectOption('2');
  await page.getByRole('button', { name: 'Report again under this version' }).click();
  await page.getByText(/re-analyses the cut under plan version 2 .*every analysis is post hoc\. The cut was made under version 1\./).waitFor();
  await page.frameLocator('iframe[title]').getByText(/made under plan version 1/).waitFor();
  const again = await frameText(page);
  assert.match(again, /version 2 · locked at .*the plan was locked after the data cut/s);
  assertNoIdentity(again, 'the report under version 2');
  await page.setViewportSize({ width: 360, height: 740 });
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 360, 'the plan version choice fits 360 px');
  await page.setViewportSize({ width: 1280, height: 800 });
  await shot(page, 'analysis-rereport-en', 360, { scrollTo: '#ana-report' });
  await shot(page, 'analysis-rereport-en', 1280, { scrollTo: '#ana-report' });
  assert.deepEqual(await axeViolations(page), [], 'axe on the report under another plan version');
  assertNoIdentity(await page.locator('body').innerText(), 'the English analysis page');
  for (const a of answers) {
    const body = await a.body;
    if (body) assertNoIdentity(body.toString('utf8'), `GET ${new URL(a.url).pathname}`);
  }
  await context.close();
});
