import { ADOLESCENT_MIN_AGE } from './intake-part-definition.ts';
import { backgroundSection, developmentSupportGroup, respondentGroup, suicideAttemptCountQuestion, treatmentSafetySection } from './program-intake-sections.ts';
import type {
  IntakeCondition,
  IntakeDefinition,
  IntakeGroup,
  IntakeOption,
  IntakeQuestion,
  IntakeText,
} from './intake-definition.ts';

const t = (ja: string, en: string): IntakeText => ({ ja, en });
const opt = (value: string, ja: string, en: string, clinical?: IntakeText): IntakeOption =>
  clinical ? { value, label: t(ja, en), clinical } : { value, label: t(ja, en) };
const yes = (question: string): IntakeCondition => ({ op: 'equals', question, value: true });
const NONE = t('なし', 'none');
const UNREMARKABLE = t('特記なし', 'unremarkable');
const SILENT_YES = t('', '');

/** A child/adolescent scale given when the patient's age is within [minAge, maxAge]. */
export interface ChildScaleRule {
  readonly scaleId: string;
  readonly minAge: number;
  readonly maxAge: number;
  /** Screen title; defaults to the scale id. */
  readonly title?: IntakeText;
}

export interface DefaultIntakeOptions {
  /** Version number of the generated definition; default 1. */
  readonly version?: number;
  /** Version of the 要配慮個人情報 handling policy the consent refers to. */
  readonly consentPolicyVersion?: string;
  /** Scales for adults (the patient fills the form); default phq9 and gad7. */
  readonly adultScales?: ReadonlyArray<{ readonly scaleId: string; readonly title: IntakeText }>;
  /** Scales for children by age (a guardian fills the form); default PHQ-9 for teens at 12–17, none below. */
  readonly childScales?: ReadonlyArray<ChildScaleRule>;
}

export const DEFAULT_CONSENT_POLICY_VERSION = '2026-04';

export const DEFAULT_ADULT_SCALES: NonNullable<DefaultIntakeOptions['adultScales']> = [
  { scaleId: 'phq9', title: t('こころとからだの質問票（PHQ-9）', 'PHQ-9') },
  { scaleId: 'gad7', title: t('不安の質問票（GAD-7）', 'GAD-7') },
];

export const DEFAULT_CHILD_SCALES: ReadonlyArray<ChildScaleRule> = [
  { scaleId: 'phq9_teens', minAge: 12, maxAge: 17, title: t('こころの質問票（PHQ-9 思春期版）', 'PHQ-9 modified for teens') },
];

/** Generic names offered while typing a medicine (any text is still accepted). */
export const GENERIC_MEDICINE_SUGGESTIONS: ReadonlyArray<IntakeText> = [
  t('セルトラリン', 'sertraline'),
  t('エスシタロプラム', 'escitalopram'),
  t('パロキセチン', 'paroxetine'),
  t('フルボキサミン', 'fluvoxamine'),
  t('デュロキセチン', 'duloxetine'),
  t('ベンラファキシン', 'venlafaxine'),
  t('ミルナシプラン', 'milnacipran'),
  t('ミルタザピン', 'mirtazapine'),
  t('ボルチオキセチン', 'vortioxetine'),
  t('トラゾドン', 'trazodone'),
  t('アミトリプチリン', 'amitriptyline'),
  t('アリピプラゾール', 'aripiprazole'),
  t('ブレクスピプラゾール', 'brexpiprazole'),
  t('クエチアピン', 'quetiapine'),
  t('オランザピン', 'olanzapine'),
  t('リスペリドン', 'risperidone'),
  t('炭酸リチウム', 'lithium carbonate'),
  t('バルプロ酸ナトリウム', 'sodium valproate'),
  t('ラモトリギン', 'lamotrigine'),
  t('カルバマゼピン', 'carbamazepine'),
  t('ロラゼパム', 'lorazepam'),
  t('アルプラゾラム', 'alprazolam'),
  t('エチゾラム', 'etizolam'),
  t('クロナゼパム', 'clonazepam'),
  t('ジアゼパム', 'diazepam'),
  t('ゾルピデム', 'zolpidem'),
  t('エスゾピクロン', 'eszopiclone'),
  t('ブロチゾラム', 'brotizolam'),
  t('スボレキサント', 'suvorexant'),
  t('レンボレキサント', 'lemborexant'),
  t('ラメルテオン', 'ramelteon'),
  t('メラトニン', 'melatonin'),
  t('メチルフェニデート', 'methylphenidate'),
  t('アトモキセチン', 'atomoxetine'),
  t('グアンファシン', 'guanfacine'),
  t('リスデキサンフェタミン', 'lisdexamfetamine'),
];

const yesNo = (id: string, label: IntakeText, summary: { label: IntakeText; no?: IntakeText }, required = true): IntakeQuestion => ({
  id,
  type: 'yesNo',
  label,
  required,
  summary: { label: summary.label, no: summary.no ?? NONE, yes: SILENT_YES },
});

const details = (id: string, after: string, label: IntakeText, maxLength = 1000): IntakeQuestion => ({
  id,
  type: 'longText',
  label,
  maxLength,
  required: true,
  showIf: yes(after),
  summary: { joinPrevious: true },
});

