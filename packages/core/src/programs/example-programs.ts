import type { AnalyteId } from '../labs/analytes.ts';
import type { ProgramDefinition, ProgramDefinitionInput } from './program-definition.ts';
import { defineProgram } from './program-definition.ts';
import { sha256Hex } from './sha256.ts';

/**
 * Two example programs shipped as seed data (demo mode, tests, the program editor's templates).
 * They are illustrations: the consent texts are placeholders whose hashes are computed here, the
 * prices are example figures, and no ethics approval or registry id is filled in because inventing
 * one could collide with a real study. The clinic replaces all of these before enrolling anyone.
 */

const PANEL: ReadonlyArray<AnalyteId> = ['il6', 'tnf_alpha', 'crp', 'il10', 'tgf_beta', 'bdnf', 'ngf', 'cortisol'];

function placeholderDocument(programId: string, role: 'participant' | 'guardian' | 'assent', language: 'ja' | 'en') {
  const titles = {
    participant: { ja: '説明文書・同意書', en: 'Information sheet and consent form' },
    guardian: { ja: '代諾者用 説明文書・同意書', en: 'Information sheet and consent form for guardians' },
    assent: { ja: 'アセント文書（お子さん向けの説明）', en: 'Assent form (explanation for the child)' },
  } as const;
  const title = titles[role][language];
  // Placeholder body; the clinic's real document replaces it and the hash is recomputed.
  const body = `${programId} / ${role} / ${language} / v1 — ${title}`;
  return { id: `${programId}-${role}`, version: '1', role, language, title, contentHash: sha256Hex(body), effectiveFrom: '2026-01-01', sample: true };
}

function documents(programId: string, roles: ReadonlyArray<'participant' | 'guardian' | 'assent'>) {
  return roles.flatMap((role) => (['ja', 'en'] as const).map((language) => placeholderDocument(programId, role, language)));
}

const INFUSION_SOURCE = '静脈内投与に一般的な反応の例示（未承認製剤のため添付文書なし。研究計画書・説明文書の一覧に置き換えること）';
const TMS_SOURCE = 'Rossi S, et al. Safety and recommendations for TMS use in healthy subjects and patient populations. Clin Neurophysiol 2021;132:269–306; 日本精神神経学会「反復経頭蓋磁気刺激装置適正使用指針」';

const week = (n: number): { ja: string; en: string } => ({ ja: `${n}週目`, en: `Week ${n}` });

