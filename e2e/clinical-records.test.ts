// Labs, medicines and co-interventions entered from the staff app, and the eligibility screen in
// words — in a real Chromium against the real server (demo clinic). A doctor defines the exosome
// program (its lab plan fixes serum BDNF and a 07:00–10:00 cortisol window), starts a screening:
// the criteria read as sentences, the PHQ-9 criterion waits for a score instead of a tick, and
// 「不適格・辞退」 is offered instead of 「中止（同意撤回）」. Then a cortisol drawn at 15:00 is refused
// until confirmed with a reason, a YJ code typo is named in Japanese, and the timeline names the
// lab コルチゾール, never `cortisol`. No serious or critical accessibility violation at 360 px or
// on a desktop.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
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

// With E2E_SCREENSHOTS=1 the pages are saved as docs/screenshots/clinical-records-*.png.
const shot = (name: string) => (process.env.E2E_SCREENSHOTS === '1' ? join(root, 'docs/screenshots', name) : undefined);

test('eligibility in words, lab entry held to the program, medicines from the app', { timeout: 240_000 }, async () => {
  const base = server.baseUrl;
  const doctor = await apiAs(base, 'demo.doctor', server.output());
  const reception = await apiAs(base, 'demo.reception', server.output());
  const examples = await doctor<{ items: Array<Record<string, unknown> & { id: string }> }>('GET', '/api/programs/examples');
  const exo = examples.items.find((p) => p.id === 'exosome-depression-anxiety')!;
  await doctor('POST', '/api/programs', exo);
  const patient = (await reception<{ patient: { id: string } }>('POST', '/api/patients', {
    nameKanji: '記録 花子', nameKana: 'キロク ハナコ', birthDate: '1990-05-05', sex: 'female', phone: '090-2222-3333', acknowledgeDuplicates: true,
  })).patient;
  const enrolment = (await doctor<{ enrolment: { id: string } }>('POST', '/api/programs/exosome-depression-anxiety/enrolments', { patientId: patient.id })).enrolment;

  for (const viewport of [{ width: 1280, height: 800 }, { width: 360, height: 740 }]) {
    const context = await newContext(browser, 'ja');
    const page = await context.newPage();
    await page.setViewportSize(viewport);
    await signIn(page, base, server.output(), 'demo.doctor');

    // Eligibility: evaluated once, then read as sentences.
    await page.goto(`${base}/program-enrolments/${enrolment.id}`);
    const form = page.getByRole('region', { name: '適格性' }).or(page.locator('section[aria-labelledby="e-elig"]'));
    if (viewport.width === 1280) {
      await form.getByLabel('診断（ICD-10）').or(form.getByRole('textbox').first()).first().fill('F32.1');
      await form.getByRole('button', { name: '適格性を判定する' }).click();
    }
    await page.getByRole('heading', { name: '適格性: 判定未了' }).waitFor();
    const criteria = page.locator('section[aria-labelledby="e-criteria"]');
    await criteria.getByText('PHQ-9 のスコアが記録されていません').first().waitFor();
    await criteria.getByText(/36歳（対象: \d+〜\d+歳）/).waitFor();
    const text = await criteria.innerText();
    for (const raw of ['severity:phq9', 'exclusion:', 'min=', 'eligible', 'incomplete']) assert.ok(!text.includes(raw), `no raw "${raw}" on the screen`);
    // No tick for a score; 不適格・辞退 instead of a consent withdrawal before consent.
    assert.equal(await page.locator('section[aria-labelledby="e-elig"]').getByText('PHQ-9 の重症度').count(), 0);
    await page.getByRole('heading', { name: '不適格・辞退' }).waitFor();
    assert.equal(await page.getByRole('heading', { name: '中止（同意撤回）' }).count(), 0);
    assert.deepEqual(await axeViolations(page), [], `axe on the eligibility screen at ${viewport.width} px`);
    const e = shot(`clinical-records-eligibility-${viewport.width}.png`);
    if (e) await page.screenshot({ path: e, fullPage: true });

    // The record forms, reached from the patient.
    await page.goto(`${base}/patients/${patient.id}`);
    await page.getByRole('link', { name: '検査・併用薬・併用療法を記録' }).first().click();
    await page.getByRole('heading', { name: /^検査・併用薬・併用療法の記録/, level: 1 }).waitFor();
    const lab = page.locator('section[aria-labelledby="rec-lab"]');
    await lab.getByLabel('検査項目').selectOption({ label: 'コルチゾール — 研究用バイオマーカー' });
    await lab.getByText('このプログラムでは「血清」に固定されています。 採取時間帯 07:00〜10:00').waitFor();
    if (viewport.width === 1280) {
      await lab.getByLabel(/^値/).fill('12.4');
      await lab.getByLabel(/^採取日時/).fill('2026-12-07T15:00');
      await lab.getByLabel(/^測定法・キット名/).fill('Elecsys Cortisol II');
      await lab.getByLabel('採取から処理（遠心・凍結）までの時間（分）').fill('30');
      await lab.getByLabel('凍結融解の回数').fill('0');
      await lab.getByRole('button', { name: '記録する' }).click();
      // (The browser's clock zone sets the wall time typed; the server reads it on the clinic's clock.)
      await lab.getByText(/採取時刻 \d\d:\d\d はプログラムの採取時間帯（07:00〜10:00）の外です/).first().waitFor();
      await lab.getByLabel(/^時間帯外で登録する理由/).fill('午前の採血ができなかったため');
      await lab.getByRole('button', { name: '時間帯外として理由を付けて登録' }).click();
      await lab.getByText('記録しました。').waitFor();

      const med = page.locator('section[aria-labelledby="rec-med"]');
      await med.getByLabel(/^一般名/).fill('セルトラリン塩酸塩');
      await med.getByLabel('YJコード（任意）').fill('1179');
      await med.getByLabel(/^1日量/).fill('50');
      await med.getByLabel('薬効分類').selectOption({ label: 'SSRI' });
      await med.getByLabel(/^開始日/).fill('2026-11-01');
      await med.getByRole('button', { name: '記録する' }).click();
      await med.getByText('YJコードは12桁（数字4桁＋英数字8桁）で入力してください。').first().waitFor();
      await med.getByLabel('YJコード（任意）').fill('1179041F1025');
      await med.getByRole('button', { name: '記録する' }).click();
      await med.getByText('記録しました。').waitFor();
      await page.locator('section[aria-labelledby="rec-meds"]').getByText(/セルトラリン塩酸塩（1179041F1025） 50mg\/日 1日1回 内服 — SSRI/).waitFor();

      // 「中止・変更」 on the listed medicine: a stop before the start is refused in place, then a
      // dose change and a stop date are saved and listed.
      const meds = page.locator('section[aria-labelledby="rec-meds"]');
      await meds.getByRole('button', { name: 'セルトラリン塩酸塩 の中止・変更' }).click();
      const stop = meds.getByRole('form', { name: 'セルトラリン塩酸塩 の中止・変更' });
      await stop.getByLabel(/^中止日/).fill('2026-10-01');
      await stop.getByRole('button', { name: '保存する' }).click();
      await stop.getByText('中止日が開始日より前です。').first().waitFor();
      assert.deepEqual(await axeViolations(page), [], 'axe with the 中止・変更 form open and its error shown');
      const sc = shot('clinical-records-stop-change-1280.png');
      if (sc) await stop.screenshot({ path: sc });
      await stop.getByLabel(/^中止日/).fill('2026-12-05');
      await stop.getByLabel(/^変更日/).fill('2026-11-15');
      await stop.getByLabel(/^1日量/).fill('75');
      await stop.getByRole('button', { name: '保存する' }).click();
      await meds.getByText('保存しました。').waitFor();
      await meds.getByText(/セルトラリン塩酸塩（1179041F1025） 50mg\/日 1日1回 内服 — SSRI 2026-11-01〜2026-12-05/).waitFor();
      await meds.getByText('2026-11-15から 75mg/日').waitFor();
      assert.equal(await meds.getByRole('form').count(), 0, 'the inline form closes once saved');

      const co = page.locator('section[aria-labelledby="rec-coform"]');
      await co.getByLabel(/^開始日/).fill('2026-11-01');
      await co.getByLabel('実施者・機関（任意）').fill('当院 公認心理師');
      await co.getByRole('button', { name: '記録する' }).click();
      await co.getByText('記録しました。').waitFor();
      const cos = page.locator('section[aria-labelledby="rec-co"]');
      await cos.getByRole('button', { name: '認知行動療法 の中止・変更' }).click();
      await cos.getByRole('form', { name: '認知行動療法 の中止・変更' }).getByLabel(/^中止日/).fill('2026-12-01');
      await cos.getByRole('button', { name: '保存する' }).click();
      await cos.getByText(/認知行動療法 — 当院 公認心理師 2026-11-01〜2026-12-01/).waitFor();
    }
    assert.deepEqual(await axeViolations(page), [], `axe on the record forms at ${viewport.width} px`);
    const r = shot(`clinical-records-forms-${viewport.width}.png`);
    if (r) await page.screenshot({ path: r, fullPage: true });

    // The timeline names the lab from the catalogue.
    await page.getByRole('link', { name: '経過に戻る' }).click();
    const table = page.locator('table').filter({ hasText: '検査' });
    await table.getByText(/コルチゾール 12\.4 μg\/dL（血清）/).waitFor();
    assert.equal(await table.getByText(/^cortisol/).count(), 0);
    await table.getByText(/認知行動療法 開始/).waitFor();
    await context.close();
  }
});
