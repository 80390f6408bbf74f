import type { ScaleDefinition } from '../scale-definition.ts';
import { gad7 } from './gad7.ts';
import { phq9 } from './phq9.ts';

/** Every built-in scale definition, in the order the CLI and staff app list them. */
export const builtinScales: ReadonlyArray<ScaleDefinition> = [phq9, gad7];

/**
 * The built-in definition with this id, or undefined.
 *
 * @example
 * getBuiltinScale('phq9')?.version; // '1.0.0'
 */
export function getBuiltinScale(id: string): ScaleDefinition | undefined {
  return builtinScales.find((s) => s.id === id);
}

export { gad7, phq9 };
