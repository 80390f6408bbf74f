import { checkShape, opt, req, type Shape } from './definition-shape.ts';
import { optionBounds } from './item-score.ts';
import type { ItemCondition, MissingRule, ScaleDefinition, ScaleItem, SumScoring } from './scale-definition.ts';
import type { ErrorParams, Issue } from '../errors/domain-error.ts';
import { scaleValidationError } from './scale-error.ts';

const ID = /^[a-z][a-z0-9_]{0,39}$/;
const idHint = 'lower-case letters, digits and _, starting with a letter';
const id: Shape = { t: 'string', pattern: ID, hint: idHint };
const text: Shape = { t: 'string' };
const localized: Shape = { t: 'object', fields: { ja: opt(text), en: opt(text) } };
const int: Shape = { t: 'number', integer: true };
const source: Shape = { t: 'object', fields: { citation: req(text), url: opt(text), uncertain: opt({ t: 'boolean' }) } };
const sources: Shape = { t: 'array', of: source };
const condition: Shape = { t: 'object', fields: { item: req(id), atLeast: req(int) } };
const idList: Shape = { t: 'array', of: id };
const basis: Shape = { t: 'enum', values: ['published', 'project-convention'] };

const missingRule: Shape = {
  t: 'union',
  key: 'kind',
  variants: {
    'none-allowed': {
      t: 'object',
      fields: { kind: req(text), basis: req(basis), note: opt(localized), sources: opt(sources) },
    },
    prorate: {
      t: 'object',
      fields: {
        kind: req(text),
        maxMissing: req({ t: 'number', integer: true, min: 1 }),
        required: opt(idList),
        basis: req(basis),
        note: opt(localized),
        sources: opt(sources),
      },
    },
  },
};

const option: Shape = {
  t: 'object',
  fields: { value: req(int), code: opt({ t: 'string', pattern: /^[A-Za-z0-9_.-]+$/, hint: 'letters, digits, _ . -' }), label: opt(localized) },
};

const item: Shape = {
  t: 'object',
  fields: {
    id: req(id),
    text: opt(localized),
    options: req({ t: 'array', of: option, minItems: 2, maxItems: 50 }),
    scored: opt({ t: 'boolean' }),
    optional: opt({ t: 'boolean' }),
    enableWhen: opt(condition),
    loinc: opt({ t: 'string', pattern: /^\d{1,7}-\d$/, hint: 'a LOINC code like 44261-6' }),
  },
};

const subscale: Shape = {
  t: 'object',
  fields: {
    id: req(id),
    name: req(localized),
    items: req({ t: 'array', of: id, minItems: 1 }),
    missing: opt(missingRule),
    cutoff: opt({ t: 'object', fields: { atLeast: req(int), label: req(localized), sources: req(sources) } }),
  },
};

const scoring: Shape = {
  t: 'union',
  key: 'method',
  variants: {
    sum: {
      t: 'object',
      fields: {
        method: req(text),
        range: req({ t: 'object', fields: { min: req(int), max: req(int) } }),
        total: opt({
          t: 'either',
          shapes: [
            { t: 'object', fields: { items: req({ t: 'array', of: id, minItems: 1 }) } },
            { t: 'object', fields: { subscales: req({ t: 'array', of: id, minItems: 1 }) } },
          ],
          key: 'scale.wrong_shape.total',
        }),
        reverseItems: req(idList),
        weights: opt({ t: 'record', of: { t: 'number', integer: true, min: 1 } }),
        maxGroups: opt({
          t: 'array',
          of: { t: 'object', fields: { id: req(id), items: req({ t: 'array', of: id, minItems: 2 }), name: opt(localized) } },
        }),
        multiplier: opt({ t: 'number', integer: true, min: 1 }),
        subscales: req({ t: 'array', of: subscale }),
        missing: req(missingRule),
      },
    },
    triage: {
      t: 'object',
      fields: {
        method: req(text),
        rules: req({
          t: 'array',
          minItems: 1,
          of: { t: 'object', fields: { band: req(id), anyOf: req({ t: 'array', of: condition, minItems: 1 }) } },
        }),
        fallbackBand: req(id),
        missing: req(missingRule),
      },
    },
  },
};

