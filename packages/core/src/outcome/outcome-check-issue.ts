import type { Issue } from '../errors/domain-error.ts';

/**
 * The message key of a problem found by the data-cut and analysis-plan checks. Those checks are
 * written for the researcher in English (`is not valid JSON`, `must be an id …`) and say exactly
 * which file, line and field is wrong; the text travels as the `detail` param and every catalogue
 * words the key as `{detail}`, so the API and the CLI say it as written.
 */
export const OUTCOME_CHECK_KEY = 'outcome.check';

/** One problem of a data cut or plan as an {@link Issue}: its path and the check's own words. */
export function outcomeCheckIssue(path: string, detail: string): Issue {
  return { path, key: OUTCOME_CHECK_KEY, params: { detail } };
}

/** The words of a problem found by those checks (its key when it came from elsewhere). */
export function outcomeCheckText(issue: Issue): string {
  const detail = issue.params?.detail;
  return typeof detail === 'string' ? detail : issue.key;
}