function basicSection(): IntakeDefinition['sections'][number] {
  const patient: IntakeGroup = {
    id: 'basic_patient',
    title: t('受診される方について', 'About the patient'),
    questions: [
      { id: 'patient_name', type: 'text', label: t('受診される方のお名前', 'Patient\'s full name'), required: true, maxLength: 100, summary: { omit: true } },
      { id: 'patient_name_kana', type: 'kana', label: t('フリガナ', 'Name in kana (furigana)'), help: t('ひらがな・カタカナどちらでも構いません。', 'Hiragana or katakana.'), required: true, maxLength: 100, summary: { omit: true } },
      { id: 'birth_date', type: 'date', label: t('生年月日', 'Date of birth'), required: true, birthDate: true, summary: { label: t('年齢', 'Age'), asAge: true } },
      {
        id: 'sex',
        type: 'singleChoice',
        label: t('性別', 'Sex'),
        required: true,
        options: [
          opt('female', '女性', 'Female'),
          opt('male', '男性', 'Male'),
          opt('another', 'その他', 'Another'),
          opt('no_answer', '答えたくない', 'Prefer not to say', t('回答なし', 'not stated')),
        ],
        summary: { label: t('性別', 'Sex') },
      },
      { id: 'patient_phone', type: 'phone', label: t('電話番号', 'Phone number'), audiences: ['adult'], required: true, summary: { omit: true } },
      { id: 'postal_code', type: 'postalCode', label: t('郵便番号', 'Postal code'), summary: { omit: true } },
    ],
  };
  const guardian: IntakeGroup = {
    id: 'basic_guardian',
    title: t('ご記入される保護者の方について', 'About you (the parent or guardian)'),
    audiences: ['child'],
    questions: [
      { id: 'guardian_name', type: 'text', label: t('保護者のお名前', 'Your full name'), required: true, maxLength: 100, summary: { omit: true } },
      { id: 'guardian_name_kana', type: 'kana', label: t('フリガナ', 'Your name in kana (furigana)'), required: true, maxLength: 100, summary: { omit: true } },
      {
        id: 'guardian_relation',
        type: 'singleChoice',
        label: t('お子さまとのご関係', 'Your relation to the child'),
        required: true,
        options: [opt('mother', '母', 'Mother'), opt('father', '父', 'Father'), opt('grandparent', '祖父母', 'Grandparent'), opt('guardian', '後見人・施設職員', 'Legal guardian or care staff')],
        other: { label: t('その他', 'Other'), maxLength: 50 },
        summary: { label: t('記入者', 'Completed by') },
      },
      { id: 'guardian_phone', type: 'phone', label: t('保護者の電話番号', 'Your phone number'), required: true, summary: { omit: true } },
    ],
  };
  const grades: IntakeOption[] = [
    opt('preschool', '未就学', 'Not yet at school'),
    ...[1, 2, 3, 4, 5, 6].map((g) => opt(`elementary_${g}`, `小学${g}年`, `Elementary school, year ${g}`)),
    ...[1, 2, 3].map((g) => opt(`junior_high_${g}`, `中学${g}年`, `Junior high school, year ${g}`)),
    ...[1, 2, 3].map((g) => opt(`high_${g}`, `高校${g}年`, `High school, year ${g}`)),
    opt('not_in_school', '在籍していない', 'Not enrolled'),
  ];
  const school: IntakeGroup = {
    id: 'basic_school',
    title: t('学校について', 'School'),
    audiences: ['child'],
    questions: [
      { id: 'school_grade', type: 'singleChoice', label: t('学年', 'Grade'), required: true, options: grades, other: { label: t('その他', 'Other'), maxLength: 50 }, summary: { label: t('学年', 'Grade') } },
      {
        id: 'school_name',
        type: 'text',
        label: t('学校・園の名前', 'Name of the school or kindergarten'),
        maxLength: 100,
        showIf: { op: 'not', condition: { op: 'in', question: 'school_grade', values: ['not_in_school'] } },
        summary: { joinPrevious: true, parenthesize: true },
      },
      {
        id: 'school_attendance',
        type: 'singleChoice',
        label: t('最近の登校（登園）の様子', 'School attendance lately'),
        showIf: { op: 'not', condition: { op: 'in', question: 'school_grade', values: ['not_in_school', 'preschool'] } },
        options: [
          opt('regular', 'ふだん通り通っている', 'Attends as usual', t('通常登校', 'attending as usual')),
          opt('sometimes_absent', '休みがち・遅刻や早退が多い', 'Often absent, late or leaving early', t('欠席・遅刻早退が多い', 'frequent absence, lateness or early leaving')),
          opt('separate_room', '保健室や別室に登校している', 'Attends the nurse\'s office or a separate room', t('保健室・別室登校', 'attending a separate room')),
          opt('not_attending', 'ほとんど行けていない', 'Hardly attends', t('不登校', 'not attending')),
        ],
        summary: { label: t('登校', 'Attendance') },
      },
    ],
  };
  return { id: 'basic', title: t('基本情報', 'Basic information'), groups: [patient, respondentGroup(), guardian, school] };
}

