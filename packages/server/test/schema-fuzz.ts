/**
 * Bad values for every nested path of a route's JSON schema (as the OpenAPI document states it,
 * generated from the routes' zod schemas): wrong types, NUL, lone surrogates, values one past a
 * bound, and nested junk where the schema accepts anything (the core checks those fields).
 */

export interface JsonSchema {
  readonly type?: string | ReadonlyArray<string>;
  readonly nullable?: boolean;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: ReadonlyArray<string>;
  readonly items?: JsonSchema;
  readonly anyOf?: ReadonlyArray<JsonSchema>;
  readonly oneOf?: ReadonlyArray<JsonSchema>;
  readonly allOf?: ReadonlyArray<JsonSchema>;
  readonly enum?: ReadonlyArray<unknown>;
  readonly const?: unknown;
  readonly pattern?: string;
  readonly format?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number | boolean;
  readonly exclusiveMaximum?: number | boolean;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly additionalProperties?: boolean | JsonSchema;
}

export type Path = ReadonlyArray<string | number>;

export interface Mutation {
  readonly path: Path;
  readonly label: string;
  readonly value: unknown;
  /** The schema refuses this value (or the central text check does): the answer must be 4xx. */
  readonly certainlyBad: boolean;
}

/** Candidate strings for patterned fields; the first the pattern accepts is used. */
const PATTERN_SAMPLES = [
  'f'.repeat(32), '2026-12-02', '09:00', 'phq9', 'example-program', '123456', 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AbCd', 'demo.user', 'abc',
  '+819012345678', '090-1234-5678', '100-0001', 'A12345', 'abc-1', 'x',
];

function options(s: JsonSchema): ReadonlyArray<JsonSchema> {
  return [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])];
}

