import { cholesky, choleskyInverse, choleskySolve, logDetFromCholesky } from './linear-algebra.ts';
import { statsError } from './stats-error.ts';

/** What the profiled deviance yields at one θ. */
export interface ThetaState {
  readonly ldL2: number;
  readonly ldRX2: number;
  readonly pwrss: number;
  /** β (shifted back to the original response). */
  readonly beta: Float64Array;
  /** Inverse of RXᵀRX = Xᵀ V⁻¹ X up to σ² (p × p): cov(β̂) / σ². */
  readonly MInv: Float64Array;
}

/**
 * Groups that share one ZᵢᵀZᵢ block (the same random-effects design, e.g. the same visit days).
 * Their blocks of the sparse Cholesky factor are equal, so it is computed once per pattern.
 */
interface Pattern {
  readonly ZtZ: Float64Array;
  readonly count: number;
  /**
   * Summed cross-products of the groups' Bᵢ = Zᵢᵀ[X | y] (q × (p+1)):
   * S[(j·q + k)·P² + a·P + b] = Σᵢ Bᵢ[j, a] Bᵢ[k, b], P = p + 1. Null when the pattern is kept
   * group by group (few members, where S would cost more than the members' Bᵢ).
   */
  readonly S: Float64Array | null;
  /** The members' Bᵢ one after another (null when S is used). */
  readonly B: Float64Array | null;
  /** Σᵢ Zᵢᵀy and Σᵢ Zᵢᵀy yᵀZᵢ over the members (for the starting values). */
  readonly sumZty: Float64Array;
  readonly sumZtyZty: Float64Array;
}

/**
 * The penalised least-squares problem of an LMM with one grouping factor, as lme4 sets it up:
 * with Λ(θ) the relative Cholesky factor of the random effects, the system
 * [ΛᵀZᵀZΛ + I, ΛᵀZᵀX; XᵀZΛ, XᵀX] is block-diagonal in its upper-left part, one q × q block Lᵢ per
 * group, and the fixed effects take the Schur complement XᵀX − Σᵢ XᵢᵀZᵢΛ (LᵢLᵢᵀ)⁻¹ ΛᵀZᵢᵀXᵢ.
 * The n rows are reduced once to per-group cross-products; groups with the same ZᵢᵀZᵢ share
 * their block, and their contributions to the Schur complement are summed ahead, so one
 * evaluation of the profiled deviance costs O(patterns · q²(p+1)²) for patterns shared by many
 * groups and O(q²(p+1)) per group otherwise. It never touches the rows again.
 */
export class LmmProblem {
  readonly q: number;
  readonly p: number;
  readonly n: number;
  readonly m: number;
  /** A method-of-moments starting θ, or null when it is unusable. */
  readonly start: number[] | null;
  private readonly beta0: Float64Array;
  /** [X | y]ᵀ[X | y] of the OLS-shifted response, (p+1) × (p+1). */
  private readonly G0: Float64Array;
  private readonly patterns: ReadonlyArray<Pattern>;
  private readonly G: Float64Array;
  private readonly Lam: Float64Array;
  private readonly A: Float64Array;
  private readonly K: Float64Array;
  private readonly W: Float64Array;
  private readonly C: Float64Array;

  constructor(input: { readonly X: Float64Array; readonly y: Float64Array; readonly Z: Float64Array; readonly group: Int32Array; readonly n: number; readonly p: number; readonly q: number; readonly m: number }) {
    const { X, y, Z, group, n, p, q, m } = input;
    this.n = n;
    this.p = p;
    this.q = q;
    this.m = m;
    const P = p + 1;
    // Shift the response by an OLS fit so that yᵀy is of the size of the residuals: keeps the
    // penalised residual sum of squares accurate to full precision for numerical derivatives.
    const XtX = new Float64Array(p * p);
    const Xty = new Float64Array(p);
    for (let r = 0; r < n; r++) {
      for (let a = 0; a < p; a++) {
        const xa = X[r * p + a];
        if (xa === 0) continue;
        Xty[a] += xa * y[r];
        for (let b = 0; b <= a; b++) XtX[a * p + b] += xa * X[r * p + b];
      }
    }
    for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) XtX[b * p + a] = XtX[a * p + b];
    const Lx = cholesky(XtX, p);
    if (!Lx) throw statsError('the fixed-effects design is rank deficient (a column is constant or a combination of others); simplify the formula');
    this.beta0 = choleskySolve(Lx, p, Xty);

    const { G0, ZtZ, B } = reduceRows({ X, y, Z, group, n, p, q, m, beta0: this.beta0 });
    this.G0 = G0;