function complaintSection(): IntakeDefinition['sections'][number] {
  const symptom = (value: string, ja: string, en: string, cja?: string, cen?: string): IntakeOption =>
    opt(value, ja, en, cja && cen ? t(cja, cen) : undefined);
  return {
    id: 'complaint',
    title: t('ご相談の内容', 'Reason for the visit'),
    groups: [
      {
        id: 'complaint_main',
        title: t('いちばん困っていること', 'What troubles you most'),
        questions: [
          {
            id: 'chief_complaint',
            type: 'longText',
            label: t('今回、いちばん相談したいことを教えてください。', 'What would you most like to talk about at this visit?'),
            required: true,
            maxLength: 1000,
            summary: { label: t('主訴', 'Chief complaint') },
          },
          {
            id: 'symptoms',
            type: 'multipleChoice',
            label: t('当てはまるものをすべて選んでください。', 'Choose all that apply.'),
            options: [
              symptom('low_mood', '気分が落ち込む', 'Feeling low or down', '抑うつ気分', 'depressed mood'),
              symptom('anhedonia', '何をしても楽しめない', 'Little interest or pleasure', '興味・喜びの喪失', 'anhedonia'),
              symptom('anxiety', '不安や心配が強い', 'Strong anxiety or worry', '不安', 'anxiety'),
              symptom('panic', '急に動悸や息苦しさに襲われる', 'Sudden attacks of racing heart or breathlessness', 'パニック発作', 'panic attacks'),
              symptom('insomnia', '眠れない', 'Cannot sleep', '不眠', 'insomnia'),
              symptom('hypersomnia', '眠りすぎる', 'Sleeping too much', '過眠', 'hypersomnia'),
              symptom('appetite_loss', '食欲がない', 'Poor appetite', '食欲低下', 'reduced appetite'),
              symptom('overeating', '食べすぎてしまう', 'Overeating', '過食', 'overeating'),
              symptom('fatigue', '疲れやすい・気力がない', 'Tired, no energy', '易疲労・意欲低下', 'fatigue/low energy'),
              symptom('concentration', '集中できない', 'Hard to concentrate', '集中困難', 'poor concentration'),
              symptom('irritability', 'イライラする', 'Irritable', '易怒性', 'irritability'),
              symptom('elevated_mood', '気分が高ぶりすぎる時期がある', 'Periods of unusually high mood', '気分高揚', 'elevated mood'),
              symptom('voices', '人に聞こえない声や音が聞こえる', 'Hearing voices or sounds others do not', '幻聴', 'auditory hallucinations'),
              symptom('obsessions', '同じ考えや確認がやめられない', 'Cannot stop certain thoughts or checking', '強迫症状', 'obsessive-compulsive symptoms'),
              symptom('inattention', '忘れ物やうっかりミスが多い', 'Forgetful, careless mistakes', '不注意', 'inattention'),
              symptom('hyperactivity', '落ち着きがない・衝動的に動く', 'Restless or impulsive', '多動・衝動性', 'hyperactivity/impulsivity'),
              symptom('social', '人づきあいがうまくいかない', 'Difficulty with other people', '対人関係の困難', 'interpersonal difficulties'),
              symptom('school_work_refusal', '学校や職場に行けない', 'Cannot go to school or work', '登校・出勤困難', 'unable to attend school/work'),
              // Self-harm history and ideas alert the clinic the same day (docs/safety.md).
              { ...symptom('self_harm', '自分を傷つけたことがある', 'Have hurt myself', '自傷行為', 'self-harm'), safety: { severity: 'high' } },
              { ...symptom('suicidal_thoughts', '死にたい気持ちになる', 'Thoughts of wanting to die', '希死念慮', 'suicidal ideation'), safety: { severity: 'high' } },
            ],
            other: { label: t('その他', 'Other'), maxLength: 200 },
            summary: { label: t('症状', 'Symptoms') },
          },
        ],
      },
      {
        id: 'complaint_onset',
        title: t('いつから・どのように', 'Since when, and how'),
        questions: [
          {
            id: 'onset_when',
            type: 'text',
            label: t('いつ頃から始まりましたか。', 'When did it start?'),
            help: t('例: 2026年春頃、半年前から', 'e.g. spring 2026, six months ago'),
            required: true,
            maxLength: 100,
            summary: { label: t('発症', 'Onset') },
          },
          {
            id: 'onset_course',
            type: 'singleChoice',
            label: t('その後の経過は', 'How has it gone since?'),
            required: true,
            options: [
              opt('worsening', 'だんだん悪くなっている', 'Gradually getting worse', t('徐々に増悪', 'gradually worsening')),
              opt('sudden', '急に悪くなった', 'Got worse suddenly', t('急性増悪', 'acute worsening')),
              opt('fluctuating', '良くなったり悪くなったり', 'Up and down', t('増悪と軽快を反復', 'fluctuating')),
              opt('unchanged', 'あまり変わらない', 'About the same', t('不変', 'unchanged')),
              opt('improving', '少しずつ良くなっている', 'Slowly getting better', t('改善傾向', 'improving')),
            ],
            summary: { joinPrevious: true },
          },
          {
            id: 'onset_trigger',
            type: 'longText',
            label: t('きっかけと思われる出来事があれば教えてください。', 'Anything that may have set it off?'),
            maxLength: 1000,
            summary: { label: t('契機', 'Trigger') },
          },
        ],
      },
    ],
  };
}

