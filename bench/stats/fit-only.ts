// Fit-only timing of the TypeScript engine in one process (no CLI start-up): read + parse the CSV,
// then time fitLmm / fitMmrm alone. Used by bench/stats/run.mjs.
//   node --import tsx bench/stats/fit-only.ts lmm|mmrm data.csv [repeats=1]
// fitSeconds is the first fit in the process (what a command pays: nothing compiled yet);
// with repeats > 1, warmSeconds is the median of the further fits. The *CpuSeconds are the same in
// CPU time of the process (user + system), which the machine's other load disturbs much less.
import { fitLmm, fitMmrm } from '@mimamori/core/stats/index';
import { readCsv } from '../../packages/cli/src/commands/stats-csv.ts';
import { csvToColumns } from '../../packages/cli/src/commands/stats-frame.ts';

const [kind, path, repeatArg] = process.argv.slice(2);
const repeats = Math.max(1, Number(repeatArg ?? '1'));
const t0 = performance.now();
const data = csvToColumns(readCsv(path, process.cwd()));
const t1 = performance.now();
const fit = () => (kind === 'lmm'
  ? fitLmm({ formula: 'y ~ time + (time | id)', data }).convergence.evaluations
  : fitMmrm({ formula: 'y ~ base + arm * factor(visit)', data, subject: 'id', visit: 'visit', covariance: 'us', contrast: 'arm', levels: { arm: ['control'] } }).convergence.evaluations);
const times: number[] = [];
const cpuTimes: number[] = [];
let evaluations = 0;
for (let i = 0; i < repeats; i++) {
  const s = performance.now();
  const c = process.cpuUsage();
  evaluations = fit();
  const d = process.cpuUsage(c);
  times.push((performance.now() - s) / 1000);
  cpuTimes.push((d.user + d.system) / 1e6);
}
const warmMedian = (xs: number[]) => { const w = xs.slice(1).sort((a, b) => a - b); return w.length ? w[Math.floor(w.length / 2)] : null; };
console.log(JSON.stringify({ readSeconds: (t1 - t0) / 1000, fitSeconds: times[0], warmSeconds: warmMedian(times), fitCpuSeconds: cpuTimes[0], warmCpuSeconds: warmMedian(cpuTimes), evaluations }));
