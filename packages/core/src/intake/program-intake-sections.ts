import type { IntakeDefinition, IntakeGroup, IntakeOption, IntakeQuestion, IntakeText } from './intake-definition.ts';

/**
 * WEB問診 questions the monitor programs need for eligibility and safety: who is answering (adults
 * too), height and weight (dose per kg), pregnancy and breast-feeding, seizures, head injury and
 * implanted metal or devices (TMS screening), how many suicide attempts, adverse experiences,
 * household, and support a child receives. Feeds `intakeExclusionFindings`.
 */

const t = (ja: string, en: string): IntakeText => ({ ja, en });
const opt = (value: string, ja: string, en: string, clinical?: IntakeText): IntakeOption =>
  clinical ? { value, label: t(ja, en), clinical } : { value, label: t(ja, en) };
const NONE = t('なし', 'none');
const yesNo = (id: string, label: IntakeText, summary: IntakeText, required = true): IntakeQuestion => ({
  id, type: 'yesNo', label, required, summary: { label: summary, no: NONE, yes: t('', '') },
});

/** Who fills in the form for an adult patient (the guardian group already asks for children). */
export function respondentGroup(): IntakeGroup {
  return {
    id: 'basic_respondent',
    title: t('ご記入いただく方', 'Who is filling in this form'),
    audiences: ['adult'],
    questions: [
      {
        id: 'respondent',
        type: 'singleChoice',
        label: t('この問診に回答しているのはどなたですか。', 'Who is answering this questionnaire?'),
        required: true,
        options: [
          opt('self', '受診される本人', 'The patient', t('本人', 'patient')),
          opt('family', '家族', 'A family member', t('家族', 'family member')),
          opt('supporter', '支援者（施設職員・ケースワーカーなど）', 'A supporter (care staff, case worker …)', t('支援者', 'supporter')),
        ],
        summary: { label: t('回答者', 'Answered by') },
      },
      {
        id: 'respondent_relation',
        type: 'text',
        label: t('ご本人との関係とお名前', 'Your relation to the patient, and your name'),
        required: true,
        maxLength: 100,
        showIf: { op: 'in', question: 'respondent', values: ['family', 'supporter'] },
        summary: { joinPrevious: true, parenthesize: true },
      },
    ],
  };
}

/** How many times, asked after 「自殺を図ったことがある」 (which alerts the clinic by itself). */
export function suicideAttemptCountQuestion(): IntakeQuestion {
  return {
    id: 'suicide_attempt_count',
    type: 'number',
    label: t('これまでに何回ありましたか（だいたいで構いません）。', 'How many times (roughly)?'),
    unit: t('回', 'times'),
    min: 1,
    max: 100,
    integer: true,
    required: true,
    showIf: { op: 'equals', question: 'suicide_attempt', value: true },
    summary: { joinPrevious: true, parenthesize: true },
  };
}

