/**
 * The national Japanese services a new clinic starts with (it edits the list in the staff app).
 * Numbers as published by each operator; `uncertain` marks entries whose hours (or number) were
 * not checked against the operator's current page — the clinic should confirm them before use.
 */
export interface CrisisContact {
  readonly nameJa: string;
  readonly nameEn: string;
  readonly phone: string | null;
  readonly url: string | null;
  readonly hoursJa: string | null;
  readonly hoursEn: string | null;
  readonly source: string | null;
  readonly uncertain: boolean;
  /** Whom it is for: everyone, adults, or children and adolescents (up to 18). */
  readonly audience: 'all' | 'adult' | 'child';
  /** When the clinic last checked number and hours against the source (YYYY-MM-DD); null: not yet. */
  readonly checkedOn: string | null;
}

export const defaultCrisisContacts: ReadonlyArray<CrisisContact> = [
  {
    nameJa: '救急（命の危険があるとき）', nameEn: 'Emergency ambulance (if life is in danger)', phone: '119', url: null,
    hoursJa: '24時間', hoursEn: '24 hours', source: '総務省消防庁 https://www.fdma.go.jp/', uncertain: false, audience: 'all', checkedOn: null,
  },
  {
    nameJa: 'よりそいホットライン', nameEn: 'Yorisoi Hotline', phone: '0120-279-338', url: 'https://www.since2011.net/yorisoi/',
    hoursJa: '24時間・無料（岩手・宮城・福島からは 0120-279-226）', hoursEn: '24 hours, free (from Iwate, Miyagi, Fukushima: 0120-279-226)',
    source: '一般社団法人 社会的包摂サポートセンター https://www.since2011.net/yorisoi/', uncertain: false, audience: 'all', checkedOn: null,
  },
  {
    nameJa: 'いのちの電話（ナビダイヤル）', nameEn: 'Inochi no Denwa (lifeline, navi-dial)', phone: '0570-783-556', url: 'https://www.inochinodenwa.org/',
    hoursJa: '午前10時〜午後10時', hoursEn: '10:00–22:00',
    source: '一般社団法人 日本いのちの電話連盟 https://www.inochinodenwa.org/', uncertain: true, audience: 'all', checkedOn: null,
  },
  {
    nameJa: 'いのちの電話（フリーダイヤル）', nameEn: 'Inochi no Denwa (toll-free)', phone: '0120-783-556', url: 'https://www.inochinodenwa.org/',
    hoursJa: '毎日 午後4時〜午後9時、毎月10日 午前8時〜翌日午前8時', hoursEn: 'Daily 16:00–21:00; the 10th of each month 08:00 to 08:00 the next day',
    source: '一般社団法人 日本いのちの電話連盟 https://www.inochinodenwa.org/', uncertain: true, audience: 'all', checkedOn: null,
  },
  {
    nameJa: 'こころの健康相談統一ダイヤル', nameEn: 'Mental health consultation line (national number)', phone: '0570-064-556', url: 'https://www.mhlw.go.jp/mamorouyokokoro/',
    hoursJa: 'おかけになった地域の相談窓口につながります（受付時間は地域により異なります）', hoursEn: 'Connects to the local centre of where you call from (hours differ by area)',
    source: '厚生労働省「まもろうよ こころ」 https://www.mhlw.go.jp/mamorouyokokoro/', uncertain: false, audience: 'all', checkedOn: null,
  },
  {
    nameJa: 'TELL Lifeline（英語）', nameEn: 'TELL Lifeline (in English)', phone: '03-5774-0992', url: 'https://telljp.com/lifeline/',
    hoursJa: '受付時間は公式サイトでご確認ください', hoursEn: 'See the website for current hours',
    source: 'TELL https://telljp.com/lifeline/', uncertain: true, audience: 'all', checkedOn: null,
  },
  {
    nameJa: 'チャイルドライン（18歳まで）', nameEn: 'Childline Japan (up to age 18)', phone: '0120-99-7777', url: 'https://childline.or.jp/',
    hoursJa: '毎日 午後4時〜午後9時・無料', hoursEn: 'Daily 16:00–21:00, free',
    source: '認定NPO法人 チャイルドライン支援センター https://childline.or.jp/', uncertain: true, audience: 'child', checkedOn: null,
  },
  {
    nameJa: '24時間子供SOSダイヤル', nameEn: '24-hour Children\'s SOS Dial', phone: '0120-0-78310', url: 'https://www.mext.go.jp/a_menu/shotou/seitoshidou/06112210.htm',
    hoursJa: '24時間・無料（お住まいの地域の教育委員会などにつながります）', hoursEn: '24 hours, free (connects to the local board of education)',
    source: '文部科学省 https://www.mext.go.jp/a_menu/shotou/seitoshidou/06112210.htm', uncertain: true, audience: 'child', checkedOn: null,
  },
  {
    nameJa: 'SNS・チャットでの相談（厚生労働省の一覧）', nameEn: 'Counselling by chat or social media (MHLW list)', phone: null, url: 'https://www.mhlw.go.jp/mamorouyokokoro/',
    hoursJa: '窓口ごとに異なります', hoursEn: 'Hours differ by service',
    source: '厚生労働省「まもろうよ こころ」 https://www.mhlw.go.jp/mamorouyokokoro/', uncertain: false, audience: 'all', checkedOn: null,
  },
];
