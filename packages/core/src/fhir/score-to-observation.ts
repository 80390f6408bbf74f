import type { Observation, ObservationComponent, Reference } from 'fhir/r4.d.ts';
import type { ScaleDefinition } from '../scales/scale-definition.ts';
import type { ScoreResult } from '../scales/score-scale.ts';
import { bandSystem, definitionVersionExtensionUrl } from './fhir-common.ts';

export interface ScoreToObservationOptions {
  readonly definition: ScaleDefinition;
  readonly result: ScoreResult;
  /** When the scale was completed (ISO date-time with offset). */
  readonly effective: string;
  readonly subject?: Reference;
  /** The QuestionnaireResponse the score was computed from. */
  readonly derivedFrom?: Reference;
  readonly id?: string;
}

const survey = {
  coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey', display: 'Survey' }],
};

/**
 * A score as a FHIR R4 Observation: LOINC total code where known (else the scale's own code); the
 * total as `valueInteger`, the band as `valueCodeableConcept` for categorical scales, or a
 * `dataAbsentReason` when the missing-item rule says it cannot be scored; the band as
 * `interpretation`, subscales as components, and the definition id and version in an extension
 * so the score can be recomputed.
 *
 * @example
 * scoreToObservation({ definition: phq9, result, effective: '2026-04-01T09:30:00+09:00' }).code.coding[0].code; // '44261-6'
 */
export function scoreToObservation(options: ScoreToObservationOptions): Observation {
  const { definition, result, effective, subject, derivedFrom, id } = options;
  const name = definition.name.en ?? definition.shortName;
  const coding = definition.loinc?.total
    ? [{ system: 'http://loinc.org', code: definition.loinc.total, display: `${definition.shortName} total score` }]
    : [{ system: 'urn:mimamori:scale-total', code: definition.id, display: `${definition.shortName} total score` }];
  const set = definition.bandSets.find((s) => s.id === result.bandSet);
  const band = set?.bands.find((b) => b.id === result.band);
  const components: ObservationComponent[] = Object.entries(result.subscales).map(([sid, s]) => {
    const sub = definition.scoring.method === 'sum' ? definition.scoring.subscales.find((x) => x.id === sid) : undefined;
    return {
      code: { coding: [{ system: `urn:mimamori:scale:${definition.id}:subscales`, code: sid }], text: sub?.name.en ?? sid },
      ...(s.score !== null
        ? { valueInteger: s.score }
        : { dataAbsentReason: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/data-absent-reason', code: 'not-performed' }] } }),
    };
  });
  return {
    resourceType: 'Observation',
    ...(id ? { id } : {}),
    extension: [{ url: definitionVersionExtensionUrl, valueString: `${definition.id}|${definition.version}` }],
    status: 'final',
    category: [survey],
    code: { coding, text: name },
    ...(subject ? { subject } : {}),
    effectiveDateTime: effective,
    ...(derivedFrom ? { derivedFrom: [derivedFrom] } : {}),
    ...(result.total !== null
      ? { valueInteger: result.total }
      : result.valid && band && result.bandSet
        ? {
            // Categorical scales (C-SSRS triage) have no total: the band is the value.
            valueCodeableConcept: {
              coding: [{ system: bandSystem(definition, result.bandSet), code: band.id, display: band.label.en }],
              text: band.label.ja,
            },
          }
        : {
          dataAbsentReason: {
            coding: [{ system: 'http://terminology.hl7.org/CodeSystem/data-absent-reason', code: 'error' }],
            text: result.reason?.message.en ?? 'not scorable',
          },
        }),
    ...(band && result.bandSet
      ? { interpretation: [{ coding: [{ system: bandSystem(definition, result.bandSet), code: band.id, display: band.label.en }], text: band.label.ja }] }
      : {}),
    ...(components.length > 0 ? { component: components } : {}),
  };
}
