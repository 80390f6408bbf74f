import { DomainError, type ErrorParams, type Issue } from '../errors/domain-error.ts';

/** A mutable collector used while validating one input; validators freeze what they return. */
export type Issues = {
  readonly list: Issue[];
  /** Records one problem: the field's path, the message key (`programs.field.required`) and its params. */
  add(path: string, key: string, params?: ErrorParams): void;
};

/**
 * Starts an empty issue list.
 *
 * @example
 * const issues = createIssues();
 * issues.add('onsetDate', 'programs.field.required');
 * throwIfIssues(issues, 'safety.adverse_event_invalid'); // throws DomainError('validation')
 */
export function createIssues(): Issues {
  const list: Issue[] = [];
  return {
    list,
    add(path, key, params) {
      list.push(params === undefined ? { path, key } : { path, key, params });
    },
  };
}

/**
 * Throws one `DomainError('validation')` carrying every collected issue, so a form can show all
 * problems at once instead of the first. `params` fill the message's own placeholders.
 *
 * @example
 * throwIfIssues(issues, 'labs.result_invalid');
 */
export function throwIfIssues(issues: Issues, key: string, params: ErrorParams = {}): void {
  if (issues.list.length === 0) return;
  const first = issues.list[0]!;
  throw new DomainError('validation', {
    key,
    // When the message is the first problem's own, it takes that problem's params too (e.g. the state named in it).
    params: { ...(first.key === key ? first.params : {}), ...params, field: first.path, count: issues.list.length },
    message: `${key}: ${issues.list.map((i) => `${i.path} (${i.key})`).join(', ')}`,
    issues: issues.list.slice(),
  });
}

/**
 * Throws a single-field `DomainError` with a code other than `validation` (typically
 * `invalid_state`), naming its field as validation errors do.
 *
 * @example
 * fieldError('invalid_state', 'enrolment.dosing_not_allowed', 'status', { status: 'withdrawn' });
 */
export function fieldError(code: DomainError['code'], key: string, path: string, params: ErrorParams = {}): DomainError {
  return new DomainError(code, {
    key,
    params: { field: path, ...params },
    message: `${key}: ${path}`,
    issues: [{ path, key, params }],
  });
}

// ---- small field checks; each returns the value when valid, otherwise records an issue --------

export function isPresent(v: unknown): boolean {
  return v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '');
}

export function checkText(
  issues: Issues,
  path: string,
  v: unknown,
  opts: { readonly required?: boolean; readonly max?: number } = {},
): string | undefined {
  const { required = true, max = 200 } = opts;
  if (!isPresent(v)) {
    if (required) issues.add(path, 'programs.field.required');
    return undefined;
  }
  if (typeof v !== 'string') {
    issues.add(path, 'programs.field.not_text');
    return undefined;
  }
  const t = v.trim();
  if (t.length > max) {
    issues.add(path, 'programs.field.too_long', { max });
    return undefined;
  }
  return t;
}

export function checkNumber(
  issues: Issues,
  path: string,
  v: unknown,
  opts: {
    readonly required?: boolean;
    readonly min?: number;
    readonly max?: number;
    readonly integer?: boolean;
    /** Strictly greater than zero (an amount of something given or measured). */
    readonly positive?: boolean;
    readonly unit?: string;
  } = {},
): number | undefined {
  const { required = true, min, max, integer = false, positive = false, unit = '' } = opts;
  if (!isPresent(v)) {
    if (required) issues.add(path, 'programs.field.required');
    return undefined;
  }
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    issues.add(path, 'programs.field.not_number');
    return undefined;
  }
  if (integer && !Number.isInteger(v)) {
    issues.add(path, 'programs.field.not_integer');
    return undefined;
  }
  if (positive && v <= 0) {
    issues.add(path, 'programs.field.not_positive');
    return undefined;
  }
  if ((min !== undefined && v < min) || (max !== undefined && v > max)) {
    if (min !== undefined && max !== undefined) issues.add(path, 'programs.field.out_of_range', { min, max, unit, value: v });
    else if (min !== undefined) issues.add(path, 'programs.field.too_small', { min, unit, value: v });
    else issues.add(path, 'programs.field.too_large', { max: max!, unit, value: v });
    return undefined;
  }
  return v;
}

export function checkOneOf<T extends string>(
  issues: Issues,
  path: string,
  v: unknown,
  allowed: ReadonlyArray<T>,
  opts: { readonly required?: boolean } = {},
): T | undefined {
  const { required = true } = opts;
  if (!isPresent(v)) {
    if (required) issues.add(path, 'programs.field.required');
    return undefined;
  }
  if (typeof v !== 'string' || !(allowed as ReadonlyArray<string>).includes(v)) {
    issues.add(path, 'programs.field.not_allowed', { allowed: allowed.join(', ') });
    return undefined;
  }
  return v as T;
}

/** Deep-freezes plain data so validated values can be shared safely. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const k of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[k]);
  }
  return value;
}
