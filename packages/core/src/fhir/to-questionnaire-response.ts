import type { QuestionnaireResponse, Reference } from 'fhir/r4.d.ts';
import type { ScaleAnswers } from '../scales/item-score.ts';
import type { ScaleDefinition } from '../scales/scale-definition.ts';
import { answerSystem, scaleCanonical } from './fhir-common.ts';
import { optionCode } from './scale-to-questionnaire.ts';

export interface ToQuestionnaireResponseOptions {
  readonly definition: ScaleDefinition;
  readonly answers: ScaleAnswers;
  /** When the answers were given (ISO date-time with offset); never taken from a clock here. */
  readonly authored: string;
  readonly subject?: Reference;
  readonly id?: string;
  readonly status?: QuestionnaireResponse['status'];
}

/**
 * One administration as a FHIR R4 QuestionnaireResponse against the scale's Questionnaire
 * (`urn:mimamori:scale:<id>|<version>`). Unanswered items are left out.
 *
 * @example
 * toQuestionnaireResponse({ definition: phq9, answers, authored: '2026-04-01T09:30:00+09:00' });
 */
export function toQuestionnaireResponse(options: ToQuestionnaireResponseOptions): QuestionnaireResponse {
  const { definition, answers, authored, subject, id } = options;
  const items = definition.items.flatMap((item) => {
    const v = answers[item.id];
    if (v === undefined || v === null) return [];
    const option = item.options.find((o) => o.value === v);
    if (!option) return [];
    const display = option.label?.ja ?? option.label?.en;
    return [
      {
        linkId: item.id,
        answer: [
          {
            valueCoding: {
              system: answerSystem(definition),
              code: optionCode(option),
              ...(display ? { display } : {}),
            },
          },
        ],
      },
    ];
  });
  return {
    resourceType: 'QuestionnaireResponse',
    ...(id ? { id } : {}),
    questionnaire: `${scaleCanonical(definition)}|${definition.version}`,
    status: options.status ?? 'completed',
    ...(subject ? { subject } : {}),
    authored,
    item: items,
  };
}
