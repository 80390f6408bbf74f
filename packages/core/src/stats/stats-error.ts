import { DomainError } from '../errors/domain-error.ts';

/**
 * The one way the statistics module reports bad input or a model it cannot fit: a `DomainError`
 * with code `validation` and a readable message (never a silently wrong number).
 * @example throw statsError('need at least 2 complete pairs');
 */
export function statsError(message: string, params: Readonly<Record<string, string | number>> = {}): DomainError {
  return new DomainError('validation', { key: 'stats', message, params });
}
