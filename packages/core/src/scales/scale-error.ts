import { DomainError, type Issue } from '../errors/domain-error.ts';
import { scaleMessage } from './scale-messages.ts';

/**
 * A `validation` DomainError carrying every issue (`path`, message `key`, `params`), which the
 * server's error handler translates. Its `message` (for the CLI and logs) lists the issues in
 * English then Japanese.
 *
 * @example
 * throw scaleValidationError('scale_answers_invalid', [{ path: 'answers.q9', key: 'scale.out_of_range.answer_item_out', params: { v: 4, id: 'q9', allowed: '0, 1, 2, 3' } }]);
 */
export function scaleValidationError(key: string, issues: ReadonlyArray<Issue>): DomainError {
  const lines = issues.map((i) => `${i.path}: ${scaleMessage(i.key, i.params, 'en')} / ${scaleMessage(i.key, i.params, 'ja')}`);
  return new DomainError('validation', { key, message: lines.join('\n'), params: { count: issues.length }, issues });
}