function historySection(): IntakeDefinition['sections'][number] {
  return {
    id: 'history',
    title: t('これまでの病歴・治療歴', 'History and previous treatment'),
    groups: [
      {
        id: 'history_psychiatric',
        title: t('こころの病気の経験', 'Mental health history'),
        questions: [
          yesNo('past_psychiatric', t('これまでに精神科・心療内科にかかったことはありますか。', 'Have you seen a psychiatrist or psychosomatic clinic before?'), { label: t('精神科既往', 'Psychiatric history') }),
          details('past_psychiatric_details', 'past_psychiatric', t('いつ頃、どこで、どのような診断・治療でしたか。', 'When, where, and what diagnosis or treatment?')),
          yesNo('past_admission', t('精神科に入院したことはありますか。', 'Have you ever been admitted to a psychiatric ward?'), { label: t('入院歴', 'Admissions') }),
          details('past_admission_details', 'past_admission', t('時期と期間を教えてください。', 'When, and for how long?'), 500),
          {
            ...yesNo('suicide_attempt', t('これまでに、自殺を図った（命を絶とうとした）ことはありますか。', 'Have you ever tried to end your life?'), { label: t('自殺企図歴', 'Suicide attempts') }),
            safety: { severity: 'high' },
          },
          {
            id: 'suicide_attempt_when',
            type: 'singleChoice',
            label: t('いちばん最近はいつですか。', 'When was the most recent time?'),
            required: true,
            showIf: yes('suicide_attempt'),
            // A recent attempt is the strongest short-term risk signal an intake can carry: urgent.
            options: [
              { ...opt('within_month', 'この1か月以内', 'In the past month', t('最近1か月以内', 'within the past month')), safety: { severity: 'urgent' } },
              { ...opt('within_year', '1か月〜1年前', '1 month to 1 year ago', t('1年以内', 'within the past year')), safety: { severity: 'high' } },
              { ...opt('longer', '1年以上前', 'More than a year ago', t('1年以上前', 'over a year ago')), safety: { severity: 'high' } },
            ],
            summary: { joinPrevious: true, parenthesize: true },
          },
          suicideAttemptCountQuestion(),
        ],
      },
      {
        id: 'history_medical',
        title: t('からだの病気', 'Physical health'),
        questions: [
          yesNo('past_medical', t('これまでに大きな病気やけが、手術、現在治療中の病気はありますか。', 'Any major illness, injury, operation, or condition under treatment now?'), { label: t('既往歴', 'Medical history') }),
          details('past_medical_details', 'past_medical', t('病名と時期を教えてください。', 'Which, and when?')),
        ],
      },
      {
        id: 'history_treatment',
        title: t('これまでの治療や相談', 'Previous treatment or counselling'),
        questions: [
          yesNo('previous_treatment', t('今回の症状で、ほかの医療機関や相談機関にかかりましたか。', 'Have you seen another clinic or counsellor for this problem?'), { label: t('前医', 'Previous care') }),
          details('previous_treatment_details', 'previous_treatment', t('機関名、期間、受けた治療と効果を教えてください。', 'Where, for how long, what treatment and how it helped.')),
        ],
      },
    ],
  };
}

function medicinesSection(): IntakeDefinition['sections'][number] {
  return {
    id: 'medicines',
    title: t('お薬とアレルギー', 'Medicines and allergies'),
    groups: [
      {
        id: 'medicines_current',
        title: t('いま飲んでいるお薬', 'Medicines you take now'),
        description: t('お薬手帳があれば見ながら入力してください。', 'Your medicine notebook (お薬手帳) helps here.'),
        questions: [
          yesNo('taking_medicines', t('いま飲んでいるお薬（市販薬・サプリメントを含む）はありますか。', 'Do you take any medicines now, including over-the-counter ones and supplements?'), { label: t('内服', 'Medicines') }),
          {
            id: 'medicines',
            type: 'repeat',
            label: t('お薬', 'Medicines'),
            required: true,
            minRows: 1,
            maxRows: 30,
            addLabel: t('お薬を追加', 'Add a medicine'),
            showIf: yes('taking_medicines'),
            summary: { joinPrevious: true },
            fields: [
              { id: 'generic_name', type: 'text', label: t('お薬の名前', 'Medicine name'), help: t('一覧から選ぶか、そのまま入力してください。', 'Choose from the list or type it.'), required: true, maxLength: 100, suggestions: GENERIC_MEDICINE_SUGGESTIONS },
              { id: 'dose', type: 'text', label: t('量（例: 25mg 1錠）', 'Dose (e.g. 25 mg, 1 tablet)'), maxLength: 50 },
              {
                id: 'frequency',
                type: 'singleChoice',
                label: t('飲み方', 'How often'),
                options: [
                  opt('morning', '1日1回 朝', 'Once a day, morning', t('1日1回朝', 'once daily in the morning')),
                  opt('evening', '1日1回 夕', 'Once a day, evening', t('1日1回夕', 'once daily in the evening')),
                  opt('bedtime', '1日1回 寝る前', 'Once a day, at bedtime', t('1日1回就寝前', 'once daily at bedtime')),
                  opt('twice', '1日2回', 'Twice a day', t('1日2回', 'twice daily')),
                  opt('three_times', '1日3回', 'Three times a day', t('1日3回', 'three times daily')),
                  opt('prn', '必要なときだけ（頓服）', 'Only when needed', t('頓用', 'as needed')),
                ],
                other: { label: t('その他', 'Other'), maxLength: 50 },
              },
              {
                id: 'prn_when',
                type: 'text',
                label: t('どんなときに飲みますか', 'When do you take it?'),
                maxLength: 50,
                showIf: { op: 'equals', sibling: 'frequency', value: 'prn' },
                summary: { parenthesize: true },
              },
            ],
          },
        ],
      },
      {
        id: 'medicines_allergy',
        title: t('アレルギー', 'Allergies'),
        questions: [
          yesNo('has_allergy', t('お薬や食べ物などのアレルギーはありますか。', 'Are you allergic to any medicine, food or other substance?'), { label: t('アレルギー', 'Allergies') }),
          {
            id: 'allergies',
            type: 'repeat',
            label: t('アレルギー', 'Allergies'),
            required: true,
            minRows: 1,
            maxRows: 20,
            addLabel: t('アレルギーを追加', 'Add an allergy'),
            showIf: yes('has_allergy'),
            summary: { joinPrevious: true },
            fields: [
              { id: 'allergen', type: 'text', label: t('原因（お薬・食べ物など）', 'Cause (medicine, food …)'), required: true, maxLength: 100 },
              { id: 'reaction', type: 'text', label: t('症状（例: 発疹）', 'Reaction (e.g. rash)'), maxLength: 100, summary: { parenthesize: true } },
            ],
          },
        ],
      },
    ],
  };
}

