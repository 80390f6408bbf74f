import type { AeTable, Limitation, OutcomeReport, Proportion } from '@mimamori/core/outcome/index';
import { biomarkerTrajectorySvg } from './biomarker-trajectory-svg.ts';
import { escapeXml as esc, flowSvg, trajectorySvg, waterfallSvg } from './outcome-charts.ts';

export type ReportLang = 'ja' | 'en';

const T = {
  ja: {
    title: 'アウトカム報告', program: 'プログラム', plan: '解析計画', version: '版', locked: '固定日時', notLocked: '未固定（草案）— この報告は確定した計画に基づいていません', lockedAfterCut: '計画はデータカットの後に固定されました（この報告のすべての解析は事後解析です）', lockedBeforeCut: 'データカットの前に固定', reReported: (v: number) => `データカットは第${v}版の計画で作成されました。この報告は上記の版で再解析したものです`, holmPostHoc: '計画の仮説（Holm 調整）— 事後', cut: 'データカット', sha: 'SHA-256',
    flow: '参加者の流れ', applied: '募集ページからの応募', contacted: '連絡がついた', screeningBooked: 'スクリーニング受診を予約', waiting: (n: number) => `連絡待ち ${n}`, waitingBooking: (n: number) => `予約待ち ${n}`, declinedBefore: (n: number) => `予約前に辞退・連絡不能 ${n}`, declinedAfter: (n: number) => `予約後に辞退 ${n}`, recruitmentNote: '応募から予約までは募集ページの応募の件数です（応募者の情報は含みません）。予約後の受診者がスクリーニングに登録されるため、両者の数は一致するとは限りません。', screened: 'スクリーニング', eligible: '適格', consented: '同意', dosed: '1回以上投与', completed: '完了', excluded: 'データ利用拒否により除外', reasons: '理由', step: '段階', count: '人数',
    baseline: '背景（投与を受けた参加者）', ageBand: '年齢帯', sex: '性別', screeningScore: 'スクリーニング時の得点', baselineScore: 'ベースライン（治療前）の得点', severity: 'ベースラインの重症度',
    primary: '主要解析', primaryMethod: (f: string) => `MMRM（${f}、非構造共分散、REML、Satterthwaite自由度）。ベースライン後に観測されたすべての値を補完なしで使用。各時点の値はベースライン平均における変化量の推定値。`,
    visit: '時点', estimate: '変化量', se: '標準誤差', df: '自由度', ci: '95% CI', p: 'p', n: 'n', primaryMark: '主要時点',
    trajectories: '個々の経過と平均（95% CI）', meanLine: '太線: モデルによる平均と95% CI', waterfall: '主要時点での変化量（参加者ごと）',
    sensitivity: '感度分析', completersMmrm: '完了者のみのMMRM', pairedT: '対応のある t 検定（完了者）', wilcoxon: 'Wilcoxon 符号順位検定', locf: '最終観測値の繰り越し（LOCF）', perProtocol: 'プロトコル遵守例（MMRM）', notPlanned: '計画になし',
    analysis: '解析', label: '位置づけ', planned: '事前規定', postHoc: '事後（固定された計画にない）',
    ppTitle: 'プロトコル遵守例（per protocol）', ppDef: (d: number, iv: number | null, b: number, a: number, derived: boolean) => `定義: 予定の ${d} 回の投与をすべて受け${iv !== null ? `（第 k 回は ${iv}×(k−1) 日目の −${b}〜+${a} 日以内）` : ''}、主要時点の評価を時間枠内に回答した参加者。観測値は時間枠内のもののみ。主解析と同じ MMRM。${derived ? '計画に定義がないため、投与回数はデータ上の最大値から導いた事後の定義です（時間枠の確認なし）。' : ''}`,
    ppIncluded: (k: number, n: number) => `対象 ${k} 人 / 投与を受けた ${n} 人`, ppReasons: { fewer_doses: '予定より少ない投与', dose_out_of_window: '時間枠外の投与', primary_visit_missing: '主要時点の評価なし', primary_visit_out_of_window: '主要時点の評価が時間枠外' } as Record<string, string>,
    tpTitle: 'ティッピングポイント解析（欠測データ）', delta: 'δ（点）',
    tpMethod: (m: number, n: number) => `主要時点の評価がない ${m} 人（解析対象 ${n} 人中）の主要時点の得点が、観測データから欠測ランダム（MAR）の仮定で予測される値より一律に δ 点高い（δ > 0 は悪い方向）と仮定し、推定値がどこで結論を変えるかを調べます（デルタ調整パターン混合モデル）。δ を補完値に加えると完全データの平均は δ×${m}/${n} だけ動き、分散は変わらないため、推定値は θ̂ + δ×${m}/${n}、標準誤差と自由度は主解析の MMRM のもの（MAR 下で多重代入と漸近的に同等）を用いる決定論的な閉形式です。乱数は使いません。`,
    tpResult: (d: string, est: string) => `ティッピングポイント: δ = ${d} 点で 95% CI が 0 に達し、結論が変わります（主解析の推定変化量は ${est} 点）。この大きさのずれがありうるかは臨床的判断です。`,
    tpNone: '主要時点の欠測がないため、ずらす対象がありません。', tpBeyond: 'この δ は尺度の全範囲を超えており、尺度上ありうるどのずれでも結論は変わりません。',
    tpRefs: '方法の出典: National Research Council (2010) The Prevention and Treatment of Missing Data in Clinical Trials; EMA (2010) Guideline on Missing Data in Confirmatory Clinical Trials (EMA/CPMP/EWP/1776/99 Rev. 1); Ratitch B, O’Kelly M, Tosiello R (2013) Pharmaceutical Statistics 12:337–347.',
    aeTable: '有害事象（因果関係 × グレード）', saeTable: '重篤な有害事象（因果関係 × グレード）', aeCell: (n: number) => `各欄: 参加者数（件数）。参加者は該当する欄ごとに数え、合計では1回のみ。分母は投与を受けた全 ${n} 人。グレードは CTCAE。`, total: '合計', gradeN: (g: string) => (g === 'unknown' ? 'グレード不明' : `グレード ${g}`),
    relatedness: { not_related: '関連なし', unlikely: '関連は低い', possible: '関連の可能性あり', probable: 'おそらく関連あり', definite: '確実に関連あり', not_assessed: '未評価' } as Record<string, string>,
    bioTraj: 'バイオマーカーの推移', bioDesc: (a: string, st: string) => `${a}（${st}）: 参加者ごとの値（細線）と、来院ごとの平均と95% CI（太線）。横軸は初回投与からの日数。`, dayAxis: '初回投与からの日数', medianDay: '日（中央値）', mean: '平均', textAlt: '図の数値',
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
    title: 'Outcome report', program: 'Program', plan: 'Analysis plan', version: 'version', locked: 'locked at', notLocked: 'not locked (draft) — this report does not rest on a locked plan', lockedAfterCut: 'the plan was locked after the data cut (every analysis in this report is post hoc)', lockedBeforeCut: 'locked before the data cut', reReported: (v: number) => `the data cut was made under plan version ${v}; this report re-analyses it under the version above`, holmPostHoc: 'in the plan (Holm-adjusted), post hoc', cut: 'Data cut', sha: 'SHA-256',
    flow: 'Participant flow', applied: 'Applied (recruitment page)', contacted: 'Contacted', screeningBooked: 'Screening visit booked', waiting: (n: number) => `waiting for a call ${n}`, waitingBooking: (n: number) => `waiting for a booking ${n}`, declinedBefore: (n: number) => `declined or not reachable before booking ${n}`, declinedAfter: (n: number) => `declined after booking ${n}`, recruitmentNote: 'Applied to booked are counts of the applications from the recruitment page (no applicant data). Those who come to the booked visit are then registered for screening, so the two numbers need not match.', screened: 'Screened', eligible: 'Eligible', consented: 'Consented', dosed: 'At least one dose', completed: 'Completed', excluded: 'Excluded: withdrew use of their data', reasons: 'Reasons', step: 'Step', count: 'n',
    baseline: 'Baseline characteristics (dosed participants)', ageBand: 'Age band', sex: 'Sex', screeningScore: 'Screening score', baselineScore: 'Baseline (pre-treatment) score', severity: 'Baseline severity',
    primary: 'Primary analysis', primaryMethod: (f: string) => `MMRM (${f}, unstructured covariance, REML, Satterthwaite df) on all observed post-baseline data, no imputation. Each visit shows the estimated mean change at the mean baseline.`,
    visit: 'Visit', estimate: 'Change', se: 'SE', df: 'df', ci: '95% CI', p: 'p', n: 'n', primaryMark: 'primary',
    trajectories: 'Individual trajectories and the mean (95% CI)', meanLine: 'Bold: model mean with 95% CI', waterfall: 'Change at the primary visit, per participant',
    sensitivity: 'Sensitivity analyses', completersMmrm: 'MMRM, completers only', pairedT: 'Paired t-test (completers)', wilcoxon: 'Wilcoxon signed-rank', locf: 'Last observation carried forward', perProtocol: 'Per protocol (MMRM)', notPlanned: 'not in the plan',
    analysis: 'Analysis', label: 'Status', planned: 'pre-specified', postHoc: 'post hoc (not in the locked plan)',
    ppTitle: 'Per protocol', ppDef: (d: number, iv: number | null, b: number, a: number, derived: boolean) => `Definition: received all ${d} planned doses${iv !== null ? ` (dose k on day ${iv}·(k − 1), −${b} to +${a} days)` : ''} and answered at the primary visit inside its window; only in-window observations; the same MMRM as the primary analysis.${derived ? ' The plan does not define it: the number of doses is the most any participant received, a post hoc definition without a window check.' : ''}`,
    ppIncluded: (k: number, n: number) => `${k} of ${n} dosed participants`, ppReasons: { fewer_doses: 'fewer doses than planned', dose_out_of_window: 'a dose outside its window', primary_visit_missing: 'no primary-visit assessment', primary_visit_out_of_window: 'primary visit outside its window' } as Record<string, string>,
    tpTitle: 'Tipping-point analysis (missing data)', delta: 'δ (points)',
    tpMethod: (m: number, n: number) => `The ${m} of ${n} analysed participants without a primary-visit assessment are assumed to score δ points higher at that visit (δ > 0: worse on this scale when higher is worse) than their observed data predict under missing at random, and δ is increased until the conclusion changes (a δ-adjusted pattern-mixture analysis). Adding δ to the imputed values moves the complete-data mean by δ·${m}/${n} and leaves its variance unchanged, so the estimate is θ̂ + δ·${m}/${n} with the primary MMRM's SE and df (asymptotically equivalent to multiple imputation under MAR): a deterministic closed form, no random numbers.`,
    tpResult: (d: string, est: string) => `Tipping point: at δ = ${d} points the 95% CI reaches 0 and the conclusion changes (the primary estimated change is ${est} points). Whether a shift this large is plausible is a clinical judgement.`,
    tpNone: 'Nobody is missing at the primary visit: there is nothing to shift.', tpBeyond: 'This δ exceeds the whole range of the scale: no shift the scale allows would change the conclusion.',
    tpRefs: 'Method: National Research Council (2010) The Prevention and Treatment of Missing Data in Clinical Trials; EMA (2010) Guideline on Missing Data in Confirmatory Clinical Trials (EMA/CPMP/EWP/1776/99 Rev. 1); Ratitch B, O’Kelly M, Tosiello R (2013) Pharmaceutical Statistics 12:337–347.',
    aeTable: 'Adverse events by relatedness and grade', saeTable: 'Serious adverse events by relatedness and grade', aeCell: (n: number) => `Each cell: participants (events). A participant counts in every cell that applies and once in each total. Denominator: all ${n} dosed participants. Grades: CTCAE.`, total: 'Total', gradeN: (g: string) => (g === 'unknown' ? 'grade unknown' : `Grade ${g}`),
    relatedness: { not_related: 'not related', unlikely: 'unlikely', possible: 'possible', probable: 'probable', definite: 'definite', not_assessed: 'not assessed' } as Record<string, string>,
    bioTraj: 'Biomarker trajectories', bioDesc: (a: string, st: string) => `${a} (${st}): each participant's values (thin lines) and the mean with 95% CI at each visit (bold), by days from the first dose.`, dayAxis: 'Days from the first dose', medianDay: 'day (median)', mean: 'Mean', textAlt: 'Figures in the chart',
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
    per_protocol_selected: `プロトコル遵守例（${l.params?.included} / ${l.params?.dosed} 人）は、治療に耐え継続できた人に選ばれた集団で、効果を大きく見せる傾向があります。`,
    per_protocol_derived: `プロトコル遵守例の定義は計画になく、データから導きました（投与 ${l.params?.doses} 回）。事後の解析です。`,
    tipping_point_assumption: 'ティッピングポイント解析は、欠測者全員に同じずれ δ を仮定し、分散は主解析の MMRM のものを用います（多重代入の分散より小さい場合があります）。どの δ がありうるかはデータからは決まりません。',
    biomarkers_uncontrolled: 'バイオマーカーの変化には対照がなく、測定誤差、日内・季節変動、平均への回帰を含みます。得点変化との相関は因果を示しません。',
    ae_attribution: '因果関係は非盲検のクリニック職員が評価したもので、対照群の発現率と比べることはできません。報告漏れがありえます。',
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
    per_protocol_selected: `The per-protocol set (${l.params?.included} of ${l.params?.dosed}) is selected by tolerating and adhering to the treatment, which tends to overstate benefit.`,
    per_protocol_derived: `The plan does not define the per-protocol set; it was derived from the data (${l.params?.doses} doses): a post hoc analysis.`,
    tipping_point_assumption: 'The tipping-point analysis assumes the same shift δ for every missing participant and uses the primary MMRM\'s variance, which can be smaller than a multiple-imputation variance; which δ is plausible is not something the data can tell.',
    biomarkers_uncontrolled: 'Biomarker changes have no control: assay error, diurnal and seasonal variation and regression to the mean are in them; a correlation with score change is not causation.',
    ae_attribution: 'Relatedness was judged by unblinded clinic staff and, without a control group, event rates cannot be compared with a placebo rate; events may be under-reported.',
  })[l.code],
};

