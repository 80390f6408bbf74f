import { fitLmm } from '@mimamori/core/stats/lmm';
import { parseStatsArgs, required, toJson } from './stats-args.ts';
import { readCsv } from './stats-csv.ts';
import { csvToColumns, parseLevels } from './stats-frame.ts';
import type { StatsSubcommand } from './stats-subcommand.ts';

export const lmmSubcommand: StatsSubcommand = {
  name: 'lmm',
  summary: 'linear mixed model (REML/ML, one grouping factor) with Satterthwaite df',
  help: [
    'Usage: mimamori stats lmm --csv FILE --formula "y ~ x + factor(g) + (x | id)" [--ml] [--levels col=ref,b,c]',
    '',
    'lme4-style formula: fixed terms with + * : and factor(); one random term (1 | id) or',
    '(x | id) (correlated intercept and slope). Fitted by REML unless --ml. Factors use treatment',
    'coding; the reference is the first level in sorted order unless --levels (repeatable) puts',
    'other levels first. Rows missing any variable of the formula are left out.',
    '',
    'Prints {"fixed":{"<name>":{"estimate","se","t","df","p"}},',
    '        "random":{"<group>":{"sd":{"<term>":…},"corr":[[…]]|null}},"sigma","remlCriterion",',
    '        "deviance","logLik","aic","bic","nobs","ngroups":{"<group>":n},"converged","warnings":[…],',
    '        "convergence"}',
    'df are Satterthwaite (lmerTest\'s method); remlCriterion is null for --ml, deviance null for REML.',
    '',
    'Refused (exit 1, with the reason): a grouping factor with fewer than 2 levels; no more',
    'observations than random effects (levels × terms), or than fixed effects + variance',
    'parameters (σ included); a Satterthwaite df below 1. A singular (boundary) fit, a fit that did',
    'not converge, or df that cannot be computed give a result with "warnings" (also on stderr).',
    '',
  ].join('\n'),
  run(args, io) {
    const a = parseStatsArgs(args, { options: ['csv', 'formula', 'levels'], flags: ['ml'] });
    const t = readCsv(required(a, 'csv'), io.cwd);
    const fit = fitLmm({
      formula: required(a, 'formula'),
      data: csvToColumns(t),
      reml: !a.flags.has('ml'),
      levels: parseLevels(a.all.get('levels') ?? []),
    });
    io.stdout(toJson({
      fixed: fit.fixed,
      random: Object.fromEntries(Object.entries(fit.random).map(([g, r]) => [g, { sd: r.sd, corr: r.corr }])),
      sigma: fit.sigma,
      remlCriterion: fit.remlCriterion,
      deviance: fit.deviance,
      logLik: fit.logLik,
      aic: fit.aic,
      bic: fit.bic,
      nobs: fit.nobs,
      ngroups: fit.ngroups,
      converged: fit.converged,
      warnings: fit.warnings,
      convergence: fit.convergence,
    }));
    for (const w of fit.warnings) io.stderr(`warning: ${w}\n`);
    return 0;
  },
};
