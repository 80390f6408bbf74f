import { isDomainError } from '@mimamori/core';
import { UsageError, type CliIo, type Command } from '../command.ts';
import { lmmSubcommand } from './stats-lmm.ts';
import { mmrmSubcommand } from './stats-mmrm.ts';
import { pairedSubcommand, proportionSubcommand, rciSubcommand } from './stats-simple.ts';

/** One `mimamori stats <name>` subcommand. */
export interface StatsSubcommand {
  readonly name: string;
  readonly summary: string;
  readonly help: string;
  readonly run: (args: ReadonlyArray<string>, io: CliIo) => Promise<number> | number;
}

const subcommands: ReadonlyArray<StatsSubcommand> = [lmmSubcommand, mmrmSubcommand, pairedSubcommand, proportionSubcommand, rciSubcommand];

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
  summary: 'Statistics over CSV files (paired change, proportions, reliable change, mixed models)',
  async run(args, io) {
    const [name, ...rest] = args;
    if (name === undefined || name === '--help' || name === '-h') {
      io.stdout(help());
      return name === undefined ? 2 : 0;
    }
    const sub = subcommands.find((s) => s.name === name);
    if (!sub) throw new UsageError(`unknown analysis "${name}" (one of: ${subcommands.map((s) => s.name).join(', ')})`);
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(sub.help);
      return 0;
    }
    try {
      return await sub.run(rest, io);
    } catch (e) {
      // Domain errors from core (bad data, a model that cannot be fitted) are runtime failures.
      if (isDomainError(e)) {
        io.stderr(`mimamori stats ${name}: ${e.message}\n`);
        return 1;
      }
      if (e instanceof UsageError) throw new UsageError(`${name}: ${e.message}`);
      throw e;
    }
  },
};
