import { isDomainError } from '@mimamori/core/errors/domain-error';
import { UsageError, type Command } from '../command.ts';
import type { StatsSubcommand } from './stats-subcommand.ts';


// Subcommand modules (and the statistics code behind them) load only when used: every `mimamori`
// invocation loads this file, so it stays light.
const subcommands: ReadonlyArray<{ readonly name: string; readonly summary: string; readonly load: () => Promise<StatsSubcommand> }> = [
  { name: 'lmm', summary: 'linear mixed model (REML/ML, one grouping factor) with Satterthwaite df', load: () => import('./stats-lmm.ts').then((m) => m.lmmSubcommand) },
  { name: 'mmrm', summary: 'mixed model for repeated measures (GLS, REML; us/cs/ar1) with visit-wise contrasts', load: () => import('./stats-mmrm.ts').then((m) => m.mmrmSubcommand) },
  { name: 'paired', summary: 'paired change: t-test with CI, Wilcoxon signed-rank, d_z, Hedges g_z, SRM', load: () => import('./stats-simple.ts').then((m) => m.pairedSubcommand) },
  { name: 'proportion', summary: 'a proportion with Wilson and Clopper–Pearson 95% intervals', load: () => import('./stats-simple.ts').then((m) => m.proportionSubcommand) },
  { name: 'rci', summary: 'Jacobson–Truax reliable change: counts improved / unchanged / deteriorated', load: () => import('./stats-simple.ts').then((m) => m.rciSubcommand) },
];

function help(): string {
  return [
    'Usage: mimamori stats <analysis> [options]',
    '',
    'Analyses (each prints one JSON object):',
    ...subcommands.map((s) => `  ${s.name.padEnd(11)} ${s.summary}`),
    '',
    'CSV files have a header row; `NA` or an empty cell is a missing value.',
    'Run `mimamori stats <analysis> --help` for its options.',
    '',
  ].join('\n');
}

export const statsCommand: Command = {
  name: 'stats',
  async run(args, io) {
    const [name, ...rest] = args;
    if (name === undefined || name === '--help' || name === '-h') {
      io.stdout(help());
      return name === undefined ? 2 : 0;
    }
    const entry = subcommands.find((s) => s.name === name);
    if (!entry) throw new UsageError(`unknown analysis "${name}" (one of: ${subcommands.map((s) => s.name).join(', ')})`);
    const sub = await entry.load();
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(sub.help);
      return 0;
    }
    try {
      return await sub.run(rest, io);
    } catch (e) {
      // Domain errors from core (bad data, a model that cannot be fitted) are runtime failures.
      if (isDomainError(e)) {
        // A problem with a named column (unknown, non-numeric) is a usage error like the CSV
        // checks of the simple analyses; anything else is a model that cannot be fitted.
        if ('column' in e.params) throw new UsageError(`${name}: ${e.message}`);
        io.stderr(`mimamori stats ${name}: ${e.message}\n`);
        return 1;
      }
      if (e instanceof UsageError) throw new UsageError(`${name}: ${e.message}`);
      throw e;
    }
  },
};
