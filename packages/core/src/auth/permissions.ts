/** Staff roles. */
export const roles = ['admin', 'doctor', 'nurse', 'reception', 'researcher'] as const;
export type Role = (typeof roles)[number];

/**
 * The permission matrix: which roles hold each permission. The server enforces it on every route
 * (each route declares one permission, `authenticated` or `public`); `docs/permissions.md` is
 * generated from it and a test keeps the two equal.
 */
export const permissionMatrix = {
  'patients:read': ['admin', 'doctor', 'nurse', 'reception'],
  'patients:write': ['admin', 'doctor', 'nurse', 'reception'],
  'staff:admin': ['admin'],
  'audit:read': ['admin'],
  'alerts:read': ['doctor', 'nurse'],
  'alerts:acknowledge': ['doctor'],
  'outbox:read': ['admin', 'doctor', 'nurse', 'reception'],
  'outbox:retry': ['admin', 'reception'],
  'intake:send': ['admin', 'doctor', 'nurse', 'reception'],
  'intake:status': ['admin', 'doctor', 'nurse', 'reception'],
  'intake:read': ['doctor', 'nurse'],
  'intake:admin': ['admin'],
  'scales:deliver': ['admin', 'doctor', 'nurse', 'reception'],
  'scales:read': ['doctor', 'nurse'],
  'scales:assign': ['doctor'],
  'scales:rate': ['doctor'],
  'scales:admin': ['admin'],
  'crisis:edit': ['admin', 'doctor'],
  'programs:read': ['admin', 'doctor', 'nurse', 'researcher'],
  'programs:admin': ['admin', 'doctor'],
  'programs:enrol': ['doctor'],
  'programs:consent': ['doctor', 'nurse'],
  'programs:record': ['doctor', 'nurse'],
  'programs:clinical_read': ['doctor', 'nurse'],
  'programs:dashboard': ['doctor', 'nurse', 'researcher'],
  'programs:export': ['doctor', 'researcher'],
  'programs:sae_report': ['doctor'],
  'appointments:read': ['admin', 'doctor', 'nurse', 'reception'],
  'appointments:write': ['admin', 'doctor', 'nurse', 'reception'],
  'scheduling:admin': ['admin'],
  'messaging:admin': ['admin'],
  'line:link': ['admin', 'doctor', 'nurse', 'reception'],
  'billing:read': ['admin', 'reception'],
  'billing:collect': ['admin', 'reception'],
  'billing:admin': ['admin'],
  'site:edit': ['admin'],
  'recruitment:queue': ['admin', 'doctor', 'nurse', 'reception'],
} as const satisfies Record<string, ReadonlyArray<Role>>;

export type Permission = keyof typeof permissionMatrix;

