import { z } from 'zod';
import { collection } from '../store/collection';
import type { DocumentStore } from '../store/ports';
import { SHARE_BINS, binOf, trafficShare, type TrafficShare } from './retrieval';

/**
 * The traffic every instance has seen, kept in the store so Worker isolates agree on the share
 * of out-of-scope questions. Each instance writes only its own document (its decayed counts of
 * P(in scope) per bin), so no two writers race on one record; every instance sums all recent
 * documents and acts on the share they imply (src/kb/retrieval/traffic-share.ts).
 */

export const KB_TRAFFIC_NAMESPACE = 'kb-traffic';
/** Counts halve every 6 hours: the estimate follows a site over a day, not a minute's burst. */
const HALF_LIFE_MS = 6 * 3600_000;
/** A document not written for a day belongs to an instance that is gone. */
const STALE_MS = 24 * 3600_000;
/** How often an instance writes its counts and re-reads everyone's. */
const SYNC_INTERVAL_MS = 60_000;

const trafficDocSchema = z.object({
  /** epoch ms of the write */
  at: z.number(),
  /** decayed query counts per P(in scope) bin, as of `at` */
  counts: z.array(z.number().nonnegative()).length(SHARE_BINS),
});

export interface TrafficTracker {
  /** Counts one visitor query by its P(in scope); local until the next sync. */
  record(pIn: number): void;
  /** The share in use now, from the last sync (the assumed share until enough traffic). */
  readonly state: TrafficShare;
  /**
   * Writes this instance's counts and re-reads every instance's, at most once per interval.
   * A store failure keeps the last state (the bot goes on at the share it had) and is retried
   * at the next interval.
   */
  sync(force?: boolean): Promise<void>;
}

export interface TrafficOptions {
  docs: DocumentStore;
  assumedShare: number;
  now: () => number;
  /** this instance's document id; random by default */
  instanceId?: string;
  intervalMs?: number;
}

const decay = (counts: number[], fromMs: number, toMs: number): number[] => {
  const f = 0.5 ** (Math.max(0, toMs - fromMs) / HALF_LIFE_MS);
  return counts.map((c) => c * f);
};

export function createTrafficTracker(opts: TrafficOptions): TrafficTracker {
  const docs = collection(opts.docs, KB_TRAFFIC_NAMESPACE, trafficDocSchema);
  const id = opts.instanceId ?? crypto.randomUUID();
  const interval = opts.intervalMs ?? SYNC_INTERVAL_MS;
  // This instance's counts as last written, and what it has seen since.
  let mine = new Array<number>(SHARE_BINS).fill(0);
  let mineAt = opts.now();
  let fresh = new Array<number>(SHARE_BINS).fill(0);
  let others = new Array<number>(SHARE_BINS).fill(0);
  let syncedAt = -Infinity;
  let pending: Promise<void> | undefined;

  const current = (): TrafficShare => {
    const t = opts.now();
    const own = decay(mine, mineAt, t);
    return trafficShare(own.map((c, b) => c + fresh[b]! + others[b]!), opts.assumedShare);
  };
  let state = current();

  async function run(): Promise<void> {
    const t = opts.now();
    const next = decay(mine, mineAt, t).map((c, b) => c + fresh[b]!);
    await docs.put(id, { at: t, counts: next });
    mine = next;
    mineAt = t;
    fresh = new Array<number>(SHARE_BINS).fill(0);
    const sum = new Array<number>(SHARE_BINS).fill(0);
    const stale: string[] = [];
    for (const { id: other, value } of await docs.list()) {
      if (other === id) continue;
      if (t - value.at > STALE_MS) stale.push(other);
      else decay(value.counts, value.at, t).forEach((c, b) => (sum[b]! += c));
    }
    others = sum;
    state = current();
    // Whoever notices a gone instance's document removes it; a second remover is harmless.
    await Promise.all(stale.map((s) => docs.delete(s)));
  }

  return {
    record(pIn) {
      fresh[binOf(pIn)]!++;
    },
    get state() {
      return state;
    },
    sync(force = false) {
      if (pending) return pending;
      if (!force && opts.now() - syncedAt < interval) return Promise.resolve();
      syncedAt = opts.now();
      pending = run()
        .catch(() => undefined)
        .finally(() => {
          pending = undefined;
        });
      return pending;
    },
  };
}
