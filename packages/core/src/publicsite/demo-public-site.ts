import type { RecruitmentContent } from './recruitment-page.ts';
import type { SiteContent } from './site-content.ts';

const b = (ja: string, en: string) => ({ ja, en });

/**
 * The demo clinic's public pages: a fictitious child and adolescent mental health clinic, written
 * after the way such clinics describe themselves (complete booking, first visits by phone, revisits
 * online, a web questionnaire before the first visit). Hours, phone and address come from the
 * scheduling configuration, not from here.
 */
export const demoSiteContent: SiteContent = {
  clinicName: b('見守りメンタルクリニック（デモ）', 'Mimamori Mental Clinic (demo)'),
  tagline: b('児童精神科・精神科・心療内科　完全予約制', 'Child psychiatry, psychiatry and psychosomatic medicine — by appointment only'),
  treats: b(
    'お子さまから大人まで、こころの不調を診療します。\n・発達障害（ASD・ADHD）、不登校、起立性調節障害\n・うつ病、不安障害、適応障害、睡眠の問題\n・ご家族からのご相談',
    'We see children, adolescents and adults with mental health problems.\n- Developmental conditions (autism, ADHD), school refusal, orthostatic dysregulation\n- Depression, anxiety, adjustment problems, sleep problems\n- Advice for families',
  ),
  access: b(
    '地下鉄「見本駅」1番出口から徒歩3分、「例示駅」1番出口から徒歩10分。駐車場はありません。',
    '3 minutes on foot from exit 1 of Mihon station, 10 minutes from exit 1 of Reiji station (subway). No parking.',
  ),
  mapUrl: 'https://www.openstreetmap.org/#map=17/35.6812/139.7671',
  firstVisit: b(
    '初診のご予約はお電話でお受けしています。受付がご都合とご様子をうかがい、医師の枠をお取りします。予約が決まるとWEB問診のご案内をお送りします。初診は問診に時間をいただくため、お待ちいただくことがあります。',
    'First visits are booked by phone: our reception asks about your situation and books a doctor’s slot. Once it is booked we send you the web questionnaire. A first visit takes longer, so you may have to wait a little.',
  ),
  revisit: b(
    '再診はお電話のほか、オンラインで予約・変更・キャンセルができます。受診後にお送りするリンクからログインしてください。変更・キャンセルの締め切りを過ぎたあとは、診療時間内にお電話ください。',
    'Follow-up visits can be booked, changed and cancelled online, as well as by phone: sign in from the link we send you after your visit. After the change and cancellation deadline, please phone us during opening hours.',
  ),
  webIntake: b(
    'WEB問診は、初診の前にスマートフォンやパソコンで症状や生活のご様子を入力していただく問診票です。初診の予約後にメールでリンクをお送りします。途中で保存して続きから入力でき、お子さまの場合は保護者の方とご本人が別々に答える部分があります。回答は診察の準備にだけ使います。',
    'The web questionnaire (WEB問診) is filled in on a phone or computer before your first visit: symptoms and daily life. We e-mail you its link once your first visit is booked. You can save and continue later; for children, parents and the child answer separate parts. Your answers are used only to prepare your visit.',
  ),
  fees: b(
    '保険診療のほか、以下は自費（税込）です。\n・診断書・意見書：3,300円〜\n・カウンセリング（50分）：5,500円\n・臨床データ収集プログラム：各プログラムのページをご覧ください',
    'Besides insured care, the following are self-pay (tax included):\n- Medical certificates and reports: from ¥3,300\n- Counselling (50 minutes): ¥5,500\n- Clinical data programs: see each program’s page',
  ),
  privacy: b(
    '当院は、患者さまの個人情報（要配慮個人情報を含みます）を、診療、予約のご連絡、WEB問診、法令に基づく届出のためにだけ利用します。ご本人の同意なく第三者に提供することはありません（法令に基づく場合を除きます）。研究への利用は、別に説明し同意をいただいた場合に限り、個人を特定できない形で行います。開示・訂正・利用停止のご請求は受付までお申し出ください。\n\nこのページは情報提供のためのもので、予約や問い合わせの内容を記録しません。アクセス解析や外部の広告サービスは使っていません。',
    'We use patients’ personal information (including sensitive personal information) only for care, appointment messages, the web questionnaire and reports the law requires. We do not give it to third parties without your consent unless the law requires it. Research use happens only after a separate explanation and your consent, in a form that does not identify you. Ask reception to see, correct or stop the use of your information.\n\nThis page only gives information and records nothing you do on it. We use no analytics or third-party advertising services.',
  ),
  notice: b('', ''),
};