const num = (x: number | null | undefined, d = 2): string => {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  const s = x.toFixed(d);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s; // no "-0.00"
};
const pv = (p: number | null | undefined): string => (p === null || p === undefined ? '—' : p < 0.001 ? '< 0.001' : p.toFixed(3));
const ci = (c: readonly [number, number] | null | undefined, d = 2): string => (c ? `${num(c[0], d)} to ${num(c[1], d)}` : '—');
const pct = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`);
const pctCi = (c: readonly [number, number] | null | undefined): string => (c ? `${pct(c[0])}–${pct(c[1])}` : '—');
const table = (head: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): string =>
  `<table><thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
const counts = (o: Readonly<Record<string, number>>): string => (Object.keys(o).length ? Object.entries(o).map(([k, v]) => `${esc(k)}: ${v}`).join(', ') : '—');

function aeTableHtml(tb: AeTable, t: (typeof T)[ReportLang]): string {
  if (!tb.rows.length) return `<p>${t.none}</p>`;
  const c = (x: { participants: number; events: number } | undefined) => (x && x.events ? `${x.participants} (${x.events})` : '0');
  return table(
    [t.related, ...tb.grades.map((g) => t.gradeN(g)), t.total],
    [...tb.rows.map((r) => [esc(t.relatedness[r.related] ?? r.related), ...tb.grades.map((g) => c(r.byGrade[g])), c(r.total)]), [`<strong>${t.total}</strong>`, ...tb.grades.map((g) => c(tb.byGrade[g])), `<strong>${c(tb.total)}</strong>`]],
  );
}

