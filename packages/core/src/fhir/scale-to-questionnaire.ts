import type { Questionnaire, QuestionnaireItem, QuestionnaireItemAnswerOption } from 'fhir/r4.d.ts';
import type { Lang, ScaleDefinition, ScaleItem } from '../scales/scale-definition.ts';
import { answerSystem, definitionExtensionUrl, fhirId, ordinalValueUrl, scaleCanonical, textWithTranslation } from './fhir-common.ts';

export interface ScaleToQuestionnaireOptions {
  /** Primary language of the resource; the other language goes into translation extensions. */
  readonly lang?: Lang;
}

/**
 * The answer code of an option: its `code` when it has one (yes/no), else its value.
 *
 * @example
 * optionCode({ value: 1, code: 'yes' }); // 'yes'
 */
export function optionCode(option: { readonly value: number; readonly code?: string }): string {
  return option.code ?? String(option.value);
}

function answerOptions(definition: ScaleDefinition, item: ScaleItem, lang: Lang): QuestionnaireItemAnswerOption[] {
  return item.options.map((o) => {
    const display = textWithTranslation(o.label, lang);
    return {
      valueCoding: {
        system: answerSystem(definition),
        code: optionCode(o),
        ...(display.value !== undefined ? { display: display.value } : {}),
        ...(display.element ? { _display: display.element } : {}),
      },
      extension: [{ url: ordinalValueUrl, valueDecimal: o.value }],
    };
  });
}

function toItem(definition: ScaleDefinition, item: ScaleItem, lang: Lang): QuestionnaireItem {
  const text = textWithTranslation(item.text, lang);
  const cond = item.enableWhen;
  const target = cond ? definition.items.find((i) => i.id === cond.item) : undefined;
  // FHIR compares codings only with '=', so "≥ n" becomes "= any option whose value is ≥ n".
  const enabling = target && cond ? target.options.filter((o) => o.value >= cond.atLeast) : [];
  return {
    linkId: item.id,
    type: 'choice',
    ...(text.value !== undefined ? { text: text.value } : {}),
    ...(text.element ? { _text: text.element } : {}),
    ...(item.loinc ? { code: [{ system: 'http://loinc.org', code: item.loinc }] } : {}),
    required: !item.optional,
    ...(cond
      ? {
          enableWhen: enabling.map((o) => ({
            question: cond.item,
            operator: '=' as const,
            answerCoding: { system: answerSystem(definition), code: optionCode(o) },
          })),
          enableBehavior: 'any' as const,
        }
      : {}),
    answerOption: answerOptions(definition, item, lang),
  };
}

/**
 * A scale definition as a FHIR R4 Questionnaire: one `choice` item per scale item, answers coded in
 * the scale's answer system with their score as `ordinalValue`, LOINC codes where known, and the
 * full definition in an extension so the export can be imported again. Metadata-only scales export
 * without item text.
 *
 * @example
 * const q = scaleToQuestionnaire(phq9, { lang: 'ja' }); // q.item[8].code[0].code === '44260-8'
 */
export function scaleToQuestionnaire(definition: ScaleDefinition, options: ScaleToQuestionnaireOptions = {}): Questionnaire {
  const lang = options.lang ?? 'ja';
  const title = textWithTranslation(definition.name, lang);
  const description = textWithTranslation(definition.instructions, lang);
  const copyright = [definition.licence.copyright, definition.licence.attribution[lang] ?? definition.licence.attribution.en]
    .filter((s): s is string => Boolean(s))
    .join(' ');
  return {
    resourceType: 'Questionnaire',
    id: fhirId(`${definition.id}-${definition.version}`),
    url: scaleCanonical(definition),
    version: definition.version,
    name: definition.shortName.replace(/[^A-Za-z0-9]/g, '') || 'Scale',
    ...(title.value !== undefined ? { title: title.value } : {}),
    ...(title.element ? { _title: title.element } : {}),
    status: 'active',
    language: lang,
    subjectType: ['Patient'],
    ...(description.value !== undefined ? { description: description.value } : {}),
    ...(copyright ? { copyright } : {}),
    ...(definition.loinc?.panel ? { code: [{ system: 'http://loinc.org', code: definition.loinc.panel }] } : {}),
    extension: [{ url: definitionExtensionUrl, valueString: JSON.stringify(definition) }],
    item: definition.items.map((i) => toItem(definition, i, lang)),
  };
}
