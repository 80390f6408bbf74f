import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinScales as BUILTIN_SCALES, getBuiltinScale } from '../scales/builtin/index.ts';
import type { ScaleDefinition } from '../scales/scale-definition.ts';
import { childFormLacksScreen, isYouthSelfHarmScreen } from './child-screen-gap.ts';
import { createDefaultIntakeDefinition } from './default-intake-definition.ts';

const teens = getBuiltinScale('phq9_teens')!;
// What a clinic holding the licence has after importing its text pack.
const licensedTeens: ScaleDefinition = {
  ...teens,
  licence: { ...teens.licence, textIncluded: true },
  items: teens.items.map((i) => ({ ...i, text: { ja: `設問 ${i.id}`, en: `Item ${i.id}` } })),
};

test('of the built-in scales only PHQ-9 (13+, text shipped) can screen young people; PHQ-9 for teens ships metadata only', () => {
  assert.deepEqual(BUILTIN_SCALES.filter(isYouthSelfHarmScreen).map((s) => s.id), ['phq9']);
  assert.equal(isYouthSelfHarmScreen(teens), false);
  assert.equal(isYouthSelfHarmScreen(licensedTeens), true);
});

test('the seeded child form (no child scale) lacks a screen; with a licensed screen for children it does not', () => {
  const seeded = createDefaultIntakeDefinition({ childScales: [] });
  assert.equal(childFormLacksScreen(seeded, BUILTIN_SCALES), true);
  const withTeens = createDefaultIntakeDefinition({ childScales: [{ scaleId: 'phq9_teens', minAge: 12, maxAge: 17 }] });
  assert.equal(childFormLacksScreen(withTeens, BUILTIN_SCALES), true, 'the question is there, but its scale has no text to show');
  assert.equal(childFormLacksScreen(withTeens, [licensedTeens]), false);
  // The adults' PHQ-9 screen does not count for children; PHQ-9 given to children (13–17) does.
  assert.equal(childFormLacksScreen(seeded, [getBuiltinScale('phq9')!]), true);
  const withPhq9 = createDefaultIntakeDefinition({ childScales: [{ scaleId: 'phq9', minAge: 13, maxAge: 17 }] });
  assert.equal(childFormLacksScreen(withPhq9, BUILTIN_SCALES), false);
  // A form for adults only has no child part to screen.
  assert.equal(childFormLacksScreen({ ...seeded, audiences: ['adult'] }, BUILTIN_SCALES), false);
});
