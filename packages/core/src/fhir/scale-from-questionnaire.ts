import type { Coding, Element, Extension, QuestionnaireItem } from 'fhir/r4.d.ts';
import type { Lang, LocalizedText, ResponseOption, ScaleItem } from '../scales/scale-definition.ts';
import type { ErrorParams, Issue } from '../errors/domain-error.ts';
import { validateScaleDefinition, type ValidationResult } from '../scales/validate-scale-definition.ts';
import { definitionExtensionUrl, ordinalValueUrl, translationUrl } from './fhir-common.ts';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function translated(value: unknown, element: unknown, lang: Lang): LocalizedText | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const out: { ja?: string; en?: string } = { [lang]: value };
  const exts = isObject(element) && Array.isArray(element.extension) ? (element.extension as Extension[]) : [];
  for (const ext of exts) {
    if (ext.url !== translationUrl) continue;
    const l = ext.extension?.find((e) => e.url === 'lang')?.valueCode;
    const c = ext.extension?.find((e) => e.url === 'content')?.valueString;
    if ((l === 'ja' || l === 'en') && c) out[l] = c;
  }
  return out;
}

function issue(path: string, key: string, params: ErrorParams): Issue {
  return { path, key, params };
}

/** The score of an answer option: `ordinalValue`, or `valueInteger`, or a numeric code. */
function optionValue(opt: Record<string, unknown>): number | null {
  const ext = Array.isArray(opt.extension) ? (opt.extension as Extension[]) : [];
  const ordinal = ext.find((e) => e.url === ordinalValueUrl)?.valueDecimal;
  if (typeof ordinal === 'number') return ordinal;
  if (typeof opt.valueInteger === 'number') return opt.valueInteger;
  const code = isObject(opt.valueCoding) ? (opt.valueCoding as Coding).code : undefined;
  return code !== undefined && /^-?\d+$/.test(code) ? Number(code) : null;
}

function flattenItems(items: unknown, path: string, out: Array<{ item: QuestionnaireItem; path: string }>, issues: Issue[]): void {
  if (!Array.isArray(items)) return;
  items.forEach((raw, i) => {
    const p = `${path}[${i}]`;
    if (!isObject(raw)) {
      issues.push(issue(p, 'scale.wrong_type.item_object', {}));
      return;
    }
    const item = raw as unknown as QuestionnaireItem;
    if (item.type === 'group') flattenItems(item.item, `${p}.item`, out, issues);
    else if (item.type === 'display') return;
    else if (item.type === 'choice') out.push({ item, path: p });
    else {
      issues.push(
        issue(
          `${p}.type`,
          'scale.unsupported.item_type_cannot',
          { type: String(item.type) },
        ),
      );
    }
  });
}