function familyAndDevelopmentSections(): IntakeDefinition['sections'] {
  return [
    {
      id: 'family',
      title: t('ご家族について', 'Family'),
      groups: [
        {
          id: 'family_history',
          title: t('ご家族の病気', 'Illness in the family'),
          questions: [
            yesNo('family_psychiatric', t('血のつながったご家族に、こころの病気や発達の特性のある方はいますか。', 'Does anyone in your blood family have a mental illness or a developmental condition?'), { label: t('家族歴', 'Family history'), no: UNREMARKABLE }),
            details('family_psychiatric_details', 'family_psychiatric', t('続柄と病名を教えてください（例: 母 うつ病）。', 'Who, and which condition (e.g. mother, depression)?'), 500),
          ],
        },
      ],
    },
    {
      id: 'development',
      title: t('成育歴', 'Developmental history'),
      audiences: ['child'],
      groups: [
        {
          id: 'development_birth',
          title: t('妊娠中と出生時', 'Pregnancy and birth'),
          questions: [
            yesNo('pregnancy_issues', t('妊娠中に気になることや病気はありましたか。', 'Were there any problems during the pregnancy?'), { label: t('妊娠経過', 'Pregnancy'), no: UNREMARKABLE }, false),
            details('pregnancy_details', 'pregnancy_issues', t('内容を教えてください。', 'Please describe.'), 500),
            { id: 'birth_weeks', type: 'number', label: t('生まれたときの週数', 'Weeks of pregnancy at birth'), unit: t('週', 'weeks'), min: 22, max: 45, integer: true, summary: { label: t('出生', 'Birth') } },
            { id: 'birth_weight', type: 'number', label: t('出生時の体重', 'Birth weight'), unit: t('g', 'g'), min: 300, max: 6000, integer: true, summary: { joinPrevious: true } },
            yesNo('birth_issues', t('出産時やその直後に問題はありましたか（仮死、保育器など）。', 'Any problems at or just after birth (resuscitation, incubator …)?'), { label: t('周産期', 'Perinatal'), no: UNREMARKABLE }, false),
            details('birth_details', 'birth_issues', t('内容を教えてください。', 'Please describe.'), 500),
          ],
        },
        {
          id: 'development_milestones',
          title: t('発達の経過', 'Milestones'),
          questions: [
            { id: 'walk_months', type: 'number', label: t('ひとりで歩き始めた時期', 'Age when walking alone'), unit: t('か月', 'months'), min: 6, max: 72, integer: true, summary: { label: t('始歩', 'Walking') } },
            { id: 'words_months', type: 'number', label: t('意味のある言葉を話し始めた時期', 'Age at first words'), unit: t('か月', 'months'), min: 6, max: 96, integer: true, summary: { label: t('始語', 'First words') } },
            yesNo('checkup_concerns', t('乳幼児健診などで発達について指摘されたことはありますか。', 'Was development ever raised as a concern at a health check-up?'), { label: t('健診での指摘', 'Check-up concerns') }, false),
            details('checkup_details', 'checkup_concerns', t('いつ、どのような指摘でしたか。', 'When, and what was said?'), 500),
          ],
        },
        developmentSupportGroup(),
      ],
    },
  ];
}

