import { fillTemplate } from '@mimamori/core/text/fill-template';
import { formatClinicDateTime } from '@mimamori/core/time/format-clinic-date';
import type { Lang } from './lang.ts';

export type Catalogue = Readonly<Record<string, { readonly ja: string; readonly en: string }>>;

/** Error and field messages of the foundation. Feature catalogues are added to an app's `Messages`. */
const base: Catalogue = {
  validation: { ja: '入力内容を確認してください。', en: 'Please check what you entered.' },
  not_found: { ja: '見つかりません。', en: 'Not found.' },
  conflict: { ja: '他の操作と競合しました。画面を更新してやり直してください。', en: 'This conflicts with another change. Reload and try again.' },
  unauthenticated: { ja: 'ログインが必要です。', en: 'Please sign in.' },
  forbidden: { ja: 'この操作を行う権限がありません。', en: 'You do not have permission to do this.' },
  reauth_required: {
    ja: '重要な操作のため、もう一度パスワードと確認コードを入力してください。',
    en: 'This is a sensitive action: enter your password and code again.',
  },
  break_glass_not_needed: {
    ja: 'この役割は通常の権限で診療記録を閲覧できるため、緊急アクセスは不要です。',
    en: 'Your role can already read clinical records; emergency access is not needed.',
  },
  reauth_failed: {
    ja: 'パスワードまたは確認コードが正しくありません。繰り返し失敗すると、しばらくログインできなくなります。',
    en: 'The password or code is not correct. After repeated failures, sign-in is paused for a while.',
  },
  csrf: { ja: '不正なリクエストです。画面を更新してやり直してください。', en: 'The request could not be verified. Reload the page and try again.' },
  rate_limited: { ja: 'リクエストが多すぎます。{retryAfter}秒後にもう一度お試しください。', en: 'Too many requests. Try again in {retryAfter} seconds.' },
  locked: { ja: 'しばらくしてからもう一度お試しください。', en: 'Please try again later.' },
  payload_too_large: { ja: '送信データが大きすぎます。', en: 'The request is too large.' },
  unsupported_media_type: { ja: 'JSON形式で送信してください。', en: 'Send the request as JSON.' },
  gone: { ja: 'このリンクは使用済みか、有効期限が切れています。', en: 'This link has been used or has expired.' },
  precondition_failed: { ja: '前提条件を満たしていません。', en: 'A precondition was not met.' },
  slot_unavailable: { ja: 'この枠は予約できません。', en: 'This slot cannot be booked.' },
  cutoff_passed: { ja: 'オンラインでの変更期限を過ぎています。お電話でご連絡ください。', en: 'The online change deadline has passed. Please call the clinic.' },
  invalid_state: { ja: '現在の状態ではこの操作はできません。', en: 'This is not possible in the current state.' },
  internal: { ja: 'サーバーで問題が発生しました。時間をおいて再度お試しください。（問い合わせ番号: {requestId}）', en: 'Something went wrong on the server. Please try again later. (Reference: {requestId})' },
  disk_full: {
    ja: 'サーバーのディスクがいっぱいのため、保存できませんでした。何も保存されていません。管理者に連絡してください。',
    en: "The server's disk is full: nothing was saved. Please tell the administrator.",
  },
  database_corrupt: {
    ja: 'サーバーのデータベースに損傷が見つかったため、処理できませんでした。何も保存されていません。管理者に連絡してください。（問い合わせ番号: {requestId}）',
    en: "The server's database is damaged: the request could not be completed and nothing was saved. Please tell the administrator. (Reference: {requestId})",
  },
  method_not_allowed: { ja: 'この操作は許可されていません。', en: 'Method not allowed.' },
  route_not_found: { ja: 'ページまたはAPIが見つかりません。', en: 'No such page or API.' },
  malformed_json: { ja: '送信データ（JSON）の形式が正しくありません。', en: 'The request body is not valid JSON.' },
  login_failed: {
    ja: 'ログインできませんでした。ログインID・パスワード・確認コードを確認してください。繰り返し失敗すると、しばらくログインできなくなります。',
    en: 'Sign-in failed. Check your login ID, password and code. After repeated failures, sign-in is paused for a while.',
  },
  enrol_failed: { ja: '確認コードが正しくありません。認証アプリの6桁のコードを入力してください。', en: 'The code is not correct. Enter the 6-digit code from your authenticator app.' },
  session_expired: { ja: '一定時間操作がなかったため、ログアウトしました。', en: 'You were signed out after a period of inactivity.' },
  setup_done: { ja: '初期設定は完了しています。', en: 'Setup has already been completed.' },
  password_too_short: { ja: 'パスワードは8文字以上にしてください。', en: 'Use at least 8 characters for the password.' },
  password_too_long: { ja: 'パスワードは128文字以内にしてください。', en: 'Use at most 128 characters for the password.' },
  password_common: { ja: 'よく使われるパスワードのため使用できません。', en: 'This password is too common. Choose another one.' },
  // Field-level
  required: { ja: '必須項目です。', en: 'This field is required.' },
  invalid_type: { ja: '形式が正しくありません。', en: 'Invalid format.' },
  too_long: { ja: '{max}文字以内で入力してください。', en: 'Use at most {max} characters.' },
  too_short: { ja: '{min}文字以上で入力してください。', en: 'Use at least {min} characters.' },
  unknown_field: { ja: '不明な項目です。', en: 'Unknown field.' },
  invalid_value: { ja: '選択肢から選んでください。', en: 'Choose one of the options.' },
  invalid_date: { ja: '正しい日付を YYYY-MM-DD 形式で入力してください。', en: 'Enter a real date as YYYY-MM-DD.' },
  invalid_phone: { ja: '電話番号の形式が正しくありません（例: 03-1234-5678）。', en: 'Enter a valid Japanese phone number (e.g. 03-1234-5678).' },
  invalid_email: { ja: 'メールアドレスの形式が正しくありません。', en: 'Enter a valid email address.' },
  malformed_text: {
    ja: '使用できない文字（制御文字や壊れた文字）が含まれています。入力内容を確認してください。',
    en: 'The request contains characters that are not allowed (control characters or broken text). Please check what you entered.',
  },
  ill_formed_unicode: { ja: '文字として読めないデータ（壊れた文字）が含まれています。', en: 'Contains broken text (not well-formed Unicode).' },
  control_characters: { ja: '使用できない制御文字が含まれています。', en: 'Contains control characters that are not allowed.' },
  too_small: { ja: '{min}以上の値を入力してください。', en: 'Enter a value of at least {min}.' },
  too_big: { ja: '{max}以下の値を入力してください。', en: 'Enter a value of at most {max}.' },
  patient_link_needed: { ja: 'このページを開くには、クリニックから届いたリンクをもう一度開いてください。', en: 'Open the link the clinic sent you again to continue.' },
  patient_link_no_email: {
    ja: 'この患者さんにはメールアドレスも LINE の連携もないため、リンクをお送りできません。リンクとQRコードの表示は医師・看護師が行えます。',
    en: 'This patient has no email address and no LINE link, so the link cannot be sent. A doctor or nurse can show the link and QR code.',
  },
  staff_cannot_act_as_patient: {
    ja: 'スタッフとしてログインしているブラウザでは、患者さん用のリンクやページは開けません。患者さんご本人の端末で開いていただいてください。',
    en: 'Patient links and pages cannot be opened in a browser signed in as staff. Please ask the patient to open the link on their own device.',
  },
  patient_link_invalid: { ja: 'このリンクは無効か、有効期限が切れています。お手数ですがクリニックにご連絡ください。', en: 'This link is not valid or has expired. Please contact the clinic.' },
  alert_already_acknowledged: { ja: 'このアラートはすでに確認済みです。', en: 'This alert has already been acknowledged.' },
  invalid_login_id: { ja: 'ログインIDは半角英数字と . _ - で3〜64文字にしてください。', en: 'Login IDs use 3–64 letters, digits, ".", "_" or "-".' },
};