const band: Shape = { t: 'object', fields: { id: req(id), label: req(localized), min: opt(int), max: opt(int) } };

/** The JSON shape of a scale definition (see `scale-definition.ts` for the meaning of each field). */
export const scaleDefinitionShape: Shape = {
  t: 'object',
  fields: {
    id: req(id),
    version: req({ t: 'string', pattern: /^\d+\.\d+\.\d+$/, hint: 'semantic version like 1.0.0' }),
    name: req(localized),
    shortName: req(text),
    informants: req({ t: 'array', minItems: 1, of: { t: 'enum', values: ['self', 'parent', 'teacher', 'clinician'] } }),
    recallPeriod: opt(localized),
    instructions: opt(localized),
    direction: req({ t: 'enum', values: ['higher-is-worse', 'higher-is-better'] }),
    licence: req({
      t: 'object',
      fields: {
        class: req({ t: 'enum', values: ['A', 'B', 'C', 'custom'] }),
        status: req({ t: 'enum', values: ['free', 'conditional', 'permission-required', 'commercial', 'clinic-owned'] }),
        textIncluded: req({ t: 'boolean' }),
        copyright: opt(text),
        attribution: req(localized),
        sources: req(sources),
      },
    }),
    textSource: req({
      t: 'object',
      fields: { kind: req({ t: 'enum', values: ['builtin', 'none', 'imported', 'custom'] }), note: opt(localized) },
    }),
    items: req({ t: 'array', of: item, minItems: 1 }),
    scoring: req(scoring),
    bandSets: req({
      t: 'array',
      of: {
        t: 'object',
        fields: {
          id: req(id),
          name: req(localized),
          bands: req({ t: 'array', of: band, minItems: 1 }),
          sources: req(sources),
          note: opt(localized),
          informants: opt({ t: 'array', minItems: 1, of: { t: 'enum', values: ['self', 'parent', 'teacher', 'clinician'] } }),
        },
      },
    }),
    defaultBandSet: opt(id),
    response: opt({
      t: 'object',
      fields: { minReduction: req({ t: 'number', min: 0.01, max: 1 }), sources: req(sources), note: opt(localized) },
    }),
    remission: opt({ t: 'object', fields: { atMost: opt(int), atLeast: opt(int), sources: req(sources), note: opt(localized) } }),
    reliableChange: opt({
      t: 'object',
      fields: {
        sd: req({ t: 'nullable', of: { t: 'number', min: 0.000001 } }),
        reliability: req({ t: 'nullable', of: { t: 'number', min: 0, max: 0.999999 } }),
        sources: req(sources),
        note: opt(localized),
      },
    }),
    safety: req({
      t: 'array',
      of: {
        t: 'object',
        fields: {
          id: req(id),
          severity: req({ t: 'enum', values: ['alert', 'urgent'] }),
          anyOf: req({ t: 'array', of: condition, minItems: 1 }),
          action: req(localized),
          sources: req(sources),
        },
      },
    }),
    loinc: opt({
      t: 'object',
      fields: {
        panel: opt({ t: 'string', pattern: /^\d{1,7}-\d$/, hint: 'a LOINC code like 44249-1' }),
        total: opt({ t: 'string', pattern: /^\d{1,7}-\d$/, hint: 'a LOINC code like 44261-6' }),
        sources: req(sources),
      },
    }),
    ageRange: opt({ t: 'object', fields: { min: opt(int), max: opt(int) } }),
    notes: opt({ t: 'array', of: localized }),
  },
};

type Push = (path: string, key: string, params: ErrorParams) => void;

function checkLocalizedBoth(v: { ja?: string; en?: string } | undefined, path: string, push: Push): void {
  if (!v) return;
  if (!v.ja) push(`${path}.ja`, 'scale.required.japanese_text_required', {});
  if (!v.en) push(`${path}.en`, 'scale.required.english_text_required', {});
}

function duplicates(ids: ReadonlyArray<string>): Map<string, number[]> {
  const seen = new Map<string, number[]>();
  ids.forEach((x, i) => seen.set(x, [...(seen.get(x) ?? []), i]));
  return new Map([...seen].filter(([, at]) => at.length > 1));
}

