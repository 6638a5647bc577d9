import type { Deps } from '../deps';

/**
 * Daily counters the reports read, kept when old conversations are forgotten (RETENTION_DAYS):
 * resolutions per UTC day, by the bot or by a person. Counters are a few bytes per day.
 */
export function countResolved(deps: Deps, by: 'bot' | 'person') {
  const day = new Date(deps.clock.now()).toISOString().slice(0, 10);
  return Promise.all([deps.store.documents.bump(`resolved:${day}`), deps.store.documents.bump(`resolved:${day}:${by}`)]);
}