/**
 * An app's messages: the foundation's above, and each feature's catalogue, added once by the
 * feature's register function. `createApp` makes one per app (`app-state.ts`), so catalogues are
 * never added to a global, and the error handler reads the one of the app that answers.
 */
export interface Messages {
  /** Adds a feature's message catalogue (keys must not clash with the base catalogue). */
  readonly register: (c: Catalogue) => void;
  /**
   * The message for `key` in `lang`, with `{param}` placeholders filled (`fillTemplate`). Falls back
   * to the key itself. A param `<name>Key` whose value is a message key fills `{name}` with that
   * message in the same language and with the same params (a reason inside a message). A param
   * `date`, `deadline` or `…Date` holding `YYYY-MM-DD` (optionally with ` HH:MM`) is shown as the
   * reader reads a date: `12月13日（日）`, `Sun 13 Dec` — never ISO. A param `<name>En` is `{name}`
   * in English (a holiday's English name beside its Japanese one).
   */
  readonly translate: (key: string, lang: Lang, params?: Readonly<Record<string, unknown>>) => string;
  readonly has: (key: string) => boolean;
}

export function createMessages(): Messages {
  // Feature keys; the first catalogue to define a key keeps it, and adding a catalogue again changes nothing.
  const extra = new Map<string, { readonly ja: string; readonly en: string }>();
  const find = (key: string) => base[key] ?? extra.get(key);
  return {
    register: (c) => {
      for (const [key, entry] of Object.entries(c)) if (!extra.has(key)) extra.set(key, entry);
    },
    translate: function translate(key, lang, params = {}) {
      const entry = find(key);
      const template = entry ? entry[lang] : key;
      // A param `<name>Key` naming a message fills `{name}` with that message (same params).
      const nested: Record<string, string> = {};
      for (const [name, v] of Object.entries(params)) {
        if (name.endsWith('Key') && name.length > 3 && typeof v === 'string' && find(v)) nested[name.slice(0, -3)] = translate(v, lang, { ...params, [name]: undefined });
      }
      const dates: Record<string, string> = {};
      for (const [name, v] of Object.entries(params)) {
        if ((name === 'date' || name === 'deadline' || name.endsWith('Date')) && typeof v === 'string') dates[name] = formatClinicDateTime(v, lang);
      }
      const english: Record<string, string> = {};
      if (lang === 'en') {
        for (const [name, v] of Object.entries(params)) if (name.endsWith('En') && name.length > 2 && typeof v === 'string' && v !== '') english[name.slice(0, -2)] = v;
      }
      return fillTemplate(template, { ...params, ...english, ...dates, ...nested });
    },
    has: (key) => Boolean(find(key)),
  };
}
