import type { ScaleDefinition } from '../scale-definition.ts';
import { cesd } from './cesd.ts';
import { cssrsScreener } from './cssrs-screener.ts';
import { dsrsC } from './dsrs-c.ts';
import { epds } from './epds.ts';
import { gad7 } from './gad7.ts';
import { hamd17 } from './hamd17.ts';
import { k10, k10v100 } from './k10.ts';
import { k6 } from './k6.ts';
import { madrs } from './madrs.ts';
import { phq15 } from './phq15.ts';
import { phq9Teens } from './phq9-teens.ts';
import { phq9 } from './phq9.ts';
import { qidsSr16 } from './qids-sr16.ts';
import { scared } from './scared.ts';
import { sdq } from './sdq.ts';
import { who5 } from './who5.ts';

/**
 * Earlier versions of built-in definitions, kept so stored responses resolve to the version they
 * were answered with. Never listed or offered for new questionnaires.
 */
export const retiredBuiltinScales: ReadonlyArray<ScaleDefinition> = [k10v100];

/** Every built-in scale definition, in the order the CLI and staff app list them. */
export const builtinScales: ReadonlyArray<ScaleDefinition> = [
  phq9,
  gad7,
  phq15,
  k6,
  k10,
  hamd17,
  madrs,
  qidsSr16,
  epds,
  who5,
  scared,
  sdq,
  dsrsC,
  cesd,
  phq9Teens,
  cssrsScreener,
];

/**
 * The built-in definition with this id, or undefined.
 *
 * @example
 * getBuiltinScale('phq9')?.version; // '1.0.0'
 */
export function getBuiltinScale(id: string): ScaleDefinition | undefined {
  return builtinScales.find((s) => s.id === id);
}

export { cesd, cssrsScreener, dsrsC, epds, gad7, hamd17, k10, k6, madrs, phq15, phq9, phq9Teens, qidsSr16, scared, sdq, who5 };
