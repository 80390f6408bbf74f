// Fit-only timing of the TypeScript engine in one process (no CLI start-up): read + parse the CSV,
// then time fitLmm / fitMmrm alone. Used by bench/stats/run.mjs.
//   node --import tsx bench/stats/fit-only.ts lmm|mmrm data.csv
import { readFileSync } from 'node:fs';
import { fitLmm, fitMmrm } from '@mimamori/core/stats/index';
import { readCsv } from '../../packages/cli/src/commands/stats-csv.ts';
import { csvToColumns } from '../../packages/cli/src/commands/stats-frame.ts';

const [kind, path] = process.argv.slice(2);
void readFileSync;
const t0 = performance.now();
const data = csvToColumns(readCsv(path, process.cwd()));
const t1 = performance.now();
if (kind === 'lmm') {
  const fit = fitLmm({ formula: 'y ~ time + (time | id)', data });
  const t2 = performance.now();
  console.log(JSON.stringify({ readSeconds: (t1 - t0) / 1000, fitSeconds: (t2 - t1) / 1000, evaluations: fit.convergence.evaluations }));
} else {
  const fit = fitMmrm({ formula: 'y ~ base + arm * factor(visit)', data, subject: 'id', visit: 'visit', covariance: 'us', contrast: 'arm', levels: { arm: ['control'] } });
  const t2 = performance.now();
  console.log(JSON.stringify({ readSeconds: (t1 - t0) / 1000, fitSeconds: (t2 - t1) / 1000, evaluations: fit.convergence.evaluations }));
}
