import { DomainError } from '@mimamori/core';
import type { ScaleIssue } from '@mimamori/core/scales/index';
import type { Lang } from '../../i18n/lang.ts';

/**
 * A `validation` error listing scale issues in one language (the core's own error carries both
 * languages in one string, which reads badly in a form).
 */
export function scaleIssuesError(key: string, issues: ReadonlyArray<ScaleIssue>, lang: Lang): DomainError {
  return new DomainError('validation', {
    key,
    params: { count: issues.length },
    details: issues.map((i) => ({ path: i.path, message: lang === 'en' ? i.en : i.ja })),
  });
}
