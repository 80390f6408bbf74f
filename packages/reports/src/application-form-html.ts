import type { Bilingual } from '@mimamori/core/publicsite/recruitment-page';
import { escapeXml as esc } from './escape-xml.ts';
import { shell, type PublicPageOptions } from './public-site-html.ts';

/**
 * The application form of a recruitment page and its answer page, as complete HTML: a plain form
 * that posts without JavaScript. The labels and error texts are the page's language (the
 * document's language is chosen here, like a mail's).
 */
export interface ApplicationFormValues {
  readonly name: string;
  readonly phone: string;
  readonly email: string;
  readonly age: string;
  readonly complaint: string;
  readonly callTimes: string;
  readonly guardianName: string;
  readonly guardianPhone: string;
  readonly consent: boolean;
}

export const EMPTY_APPLICATION: ApplicationFormValues = { name: '', phone: '', email: '', age: '', complaint: '', callTimes: '', guardianName: '', guardianPhone: '', consent: false };

const T = {
  ja: {
    heading: (t: string) => `お問い合わせ・参加のお申し込み：${t}`,
    lead: '診断名は不要です。送信いただいた内容をもとに、クリニックのスタッフが診療時間内にお電話します。参加できるかは、診察（初診・スクリーニング）で医師が判断します。',
    name: 'お名前', phone: '電話番号', email: 'メールアドレス（任意）', age: '年齢', complaint: 'いちばん困っていること', complaintHint: '症状やお困りのことを簡単にお書きください。',
    callTimes: 'お電話してよい時間帯（任意）', guardian: '18歳未満の方は、保護者の方の', guardianName: '保護者のお名前', guardianPhone: '保護者の電話番号',
    consent: 'この内容をもとにクリニックから電話・メールで連絡を受けることに同意します。', send: '送信する', required: '（必須）',
    errorsTitle: (n: number) => `入力内容を確認してください（${n}件）。`,
    hp: 'この欄は空のままにしてください',
    thanks: 'お申し込みを受け付けました', thanksBody: '診療時間内にクリニックからお電話します。急ぎのご用件や、2〜3日たっても連絡がない場合はお電話ください。',
    back: '募集ページに戻る', crisisNote: 'つらい気持ちが強く、今すぐ話を聞いてほしいときは、下の緊急連絡先や「こころの健康相談統一ダイヤル」をご利用ください。',
    errors: {
      'application.required': '入力してください。', 'application.too_long': '{max}文字以内で入力してください。', 'application.control_characters': '使えない文字が含まれています。',
      'application.phone_invalid': '電話番号を確認してください（例：090-1234-5678）。', 'application.email_invalid': 'メールアドレスを確認してください。',
      'application.age_invalid': '年齢は0〜120の数字で入力してください。', 'application.consent_required': '連絡を受けることへの同意が必要です。',
    } as Record<string, string>,
  },
  en: {
    heading: (t: string) => `Enquire or apply: ${t}`,
    lead: 'No diagnosis needed. Our staff will phone you during opening hours about what you send. A doctor decides at a visit (first visit and screening) whether you can take part.',
    name: 'Your name', phone: 'Phone number', email: 'E-mail (optional)', age: 'Age', complaint: 'What troubles you most', complaintHint: 'A few words about your symptoms or difficulties.',
    callTimes: 'When we may call (optional)', guardian: 'Under 18: your parent’s or guardian’s', guardianName: 'Guardian’s name', guardianPhone: 'Guardian’s phone',
    consent: 'I agree that the clinic contacts me by phone or e-mail about this.', send: 'Send', required: ' (required)',
    errorsTitle: (n: number) => `Please check ${n} field(s).`,
    hp: 'Leave this field empty',
    thanks: 'Thank you, we received your application', thanksBody: 'The clinic will phone you during opening hours. If it is urgent, or nobody has called within 2–3 days, please phone us.',
    back: 'Back to the recruitment page', crisisNote: 'If you are in distress and need to talk now, use the emergency contacts below or the national mental health line (こころの健康相談統一ダイヤル).',
    errors: {
      'application.required': 'Please fill this in.', 'application.too_long': 'Use at most {max} characters.', 'application.control_characters': 'This contains characters that cannot be used.',
      'application.phone_invalid': 'Please check the phone number (e.g. 090-1234-5678).', 'application.email_invalid': 'Please check the e-mail address.',
      'application.age_invalid': 'Enter an age from 0 to 120.', 'application.consent_required': 'We need your agreement to contact you.',
    } as Record<string, string>,
  },
} as const;

