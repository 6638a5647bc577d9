import { binCounts, confidenceAtShare, trafficShare } from '../../src/kb/retrieval/index.js';
import { type Decision, eceNoiseFloor, seededRandom, summarize } from './eval-metrics.js';

/** The out-of-scope shares the issue reads its targets from (0–70 % of the traffic). */
export const DEFAULT_SHARES = [0, 0.3, 0.5, 0.7];

/** Precision, coverage, oosHandoff and ece of one set of decisions at one share. */
export interface ShareFigures {
  precision: number | null;
  coverage: number;
  oosHandoff: number | null;
  ece: number;
}

/** The figures at one out-of-scope share of a resampled set. */
export interface ShareReport extends ShareFigures {
  share: number;
  eceFloor: number;
  n: number;
  oos: number;
  /**
   * The same queries as a deployment that learns its traffic answers them: the share estimated
   * from their unlabelled P(in scope) (src/kb/retrieval/traffic-share.ts, bounds included) and
   * every confidence re-weighed to it. Absent for engines without P(in scope).
   */
  following?: ShareFigures & { estimate: number | null; used: number };
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
export function sample<T>(xs: T[], count: number, random: () => number): T[] {
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

/** Sums over draws: precision is pooled (right answers over answers given), the rest averaged. */
class Pool {
  answered = 0;
  right = 0;
  coverage = 0;
  oosHandoff = 0;
  ece = 0;
  runs = 0;
  hasOos = false;

  add(rows: Decision[], threshold: number): void {
    const r = summarize(rows, threshold);
    for (const d of rows) {
      if (!(d.confidence >= threshold)) continue;
      this.answered++;
      if (d.expected !== null && d.ranked[0] === d.expected) this.right++;
    }
    this.coverage += r.coverage;
    this.oosHandoff += r.oosHandoff ?? 0;
    this.hasOos = r.oosHandoff !== null;
    this.ece += r.ece;
    this.runs++;
  }

  figures(): ShareFigures {
    return {
      precision: this.answered ? this.right / this.answered : null,
      coverage: this.coverage / this.runs,
      oosHandoff: this.hasOos ? this.oosHandoff / this.runs : null,
      ece: this.ece / this.runs,
    };
  }
}

/** The decisions as a deployment that has seen exactly this traffic would make them. */
function followed(rows: Decision[], assumedShare: number): { rows: Decision[]; estimate: number | null; used: number } {
  // No sample floor here: the resampled set stands for the long-run traffic of a site, which a
  // deployment sees far more of than MIN_SAMPLES (the shop's 70 % draw has 89 queries).
  const share = trafficShare(binCounts(rows.map((d) => d.pIn ?? 0)), assumedShare, 0);
  return {
    rows: rows.map((d) => ({ ...d, confidence: confidenceAtShare(d.confidence, d.pIn ?? 0, assumedShare, share.used) })),
    estimate: share.estimate,
    used: share.used,
  };
}

/**
 * Precision, coverage and ece of one engine's decisions resampled to each share, over `draws`
 * seeded resamples (seeds seed, seed + 1, …): on a small set one draw of which in-scope queries
 * stay moves precision by several points. With `assumedShare` (ours), also the figures of a
 * deployment that follows its traffic's share (`following`).
 */
export function reportByShare(
  decisions: Decision[],
  threshold: number,
  shares: number[],
  seed = 1,
  draws = 10,
  assumedShare?: number,
): Array<ShareReport | { share: number; skipped: string }> {
  return shares.map((share) => {
    // At share 0 every in-scope query is kept: one draw is the whole answer.
    const runs = share === 0 ? 1 : Math.max(1, draws);
    const fixed = new Pool();
    const follow = new Pool();
    let estimate = 0;
    let estimated = 0;
    let used = 0;
    let eceFloor = 0;
    let last: Decision[] = [];
    for (let d = 0; d < runs; d++) {
      const rows = resampleToShare(decisions, share, seed + d);
      if (!rows) return { share, skipped: 'the set has no out-of-scope queries to resample' };
      fixed.add(rows, threshold);
      eceFloor += eceNoiseFloor(rows.map((x) => (Number.isFinite(x.confidence) ? x.confidence : 0)), Math.ceil(1000 / runs), 10, seed + d);
      if (assumedShare !== undefined) {
        const f = followed(rows, assumedShare);
        follow.add(f.rows, threshold);
        if (f.estimate !== null) {
          estimate += f.estimate;
          estimated++;
        }
        used += f.used;
      }
      last = rows;
    }
    const n = last.filter((x) => x.expected !== null).length;
    return {
      share,
      ...fixed.figures(),
      eceFloor: eceFloor / runs,
      n,
      oos: last.length - n,
      ...(assumedShare === undefined ? {} : { following: { ...follow.figures(), estimate: estimated ? estimate / estimated : null, used: used / runs } }),
    };
  });
}

export const SHARE_HEADER = ['set', 'engine', 'oosShare', 'precision', 'coverage', 'oosHandoff', 'ece', 'eceFloor', 'n', 'oos', 'estShare', 'usedShare', 'followPrecision', 'followCoverage', 'followEce'];

/** One Markdown table row per share the set can show, in SHARE_HEADER's order. */
export function shareTableRows(set: string, engine: string, rows: ReturnType<typeof reportByShare>, fmt: (v: number | null) => string): string[] {
  // A set with no out-of-scope queries shows its 0 % row only.
  return rows.flatMap((r) => {
    if ('skipped' in r) return [];
    const f = r.following;
    const cells = [set, engine, `${Math.round(r.share * 100)} %`, fmt(r.precision), fmt(r.coverage), fmt(r.oosHandoff), fmt(r.ece), fmt(r.eceFloor), fmt(r.n), fmt(r.oos),
      ...(f ? [fmt(f.estimate), fmt(f.used), fmt(f.precision), fmt(f.coverage), fmt(f.ece)] : ['—', '—', '—', '—', '—'])];
    return [`| ${cells.join(' | ')} |`];
  });
}

/**
 * The KB with at most `count` question variants per entry, drawn per entry (seeded): an English
 * set cut to the variants a Russian one has, to compare the two languages on equal terms.
 */
export function cutVariants<T extends { questions: string[] }>(entries: T[], count: number, seed: number): T[] {
  const random = seededRandom(seed);
  return entries.map((e) => ({ ...e, questions: sample(e.questions, count, random) }));
}
