/**
 * SLA timers for the operator queue: the target is the time from handoff to the first human
 * reply. Pure over timestamps; the caller's clock passes `now`.
 */

export interface SlaInput {
  /** when the conversation entered the queue (epoch ms) */
  waitingSince: number;
  /** the first operator reply, if there was one: it stops the timer */
  firstHumanReplyAt?: number;
  targetSeconds: number;
  now: number;
}

export interface SlaState {
  dueAt: number;
  /** time left until dueAt; negative once late; frozen at the first reply */
  remainingMs: number;
  /** the first reply came (or has not yet come) after dueAt */
  breached: boolean;
  replied: boolean;
}

/**
 * @example
 * slaState({ waitingSince: t, targetSeconds: 120, now: t + 150_000 })
 * // { dueAt: t + 120_000, remainingMs: -30_000, breached: true, replied: false }
 */
export function slaState(input: SlaInput): SlaState {
  const dueAt = input.waitingSince + input.targetSeconds * 1000;
  const replied = input.firstHumanReplyAt !== undefined;
  // A reply freezes the clock: a chat answered in time stays "met" however long it runs.
  const stop = input.firstHumanReplyAt ?? input.now;
  const remainingMs = dueAt - stop;
  // Replying exactly at dueAt meets the target.
  return { dueAt, remainingMs, breached: remainingMs < 0, replied };
}

export interface QueueItem {
  priority: number;
  waitingSince: number;
  breached: boolean;
  /** a last tie-break so that every instance shows the same order */
  id?: string;
}

/**
 * The operator queue order: breached conversations first (they are late already, so they
 * rise above everything), then higher priority, then the longest waiting, then id. Equal items
 * compare 0, and Array.prototype.sort is stable, so ties keep their input order.
 *
 * @example
 * items.sort(queueOrder)
 */
export function queueOrder(a: QueueItem, b: QueueItem): number {
  if (a.breached !== b.breached) return a.breached ? -1 : 1;
  if (a.priority !== b.priority) return b.priority - a.priority;
  if (a.waitingSince !== b.waitingSince) return a.waitingSince - b.waitingSince;
  if (a.id !== undefined && b.id !== undefined && a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}
