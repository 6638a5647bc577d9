/**
 * Lua scripts for the steps that must be atomic in Redis. Each names the race it prevents.
 */

/**
 * Compare-and-set of a conversation record. Prevents two writers (two operators claiming, a
 * visitor message racing an operator's resolve) from both succeeding on the same version.
 * KEYS[1] record hash; ARGV: expected version ('' = must not exist), new version, JSON,
 * and optionally seconds to keep the record (the retention of a new conversation).
 */
export const CAS_RECORD = `
local current = redis.call('HGET', KEYS[1], 'v')
if ARGV[1] == '' then
  if current then return 0 end
elseif current ~= ARGV[1] then
  return 0
end
redis.call('HSET', KEYS[1], 'v', ARGV[2], 'data', ARGV[3])
if ARGV[4] and ARGV[4] ~= '' then redis.call('EXPIRE', KEYS[1], tonumber(ARGV[4])) end
return 1
`;

/**
 * Idempotent, bounded append to a transcript. Prevents a retried post (same clientId) from
 * storing twice when both attempts arrive at once, and a full transcript from growing.
 * KEYS[1] list, KEYS[2] clientId hash, KEYS[3] the record (whose retention the list follows);
 * ARGV: message JSON, clientId or '', max length.
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
-- The transcript lives as long as its record: a retained record takes its messages with it.
local ttl = KEYS[3] and redis.call('TTL', KEYS[3]) or -1
if ttl > 0 then
  redis.call('EXPIRE', KEYS[1], ttl)
  redis.call('EXPIRE', KEYS[2], ttl)
end
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

/**
 * The queue's lines, as keys built inside the scripts below from the prefix (ARGV): a line is
 * `all` or `d:<department>`, and each has three sorted sets: `fresh` and `late` (scored by
 * queueScore, so a range is already in the queue's order) and `due` (scored by when the SLA
 * runs out). Keys are built in Lua because the department and operator are only known there.
 *
 * PROMOTE moves the entries of one line whose SLA has run out from `fresh` to `late`: each
 * entry moves once in its life, so a read costs what it returns, not the length of the line.
 */
const QUEUE_LIB = `
local function qkey(p, part, line) return p .. ':q:' .. part .. ':' .. line end
local function promote(p, line, now)
  local due = redis.call('ZRANGEBYSCORE', qkey(p, 'due', line), '-inf', now)
  for _, member in ipairs(due) do
    local score = redis.call('ZSCORE', qkey(p, 'fresh', line), member)
    redis.call('ZREM', qkey(p, 'fresh', line), member)
    redis.call('ZREM', qkey(p, 'due', line), member)
    if score then redis.call('ZADD', qkey(p, 'late', line), score, member) end
  end
end
`;

/**
 * One conversation move (handoff, claim, transfer, release, resolve, reopen, a visitor message
 * with its reopen, a bot answer with its miss count): record, queue entry, assignment, packet
 * and message change together. It prevents, in one step, what separate writes let happen:
 * two claims both winning (the version check), one operator at capacity − 1 taking two chats
 * at once (capacity counted here, not before), a resolve racing a claim and leaving a stale
 * assignment or queue entry behind (both follow the record in the same step), a retried
 * message stored twice (the clientId check) and a message landing in a conversation resolved
 * a moment earlier without reopening it (the version check: the caller decided on the record
 * it read, and decides again when it was stale).
 * KEYS: record, transcript, client ids, queue entries, holders (conversation → operator).
 * ARGV (1-23): prefix, id, expected version, next version ('' keep), next JSON,
 *   queue ('' keep | del | put), entry JSON, department, score, breachAt ('' never),
 *   assign ('' keep | del | put), operator id, capacity,
 *   document hash ('' none), document id, document JSON,
 *   message JSON ('' none), clientId, max messages, reply JSON ('' none), reply clientId,
 *   skip a full transcript ('1') rather than refuse the move, seconds to keep it ('' for good).
 * Returns {status, payload}: payload is the stored index, or the earlier message JSON.
 */
