/**
 * The sort key of a queue entry inside its group (breached or not): higher priority first, then
 * the longest wait; equal keys fall back to the id, as Redis orders equal scores. Priorities are
 * clamped to ±400 so the key stays an exact double (400 · 1e13 + an epoch in ms < 2^53).
 *
 * @example
 * queueScore(10, t) < queueScore(0, t - 60_000) // priority outranks waiting time
 */
export function queueScore(priority: number, waitingSince: number): number {
  const p = Math.max(-400, Math.min(400, priority));
  return -p * 1e13 + waitingSince;
}
