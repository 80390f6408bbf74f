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
  'alerts:read': ['doctor', 'nurse', 'researcher'],
  'alerts:acknowledge': ['doctor'],
  'outbox:read': ['admin', 'doctor', 'nurse', 'reception'],
  'outbox:retry': ['admin', 'reception'],
  'intake:send': ['admin', 'doctor', 'nurse', 'reception'],
  'intake:status': ['admin', 'doctor', 'nurse', 'reception'],
  'intake:read': ['doctor', 'nurse'],
  'intake:admin': ['admin'],
} as const satisfies Record<string, ReadonlyArray<Role>>;

export type Permission = keyof typeof permissionMatrix;

export const permissionDescriptions: Readonly<Record<Permission, { readonly ja: string; readonly en: string }>> = {
  'patients:read': { ja: '患者登録情報（氏名・連絡先など）の閲覧・検索', en: 'View and search the patient register (names, contacts)' },
  'patients:write': { ja: '患者の登録・編集', en: 'Register and edit patients' },
  'staff:admin': { ja: 'スタッフアカウントの招待・無効化・リセット', en: 'Invite, disable and reset staff accounts' },
  'audit:read': { ja: '監査ログの閲覧・エクスポート・検証', en: 'View, export and verify the audit log' },
  'alerts:read': { ja: '安全性アラート（自殺念慮・重篤な有害事象）の閲覧', en: 'See safety alerts (suicidal ideation, serious adverse events)' },
  'alerts:acknowledge': { ja: '安全性アラートの確認（対応記録）', en: 'Acknowledge safety alerts with a note' },
  'outbox:read': { ja: '送信メール（送信待ち・送信済み・失敗）の閲覧', en: 'See outgoing mail (waiting, sent, failed)' },
  'outbox:retry': { ja: '送信に失敗したメールの再送', en: 'Retry mail that failed to send' },
  'intake:send': { ja: 'WEB問診の送信（リンク・QRコード・メール）', en: 'Send the pre-visit intake (link, QR code, email)' },
  'intake:status': { ja: 'WEB問診の状況（送信済み・入力中・回答済み）の閲覧', en: 'See intake status (sent, started, submitted)' },
  'intake:read': { ja: 'WEB問診の回答・要約・尺度得点の閲覧', en: 'Read intake answers, the clinical summary and scale scores' },
  'intake:admin': { ja: 'WEB問診の問診票の編集・新しい版の公開', en: 'Edit the intake form and publish new versions' },
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