/** Input of the exosome infusion program (kept separate so tests can vary one field). */
export const EXOSOME_PROGRAM_INPUT: ProgramDefinitionInput = {
  id: 'exosome-depression-anxiety',
  version: 1,
  title: { ja: 'エクソソーム点滴モニタープログラム（うつ・不安）', en: 'Exosome infusion monitor program (depression and anxiety)' },
  treatment: 'infusion',
  eligibility: {
    minAgeYears: 12,
    maxAgeYears: 75,
    // Depressive episode, recurrent depression, dysthymia, other anxiety disorders.
    diagnosisCodes: ['F32', 'F33', 'F34.1', 'F41'],
    severity: [
      { scaleId: 'phq9', min: 10 },
      { scaleId: 'gad7', min: 10 },
    ],
    severityRule: 'any_of',
    exclusions: [
      { id: 'bipolar', label: { ja: '双極性障害', en: 'Bipolar disorder' }, icd10: ['F31'] },
      {
        id: 'psychosis',
        label: { ja: '統合失調症・妄想性障害などの精神病性障害', en: 'Schizophrenia-spectrum or other psychotic disorder' },
        icd10: ['F20', 'F22', 'F23', 'F25', 'F28', 'F29'],
      },
      { id: 'pregnancy', label: { ja: '妊娠中または授乳中', en: 'Pregnant or breast-feeding' } },
      { id: 'active_suicidal_intent', label: { ja: '差し迫った自殺の意図', en: 'Active suicidal intent' } },
      { id: 'product_allergy', label: { ja: '製剤成分へのアレルギー歴', en: 'Allergy to a component of the product' } },
    ],
  },
  // An unapproved product's efficacy evaluated prospectively: 特定臨床研究 unless the review board decides otherwise.
  pathway: 'specified_clinical_research',
  consentDocuments: documents('exosome-depression-anxiety', ['participant', 'guardian', 'assent']),
  sessions: {
    kind: 'infusion',
    spacing: 'fixed_interval',
    count: 5,
    intervalDays: 14,
    windowBeforeDays: 2,
    windowAfterDays: 2,
    firstSessionAfterEnrolmentDays: 7,
    serviceId: 'exosome-infusion',
  },
  assessments: [
    {
      id: 'screening',
      label: { ja: 'スクリーニング', en: 'Screening' },
      anchor: 'screening',
      scales: ['phq9', 'gad7'],
      inClinic: true,
      baseline: 'screening',
    },
    {
      id: 'baseline',
      label: { ja: 'ベースライン（投与前）', en: 'Baseline (pre-treatment)' },
      dayOffset: 0,
      windowBeforeDays: 7,
      windowAfterDays: 0,
      scales: ['phq9', 'gad7'],
      biomarkers: PANEL,
      inClinic: true,
      baseline: 'pre_treatment',
    },
    { id: 'week2', label: week(2), dayOffset: 14, windowBeforeDays: 3, windowAfterDays: 3, scales: ['phq9', 'gad7'], inClinic: false },
    { id: 'week4', label: week(4), dayOffset: 28, windowBeforeDays: 3, windowAfterDays: 3, scales: ['phq9', 'gad7'], inClinic: false },
    {
      id: 'week8',
      label: week(8),
      dayOffset: 56,
      windowBeforeDays: 3,
      windowAfterDays: 7,
      scales: ['phq9', 'gad7'],
      biomarkers: PANEL,
      inClinic: true,
    },
    { id: 'week12', label: week(12), dayOffset: 84, windowBeforeDays: 7, windowAfterDays: 7, scales: ['phq9', 'gad7'], inClinic: false },
    { id: 'week24', label: week(24), dayOffset: 168, windowBeforeDays: 14, windowAfterDays: 14, scales: ['phq9', 'gad7'], inClinic: false },
  ],
  // Example figure only.
  price: { amountExclTaxYen: 300_000, taxRatePercent: 10, rounding: 'floor' },
  // No package insert exists for an unapproved product: these are the usual reactions to an
  // intravenous infusion, as an example. The clinic's protocol and consent document replace them.
  safety: {
    expectedAdverseEvents: [
      { id: 'infusion_site_reaction', term: { ja: '穿刺部位の疼痛・内出血', en: 'Infusion-site pain or bruising' }, source: INFUSION_SOURCE },
      { id: 'fever', term: { ja: '発熱', en: 'Fever' }, source: INFUSION_SOURCE },
      { id: 'headache', term: { ja: '頭痛', en: 'Headache' }, source: INFUSION_SOURCE },
      { id: 'fatigue', term: { ja: '倦怠感', en: 'Fatigue' }, source: INFUSION_SOURCE },
      { id: 'allergic_reaction', term: { ja: 'アレルギー反応（発疹・そう痒）', en: 'Allergic reaction (rash, itching)' }, source: INFUSION_SOURCE },
      { id: 'vasovagal_reaction', term: { ja: '血管迷走神経反射', en: 'Vasovagal reaction' }, source: INFUSION_SOURCE },
    ],
  },
  // One sample type per analyte for the whole program (serum and plasma BDNF do not compare);
  // cortisol follows the time of day, so it is drawn in the morning window only.
  labPlan: [
    ...PANEL.map((analyte) => ({ analyte, sampleType: 'serum', ...(analyte === 'cortisol' ? { collectionWindow: { from: '07:00', to: '10:00' } } : {}) })),
    { analyte: 'mir21', sampleType: 'plasma' },
    { analyte: 'mir146a', sampleType: 'plasma' },
    ...(['wbc', 'rbc', 'hemoglobin', 'hematocrit', 'platelets'] as const).map((analyte) => ({ analyte, sampleType: 'whole_blood' })),
    ...(['ast', 'alt', 'creatinine'] as const).map((analyte) => ({ analyte, sampleType: 'serum' })),
  ],
};

