/**
 * Japanese and English texts of the message keys the staff feature (accounts) emits. Plain data:
 * the server adds it to an app's messages once (where the staff routes are registered), and only
 * its error handler fills the `{name}` placeholders.
 */
export const STAFF_MESSAGES: Readonly<Record<string, { readonly ja: string; readonly en: string }>> = Object.freeze({
  login_id_taken: { ja: 'このログインIDはすでに使われています。', en: 'This login ID is already in use.' },
  cannot_disable_self: { ja: '自分自身のアカウントは無効化できません。', en: 'You cannot disable your own account.' },
  cannot_change_own_role: { ja: '自分自身の権限は変更できません。', en: 'You cannot change your own role.' },
});
