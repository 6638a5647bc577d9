/**
 * L2-regularised logistic regression fitted by Newton's method on a handful of standardised
 * features: exact and fast for the ~10 signals a calibrator uses, with no learning rate to tune.
 */
export interface LogisticModel {
  mean: number[];
  std: number[];
  coef: number[]; // bias first
}

export function fitLogistic(x: number[][], y: number[], weight: number[], l2 = 1e-2, iters = 30): LogisticModel {
  const d = x[0]?.length ?? 0;
  const wSum = weight.reduce((a, b) => a + b, 0) || 1;
  const mean = new Array<number>(d).fill(0);
  const std = new Array<number>(d).fill(0);
  x.forEach((row, i) => row.forEach((v, j) => (mean[j]! += (weight[i]! * v) / wSum)));
  x.forEach((row, i) => row.forEach((v, j) => (std[j]! += (weight[i]! * (v - mean[j]!) ** 2) / wSum)));
  for (let j = 0; j < d; j++) std[j] = Math.sqrt(std[j]!) || 1;
  const z = x.map((row) => [1, ...row.map((v, j) => (v - mean[j]!) / std[j]!)]);
  const coef = new Array<number>(d + 1).fill(0);
  for (let it = 0; it < iters; it++) {
    const grad = new Array<number>(d + 1).fill(0);
    const hess = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    z.forEach((row, i) => {
      const p = sigmoid(dotArr(coef, row));
      const w = weight[i]! / wSum;
      for (let a = 0; a <= d; a++) {
        grad[a]! += w * (p - y[i]!) * row[a]!;
        for (let b = 0; b <= a; b++) hess[a]![b]! += w * p * (1 - p) * row[a]! * row[b]!;
      }
    });
    for (let a = 1; a <= d; a++) {
      grad[a]! += l2 * coef[a]!;
      hess[a]![a]! += l2;
    }
    for (let a = 0; a <= d; a++) for (let b = a + 1; b <= d; b++) hess[a]![b] = hess[b]![a]!;
    hess[0]![0]! += 1e-9;
    const step = solve(hess, grad);
    let moved = 0;
    for (let a = 0; a <= d; a++) {
      coef[a]! -= step[a]!;
      moved = Math.max(moved, Math.abs(step[a]!));
    }
    if (moved < 1e-6) break;
  }
  return { mean, std, coef };
}

export function predictLogistic(m: LogisticModel, row: number[]): number {
  let s = m.coef[0]!;
  for (let j = 0; j < row.length; j++) s += m.coef[j + 1]! * ((row[j]! - m.mean[j]!) / m.std[j]!);
  return sigmoid(s);
}

function sigmoid(t: number): number {
  return 1 / (1 + Math.exp(-t));
}

export function dotArr(a: number[], b: number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Gaussian elimination with partial pivoting; the matrix is small and positive definite. */
export function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    const piv = m[c]![c]! || 1e-12;
    for (let r = c + 1; r < n; r++) {
      const f = m[r]![c]! / piv;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  const out = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= m[r]![k]! * out[k]!;
    out[r] = s / (m[r]![r]! || 1e-12);
  }
  return out;
}
