import { completePairs, pairedAnalysis, proportionCi, reliableChange, sd as sampleSd } from '@mimamori/core/stats/index';
import { UsageError } from '../command.ts';
import { numberOption, parseStatsArgs, required, toJson } from './stats-args.ts';
import { numericColumn, readCsv } from './stats-csv.ts';
import type { StatsSubcommand } from './stats-subcommand.ts';

export const pairedSubcommand: StatsSubcommand = {
  name: 'paired',
  summary: 'paired change: t-test with CI, Wilcoxon signed-rank, d_z, Hedges g_z, SRM',
  help: [
    'Usage: mimamori stats paired --csv FILE --before COL --after COL',
    '',
    'change = after − before over rows where both values are present; "missing" counts the rows',
    'left out because either value is missing.',
    'Prints {"n","missing","meanChange","sdChange","ci95":[lo,hi],"t","df","p",',
    '        "wilcoxon":{"V","p","method"},"dz","hedgesGz","srm"}',
    'V is the sum of the ranks of the positive changes; the Wilcoxon p is exact for fewer than',
    '50 pairs without ties or zero changes, otherwise the normal approximation with tie and',
    'continuity correction (as R).',
    '',
  ].join('\n'),
  run(args, io) {
    const a = parseStatsArgs(args, { options: ['csv', 'before', 'after'], flags: [] });
    const t = readCsv(required(a, 'csv'), io.cwd);
    const before = numericColumn(t, required(a, 'before'));
    const after = numericColumn(t, required(a, 'after'));
    io.stdout(toJson(pairedAnalysis({ before, after })));
    return 0;
  },
};

export const proportionSubcommand: StatsSubcommand = {
  name: 'proportion',
  summary: 'a proportion with Wilson and Clopper–Pearson 95% intervals',
  help: [
    'Usage: mimamori stats proportion --successes K --n N',
    '',
    'Prints {"estimate","wilson":[lo,hi],"clopperPearson":[lo,hi]} (95%; Wilson without continuity',
    'correction as R\'s prop.test(correct = FALSE); Clopper–Pearson as R\'s binom.test).',
    '',
  ].join('\n'),
  run(args, io) {
    const a = parseStatsArgs(args, { options: ['successes', 'n'], flags: [] });
    const k = numberOption(a, 'successes');
    const n = numberOption(a, 'n');
    if (!Number.isInteger(k) || !Number.isInteger(n) || n <= 0 || k < 0 || k > n) {
      throw new UsageError('--successes and --n must be whole numbers with 0 ≤ K ≤ N and N > 0');
    }
    const r = proportionCi({ successes: k, n });
    io.stdout(toJson({ estimate: r.estimate, wilson: r.wilson, clopperPearson: r.clopperPearson }));
    return 0;
  },
};

export const rciSubcommand: StatsSubcommand = {
  name: 'rci',
  summary: 'Jacobson–Truax reliable change: counts improved / unchanged / deteriorated',
  help: [
    'Usage: mimamori stats rci --csv FILE --before COL --after COL --reliability R [--sd S] [--higher-is-better]',
    '',
    'threshold = 1.96 × S_diff, S_diff = √2 · SD · √(1 − R). SD defaults to the SD of the before',
    'column over every row where it is present. Lower scores are better unless --higher-is-better.',
    'Rows missing either value are not classified; "missing" counts them.',
    'Prints {"threshold","sd","improved","unchanged","deteriorated","missing"}.',
    '',
  ].join('\n'),
  run(args, io) {
    const a = parseStatsArgs(args, { options: ['csv', 'before', 'after', 'reliability', 'sd'], flags: ['higher-is-better'] });
    const t = readCsv(required(a, 'csv'), io.cwd);
    const before = numericColumn(t, required(a, 'before'));
    const after = numericColumn(t, required(a, 'after'));
    const reliability = numberOption(a, 'reliability');
    if (!(reliability >= 0 && reliability < 1)) throw new UsageError('--reliability must be in [0, 1)');
    const presentBefore = before.filter((v): v is number => v !== null);
    const sd = a.values.has('sd') ? numberOption(a, 'sd') : sampleSd(presentBefore);
    if (!(sd > 0)) throw new UsageError('the SD must be positive (give --sd, or a before column with at least 2 different values)');
    const pairs = completePairs({ before, after });
    const r = reliableChange({ before: pairs.before, after: pairs.after, sd, reliability, higherIsBetter: a.flags.has('higher-is-better') });
    io.stdout(toJson({ ...r, missing: pairs.missing }));
    return 0;
  },
};