/** The JSON types a schema allows; `any` when it says nothing. */
export function allowedTypes(s: JsonSchema): Set<string> {
  const out = new Set<string>();
  if (s.const !== undefined || s.enum) {
    for (const v of s.enum ?? [s.const]) out.add(v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' ? 'number' : typeof v);
  }
  const t = s.type === undefined ? [] : typeof s.type === 'string' ? [s.type] : s.type;
  for (const x of t) out.add(x === 'integer' ? 'integer' : x);
  if (s.nullable) out.add('null');
  for (const o of options(s)) for (const x of allowedTypes(o)) out.add(x);
  if (out.size === 0 && options(s).length === 0) out.add('any');
  return out;
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typeAllowed(v: unknown, types: Set<string>): boolean {
  if (types.has('any')) return true;
  const t = jsonType(v);
  if (t === 'integer') return types.has('integer') || types.has('number');
  return types.has(t);
}

/** A plausible value for a schema (valid where that is easy; every nested container is present). */
export function sample(s: JsonSchema, depth = 0): unknown {
  if (depth > 8) return undefined;
  if (s.const !== undefined) return s.const;
  if (s.enum && s.enum.length > 0) return s.enum[0];
  const opt = options(s).find((o) => !allowedTypes(o).has('null') || allowedTypes(o).size > 1);
  if (opt && !s.type) return sample(opt, depth + 1);
  const types = allowedTypes(s);
  if (types.has('object')) {
    const o: Record<string, unknown> = {};
    for (const [k, p] of Object.entries(s.properties ?? {})) {
      const v = sample(p, depth + 1);
      if (v !== undefined) o[k] = v;
    }
    return o;
  }
  if (types.has('array')) {
    const item = s.items ? sample(s.items, depth + 1) : 'x';
    return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => item);
  }
  if (types.has('string')) {
    if (s.format === 'date-time') return '2026-12-02T01:00:00.000Z';
    if (s.format === 'date') return '2026-12-02';
    if (s.format === 'email') return 'a@example.test';
    if (s.format === 'uri') return 'https://example.test/';
    if (s.pattern) {
      const re = new RegExp(s.pattern);
      return PATTERN_SAMPLES.find((c) => re.test(c)) ?? 'x';
    }
    return 'x'.repeat(Math.min(Math.max(1, s.minLength ?? 1), s.maxLength ?? 1));
  }
  if (types.has('integer') || types.has('number')) {
    const min = typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum + 1 : (s.minimum ?? 1);
    return Math.min(min, s.maximum ?? min);
  }
  if (types.has('boolean')) return true;
  return undefined;
}

/** Every node of a schema with its path (array items at index 0, records under a made-up key). */
export function schemaNodes(s: JsonSchema, path: Path = [], depth = 0): Array<{ path: Path; schema: JsonSchema }> {
  if (depth > 8) return [];
  const out: Array<{ path: Path; schema: JsonSchema }> = [{ path, schema: s }];
  for (const [k, p] of Object.entries(s.properties ?? {})) out.push(...schemaNodes(p, [...path, k], depth + 1));
  if (s.items) out.push(...schemaNodes(s.items, [...path, 0], depth + 1));
  if (typeof s.additionalProperties === 'object') out.push(...schemaNodes(s.additionalProperties, [...path, 'k'], depth + 1));
  for (const o of options(s)) for (const n of schemaNodes(o, path, depth + 1).slice(1)) out.push(n);
  return out;
}

/** Nested junk for fields the schema leaves to the core: shapes a careless check would trip on. */
const LOOSE_JUNK: ReadonlyArray<[string, unknown]> = [
  ['string', 'x'], ['number', 1], ['object', {}], ['[null]', [null]], ['[1,"x"]', [1, 'x']], ['[{}]', [{}]], ['{x:[null]}', { x: [null] }],
  ['[[{}]]', [[{}]]], ['[{nested junk}]', [{ id: {}, label: [null], scales: {}, text: 1, contentHash: {}, severity: 'x' }]], ['-1e308', -1e308],
];

/** The bad values to try at one node. */
export function mutationsAt(path: Path, s: JsonSchema): Mutation[] {
  const types = allowedTypes(s);
  const out: Mutation[] = [
    { path, label: 'NUL', value: 'a\u0000b', certainlyBad: true },
    { path, label: 'lone surrogate', value: '\ud800太郎', certainlyBad: true },
    { path, label: 'C1 control', value: 'a\u0085b', certainlyBad: true },
  ];
  if (types.has('object')) out.push({ path: [...path, 'a\u0000b'], label: 'NUL in a key', value: 1, certainlyBad: true });
  if (types.has('any')) {
    for (const [label, value] of LOOSE_JUNK) out.push({ path, label: `loose ${label}`, value, certainlyBad: false });
    return out;
  }
  for (const [label, value] of [['number', 1.5], ['string', 'x'], ['boolean', true], ['null', null], ['object', { x: 1 }], ['array', [null]]] as const) {
    if (!typeAllowed(value, types)) out.push({ path, label: `wrong type ${label}`, value, certainlyBad: true });
  }
  if (types.has('string') && s.maxLength !== undefined && s.maxLength < 300_000) {
    out.push({ path, label: 'one char too long', value: 'あ'.repeat(s.maxLength + 1), certainlyBad: true });
  } else if (types.has('string') && s.maxLength === undefined && !s.pattern && !s.enum && !s.format) {
    out.push({ path, label: 'huge string', value: 'x'.repeat(200_000), certainlyBad: false });
  }
  if ((types.has('integer') || types.has('number')) && !types.has('string')) {
    out.push({ path, label: 'huge number', value: 1e308, certainlyBad: s.maximum !== undefined || typeof s.exclusiveMaximum === 'number' });
    if (s.minimum !== undefined) out.push({ path, label: 'below minimum', value: s.minimum - 1, certainlyBad: true });
  }
  if (types.has('array') && s.maxItems !== undefined && s.maxItems < 5_000) {
    const item = s.items ? sample(s.items) : 'x';
    out.push({ path, label: 'one item too many', value: Array.from({ length: s.maxItems + 1 }, () => item), certainlyBad: true });
  }
  return out;
}

/** A copy of `base` with `value` at `path`, creating containers on the way. */
export function setAt(base: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const container: Record<string | number, unknown> | unknown[] =
    typeof head === 'number' ? (Array.isArray(base) ? [...base] : []) : base !== null && typeof base === 'object' && !Array.isArray(base) ? { ...base } : {};
  (container as Record<string | number, unknown>)[head!] = setAt((container as Record<string | number, unknown>)[head!], rest, value);
  return container;
}
