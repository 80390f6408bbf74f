/**
 * Japanese clinical study registries a monitor program may be registered in.
 * - jRCT (Japan Registry of Clinical Trials, jrct.mhlw.go.jp): `jRCT`, one category character, nine
 *   digits — e.g. jRCTs031180032 (臨床研究法), jRCT2031210123 (治験), jRCTb030190173 (再生医療等
 *   安全性確保法; the b-record appears at https://jrct.mhlw.go.jp/latest-detail/jRCTb030190173).
 * - UMIN-CTR: `UMIN` and nine digits, e.g. UMIN000012345.
 */
export type RegistryKind = 'jrct' | 'umin_ctr';

const JRCT_RE = /^jRCT[a-z0-9]\d{9}$/;
const UMIN_RE = /^UMIN\d{9}$/;

/**
 * Which registry an id belongs to, or `undefined` when it matches neither format. The check is
 * syntactic: it cannot know whether the number was really issued.
 *
 * @example
 * registryKind('jRCTb030190173'); // 'jrct'
 * registryKind('UMIN000012345');  // 'umin_ctr'
 * registryKind('JRCT123');        // undefined
 */
export function registryKind(id: string): RegistryKind | undefined {
  if (JRCT_RE.test(id)) return 'jrct';
  if (UMIN_RE.test(id)) return 'umin_ctr';
  return undefined;
}

/**
 * The public page of a registry entry, for links on the program page (jRCT only: UMIN-CTR pages
 * are addressed by an internal receipt number that the id does not contain).
 *
 * @example
 * registryUrl('jRCTb030190173'); // 'https://jrct.mhlw.go.jp/latest-detail/jRCTb030190173'
 */
export function registryUrl(id: string): string | undefined {
  const kind = registryKind(id);
  if (kind === 'jrct') return `https://jrct.mhlw.go.jp/latest-detail/${id}`;
  // UMIN-CTR pages are addressed by an internal receipt number (R…), not by the UMIN id.
  return undefined;
}