/** Input of the TMS program: daily rTMS on open days, 30 sessions, adults only. */
export const TMS_PROGRAM_INPUT: ProgramDefinitionInput = {
  id: 'tms-depression',
  version: 1,
  title: { ja: 'TMS治療モニタープログラム（うつ）', en: 'TMS monitor program (depression)' },
  treatment: 'tms',
  eligibility: {
    minAgeYears: 18,
    maxAgeYears: 75,
    diagnosisCodes: ['F32', 'F33'],
    severity: [{ scaleId: 'phq9', min: 10 }],
    severityRule: 'all_of',
    exclusions: [
      { id: 'bipolar', label: { ja: '双極性障害', en: 'Bipolar disorder' }, icd10: ['F31'] },
      {
        id: 'epilepsy',
        label: { ja: 'てんかん・けいれん発作の既往', en: 'Epilepsy or history of seizures' },
        icd10: ['G40', 'G41', 'R56'],
      },
      {
        id: 'metal_or_device',
        label: { ja: '頭部の金属・ペースメーカー等の植込み機器', en: 'Metal in the head or an implanted device (e.g. pacemaker)' },
      },
      { id: 'pregnancy', label: { ja: '妊娠中', en: 'Pregnant' } },
    ],
  },
  pathway: 'guideline_research',
  consentDocuments: documents('tms-depression', ['participant']),
  sessions: {
    kind: 'tms',
    spacing: 'each_open_day',
    count: 30,
    intervalDays: 1,
    windowBeforeDays: 0,
    windowAfterDays: 0,
    firstSessionAfterEnrolmentDays: 3,
    serviceId: 'tms',
  },
  assessments: [
    {
      id: 'screening',
      label: { ja: 'スクリーニング', en: 'Screening' },
      anchor: 'screening',
      scales: ['phq9', 'gad7'],
      inClinic: true,
      baseline: 'screening',
    },
    {
      id: 'baseline',
      label: { ja: 'ベースライン（治療前）', en: 'Baseline (pre-treatment)' },
      dayOffset: 0,
      windowBeforeDays: 7,
      windowAfterDays: 0,
      scales: ['phq9', 'gad7'],
      biomarkers: ['bdnf', 'cortisol'],
      inClinic: true,
      baseline: 'pre_treatment',
    },
    { id: 'week2', label: week(2), dayOffset: 14, windowBeforeDays: 3, windowAfterDays: 3, scales: ['phq9', 'gad7'], inClinic: false },
    { id: 'week4', label: week(4), dayOffset: 28, windowBeforeDays: 3, windowAfterDays: 3, scales: ['phq9', 'gad7'], inClinic: false },
    {
      id: 'week6',
      label: week(6),
      dayOffset: 42,
      windowBeforeDays: 3,
      windowAfterDays: 7,
      scales: ['phq9', 'gad7'],
      biomarkers: ['bdnf', 'cortisol'],
      inClinic: true,
    },
    { id: 'week12', label: week(12), dayOffset: 84, windowBeforeDays: 7, windowAfterDays: 7, scales: ['phq9', 'gad7'], inClinic: false },
    { id: 'week24', label: week(24), dayOffset: 168, windowBeforeDays: 14, windowAfterDays: 14, scales: ['phq9', 'gad7'], inClinic: false },
  ],
  price: { amountExclTaxYen: 330_000, taxRatePercent: 10, rounding: 'floor' },
  // Adverse effects listed in the rTMS safety guidelines (Rossi et al. 2021) and the JSPN guide.
  safety: {
    expectedAdverseEvents: [
      { id: 'headache', term: { ja: '頭痛', en: 'Headache' }, source: TMS_SOURCE },
      { id: 'scalp_pain', term: { ja: '刺激部位の痛み・不快感', en: 'Pain or discomfort at the stimulation site' }, source: TMS_SOURCE },
      { id: 'facial_twitching', term: { ja: '顔面筋のれん縮', en: 'Facial muscle twitching' }, source: TMS_SOURCE },
      { id: 'dizziness', term: { ja: 'めまい', en: 'Dizziness' }, source: TMS_SOURCE },
      { id: 'syncope', term: { ja: '失神', en: 'Syncope' }, source: TMS_SOURCE },
      { id: 'hearing', term: { ja: '一過性の聴覚の変化（耳栓の不備）', en: 'Transient hearing change (without ear protection)' }, source: TMS_SOURCE },
      { id: 'seizure', term: { ja: '痙攣発作（まれ）', en: 'Seizure (rare)' }, source: TMS_SOURCE },
      { id: 'hypomania', term: { ja: '軽躁・躁転', en: 'Hypomania or mania' }, source: TMS_SOURCE },
    ],
  },
};

/** 「エクソソーム点滴モニタープログラム（うつ・不安）」, validated. */
export const EXOSOME_PROGRAM: ProgramDefinition = defineProgram(EXOSOME_PROGRAM_INPUT);

/** 「TMS治療モニタープログラム（うつ）」, validated. */
export const TMS_PROGRAM: ProgramDefinition = defineProgram(TMS_PROGRAM_INPUT);
