import { DomainError } from '../errors/domain-error.ts';
import type { IntakeDefinition } from './intake-definition.ts';

/**
 * The definition version that a set of answers was given against. Answers are always read with
 * their own version, so publishing a new version never changes how past answers read.
 *
 * @throws DomainError `not_found` (key `intake_definition_version_missing`) when that version is not stored.
 * @example
 * const def = selectIntakeDefinition(await repo.allVersions('default'), answers); // the v1 definition for v1 answers
 */
export function selectIntakeDefinition(
  definitions: ReadonlyArray<IntakeDefinition>,
  answers: { readonly definitionId: string; readonly definitionVersion: number },
): IntakeDefinition {
  const d = definitions.find((x) => x.id === answers.definitionId && x.version === answers.definitionVersion);
  if (!d) {
    throw new DomainError('not_found', {
      key: 'intake_definition_version_missing',
      params: { definitionId: answers.definitionId, version: answers.definitionVersion },
    });
  }
  return d;
}

/** Throws unless the answers belong to exactly this definition version. */
export function assertSameIntakeVersion(
  definition: IntakeDefinition,
  answers: { readonly definitionId: string; readonly definitionVersion: number },
): void {
  if (definition.id !== answers.definitionId || definition.version !== answers.definitionVersion) {
    throw new DomainError('validation', {
      key: 'intake_version_mismatch',
      params: { definitionId: definition.id, version: definition.version, answersVersion: answers.definitionVersion },
    });
  }
}
