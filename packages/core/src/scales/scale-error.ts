import { DomainError } from '../errors/domain-error.ts';

/** One problem with a definition, a text pack or a set of answers, in both languages. */
export interface ScaleIssue {
  /** Where the problem is, e.g. `items[2].options[1].value` or `answers.q9`. */
  readonly path: string;
  readonly code: string;
  readonly en: string;
  readonly ja: string;
}

/**
 * A `validation` DomainError carrying every issue; `message` lists them in English then Japanese,
 * and `details` carry one path → message pair per issue (for forms).
 *
 * @example
 * throw scaleValidationError('scale_answers', [{ path: 'answers.q9', code: 'out_of_range', en: '…', ja: '…' }]);
 */
export function scaleValidationError(key: string, issues: ReadonlyArray<ScaleIssue>): DomainError {
  const lines = issues.map((i) => `${i.path}: ${i.en} / ${i.ja}`);
  return new DomainError('validation', {
    key,
    message: lines.join('\n'),
    params: { count: issues.length },
    details: issues.map((i) => ({ path: i.path, message: `${i.en} / ${i.ja}` })),
  });
}