export interface FormIssue {
  readonly path: string;
  readonly key: string;
  readonly params?: Readonly<Record<string, string | number | boolean | null>>;
}

/** The application form, with the values sent and their problems when it comes back. */
export function renderApplicationForm(
  r: { readonly programId: string; readonly title: Bilingual; readonly clinicName: Bilingual; readonly token: string; readonly values: ApplicationFormValues; readonly issues: ReadonlyArray<FormIssue> },
  o: PublicPageOptions,
): string {
  const t = T[o.lang];
  const k = o.lang;
  const err = (path: string) => {
    const i = r.issues.find((x) => x.path === path);
    if (!i) return '';
    const msg = (t.errors[i.key] ?? t.errors['application.required']!).replace(/\{(\w+)\}/g, (_, n: string) => String(i.params?.[n] ?? ''));
    return `<p class="err" id="${path}-err">${esc(msg)}</p>`;
  };
  const attrs = (path: string) => (r.issues.some((x) => x.path === path) ? ` aria-invalid="true" aria-describedby="${path}-err"` : '');
  const field = (path: keyof ApplicationFormValues, label: string, type: string, extra = '', required = false) =>
    `<label for="${path}">${esc(label)}${required ? esc(t.required) : ''}</label><input type="${type}" id="${path}" name="${path}" value="${esc(String(r.values[path]))}"${extra}${attrs(path)}>${err(path)}`;
  const action = `/p/recruit/${encodeURIComponent(r.programId)}/apply${k === 'en' ? '?lang=en' : ''}`;
  const body = `<h1>${esc(t.heading(r.title[k]))}</h1>
<p>${esc(t.lead)}</p>
${r.issues.length > 0 ? `<div class="errors" role="alert"><p>${esc(t.errorsTitle(r.issues.length))}</p></div>` : ''}
<form class="apply" method="post" action="${esc(action)}" novalidate>
<input type="hidden" name="started" value="${esc(r.token)}">
<div class="hp" aria-hidden="true"><label for="website">${esc(t.hp)}</label><input type="text" id="website" name="website" tabindex="-1" autocomplete="off"></div>
${field('name', t.name, 'text', ' autocomplete="name" maxlength="100"', true)}
${field('phone', t.phone, 'tel', ' autocomplete="tel" inputmode="tel"', true)}
${field('email', t.email, 'email', ' autocomplete="email"')}
${field('age', t.age, 'text', ' inputmode="numeric" maxlength="3"', true)}
<label for="complaint">${esc(t.complaint)}${esc(t.required)}</label><p class="hint" id="complaint-hint">${esc(t.complaintHint)}</p><textarea id="complaint" name="complaint" rows="4" maxlength="2000"${attrs('complaint')}>${esc(r.values.complaint)}</textarea>${err('complaint')}
${field('callTimes', t.callTimes, 'text', ' maxlength="200"')}
<fieldset style="border:0;padding:0;margin:0"><legend class="hint">${esc(t.guardian)}</legend>
${field('guardianName', t.guardianName, 'text', ' maxlength="100"')}
${field('guardianPhone', t.guardianPhone, 'tel', ' inputmode="tel"')}
</fieldset>
<label class="check" for="consent"><input type="checkbox" id="consent" name="consent" value="yes"${r.values.consent ? ' checked' : ''}${attrs('consent')}><span>${esc(t.consent)}</span></label>${err('consent')}
<button type="submit">${esc(t.send)}</button>
</form>
<p class="muted">${esc(t.crisisNote)}</p>`;
  return shell({ ...o, title: `${t.heading(r.title[k])} | ${r.clinicName[k]}`, description: t.lead, path: `/p/recruit/${encodeURIComponent(r.programId)}/apply`, clinicName: r.clinicName[k], body, indexable: false });
}

/** The answer after a sent application (also what an automated sender sees). */
export function renderApplicationReceived(r: { readonly programId: string; readonly clinicName: Bilingual }, o: PublicPageOptions): string {
  const t = T[o.lang];
  const body = `<h1>${esc(t.thanks)}</h1><p>${esc(t.thanksBody)}</p><p><a href="/p/recruit/${encodeURIComponent(r.programId)}${o.lang === 'en' ? '?lang=en' : ''}">${esc(t.back)}</a></p>`;
  return shell({ ...o, title: `${t.thanks} | ${r.clinicName[o.lang]}`, description: t.thanks, path: `/p/recruit/${encodeURIComponent(r.programId)}/apply`, clinicName: r.clinicName[o.lang], body, indexable: false });
}