function customDefinition(q: Record<string, unknown>, issues: Issue[]): Record<string, unknown> | null {
  const lang: Lang = q.language === 'en' ? 'en' : 'ja';
  if (typeof q.version !== 'string') {
    issues.push(issue('version', 'scale.required.questionnaire_version_required', {}));
  }
  const rawName = typeof q.name === 'string' ? q.name : typeof q.id === 'string' ? q.id : '';
  const id = rawName.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').replace(/^(\d)/, 'q$1');
  if (!id) issues.push(issue('name', 'scale.required.questionnaire_name_id', {}));
  const title = translated(q.title, q._title, lang) ?? translated(q.name, undefined, lang);
  const found: Array<{ item: QuestionnaireItem; path: string }> = [];
  flattenItems(q.item, 'item', found, issues);
  if (found.length === 0 && !issues.some((i) => i.key.startsWith('scale.unsupported.'))) {
    issues.push(issue('item', 'scale.required.no_scorable_choice', {}));
  }
  const items: ScaleItem[] = [];
  for (const { item, path } of found) {
    const answerOptions = Array.isArray(item.answerOption) ? item.answerOption : [];
    if (answerOptions.length < 2) {
      issues.push(issue(`${path}.answerOption`, 'scale.too_few.needs_least_2', {}));
      continue;
    }
    const options: ResponseOption[] = [];
    answerOptions.forEach((o, k) => {
      const value = optionValue(o as unknown as Record<string, unknown>);
      if (value === null) {
        issues.push(
          issue(
            `${path}.answerOption[${k}]`,
            'scale.no_score.needs_score_ordinalvalue',
            {},
          ),
        );
        return;
      }
      const coding = o.valueCoding;
      const label = coding ? translated(coding.display, (coding as { _display?: Element })._display, lang) : undefined;
      const code = coding?.code !== undefined && coding.code !== String(value) ? coding.code : undefined;
      options.push({ value, ...(code && /^[A-Za-z0-9_.-]+$/.test(code) ? { code } : {}), ...(label ? { label } : {}) });
    });
    const text = translated(item.text, (item as { _text?: Element })._text, lang);
    items.push({ id: item.linkId, ...(text ? { text } : {}), options, ...(item.required === false ? { optional: true } : {}) });
  }
  if (issues.length > 0) return null;
  // The total range follows from the options; the validator checks it again.
  const min = items.reduce((a, i) => a + (i.optional ? Math.min(0, ...i.options.map((o) => o.value)) : Math.min(...i.options.map((o) => o.value))), 0);
  const max = items.reduce((a, i) => a + Math.max(...i.options.map((o) => o.value)), 0);
  return {
    id,
    version: q.version,
    name: { ja: title?.ja ?? title?.en ?? rawName, en: title?.en ?? title?.ja ?? rawName },
    shortName: typeof q.title === 'string' ? q.title : rawName,
    informants: ['self'],
    direction: 'higher-is-worse',
    licence: {
      class: 'custom',
      status: 'clinic-owned',
      textIncluded: true,
      ...(typeof q.copyright === 'string' ? { copyright: q.copyright } : {}),
      attribution: { ja: typeof q.publisher === 'string' ? q.publisher : 'クリニック独自の尺度', en: typeof q.publisher === 'string' ? q.publisher : 'Clinic-defined scale' },
      sources: [],
    },
    textSource: { kind: 'custom' },
    items,
    scoring: {
      method: 'sum',
      range: { min, max },
      reverseItems: [],
      subscales: [],
      missing: { kind: 'none-allowed', basis: 'project-convention' },
    },
    bandSets: [],
    safety: [],
  };
}

/**
 * Imports a FHIR R4 Questionnaire as a scale definition. A Questionnaire exported by
 * `scaleToQuestionnaire` carries its full definition and is restored exactly (its items must still
 * match the definition, so a tampered export is refused). Any other Questionnaire becomes a custom
 * scale: `choice` items (groups flattened, display items skipped) whose answer options carry a score
 * (ordinalValue extension, valueInteger or a numeric code), summed, complete forms only, no bands.
 * Issues name FHIR paths (`item[2].answerOption[1]`) in English and Japanese.
 *
 * @example
 * const r = scaleFromQuestionnaire(JSON.parse(uploaded));
 * if (r.ok) save(r.definition);
 */
export function scaleFromQuestionnaire(input: unknown): ValidationResult {
  const issues: Issue[] = [];
  if (!isObject(input) || input.resourceType !== 'Questionnaire') {
    return { ok: false, issues: [issue('resourceType', 'scale.wrong_type.fhir_questionnaire', {})] };
  }
  const exts = Array.isArray(input.extension) ? (input.extension as Extension[]) : [];
  const embedded = exts.find((e) => e.url === definitionExtensionUrl)?.valueString;
  if (embedded !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(embedded);
    } catch {
      return { ok: false, issues: [issue('extension', 'scale.bad_json.embedded_scale_definition', {})] };
    }
    const r = validateScaleDefinition(parsed);
    if (!r.ok) return { ok: false, issues: r.issues.map((i) => ({ ...i, path: `extension(scale-definition).${i.path}` })) };
    const found: Array<{ item: QuestionnaireItem; path: string }> = [];
    flattenItems(input.item, 'item', found, issues);
    const linkIds = found.map((f) => f.item.linkId).join(',');
    if (linkIds !== r.definition.items.map((i) => i.id).join(',') || input.version !== r.definition.version) {
      issues.push(
        issue(
          'item',
          'scale.inconsistent.items_version_differ',
          {},
        ),
      );
    }
    return issues.length > 0 ? { ok: false, issues } : r;
  }
  const def = customDefinition(input, issues);
  if (!def) return { ok: false, issues };
  return validateScaleDefinition(def);
}