    // Groups by their ZᵢᵀZᵢ block (exactly equal blocks; a hash of the bits finds the candidates).
    const members = groupByBlock(ZtZ, q * q, m);
    this.patterns = members.map((gs) => {
      const first = gs[0];
      const zz = ZtZ.slice(first * q * q, (first + 1) * q * q);
      const sumZty = new Float64Array(q);
      const sumZtyZty = new Float64Array(q * q);
      for (const g of gs) for (let j = 0; j < q; j++) {
        const yj = B[g * q * P + j * P + p];
        sumZty[j] += yj;
        for (let k = 0; k < q; k++) sumZtyZty[j * q + k] += yj * B[g * q * P + k * P + p];
      }
      // Summing ahead stores q²(p+1)² numbers instead of q(p+1) per member.
      if (2 * gs.length >= q * P) {
        const S = new Float64Array(q * q * P * P);
        for (const g of gs) {
          const off = g * q * P;
          for (let j = 0; j < q; j++) for (let k = 0; k < q; k++) {
            const base = (j * q + k) * P * P;
            for (let a = 0; a < P; a++) {
              const bja = B[off + j * P + a];
              if (bja === 0) continue;
              for (let b = 0; b <= a; b++) S[base + a * P + b] += bja * B[off + k * P + b];
            }
          }
        }
        return { ZtZ: zz, count: gs.length, S, B: null, sumZty, sumZtyZty };
      }
      const Bs = new Float64Array(gs.length * q * P);
      gs.forEach((g, i) => Bs.set(B.subarray(g * q * P, (g + 1) * q * P), i * q * P));
      return { ZtZ: zz, count: gs.length, S: null, B: Bs, sumZty, sumZtyZty };
    });
    this.start = momentStart({ patterns: this.patterns, yty: G0[p * P + p], n, p, q });
    this.G = new Float64Array(P * P);
    this.Lam = new Float64Array(q * q);
    this.A = new Float64Array(q * q);
    this.K = new Float64Array(q * q);
    this.W = new Float64Array(q * q);
    this.C = new Float64Array(q * P);
  }

  /** Number of distinct ZᵢᵀZᵢ blocks (how many small Cholesky factors one evaluation computes). */
  get patternCount(): number {
    return this.patterns.length;
  }

  /** Λ (q × q lower triangular, row-major) from θ filled column by column, as lme4. */
  lambda(theta: ReadonlyArray<number>): Float64Array {
    const q = this.q;
    const Lam = new Float64Array(q * q);
    let k = 0;
    for (let j = 0; j < q; j++) for (let i = j; i < q; i++) Lam[i * q + j] = theta[k++];
    return Lam;
  }

  evaluate(theta: ReadonlyArray<number>): ThetaState | null {
    const { q, p } = this;
    const P = p + 1;
    const { G, Lam, A, K, W, C } = this;
    Lam.fill(0);
    let t = 0;
    for (let j = 0; j < q; j++) for (let i = j; i < q; i++) Lam[i * q + j] = theta[t++];
    G.set(this.G0);
    let ldL2 = 0;
    for (const pat of this.patterns) {
      const zz = pat.ZtZ;
      // A = Λᵀ ZᵢᵀZᵢ Λ + I (lower triangle), then its Cholesky factor in place.
      for (let i = 0; i < q; i++) for (let j = 0; j <= i; j++) {
        let s = 0;
        for (let k = i; k < q; k++) {
          const lki = Lam[k * q + i];
          if (lki === 0) continue;
          for (let l = j; l < q; l++) s += lki * zz[k * q + l] * Lam[l * q + j];
        }
        A[i * q + j] = s + (i === j ? 1 : 0);
      }
      let ld = 0;
      for (let j = 0; j < q; j++) {
        let d = A[j * q + j];
        for (let k = 0; k < j; k++) d -= A[j * q + k] * A[j * q + k];
        if (!(d > 0)) return null;
        const ljj = Math.sqrt(d);
        A[j * q + j] = ljj;
        ld += Math.log(ljj);
        for (let i = j + 1; i < q; i++) {
          let s = A[i * q + j];
          for (let k = 0; k < j; k++) s -= A[i * q + k] * A[j * q + k];
          A[i * q + j] = s / ljj;
        }
      }
      ldL2 += 2 * pat.count * ld;
      // K = Lᵢ⁻¹ Λᵀ: a member's block row of the factor is K Bᵢ.
      for (let c = 0; c < q; c++) {
        for (let i = 0; i < q; i++) {
          let s = Lam[c * q + i];
          for (let k = 0; k < i; k++) s -= A[i * q + k] * K[k * q + c];
          K[i * q + c] = s / A[i * q + i];
        }
      }
      if (pat.S) {
        // Σᵢ Bᵢᵀ W Bᵢ with W = KᵀK, from the summed cross-products.
        for (let j = 0; j < q; j++) for (let k = 0; k < q; k++) {
          let s = 0;
          for (let i = 0; i < q; i++) s += K[i * q + j] * K[i * q + k];
          W[j * q + k] = s;
        }
        const S = pat.S;
        for (let j = 0; j < q; j++) for (let k = 0; k < q; k++) {
          const wjk = W[j * q + k];
          const base = (j * q + k) * P * P;
          for (let a = 0; a < P; a++) for (let b = 0; b <= a; b++) G[a * P + b] -= wjk * S[base + a * P + b];
        }
      } else {
        const Bs = pat.B!;
        for (let g = 0; g < pat.count; g++) {
          const off = g * q * P;
          for (let i = 0; i < q; i++) for (let a = 0; a < P; a++) {
            let s = 0;
            for (let k = 0; k < q; k++) s += K[i * q + k] * Bs[off + k * P + a];
            C[i * P + a] = s;
          }
          for (let a = 0; a < P; a++) for (let b = 0; b <= a; b++) {
            let s = 0;
            for (let i = 0; i < q; i++) s += C[i * P + a] * C[i * P + b];
            G[a * P + b] -= s;
          }
        }
      }
    }
    // Schur complement for the fixed effects: M = Xᵀ V⁻¹ X σ⁻²-scaled, v likewise for y.
    const M = new Float64Array(p * p);
    const v = new Float64Array(p);
    for (let a = 0; a < p; a++) {
      v[a] = G[p * P + a];
      for (let b = 0; b <= a; b++) M[a * p + b] = M[b * p + a] = G[a * P + b];
    }
    const RX = cholesky(M, p);
    if (!RX) return null;
    const bs = choleskySolve(RX, p, v);
    let cb2 = 0;
    for (let a = 0; a < p; a++) cb2 += v[a] * bs[a];
    const pwrss = Math.max(G[p * P + p] - cb2, 1e-300);
    const beta = new Float64Array(p);
    for (let a = 0; a < p; a++) beta[a] = bs[a] + this.beta0[a];
    return { ldL2, ldRX2: logDetFromCholesky(RX, p), pwrss, beta, MInv: choleskyInverse(RX, p) };
  }

  /** Profiled deviance (REML criterion or ML deviance) as lme4 defines it. */
  deviance(theta: ReadonlyArray<number>, reml: boolean): number {
    const s = this.evaluate(theta);
    if (!s) return Infinity;
    const { n, p } = this;
    if (reml) return s.ldL2 + s.ldRX2 + (n - p) * (1 + Math.log((2 * Math.PI * s.pwrss) / (n - p)));
    return s.ldL2 + n * (1 + Math.log((2 * Math.PI * s.pwrss) / n));
  }

  /** Deviance at (θ, σ), not profiled over σ — lmerTest's `devfun_vp` — from `evaluate(θ)`. */
  devianceAt(s: ThetaState | null, sigma: number, reml: boolean): number {
    if (!s) return NaN;
    const s2 = sigma * sigma;
    let dev = s.ldL2 + s.pwrss / s2 + this.n * Math.log(2 * Math.PI * s2);
    if (reml) dev += s.ldRX2 - this.p * Math.log(2 * Math.PI * s2);
    return dev;
  }
}

