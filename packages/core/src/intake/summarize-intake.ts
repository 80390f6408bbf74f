import { intakeSafetyHits } from './intake-safety-hits.ts';
import { isIntakeAnswered } from './evaluate-intake-condition.ts';
import { formatIntakeValue, intakeListSeparator } from './format-intake-value.ts';
import type { IntakeAnswers, IntakeDefinition, IntakeLang, IntakeText } from './intake-definition.ts';
import { intakeConditionContext, intakeVisibility } from './intake-visibility.ts';
import { assertSameIntakeVersion } from './select-intake-definition.ts';

/** A scale result computed by the scales module, passed in by the caller. */
export interface IntakeScaleScore {
  readonly scaleId: string;
  /** Short name; defaults to a known name (PHQ-9 …) or the id. */
  readonly label?: IntakeText | string;
  /** Null when the scale could not be scored (too many missing items). */
  readonly total: number | null;
  readonly band?: IntakeText | string;
  /** Safety flags, e.g. a positive PHQ-9 item 9; shown first in the summary. */
  readonly flags?: ReadonlyArray<IntakeText | string>;
}

export interface SummarizeIntakeOptions {
  readonly lang: IntakeLang;
  readonly scores?: ReadonlyArray<IntakeScaleScore>;
  /** For ages and age-based questions: the submission date for a submitted intake. */
  readonly today?: string;
  readonly ageYears?: number | null;
}

export interface IntakeSummaryLine {
  /** Questions that made this line (the first gives the label). */
  readonly questionIds: ReadonlyArray<string>;
  readonly label: string;
  readonly text: string;
}

export interface IntakeSummarySection {
  readonly id: string;
  readonly title: string;
  readonly lines: ReadonlyArray<IntakeSummaryLine>;
}

export interface IntakeSummary {
  readonly lang: IntakeLang;
  /** Plain text ready to paste into a chart: alerts first, one paragraph per section. */
  readonly text: string;
  /** The same content for the staff view; the scales section (id `scales`) comes last. */
  readonly sections: ReadonlyArray<IntakeSummarySection>;
  /** Safety flags from the scores, worded for the chosen language. */
  readonly alerts: ReadonlyArray<string>;
}

const KNOWN_SCALE_NAMES: Readonly<Record<string, IntakeText>> = {
  phq9: { ja: 'PHQ-9', en: 'PHQ-9' },
  gad7: { ja: 'GAD-7', en: 'GAD-7' },
  phq9_teens: { ja: 'PHQ-9（思春期版）', en: 'PHQ-9 (teens)' },
  phq15: { ja: 'PHQ-15', en: 'PHQ-15' },
  k6: { ja: 'K6', en: 'K6' },
  k10: { ja: 'K10', en: 'K10' },
};

const pick = (t: IntakeText | string, lang: IntakeLang): string => (typeof t === 'string' ? t : t[lang]);

/** One line of free text; paragraphs become " / " so the summary stays one block per section. */
const oneLine = (s: string): string => s.replace(/\s*\n+\s*/g, ' / ');

function sentence(label: string, text: string, lang: IntakeLang): string {
  const body = `${label}: ${text}`;
  if (/[。．.!?！？]$/.test(body)) return body;
  return body + (lang === 'ja' ? '。' : '.');
}

/**
 * A concise clinical summary of an intake for the chart, in Japanese or English, as plain text
 * and as sections of lines for the staff view. Only shown, answered questions appear; names and
 * contact details are left out (the chart has them); free text is quoted as written (markup is
 * not interpreted); scale results are appended when the caller passes them, with safety flags
 * at the top.
 *
 * @example
 * summarizeIntake(def, answers, { lang: 'ja', today: '2026-11-29', scores: [{ scaleId: 'phq9', total: 14, band: { ja: '中等度', en: 'moderate' } }] }).text
 * // → '年齢: 36歳（1990-06-15生）。性別: 女性。\n主訴: 気分の落ち込みと不眠。…\nPHQ-9: 14点（中等度）。'
 */
