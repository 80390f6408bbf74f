import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { dataCutFiles, outcomeReport, parseDataCut, type DataCutFileName } from '@mimamori/core/outcome/index';
import { outcomeReportHtml } from './outcome-report-html.ts';

const files = Object.fromEntries(
  dataCutFiles.map((f) => [f, readFileSync(new URL(`../../core/src/outcome/fixtures/cut-small/${f}`, import.meta.url), 'utf8')]),
) as Record<DataCutFileName, string>;
const report = outcomeReport(parseDataCut(files));
const html = { ja: outcomeReportHtml(report, 'ja'), en: outcomeReportHtml(report, 'en') };

/** The text of the section whose heading is `h2` (up to the next section). */
const section = (page: string, h2: string): string => {
  const i = page.indexOf(`<h2>${h2}</h2>`);
  assert.ok(i >= 0, `section "${h2}"`);
  return page.slice(i, page.indexOf('</section>', i));
};
const text = (s: string) => s.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

test('sensitivity: per protocol (MMRM) and the tipping point render with their method, result and status, ja and en', () => {
  const tp = report.sensitivity.tippingPoint!;
  const en = text(section(html.en, 'Sensitivity analyses'));
  assert.match(en, /Per protocol \(MMRM\)/);
  assert.match(en, /16 of 25 dosed participants/);
  assert.match(en, /received all 4 planned doses \(dose k on day 14·\(k − 1\), −2 to \+2 days\)/);
  assert.match(en, /a dose outside its window 1/);
  assert.match(en, /Tipping-point analysis \(missing data\)/);
  assert.match(en, /The 6 of 25 analysed participants without a primary-visit assessment/);
  assert.match(en, new RegExp(`at δ = ${tp.delta!.toFixed(2)} points the 95% CI reaches 0`));
  assert.match(en, /EMA \(2010\) Guideline on Missing Data/);
  assert.doesNotMatch(en, /post hoc/, 'the locked plan names every sensitivity analysis');
  const ja = text(section(html.ja, '感度分析'));
  assert.match(ja, /プロトコル遵守例（MMRM）/);
  assert.match(ja, /対象 16 人 \/ 投与を受けた 25 人/);
  assert.match(ja, new RegExp(`δ = ${tp.delta!.toFixed(2)} 点で 95% CI が 0 に達し`));
  assert.match(ja, /時間枠外の投与 1/);
});

test('analyses not in the locked plan are labelled post hoc in both languages', () => {
  const plan = JSON.parse(files['plan.json']);
  plan.sensitivity = ['completers', 'paired'];
  const r = outcomeReport(parseDataCut({ ...files, 'plan.json': JSON.stringify(plan) }));
  const en = text(section(outcomeReportHtml(r, 'en'), 'Sensitivity analyses'));
  assert.equal((en.match(/post hoc \(not in the locked plan\)/g) ?? []).length, 5, 'LOCF, per protocol, tipping point in the table, and the two subsections');
  assert.match(en, /Per protocol — post hoc/);
  const ja = text(section(outcomeReportHtml(r, 'ja'), '感度分析'));
  assert.match(ja, /ティッピングポイント解析（欠測データ） — 事後（固定された計画にない）/);
});

test('safety: adverse events by relatedness and grade, participants (events), all and serious, ja and en', () => {
  const en = section(html.en, 'Safety');
  assert.match(en, /<h3>Adverse events by relatedness and grade<\/h3>/);
  assert.match(en, /<th scope="col">Relatedness<\/th><th scope="col">Grade 1<\/th><th scope="col">Grade 2<\/th><th scope="col">Grade 3<\/th><th scope="col">Total<\/th>/);
  assert.match(en, /<tr><td>probable<\/td><td>2 \(2\)<\/td><td>1 \(1\)<\/td><td>0<\/td><td>3 \(3\)<\/td><\/tr>/);
  assert.match(en, /<td><strong>Total<\/strong><\/td><td>5 \(6\)<\/td><td>1 \(1\)<\/td><td>1 \(1\)<\/td><td><strong>7 \(8\)<\/strong><\/td>/);
  assert.match(en, /<h3>Serious adverse events by relatedness and grade<\/h3><table><thead><tr><th scope="col">Relatedness<\/th><th scope="col">Grade 3<\/th>/);
  assert.match(en, /all 25 dosed participants/);
  const ja = section(html.ja, '安全性');
  assert.match(ja, /有害事象（因果関係 × グレード）/);
  assert.match(ja, /<tr><td>おそらく関連あり<\/td><td>2 \(2\)<\/td>/);
  assert.match(ja, /<th scope="col">グレード 3<\/th>/);
});

test('biomarker trajectories: one accessible SVG per analyte (title, description) with a text alternative table, ja and en', () => {
  for (const [lang, h2, heading] of [['en', 'Biomarkers', 'Biomarker trajectories'], ['ja', 'バイオマーカー', 'バイオマーカーの推移']] as const) {
    const s = section(html[lang], h2);
    assert.ok(s.includes(`<h3>${heading}</h3>`), heading);
    const svgs = s.match(/<svg [^>]*>/g) ?? [];
    assert.equal(svgs.length, 3, 'bdnf, crp, il6');
    svgs.forEach((svg, i) => {
      assert.match(svg, new RegExp(`role="img" aria-labelledby="bio-${i}-title bio-${i}-desc"`));
      assert.ok(s.includes(`<title id="bio-${i}-title">`) && s.includes(`<desc id="bio-${i}-desc">`));
    });
    // the text alternative holds the numbers of the chart
    const bdnf = report.biomarkerTrajectories[0].visits[1];
    assert.ok(s.includes(`<td>w8</td><td>56</td><td>${bdnf.n}</td><td>${bdnf.mean.toFixed(2)}</td>`), `${lang} bdnf w8 row`);
  }
  assert.match(html.en, /Days from the first dose/);
  assert.match(html.ja, /初回投与からの日数/);
});

test('limitations of the new analyses are stated in both languages', () => {
  const en = text(section(html.en, 'Limitations'));
  assert.match(en, /per-protocol set \(16 of 25\) is selected/);
  assert.match(en, /same shift δ for every missing participant/);
  assert.match(en, /Biomarker changes have no control/);
  assert.match(en, /Relatedness was judged by unblinded clinic staff/);
  const ja = text(section(html.ja, '限界'));
  assert.match(ja, /プロトコル遵守例（16 \/ 25 人）/);
  assert.match(ja, /欠測者全員に同じずれ δ/);
});

test('data from the cut is escaped in the new sections', () => {
  const ae = files['adverse_events.csv'].replace('S026,14,syncope,3,1,possible', 'S026,14,<b>x</b>,3,1,possible');
  const labs = files['labs.csv'].replace(/ng\/mL/g, 'ng/mL<i>');
  const r = outcomeReport(parseDataCut({ ...files, 'adverse_events.csv': ae, 'labs.csv': labs }));
  const page = outcomeReportHtml(r, 'en');
  assert.doesNotMatch(page, /<b>x<\/b>|ng\/mL<i>/);
});

test('a tipping point beyond the range of the scale is said to be so', () => {
  const r = { ...report, sensitivity: { ...report.sensitivity, tippingPoint: { ...report.sensitivity.tippingPoint!, beyondScale: true } } };
  assert.match(outcomeReportHtml(r, 'en'), /exceeds the whole range of the scale/);
  assert.match(outcomeReportHtml(r, 'ja'), /尺度の全範囲を超えており/);
  assert.doesNotMatch(html.en, /exceeds the whole range of the scale/);
});