/** Body and treatment safety: measures, pregnancy, seizures, head injury, implants. */
export function treatmentSafetySection(): IntakeDefinition['sections'][number] {
  return {
    id: 'treatment_safety',
    title: t('からだと治療の安全のための確認', 'Your body and treatment safety'),
    groups: [
      {
        id: 'safety_measures',
        title: t('身長と体重', 'Height and weight'),
        description: t('お薬や治療の量を決めるために使います。', 'Used to decide doses of medicines and treatments.'),
        questions: [
          { id: 'height_cm', type: 'number', label: t('身長', 'Height'), unit: t('cm', 'cm'), min: 40, max: 230, required: true, summary: { label: t('身長・体重', 'Height / weight') } },
          { id: 'weight_kg', type: 'number', label: t('体重', 'Weight'), unit: t('kg', 'kg'), min: 2, max: 300, required: true, summary: { joinPrevious: true } },
        ],
      },
      {
        id: 'safety_pregnancy',
        title: t('妊娠と授乳', 'Pregnancy and breast-feeding'),
        showIf: { op: 'all', conditions: [{ op: 'in', question: 'sex', values: ['female', 'another', 'no_answer'] }, { op: 'age', min: 12 }] },
        questions: [
          {
            id: 'pregnant',
            type: 'singleChoice',
            label: t('現在、妊娠していますか。', 'Are you pregnant now?'),
            required: true,
            options: [
              opt('no', 'していない', 'No', t('妊娠なし', 'not pregnant')),
              opt('yes', 'している', 'Yes', t('妊娠中', 'pregnant')),
              opt('possible', '可能性がある', 'Possibly', t('妊娠の可能性あり', 'possibly pregnant')),
            ],
            summary: { label: t('妊娠', 'Pregnancy') },
          },
          { ...yesNo('breastfeeding', t('現在、授乳中ですか。', 'Are you breast-feeding now?'), t('授乳', 'Breast-feeding')) },
        ],
      },
      {
        id: 'safety_neuro',
        title: t('けいれん・頭のけが・体内の金属', 'Seizures, head injury, metal in the body'),
        description: t('磁気刺激（TMS）など一部の治療では、安全のために必ず確認します。', 'Some treatments, such as magnetic stimulation (TMS), require these answers for safety.'),
        questions: [
          yesNo('seizure_history', t('これまでに、てんかんやけいれん発作を起こしたことはありますか。', 'Have you ever had epilepsy or a seizure?'), t('けいれん既往', 'Seizures')),
          {
            id: 'seizure_details', type: 'longText', label: t('いつ頃、どのような発作でしたか。治療中ですか。', 'When, what kind, and is it treated?'), maxLength: 500, required: true,
            showIf: { op: 'equals', question: 'seizure_history', value: true }, summary: { joinPrevious: true },
          },
          yesNo('head_injury', t('意識を失うほどの頭のけがや、脳の病気・手術をしたことはありますか。', 'Have you had a head injury with loss of consciousness, or a brain illness or operation?'), t('頭部外傷・脳疾患', 'Head injury / brain')),
          {
            id: 'head_injury_details', type: 'longText', label: t('いつ頃、どのようなものでしたか。', 'When, and what?'), maxLength: 500, required: true,
            showIf: { op: 'equals', question: 'head_injury', value: true }, summary: { joinPrevious: true },
          },
          {
            id: 'implants',
            type: 'multipleChoice',
            label: t('体の中に次のものはありますか。', 'Do you have any of these in your body?'),
            required: true,
            options: [
              opt('none', 'どれもない', 'None of these', NONE),
              opt('pacemaker', '心臓ペースメーカー・植込み型除細動器', 'Cardiac pacemaker or implanted defibrillator', t('ペースメーカー等', 'pacemaker/ICD')),
              opt('cochlear', '人工内耳', 'Cochlear implant', t('人工内耳', 'cochlear implant')),
              opt('head_metal', '頭の中の金属（動脈瘤クリップ、シャントなど）', 'Metal in the head (aneurysm clip, shunt …)', t('頭蓋内金属', 'intracranial metal')),
              opt('stimulator', '脳や神経の刺激装置・薬の注入ポンプ', 'Brain or nerve stimulator, drug pump', t('植込み刺激装置・ポンプ', 'implanted stimulator/pump')),
              opt('other_metal', 'そのほかの金属（ボルト、プレートなど）', 'Other metal (screws, plates …)', t('その他の体内金属', 'other metal')),
            ],
            exclusive: ['none'],
            summary: { label: t('体内金属・植込み機器', 'Implants / metal') },
          },
        ],
      },
    ],
  };
}

/** Life background: adverse experiences, household, and (children) support received. */
export function backgroundSection(): IntakeDefinition['sections'][number] {
  return {
    id: 'background',
    title: t('これまでの経験と暮らし', 'Experiences and home'),
    groups: [
      {
        id: 'background_experiences',
        title: t('つらい経験', 'Difficult experiences'),
        description: t('答えたくないものは答えなくて構いません。お答えは診察だけに使います。', 'Skip anything you would rather not answer. Answers are used only for your care.'),
        questions: [
          {
            id: 'adverse_experiences',
            type: 'multipleChoice',
            label: t('これまでに次のような経験はありますか（当てはまるものすべて）。', 'Have you had any of these experiences? (all that apply)'),
            options: [
              opt('none', '特にない', 'None', NONE),
              opt('abuse', '暴力・暴言・ネグレクトなどの虐待', 'Abuse (violence, verbal abuse, neglect)', t('被虐待歴', 'abuse')),
              opt('bullying', 'いじめ・ハラスメント', 'Bullying or harassment', t('いじめ・ハラスメント', 'bullying/harassment')),
              opt('domestic_violence', '家庭内の暴力を見聞きした・受けた', 'Domestic violence (seen or suffered)', t('家庭内暴力', 'domestic violence')),
              opt('sexual', '性的な被害', 'Sexual harm', t('性被害', 'sexual harm')),
              opt('disaster_accident', '災害・事故・事件', 'Disaster, accident or crime', t('災害・事故・事件', 'disaster/accident/crime')),
              opt('loss', '大切な人との死別', 'Death of someone close', t('死別', 'bereavement')),
              opt('no_answer', '答えたくない', 'Prefer not to say', t('回答なし', 'not stated')),
            ],
            exclusive: ['none', 'no_answer'],
            summary: { label: t('逆境体験', 'Adverse experiences') },
          },
          {
            id: 'abuse_current', type: 'yesNo', label: t('その中で、いまも続いているものはありますか。', 'Is any of it still going on?'), required: true,
            showIf: { op: 'any', conditions: ['abuse', 'bullying', 'domestic_violence', 'sexual'].map((v) => ({ op: 'includes' as const, question: 'adverse_experiences', value: v })) },
            summary: { joinPrevious: true, parenthesize: true, yes: t('現在も継続', 'ongoing'), no: t('現在はなし', 'not ongoing') },
          },
        ],
      },
      {
        id: 'background_household',
        title: t('同居している方', 'Who you live with'),
        questions: [
          {
            id: 'household',
            type: 'multipleChoice',
            label: t('一緒に暮らしている方（当てはまるものすべて）', 'Who lives with you? (all that apply)'),
            required: true,
            options: [
              opt('alone', 'ひとり暮らし', 'I live alone', t('独居', 'lives alone')),
              opt('partner', '配偶者・パートナー', 'Spouse or partner', t('配偶者', 'partner')),
              opt('parents', '親', 'Parent(s)', t('親', 'parents')),
              opt('children', '子ども', 'Child(ren)', t('子', 'children')),
              opt('siblings', 'きょうだい', 'Brothers or sisters', t('同胞', 'siblings')),
              opt('grandparents', '祖父母', 'Grandparent(s)', t('祖父母', 'grandparents')),
              opt('facility', '施設・寮', 'A care home or dormitory', t('施設・寮', 'facility')),
            ],
            other: { label: t('その他', 'Other'), maxLength: 100 },
            exclusive: ['alone'],
            summary: { label: t('同居', 'Household') },
          },
        ],
      },
    ],
  };
}

