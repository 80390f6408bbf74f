import type { ScaleIssue } from './scale-error.ts';

/**
 * A small structural checker for imported JSON: types, required fields, enums, patterns and
 * unknown fields, each reported with its path in both languages. Semantic checks (references,
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
  | { readonly t: 'either'; readonly shapes: ReadonlyArray<Shape>; readonly en: string; readonly ja: string };

export interface Field {
  readonly shape: Shape;
  readonly optional?: boolean;
}

// Imports come from outside: bound their size so a hostile file cannot make validation expensive.
const defaultMaxLength = 4000;
const defaultMaxItems = 500;

const typeNames: Record<string, { en: string; ja: string }> = {
  string: { en: 'a string', ja: '文字列' },
  number: { en: 'a number', ja: '数値' },
  boolean: { en: 'true or false', ja: '真偽値（true / false）' },
  array: { en: 'an array', ja: '配列' },
  object: { en: 'an object', ja: 'オブジェクト' },
};

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

function typeIssue(path: string, expected: string, value: unknown): ScaleIssue {
  const n = typeNames[expected] ?? { en: expected, ja: expected };
  return {
    path,
    code: 'wrong_type',
    en: `must be ${n.en} (got ${describe(value)})`,
    ja: `${n.ja}でなければなりません（実際は ${describe(value)}）`,
  };
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
 * const issues: ScaleIssue[] = [];
 * checkShape({ id: 1 }, { t: 'object', fields: { id: req({ t: 'string' }) } }, '', issues); // issues[0].path === 'id'
 */
export function checkShape(value: unknown, shape: Shape, path: string, issues: ScaleIssue[]): void {
  switch (shape.t) {
    case 'string':
      if (typeof value !== 'string') {
        issues.push(typeIssue(path, 'string', value));
      } else if (value.trim() === '') {
        issues.push({ path, code: 'empty', en: 'must not be empty', ja: '空にできません' });
      } else if (value.length > (shape.maxLength ?? defaultMaxLength)) {
        const max = shape.maxLength ?? defaultMaxLength;
        issues.push({ path, code: 'too_long', en: `must be at most ${max} characters (got ${value.length})`, ja: `${max} 文字以内にしてください（${value.length} 文字）` });
      } else if (shape.pattern && !shape.pattern.test(value)) {
        issues.push({
          path,
          code: 'pattern',
          en: `"${value}" is not valid here (${shape.hint ?? shape.pattern.source})`,
          ja: `「${value}」はここでは使えません（${shape.hint ?? shape.pattern.source}）`,
        });
      }
      return;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        issues.push(typeIssue(path, 'number', value));
      } else if (shape.integer && !Number.isInteger(value)) {
        issues.push({ path, code: 'not_integer', en: `must be an integer (got ${value})`, ja: `整数でなければなりません（${value}）` });
      } else if (shape.min !== undefined && value < shape.min) {
        issues.push({ path, code: 'too_small', en: `must be at least ${shape.min} (got ${value})`, ja: `${shape.min} 以上でなければなりません（${value}）` });
      } else if (shape.max !== undefined && value > shape.max) {
        issues.push({ path, code: 'too_large', en: `must be at most ${shape.max} (got ${value})`, ja: `${shape.max} 以下でなければなりません（${value}）` });
      }
      return;
    case 'boolean':
      if (typeof value !== 'boolean') issues.push(typeIssue(path, 'boolean', value));
      return;
    case 'enum':
      if (typeof value !== 'string' || !shape.values.includes(value)) {
        issues.push({
          path,
          code: 'not_allowed',
          en: `must be one of ${shape.values.join(', ')} (got ${JSON.stringify(value)})`,
          ja: `${shape.values.join('、')} のいずれかでなければなりません（${JSON.stringify(value)}）`,
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
          code: 'too_few',
          en: `needs at least ${shape.minItems} entries (got ${value.length})`,
          ja: `${shape.minItems} 個以上必要です（${value.length} 個）`,
        });
      }
      if (value.length > (shape.maxItems ?? defaultMaxItems)) {
        const max = shape.maxItems ?? defaultMaxItems;
        issues.push({ path, code: 'too_many', en: `must have at most ${max} entries (got ${value.length})`, ja: `${max} 個以内にしてください（${value.length} 個）` });
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
            code: 'unknown_field',
            en: `unknown field "${key}"`,
            ja: `未知のフィールド「${key}」です`,
          });
        }
      }
      for (const [key, field] of Object.entries(shape.fields)) {
        const p = path ? `${path}.${key}` : key;
        if (value[key] === undefined) {
          if (!field.optional) issues.push({ path: p, code: 'required', en: 'is required', ja: '必須です' });
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
          code: 'not_allowed',
          en: `must be one of ${Object.keys(shape.variants).join(', ')} (got ${JSON.stringify(tag)})`,
          ja: `${Object.keys(shape.variants).join('、')} のいずれかでなければなりません（${JSON.stringify(tag)}）`,
        });
        return;
      }
      checkShape(value, variant, path, issues);
      return;
    }
    case 'either': {
      for (const s of shape.shapes) {
        const trial: ScaleIssue[] = [];
        checkShape(value, s, path, trial);
        if (trial.length === 0) return;
      }
      issues.push({ path, code: 'wrong_shape', en: shape.en, ja: shape.ja });
      return;
    }
  }
}