function lifeSection(): IntakeDefinition['sections'][number] {
  return {
    id: 'life',
    title: t('ふだんの生活', 'Daily life'),
    groups: [
      {
        id: 'life_sleep',
        title: t('睡眠', 'Sleep'),
        questions: [
          {
            id: 'sleep_problems',
            type: 'multipleChoice',
            label: t('睡眠について当てはまるものを選んでください。', 'About your sleep: choose all that apply.'),
            required: true,
            options: [
              opt('none', '特に問題ない', 'No problems', t('問題なし', 'no problems')),
              opt('onset', '寝つきが悪い', 'Hard to fall asleep', t('入眠困難', 'difficulty falling asleep')),
              opt('maintenance', '夜中に何度も目が覚める', 'Waking up during the night', t('中途覚醒', 'night waking')),
              opt('early_waking', '朝早く目が覚めてしまう', 'Waking too early', t('早朝覚醒', 'early waking')),
              opt('too_much', '眠りすぎる', 'Sleeping too much', t('過眠', 'hypersomnia')),
              opt('reversed', '昼夜逆転している', 'Awake at night, asleep by day', t('昼夜逆転', 'reversed day–night rhythm')),
            ],
            exclusive: ['none'],
            summary: { label: t('睡眠', 'Sleep') },
          },
          { id: 'sleep_hours', type: 'number', label: t('1日の睡眠時間（だいたい）', 'Hours of sleep a day (about)'), unit: t('時間', 'h'), min: 0, max: 24, summary: { joinPrevious: true, label: t('睡眠時間', 'about') } },
        ],
      },
      {
        id: 'life_appetite',
        title: t('食欲と体重', 'Appetite and weight'),
        questions: [
          {
            id: 'appetite',
            type: 'singleChoice',
            label: t('最近の食欲は', 'Your appetite lately'),
            required: true,
            options: [
              opt('usual', 'いつも通り', 'As usual', t('変化なし', 'unchanged')),
              opt('decreased', '減った', 'Less than usual', t('低下', 'decreased')),
              opt('increased', '増えた', 'More than usual', t('亢進', 'increased')),
            ],
            summary: { label: t('食欲', 'Appetite') },
          },
          {
            id: 'weight_change',
            type: 'singleChoice',
            label: t('この1か月で体重は変わりましたか', 'Has your weight changed in the last month?'),
            options: [
              opt('same', '変わらない', 'No', t('体重変化なし', 'no weight change')),
              opt('lost', '減った', 'Lost weight', t('体重減少', 'weight loss')),
              opt('gained', '増えた', 'Gained weight', t('体重増加', 'weight gain')),
              opt('unknown', 'わからない', 'Don\'t know', t('体重変化不明', 'weight change unknown')),
            ],
            summary: { joinPrevious: true },
          },
          {
            id: 'weight_change_kg',
            type: 'number',
            label: t('何kgくらい', 'About how many kg?'),
            unit: t('kg', 'kg'),
            min: 0,
            max: 50,
            showIf: { op: 'in', question: 'weight_change', values: ['lost', 'gained'] },
            summary: { joinPrevious: true, parenthesize: true },
          },
        ],
      },
      {
        id: 'life_work',
        title: t('お仕事・日中の過ごし方', 'Work and daytime'),
        audiences: ['adult'],
        questions: [
          {
            id: 'occupation',
            type: 'singleChoice',
            label: t('現在の状況', 'Your situation now'),
            required: true,
            options: [
              opt('working', '働いている', 'Working', t('就労中', 'working')),
              opt('on_leave', '休職中', 'On sick leave', t('休職中', 'on sick leave')),
              opt('student', '学生', 'Student', t('学生', 'student')),
              opt('homemaker', '家事・育児', 'Homemaker or carer', t('家事・育児', 'homemaker/carer')),
              opt('not_working', '働いていない', 'Not working', t('無職', 'not working')),
            ],
            other: { label: t('その他', 'Other'), maxLength: 50 },
            summary: { label: t('社会生活', 'Occupation') },
          },
          { id: 'occupation_details', type: 'text', label: t('仕事の内容や学校など（任意）', 'Type of work or school (optional)'), maxLength: 100, summary: { joinPrevious: true } },
        ],
      },
      {
        id: 'life_substances',
        title: t('お酒・たばこなど', 'Alcohol, tobacco and other substances'),
        // Not asked of young children; adolescents (12+) are asked, as substance use matters there.
        showIf: { op: 'age', min: 12 },
        questions: [
          {
            id: 'alcohol',
            type: 'singleChoice',
            label: t('お酒を飲みますか', 'Do you drink alcohol?'),
            required: true,
            options: [
              opt('never', '飲まない', 'No', t('なし', 'none')),
              opt('occasional', 'たまに（月に数回以下）', 'Occasionally (a few times a month or less)', t('機会飲酒', 'occasional')),
              opt('weekly', '週1〜3日', '1–3 days a week', t('週1〜3日', '1–3 days a week')),
              opt('most_days', '週4日以上', '4 or more days a week', t('週4日以上', '4+ days a week')),
            ],
            summary: { label: t('飲酒', 'Alcohol') },
          },
          {
            id: 'alcohol_amount',
            type: 'text',
            label: t('1回にどのくらい飲みますか（例: ビール500ml 2本）', 'How much at a time (e.g. two 500 ml beers)?'),
            maxLength: 100,
            showIf: { op: 'in', question: 'alcohol', values: ['weekly', 'most_days'] },
            summary: { joinPrevious: true, parenthesize: true },
          },
          {
            id: 'tobacco',
            type: 'singleChoice',
            label: t('たばこ（電子たばこを含む）は', 'Tobacco (including heated or e-cigarettes)?'),
            required: true,
            options: [
              opt('never', '吸わない', 'Never', t('なし', 'none')),
              opt('former', '以前吸っていた', 'Used to', t('過去喫煙', 'former smoker')),
              opt('current', '吸っている', 'Yes', t('現在喫煙', 'current smoker')),
            ],
            summary: { label: t('喫煙', 'Tobacco') },
          },
          {
            id: 'tobacco_per_day',
            type: 'number',
            label: t('1日に何本くらい', 'About how many a day?'),
            unit: t('本/日', '/day'),
            min: 0,
            max: 100,
            integer: true,
            showIf: { op: 'equals', question: 'tobacco', value: 'current' },
            summary: { joinPrevious: true, parenthesize: true },
          },
          yesNo('other_substances', t('市販薬を決められた量より多く飲む、違法な薬物を使うなどのことはありますか。', 'Do you take over-the-counter medicines beyond the stated dose, or use illegal drugs?'), { label: t('その他の物質使用', 'Other substances') }),
          details('other_substances_details', 'other_substances', t('差し支えない範囲で教えてください。', 'Please tell us as much as you are comfortable with.'), 500),
        ],
      },
    ],
  };
}