export const MOVE = `${QUEUE_LIB}
local p, id = ARGV[1], ARGV[2]
if ARGV[17] ~= '' and ARGV[18] ~= '' then
  local index = redis.call('HGET', KEYS[3], ARGV[18])
  if index then return {'duplicate', redis.call('LINDEX', KEYS[2], tonumber(index))} end
end
if redis.call('HGET', KEYS[1], 'v') ~= ARGV[3] then return {'stale', ''} end
local full = ARGV[17] ~= '' and redis.call('LLEN', KEYS[2]) >= tonumber(ARGV[19])
if full and ARGV[22] ~= '1' then return {'full', ''} end
if ARGV[11] == 'put' and redis.call('HGET', KEYS[5], id) ~= ARGV[12]
  and redis.call('SCARD', p .. ':held:' .. ARGV[12]) >= tonumber(ARGV[13]) then
  return {'over_capacity', ''}
end
if ARGV[4] ~= '' then redis.call('HSET', KEYS[1], 'v', ARGV[4], 'data', ARGV[5]) end
if ARGV[6] ~= '' then
  local old = redis.call('HGET', KEYS[4], id)
  if old then
    local department = cjson.decode(old).department
    for _, line in ipairs({'all', 'd:' .. department}) do
      for _, part in ipairs({'fresh', 'late', 'due'}) do redis.call('ZREM', qkey(p, part, line), id) end
    end
    redis.call('HDEL', KEYS[4], id)
  end
  if ARGV[6] == 'put' then
    redis.call('HSET', KEYS[4], id, ARGV[7])
    for _, line in ipairs({'all', 'd:' .. ARGV[8]}) do
      redis.call('ZADD', qkey(p, 'fresh', line), ARGV[9], id)
      if ARGV[10] ~= '' then redis.call('ZADD', qkey(p, 'due', line), ARGV[10], id) end
    end
  end
end
if ARGV[11] ~= '' then
  local old = redis.call('HGET', KEYS[5], id)
  if old then
    redis.call('SREM', p .. ':held:' .. old, id)
    redis.call('HDEL', KEYS[5], id)
  end
  if ARGV[11] == 'put' then
    redis.call('SADD', p .. ':held:' .. ARGV[12], id)
    redis.call('HSET', KEYS[5], id, ARGV[12])
  end
end
if ARGV[14] ~= '' then redis.call('HSET', ARGV[14], ARGV[15], ARGV[16]) end
local stored = ''
if ARGV[17] ~= '' and not full then
  local length = redis.call('RPUSH', KEYS[2], ARGV[17]) - 1
  if ARGV[18] ~= '' then redis.call('HSET', KEYS[3], ARGV[18], length) end
  if ARGV[20] ~= '' then
    redis.call('RPUSH', KEYS[2], ARGV[20])
    redis.call('HSET', KEYS[3], ARGV[21], length + 1)
  end
  stored = tostring(length)
end
-- Retention: one with the bot or resolved is forgotten after it; one a person has is kept.
for i = 1, 3 do
  if ARGV[23] ~= '' then redis.call('EXPIRE', KEYS[i], tonumber(ARGV[23])) else redis.call('PERSIST', KEYS[i]) end
end
return {'done', stored}
`;

/**
 * One page of a line, most urgent first, with each row's record and document, in one round
 * trip. It prevents a view from showing a page made of two moments (entries of one, records of
 * another) and from reading the whole line to show twenty rows.
 * KEYS: queue entries. ARGV: prefix, line, offset, limit, now, record key prefix, document hash.
 * Returns {total, then per row: entry JSON, breached (1/0), record JSON or '', document JSON or ''}.
 */
export const QUEUE_PAGE = `${QUEUE_LIB}
local p, line, offset, limit = ARGV[1], ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4])
promote(p, line, ARGV[5])
local late = redis.call('ZCARD', qkey(p, 'late', line))
local total = late + redis.call('ZCARD', qkey(p, 'fresh', line))
local rows = {}
if limit > 0 and offset < late then
  for _, member in ipairs(redis.call('ZRANGE', qkey(p, 'late', line), offset, offset + limit - 1)) do
    rows[#rows + 1] = {member, 1}
  end
end
local left = limit - #rows
if left > 0 then
  local start = math.max(0, offset - late)
  for _, member in ipairs(redis.call('ZRANGE', qkey(p, 'fresh', line), start, start + left - 1)) do
    rows[#rows + 1] = {member, 0}
  end
end
local out = {total}
for _, row in ipairs(rows) do
  out[#out + 1] = redis.call('HGET', KEYS[1], row[1]) or ''
  out[#out + 1] = row[2]
  out[#out + 1] = redis.call('HGET', ARGV[6] .. row[1], 'data') or ''
  out[#out + 1] = redis.call('HGET', ARGV[7], row[1]) or ''
end
return out
`;

/**
 * A conversation's place in its department's line: its entry and how many are served first.
 * KEYS: queue entries. ARGV: prefix, id, now. Returns {} when it is not queued, else
 * {entry JSON, ahead, breached (1/0)}.
 */
export const QUEUE_PLACE = `${QUEUE_LIB}
local p, id = ARGV[1], ARGV[2]
local raw = redis.call('HGET', KEYS[1], id)
if not raw then return {} end
local line = 'd:' .. cjson.decode(raw).department
promote(p, line, ARGV[3])
local late = redis.call('ZRANK', qkey(p, 'late', line), id)
if late then return {raw, late, 1} end
local fresh = redis.call('ZRANK', qkey(p, 'fresh', line), id) or 0
return {raw, redis.call('ZCARD', qkey(p, 'late', line)) + fresh, 0}
`;

/**
 * A record, its transcript and the message under one clientId, read at one moment: a visitor
 * message is decided on a record and a history that belong together.
 * KEYS: record, transcript, client ids. ARGV: clientId or ''.
 * Returns {record JSON or '', earlier message JSON or '', then the transcript}.
 */
export const SNAPSHOT = `
local record = redis.call('HGET', KEYS[1], 'data') or ''
local earlier = ''
if ARGV[1] ~= '' then
  local index = redis.call('HGET', KEYS[3], ARGV[1])
  if index then earlier = redis.call('LINDEX', KEYS[2], tonumber(index)) or '' end
end
local out = {record, earlier}
for _, item in ipairs(redis.call('LRANGE', KEYS[2], 0, -1)) do out[#out + 1] = item end
return out
`;
