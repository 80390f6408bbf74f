/**
 * Small dense linear algebra on row-major Float64Arrays — just what the mixed models need.
 * Matrices are square k × k unless stated.
 */

/**
 * Cholesky factor L (lower, row-major) of a symmetric positive-definite matrix; null when the
 * matrix is not positive definite (to working precision).
 * @example cholesky(Float64Array.of(4, 2, 2, 3), 2) // [2, 0, 1, 1.414…]
 */
export function cholesky(a: Float64Array, k: number): Float64Array | null {
  const L = new Float64Array(k * k);
  for (let j = 0; j < k; j++) {
    let d = a[j * k + j];
    for (let m = 0; m < j; m++) d -= L[j * k + m] * L[j * k + m];
    if (!(d > 0) || d <= 1e-14 * Math.abs(a[j * k + j])) return null;
    const ljj = Math.sqrt(d);
    L[j * k + j] = ljj;
    for (let i = j + 1; i < k; i++) {
      let s = a[i * k + j];
      for (let m = 0; m < j; m++) s -= L[i * k + m] * L[j * k + m];
      L[i * k + j] = s / ljj;
    }
  }
  return L;
}

/** Solves L x = b (L lower triangular), in place on b. */
export function forwardSolve(L: Float64Array, k: number, b: Float64Array): Float64Array {
  for (let i = 0; i < k; i++) {
    let s = b[i];
    for (let m = 0; m < i; m++) s -= L[i * k + m] * b[m];
    b[i] = s / L[i * k + i];
  }
  return b;
}

/** Solves Lᵀ x = b (L lower triangular), in place on b. */
export function backSolveTransposed(L: Float64Array, k: number, b: Float64Array): Float64Array {
  for (let i = k - 1; i >= 0; i--) {
    let s = b[i];
    for (let m = i + 1; m < k; m++) s -= L[m * k + i] * b[m];
    b[i] = s / L[i * k + i];
  }
  return b;
}

/** Solves A x = b given the Cholesky factor L of A. */
export function choleskySolve(L: Float64Array, k: number, b: Float64Array): Float64Array {
  return backSolveTransposed(L, k, forwardSolve(L, k, Float64Array.from(b)));
}

/** A⁻¹ from the Cholesky factor L of A. */
export function choleskyInverse(L: Float64Array, k: number): Float64Array {
  const inv = new Float64Array(k * k);
  const e = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    e.fill(0);
    e[j] = 1;
    const x = choleskySolve(L, k, e);
    for (let i = 0; i < k; i++) inv[i * k + j] = x[i];
  }
  for (let i = 0; i < k; i++) for (let j = 0; j < i; j++) { const m = (inv[i * k + j] + inv[j * k + i]) / 2; inv[i * k + j] = m; inv[j * k + i] = m; }
  return inv;
}

/** log det A = 2 Σ log Lᵢᵢ from the Cholesky factor. */
export function logDetFromCholesky(L: Float64Array, k: number): number {
  let s = 0;
  for (let i = 0; i < k; i++) s += Math.log(L[i * k + i]);
  return 2 * s;
}

/** Inverse of a symmetric positive-definite matrix, or null. */
export function inverseSpd(a: Float64Array, k: number): Float64Array | null {
  const L = cholesky(a, k);
  return L ? choleskyInverse(L, k) : null;
}

/** xᵀ A y for a k × k matrix A. */
export function quadForm(x: ArrayLike<number>, a: Float64Array, y: ArrayLike<number>, k: number): number {
  let s = 0;
  for (let i = 0; i < k; i++) {
    let r = 0;
    for (let j = 0; j < k; j++) r += a[i * k + j] * y[j];
    s += x[i] * r;
  }
  return s;
}
