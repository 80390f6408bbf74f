// The patient pages' own small dictionary (no i18next: these pages must stay light).
export type Lang = 'ja' | 'en';

const ja = {
  clinic: 'クリニック',
  service: '患者さま用ページ',
  language: '表示言語',
  homeTitle: 'ようこそ',
  homeBody: 'このページは、クリニックからお送りしたリンク（SMS・メール・LINE）から開いてお使いください。',
  homeHelp: 'リンクが見つからない場合は、お手数ですがクリニックへお電話ください。',
  invalidTitle: 'このリンクは使えません',
  invalidBody: 'リンクの有効期限が切れているか、すでに使われています。',
  invalidHelp: 'お手数ですが、クリニックへお問い合わせいただくか、新しいリンクをお待ちください。',
  notFoundTitle: 'ページが見つかりません',
  notFoundBody: 'アドレスが正しいかご確認ください。',
  crisisBefore: 'つらい気持ちが強いとき、いのちの危険を感じるときは、すぐに ',
  crisisAfter: ' へ電話してください。',
  privacy: 'ご入力いただいた情報は、診療のためにのみ利用します。',
  loading: '読み込み中…',
};

const en: typeof ja = {
  clinic: 'Clinic',
  service: 'Patient pages',
  language: 'Language',
  homeTitle: 'Welcome',
  homeBody: 'Please open this page from the link the clinic sent you (text message, email or LINE).',
  homeHelp: 'If you cannot find the link, please call the clinic.',
  invalidTitle: 'This link cannot be used',
  invalidBody: 'The link has expired or has already been used.',
  invalidHelp: 'Please contact the clinic, or wait for a new link.',
  notFoundTitle: 'Page not found',
  notFoundBody: 'Please check the address.',
  crisisBefore: 'If you feel in danger or have thoughts of ending your life, call ',
  crisisAfter: ' now.',
  privacy: 'What you enter is used only for your care.',
  loading: 'Loading…',
};

export type Messages = typeof ja;
export const MESSAGES: Readonly<Record<Lang, Messages>> = { ja, en };

const KEY = 'mimamori.lang';

/** Only the language choice is stored; nothing about the patient. */
export function loadLang(): Lang {
  try {
    const v = localStorage.getItem(KEY);
    if (v === 'ja' || v === 'en') return v;
  } catch {
    // Storage can be blocked in in-app browsers.
  }
  return navigator.language.toLowerCase().startsWith('en') ? 'en' : 'ja';
}

export function saveLang(lang: Lang): void {
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    // ignore
  }
}