function hopesSection(): IntakeDefinition['sections'][number] {
  return {
    id: 'hopes',
    title: t('ご希望', 'What you hope for'),
    groups: [
      {
        id: 'hopes_main',
        title: t('受診で希望されること', 'What you hope for from the visit'),
        questions: [
          {
            id: 'hopes',
            type: 'multipleChoice',
            label: t('当てはまるものを選んでください。', 'Choose all that apply.'),
            options: [
              opt('diagnosis', '診断をつけてほしい', 'A diagnosis', t('診断', 'diagnosis')),
              opt('medication', 'お薬による治療', 'Treatment with medicine', t('薬物療法', 'medication')),
              opt('no_medication', 'なるべくお薬を使わない治療', 'Treatment without medicine if possible', t('薬物以外の治療', 'non-drug treatment')),
              opt('counselling', 'カウンセリング', 'Counselling', t('カウンセリング', 'counselling')),
              opt('certificate', '診断書・意見書', 'A medical certificate', t('診断書', 'medical certificate')),
              opt('new_treatment', '新しい治療（TMSなど）の相談', 'Advice on newer treatments (TMS etc.)', t('新規治療（TMS等）の相談', 'advice on newer treatments (e.g. TMS)')),
              opt('advice', '接し方・過ごし方の助言', 'Advice on daily life or on how to support', t('生活・対応の助言', 'advice on daily life/support')),
            ],
            other: { label: t('その他', 'Other'), maxLength: 200 },
            summary: { label: t('希望', 'Hopes') },
          },
          { id: 'hopes_text', type: 'longText', label: t('ほかに伝えておきたいことがあればどうぞ。', 'Anything else you would like us to know?'), maxLength: 1000, summary: { label: t('その他', 'Other notes') } },
        ],
      },
    ],
  };
}

/**
 * The adolescent's own screen (12+): answered on their own link, never in the guardian's session
 * (`respondent: 'self'`). Its self-harm answers are safety triggers like the guardian's.
 */
function selfSection(): IntakeDefinition['sections'][number] {
  const o = (value: string, ja: string, en: string, cja: string, cen: string): IntakeOption => opt(value, ja, en, t(cja, cen));
  return {
    id: 'self',
    title: t('ご本人への質問', 'Questions for you'),
    audiences: ['child'],
    groups: [
      {
        id: 'self_feelings',
        title: t('あなたのこと', 'About you'),
        description: t(
          'この質問は、あなた自身に答えてもらうものです。答えは病院のスタッフが読みます（保護者の方の画面には表示されません）。',
          'These questions are for you to answer yourself. Clinic staff read your answers (they are not shown on your parent\'s or guardian\'s screen).',
        ),
        respondent: 'self',
        showIf: { op: 'age', min: ADOLESCENT_MIN_AGE },
        questions: [
          {
            id: 'self_worries',
            type: 'longText',
            label: t('いま、困っていることや相談したいことを、あなたの言葉で教えてください。', 'In your own words, what is troubling you or what would you like to talk about?'),
            maxLength: 1000,
            summary: { label: t('本人の訴え', 'In the patient\'s words') },
          },
          {
            id: 'self_feelings',
            type: 'multipleChoice',
            label: t('この2週間で、当てはまるものをすべて選んでください。', 'In the past two weeks, choose all that apply.'),
            required: true,
            exclusive: ['none'],
            options: [
              o('low_mood', '気分が落ち込む・悲しい', 'Feeling down or sad', '抑うつ気分', 'depressed mood'),
              o('anhedonia', '好きなことも楽しめない', 'Not enjoying things I used to like', '興味・喜びの喪失', 'anhedonia'),
              o('worry', '心配や不安が強い', 'Worrying a lot', '不安', 'anxiety'),
              o('sleep', 'よく眠れない', 'Not sleeping well', '睡眠の問題', 'sleep problems'),
              o('school', '学校に行くのがつらい', 'Going to school is hard', '登校困難', 'difficulty attending school'),
              o('bullying', 'いじめやいやなことをされている', 'Being bullied or treated badly', 'いじめ被害の訴え', 'reports being bullied'),
              // Self-harm ideas and history alert the clinic the same day (docs/safety.md).
              { ...o('self_harm', '自分を傷つけたことがある', 'I have hurt myself', '自傷行為（本人回答）', 'self-harm (self-report)'), safety: { severity: 'high' } },
              { ...o('suicidal_thoughts', '死にたい・消えたいと思う', 'I think about wanting to die or disappear', '希死念慮（本人回答）', 'suicidal ideation (self-report)'), safety: { severity: 'high' } },
              o('none', '当てはまるものはない', 'None of these', 'なし', 'none'),
            ],
            summary: { label: t('本人の回答', 'Self-report') },
          },
          {
            ...yesNo('self_attempt', t('これまでに、自分の命を絶とうとしたことはありますか。', 'Have you ever tried to end your life?'), { label: t('自殺企図歴（本人回答）', 'Suicide attempts (self-report)') }),
            safety: { severity: 'high' },
          },
          {
            id: 'self_attempt_when',
            type: 'singleChoice',
            label: t('いちばん最近はいつですか。', 'When was the most recent time?'),
            required: true,
            showIf: yes('self_attempt'),
            options: [
              { ...opt('within_month', 'この1か月以内', 'In the past month', t('最近1か月以内', 'within the past month')), safety: { severity: 'urgent' } },
              { ...opt('within_year', '1か月〜1年前', '1 month to 1 year ago', t('1年以内', 'within the past year')), safety: { severity: 'high' } },
              { ...opt('longer', '1年以上前', 'More than a year ago', t('1年以上前', 'over a year ago')), safety: { severity: 'high' } },
            ],
            summary: { joinPrevious: true, parenthesize: true },
          },
        ],
      },
    ],
  };
}

