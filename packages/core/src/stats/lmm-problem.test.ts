import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cholesky, choleskyInverse, logDetFromCholesky } from './linear-algebra.ts';
import { LmmProblem } from './lmm-problem.ts';

/** Seeded uniform numbers (mulberry32), so the data are the same on every run. */
function uniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Data { X: Float64Array; y: Float64Array; Z: Float64Array; group: Int32Array; n: number; p: number; q: number; m: number }

/**
 * The first `shared` groups all have visits at 0, 1, 2, 3 (one block shared by many); the others
 * have their own visit times, and each a different number of visits (2, 3, …).
 */
function makeData(input: { seed: number; q: number; m: number; shared: number }): Data {
  const { q, m, shared } = input;
  const u = uniform(input.seed);
  const p = 3;
  const rows: Array<{ x: number[]; y: number; z: number[]; g: number }> = [];
  for (let g = 0; g < m; g++) {
    const times = g < shared ? [0, 1, 2, 3] : Array.from({ length: 2 + g - shared }, (_, k) => k + u() * 0.8);
    const base = u() * 10;
    const b = Array.from({ length: q }, () => u() * 4 - 2);
    for (const t of times) {
      const z = [1, t, t * t].slice(0, q);
      const e = z.reduce((s, zj, j) => s + zj * b[j], 0);
      rows.push({ x: [1, t, base], y: 5 - 0.5 * t + 0.2 * base + e + (u() - 0.5) * 2, z, g });
    }
  }
  const n = rows.length;
  return {
    X: Float64Array.from(rows.flatMap((r) => r.x)),
    y: Float64Array.from(rows.map((r) => r.y)),
    Z: Float64Array.from(rows.flatMap((r) => r.z)),
    group: Int32Array.from(rows.map((r) => r.g)),
    n, p, q, m,
  };
}

/**
 * The REML criterion computed the plain way, from each group's n_i × n_i marginal covariance
 * H_i = I + Z_i Λ Λᵀ Z_iᵀ (in units of σ²): Σ log|H_i| + log|Σ X_iᵀH_i⁻¹X_i| + (n − p)(1 + log(2π r²/(n − p))),
 * r² the generalised residual sum of squares at the GLS β.
 */
function denseReml(d: Data, theta: ReadonlyArray<number>): number {
  const { q, p, n } = d;
  const Lam = new Float64Array(q * q);
  let k = 0;
  for (let j = 0; j < q; j++) for (let i = j; i < q; i++) Lam[i * q + j] = theta[k++];
  const M = new Float64Array(p * p);
  const bv = new Float64Array(p);
  let yHy = 0;
  let ld = 0;
  for (let g = 0; g < d.m; g++) {
    const rows = [...d.group.keys()].filter((r) => d.group[r] === g);
    const ni = rows.length;
    const H = new Float64Array(ni * ni);
    for (let a = 0; a < ni; a++) for (let b = 0; b < ni; b++) {
      let s = a === b ? 1 : 0;
      for (let c = 0; c < q; c++) {
        let za = 0;
        let zb = 0;
        for (let j = 0; j < q; j++) { za += d.Z[rows[a] * q + j] * Lam[j * q + c]; zb += d.Z[rows[b] * q + j] * Lam[j * q + c]; }
        s += za * zb;
      }
      H[a * ni + b] = s;
    }
    const L = cholesky(H, ni)!;
    ld += logDetFromCholesky(L, ni);
    const Hinv = choleskyInverse(L, ni);
    for (let a = 0; a < ni; a++) for (let b = 0; b < ni; b++) {
      const h = Hinv[a * ni + b];
      yHy += d.y[rows[a]] * h * d.y[rows[b]];
      for (let i = 0; i < p; i++) {
        bv[i] += d.X[rows[a] * p + i] * h * d.y[rows[b]];
        for (let j = 0; j < p; j++) M[i * p + j] += d.X[rows[a] * p + i] * h * d.X[rows[b] * p + j];
      }
    }
  }
  const RX = cholesky(M, p)!;
  const Minv = choleskyInverse(RX, p);
  let bMb = 0;
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) bMb += bv[i] * Minv[i * p + j] * bv[j];
  const r2 = yHy - bMb;
  return ld + logDetFromCholesky(RX, p) + (n - p) * (1 + Math.log((2 * Math.PI * r2) / (n - p)));
}

for (const q of [1, 2, 3]) {
  test(`the blocked REML criterion equals the plain marginal-likelihood one (q = ${q}; shared and single blocks)`, () => {
    const d = makeData({ seed: 20261207 + q, q, m: 40, shared: 15 });
    const prob = new LmmProblem(d);
    // 15 groups share one block; the other 25 each have their own (with a random intercept only,
    // ZᵢᵀZᵢ is the number of visits, so the one with 4 visits joins the shared block).
    assert.equal(prob.blockCount, q === 1 ? 25 : 26);
    const u = uniform(q);
    for (let trial = 0; trial < 5; trial++) {
      const theta: number[] = [];
      for (let j = 0; j < q; j++) for (let i = j; i < q; i++) theta.push(i === j ? 0.2 + u() * 1.5 : u() - 0.5);
      const blocked = prob.deviance(theta, true);
      const plain = denseReml(d, theta);
      assert.ok(Math.abs(blocked - plain) <= 1e-9 * Math.abs(plain), `θ = ${theta.join(', ')}: ${blocked} vs ${plain}`);
    }
  });
}
