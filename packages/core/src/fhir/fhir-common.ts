import type { Element, Extension } from 'fhir/r4.d.ts';
import type { Lang, LocalizedText, ScaleDefinition } from '../scales/scale-definition.ts';

/**
 * Canonical URL of a scale's Questionnaire (a URN: the project has no web namespace of its own).
 *
 * @example
 * scaleCanonical(phq9); // 'urn:mimamori:scale:phq9'
 */
export function scaleCanonical(definition: ScaleDefinition): string {
  return `urn:mimamori:scale:${definition.id}`;
}

/**
 * Code system of a scale's answer codes.
 *
 * @example
 * answerSystem(phq9); // 'urn:mimamori:scale:phq9:answers'
 */
export function answerSystem(definition: ScaleDefinition): string {
  return `urn:mimamori:scale:${definition.id}:answers`;
}

/**
 * Code system of the bands of one band set.
 *
 * @example
 * bandSystem(epds, 'cox1987_uk'); // 'urn:mimamori:scale:epds:bands:cox1987_uk'
 */
export function bandSystem(definition: ScaleDefinition, bandSet: string): string {
  return `urn:mimamori:scale:${definition.id}:bands:${bandSet}`;
}

/** Extension carrying the whole scale definition as JSON, so an export can be imported back. */
export const definitionExtensionUrl = 'urn:mimamori:fhir:scale-definition';
export const definitionVersionExtensionUrl = 'urn:mimamori:fhir:scale-definition-version';
export const ordinalValueUrl = 'http://hl7.org/fhir/StructureDefinition/ordinalValue';
export const translationUrl = 'http://hl7.org/fhir/StructureDefinition/translation';

/**
 * A FHIR id: letters, digits, '-' and '.', at most 64 characters.
 *
 * @example
 * fhirId('qids_sr16-1.0.0'); // 'qids-sr16-1.0.0'
 */
export function fhirId(s: string): string {
  return s.replace(/[^A-Za-z0-9.-]/g, '-').slice(0, 64);
}

/**
 * The text in `lang` plus a translation extension for the other language (on the `_field` element).
 *
 * @example
 * textWithTranslation({ ja: '軽度', en: 'Mild' }, 'ja'); // { value: '軽度', element: { extension: [ … en: 'Mild' … ] } }
 */
export function textWithTranslation(
  text: LocalizedText | undefined,
  lang: Lang,
): { readonly value?: string; readonly element?: Element } {
  if (!text) return {};
  const other: Lang = lang === 'ja' ? 'en' : 'ja';
  const value = text[lang] ?? text[other];
  const translated = text[lang] !== undefined ? text[other] : undefined;
  if (value === undefined) return {};
  if (translated === undefined) return { value };
  const ext: Extension = {
    url: translationUrl,
    extension: [
      { url: 'lang', valueCode: other },
      { url: 'content', valueString: translated },
    ],
  };
  return { value, element: { extension: [ext] } };
}
