import { createIssues, throwIfIssues } from '../fields/field-issues.ts';
import type { ProgramDefinition, ProgramDefinitionInput } from './program-definition.ts';
import { defineProgram } from './program-definition.ts';

/**
 * The next version of a program. The id is kept and the version is the previous one + 1, so
 * enrolments pinned to the old version keep their meaning. A consent document version, once
 * published, may not change its text: a document with the same id, version and language must keep
 * its hash (publish a new document version instead), or patients who signed it would appear to have
 * signed words they never saw.
 *
 * @example
 * const v2 = reviseProgram(EXOSOME_PROGRAM, { ...EXOSOME_PROGRAM_INPUT, price: { amountExclTaxYen: 280_000 } });
 * v2.version; // 2
 */
export function reviseProgram(previous: ProgramDefinition, input: ProgramDefinitionInput): ProgramDefinition {
  const next = defineProgram({ ...input, id: previous.id, version: previous.version + 1 });
  const issues = createIssues();
  next.consentDocuments.forEach((d, i) => {
    const old = previous.consentDocuments.find((o) => o.id === d.id && o.version === d.version && o.language === d.language);
    if (old && old.contentHash !== d.contentHash) {
      issues.add(`consentDocuments[${i}].contentHash`, 'programs.document_version_changed', { id: d.id, version: d.version });
    }
  });
  throwIfIssues(issues, 'programs.definition_invalid');
  return next;
}
