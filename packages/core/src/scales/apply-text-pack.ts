import { checkShape, opt, req, type Shape } from './definition-shape.ts';
import type { LocalizedText, ScaleDefinition } from './scale-definition.ts';
import type { Issue } from '../errors/domain-error.ts';
import { scaleValidationError } from './scale-error.ts';
import { validateScaleDefinition, type ValidationResult } from './validate-scale-definition.ts';

/**
 * Licensed wording for a metadata-only scale, loaded by a clinic that holds the licence. It adds
 * text only: ids, options, scoring and bands stay those of the definition version it names.
 */
export interface TextPack {
  readonly scaleId: string;
  readonly scaleVersion: string;
  /** Who holds the licence (shown with the text), e.g. "Mimamori Clinic, RCPsych permission 2026-04". */
  readonly licensee: string;
  readonly instructions?: LocalizedText;
  /** Item id → its wording and, optionally, labels keyed by option value. */
  readonly items: Readonly<Record<string, { readonly text: LocalizedText; readonly options?: Readonly<Record<string, LocalizedText>> }>>;
}

const localized: Shape = { t: 'object', fields: { ja: opt({ t: 'string' }), en: opt({ t: 'string' }) } };

const textPackShape: Shape = {
  t: 'object',
  fields: {
    scaleId: req({ t: 'string' }),
    scaleVersion: req({ t: 'string' }),
    licensee: req({ t: 'string' }),
    instructions: opt(localized),
    items: req({
      t: 'record',
      of: { t: 'object', fields: { text: req(localized), options: opt({ t: 'record', of: localized }) } },
    }),
  },
};

function packIssues(definition: ScaleDefinition, pack: TextPack): Issue[] {
  const issues: Issue[] = [];
  if (pack.scaleId !== definition.id) {
    issues.push({ path: 'scaleId', key: 'scale.mismatch.pack_for', params: { scaleId: pack.scaleId, id: definition.id } });
  }
  if (pack.scaleVersion !== definition.version) {
    issues.push({
      path: 'scaleVersion',
      key: 'scale.mismatch.pack_for_version',
      params: { scaleVersion: pack.scaleVersion, version: definition.version },
    });
  }
  for (const [id, entry] of Object.entries(pack.items)) {
    const item = definition.items.find((i) => i.id === id);
    if (!item) {
      issues.push({ path: `items.${id}`, key: 'scale.unknown_item.not_in_scale', params: { item: id, shortName: definition.shortName } });
      continue;
    }
    if (!entry.text.ja && !entry.text.en) {
      issues.push({ path: `items.${id}.text`, key: 'scale.required.needs_japanese_english', params: {} });
    }
    for (const key of Object.keys(entry.options ?? {})) {
      if (!item.options.some((o) => String(o.value) === key)) {
        issues.push({
          path: `items.${id}.options.${key}`,
          key: 'scale.unknown_option.item_has_no',
          params: { id, key, values: item.options.map((o) => o.value).join(', ') },
        });
      }
    }
  }
  for (const item of definition.items) {
    if (!(item.id in pack.items)) {
      issues.push({ path: `items.${item.id}`, key: 'scale.required.text_for_item', params: { id: item.id } });
    }
  }
  return issues;
}

/**
 * Merges a clinic's licensed text pack into a definition and validates the result. The scoring is
 * untouched, so scores stay comparable with the same definition version; the result records where
 * the text came from (`textSource.kind: 'imported'`).
 *
 * @example
 * const r = applyTextPack(epds, JSON.parse(uploaded));
 * if (r.ok) save(r.definition); else show(r.issues);
 */
export function applyTextPack(definition: ScaleDefinition, input: unknown): ValidationResult {
  const shapeIssues: Issue[] = [];
  checkShape(input, textPackShape, '', shapeIssues);
  if (shapeIssues.length > 0) return { ok: false, issues: shapeIssues };
  const pack = input as TextPack;
  const issues = packIssues(definition, pack);
  if (issues.length > 0) return { ok: false, issues };
  const merged: ScaleDefinition = {
    ...definition,
    ...(pack.instructions ? { instructions: pack.instructions } : {}),
    licence: { ...definition.licence, textIncluded: true },
    textSource: {
      kind: 'imported',
      note: { en: `Licensed text imported by ${pack.licensee}`, ja: `${pack.licensee} が許諾を得て取り込んだ文言` },
    },
    items: definition.items.map((item) => {
      const entry = pack.items[item.id];
      return {
        ...item,
        text: entry.text,
        options: item.options.map((o) => {
          const label = entry.options?.[String(o.value)];
          return label ? { ...o, label } : o;
        }),
      };
    }),
  };
  return validateScaleDefinition(merged);
}

/**
 * Like `applyTextPack` but throws a `validation` DomainError listing every issue.
 *
 * @example
 * const withText = parseTextPack(madrs, pack);
 */
export function parseTextPack(definition: ScaleDefinition, input: unknown): ScaleDefinition {
  const r = applyTextPack(definition, input);
  if (!r.ok) throw scaleValidationError('scale_text_pack_invalid', r.issues);
  return r.definition;
}
