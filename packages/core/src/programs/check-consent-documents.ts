import type { Issues } from '../fields/field-issues.ts';
import { checkOneOf, checkText } from '../fields/field-issues.ts';
import { checkDate } from '../fields/check-date.ts';
import { LANGS } from '../text/localized-text.ts';
import { CONSENT_ROLES, type ConsentDocument, type ConsentRole } from './program-types.ts';
import { checkId, listOf } from './program-field-checks.ts';
import { isSha256Hex } from './sha256.ts';
import { consentLanguageKey, consentRoleKey } from './state-labels.ts';

/**
 * The `consentDocuments` part of a program definition: each document well formed and once per
 * version and language, and one in Japanese and English for every role the age range needs.
 */
export function checkConsentDocuments(
  issues: Issues,
  v: ReadonlyArray<Partial<ConsentDocument>> | undefined,
  roles: ReadonlyArray<ConsentRole>,
): ConsentDocument[] {
  const docs: ConsentDocument[] = [];
  const seen = new Set<string>();
  const list = listOf(issues, 'consentDocuments', v);
  list.forEach((d, i) => {
    const p = `consentDocuments[${i}]`;
    const id = checkId(issues, `${p}.id`, d?.id);
    const version = checkText(issues, `${p}.version`, d?.version, { max: 32 });
    const role = checkOneOf(issues, `${p}.role`, d?.role, CONSENT_ROLES);
    const language = checkOneOf(issues, `${p}.language`, d?.language, LANGS);
    const title = checkText(issues, `${p}.title`, d?.title, { max: 200 });
    const effectiveFrom = checkDate(issues, `${p}.effectiveFrom`, d?.effectiveFrom);
    let contentHash: string | undefined;
    if (!isSha256Hex(d?.contentHash)) issues.add(`${p}.contentHash`, 'programs.hash_invalid');
    else contentHash = d.contentHash;
    const key = `${id}|${version}|${language}`;
    if (seen.has(key)) issues.add(`${p}.version`, 'programs.duplicate_document_version', { id: id ?? '', version: version ?? '' });
    seen.add(key);
    if (id && version && role && language && title && effectiveFrom && contentHash) {
      docs.push({ id, version, role, language, title, contentHash, effectiveFrom, ...(d?.sample === true ? { sample: true } : {}) });
    }
  });
  for (const role of roles) {
    for (const language of LANGS) {
      if (
        list.length > 0 &&
        !docs.some((d) => d.role === role && d.language === language) &&
        issues.list.every((x) => !x.path.startsWith('consentDocuments['))
      ) {
        issues.add('consentDocuments', 'programs.consent_document_missing', { role, language, roleKey: consentRoleKey(role), languageKey: consentLanguageKey(language) });
      }
    }
  }
  if (list.length === 0 && Array.isArray(v ?? [])) issues.add('consentDocuments', 'programs.field.required');
  return docs;
}
