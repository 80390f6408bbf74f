import type { Command } from '../command.ts';

/**
 * Every `mimamori` command by name, loaded only when run (so `mimamori stats …` does not load the
 * database drivers). Add one line per command module; keep the list sorted by name.
 */
export const commands: Readonly<Record<string, () => Promise<Command>>> = {
  audit: () => import('./audit.ts').then((m) => m.auditCommand),
  db: () => import('./db.ts').then((m) => m.dbCommand),
  program: () => import('./program.ts').then((m) => m.programCommand),
  report: () => import('./report.ts').then((m) => m.reportCommand),
  scales: () => import('./scales.ts').then((m) => m.scalesCommand),
  score: () => import('./score.ts').then((m) => m.scoreCommand),
  seed: () => import('./seed.ts').then((m) => m.seedCommand),
  stats: () => import('./stats.ts').then((m) => m.statsCommand),
  totp: () => import('./totp.ts').then((m) => m.totpCommand),
  user: () => import('./user.ts').then((m) => m.userCommand),
};
