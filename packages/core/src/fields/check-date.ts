import { isIsoInstant, isLocalDate } from '../time/index.ts';
import { isPresent, type Issues } from './field-issues.ts';

/** Records an issue unless `v` is a valid `YYYY-MM-DD` date; returns the date when valid. */
export function checkDate(issues: Issues, path: string, v: unknown, opts: { readonly required?: boolean } = {}): string | undefined {
  if (!isPresent(v)) {
    if (opts.required ?? true) issues.add(path, 'programs.field.required');
    return undefined;
  }
  if (!isLocalDate(v)) {
    issues.add(path, 'programs.field.invalid_date');
    return undefined;
  }
  return v;
}

/** Records an issue unless `v` is an ISO instant with an offset; returns it when valid. */
export function checkInstant(issues: Issues, path: string, v: unknown, opts: { readonly required?: boolean } = {}): string | undefined {
  if (!isPresent(v)) {
    if (opts.required ?? true) issues.add(path, 'programs.field.required');
    return undefined;
  }
  if (!isIsoInstant(v)) {
    issues.add(path, 'programs.field.invalid_instant');
    return undefined;
  }
  return v;
}
