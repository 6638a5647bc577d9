import type { Schedule } from './business-hours';
import { businessDeadline, businessElapsed } from './business-time';

/**
 * SLA timers for the operator queue: the target is the time from handoff to the first human
 * reply, counted in business hours when a schedule is given (a chat handed off at night is not
 * late by morning). Pure over timestamps; the caller's clock passes `now`.
 */

export interface SlaInput {
  /** when the conversation entered the queue (epoch ms) */
  waitingSince: number;
  /** the first operator reply, if there was one: it stops the timer */
  firstHumanReplyAt?: number;
  targetSeconds: number;
  now: number;
  /** count only the time the shop is open */
  schedule?: Schedule;
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
  const target = input.targetSeconds * 1000;
  const replied = input.firstHumanReplyAt !== undefined;
  // A reply freezes the clock: a chat answered in time stays "met" however long it runs.
  const stop = input.firstHumanReplyAt ?? input.now;
  if (input.schedule) {
    const dueAt = businessDeadline(input.schedule, input.waitingSince, target) ?? Number.MAX_SAFE_INTEGER;
    const remainingMs = target - businessElapsed(input.schedule, input.waitingSince, stop);
    return { dueAt, remainingMs, breached: remainingMs < 0, replied };
  }
  const dueAt = input.waitingSince + target;
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
 * From this priority on a conversation is urgent: a complaint (mild weighs 10 by default), a
 * legal threat, a VIP. Urgent ones come before plain waiting, however long that has waited.
 */
export const URGENT_PRIORITY = 10;

/**
 * The operator queue order: urgent conversations (complaints, legal threats, VIPs) above plain
 * waiting; within each, breached conversations first (they are late already), then higher
 * priority, then the longest waiting, then id. A late "where is my order" must not push a
 * legal threat down the list. Equal items compare 0, and Array.prototype.sort is stable, so
 * ties keep their input order.
 *
 * @example
 * items.sort(queueOrder)
 */
export function queueOrder(a: QueueItem, b: QueueItem): number {
  const urgentA = a.priority >= URGENT_PRIORITY;
  if (urgentA !== b.priority >= URGENT_PRIORITY) return urgentA ? -1 : 1;
  if (a.breached !== b.breached) return a.breached ? -1 : 1;
  if (a.priority !== b.priority) return b.priority - a.priority;
  if (a.waitingSince !== b.waitingSince) return a.waitingSince - b.waitingSince;
  if (a.id !== undefined && b.id !== undefined && a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}