function checkItems(d: ScaleDefinition, push: Push): void {
  for (const [dup, at] of duplicates(d.items.map((i) => i.id))) {
    push(`items[${at[1]}].id`, 'scale.duplicate_id.duplicate_item_id', { dup, at0: at[0] });
  }
  d.items.forEach((it, i) => {
    const values = it.options.map((o) => o.value);
    for (const [dup, at] of duplicates(values.map(String))) {
      push(`items[${i}].options[${at[1]}].value`, 'scale.duplicate_value.option_value_appears', { dup, id: it.id });
    }
    const asc = values.every((v, k) => k === 0 || v > values[k - 1]);
    const desc = values.every((v, k) => k === 0 || v < values[k - 1]);
    if (!asc && !desc) {
      const k = values.findIndex((v, j) => j > 1 && (v - values[j - 1]) * (values[1] - values[0]) <= 0);
      push(
        `items[${i}].options[${k > 0 ? k : 1}].value`,
        'scale.options_out_of_order.options_item_strictly',
        { id: it.id, values: values.join(', ') },
      );
    }
    const codes = it.options.map((o) => o.code).filter((c): c is string => c !== undefined);
    for (const [dup] of duplicates(codes)) {
      push(`items[${i}].options`, 'scale.duplicate_code.option_code_appears', { dup, id: it.id });
    }
    if (it.enableWhen) {
      const target = d.items.findIndex((x) => x.id === it.enableWhen?.item);
      if (target < 0 || target >= i) {
        push(`items[${i}].enableWhen.item`, 'scale.bad_reference.name_earlier_item', { item: it.enableWhen.item });
      }
    }
  });
}

function checkText(d: ScaleDefinition, push: Push): void {
  checkLocalizedBoth(d.name, 'name', push);
  const withText = d.items.map((it, i) => ({ it, i })).filter(({ it }) => it.text && (it.text.ja || it.text.en));
  if (d.textSource.kind === 'none' || !d.licence.textIncluded) {
    if (d.instructions) {
      push('instructions', 'scale.text_not_licensed.instructions_allowed_metadata', {});
    }
    d.items.forEach((it, i) =>
      it.options.forEach((o, k) => {
        // Generic coded answers (yes/no) may keep their labels; instrument anchors may not.
        if (o.label && o.code === undefined) {
          push(`items[${i}].options[${k}].label`, 'scale.text_not_licensed.option_labels_allowed', {});
        }
      }),
    );
    for (const { i } of withText) {
      push(
        `items[${i}].text`,
        'scale.text_not_licensed.item_text_allowed',
        {},
      );
    }
    if (d.textSource.kind !== 'none') {
      push('textSource.kind', 'scale.inconsistent.none_licence_textincluded', {});
    }
  } else {
    d.items.forEach((it, i) => {
      if (!it.text || (!it.text.ja && !it.text.en)) {
        push(`items[${i}].text`, 'scale.required.item_needs_its', { id: it.id });
      }
    });
  }
}

function checkCondition(d: ScaleDefinition, c: ItemCondition, path: string, push: Push): void {
  const target = d.items.find((x) => x.id === c.item);
  if (!target) {
    push(`${path}.item`, 'scale.bad_reference.unknown_item', { item: c.item });
    return;
  }
  const { min, max } = optionBounds(target);
  if (c.atLeast <= min || c.atLeast > max) {
    push(
      `${path}.atLeast`,
      'scale.out_of_range.threshold_for_item',
      { atLeast: c.atLeast, item: c.item, min, max },
    );
  }
}

function checkMissingRule(rule: MissingRule, unitIds: ReadonlyArray<string>, path: string, push: Push): void {
  if (rule.kind !== 'prorate') return;
  if (rule.maxMissing >= unitIds.length) {
    push(`${path}.maxMissing`, 'scale.out_of_range.less_than_scored', { length: unitIds.length });
  }
  (rule.required ?? []).forEach((r, k) => {
    if (!unitIds.includes(r)) push(`${path}.required[${k}]`, 'scale.bad_reference.scored_item_group', { r });
  });
}

