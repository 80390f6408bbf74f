/**
 * The national Japanese services a new clinic starts with (it edits the list in the staff app).
 * Numbers as published by each operator; `uncertain` marks entries whose hours (or number) were
 * not confirmed against the operator's current page — the clinic should confirm them before use.
 * `checkedOn` is the day this project last checked the entry (docs/safety.md lists what was
 * checked and where); the clinic sets its own date when it checks again.
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
    source: '一般社団法人 日本いのちの電話連盟 https://www.inochinodenwa.org/ (10th of the month confirmed by member centres, e.g. 香川いのちの電話 http://kind-kagawa.org/soudan1.html; daily hours not confirmed)', uncertain: true, audience: 'all', checkedOn: '2026-12-07',
  },
  {
    nameJa: 'こころの健康相談統一ダイヤル', nameEn: 'Mental health consultation line (national number)', phone: '0570-064-556', url: 'https://www.mhlw.go.jp/mamorouyokokoro/',
    hoursJa: 'おかけになった地域の相談窓口につながります（受付時間は地域により異なります。平日午後6時30分〜午後10時30分は夜間窓口にもつながります）', hoursEn: 'Connects to the local centre of where you call from (hours differ by area; weekdays 18:30–22:30 also to a national evening line)',
    source: '厚生労働省 https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/0000117743.html', uncertain: false, audience: 'all', checkedOn: '2026-12-07',
  },
  {
    nameJa: 'TELL Lifeline（英語）', nameEn: 'TELL Lifeline (in English)', phone: '03-5774-0992', url: 'https://telljp.com/lifeline/',
    hoursJa: '受付時間は公式サイトでご確認ください', hoursEn: 'See the website for current hours',
    source: 'TELL https://telljp.com/lifeline/', uncertain: true, audience: 'all', checkedOn: null,
  },
  {
    nameJa: 'チャイルドライン（18歳まで）', nameEn: 'Childline Japan (up to age 18)', phone: '0120-99-7777', url: 'https://childline.or.jp/',
    hoursJa: '毎日 午後4時〜午後9時・無料（12月29日〜1月3日は休み）', hoursEn: 'Daily 16:00–21:00, free (closed 29 December – 3 January)',
    source: '認定NPO法人 チャイルドライン支援センター https://childline.or.jp/ ; 福島県チャイルドライン推進協議会 http://www.cl-fukushima.org/suisinkyougikai/index.html', uncertain: false, audience: 'child', checkedOn: '2026-12-07',
  },
  {
    nameJa: 'チャイルドライン オンラインチャット（18歳まで）', nameEn: 'Childline Japan online chat (up to age 18)', phone: null, url: 'https://childline.or.jp/chat',
    hoursJa: 'カレンダーで示された日の午後4時〜午後9時・無料（12月29日〜1月3日は休み）', hoursEn: 'On the days marked in its calendar, 16:00–21:00, free (closed 29 December – 3 January)',
    source: '認定NPO法人 チャイルドライン支援センター https://childline.or.jp/chat', uncertain: false, audience: 'child', checkedOn: '2026-12-07',
  },
  {
    nameJa: '24時間子供SOSダイヤル', nameEn: '24-hour Children\'s SOS Dial', phone: '0120-0-78310', url: 'https://www.mext.go.jp/a_menu/shotou/seitoshidou/1306988.htm',
    hoursJa: '24時間・無料（夜間・休日も。お住まいの地域の教育委員会などにつながります）', hoursEn: '24 hours including nights and holidays, free (connects to the local board of education)',
    source: '文部科学省 https://www.mext.go.jp/a_menu/shotou/seitoshidou/1306988.htm', uncertain: false, audience: 'child', checkedOn: '2026-12-07',
  },
  {
    nameJa: 'あなたのいばしょ チャット相談', nameEn: 'Anata no Ibasho chat (any age, anonymous)', phone: null, url: 'https://talkme.jp/',
    hoursJa: '24時間・365日・無料・匿名（年齢を問いません）', hoursEn: '24 hours, every day, free and anonymous (any age)',
    source: '厚生労働省「まもろうよ こころ」SNS相談 https://www.mhlw.go.jp/mamorouyokokoro/soudan/sns/ ; 東京都 若ポタ https://www.wakapota.metro.tokyo.lg.jp/column/introduction.php?id=13', uncertain: false, audience: 'all', checkedOn: '2026-12-07',
  },
  {
    nameJa: '#いのちSOS', nameEn: '#Inochi SOS (LifeLink)', phone: '0120-061-338', url: 'https://www.lifelink.or.jp/inochisos/',
    hoursJa: '月・木・金は24時間、火・水・土・日は午前6時〜翌午前0時・無料', hoursEn: 'Mon, Thu, Fri 24 hours; Tue, Wed, Sat, Sun 06:00–24:00; free',
    source: 'NPO法人 自殺対策支援センターライフリンク https://www.lifelink.or.jp/inochisos/ (hours as reported by 毎日新聞 2022-08-26)', uncertain: true, audience: 'all', checkedOn: '2026-12-07',
  },
  {
    nameJa: 'SNS・チャットでの相談（厚生労働省の一覧）', nameEn: 'Counselling by chat or social media (MHLW list)', phone: null, url: 'https://www.mhlw.go.jp/mamorouyokokoro/soudan/sns/',
    hoursJa: '窓口ごとに異なります', hoursEn: 'Hours differ by service',
    source: '厚生労働省「まもろうよ こころ」 https://www.mhlw.go.jp/mamorouyokokoro/soudan/sns/', uncertain: false, audience: 'all', checkedOn: '2026-12-07',
  },
];