export const permissionDescriptions: Readonly<Record<Permission, { readonly ja: string; readonly en: string }>> = {
  'patients:read': { ja: '患者登録情報（氏名・連絡先など）の閲覧・検索', en: 'View and search the patient register (names, contacts)' },
  'patients:write': { ja: '患者の登録・編集', en: 'Register and edit patients' },
  'staff:admin': { ja: 'スタッフアカウントの招待・無効化・リセット', en: 'Invite, disable and reset staff accounts' },
  'audit:read': { ja: '監査ログの閲覧・エクスポート・検証', en: 'View, export and verify the audit log' },
  'alerts:read': { ja: '安全性アラート（自殺念慮・重篤な有害事象）の閲覧', en: 'See safety alerts (suicidal ideation, serious adverse events)' },
  'alerts:acknowledge': { ja: '安全性アラートの確認（対応記録）', en: 'Acknowledge safety alerts with a note' },
  'outbox:read': { ja: '送信メッセージ（メール・LINE。送信待ち・送信済み・失敗）の閲覧', en: 'See outgoing messages (mail, LINE: waiting, sent, failed)' },
  'outbox:retry': { ja: '送信に失敗したメッセージ（メール・LINE）の再送', en: 'Resend messages (mail, LINE) that failed' },
  'intake:send': { ja: 'WEB問診の送信（メール。リンク・QRコードの表示は回答を閲覧できる役割のみ）', en: 'Send the pre-visit intake (email; the link and QR code are shown only to roles that can read the answers)' },
  'intake:status': { ja: 'WEB問診の状況（送信済み・入力中・回答済み）の閲覧', en: 'See intake status (sent, started, submitted)' },
  'intake:read': { ja: 'WEB問診の回答・要約・尺度得点の閲覧', en: 'Read intake answers, the clinical summary and scale scores' },
  'intake:admin': { ja: 'WEB問診の問診票の編集・新しい版の公開', en: 'Edit the intake form and publish new versions' },
  'scales:deliver': { ja: '質問票のリンクの再送（回答・得点は見えません。リンク・QRコードの表示は回答を閲覧できる役割のみ）', en: 'Resend questionnaire links (no answers or scores; the link and QR code are shown only to roles that can read the answers)' },
  'scales:read': { ja: '尺度の回答・得点・経過グラフの閲覧', en: 'See scale answers, scores and the timeline' },
  'scales:assign': { ja: '尺度の割り当て（単回・定期）と中止', en: 'Assign scales (once or recurring) and stop them' },
  'scales:rate': { ja: '医師評価尺度（HAM-D など）の入力', en: 'Enter clinician-rated scales (HAM-D, …)' },
  'scales:admin': { ja: '尺度定義の取り込み（ライセンス済み項目文・独自尺度）', en: 'Import scale definitions (licensed text, custom scales)' },
  'crisis:edit': { ja: '相談窓口（危機対応連絡先）一覧の編集', en: 'Edit the list of crisis contacts' },
  'programs:read': { ja: 'モニタープログラムの定義（適格基準・スケジュール・同意文書）の閲覧', en: 'See monitor program definitions (criteria, schedule, consent documents)' },
  'programs:admin': { ja: 'モニタープログラムの作成・改訂（新しい版）', en: 'Create and revise monitor programs (new versions)' },
  'programs:enrol': { ja: 'プログラムのスクリーニング・適格性判定・登録・状態変更・中止', en: 'Screen, judge eligibility, enrol, change status and withdraw program patients' },
  'programs:consent': { ja: '電子同意の取得（本人確認・署名）', en: 'Take e-consent (identity check and signature)' },
  'programs:record': { ja: '投与・TMS・有害事象・併用薬・検査値の記録', en: 'Record infusions, TMS sessions, adverse events, concomitant medicines and labs' },
  'programs:clinical_read': { ja: 'プログラム参加者の記録と経過タイムラインの閲覧', en: 'See program participants’ records and the patient timeline' },
  'programs:dashboard': { ja: 'プログラムのダッシュボード（登録状況・評価の進捗・有害事象）の閲覧', en: 'See the program dashboard (enrolment, assessment progress, adverse events)' },
  'programs:export': { ja: '同意に基づくプログラムデータの出力', en: 'Export program data as consent allows' },
  'programs:sae_report': { ja: '重篤な有害事象の報告（いつ・どこへ報告したか）の記録', en: 'Record when and to whom a serious adverse event was reported' },
  'appointments:read': { ja: '予約・空き枠・診療カレンダーの閲覧', en: 'View appointments, free slots and the clinic calendar' },
  'appointments:write': { ja: '予約の登録・変更・キャンセル・受付、患者への予約リンク送信', en: 'Book, change, cancel and check in appointments; send patients their appointments link' },
  'scheduling:admin': { ja: '診療時間・休診日・予約種別・設備・予約ルールの設定', en: 'Set opening hours, closures, services, resources and booking rules' },
  'messaging:admin': { ja: 'LINE公式アカウントの設定・接続確認とテスト送信（メール・LINE）', en: 'Set up and check the LINE official account; send test messages (mail, LINE)' },
  'line:link': { ja: '患者のLINE連携（連携用コード・QRコードの表示、受け取り方法の変更、連携の解除）', en: 'Link a patient’s LINE (show the link code and QR code, change how messages go, unlink)' },
  'billing:read': { ja: '自費の請求・入金・領収書兼明細書・日計表・患者別残高の閲覧', en: 'See self-pay charges, payments, statements, the daily closing and patient balances' },
  'billing:collect': { ja: '窓口での請求の追加（理由付き）・入金・返金の申請・領収書の再発行と訂正', en: 'Add charges (with a reason), take payments, request refunds, reissue and correct statements' },
  'billing:admin': { ja: '料金表・請求書の設定（登録番号）の変更と返金の承認', en: 'Change the price list and statement settings (registration number) and approve refunds' },
  'site:edit': { ja: 'クリニックの公開ページ（診療案内・料金・プライバシーポリシー）の編集', en: 'Edit the clinic’s public pages (about, fees, privacy policy)' },
  'recruitment:queue': { ja: '募集ページからの申し込みの一覧と折り返し連絡の記録（主訴は医師・看護師のみ）', en: 'See applications from recruitment pages and record call-backs (the main complaint only for doctors and nurses)' },
};

export function isRole(s: string): s is Role {
  return (roles as ReadonlyArray<string>).includes(s);
}

/** @example hasPermission('reception', 'patients:read') // true */
export function hasPermission(role: Role, permission: Permission): boolean {
  return (permissionMatrix[permission] as ReadonlyArray<Role>).includes(role);
}

export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(permissionMatrix) as Permission[]).filter((p) => hasPermission(role, p));
}

/**
 * Break-glass (emergency) access: a signed-in staff member who lacks these read permissions may,
 * with a free-text reason and a fresh re-authentication, hold them for at most
 * `BREAK_GLASS_HOURS` — reads only, every one audited as `breakglass.access`, administrators
 * notified (security checklist A12).
 */
export const emergencyReadPermissions = ['patients:read', 'alerts:read', 'intake:read', 'scales:read', 'programs:clinical_read'] as const satisfies ReadonlyArray<Permission>;
export const BREAK_GLASS_HOURS = 4;

/** @example isEmergencyRead('scales:read') // true; isEmergencyRead('scales:assign') // false */
export function isEmergencyRead(p: string): p is (typeof emergencyReadPermissions)[number] {
  return (emergencyReadPermissions as ReadonlyArray<string>).includes(p);
}

/** What break-glass would add for this role; empty when the role already reads everything it covers. */
export function breakGlassAdds(role: Role): Permission[] {
  return emergencyReadPermissions.filter((p) => !hasPermission(role, p));
}