/** Units (items or max-groups) that a list of items forms. */
function unitsOf(s: SumScoring, itemIds: ReadonlyArray<string>): string[] {
  const grouped = new Set<string>();
  const units: string[] = [];
  for (const g of s.maxGroups ?? []) {
    if (g.items.some((i) => itemIds.includes(i))) {
      units.push(g.id);
      g.items.forEach((i) => grouped.add(i));
    }
  }
  return [...units, ...itemIds.filter((i) => !grouped.has(i))];
}

/** Lowest and highest possible sum of the listed items under the scoring rules. */
function possibleRange(d: ScaleDefinition, s: SumScoring, itemIds: ReadonlyArray<string>): { min: number; max: number } {
  const bound = (id: string): { min: number; max: number } => {
    const it = d.items.find((x) => x.id === id) as ScaleItem;
    const b = optionBounds(it);
    const w = s.weights?.[id] ?? 1;
    return { min: b.min * w, max: b.max * w };
  };
  let min = 0;
  let max = 0;
  const grouped = new Set<string>();
  for (const g of s.maxGroups ?? []) {
    const ids = g.items.filter((i) => itemIds.includes(i));
    if (ids.length === 0) continue;
    ids.forEach((i) => grouped.add(i));
    min += Math.max(...ids.map((i) => bound(i).min));
    max += Math.max(...ids.map((i) => bound(i).max));
  }
  for (const id of itemIds) {
    if (grouped.has(id)) continue;
    const it = d.items.find((x) => x.id === id) as ScaleItem;
    const b = bound(id);
    // Optional or conditionally asked items may be absent, contributing nothing.
    min += it.optional || it.enableWhen ? Math.min(0, b.min) : b.min;
    max += b.max;
  }
  return { min, max };
}

function checkSumScoring(d: ScaleDefinition, s: SumScoring, push: Push): void {
  const itemIds = d.items.map((i) => i.id);
  const ref = (x: string, path: string): boolean => {
    if (itemIds.includes(x)) return true;
    push(path, 'scale.bad_reference.unknown_item', { item: x });
    return false;
  };
  s.reverseItems.forEach((x, k) => ref(x, `scoring.reverseItems[${k}]`));
  for (const [dup] of duplicates(s.reverseItems)) push('scoring.reverseItems', 'scale.duplicate_id.listed_twice', { dup });
  Object.keys(s.weights ?? {}).forEach((x) => ref(x, `scoring.weights.${x}`));
  const groupItems: string[] = [];
  (s.maxGroups ?? []).forEach((g, k) => {
    g.items.forEach((x, j) => ref(x, `scoring.maxGroups[${k}].items[${j}]`));
    groupItems.push(...g.items);
    if (itemIds.includes(g.id)) push(`scoring.maxGroups[${k}].id`, 'scale.duplicate_id.group_id_also', { id: g.id });
  });
  for (const [dup] of duplicates(groupItems)) push('scoring.maxGroups', 'scale.duplicate_id.item_more_than', { dup });
  for (const [dup, at] of duplicates(s.subscales.map((x) => x.id))) {
    push(`scoring.subscales[${at[1]}].id`, 'scale.duplicate_id.duplicate_subscale_id', { dup });
  }
  let refsOk = s.reverseItems.every((x) => itemIds.includes(x)) && groupItems.every((x) => itemIds.includes(x));
  s.subscales.forEach((sub, k) => {
    checkLocalizedBoth(sub.name, `scoring.subscales[${k}].name`, push);
    sub.items.forEach((x, j) => {
      if (!ref(x, `scoring.subscales[${k}].items[${j}]`)) refsOk = false;
    });
    for (const [dup] of duplicates(sub.items)) push(`scoring.subscales[${k}].items`, 'scale.duplicate_id.listed_twice', { dup });
    if (refsOk && sub.missing) checkMissingRule(sub.missing, unitsOf(s, sub.items), `scoring.subscales[${k}].missing`, push);
  });
  if (!refsOk) return;

  let declared: { min: number; max: number };
  const spec = s.total;
  let totalUnits: string[];
  if (spec && 'subscales' in spec) {
    let min = 0;
    let max = 0;
    totalUnits = [];
    for (const [k, sid] of spec.subscales.entries()) {
      const sub = s.subscales.find((x) => x.id === sid);
      if (!sub) {
        push(`scoring.total.subscales[${k}]`, 'scale.bad_reference.unknown_subscale', { sid });
        return;
      }
      const r = possibleRange(d, s, sub.items);
      min += r.min;
      max += r.max;
      totalUnits.push(...unitsOf(s, sub.items));
    }
    declared = { min, max };
  } else {
    const ids = spec ? spec.items : d.items.filter((i) => i.scored !== false).map((i) => i.id);
    if (spec && !spec.items.every((x, k) => ref(x, `scoring.total.items[${k}]`))) return;
    if (ids.length === 0) {
      push('items', 'scale.required.least_one_item', {});
      return;
    }
    declared = possibleRange(d, s, ids);
    totalUnits = unitsOf(s, ids);
  }
  if (!(spec && 'subscales' in spec)) checkMissingRule(s.missing, totalUnits, 'scoring.missing', push);
  const m = s.multiplier ?? 1;
  if (s.range.min !== declared.min * m || s.range.max !== declared.max * m) {
    push(
      'scoring.range',
      'scale.range_mismatch.options_give_totals',
      { lowest: declared.min * m, highest: declared.max * m, min: s.range.min, max: s.range.max },
    );
  }
}