function scalesSection(options: DefaultIntakeOptions): IntakeDefinition['sections'][number] {
  const adult: IntakeGroup[] = (options.adultScales ?? DEFAULT_ADULT_SCALES).map((s) => ({
    id: `scale_${s.scaleId}`,
    title: s.title,
    audiences: ['adult'],
    questions: [{ id: `scale_${s.scaleId}`, type: 'scale', label: s.title, scaleId: s.scaleId, required: true, summary: { omit: true } }],
  }));
  const child: IntakeGroup[] = (options.childScales ?? DEFAULT_CHILD_SCALES).map((s) => ({
    id: `scale_child_${s.scaleId}`,
    title: s.title ?? t(s.scaleId, s.scaleId),
    // Answered by the adolescent on their own link (never in the guardian's session).
    description: t('この質問票は、あなた自身の気持ちに近いものを選んでください。', 'Please choose the answers closest to how you have been feeling.'),
    audiences: ['child'],
    respondent: 'self' as const,
    showIf: { op: 'age', min: s.minAge, max: s.maxAge },
    questions: [{ id: `scale_child_${s.scaleId}`, type: 'scale', label: s.title ?? t(s.scaleId, s.scaleId), scaleId: s.scaleId, required: true, summary: { omit: true } }],
  }));
  return { id: 'scales', title: t('質問票', 'Questionnaires'), groups: [...adult, ...child] };
}

function consentSection(policyVersion: string): IntakeDefinition['sections'][number] {
  return {
    id: 'consent',
    title: t('同意', 'Consent'),
    groups: [
      {
        id: 'consent_main',
        title: t('個人情報の取り扱いへの同意', 'Consent to the handling of your information'),
        questions: [
          {
            id: 'consent_sensitive_info',
            type: 'consent',
            label: t('要配慮個人情報の取り扱いについて', 'Handling of sensitive personal information'),
            policyVersion,
            statement: t(
              'この問診でお答えいただく病歴・症状・お薬などの情報（要配慮個人情報）を、当院が診療のために取得し、当院の個人情報保護方針に従って取り扱うことに同意します。',
              'I agree that the clinic obtains the information I give in this form (medical history, symptoms, medicines: special-care personal information under Japanese law) for my care, and handles it under the clinic\'s privacy policy.',
            ),
            required: true,
            summary: { label: t('要配慮個人情報の取扱い', 'Consent to sensitive-information handling') },
          },
        ],
      },
    ],
  };
}

/**
 * Builds the seeded WEB問診 form (Japanese and English; audiences adult and child, a guardian
 * filling for a child). Clinics change the scales by age through the options; everything else
 * is edited as a new version in the staff app.
 *
 * @example
 * const def = createDefaultIntakeDefinition({ childScales: [{ scaleId: 'phq9_teens', minAge: 12, maxAge: 17 }] });
 * validateIntakeDefinition(def).ok // → true
 */
export function createDefaultIntakeDefinition(options: DefaultIntakeOptions = {}): IntakeDefinition {
  return {
    id: 'default',
    version: options.version ?? 1,
    title: t('WEB問診', 'Pre-visit questionnaire'),
    audiences: ['adult', 'child'],
    birthDateQuestion: 'birth_date',
    sections: [
      basicSection(),
      complaintSection(),
      historySection(),
      medicinesSection(),
      treatmentSafetySection(),
      ...familyAndDevelopmentSections(),
      lifeSection(),
      backgroundSection(),
      hopesSection(),
      selfSection(),
      // A clinic may configure no scales at all; an empty section would be invalid.
      ...[scalesSection(options)].filter((s) => s.groups.length > 0),
      consentSection(options.consentPolicyVersion ?? DEFAULT_CONSENT_POLICY_VERSION),
    ],
  };
}

/** The seeded form with the default options. */
export const DEFAULT_INTAKE_DEFINITION: IntakeDefinition = createDefaultIntakeDefinition();
