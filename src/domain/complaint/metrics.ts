/** Precision, recall and F1 of the positive (complaint) class, with the counts behind them. */
export interface BinaryMetrics {
  precision: number;
  recall: number;
  f1: number;
  n: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

/**
 * Scores predictions against labels. With no predicted or no actual positives the undefined
 * ratio is 0, not NaN, so a report never prints NaN and a threshold test fails plainly.
 */
export function binaryMetrics(pairs: ReadonlyArray<{ predicted: boolean; actual: boolean }>): BinaryMetrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const { predicted, actual } of pairs) {
    if (predicted && actual) tp += 1;
    else if (predicted) fp += 1;
    else if (actual) fn += 1;
    else tn += 1;
  }
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, n: pairs.length, tp, fp, fn, tn };
}