export function summarizeIntake(definition: IntakeDefinition, answers: IntakeAnswers, options: SummarizeIntakeOptions): IntakeSummary {
  assertSameIntakeVersion(definition, answers);
  const { lang } = options;
  const vis = intakeVisibility(definition, answers.values, { audience: answers.audience, today: options.today, ageYears: options.ageYears });
  const ctx = intakeConditionContext(vis, answers.values, answers.audience);
  const sections: { id: string; title: string; lines: { questionIds: string[]; label: string; parts: string[] }[] }[] = [];
  const answeredScales: string[] = [];

  for (const vg of vis.groups) {
    let section = sections.at(-1);
    if (!section || section.id !== vg.section.id) {
      section = { id: vg.section.id, title: vg.section.title[lang], lines: [] };
      sections.push(section);
    }
    for (const q of vg.questions) {
      const v = answers.values[q.id];
      if (!isIntakeAnswered(v)) continue;
      if (q.type === 'scale') {
        answeredScales.push(q.scaleId);
        continue;
      }
      if (q.summary?.omit) continue;
      const text = oneLine(formatIntakeValue(q, v, { lang, style: 'clinical', today: options.today, ctx }));
      const prev = section.lines.at(-1);
      if (q.summary?.joinPrevious && prev) {
        prev.questionIds.push(q.id);
        if (text === '') continue;
        if (q.summary.parenthesize && prev.parts.length > 0) {
          prev.parts[prev.parts.length - 1] += lang === 'ja' ? `（${text}）` : ` (${text})`;
        } else prev.parts.push(q.summary.label ? `${q.summary.label[lang]} ${text}` : text);
      } else {
        section.lines.push({ questionIds: [q.id], label: (q.summary?.label ?? q.label)[lang], parts: text === '' ? [] : [text] });
      }
    }
  }

  const out: IntakeSummarySection[] = sections
    .map((s) => ({
      id: s.id,
      title: s.title,
      lines: s.lines.map((l) => ({
        questionIds: l.questionIds,
        label: l.label,
        // A "yes" whose wording is left to the details that follow, but with no details given.
        text: l.parts.length > 0 ? l.parts.join(intakeListSeparator(lang)) : lang === 'ja' ? 'あり' : 'yes',
      })),
    }))
    .filter((s) => s.lines.length > 0);

  // Safety answers first (a ticked self-harm option, an attempt, a listed phrase in free text).
  const alerts: string[] = intakeSafetyHits(definition, answers.values, { audience: answers.audience, ...(options.today !== undefined ? { today: options.today } : {}) }).map((h) =>
    h.kind === 'free_text'
      ? `${h.question[lang]}${lang === 'ja' ? `（語句: ${(h.phrases ?? []).join('、')}）:「${h.answer[lang]}」` : ` (phrases: ${(h.phrases ?? []).join(', ')}): "${h.answer[lang]}"`}`
      : `${h.question[lang]}: ${h.answer[lang]}`,
  );
  const scaleLines: IntakeSummaryLine[] = [];
  const scored = new Set<string>();
  for (const s of options.scores ?? []) {
    scored.add(s.scaleId);
    const name = s.label !== undefined ? pick(s.label, lang) : (KNOWN_SCALE_NAMES[s.scaleId]?.[lang] ?? s.scaleId);
    let text: string;
    if (s.total === null) text = lang === 'ja' ? '採点不能（未回答項目あり）' : 'not scorable (items missing)';
    else {
      text = lang === 'ja' ? `${s.total}点` : `${s.total}`;
      if (s.band !== undefined) text += lang === 'ja' ? `（${pick(s.band, lang)}）` : ` (${pick(s.band, lang)})`;
    }
    scaleLines.push({ questionIds: [], label: name, text });
    for (const f of s.flags ?? []) alerts.push(`${name} ${pick(f, lang)}`);
  }
  for (const id of answeredScales) {
    if (scored.has(id)) continue;
    scaleLines.push({ questionIds: [], label: KNOWN_SCALE_NAMES[id]?.[lang] ?? id, text: lang === 'ja' ? '回答あり（未採点）' : 'answered (not scored)' });
  }
  if (scaleLines.length > 0) out.push({ id: 'scales', title: lang === 'ja' ? '質問票' : 'Questionnaires', lines: scaleLines });

  const alertPrefix = lang === 'ja' ? '【要確認】' : 'ALERT: ';
  const paragraphs = [
    ...alerts.map((a) => sentence(alertPrefix.replace(/: $/, ''), a, lang).replace(/^【要確認】: /, '【要確認】')),
    ...out.map((s) => s.lines.map((l) => sentence(l.label, l.text, lang)).join(lang === 'ja' ? '' : ' ')),
  ];
  return { lang, text: paragraphs.join('\n'), sections: out, alerts };
}
