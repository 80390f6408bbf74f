// Seeded synthetic data for the statistics benchmarks (bench/stats/run.mjs).
//   node bench/stats/generate.mjs OUTDIR [patients=10000] [mmrmPatients=2000] [seed=20261129]
// LMM set (the recipe of the project's stats reference README): N patients × 8 visits (time 0..7),
//   y = 20 + b0 + (−0.5 + b1)·time + e, SD(b0) = 4, SD(b1) = 0.8, corr(b0, b1) = −0.3, SD(e) = 2.
// MMRM set: M patients × 6 visits, two arms (control/active), baseline covariate, unstructured-ish
//   within-patient covariance (random intercept + AR(1) noise, variance growing over visits) and
//   monotone dropout (about 3% per visit after the first).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: small, fast, seedable 32-bit generator. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal deviates by Box–Muller. */
export function normal(u) {
  let spare = null;
  return () => {
    if (spare !== null) { const s = spare; spare = null; return s; }
    let u1 = 0;
    while (u1 === 0) u1 = u();
    const r = Math.sqrt(-2 * Math.log(u1));
    const th = 2 * Math.PI * u();
    spare = r * Math.sin(th);
    return r * Math.cos(th);
  };
}

/**
 * The LMM set. With `irregular`, every visit after the first comes up to 0.3 time units early or
 * late (as patients come on the days they can), so nearly every patient has their own visit times.
 */
export function lmmCsv(patients, seed, options = {}) {
  const u = rng(seed);
  const z = normal(u);
  const jitter = options.irregular ? rng(seed + 1) : null;
  const lines = ['id,time,y'];
  for (let i = 1; i <= patients; i++) {
    const z1 = z();
    const z2 = z();
    const b0 = 4 * z1;
    const b1 = 0.8 * (-0.3 * z1 + Math.sqrt(1 - 0.09) * z2);
    for (let v = 0; v < 8; v++) {
      const t = jitter && v > 0 ? Number((v + (jitter() - 0.5) * 0.6).toFixed(3)) : v;
      lines.push(`${i},${t},${(20 + b0 + (-0.5 + b1) * t + 2 * z()).toFixed(6)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function mmrmCsv(patients, seed) {
  const u = rng(seed);
  const z = normal(u);
  const lines = ['id,arm,visit,base,y'];
  for (let i = 1; i <= patients; i++) {
    const arm = i % 2 === 0 ? 'active' : 'control';
    const base = 25 + 5 * z();
    const b = 3 * z();
    let ar = 0;
    for (let v = 1; v <= 6; v++) {
      if (v > 1 && u() < 0.03 * (v - 1)) break; // monotone dropout
      ar = 0.5 * ar + Math.sqrt(1 - 0.25) * z();
      const effect = arm === 'active' ? -0.8 * v : 0;
      const y = 0.6 * base - 1.2 * v + effect + b + (2 + 0.3 * v) * ar;
      lines.push(`${i},${arm},${v},${base.toFixed(6)},${y.toFixed(6)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [out = '.', n = '10000', m = '2000', seed = '20261129'] = process.argv.slice(2);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, `lmm-${n}x8.csv`), lmmCsv(Number(n), Number(seed)));
  writeFileSync(join(out, `mmrm-${m}x6.csv`), mmrmCsv(Number(m), Number(seed) + 1));
  console.log(`wrote ${join(out, `lmm-${n}x8.csv`)} and ${join(out, `mmrm-${m}x6.csv`)}`);
}