function checkBands(d: ScaleDefinition, push: Push): void {
  for (const [dup, at] of duplicates(d.bandSets.map((b) => b.id))) {
    push(`bandSets[${at[1]}].id`, 'scale.duplicate_id.duplicate_band_set', { dup });
  }
  if (d.bandSets.length > 0 && d.defaultBandSet === undefined) {
    push('defaultBandSet', 'scale.required.required_there_band', {});
  }
  if (d.defaultBandSet !== undefined && !d.bandSets.some((b) => b.id === d.defaultBandSet)) {
    push('defaultBandSet', 'scale.bad_reference.unknown_band_set', { defaultBandSet: d.defaultBandSet });
  }
  const s = d.scoring;
  d.bandSets.forEach((set, k) => {
    checkLocalizedBoth(set.name, `bandSets[${k}].name`, push);
    for (const [dup, at] of duplicates(set.bands.map((b) => b.id))) {
      push(`bandSets[${k}].bands[${at[1]}].id`, 'scale.duplicate_id.duplicate_band_id', { dup });
    }
    set.bands.forEach((b, j) => checkLocalizedBoth(b.label, `bandSets[${k}].bands[${j}].label`, push));
    if (s.method === 'triage') {
      set.bands.forEach((b, j) => {
        if (b.min !== undefined || b.max !== undefined) {
          push(`bandSets[${k}].bands[${j}]`, 'scale.not_allowed.triage_bands_have', {});
        }
      });
      return;
    }
    let prevMax: number | null = null;
    set.bands.forEach((b, j) => {
      const p = `bandSets[${k}].bands[${j}]`;
      if (b.min === undefined || b.max === undefined) {
        push(p, 'scale.required.needs_min_max', {});
        prevMax = null;
        return;
      }
      if (b.min > b.max) push(`${p}.max`, 'scale.out_of_range.max_below_min', { max: b.max, min: b.min });
      if (j === 0 && b.min !== s.range.min) {
        push(`${p}.min`, 'scale.band_gap.first_band_start', { min: s.range.min, min2: b.min });
      }
      if (prevMax !== null) {
        if (b.min > prevMax + 1) {
          push(`${p}.min`, 'scale.band_gap.gap_no_band', { from: prevMax + 1, to: b.min - 1 });
        } else if (b.min < prevMax + 1) {
          push(`${p}.min`, 'scale.band_overlap.overlap_two_bands', { min: b.min, prevMax });
        }
      }
      if (j === set.bands.length - 1 && b.max !== s.range.max) {
        push(`${p}.max`, 'scale.band_gap.last_band_end', { max: s.range.max, max2: b.max });
      }
      prevMax = b.max;
    });
  });
}