/**
 * The demo program's recruitment page: it states every 限定解除 item for an unapproved product and
 * uses none of the wording the rules forbid, so it passes `checkRecruitmentPage` and can be
 * published.
 */
export const demoRecruitmentContent: RecruitmentContent = {
  title: b('臨床データ収集プログラム（エクソソーム点滴）参加者の募集', 'Participants wanted: clinical data program (exosome infusion)'),
  summary: b(
    '抑うつや不安の症状がある18歳以上の方を対象に、点滴治療の経過を質問票で記録するプログラムの参加者を募集しています。診断名は問いません。参加の前に医師が診察し、参加できるかを判断します。',
    'We are looking for adults (18 and over) with symptoms of depression or anxiety to join a program that records the course of an infusion treatment with questionnaires. Any diagnosis. A doctor sees you first and decides whether you can take part.',
  ),
  treatment: b(
    '幹細胞の培養上清から精製したエクソソーム製剤を、4週間に4回、外来で点滴します（1回約60分）。開始前と各回、終了後3か月まで質問票（PHQ-9など）にお答えいただきます。',
    'An exosome product purified from stem-cell culture supernatant is infused four times over four weeks as an outpatient (about 60 minutes each). You answer questionnaires (such as the PHQ-9) before, at each visit and for three months after.',
  ),
  totalCostYen: 330000,
  costIncludes: b(
    '総額330,000円（税込）。点滴4回、各回の診察、開始前と終了時の血液検査、質問票を含みます。保険診療の費用、交通費は含みません。途中でやめた場合、未実施の点滴分はいただきません。',
    'Total ¥330,000 (tax included): four infusions, a doctor’s visit each time, blood tests before and at the end, and the questionnaires. Not included: insured care and travel. If you stop, infusions not given are not charged.',
  ),
  risks: b(
    '注射部位の痛みや内出血、発熱、頭痛、だるさ、まれにアレルギー反応（じんましん、息苦しさ、血圧低下）が起こることがあります。長期的な安全性は分かっていません。効果には個人差があり、改善しないこともあります。',
    'Pain or bruising at the infusion site, fever, headache, tiredness and, rarely, allergic reactions (hives, breathlessness, low blood pressure) can occur. Long-term safety is not known. Effects differ from person to person and there may be no improvement.',
  ),
  contact: b(
    '見守りメンタルクリニック（デモ）受付　電話 03-0000-0000（診療時間内）。下の申し込みフォームからもお問い合わせいただけます。',
    'Mimamori Mental Clinic (demo) reception, phone 03-0000-0000 (during opening hours), or the application form below.',
  ),
  unapproved: true,
  unapprovedStatement: b(
    '本プログラムで用いるエクソソーム製剤は、医薬品医療機器等法上の承認を受けていない未承認医薬品等です。',
    'The exosome product used in this program is not approved under Japan’s Pharmaceuticals and Medical Devices Act.',
  ),
  procurement: b(
    '国内の製造業者から、医師の責任において購入しています。',
    'The clinic buys it from a manufacturer in Japan, on the doctor’s responsibility.',
  ),
  alternatives: b(
    'うつ病・不安障害には、国内で承認された抗うつ薬などの薬物療法や精神療法があります。エクソソーム製剤と同じ成分の承認医薬品はありません。',
    'For depression and anxiety, approved medicines (such as antidepressants) and psychotherapy are available in Japan. No approved product with the same content exists.',
  ),
  foreignSafety: b(
    '精神疾患への使用を承認した国はありません。海外の臨床研究は少数・小規模で、重大な副作用の情報は十分ではありません。',
    'No country has approved it for mental illness. Studies abroad are few and small, and information on serious adverse effects is limited.',
  ),
  reliefSystem: b(
    '未承認医薬品等のため、万一重い健康被害が生じても医薬品副作用被害救済制度の対象にはなりません。',
    'Because the product is unapproved, Japan’s relief system for adverse drug reactions (医薬品副作用被害救済制度) does not cover any harm it causes.',
  ),
  body: b(
    'このプログラムへの参加は自由で、参加しない場合や途中でやめた場合も通常の診療に不利益はありません。参加の前に説明文書をお渡しし、同意をいただきます。',
    'Taking part is voluntary; not taking part or stopping does not affect your usual care. You receive an information sheet and give consent before you start.',
  ),
};
