import { type Decision, type EvalReport, eceNoiseFloor, seededRandom, summarize } from './eval-metrics.js';

/** The out-of-scope shares the issue reads its targets from (0–70 % of the traffic). */
export const DEFAULT_SHARES = [0, 0.3, 0.5, 0.7];

/** The figures at one out-of-scope share of a resampled set. */
export interface ShareReport {
  share: number;
  precision: number | null;
  coverage: number;
  oosHandoff: number | null;
  ece: number;
  eceFloor: number;
  n: number;
  oos: number;
}

/** `0,30,50,70` (per cent) → [0, 0.3, 0.5, 0.7]; anything else is an error naming the option. */
export function parseShares(text: string): number[] {
  const shares = text.split(',').map((t) => Number(t.trim()));
  if (shares.length === 0 || shares.some((s) => !Number.isFinite(s) || s < 0 || s >= 100)) {
    throw new Error(`--oos-shares: expected per cent values in [0, 100) separated by commas, got "${text}"`);
  }
  return shares.map((s) => s / 100);
}

/** Fisher–Yates on a copy, with a seeded generator: the same seed draws the same rows. */
function sample<T>(xs: T[], count: number, random: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out.slice(0, count);
}

/**
 * The largest subset (without replacement) whose out-of-scope share is `share`: as many rows as
 * the scarcer kind allows. Null when the set cannot show that share (no out-of-scope rows, or
 * none in scope). Rounding keeps the share within one row of the target.
 */
export function resampleToShare<T extends { expected: string | null }>(rows: T[], share: number, seed: number): T[] | null {
  const inScope = rows.filter((r) => r.expected !== null);
  const outOfScope = rows.filter((r) => r.expected === null);
  if (inScope.length === 0) return null;
  if (share === 0) return inScope;
  if (outOfScope.length === 0) return null;
  const total = Math.min(inScope.length / (1 - share), outOfScope.length / share);
  const oos = Math.min(outOfScope.length, Math.round(total * share));
  const n = Math.min(inScope.length, Math.round(total * (1 - share)));
  const random = seededRandom(seed);
  return [...sample(inScope, n, random), ...sample(outOfScope, oos, random)];
}

/**
 * Precision, coverage and ece of one engine's decisions resampled to each share, averaged over
 * `draws` seeded resamples (seeds seed, seed + 1, …): on a small set one draw of which in-scope
 * queries stay moves precision by several points. Precision is pooled (right answers over
 * answers given, summed over the draws); the other figures are means.
 */
export function reportByShare(decisions: Decision[], threshold: number, shares: number[], seed = 1, draws = 10): Array<ShareReport | { share: number; skipped: string }> {
  return shares.map((share) => {
    // At share 0 every in-scope query is kept: one draw is the whole answer.
    const runs = share === 0 ? 1 : Math.max(1, draws);
    let answered = 0;
    let answeredRight = 0;
    const sum = { coverage: 0, oosHandoff: 0, ece: 0, eceFloor: 0 };
    let last: EvalReport | undefined;
    for (let d = 0; d < runs; d++) {
      const rows = resampleToShare(decisions, share, seed + d);
      if (!rows) return { share, skipped: 'the set has no out-of-scope queries to resample' };
      const r = summarize(rows, threshold);
      const given = rows.filter((x) => x.confidence >= threshold);
      answered += given.length;
      answeredRight += given.filter((x) => x.expected !== null && x.ranked[0] === x.expected).length;
      sum.coverage += r.coverage;
      sum.oosHandoff += r.oosHandoff ?? 0;
      sum.ece += r.ece;
      sum.eceFloor += eceNoiseFloor(rows.map((x) => (Number.isFinite(x.confidence) ? x.confidence : 0)), Math.ceil(1000 / runs), 10, seed + d);
      last = r;
    }
    return {
      share,
      precision: answered ? answeredRight / answered : null,
      coverage: sum.coverage / runs,
      oosHandoff: last!.oosHandoff === null ? null : sum.oosHandoff / runs,
      ece: sum.ece / runs,
      eceFloor: sum.eceFloor / runs,
      n: last!.n,
      oos: last!.oos,
    };
  });
}

export const SHARE_HEADER = ['set', 'engine', 'oosShare', 'precision', 'coverage', 'oosHandoff', 'ece', 'eceFloor', 'n', 'oos'];

/** One Markdown table row per share the set can show, in SHARE_HEADER's order. */
export function shareTableRows(set: string, engine: string, rows: ReturnType<typeof reportByShare>, fmt: (v: number | null) => string): string[] {
  // A set with no out-of-scope queries shows its 0 % row only.
  return rows.flatMap((r) => {
    if ('skipped' in r) return [];
    const cells = [set, engine, `${Math.round(r.share * 100)} %`, fmt(r.precision), fmt(r.coverage), fmt(r.oosHandoff), fmt(r.ece), fmt(r.eceFloor), fmt(r.n), fmt(r.oos)];
    return [`| ${cells.join(' | ')} |`];
  });
}