function semanticIssues(d: ScaleDefinition): Issue[] {
  const issues: Issue[] = [];
  const push: Push = (path, key, params) => issues.push({ path, key, params });
  checkItems(d, push);
  checkText(d, push);
  if (issues.some((i) => i.key.startsWith('scale.duplicate_id.') || i.key.startsWith('scale.bad_reference.'))) return issues;
  d.items.forEach((it, i) => it.enableWhen && checkCondition(d, it.enableWhen, `items[${i}].enableWhen`, push));
  d.safety.forEach((r, k) => r.anyOf.forEach((c, j) => checkCondition(d, c, `safety[${k}].anyOf[${j}]`, push)));
  checkBands(d, push);
  const s = d.scoring;
  if (s.method === 'sum') checkSumScoring(d, s, push);
  else {
    const defaultSet = d.bandSets.find((b) => b.id === d.defaultBandSet);
    const bandIds = defaultSet?.bands.map((b) => b.id) ?? [];
    s.rules.forEach((r, k) => {
      if (!bandIds.includes(r.band)) push(`scoring.rules[${k}].band`, 'scale.bad_reference.unknown_band', { band: r.band });
      r.anyOf.forEach((c, j) => checkCondition(d, c, `scoring.rules[${k}].anyOf[${j}]`, push));
    });
    if (!bandIds.includes(s.fallbackBand)) push('scoring.fallbackBand', 'scale.bad_reference.unknown_band', { band: s.fallbackBand });
    if (s.missing.kind !== 'none-allowed') push('scoring.missing.kind', 'scale.not_allowed.triage_scales_cannot', {});
  }
  if (s.method === 'sum') {
    const r = d.remission;
    if (r && r.atMost === undefined && r.atLeast === undefined) push('remission', 'scale.required.needs_atmost_atleast', {});
    for (const key of ['atMost', 'atLeast'] as const) {
      const v = r?.[key];
      if (v !== undefined && (v < s.range.min || v > s.range.max)) {
        push(`remission.${key}`, 'scale.out_of_range.within_scale_range', { min: s.range.min, max: s.range.max });
      }
    }
  } else if (d.response || d.remission || d.reliableChange) {
    push('scoring.method', 'scale.not_allowed.triage_scales_have', {});
  }
  for (const [dup] of duplicates(d.safety.map((r) => r.id))) push('safety', 'scale.duplicate_id.duplicate_safety_rule', { dup });
  return issues;
}

export type ValidationResult =
  | { readonly ok: true; readonly definition: ScaleDefinition }
  | { readonly ok: false; readonly issues: ReadonlyArray<Issue> };

function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null) {
    Object.values(v).forEach(deepFreeze);
    Object.freeze(v);
  }
  return v;
}

/**
 * Checks an imported definition (parsed JSON) and returns a frozen copy or every issue found, each
 * with the path of the offending field and a message in English and Japanese. Rejects wrong types,
 * unknown fields, duplicate ids, options out of order, band gaps and overlaps, ranges that do not
 * match the options, dangling references, and item text in a metadata-only definition.
 *
 * @example
 * const r = validateScaleDefinition(JSON.parse(body));
 * if (!r.ok) r.issues.forEach((i) => console.log(i.path, i.en, i.ja));
 */
export function validateScaleDefinition(input: unknown): ValidationResult {
  const issues: Issue[] = [];
  checkShape(input, scaleDefinitionShape, '', issues);
  if (issues.length > 0) return { ok: false, issues };
  const copy = JSON.parse(JSON.stringify(input)) as ScaleDefinition;
  const more = semanticIssues(copy);
  if (more.length > 0) return { ok: false, issues: more };
  return { ok: true, definition: deepFreeze(copy) };
}

/**
 * Like `validateScaleDefinition` but throws a `validation` DomainError listing every issue.
 *
 * @example
 * const definition = parseScaleDefinition(JSON.parse(body));
 */
export function parseScaleDefinition(input: unknown): ScaleDefinition {
  const r = validateScaleDefinition(input);
  if (!r.ok) throw scaleValidationError('scale_definition_invalid', r.issues);
  return r.definition;
}
