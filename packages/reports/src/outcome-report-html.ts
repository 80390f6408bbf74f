import type { Limitation, OutcomeReport, Proportion } from '@mimamori/core/outcome/index';
import { escapeXml as esc, flowSvg, trajectorySvg, waterfallSvg } from './outcome-charts.ts';

export type ReportLang = 'ja' | 'en';

const T = {
  ja: {
    title: 'アウトカム報告', program: 'プログラム', plan: '解析計画', version: '版', locked: '固定日時', notLocked: '未固定（草案）— この報告は確定した計画に基づいていません', lockedAfterCut: '計画はデータカットの後に固定されました', cut: 'データカット', sha: 'SHA-256',
    flow: '参加者の流れ', screened: 'スクリーニング', eligible: '適格', consented: '同意', dosed: '1回以上投与', completed: '完了', excluded: 'データ利用拒否により除外', reasons: '理由', step: '段階', count: '人数',
    baseline: '背景（投与を受けた参加者）', ageBand: '年齢帯', sex: '性別', screeningScore: 'スクリーニング時の得点', baselineScore: 'ベースライン（治療前）の得点', severity: 'ベースラインの重症度',
    primary: '主要解析', primaryMethod: (f: string) => `MMRM（${f}、非構造共分散、REML、Satterthwaite自由度）。ベースライン後に観測されたすべての値を補完なしで使用。各時点の値はベースライン平均における変化量の推定値。`,
    visit: '時点', estimate: '変化量', se: '標準誤差', df: '自由度', ci: '95% CI', p: 'p', n: 'n', primaryMark: '主要時点',
    trajectories: '個々の経過と平均（95% CI）', meanLine: '太線: モデルによる平均と95% CI', waterfall: '主要時点での変化量（参加者ごと）',
    sensitivity: '感度分析', completersMmrm: '完了者のみのMMRM', pairedT: '対応のある t 検定（完了者）', wilcoxon: 'Wilcoxon 符号順位検定', locf: '最終観測値の繰り越し（LOCF）', perProtocol: 'プロトコル遵守例（対応のある t）', notPlanned: '計画になし',
    responders: '反応と寛解', responder: '反応', remitter: '寛解', itt: '全投与例（欠測は非反応）', completersSet: '完了者', byBand: 'ベースライン重症度別の反応', respDef: (r: number, b: number | null) => `ベースラインから ${Math.round(r * 100)}% 以上の改善。ベースラインが ${b ?? '—'} 点以上の参加者のみ。`, remDef: (a: string, s: boolean) => `${a}${s ? '（前の時点でも寛解）' : ''}`,
    reliable: '信頼できる変化（Jacobson–Truax）', threshold: '閾値', improved: '改善', unchanged: '不変', deteriorated: '悪化',
    rtm: '平均への回帰', rtmText: 'スクリーニングから治療前ベースラインまでの変化（治療なし）', treatmentChange: '治療期間の変化（主要時点）',
    dose: '投与回数別の変化（最終観測）', doses: '投与回数',
    safety: '安全性', aeParticipants: '有害事象のあった参加者', aePerDose: '有害事象が続いた投与', exact: '正確（Clopper–Pearson）95% CI', ruleOfThree: (u: string) => `有害事象なし: 3の法則による上限 ${u}`, serious: '重篤な有害事象', none: 'なし', related: '因果関係', grade: 'グレード', term: '事象', day: '日', events: '件数',
    meds: '併用薬の変更', medsText: (n: number) => `プログラム中に併用薬が変更された参加者: ${n} 人`,
    biomarkers: 'バイオマーカー', hypothesis: '仮説', analyte: '項目', change: '変化量', pAdj: '調整 p', corr: '得点変化との相関 r', prespecified: '事前規定（Holm 調整）', exploratory: '探索的（Benjamini–Hochberg 調整）',
    benchmarks: '比較の目安（公表値）', comparator: '比較', published: '公表値', observed: 'このプログラム', source: '出典', cannotAttribute: '対照群のない症例集積では、観察された変化を治療の効果と結論づけることはできません。プラセボ・期待、自然経過、平均への回帰、併用治療の変化、脱落がいずれも得点を動かします。',
    compare: { response: '反応率', remission: '寛解率', change: '変化量', 'effect-size': '効果量' }, comparators: { placebo: 'プラセボ', sham: 'シャム', waitlist: '待機群' },
    limitations: '限界',
  },
  en: {
    title: 'Outcome report', program: 'Program', plan: 'Analysis plan', version: 'version', locked: 'locked at', notLocked: 'not locked (draft) — this report does not rest on a locked plan', lockedAfterCut: 'the plan was locked after the data cut', cut: 'Data cut', sha: 'SHA-256',
    flow: 'Participant flow', screened: 'Screened', eligible: 'Eligible', consented: 'Consented', dosed: 'At least one dose', completed: 'Completed', excluded: 'Excluded: withdrew use of their data', reasons: 'Reasons', step: 'Step', count: 'n',
    baseline: 'Baseline characteristics (dosed participants)', ageBand: 'Age band', sex: 'Sex', screeningScore: 'Screening score', baselineScore: 'Baseline (pre-treatment) score', severity: 'Baseline severity',
    primary: 'Primary analysis', primaryMethod: (f: string) => `MMRM (${f}, unstructured covariance, REML, Satterthwaite df) on all observed post-baseline data, no imputation. Each visit shows the estimated mean change at the mean baseline.`,
    visit: 'Visit', estimate: 'Change', se: 'SE', df: 'df', ci: '95% CI', p: 'p', n: 'n', primaryMark: 'primary',
    trajectories: 'Individual trajectories and the mean (95% CI)', meanLine: 'Bold: model mean with 95% CI', waterfall: 'Change at the primary visit, per participant',
    sensitivity: 'Sensitivity analyses', completersMmrm: 'MMRM, completers only', pairedT: 'Paired t-test (completers)', wilcoxon: 'Wilcoxon signed-rank', locf: 'Last observation carried forward', perProtocol: 'Per protocol (paired t)', notPlanned: 'not in the plan',
    responders: 'Response and remission', responder: 'Response', remitter: 'Remission', itt: 'All dosed (missing = non-responder)', completersSet: 'Completers', byBand: 'Response by baseline severity', respDef: (r: number, b: number | null) => `Improvement of at least ${Math.round(r * 100)}% from baseline; only participants with a baseline of at least ${b ?? '—'}.`, remDef: (a: string, s: boolean) => `${a}${s ? ' (also at the previous visit)' : ''}`,
    reliable: 'Reliable change (Jacobson–Truax)', threshold: 'threshold', improved: 'Improved', unchanged: 'Unchanged', deteriorated: 'Deteriorated',
    rtm: 'Regression to the mean', rtmText: 'Change from screening to the pre-treatment baseline (no treatment yet)', treatmentChange: 'Treatment-period change (primary visit)',
    dose: 'Change by number of doses (last observation)', doses: 'Doses',
    safety: 'Safety', aeParticipants: 'Participants with an adverse event', aePerDose: 'Doses followed by an adverse event', exact: 'exact (Clopper–Pearson) 95% CI', ruleOfThree: (u: string) => `No adverse events: rule-of-three upper bound ${u}`, serious: 'Serious adverse events', none: 'None', related: 'Relatedness', grade: 'Grade', term: 'Event', day: 'Day', events: 'Events',
    meds: 'Concomitant medication changes', medsText: (n: number) => `Participants whose concomitant medication changed during the program: ${n}`,
    biomarkers: 'Biomarkers', hypothesis: 'Hypothesis', analyte: 'Analyte', change: 'Change', pAdj: 'adjusted p', corr: 'r with score change', prespecified: 'pre-specified (Holm-adjusted)', exploratory: 'exploratory (Benjamini–Hochberg-adjusted)',
    benchmarks: 'Benchmarks (published figures)', comparator: 'Comparator', published: 'Published', observed: 'This program', source: 'Source', cannotAttribute: 'An uncontrolled case series cannot attribute the observed change to the treatment: placebo and expectancy, natural course, regression to the mean, concurrent treatment changes and dropout all move scores.',
    compare: { response: 'response rate', remission: 'remission rate', change: 'change', 'effect-size': 'effect size' }, comparators: { placebo: 'placebo', sham: 'sham', waitlist: 'wait-list' },
    limitations: 'Limitations',
  },
} as const;

