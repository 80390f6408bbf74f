import type { Issue } from '../errors/domain-error.ts';

/**
 * A small structural checker for imported JSON: types, required fields, enums, patterns and
 * unknown fields, each reported with its path, a message key of `SCALE_MESSAGES` and its params. Semantic checks (references,
 * bands, ranges) live in `validate-scale-definition.ts`.
 */
export type Shape =
  | { readonly t: 'string'; readonly pattern?: RegExp; readonly hint?: string; readonly maxLength?: number }
  | { readonly t: 'number'; readonly integer?: boolean; readonly min?: number; readonly max?: number }
  | { readonly t: 'boolean' }
  | { readonly t: 'enum'; readonly values: ReadonlyArray<string> }
  | { readonly t: 'array'; readonly of: Shape; readonly minItems?: number; readonly maxItems?: number }
  | { readonly t: 'object'; readonly fields: Readonly<Record<string, Field>> }
  | { readonly t: 'record'; readonly of: Shape }
  | { readonly t: 'nullable'; readonly of: Shape }
  | { readonly t: 'union'; readonly key: string; readonly variants: Readonly<Record<string, Shape>> }
  /** One of `shapes`; otherwise the issue `key` (a message of `SCALE_MESSAGES`). */
  | { readonly t: 'either'; readonly shapes: ReadonlyArray<Shape>; readonly key: string };

export interface Field {
  readonly shape: Shape;
  readonly optional?: boolean;
}

// Imports come from outside: bound their size so a hostile file cannot make validation expensive.
const defaultMaxLength = 4000;
const defaultMaxItems = 500;

/**
 * The JSON type of a value, for messages.
 *
 * @example
 * describe([]); // 'array'
 */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function typeIssue(path: string, expected: string, value: unknown): Issue {
  // One message per expected JSON type (`scale.wrong_type.number`, …), with the type it got.
  return { path, key: `scale.wrong_type.${expected}`, params: { got: describe(value) } };
}

/**
 * A required field.
 *
 * @example
 * const fields = { id: req({ t: 'string' }) };
 */
export function req(shape: Shape): Field {
  return { shape };
}
/**
 * An optional field.
 *
 * @example
 * const fields = { note: opt({ t: 'string' }) };
 */
export function opt(shape: Shape): Field {
  return { shape, optional: true };
}

/**
 * Checks `value` against `shape`, appending issues; never throws.
 *
 * @example
 * const issues: Issue[] = [];
 * checkShape({ id: 1 }, { t: 'object', fields: { id: req({ t: 'string' }) } }, '', issues); // issues[0].path === 'id'
 */
export function checkShape(value: unknown, shape: Shape, path: string, issues: Issue[]): void {
  switch (shape.t) {
    case 'string':
      if (typeof value !== 'string') {
        issues.push(typeIssue(path, 'string', value));
      } else if (value.trim() === '') {
        issues.push({ path, key: 'scale.empty.text', params: {} });
      } else if (value.length > (shape.maxLength ?? defaultMaxLength)) {
        const max = shape.maxLength ?? defaultMaxLength;
        issues.push({ path, key: 'scale.too_long.most_characters_got', params: { max, length: value.length } });
      } else if (shape.pattern && !shape.pattern.test(value)) {
        issues.push({
          path,
          key: 'scale.pattern.not_valid_here',
          params: { value, hint: shape.hint ?? shape.pattern.source },
        });
      }
      return;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        issues.push(typeIssue(path, 'number', value));
      } else if (shape.integer && !Number.isInteger(value)) {
        issues.push({ path, key: 'scale.not_integer.integer_got', params: { value } });
      } else if (shape.min !== undefined && value < shape.min) {
        issues.push({ path, key: 'scale.too_small.least_got', params: { min: shape.min, value } });
      } else if (shape.max !== undefined && value > shape.max) {
        issues.push({ path, key: 'scale.too_large.most_got', params: { max: shape.max, value } });
      }
      return;
    case 'boolean':
      if (typeof value !== 'boolean') issues.push(typeIssue(path, 'boolean', value));
      return;
    case 'enum':
      if (typeof value !== 'string' || !shape.values.includes(value)) {
        issues.push({
          path,
          key: 'scale.not_allowed.one_got',
          params: { values: shape.values.join(', '), value: JSON.stringify(value), valuesJa: shape.values.join('、') },
        });
      }
      return;
    case 'array':
      if (!Array.isArray(value)) {
        issues.push(typeIssue(path, 'array', value));
        return;
      }
      if (shape.minItems !== undefined && value.length < shape.minItems) {
        issues.push({
          path,
          key: 'scale.too_few.needs_least_entries',
          params: { minItems: shape.minItems, length: value.length },
        });
      }
      if (value.length > (shape.maxItems ?? defaultMaxItems)) {
        const max = shape.maxItems ?? defaultMaxItems;
        issues.push({ path, key: 'scale.too_many.have_most_entries', params: { max, length: value.length } });
        return;
      }
      value.forEach((v, i) => checkShape(v, shape.of, `${path}[${i}]`, issues));
      return;
    case 'object': {
      if (!isPlainObject(value)) {
        issues.push(typeIssue(path, 'object', value));
        return;
      }
      for (const key of Object.keys(value)) {
        if (!(key in shape.fields)) {
          issues.push({
            path: path ? `${path}.${key}` : key,
            key: 'scale.unknown_field.unknown_field',
            params: { key },
          });
        }
      }
      for (const [key, field] of Object.entries(shape.fields)) {
        const p = path ? `${path}.${key}` : key;
        if (value[key] === undefined) {
          if (!field.optional) issues.push({ path: p, key: 'scale.required.field', params: {} });
          continue;
        }
        checkShape(value[key], field.shape, p, issues);
      }
      return;
    }
    case 'record':
      if (!isPlainObject(value)) {
        issues.push(typeIssue(path, 'object', value));
        return;
      }
      for (const [k, v] of Object.entries(value)) checkShape(v, shape.of, `${path}.${k}`, issues);
      return;
    case 'nullable':
      if (value !== null) checkShape(value, shape.of, path, issues);
      return;
    case 'union': {
      if (!isPlainObject(value)) {
        issues.push(typeIssue(path, 'object', value));
        return;
      }
      const tag = value[shape.key];
      const variant = typeof tag === 'string' ? shape.variants[tag] : undefined;
      if (!variant) {
        issues.push({
          path: `${path}.${shape.key}`,
          key: 'scale.not_allowed.one_got',
          params: { values: Object.keys(shape.variants).join(', '), value: JSON.stringify(tag), valuesJa: Object.keys(shape.variants).join('、') },
        });
        return;
      }
      checkShape(value, variant, path, issues);
      return;
    }
    case 'either': {
      for (const s of shape.shapes) {
        const trial: Issue[] = [];
        checkShape(value, s, path, trial);
        if (trial.length === 0) return;
      }
      issues.push({ path, key: shape.key });
      return;
    }
  }
}