/** Support a child receives (療育, 通級, 特別支援 …), in the developmental history. */
export function developmentSupportGroup(): IntakeGroup {
  return {
    id: 'development_support',
    title: t('受けている支援', 'Support your child receives'),
    questions: [
      {
        id: 'development_support',
        type: 'multipleChoice',
        label: t('お子さまが受けている（受けていた）支援を選んでください。', 'Which support does (or did) your child receive?'),
        options: [
          opt('none', '特にない', 'None', NONE),
          opt('early_intervention', '療育（児童発達支援など）', 'Early developmental support (療育)', t('療育', 'early intervention')),
          opt('resource_room', '通級指導教室', 'Resource room (通級)', t('通級', 'resource room')),
          opt('special_class', '特別支援学級', 'Special-needs class', t('特別支援学級', 'special-needs class')),
          opt('special_school', '特別支援学校', 'Special-needs school', t('特別支援学校', 'special-needs school')),
          opt('after_school', '放課後等デイサービス', 'After-school day service', t('放課後等デイ', 'after-school day service')),
          opt('school_counsellor', 'スクールカウンセラー・相談室', 'School counsellor', t('SC相談', 'school counsellor')),
        ],
        other: { label: t('その他', 'Other'), maxLength: 100 },
        exclusive: ['none'],
        summary: { label: t('支援', 'Support') },
      },
      {
        id: 'development_diagnosis',
        type: 'text',
        label: t('発達について診断を受けたことがあれば、診断名と時期（任意）', 'Any developmental diagnosis, and when (optional)'),
        maxLength: 200,
        summary: { label: t('発達の診断', 'Developmental diagnosis') },
      },
    ],
  };
}

/** Positive intake answers as exclusion findings: `true` = the condition is reported present. */
export type IntakeExclusionFindings = Readonly<Record<string, true>>;

/**
 * What the patient's own answers say about program exclusions. Only a reported condition counts
 * (pregnant or possibly so, breast-feeding, a seizure history, a head implant or pacemaker); "no"
 * is left to the doctor to confirm at screening.
 *
 * @example
 * intakeExclusionFindings({ pregnant: { choice: 'possible' }, seizure_history: false }); // { pregnancy: true }
 */
export function intakeExclusionFindings(values: Readonly<Record<string, unknown>>): IntakeExclusionFindings {
  const out: Record<string, true> = {};
  const pregnant = (values.pregnant as { choice?: unknown } | undefined)?.choice;
  if (pregnant === 'yes' || pregnant === 'possible' || values.breastfeeding === true) out.pregnancy = true;
  if (values.seizure_history === true) out.epilepsy = true;
  const implants = (values.implants as { choices?: unknown } | undefined)?.choices;
  if (Array.isArray(implants) && implants.some((c) => ['pacemaker', 'cochlear', 'head_metal', 'stimulator'].includes(c as string))) out.metal_or_device = true;
  return out;
}