const limitationText: Record<ReportLang, (l: Limitation) => string> = {
  ja: (l) => ({
    no_control: '対照群がありません。変化をプログラムの効果とは区別できません。',
    self_selected: '参加者は自ら参加を選んだ人々で、母集団を代表しません。',
    self_pay: '自費診療の参加者です。期待や費用負担が評価に影響しうるほか、参加できる人が限られます。',
    unblinded_raters: '評価者は治療を知っており（非盲検）、観察者評価は改善を大きく見せる傾向があります。',
    self_report: '主要評価は自己記入式で、期待の影響を受けます。',
    loss_to_follow_up: `投与を受けた ${l.params?.dosed} 人のうち ${l.params?.missing} 人は主要時点の評価がありません。`,
    small_sample: `投与を受けた参加者は ${l.params?.dosed} 人と少数で、推定は不確かです。`,
    co_medication: `${l.params?.participants} 人でプログラム中に併用薬が変更されました。`,
    plan_not_locked: '解析計画が固定されていません。すべての解析は事後的なものとして扱ってください。',
    plan_locked_after_cut: '解析計画はデータカットの後に固定されました。',
    plan_locked_after_enrolment: '解析計画は最初の参加者の登録より後に固定されました。',
  })[l.code],
  en: (l) => ({
    no_control: 'There is no control group: the change cannot be separated from what would have happened without the program.',
    self_selected: 'Participants chose to take part and do not represent the wider population.',
    self_pay: 'Participants paid for the treatment themselves; expectation and cost may colour ratings, and access is limited.',
    unblinded_raters: 'Raters knew the treatment (unblinded); observer ratings tend to show larger improvement.',
    self_report: 'The primary outcome is self-reported and open to expectation effects.',
    loss_to_follow_up: `${l.params?.missing} of ${l.params?.dosed} dosed participants have no assessment at the primary visit.`,
    small_sample: `Only ${l.params?.dosed} participants were dosed; estimates are imprecise.`,
    co_medication: `Concomitant medication changed during the program for ${l.params?.participants} participant(s).`,
    plan_not_locked: 'The analysis plan is not locked: treat every analysis as post hoc.',
    plan_locked_after_cut: 'The analysis plan was locked after the data cut.',
    plan_locked_after_enrolment: 'The analysis plan was locked after the first participant enrolled.',
  })[l.code],
};