/** One pass over the rows: G0 = [X | y]ᵀ[X | y] (y OLS-shifted), per group ZᵢᵀZᵢ and Bᵢ = Zᵢᵀ[X | y]. */
function reduceRows(input: { readonly X: Float64Array; readonly y: Float64Array; readonly Z: Float64Array; readonly group: Int32Array; readonly n: number; readonly p: number; readonly q: number; readonly m: number; readonly beta0: Float64Array }): { G0: Float64Array; ZtZ: Float64Array; B: Float64Array } {
  const { X, y, Z, group, n, p, q, m, beta0 } = input;
  const P = p + 1;
  const G0 = new Float64Array(P * P);
  const ZtZ = new Float64Array(m * q * q);
  const B = new Float64Array(m * q * P);
  const w = new Float64Array(P);
  for (let r = 0; r < n; r++) {
    let f = 0;
    for (let a = 0; a < p; a++) { w[a] = X[r * p + a]; f += w[a] * beta0[a]; }
    w[p] = y[r] - f;
    for (let a = 0; a < P; a++) {
      const wa = w[a];
      if (wa === 0) continue;
      for (let b = 0; b <= a; b++) G0[a * P + b] += wa * w[b];
    }
    const g = group[r];
    for (let i = 0; i < q; i++) {
      const zi = Z[r * q + i];
      if (zi === 0) continue;
      for (let j = 0; j < q; j++) ZtZ[g * q * q + i * q + j] += zi * Z[r * q + j];
      for (let a = 0; a < P; a++) B[g * q * P + i * P + a] += zi * w[a];
    }
  }
  for (let a = 0; a < P; a++) for (let b = 0; b < a; b++) G0[b * P + a] = G0[a * P + b];
  return { G0, ZtZ, B };
}

