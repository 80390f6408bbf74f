import type { CliIo } from '../command.ts';

/** One `mimamori stats <name>` subcommand (its own module, so the subcommands need not import `stats.ts`, which loads them). */
export interface StatsSubcommand {
  readonly name: string;
  readonly summary: string;
  readonly help: string;
  readonly run: (args: ReadonlyArray<string>, io: CliIo) => Promise<number> | number;
}