const num = (x: number | null | undefined, d = 2): string => (x === null || x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(d));
const pv = (p: number | null | undefined): string => (p === null || p === undefined ? '—' : p < 0.001 ? '< 0.001' : p.toFixed(3));
const ci = (c: readonly [number, number] | null | undefined, d = 2): string => (c ? `${num(c[0], d)} to ${num(c[1], d)}` : '—');
const pct = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`);
const pctCi = (c: readonly [number, number] | null | undefined): string => (c ? `${pct(c[0])}–${pct(c[1])}` : '—');
const table = (head: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): string =>
  `<table><thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
const counts = (o: Readonly<Record<string, number>>): string => (Object.keys(o).length ? Object.entries(o).map(([k, v]) => `${esc(k)}: ${v}`).join(', ') : '—');

/**
 * The outcome report as one self-contained HTML page (inline CSS and SVG charts, no scripts, no
 * external resources), in Japanese or English. All text from the data cut is escaped.
 */
export function outcomeReportHtml(r: OutcomeReport, lang: ReportLang): string {
  const t = T[lang];
  const prop = (p: Proportion) => [`${p.k} / ${p.n}`, pct(p.estimate), pctCi(p.wilson)];
  const f = r.flow;
  const flowSteps = [
    { label: t.screened, n: f.screened },
    { label: t.eligible, n: f.eligible, aside: `${f.screened - f.eligible}: ${counts(f.reasons.notEligible)}` },
    { label: t.consented, n: f.consented, aside: `${f.eligible - f.consented}: ${counts(f.reasons.notConsented)}` },
    { label: t.dosed, n: f.dosed, aside: f.consented - f.dosed ? `${f.consented - f.dosed}: ${counts(f.reasons.notDosed)}` : undefined },
    ...f.visits.map((v) => ({ label: `${t.visit} ${v.visit}`, n: v.n })),
    { label: t.completed, n: f.completed, aside: `${counts(f.reasons.withdrawn)}; ${counts(f.reasons.lost)}` },
  ];
  const planLine = `${t.version} ${r.plan.version} · ${r.plan.lockedAt ? `${t.locked} ${esc(r.plan.lockedAt)}` : `<strong>${t.notLocked}</strong>`}${r.plan.lockedBeforeCut === false ? ` · <strong>${t.lockedAfterCut}</strong>` : ''} · ${t.sha} <code>${r.plan.sha256}</code>`;
  const primaryRows = r.perVisit.map((v) => [`${esc(v.visit)}${v.visit === r.primary?.visit ? ` <strong>(${t.primaryMark})</strong>` : ''}`, String(v.n), num(v.estimate), num(v.se), num(v.df, 1), ci(v.ci95), pv(v.p)]);
  const s = r.sensitivity;
  const sens = [
    [t.completersMmrm, s.completers ? `${num(s.completers.estimate)} (${ci(s.completers.ci95)}), n = ${s.completers.n}` : t.notPlanned, s.completers ? pv(s.completers.p) : '—'],
    [t.pairedT, s.paired ? `${num(s.paired.estimate)} (${ci(s.paired.ci95)}), n = ${s.paired.n}` : t.notPlanned, s.paired ? pv(s.paired.p) : '—'],
    [t.wilcoxon, s.paired ? `V = ${num(s.paired.wilcoxon.V, 0)}` : t.notPlanned, s.paired ? pv(s.paired.wilcoxon.p) : '—'],
    [t.locf, s.locf ? `${num(s.locf.estimate)} (${ci(s.locf.ci95)}), n = ${s.locf.n}` : t.notPlanned, s.locf ? pv(s.locf.p) : '—'],
    [t.perProtocol, s.perProtocol ? `${num(s.perProtocol.estimate)} (${ci(s.perProtocol.ci95)}), n = ${s.perProtocol.n}` : t.notPlanned, s.perProtocol ? pv(s.perProtocol.p) : '—'],
  ];
  const remRange = r.remitters.atMost !== null ? `≤ ${r.remitters.atMost}` : r.remitters.atLeast !== null ? `≥ ${r.remitters.atLeast}` : '—';
  const ae = r.adverseEvents;
  const bio = r.biomarkers.map((b) => [`${esc(b.id)}${b.prespecified ? '' : ' *'}`, `${esc(b.analyte)} (${esc(b.sampleType)}), ${esc(b.visit)}`, String(b.n), num(b.estimate), ci(b.ci95), pv(b.p), pv(b.pAdjusted), b.correlation ? `${num(b.correlation.r)} (n = ${b.correlation.n})` : '—', b.prespecified ? t.prespecified : t.exploratory]);
  const bench = r.benchmarks.map((b) => {
    const isProp = b.unit === 'proportion';
    const pub = isProp ? (b.low === b.high ? pct(b.low) : `${pct(b.low)}–${pct(b.high)}`) : `${b.low === b.high ? num(b.low, 2) : `${num(b.low, 2)}–${num(b.high, 2)}`} ${b.unit === 'hamd17-points' ? 'HAM-D' : b.unit}`;
    const obs = b.observed === null ? '—' : isProp ? pct(b.observed) : num(b.observed, 2);
    const src = b.source.url ? `<a href="${esc(b.source.url)}">${esc(b.source.citation)}</a>` : esc(b.source.citation);
    return [`${t.compare[b.compare]} — ${t.comparators[b.comparator]}`, esc(b.population[lang]), pub, obs, src];
  });
  const body = `
<h1>${t.title}</h1>
<p>${t.program}: ${esc(r.program.id ?? '—')}${r.program.version !== null ? ` (v${r.program.version})` : ''} · ${t.cut}: ${esc(r.cutAt ?? '—')}</p>
<p>${t.plan}: ${planLine}</p>

<section><h2>${t.flow}</h2>${flowSvg(flowSteps, t.flow)}
${f.excludedNoDataUse ? `<p>${t.excluded}: ${f.excludedNoDataUse}</p>` : ''}
${table([t.step, t.reasons], [[t.screened + ' → ' + t.eligible, counts(f.reasons.notEligible)], [t.eligible + ' → ' + t.consented, counts(f.reasons.notConsented)], [t.consented + ' → ' + t.dosed, counts(f.reasons.notDosed)], ['withdrawn', counts(f.reasons.withdrawn)], ['lost', counts(f.reasons.lost)]])}</section>

<section><h2>${t.baseline}</h2>${table([t.step, t.n, lang === 'ja' ? '値' : 'Value'], [
    [t.ageBand, String(r.baseline.n), counts(r.baseline.ageBands)],
    [t.sex, String(r.baseline.n), counts(r.baseline.sex)],
    [`${t.screeningScore} (${esc(r.scale.id)})`, String(r.baseline.screening.n), `${num(r.baseline.screening.mean, 1)} ± ${num(r.baseline.screening.sd, 1)}; median ${num(r.baseline.screening.median, 1)}`],
    [`${t.baselineScore} (${esc(r.scale.id)})`, String(r.baseline.baseline.n), `${num(r.baseline.baseline.mean, 1)} ± ${num(r.baseline.baseline.sd, 1)}; median ${num(r.baseline.baseline.median, 1)}`],
    [t.severity, String(r.baseline.n), counts(r.baseline.severity)],
  ])}</section>

<section><h2>${t.primary}</h2><p>${t.primaryMethod(r.model?.formula ?? 'change ~ baseline + visit')}</p>
${table([t.visit, t.n, t.estimate, t.se, t.df, t.ci, t.p], primaryRows)}
<figure>${trajectorySvg(r, { title: t.trajectories, baseline: lang === 'ja' ? 'ベースライン' : 'baseline', mean: t.meanLine })}<figcaption>${t.trajectories}</figcaption></figure>
<figure>${waterfallSvg(r, { title: t.waterfall })}<figcaption>${t.waterfall}</figcaption></figure></section>

<section><h2>${t.sensitivity}</h2>${table(['', `${t.estimate} (${t.ci})`, t.p], sens)}</section>

<section><h2>${t.responders}</h2><p>${t.respDef(r.responders.minReduction, r.responders.minBaseline)} ${t.remitter}: ${t.remDef(remRange, r.remitters.sustained)}</p>
${table(['', 'k / n', '%', `Wilson ${t.ci}`], [[`${t.responder} — ${t.itt}`, ...prop(r.responders.itt)], [`${t.responder} — ${t.completersSet}`, ...prop(r.responders.completers)], [`${t.remitter} — ${t.itt}`, ...prop(r.remitters.itt)], [`${t.remitter} — ${t.completersSet}`, ...prop(r.remitters.completers)]])}
<h3>${t.byBand}</h3>${table([t.severity, 'k / n', '%', `Wilson ${t.ci}`], Object.entries(r.responders.byBand).map(([band, p]) => [esc(band), ...prop(p)]))}</section>

<section><h2>${t.reliable}</h2>${r.reliableChange ? `<p>${t.threshold} ${num(r.reliableChange.threshold)} (SD ${num(r.reliableChange.sd)}, r ${num(r.reliableChange.reliability)}), n = ${r.reliableChange.n}</p>${table([t.improved, t.unchanged, t.deteriorated], [[String(r.reliableChange.improved), String(r.reliableChange.unchanged), String(r.reliableChange.deteriorated)]])}` : '<p>—</p>'}</section>

<section><h2>${t.rtm}</h2>${table(['', t.n, t.estimate, t.ci, t.p], [[t.rtmText, String(r.rtm?.n ?? '—'), num(r.rtm?.estimate), ci(r.rtm?.ci95), pv(r.rtm?.p)], [t.treatmentChange, String(r.primary?.n ?? '—'), num(r.primary?.estimate), ci(r.primary?.ci95), pv(r.primary?.p)]])}</section>

<section><h2>${t.dose}</h2>${table([t.doses, t.n, t.estimate], r.doseResponse.map((d) => [String(d.doses), String(d.n), num(d.meanChange)]))}</section>

<section><h2>${t.safety}</h2>${table(['', 'k / n', '%', t.exact], [[t.aeParticipants, `${ae.participants.k} / ${ae.participants.n}`, pct(ae.participants.estimate), pctCi(ae.participants.clopperPearson)], [t.aePerDose, `${ae.perDose.k} / ${ae.perDose.n}`, pct(ae.perDose.estimate), pctCi(ae.perDose.clopperPearson)]])}
${ae.ruleOfThree !== null ? `<p>${t.ruleOfThree(pct(ae.ruleOfThree))}</p>` : ''}
<p>${t.events}: ${ae.events} · ${t.related}: ${counts(ae.byRelatedness)} · ${t.grade}: ${counts(ae.byGrade)}</p>
<h3>${t.serious}</h3>${ae.serious.length ? table(['ID', t.term, t.grade, t.day, t.related], ae.serious.map((e) => [esc(e.studyId), esc(e.term), String(e.grade ?? '—'), String(e.day ?? '—'), esc(e.related ?? '—')])) : `<p>${t.none}</p>`}
<h3>${t.meds}</h3><p>${t.medsText(r.medications.participantsWithChange)}${r.medications.changes.length ? ` (${r.medications.changes.map((c) => `${esc(c.genericName)}: ${c.n}`).join(', ')})` : ''}</p></section>

<section><h2>${t.biomarkers}</h2>${bio.length ? table([t.hypothesis, t.analyte, t.n, t.change, t.ci, t.p, t.pAdj, t.corr, ''], bio) : '<p>—</p>'}</section>

<section><h2>${t.benchmarks}</h2>${bench.length ? table([t.comparator, '', t.published, t.observed, t.source], bench) : ''}<p><strong>${t.cannotAttribute}</strong></p></section>

<section><h2>${t.limitations}</h2><ul>${r.limitations.map((l) => `<li>${esc(limitationText[lang](l))}</li>`).join('')}</ul></section>`;
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t.title}</title><style>
body { font-family: 'Noto Sans CJK JP', 'Noto Sans JP', system-ui, sans-serif; font-size: 15px; line-height: 1.6; color: #1f2933; margin: 0 auto; max-width: 960px; padding: 16px; }
h1 { font-size: 1.6em; } h2 { font-size: 1.25em; border-bottom: 1px solid #cbd2d9; margin-top: 1.6em; } h3 { font-size: 1.05em; }
table { border-collapse: collapse; margin: .5em 0; display: block; overflow-x: auto; max-width: 100%; }
th, td { border: 1px solid #cbd2d9; padding: 4px 8px; text-align: left; vertical-align: top; } th { background: #f5f7fa; }
code { font-size: .8em; word-break: break-all; } figure { margin: 1em 0; } figcaption { font-size: .9em; color: #52606d; }
a { color: #0b4f8a; }
@media print { body { max-width: none; } section { break-inside: avoid-page; } }
</style></head><body><main>${body}</main></body></html>`;
}
