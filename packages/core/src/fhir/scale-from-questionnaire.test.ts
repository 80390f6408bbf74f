import assert from 'node:assert/strict';
import { test } from 'node:test';
import { builtinScales } from '../scales/builtin/index.ts';
import { phq9 } from '../scales/builtin/phq9.ts';
import { scoreScale } from '../scales/score-scale.ts';
import { scaleFromQuestionnaire } from './scale-from-questionnaire.ts';
import { scaleToQuestionnaire } from './scale-to-questionnaire.ts';
import { SCALE_MESSAGES } from '../scales/scale-messages.ts';

test('every built-in scale survives export to FHIR and import back unchanged', () => {
  for (const d of builtinScales) {
    const r = scaleFromQuestionnaire(JSON.parse(JSON.stringify(scaleToQuestionnaire(d))));
    assert.ok(r.ok, d.id);
    assert.deepEqual(r.definition, JSON.parse(JSON.stringify(d)));
  }
});

test('an exported Questionnaire whose items were edited after export is refused', () => {
  const q = JSON.parse(JSON.stringify(scaleToQuestionnaire(phq9)));
  q.item.pop();
  const r = scaleFromQuestionnaire(q);
  assert.equal(r.ok, false);
  assert.equal(r.ok ? '' : r.issues[0].key.split('.')[1], 'inconsistent');
  const t = JSON.parse(JSON.stringify(scaleToQuestionnaire(phq9)));
  const embedded = JSON.parse(t.extension[0].valueString);
  embedded.bandSets[0].bands[1].max = 11; // overlap with "moderate"
  t.extension[0].valueString = JSON.stringify(embedded);
  const bad = scaleFromQuestionnaire(t);
  assert.equal(bad.ok, false);
  assert.ok(!bad.ok && bad.issues.some((i) => i.path === 'extension(scale-definition).bandSets[0].bands[2].min' && i.key.startsWith('scale.band_overlap.')));
});

const custom = {
  resourceType: 'Questionnaire',
  name: 'SleepCheck',
  title: '睡眠チェック',
  _title: { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/translation', extension: [{ url: 'lang', valueCode: 'en' }, { url: 'content', valueString: 'Sleep check' }] }] },
  version: '2.1.0',
  status: 'active',
  language: 'ja',
  publisher: 'Mimamori Clinic',
  item: [
    { linkId: 'intro', type: 'display', text: 'はじめに' },
    {
      linkId: 'g1',
      type: 'group',
      item: [
        {
          linkId: 's1',
          type: 'choice',
          text: '寝つき',
          answerOption: [
            { valueCoding: { code: 'a', display: 'よい' }, extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/ordinalValue', valueDecimal: 0 }] },
            { valueCoding: { code: 'b', display: 'わるい' }, extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/ordinalValue', valueDecimal: 2 }] },
          ],
        },
        { linkId: 's2', type: 'choice', text: '中途覚醒', answerOption: [{ valueInteger: 0 }, { valueInteger: 1 }, { valueInteger: 2 }] },
      ],
    },
  ],
};

test('a clinic’s own FHIR Questionnaire becomes a custom summed scale', () => {
  const r = scaleFromQuestionnaire(custom);
  assert.ok(r.ok, r.ok ? '' : JSON.stringify(r.issues));
  const d = r.definition;
  assert.equal(d.id, 'sleepcheck');
  assert.equal(d.version, '2.1.0');
  assert.deepEqual(d.name, { ja: '睡眠チェック', en: 'Sleep check' });
  assert.deepEqual(d.items.map((i) => i.id), ['s1', 's2']);
  assert.deepEqual(d.items[0].options.map((o) => [o.value, o.code]), [[0, 'a'], [2, 'b']]);
  assert.equal(d.licence.class, 'custom');
  assert.deepEqual(d.scoring.method === 'sum' ? d.scoring.range : null, { min: 0, max: 4 });
  assert.equal(scoreScale(d, { s1: 2, s2: 1 }).total, 3);
});

test('custom Questionnaires with unscorable items are refused with FHIR paths', () => {
  const q = JSON.parse(JSON.stringify(custom));
  q.item[1].item[1].answerOption[1] = { valueString: 'sometimes' };
  q.item.push({ linkId: 'free', type: 'string', text: '自由記載' });
  delete q.version;
  const r = scaleFromQuestionnaire(q);
  assert.equal(r.ok, false);
  const got = r.ok ? [] : r.issues.map((i) => `${i.path}:${i.key.split('.')[1]}`);
  assert.deepEqual(got.sort(), ['item[1].item[1].answerOption[1]:no_score', 'item[2].type:unsupported', 'version:required']);
  assert.ok(!r.ok && r.issues.every((i) => SCALE_MESSAGES[i.key]?.ja && SCALE_MESSAGES[i.key]?.en));
  assert.equal(scaleFromQuestionnaire({ resourceType: 'Patient' }).ok, false);
});
