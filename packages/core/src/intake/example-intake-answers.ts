import { DEFAULT_CONSENT_POLICY_VERSION } from './default-intake-definition.ts';
import type { IntakeAnswers } from './intake-definition.ts';

/**
 * A complete, valid adult intake for the seeded form (version 1), for tests, demos and seed data.
 * Fictional person.
 *
 * @example
 * validateIntakeAnswers(DEFAULT_INTAKE_DEFINITION, exampleAdultIntakeAnswers(), { today: '2026-11-29', audience: 'adult' }).ok // → true
 */
export function exampleAdultIntakeAnswers(): IntakeAnswers {
  return {
    definitionId: 'default',
    definitionVersion: 1,
    audience: 'adult',
    values: {
      patient_name: '見守 花子',
      patient_name_kana: 'ミマモリ ハナコ',
      birth_date: '1990-06-15',
      sex: { choice: 'female' },
      patient_phone: '+819012345678',
      respondent: { choice: 'self' },
      chief_complaint: '気分の落ち込みと不眠',
      symptoms: { choices: ['low_mood', 'insomnia', 'fatigue'] },
      onset_when: '2026年春頃',
      onset_course: { choice: 'worsening' },
      onset_trigger: '職場の異動',
      past_psychiatric: false,
      past_admission: false,
      suicide_attempt: false,
      past_medical: true,
      past_medical_details: '気管支喘息（小児期）',
      previous_treatment: false,
      taking_medicines: true,
      medicines: [
        { generic_name: 'セルトラリン', dose: '25mg', frequency: { choice: 'evening' } },
        { generic_name: 'ロラゼパム', dose: '0.5mg', frequency: { choice: 'prn' }, prn_when: '不安時' },
      ],
      has_allergy: false,
      height_cm: 158,
      weight_kg: 52,
      pregnant: { choice: 'no' },
      breastfeeding: false,
      seizure_history: false,
      head_injury: false,
      implants: { choices: ['none'] },
      family_psychiatric: false,
      sleep_problems: { choices: ['onset', 'maintenance'] },
      sleep_hours: 5,
      appetite: { choice: 'decreased' },
      weight_change: { choice: 'lost' },
      weight_change_kg: 3,
      occupation: { choice: 'on_leave' },
      occupation_details: '事務職',
      alcohol: { choice: 'occasional' },
      tobacco: { choice: 'never' },
      other_substances: false,
      adverse_experiences: { choices: ['bullying'] },
      abuse_current: false,
      household: { choices: ['partner'] },
      hopes: { choices: ['diagnosis', 'medication'] },
      scale_phq9: { scaleId: 'phq9', answers: { q1: 2, q2: 2, q3: 3, q4: 2, q5: 1, q6: 1, q7: 2, q8: 1, q9: 0 } },
      scale_gad7: { scaleId: 'gad7', answers: { q1: 1, q2: 1, q3: 2, q4: 1, q5: 0, q6: 1, q7: 1 } },
      consent_sensitive_info: { agreed: true, policyVersion: DEFAULT_CONSENT_POLICY_VERSION },
    },
  };
}

/**
 * A complete, valid guardian-for-a-child intake (a 14-year-old on 2026-11-29) for the seeded form.
 *
 * @example
 * exampleChildIntakeAnswers().values.guardian_relation // → { choice: 'mother' }
 */
export function exampleChildIntakeAnswers(): IntakeAnswers {
  return {
    definitionId: 'default',
    definitionVersion: 1,
    audience: 'child',
    values: {
      patient_name: '見守 太郎',
      patient_name_kana: 'ミマモリ タロウ',
      birth_date: '2012-05-01',
      sex: { choice: 'male' },
      guardian_name: '見守 花子',
      guardian_name_kana: 'ミマモリ ハナコ',
      guardian_relation: { choice: 'mother' },
      guardian_phone: '+819012345678',
      school_grade: { choice: 'junior_high_3' },
      school_name: '見守市立第一中学校',
      school_attendance: { choice: 'separate_room' },
      chief_complaint: '朝起きられず、学校に行けない日が続いている',
      symptoms: { choices: ['low_mood', 'school_work_refusal'] },
      onset_when: '中学2年の秋頃',
      onset_course: { choice: 'fluctuating' },
      past_psychiatric: false,
      past_admission: false,
      suicide_attempt: false,
      past_medical: false,
      previous_treatment: true,
      previous_treatment_details: 'スクールカウンセラーに月1回相談',
      taking_medicines: false,
      has_allergy: true,
      allergies: [{ allergen: 'そば', reaction: '蕁麻疹' }],
      height_cm: 162,
      weight_kg: 48,
      seizure_history: false,
      head_injury: false,
      implants: { choices: ['none'] },
      family_psychiatric: false,
      pregnancy_issues: false,
      birth_weeks: 39,
      birth_weight: 3100,
      birth_issues: false,
      walk_months: 13,
      words_months: 14,
      checkup_concerns: false,
      development_support: { choices: ['school_counsellor'] },
      sleep_problems: { choices: ['reversed'] },
      appetite: { choice: 'usual' },
      weight_change: { choice: 'same' },
      alcohol: { choice: 'never' },
      tobacco: { choice: 'never' },
      other_substances: false,
      adverse_experiences: { choices: ['none'] },
      household: { choices: ['parents', 'siblings'] },
      hopes: { choices: ['advice', 'counselling'] },
      // The adolescent's own part (answered on their own link; the guardian's part leaves it out).
      self_worries: '学校に行くと、おなかが痛くなる。',
      self_feelings: { choices: ['low_mood', 'school'] },
      self_attempt: false,
      scale_child_phq9_teens: { scaleId: 'phq9_teens', answers: { q1: 1, q2: 1, q3: 2, q4: 2, q5: 1, q6: 1, q7: 1, q8: 1, q9: 0 } },
      consent_sensitive_info: { agreed: true, policyVersion: DEFAULT_CONSENT_POLICY_VERSION },
    },
  };
}
