import type { Command } from '../command.ts';

/** One entry of `mimamori --help`, and how to load the command when it runs. */
export interface CommandEntry {
  readonly summary: string;
  readonly load: () => Promise<Command>;
}

/**
 * Every `mimamori` command by name. A command's module is loaded only when that command runs (so
 * `mimamori --help` loads none, and `mimamori stats …` does not load the database drivers). Add one
 * entry per command module; keep the list sorted by name.
 */
export const commands: Readonly<Record<string, CommandEntry>> = {
  audit: {
    summary: 'verify the hash-chained audit log; print its chain heads; check a signed export',
    load: () => import('./audit.ts').then((m) => m.auditCommand),
  },
  clinic: {
    summary: 'add a clinic to the database (prints its one-time setup link) or list the clinics',
    load: () => import('./clinic.ts').then((m) => m.clinicCommand),
  },
  db: { summary: 'migrate, check, back up or restore the database', load: () => import('./db.ts').then((m) => m.dbCommand) },
  program: {
    summary: 'monitor programs: list them, export a pseudonymised data cut, write and lock the analysis plan',
    load: () => import('./program.ts').then((m) => m.programCommand),
  },
  report: {
    summary: 'the outcome report (HTML, PDF, JSON, analysis.R or a bundle) from a data-cut directory',
    load: () => import('./report.ts').then((m) => m.reportCommand),
  },
  scales: {
    summary: 'list the built-in rating scales (id, name, items, licence class)',
    load: () => import('./scales.ts').then((m) => m.scalesCommand),
  },
  score: {
    summary: 'score a built-in rating scale from a comma list of answers',
    load: () => import('./score.ts').then((m) => m.scoreCommand),
  },
  seed: { summary: 'seed the demo clinic into an empty database', load: () => import('./seed.ts').then((m) => m.seedCommand) },
  stats: {
    summary: 'Statistics over CSV files (paired change, proportions, reliable change, mixed models)',
    load: () => import('./stats.ts').then((m) => m.statsCommand),
  },
  totp: {
    summary: 'print the current 6-digit code for a TOTP secret (demo logins)',
    load: () => import('./totp.ts').then((m) => m.totpCommand),
  },
  user: { summary: 'add a staff account or reset its password and TOTP', load: () => import('./user.ts').then((m) => m.userCommand) },
};
