/**
 * Every Redis key the product uses, built in one place. The prefix lets several deployments
 * (or test runs) share one database without touching each other's data. Each kind of key has
 * its own segment right after the prefix, so no id or stream name can spell another kind's key
 * (a conversation "X:msgs" is not the transcript of "X").
 */
export function createKeys(prefix: string) {
  const p = prefix;
  return {
    /** hash {v: version, data: conversation JSON}; kept until deleted (the transcript of record). */
    conversation: (id: string) => `${p}:conv:${id}`,
    /** list of message JSON, oldest first; lives as long as its conversation. */
    messages: (id: string) => `${p}:msgs:${id}`,
    /** hash clientId → list index, so a retried post stores one message. */
    clientIds: (id: string) => `${p}:cids:${id}`,
    /** sorted set of "id json" members scored by event id; expires EVENT_TTL after the last event. */
    events: (stream: string) => `${p}:ev:${stream}`,
    /** counter of the last event id of a stream; expires with it. */
    eventSeq: (stream: string) => `${p}:evseq:${stream}`,
    /** hash id → JSON document of one namespace (packets, ratings, contacts, presence, KB edits); kept. */
    documents: (namespace: string) => `${p}:doc:${namespace}`,
    /** hash conversation id → queue entry JSON (with department): what is waiting, and where. */
    queueEntries: () => `${p}:qentries`,
    /**
     * The lines' sorted sets are `${p}:q:<fresh|late|due>:<all|d:department>` and an operator's
     * held conversations the set `${p}:held:<operator id>`: built inside the Lua scripts (see
     * scripts.ts), which are handed this prefix.
     */
    prefix: () => p,
    /** hash conversation id → the operator holding it, beside each operator's set. */
    holders: () => `${p}:holders`,
    /** set of the conversation ids an operator holds: their load, counted against capacity. */
    held: (operatorId: string) => `${p}:held:${operatorId}`,
    /** integer counter (e.g. the KB edit version every instance polls); kept. */
    counter: (name: string) => `${p}:ctr:${name}`,
    /** prefix handed to @upstash/ratelimit, which builds its own keys beneath it (short-lived). */
    rateLimit: (rule: string) => `${p}:rl:${rule}`,
    /** string: a staff user's JSON (StaffUser); kept until deleted. */
    user: (id: string) => `${p}:user:${id}`,
    /** hash lower-cased email → user id: the unique index behind login and create; kept forever. */
    userEmails: () => `${p}:users:email`,
  };
}

export type Keys = ReturnType<typeof createKeys>;

export { EVENT_TTL_SECONDS } from '../ports';
