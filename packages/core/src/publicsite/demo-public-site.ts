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
 * The demo TMS program's recruitment page (`tms-depression`): it states every 限定解除 item (the
 * program uses an approved device outside its approved protocol, so the unapproved items apply
 * too) and none of the wording the rules forbid, so it passes `checkRecruitmentPage`.
 */
export const demoRecruitmentContent: RecruitmentContent = {
  title: b('TMS治療モニタープログラム（うつ）参加者の募集', 'Participants wanted: TMS monitor program (depression)'),
  summary: b(
    'うつ症状が続いている18歳から75歳の方を対象に、TMS治療の経過を質問票で記録するプログラムの参加者を募集しています。参加の前に医師が診察し、参加できるかを判断します。',
    'We are looking for people aged 18 to 75 with ongoing depression to join a program that records the course of TMS treatment with questionnaires. A doctor sees you first and decides whether you can take part.',
  ),
  treatment: b(
    '頭に当てたコイルから磁気で脳の一部を刺激する反復経頭蓋磁気刺激（rTMS）を、6週間に30回（平日に1回約40分）外来で行います。開始前、治療中、終了後3か月まで質問票（PHQ-9など）にお答えいただきます。',
    'Repetitive transcranial magnetic stimulation (rTMS): a coil on the head stimulates part of the brain magnetically, 30 outpatient sessions over six weeks (about 40 minutes on weekdays). You answer questionnaires (such as the PHQ-9) before, during and for three months after.',
  ),
  totalCostYen: 330000,
  costIncludes: b(
    '総額330,000円（税込）。30回の刺激、開始前の診察と検査、各週の診察、質問票を含みます。保険診療の費用と交通費は含みません。途中でやめた場合、行っていない回の費用はいただきません。',
    'Total ¥330,000 (tax included): 30 sessions, the assessment and tests before you start, a weekly doctor’s visit and the questionnaires. Not included: insured care and travel. Sessions not given are not charged if you stop.',
  ),
  risks: b(
    '頭痛、刺激部位の痛みや不快感、顔のぴくつき、まれにけいれん発作が起こることがあります。双極性障害の方では躁状態になることがあります。効果には個人差があり、改善しないこともあります。',
    'Headache, pain or discomfort where the coil sits, twitching of the face and, rarely, seizures can occur. People with bipolar disorder may become manic. Effects differ from person to person and there may be no improvement.',
  ),
  contact: b(
    '見守りメンタルクリニック（デモ）受付　電話 03-0000-0000（診療時間内）',
    'Mimamori Mental Clinic (demo) reception, phone 03-0000-0000 (during opening hours)',
  ),
  unapproved: true,
  unapprovedStatement: b(
    '本プログラムでは、国内で承認されたTMS機器を、承認された用法と異なる刺激の方法・回数で用います（未承認医薬品等の適応外使用にあたります）。',
    'This program uses a TMS device approved in Japan with a stimulation method and number of sessions outside its approval (off-label use of an approved device).',
  ),
  procurement: b('国内の販売業者から医療機器として購入した機器を用います。', 'The device was bought as a medical device from a distributor in Japan.'),
  alternatives: b(
    'うつ病には、保険診療で受けられる承認された用法のTMS治療（条件があります）、抗うつ薬、精神療法があります。',
    'For depression, TMS within its approved use (under insurance, with conditions), antidepressants and psychotherapy are available in Japan.',
  ),
  foreignSafety: b(
    '米国などでは同様の刺激方法が承認・実施されており、主な副作用は頭痛と刺激部位の不快感、まれなけいれん発作と報告されています。',
    'Similar protocols are approved and used in the United States and elsewhere; the reported side effects are mainly headache and discomfort at the site, with rare seizures.',
  ),
  reliefSystem: b(
    '承認内容と異なる使用のため、万一重い健康被害が生じても医薬品副作用被害救済制度の対象にはなりません。',
    'Because this is use outside the approval, Japan’s relief system for adverse drug reactions (医薬品副作用被害救済制度) does not cover any harm.',
  ),
  body: b(
    'このプログラムへの参加は自由で、参加しない場合や途中でやめた場合も通常の診療に不利益はありません。参加の前に説明文書をお渡しし、同意をいただきます。',
    'Taking part is voluntary; not taking part or stopping does not affect your usual care. You receive an information sheet and give consent before you start.',
  ),
};

/** The program the demo's recruitment page belongs to. */
export const DEMO_RECRUITMENT_PROGRAM_ID = 'tms-depression';
