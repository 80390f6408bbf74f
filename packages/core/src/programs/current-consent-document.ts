import type { Lang } from '../text/localized-text.ts';
import type { ConsentDocument, ConsentRole, ProgramDefinition } from './program-types.ts';

/**
 * The newest version of a consent document for a role and language that is in force on a date.
 *
 * @example
 * currentConsentDocument(program, { role: 'participant', language: 'ja', on: '2026-04-01' });
 */
export function currentConsentDocument(
  program: ProgramDefinition,
  opts: { readonly role: ConsentRole; readonly language: Lang; readonly on: string },
): ConsentDocument | undefined {
  return program.consentDocuments
    .filter((d) => d.role === opts.role && d.language === opts.language && d.effectiveFrom <= opts.on)
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : a.effectiveFrom > b.effectiveFrom ? -1 : 0))[0];
}