/** Indices of equal blocks of `size` numbers, in order of first appearance. */
function groupByBlock(a: Float64Array, size: number, count: number): number[][] {
  const words = new Int32Array(a.buffer, a.byteOffset, a.length * 2);
  const byHash = new Map<number, number[]>();
  const members: number[][] = [];
  const first: number[] = [];
  for (let g = 0; g < count; g++) {
    let h = 0x811c9dc5;
    for (let i = g * size * 2; i < (g + 1) * size * 2; i++) h = Math.imul(h ^ words[i], 0x01000193);
    let list = byHash.get(h);
    if (!list) { list = []; byHash.set(h, list); }
    let k = -1;
    for (const c of list) {
      const f = first[c];
      let same = true;
      for (let i = 0; i < size && same; i++) same = a[f * size + i] === a[g * size + i];
      if (same) { k = c; break; }
    }
    if (k < 0) { k = members.length; members.push([]); first.push(g); list.push(k); }
    members[k].push(g);
  }
  return members;
}

/**
 * A method-of-moments starting θ: per-group least-squares random effects bᵢ (on the OLS
 * residuals), Σ_b ≈ cov(bᵢ) − σ̂²·mean((ZᵢᵀZᵢ)⁻¹), θ = chol(Σ_b / σ̂²). Null when it is unusable.
 */
function momentStart(input: { readonly patterns: ReadonlyArray<Pattern>; readonly yty: number; readonly n: number; readonly p: number; readonly q: number }): number[] | null {
  const { patterns, n, p, q } = input;
  const sumBB = new Float64Array(q * q);
  const sumB = new Float64Array(q);
  const sumInv = new Float64Array(q * q);
  let used = 0;
  let fitted = 0;
  // Within a pattern bᵢ = (ZᵀZ)⁻¹Zᵢᵀy, so the sums over its members follow from Σ Zᵢᵀy and Σ Zᵢᵀy yᵀZᵢ.
  for (const pat of patterns) {
    const L = cholesky(pat.ZtZ, q);
    if (!L) continue;
    const inv = choleskyInverse(L, q);
    used += pat.count;
    for (let i = 0; i < q; i++) {
      let bi = 0;
      for (let k = 0; k < q; k++) { bi += inv[i * q + k] * pat.sumZty[k]; fitted += inv[i * q + k] * pat.sumZtyZty[k * q + i]; }
      sumB[i] += bi;
      for (let j = 0; j < q; j++) {
        let s = 0;
        for (let k = 0; k < q; k++) for (let l = 0; l < q; l++) s += inv[i * q + k] * pat.sumZtyZty[k * q + l] * inv[l * q + j];
        sumBB[i * q + j] += s;
        sumInv[i * q + j] += pat.count * inv[i * q + j];
      }
    }
  }
  const dfWithin = n - used * q - p;
  if (used < 2 || dfWithin <= 0) return null;
  const s2 = (input.yty - fitted) / dfWithin;
  if (!(s2 > 0)) return null;
  const S = new Float64Array(q * q);
  for (let i = 0; i < q; i++) for (let j = 0; j < q; j++) {
    S[i * q + j] = (sumBB[i * q + j] - (sumB[i] * sumB[j]) / used) / (used - 1) - (s2 * sumInv[i * q + j]) / used;
    S[i * q + j] /= s2;
  }
  let L = cholesky(S, q);
  if (!L) {
    const D = new Float64Array(q * q);
    for (let i = 0; i < q; i++) D[i * q + i] = Math.max(S[i * q + i], 0.01);
    L = cholesky(D, q);
    if (!L) return null;
  }
  const theta: number[] = [];
  for (let j = 0; j < q; j++) for (let i = j; i < q; i++) theta.push(L[i * q + j]);
  return theta;
}
