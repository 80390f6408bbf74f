import type { Command } from '../command.ts';

/**
 * Every `mimamori` command. Add one line per command module; keep the list sorted by name.
 */
export const commands: ReadonlyArray<() => Promise<Command>> = [
  () => import('./scales.ts').then((m) => m.scalesCommand),
  () => import('./score.ts').then((m) => m.scoreCommand),
  () => import('./stats.ts').then((m) => m.statsCommand),
];
