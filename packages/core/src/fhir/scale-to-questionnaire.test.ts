import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cssrsScreener } from '../scales/builtin/cssrs-screener.ts';
import { madrs } from '../scales/builtin/madrs.ts';
import { phq9 } from '../scales/builtin/phq9.ts';
import { answersFromList } from '../scales/check-answers.ts';
import { scoreScale } from '../scales/score-scale.ts';
import { scaleToQuestionnaire } from './scale-to-questionnaire.ts';
import { scoreToObservation } from './score-to-observation.ts';
import { toQuestionnaireResponse } from './to-questionnaire-response.ts';

test('PHQ-9 Questionnaire: Japanese text with English translations, LOINC codes and scored options', () => {
  const q = scaleToQuestionnaire(phq9, { lang: 'ja' });
  assert.equal(q.url, 'urn:mimamori:scale:phq9');
  assert.equal(q.version, '1.0.0');
  assert.equal(q.language, 'ja');
  assert.deepEqual(q.code, [{ system: 'http://loinc.org', code: '44249-1' }]);
  const item9 = q.item?.[8];
  assert.equal(item9?.linkId, 'q9');
  assert.equal(item9?.code?.[0].code, '44260-8');
  assert.match(item9?.text ?? '', /死んだ方がまし/);
  const tr = item9?._text?.extension?.[0];
  assert.equal(tr?.url, 'http://hl7.org/fhir/StructureDefinition/translation');
  assert.match(tr?.extension?.find((e) => e.url === 'content')?.valueString ?? '', /better off dead/);
  const opt = item9?.answerOption?.[3];
  assert.equal(opt?.valueCoding?.code, '3');
  assert.equal(opt?.valueCoding?.display, 'ほとんど毎日');
  assert.equal(opt?.extension?.[0].valueDecimal, 3);
  assert.match(q.copyright ?? '', /Pfizer/);
  assert.equal(scaleToQuestionnaire(phq9, { lang: 'en' }).item?.[0].text, 'Little interest or pleasure in doing things');
});

test('a metadata-only scale exports no item text', () => {
  const q = scaleToQuestionnaire(madrs);
  assert.ok(q.item?.every((i) => i.text === undefined && i.answerOption?.every((o) => o.valueCoding?.display === undefined)));
});

test('conditional items export as enableWhen on the enabling answers', () => {
  const q = scaleToQuestionnaire(cssrsScreener);
  const q3 = q.item?.find((i) => i.linkId === 'q3');
  assert.deepEqual(q3?.enableWhen, [{ question: 'q2', operator: '=', answerCoding: { system: 'urn:mimamori:scale:cssrs_screener:answers', code: 'yes' } }]);
});

test('QuestionnaireResponse and Observation carry the answers, score, band and definition version', () => {
  const answers = answersFromList(phq9, [2, 2, 2, 2, 2, 1, 1, 1, 1]);
  const qr = toQuestionnaireResponse({ definition: phq9, answers, authored: '2026-04-01T09:30:00+09:00' });
  assert.equal(qr.questionnaire, 'urn:mimamori:scale:phq9|1.0.0');
  assert.equal(qr.item?.length, 9);
  assert.equal(qr.item?.[8].answer?.[0].valueCoding?.code, '1');
  const result = scoreScale(phq9, answers);
  const obs = scoreToObservation({ definition: phq9, result, effective: '2026-04-01T09:30:00+09:00' });
  assert.equal(obs.code.coding?.[0].system, 'http://loinc.org');
  assert.equal(obs.code.coding?.[0].code, '44261-6');
  assert.equal(obs.valueInteger, 14);
  assert.equal(obs.interpretation?.[0].coding?.[0].code, 'moderate');
  assert.equal(obs.extension?.[0].valueString, 'phq9|1.0.0');
  assert.equal(obs.effectiveDateTime, '2026-04-01T09:30:00+09:00');
});

test('a categorical result (C-SSRS triage) exports its band as the Observation value', () => {
  const answers = answersFromList(cssrsScreener, [1, 1, 0, 1, 0, 0, null]);
  const obs = scoreToObservation({ definition: cssrsScreener, result: scoreScale(cssrsScreener, answers), effective: '2026-04-01T09:30:00+09:00' });
  assert.equal(obs.valueInteger, undefined);
  assert.equal(obs.dataAbsentReason, undefined);
  assert.equal(obs.valueCodeableConcept?.coding?.[0].code, 'high');
  assert.equal(obs.code.coding?.[0].system, 'urn:mimamori:scale-total');
});
