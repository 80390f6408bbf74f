import { fitMmrm, type CovarianceStructure } from '@mimamori/core/stats/mmrm';
import { UsageError } from '../command.ts';
import { parseStatsArgs, required, toJson } from './stats-args.ts';
import { readCsv } from './stats-csv.ts';
import { csvToColumns, parseLevels } from './stats-frame.ts';
import type { StatsSubcommand } from './stats-subcommand.ts';

export const mmrmSubcommand: StatsSubcommand = {
  name: 'mmrm',
  summary: 'mixed model for repeated measures (GLS, REML; us/cs/ar1) with visit-wise contrasts',
  help: [
    'Usage: mimamori stats mmrm --csv FILE --formula "y ~ base + arm * factor(visit)" --subject COL --visit COL',
    '                           [--covariance us|cs|ar1] [--contrast COL] [--levels col=ref,b,c]',
    '',
    'Long data, one row per subject and visit; missing visits are handled by the likelihood (no',
    'imputation). Covariance over visits: us (unstructured, default), cs (compound symmetry) or',
    'ar1 (over the visit order). REML; Satterthwaite df from the REML likelihood.',
    'Visits are ordered by value (numbers numerically); give text visits their order with',
    '--levels visit=baseline,week2,week4.',
    '--contrast COL: each non-reference level minus the reference level at each visit, with other',
    'numeric covariates at their mean and other factors averaged over their levels.',
    '',
    'Prints {"fixed":{"<name>":{"estimate","se","t","df","p"}},"visits":[…],"covariance":[[…]],',
    '        "logLik","aic","bic","nobs","nsubjects","converged",',
    '        "contrasts":{"<visit>":{"estimate","se","df","ci95":[lo,hi],"p"}}}',
    'With a contrast factor of more than two levels, contrasts are {"<visit>":{"<level>":{…}}}.',
    'Refused (exit 1, with the reason): no more observations than fixed effects + covariance',
    'parameters, or a Satterthwaite df below 1.',
    '',
  ].join('\n'),
  run(args, io) {
    const a = parseStatsArgs(args, { options: ['csv', 'formula', 'subject', 'visit', 'covariance', 'contrast', 'levels'], flags: [] });
    const cov = a.values.get('covariance') ?? 'us';
    if (cov !== 'us' && cov !== 'cs' && cov !== 'ar1') throw new UsageError(`--covariance must be us, cs or ar1 (got "${cov}")`);
    const t = readCsv(required(a, 'csv'), io.cwd);
    const fit = fitMmrm({
      formula: required(a, 'formula'),
      data: csvToColumns(t),
      subject: required(a, 'subject'),
      visit: required(a, 'visit'),
      covariance: cov as CovarianceStructure,
      contrast: a.values.get('contrast'),
      levels: parseLevels(a.all.get('levels') ?? []),
    });
    io.stdout(toJson({
      fixed: fit.fixed,
      visits: fit.visits,
      covariance: fit.covariance,
      logLik: fit.logLik,
      aic: fit.aic,
      bic: fit.bic,
      nobs: fit.nobs,
      nsubjects: fit.nsubjects,
      converged: fit.converged,
      contrasts: fit.contrasts ?? {},
      contrastLevels: fit.contrastLevels,
    }));
    return 0;
  },
};
