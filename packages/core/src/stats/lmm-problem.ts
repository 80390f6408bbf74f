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
 * Their blocks of the sparse Cholesky factor are equal, so it is computed once per pattern, and
 * their part of the Schur complement comes from the summed cross-products of Bᵢ = Zᵢᵀ[X | y]
 * (q × (p+1)): S[(j·q + k)·P² + a·P + b] = Σᵢ Bᵢ[j, a] Bᵢ[k, b], P = p + 1.
 */
interface Pattern {
  readonly ZtZ: Float64Array;
  readonly count: number;
  readonly S: Float64Array;
}

/** The groups computed one by one (each with its own block): ZᵢᵀZᵢ and Bᵢ one after another. */
interface Singles {
  readonly count: number;
  readonly ZtZ: Float64Array;
  readonly B: Float64Array;
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
  private readonly singles: Singles;
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
    // Summing ahead stores q²(p+1)² numbers instead of q(p+1) per member: worth it from q(p+1)/2 members.
    const shared = members.filter((gs) => 2 * gs.length >= q * P);
    this.patterns = shared.map((gs) => {
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
      return { ZtZ: ZtZ.slice(gs[0] * q * q, (gs[0] + 1) * q * q), count: gs.length, S };
    });
    const one: number[] = [];
    for (const gs of members) if (2 * gs.length < q * P) one.push(...gs);
    const single = { count: one.length, ZtZ: new Float64Array(one.length * q * q), B: new Float64Array(one.length * q * P) };
    one.forEach((g, i) => {
      single.ZtZ.set(ZtZ.subarray(g * q * q, (g + 1) * q * q), i * q * q);
      single.B.set(B.subarray(g * q * P, (g + 1) * q * P), i * q * P);
    });
    this.singles = single;
    this.start = momentStart({ members, ZtZ, B, yty: G0[p * P + p], n, p, q });
    this.G = new Float64Array(P * P);
    this.Lam = new Float64Array(q * q);
    this.A = new Float64Array(q * q);
    this.K = new Float64Array(q * q);
    this.W = new Float64Array(q * q);
    this.C = new Float64Array(q * P);
  }

  /** How many small Cholesky factors one evaluation computes (shared blocks + single groups). */
  get blockCount(): number {
    return this.patterns.length + this.singles.count;
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
    const { G, Lam, K, W, C } = this;
    Lam.fill(0);
    let t = 0;
    for (let j = 0; j < q; j++) for (let i = j; i < q; i++) Lam[i * q + j] = theta[t++];
    G.set(this.G0);
    let ldL2 = 0;
    for (const pat of this.patterns) {
      const ld = this.factorBlock(pat.ZtZ, 0);
      if (Number.isNaN(ld)) return null;
      ldL2 += 2 * pat.count * ld;
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
    }
    const { ZtZ: sZ, B: sB } = this.singles;
    if (q <= 2) {
      const ld = this.singlesSmall(Lam, G);
      if (Number.isNaN(ld)) return null;
      ldL2 += ld;
    } else for (let g = 0; g < this.singles.count; g++) {
      const ld = this.factorBlock(sZ, g * q * q);
      if (Number.isNaN(ld)) return null;
      ldL2 += 2 * ld;
      // The group's block row of the factor, C = K Bᵢ, and its part CᵀC of the Schur complement.
      const off = g * q * P;
      for (let i = 0; i < q; i++) for (let a = 0; a < P; a++) {
        let s = 0;
        for (let k = 0; k < q; k++) s += K[i * q + k] * sB[off + k * P + a];
        C[i * P + a] = s;
      }
      for (let a = 0; a < P; a++) for (let b = 0; b <= a; b++) {
        let s = 0;
        for (let i = 0; i < q; i++) s += C[i * P + a] * C[i * P + b];
        G[a * P + b] -= s;
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

  /**
   * The single groups' part for q ≤ 2 (a random intercept, or intercept and slope — nearly every
   * clinical model), with the 2 × 2 factorisation written out: the same arithmetic as factorBlock
   * and the general loop, without their loop overhead, since it runs once per patient and
   * evaluation. Returns Σ log|Lᵢ|² (NaN when a block is not positive definite).
   */
  private singlesSmall(Lam: Float64Array, G: Float64Array): number {
    const { q, p } = this;
    const P = p + 1;
    const { count, ZtZ, B } = this.singles;
    let ld = 0;
    if (q === 1) {
      const l = Lam[0];
      for (let g = 0; g < count; g++) {
        const a = l * ZtZ[g] * l + 1;
        ld += Math.log(a);
        const k = l / Math.sqrt(a);
        const off = g * P;
        for (let i = 0; i < P; i++) {
          const ci = k * B[off + i];
          for (let j = 0; j <= i; j++) G[i * P + j] -= ci * (k * B[off + j]);
        }
      }
      return ld;
    }
    const l00 = Lam[0];
    const l10 = Lam[2];
    const l11 = Lam[3];
    for (let g = 0; g < count; g++) {
      const z = g * 4;
      const z00 = ZtZ[z];
      const z01 = ZtZ[z + 1];
      const z11 = ZtZ[z + 3];
      // A = ΛᵀZᵢᵀZᵢΛ + I and its Cholesky factor L.
      const t00 = z00 * l00 + z01 * l10;
      const t10 = z01 * l00 + z11 * l10;
      const a00 = l00 * t00 + l10 * t10 + 1;
      const a10 = l11 * t10;
      const a11 = l11 * (z11 * l11) + 1;
      const L00 = Math.sqrt(a00);
      const L10 = a10 / L00;
      const d1 = a11 - L10 * L10;
      if (!(d1 > 0)) return NaN;
      const L11 = Math.sqrt(d1);
      ld += Math.log(a00 * d1);
      // K = L⁻¹Λᵀ, then C = K Bᵢ row by row into G.
      const k00 = l00 / L00;
      const k01 = l10 / L00;
      const k10 = -L10 * k00 / L11;
      const k11 = (l11 - L10 * k01) / L11;
      const off = g * 2 * P;
      for (let a = 0; a < P; a++) {
        const b0a = B[off + a];
        const b1a = B[off + P + a];
        const c0a = k00 * b0a + k01 * b1a;
        const c1a = k10 * b0a + k11 * b1a;
        for (let b = 0; b <= a; b++) {
          const b0b = B[off + b];
          const b1b = B[off + P + b];
          G[a * P + b] -= c0a * (k00 * b0b + k01 * b1b) + c1a * (k10 * b0b + k11 * b1b);
        }
      }
    }
    return ld;
  }

  /**
   * The block Lᵢ of the factor for ZᵢᵀZᵢ at zz[off…]: ΛᵀZᵢᵀZᵢΛ + I = LᵢLᵢᵀ (in this.A), and
   * K = Lᵢ⁻¹Λᵀ (in this.K), so that a group's block row of the factor is K Bᵢ. Returns log|Lᵢ|,
   * NaN when the block is not positive definite.
   */
  private factorBlock(zz: Float64Array, off: number): number {
    const { q, Lam, A, K } = this;
    for (let i = 0; i < q; i++) for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = i; k < q; k++) {
        const lki = Lam[k * q + i];
        if (lki === 0) continue;
        for (let l = j; l < q; l++) s += lki * zz[off + k * q + l] * Lam[l * q + j];
      }
      A[i * q + j] = s + (i === j ? 1 : 0);
    }
    let ld = 0;
    for (let j = 0; j < q; j++) {
      let d = A[j * q + j];
      for (let k = 0; k < j; k++) d -= A[j * q + k] * A[j * q + k];
      if (!(d > 0)) return NaN;
      const ljj = Math.sqrt(d);
      A[j * q + j] = ljj;
      ld += Math.log(ljj);
      for (let i = j + 1; i < q; i++) {
        let s = A[i * q + j];
        for (let k = 0; k < j; k++) s -= A[i * q + k] * A[j * q + k];
        A[i * q + j] = s / ljj;
      }
    }
    for (let c = 0; c < q; c++) {
      for (let i = 0; i < q; i++) {
        let s = Lam[c * q + i];
        for (let k = 0; k < i; k++) s -= A[i * q + k] * K[k * q + c];
        K[i * q + c] = s / A[i * q + i];
      }
    }
    return ld;
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
function momentStart(input: { readonly members: ReadonlyArray<ReadonlyArray<number>>; readonly ZtZ: Float64Array; readonly B: Float64Array; readonly yty: number; readonly n: number; readonly p: number; readonly q: number }): number[] | null {
  const { members, ZtZ, B, n, p, q } = input;
  const P = p + 1;
  const sumBB = new Float64Array(q * q);
  const sumB = new Float64Array(q);
  const sumInv = new Float64Array(q * q);
  const sumZty = new Float64Array(q);
  const sumZtyZty = new Float64Array(q * q);
  let used = 0;
  let fitted = 0;
  // Within groups of equal ZᵢᵀZᵢ, bᵢ = (ZᵀZ)⁻¹Zᵢᵀy, so their sums follow from Σ Zᵢᵀy and Σ Zᵢᵀy yᵀZᵢ.
  for (const gs of members) {
    const L = cholesky(ZtZ.subarray(gs[0] * q * q, (gs[0] + 1) * q * q), q);
    if (!L) continue;
    const inv = choleskyInverse(L, q);
    sumZty.fill(0);
    sumZtyZty.fill(0);
    for (const g of gs) for (let j = 0; j < q; j++) {
      const yj = B[g * q * P + j * P + p];
      sumZty[j] += yj;
      for (let k = 0; k < q; k++) sumZtyZty[j * q + k] += yj * B[g * q * P + k * P + p];
    }
    used += gs.length;
    for (let i = 0; i < q; i++) {
      let bi = 0;
      for (let k = 0; k < q; k++) { bi += inv[i * q + k] * sumZty[k]; fitted += inv[i * q + k] * sumZtyZty[k * q + i]; }
      sumB[i] += bi;
      for (let j = 0; j < q; j++) {
        let s = 0;
        for (let k = 0; k < q; k++) for (let l = 0; l < q; l++) s += inv[i * q + k] * sumZtyZty[k * q + l] * inv[l * q + j];
        sumBB[i * q + j] += s;
        sumInv[i * q + j] += gs.length * inv[i * q + j];
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
