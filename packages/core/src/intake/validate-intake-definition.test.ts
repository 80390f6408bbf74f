import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_INTAKE_DEFINITION, createDefaultIntakeDefinition } from './default-intake-definition.ts';
import { checkNewIntakeVersion, validateIntakeDefinition } from './validate-intake-definition.ts';
import { INTAKE_MESSAGES, intakeCatalogueMessage } from './intake-messages.ts';

const clone = <T>(x: T): any => JSON.parse(JSON.stringify(x));
const errs = (x: unknown): string[] => {
  const r = validateIntakeDefinition(x);
  return r.ok ? [] : r.errors.map((e) => `${e.path}:${e.key.split('.')[1]}`);
};

const tiny = (): any => ({
  id: 'tiny',
  version: 1,
  title: { ja: '問診', en: 'Intake' },
  audiences: ['adult'],
  sections: [
    {
      id: 's',
      title: { ja: 'S', en: 'S' },
      groups: [
        {
          id: 'g',
          title: { ja: 'G', en: 'G' },
          questions: [
            { id: 'meds_yes', type: 'yesNo', label: { ja: '薬', en: 'Meds' } },
            {
              id: 'meds',
              type: 'repeat',
              label: { ja: '薬', en: 'Meds' },
              maxRows: 5,
              showIf: { op: 'equals', question: 'meds_yes', value: true },
              fields: [
                { id: 'name', type: 'text', label: { ja: '名', en: 'Name' } },
                { id: 'freq', type: 'singleChoice', label: { ja: '用法', en: 'Freq' }, options: [{ value: 'prn', label: { ja: '頓用', en: 'PRN' } }] },
                { id: 'when', type: 'text', label: { ja: '時', en: 'When' }, showIf: { op: 'equals', sibling: 'freq', value: 'prn' } },
              ],
            },
          ],
        },
      ],
    },
  ],
});

test('the seeded definition (and its JSON round trip) is valid for every configuration', () => {
  assert.deepEqual(errs(DEFAULT_INTAKE_DEFINITION), []);
  assert.deepEqual(errs(clone(DEFAULT_INTAKE_DEFINITION)), []);
  assert.deepEqual(errs(createDefaultIntakeDefinition({ childScales: [], adultScales: [] })), []);
  assert.deepEqual(errs(tiny()), []);
});

test('conditions may refer only to earlier questions, and siblings only inside a row', () => {
  const d = tiny();
  d.sections[0].groups[0].questions[0].showIf = { op: 'answered', question: 'meds' };
  assert.deepEqual(errs(d), ['sections[0](s).groups[0](g).questions[0](meds_yes).showIf.question:condition_reference']);
  const r = validateIntakeDefinition(d);
  assert.ok(!r.ok && intakeCatalogueMessage(r.errors[0].key, r.errors[0].params, 'en').includes('"meds" is not an earlier question'));

  const later = tiny();
  later.sections[0].groups[0].questions[1].fields[1].showIf = { op: 'answered', sibling: 'when' };
  assert.deepEqual(errs(later), ['sections[0](s).groups[0](g).questions[1](meds).fields[1](freq).showIf.sibling:condition_reference']);

  const outside = tiny();
  outside.sections[0].groups[0].questions[0].showIf = { op: 'answered', sibling: 'name' };
  assert.deepEqual(errs(outside), ['sections[0](s).groups[0](g).questions[0](meds_yes).showIf.sibling:condition_reference']);

  const self = tiny();
  self.sections[0].groups[0].questions[1].showIf = { op: 'answered', question: 'meds' };
  assert.deepEqual(errs(self), ['sections[0](s).groups[0](g).questions[1](meds).showIf.question:condition_reference']);
});

test('condition values must fit the question they compare with', () => {
  const d = tiny();
  d.sections[0].groups[0].questions[1].showIf = { op: 'equals', question: 'meds_yes', value: 'yes' };
  d.sections[0].groups[0].questions[1].fields[2].showIf = { op: 'equals', sibling: 'freq', value: 'daily' };
  assert.deepEqual(errs(d), [
    'sections[0](s).groups[0](g).questions[1](meds).showIf.value:condition_value',
    'sections[0](s).groups[0](g).questions[1](meds).fields[2](when).showIf.value:condition_value',
  ]);
  const unknownOp = tiny();
  unknownOp.sections[0].groups[0].questions[1].showIf = { op: 'matches', question: 'meds_yes' };
  assert.deepEqual(errs(unknownOp), ['sections[0](s).groups[0](g).questions[1](meds).showIf:condition_invalid']);
  const age = tiny();
  age.sections[0].groups[0].showIf = { op: 'age', min: 18, max: 12 };
  assert.deepEqual(errs(age), ['sections[0](s).groups[0](g).showIf:range_invalid']);
});