/**
 * The outcome report as one self-contained HTML page (inline CSS and SVG charts, no scripts, no
 * external resources), in Japanese or English. All text from the data cut is escaped.
 */
export function outcomeReportHtml(r: OutcomeReport, lang: ReportLang): string {
  const t = T[lang];
  const prop = (p: Proportion) => [`${p.k} / ${p.n}`, pct(p.estimate), pctCi(p.wilson)];
  const f = r.flow;
  const rec = f.recruitment;
  const flowSteps = [
    ...(rec
      ? [
          { label: t.applied, n: rec.applied },
          { label: t.contacted, n: rec.contacted, aside: rec.open.new ? t.waiting(rec.open.new) : undefined },
          { label: t.screeningBooked, n: rec.screeningBooked, aside: [rec.open.contacted ? t.waitingBooking(rec.open.contacted) : '', rec.declined.beforeVisit ? t.declinedBefore(rec.declined.beforeVisit) : ''].filter(Boolean).join('; ') || undefined },
        ]
      : []),
    { label: t.screened, n: f.screened, aside: rec?.declined.afterBooking ? t.declinedAfter(rec.declined.afterBooking) : undefined },
    { label: t.eligible, n: f.eligible, aside: `${f.screened - f.eligible}: ${counts(f.reasons.notEligible)}` },
    { label: t.consented, n: f.consented, aside: `${f.eligible - f.consented}: ${counts(f.reasons.notConsented)}` },
    { label: t.dosed, n: f.dosed, aside: f.consented - f.dosed ? `${f.consented - f.dosed}: ${counts(f.reasons.notDosed)}` : undefined },
    ...f.visits.map((v) => ({ label: `${t.visit} ${v.visit}`, n: v.n })),
    { label: t.completed, n: f.completed, aside: `${counts(f.reasons.withdrawn)}; ${counts(f.reasons.lost)}` },
  ];
  const planLine = `${t.version} ${r.plan.version} · ${r.plan.lockedAt ? `${t.locked} ${esc(r.plan.lockedAt)}` : `<strong>${t.notLocked}</strong>`}${r.plan.lockedBeforeCut === false ? ` · <strong>${t.lockedAfterCut}</strong>` : r.plan.lockedBeforeCut ? ` · ${t.lockedBeforeCut}` : ''} · ${t.sha} <code>${r.plan.sha256}</code>${r.plan.cutPlan ? ` · <strong>${t.reReported(r.plan.cutPlan.version)}</strong>` : ''}`;
  const primaryRows = r.perVisit.map((v) => [`${esc(v.visit)}${v.visit === r.primary?.visit ? ` <strong>(${t.primaryMark})</strong>` : ''}`, String(v.n), num(v.estimate), num(v.se), num(v.df, 1), ci(v.ci95), pv(v.p)]);
  const s = r.sensitivity;
  const status = (k: keyof typeof s.prespecified) => (s.prespecified[k] ? t.planned : `<strong>${t.postHoc}</strong>`);
  const est = (x: { estimate: number; ci95: readonly [number, number]; n: number } | null) => (x ? `${num(x.estimate)} (${ci(x.ci95)}), n = ${x.n}` : '—');
  const pp = s.perProtocol;
  const tp = s.tippingPoint;
  const sens = [
    [t.completersMmrm, est(s.completers), s.completers ? pv(s.completers.p) : '—', status('completers')],
    [t.pairedT, est(s.paired), s.paired ? pv(s.paired.p) : '—', status('paired')],
    [t.wilcoxon, s.paired ? `V = ${num(s.paired.wilcoxon.V, 0)}` : '—', s.paired ? pv(s.paired.wilcoxon.p) : '—', status('paired')],
    [t.locf, est(s.locf), s.locf ? pv(s.locf.p) : '—', status('locf')],
    [t.perProtocol, pp ? `${num(pp.estimate)} (${ci(pp.ci95)}), ${t.ppIncluded(pp.participants, r.flow.dosed)}` : '—', pp ? pv(pp.p) : '—', status('per_protocol')],
    [t.tpTitle, tp?.delta !== null && tp?.delta !== undefined ? `δ = ${num(tp.delta)}` : '—', '—', status('tipping_point')],
  ];
  const ppHtml = pp
    ? `<h3>${t.ppTitle} — ${s.prespecified.per_protocol ? t.planned : `<strong>${t.postHoc}</strong>`}</h3><p>${t.ppDef(pp.population.doses, pp.population.intervalDays, pp.population.windowBeforeDays, pp.population.windowAfterDays, pp.population.source === 'derived')} ${t.ppIncluded(pp.participants, r.flow.dosed)}${lang === 'ja' ? '。' : '.'}</p>
${table([t.visit, t.n, t.estimate, t.se, t.df, t.ci, t.p], pp.perVisit.map((v) => [`${esc(v.visit)}${v.visit === r.primary?.visit ? ` <strong>(${t.primaryMark})</strong>` : ''}`, String(v.n), num(v.estimate), num(v.se), num(v.df, 1), ci(v.ci95), pv(v.p)]))}
${table([t.reasons, t.count], Object.entries(pp.excluded).map(([k, n]) => [esc(t.ppReasons[k] ?? k), String(n)]))}`
    : '';
  const tpHtml = tp
    ? `<h3>${t.tpTitle} — ${s.prespecified.tipping_point ? t.planned : `<strong>${t.postHoc}</strong>`}</h3><p>${t.tpMethod(tp.missing, tp.n)}</p>
${tp.delta === null ? `<p>${t.tpNone}</p>` : `<p><strong>${t.tpResult(num(tp.delta), num(r.primary?.estimate))}</strong>${tp.beyondScale ? ` ${t.tpBeyond}` : ''}</p>${table([t.delta, t.estimate, t.ci, t.p], tp.grid.map((g) => [g.delta === tp.delta ? `<strong>${num(g.delta)}</strong>` : num(g.delta), num(g.estimate), ci(g.ci95), pv(g.p)]))}`}
<p class="note">${t.tpRefs}</p>`
    : '';
  const remRange = r.remitters.atMost !== null ? `≤ ${r.remitters.atMost}` : r.remitters.atLeast !== null ? `≥ ${r.remitters.atLeast}` : '—';
  const ae = r.adverseEvents;
  const bio = r.biomarkers.map((b) => [`${esc(b.id)}${b.prespecified ? '' : ' *'}`, `${esc(b.analyte)} (${esc(b.sampleType)}), ${esc(b.visit)}`, String(b.n), num(b.estimate), ci(b.ci95), pv(b.p), pv(b.pAdjusted), b.correlation ? `${num(b.correlation.r)} (n = ${b.correlation.n})` : '—', b.method === 'holm' ? (b.prespecified ? t.prespecified : t.holmPostHoc) : t.exploratory]);
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
${rec ? `<p class="note">${t.recruitmentNote}</p>` : ''}
${f.excludedNoDataUse ? `<p>${t.excluded}: ${f.excludedNoDataUse}</p>` : ''}
${table([t.step, t.reasons], [...(rec ? [
    [`${t.applied} (${rec.applied}) → ${t.contacted} (${rec.contacted})`, rec.open.new ? t.waiting(rec.open.new) : '—'],
    [`${t.contacted} → ${t.screeningBooked} (${rec.screeningBooked})`, [rec.open.contacted ? t.waitingBooking(rec.open.contacted) : '', rec.declined.beforeVisit ? t.declinedBefore(rec.declined.beforeVisit) : ''].filter(Boolean).join('; ') || '—'],
    [`${t.screeningBooked} → ${t.screened}`, rec.declined.afterBooking ? t.declinedAfter(rec.declined.afterBooking) : '—'],
  ] : []), [t.screened + ' → ' + t.eligible, counts(f.reasons.notEligible)], [t.eligible + ' → ' + t.consented, counts(f.reasons.notConsented)], [t.consented + ' → ' + t.dosed, counts(f.reasons.notDosed)], ['withdrawn', counts(f.reasons.withdrawn)], ['lost', counts(f.reasons.lost)]])}</section>

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

<section><h2>${t.sensitivity}</h2>${table([t.analysis, `${t.estimate} (${t.ci})`, t.p, t.label], sens)}
${ppHtml}
${tpHtml}</section>

<section><h2>${t.responders}</h2><p>${t.respDef(r.responders.minReduction, r.responders.minBaseline)} ${t.remitter}: ${t.remDef(remRange, r.remitters.sustained)}</p>
${table(['', 'k / n', '%', `Wilson ${t.ci}`], [[`${t.responder} — ${t.itt}`, ...prop(r.responders.itt)], [`${t.responder} — ${t.completersSet}`, ...prop(r.responders.completers)], [`${t.remitter} — ${t.itt}`, ...prop(r.remitters.itt)], [`${t.remitter} — ${t.completersSet}`, ...prop(r.remitters.completers)]])}
<h3>${t.byBand}</h3>${table([t.severity, 'k / n', '%', `Wilson ${t.ci}`], Object.entries(r.responders.byBand).map(([band, p]) => [esc(band), ...prop(p)]))}</section>

<section><h2>${t.reliable}</h2>${r.reliableChange ? `<p>${t.threshold} ${num(r.reliableChange.threshold)} (SD ${num(r.reliableChange.sd)}, r ${num(r.reliableChange.reliability)}), n = ${r.reliableChange.n}</p>${table([t.improved, t.unchanged, t.deteriorated], [[String(r.reliableChange.improved), String(r.reliableChange.unchanged), String(r.reliableChange.deteriorated)]])}` : '<p>—</p>'}</section>

<section><h2>${t.rtm}</h2>${table(['', t.n, t.estimate, t.ci, t.p], [[t.rtmText, String(r.rtm?.n ?? '—'), num(r.rtm?.estimate), ci(r.rtm?.ci95), pv(r.rtm?.p)], [t.treatmentChange, String(r.primary?.n ?? '—'), num(r.primary?.estimate), ci(r.primary?.ci95), pv(r.primary?.p)]])}</section>

<section><h2>${t.dose}</h2>${table([t.doses, t.n, t.estimate], r.doseResponse.map((d) => [String(d.doses), String(d.n), num(d.meanChange)]))}</section>

<section><h2>${t.safety}</h2>${table(['', 'k / n', '%', t.exact], [[t.aeParticipants, `${ae.participants.k} / ${ae.participants.n}`, pct(ae.participants.estimate), pctCi(ae.participants.clopperPearson)], [t.aePerDose, `${ae.perDose.k} / ${ae.perDose.n}`, pct(ae.perDose.estimate), pctCi(ae.perDose.clopperPearson)]])}
${ae.ruleOfThree !== null ? `<p>${t.ruleOfThree(pct(ae.ruleOfThree))}</p>` : ''}
<p>${t.events}: ${ae.events} · ${t.related}: ${counts(ae.byRelatedness)} · ${t.grade}: ${counts(ae.byGrade)}</p>
<h3>${t.aeTable}</h3><p>${t.aeCell(ae.participants.n)}</p>${aeTableHtml(ae.table.all, t)}
<h3>${t.saeTable}</h3>${aeTableHtml(ae.table.serious, t)}
<h3>${t.serious}</h3>${ae.serious.length ? table(['ID', t.term, t.grade, t.day, t.related], ae.serious.map((e) => [esc(e.studyId), esc(e.term), String(e.grade ?? '—'), String(e.day ?? '—'), esc(e.related ? (t.relatedness[e.related] ?? e.related) : '—')])) : `<p>${t.none}</p>`}
<h3>${t.meds}</h3><p>${t.medsText(r.medications.participantsWithChange)}${r.medications.changes.length ? ` (${r.medications.changes.map((c) => `${esc(c.genericName)}: ${c.n}`).join(', ')})` : ''}</p></section>

<section><h2>${t.biomarkers}</h2>${bio.length ? table([t.hypothesis, t.analyte, t.n, t.change, t.ci, t.p, t.pAdj, t.corr, ''], bio) : '<p>—</p>'}
${r.biomarkerTrajectories.length ? `<h3>${t.bioTraj}</h3>` : ''}${r.biomarkerTrajectories.map((b, i) => {
    const name = `${b.analyte} (${b.sampleType})`;
    const svg = biomarkerTrajectorySvg(b, { id: `bio-${i}`, title: `${t.bioTraj}: ${name}`, desc: t.bioDesc(b.analyte, b.sampleType), day: t.dayAxis });
    const alt = table([t.visit, t.medianDay, t.n, `${t.mean}${b.unit ? ` (${esc(b.unit)})` : ''}`, t.ci], b.visits.map((v) => [esc(v.visit), v.day === null ? '—' : num(v.day, 0), String(v.n), num(v.mean), ci(v.ci95)]));
    return `<figure class="bio">${svg}<figcaption>${esc(t.bioDesc(b.analyte, b.sampleType))}</figcaption><details open><summary>${t.textAlt}: ${esc(name)}</summary>${alt}</details></figure>`;
  }).join('\n')}</section>

<section><h2>${t.benchmarks}</h2>${bench.length ? table([t.comparator, '', t.published, t.observed, t.source], bench) : ''}<p><strong>${t.cannotAttribute}</strong></p></section>

<section><h2>${t.limitations}</h2><ul>${r.limitations.map((l) => `<li>${esc(limitationText[lang](l))}</li>`).join('')}</ul></section>`;
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t.title}</title><style>
body { font-family: 'Noto Sans CJK JP', 'Noto Sans JP', system-ui, sans-serif; font-size: 15px; line-height: 1.6; color: #1f2933; margin: 0 auto; max-width: 960px; padding: 16px; }
h1 { font-size: 1.6em; } h2 { font-size: 1.25em; border-bottom: 1px solid #cbd2d9; margin-top: 1.6em; } h3 { font-size: 1.05em; }
table { border-collapse: collapse; margin: .5em 0; display: block; overflow-x: auto; max-width: 100%; }
th, td { border: 1px solid #cbd2d9; padding: 4px 8px; text-align: left; vertical-align: top; } th { background: #f5f7fa; }
code { font-size: .8em; word-break: break-all; } figure { margin: 1em 0; } figcaption { font-size: .9em; color: #52606d; }
a { color: #0b4f8a; } .note { font-size: .9em; color: #52606d; } summary { cursor: pointer; color: #0b4f8a; }
@media print { body { max-width: none; } section { break-inside: avoid-page; } figure { break-inside: avoid; } }
</style></head><body><main>${body}</main></body></html>`;
}
