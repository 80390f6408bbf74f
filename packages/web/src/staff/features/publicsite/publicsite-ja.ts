/** Japanese strings of the public-page and recruitment-page editors. */
export const publicsiteJa = {
  title: '公開ページ',
  lead: '患者さんがログインせずに見るクリニックの案内ページ（/p/）の文章です。診療時間・休診日・電話・住所は予約の設定から表示されるため、ここでは入力しません。保存すると新しい版になり、監査ログに残ります。',
  open: '公開ページを開く',
  hoursFrom: '診療時間・休診日の設定',
  texts: '案内の文章',
  startFromExample: '記入例から始める',
  field: {
    clinicName: 'クリニック名', tagline: '診療科・ひとこと', treats: '診療内容', access: 'アクセス', mapUrl: '地図のリンク（https://）', firstVisit: '初診の流れ（電話予約）',
    revisit: '再診の流れ（オンライン予約）', webIntake: 'WEB問診の説明', fees: '自費の料金（税込）', privacy: 'プライバシーポリシー', notice: 'お知らせ（ページの上に表示）',
  },
  mapHint: '空欄にすると地図のリンクは表示されません。',
  save: '保存して公開',
  saved: '第{{version}}版として保存しました。',
  history: '版の履歴',
  noHistory: 'まだ保存されていません。',
  version: '第{{version}}版',
  recruitment: 'プログラム参加者の募集ページ',
  recruitmentLead: '医療広告ガイドラインの限定解除の要件をすべて記載するまで公開できません。',
  published: '公開中',
  draft: '下書き',
  none: '未作成',
};

/** Japanese strings of the recruitment editor. */
export const recruitmentJa = {
  title: '募集ページの編集',
  back: '公開ページの設定に戻る',
  lead: '自由診療・未承認医薬品等の募集ページは、下の項目をすべて日本語と英語で記載するまで公開できません。体験談・ビフォーアフター・効果の保証・費用を強調する見出しなどは警告します。',
  isPublished: '第{{version}}版を公開中です。',
  notPublished: '公開されていません。',
  open: '公開中のページを開く',
  check: '医療広告ガイドラインの確認',
  allStated: '必要な項目はすべて記載されています。',
  missingLead: '公開に必要な項目が{{count}}件不足しています。',
  warnings: '表現の警告',
  content: '募集ページの内容',
  unapproved: '未承認医薬品等（または承認と異なる用法）を用いる',
  required: '公開には記載が必要です。',
  field: {
    title: '見出し', summary: '対象となる方・概要', treatment: '治療の内容', totalCostYen: '費用の総額（円・税込）', costIncludes: '費用に含まれるもの・含まれないもの', risks: '主なリスク・副作用',
    contact: 'お問い合わせ先', unapprovedStatement: '未承認医薬品等であること', procurement: '入手経路', alternatives: '国内の承認医薬品等の有無', foreignSafety: '諸外国における安全性等に係る情報',
    reliefSystem: '医薬品副作用被害救済制度の対象外であること', body: 'そのほかの説明',
  },
  saveDraft: '下書きを保存',
  publish: '公開する',
  withdraw: '公開をやめる',
  saved: '第{{version}}版を保存しました。',
};

/** Japanese strings of the application queue. */
export const applicationsJa = {
  title: '募集への申し込み',
  lead: '募集ページから届いた申し込みです（古い順）。折り返しお電話し、「初診を予約する」からスクリーニングのための初診を予約すると、その予約が申し込みに記録されます（電話などほかの方法で予約したときは「初診予約済み」）。主訴は医師・看護師にだけ表示されます。',
  showAll: '対応済み・見送りも表示',
  none: '対応待ちの申し込みはありません。',
  age: '（{{age}}歳）',
  visit: '初診（スクリーニング）の予約',
  linked: 'この予約を募集申込のスクリーニング受診として記録しました。',
  phone: '電話', email: 'メール', callTimes: '連絡してよい時間帯', guardian: '保護者', complaint: '主訴', complaintHint: '', complaintHidden: '（医師・看護師のみ表示）',
  callbackAt: '折り返しの予定日時（任意）',
  callbackSent: '申込者へのお知らせを送信待ちに入れました。',
  noChannel: '申込者にメールアドレスも LINE の連携もないため、お知らせは送っていません（送信メッセージに「送信先なし」として表示されます）。お電話でお伝えください。',
  callbackHint: '「折り返し連絡した」を押すと、申込者にメール（患者として LINE 連携済みなら LINE）でお知らせします。空欄なら「お電話しました」とお知らせします。病名やプログラム名は書きません。',
  contacted: '折り返し連絡した', book: '初診を予約する', booked: '初診予約済み', decline: '見送り',
  flow: '申し込みの流れ（プログラム別）', program: 'プログラム',
  status: { new: '未対応', contacted: '連絡済み', screening_booked: '初診予約済み', declined: '見送り' },
};