test('ids, labels, options and limits are checked with named paths', () => {
  const d = tiny();
  const qs = d.sections[0].groups[0].questions;
  qs.push({ id: 'meds_yes', type: 'yesNo', label: { ja: '重複', en: '' } });
  qs.push({ id: 'Bad-Id', type: 'essay', label: { ja: 'x', en: 'x' } });
  qs.push({ id: 'c', type: 'singleChoice', label: { ja: 'c', en: 'c' }, options: [{ value: 'other', label: { ja: 'o', en: 'o' } }, { value: 'a', label: { ja: 'a', en: 'a' } }, { value: 'a', label: { ja: 'a', en: 'a' } }] });
  qs.push({ id: 'lt', type: 'longText', label: { ja: 'l', en: 'l' }, maxLength: 1_000_000 });
  qs.push({ id: 'n', type: 'number', label: { ja: 'n', en: 'n' }, min: 10, max: 1 });
  qs[1].fields.push({ id: 'nested', type: 'repeat', label: { ja: 'r', en: 'r' }, maxRows: 2, fields: [] });
  qs.push({ id: 'consent', type: 'consent', label: { ja: '同意', en: 'Consent' }, statement: { ja: 's', en: 's' } });
  assert.deepEqual(errs(d), [
    'sections[0](s).groups[0](g).questions[1](meds).fields[3](nested).type:field_type_not_allowed',
    'sections[0](s).groups[0](g).questions[1](meds).fields[3](nested).fields:list_empty',
    'sections[0](s).groups[0](g).questions[2](meds_yes).id:id_duplicate',
    'sections[0](s).groups[0](g).questions[2](meds_yes).label:text_missing',
    'sections[0](s).groups[0](g).questions[3](Bad-Id).id:id_invalid',
    'sections[0](s).groups[0](g).questions[3](Bad-Id).type:type_unknown',
    'sections[0](s).groups[0](g).questions[4](c).options[0].value:option_reserved',
    'sections[0](s).groups[0](g).questions[4](c).options[2].value:id_duplicate',
    'sections[0](s).groups[0](g).questions[5](lt).maxLength:number_invalid',
    'sections[0](s).groups[0](g).questions[6](n):range_invalid',
    'sections[0](s).groups[0](g).questions[7](consent).policyVersion:version_invalid',
  ]);
});

test('root checks: version, audiences, birth-date question, non-objects', () => {
  assert.deepEqual(errs(null), [':not_object']);
  const d = tiny();
  d.version = 0;
  d.audiences = ['adult', 'robot'];
  d.birthDateQuestion = 'meds_yes';
  assert.deepEqual(errs(d), ['version:version_invalid', 'audiences:audience_invalid', 'birthDateQuestion:birth_date_question']);
});

test('a new version must keep the form id and raise the version', () => {
  const v1 = createDefaultIntakeDefinition();
  assert.deepEqual(checkNewIntakeVersion(v1, createDefaultIntakeDefinition({ version: 2 })), []);
  assert.deepEqual(checkNewIntakeVersion(v1, v1).map((e) => e.key.split('.')[1]), ['version_not_newer']);
  assert.deepEqual(checkNewIntakeVersion(v1, { ...createDefaultIntakeDefinition({ version: 2 }), id: 'other' }).map((e) => e.key.split('.')[1]), ['definition_id_changed']);
});

test('every problem of an edited form names a message of the intake catalogue in both languages', () => {
  const bad = { id: 'X', version: 0, audiences: ['nobody'], sections: [{ id: 's', title: {}, groups: [{ id: 'g', title: { ja: 'x', en: 'x' }, questions: [{ id: 'q', type: 'mystery' }, 'no'] }] }] };
  const r = validateIntakeDefinition(bad);
  assert.ok(!r.ok && r.errors.length > 0);
  for (const e of r.ok ? [] : r.errors) assert.ok(INTAKE_MESSAGES[e.key]?.ja && INTAKE_MESSAGES[e.key]?.en, `no message for ${e.key}`);
});
