/**
 * Lua scripts for the steps that must be atomic in Redis. Each names the race it prevents.
 */

/**
 * Compare-and-set of a conversation record. Prevents two writers (two operators claiming, a
 * visitor message racing an operator's resolve) from both succeeding on the same version.
 * KEYS[1] record hash; ARGV: expected version ('' = must not exist), new version, JSON.
 */
export const CAS_RECORD = `
local current = redis.call('HGET', KEYS[1], 'v')
if ARGV[1] == '' then
  if current then return 0 end
elseif current ~= ARGV[1] then
  return 0
end
redis.call('HSET', KEYS[1], 'v', ARGV[2], 'data', ARGV[3])
return 1
`;

/**
 * Idempotent, bounded append to a transcript. Prevents a retried post (same clientId) from
 * storing twice when both attempts arrive at once, and a full transcript from growing.
 * KEYS[1] list, KEYS[2] clientId hash; ARGV: message JSON, clientId or '', max length.
 * Returns {status, payload}: payload is the stored index, or the earlier message JSON.
 */
export const APPEND_MESSAGE = `
if ARGV[2] ~= '' then
  local index = redis.call('HGET', KEYS[2], ARGV[2])
  if index then return {'duplicate', redis.call('LINDEX', KEYS[1], tonumber(index))} end
end
local length = redis.call('LLEN', KEYS[1])
if length >= tonumber(ARGV[3]) then return {'full', ''} end
redis.call('RPUSH', KEYS[1], ARGV[1])
if ARGV[2] ~= '' then redis.call('HSET', KEYS[2], ARGV[2], length) end
return {'stored', tostring(length)}
`;

/**
 * Append an event with the next id of its stream. Prevents two instances from giving two
 * events the same id (a client resuming with Last-Event-ID would skip one).
 * KEYS[1] sorted set, KEYS[2] counter; ARGV: event JSON, events kept, TTL seconds.
 */
export const APPEND_EVENT = `
local id = redis.call('INCR', KEYS[2])
redis.call('ZADD', KEYS[1], id, id .. ' ' .. ARGV[1])
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -tonumber(ARGV[2]) - 1)
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[3]))
redis.call('EXPIRE', KEYS[2], tonumber(ARGV[3]))
return id
`;

/**
 * Create a staff user. Prevents two concurrent creates of one email (two admins, or two
 * instances running the start-up bootstrap) from both succeeding with different ids.
 * KEYS[1] email → id hash, KEYS[2] user key; ARGV: lower-cased email, id, user JSON.
 */
export const CREATE_USER = `
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then return 0 end
if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
redis.call('SET', KEYS[2], ARGV[3])
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return 1
`;

/**
 * Replace a staff user only while its email still names it. Prevents a check-then-write from
 * storing a user that does not exist (or under another email): a record the email index cannot
 * reach, and a login that would never find it.
 * It is also a compare-and-set on the stored version, so a slow update cannot undo a newer one.
 * KEYS[1] email → id hash, KEYS[2] user key; ARGV: lower-cased email, id, user JSON (next version), version read.
 */
export const UPDATE_USER = `
if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return 0 end
local current = redis.call('GET', KEYS[2])
if not current then return 0 end
local version = cjson.decode(current).version or 0
if tonumber(version) ~= tonumber(ARGV[4]) then return 0 end
redis.call('SET', KEYS[2], ARGV[3])
return 1
`;
