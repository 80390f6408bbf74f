import type { ScaleDefinition } from '../scales/scale-definition.ts';
import type { IntakeDefinition } from './intake-definition.ts';

/** Ages at which a child answers a self-harm screen themselves (the adolescent's own part). */
const YOUTH = { min: 12, max: 17 } as const;

/**
 * Whether a scale can serve as the scored youth self-harm screen of a child form: its item text
 * may be shown (licence), it has safety rules (a self-harm item that alerts), it is answered by
 * the young person, and its age range covers part of 12–17.
 *
 * @example
 * isYouthSelfHarmScreen(phq9Teens) // → false while PHQ-9 for teens ships without item text
 */
export function isYouthSelfHarmScreen(s: Pick<ScaleDefinition, 'licence' | 'items' | 'safety' | 'informants' | 'ageRange'>): boolean {
  const shown = s.licence.textIncluded && s.items.every((i) => Boolean(i.text?.ja || i.text?.en));
  const ages = s.ageRange;
  const fits = !ages || ((ages.min ?? 0) <= YOUTH.max && (ages.max ?? 200) >= YOUTH.min);
  return shown && s.safety.length > 0 && s.informants.includes('self') && fits;
}

/**
 * The loud gap of issue "children screened": a form for children (`audiences` has `child`) with
 * no scale question, in a screen children are given, whose scale is a youth self-harm screen.
 * True means the child form has no scored youth self-harm screen; the clinic must then confirm
 * in writing before publishing it.
 *
 * @example
 * childFormLacksScreen(def, clinicScales) // → true for the seeded form while no licensed screen ships
 */
export function childFormLacksScreen(definition: IntakeDefinition, scales: ReadonlyArray<Pick<ScaleDefinition, 'id' | 'licence' | 'items' | 'safety' | 'informants' | 'ageRange'>>): boolean {
  if (!definition.audiences.includes('child')) return false;
  const screens = new Set(scales.filter(isYouthSelfHarmScreen).map((s) => s.id));
  const forChild = (a: ReadonlyArray<string> | undefined) => a === undefined || a.includes('child');
  return !definition.sections.some((sec) => forChild(sec.audiences) && sec.groups.some((g) =>
    forChild(g.audiences) && g.questions.some((q) => q.type === 'scale' && screens.has(q.scaleId))));
}
