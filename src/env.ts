import { z } from 'zod';

/**
 * The one schema for configuration. Every entry (Node, Workers, scripts) parses its raw
 * environment here, so a wrong value fails at start with the variable named, never later.
 */
const flag = (fallback: 'on' | 'off') => z.enum(['on', 'off']).default(fallback);
const int = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const jsonText = z.string().transform((text, ctx) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    ctx.addIssue({ code: 'custom', message: 'must be valid JSON' });
    return z.NEVER;
  }
});

/** The limits of the login and admin forms: an account the start creates must be able to sign in. */
export const EMAIL_MAX = 320;
export const PASSWORD_MAX = 1024;

const fields = z.object({
  PORT: int(8787, 1, 65535),
  /** The address the Node server listens on; 0.0.0.0 is every interface. */
  HOST: z.string().min(1).default('0.0.0.0'),
  STORE: z.enum(['memory', 'upstash']).default('memory'),
  UPSTASH_REDIS_REST_URL: z.string().url().optional(),
  UPSTASH_REDIS_REST_TOKEN: optionalString,
  /** The longest one Upstash call may take (retries included) before the request answers 503. */
  STORE_TIMEOUT_MS: int(2000, 100, 30_000),
  /** Signs visitor and staff tokens. Required with a shared store: every instance must agree. */
  TOKEN_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ADMIN_EMAIL: z.string().email().max(EMAIL_MAX).optional(),
  ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').max(PASSWORD_MAX).optional(),
  /** How long a staff login lasts before the console must sign in again. */
  STAFF_SESSION_HOURS: int(12, 1, 24 * 30),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: z.string().url().optional(),
  /** Embedding model for semantic retrieval (with OPENAI_API_KEY or OPENAI_BASE_URL); default text-embedding-3-small. */
  EMBEDDING_MODEL: optionalString,
  KB_DIR: z.string().min(1).default('knowledge-base'),
  RATE_LIMITS: flag('on'),
  /** on: a proxy you run appends the client's address to X-Forwarded-For (its last entry is used). */
  TRUST_PROXY: flag('off'),
  SEED_DEMO: z.enum(['0', '1']).default('0'),
  /**
   * on: this Worker is a single-isolate demo, so STORE=memory without TOKEN_SECRET is meant
   * (each isolate has its own conversations and its own token key). Off, a Worker refuses that.
   */
  SINGLE_ISOLATE_DEMO: flag('off'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /**
   * Days a conversation with the bot or resolved is kept after its last change; then record,
   * transcript and packet are forgotten (the reports keep their daily counters).
   */
  RETENTION_DAYS: int(30, 1, 3650),
  /** Longest visitor or operator message, in characters (longer → 413). */
  MAX_MESSAGE_CHARS: int(4000, 1, 100_000),
  /** Most messages one conversation may hold (more → 413: start a new conversation). */
  MAX_MESSAGES: int(1000, 10, 100_000),
  /** Largest JSON body any route accepts, in bytes (larger → 413). */
  MAX_BODY_BYTES: int(32_768, 1024, 10_000_000),
  /** A resolved conversation reopens when the visitor writes within this many minutes. */
  REOPEN_WINDOW_MINUTES: int(24 * 60, 0, 60 * 24 * 90),
  /** How long one SSE response stays open before the client reconnects with Last-Event-ID. */
  SSE_MAX_SECONDS: int(55, 1, 3600),
  /** Visitor messages allowed per conversation per minute, and new conversations per client per hour. */
  RATE_MESSAGES_PER_MINUTE: int(20, 1, 10_000),
  RATE_CONVERSATIONS_PER_HOUR: int(30, 1, 100_000),
  /** Target time from handoff to the first human reply; later, the conversation is flagged and raised. */
  SLA_FIRST_REPLY_SECONDS: int(300, 10, 7 * 24 * 3600),
  /** An operator counts as online this long after their last heartbeat. */
  PRESENCE_TTL_SECONDS: int(90, 10, 3600),
  /** Average minutes an operator spends on one conversation, for wait estimates. */
  AVG_HANDLE_MINUTES: int(8, 1, 240),
  /** JSON: { timeZone, weekly: { mon: [["09:00","21:00"]], ... }, holidays: ["YYYY-MM-DD"] }. */
  BUSINESS_HOURS: jsonText.optional(),
  /** JSON: handoff policy overrides (thresholds, triggers, departments, routing). */
  POLICY: jsonText.optional(),
  /**
   * The sites the widget runs on, comma-separated origins (`https://shop.example,https://www.shop.example`):
   * the visitor API answers CORS for these only. Unset: `*`, the embedded default's any-site widget.
   * Staff routes never answer cross-origin.
   */
  ALLOWED_ORIGINS: z
    .string()
    .transform((text) => text.split(',').map((o) => o.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^https?:\/\/[^/\s]+$/, 'each origin must be scheme://host[:port], without a path')).min(1))
    .optional(),
  /** The website's secret for signed visitor attributes (VIP); unset: attributes are not trusted. */
  SITE_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
});

const envSchema = fields.superRefine((env, ctx) => {
  // Half an admin account is a typo, not a choice: fail at start rather than ignore it.
  if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) {
    const missing = env.ADMIN_EMAIL ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL';
    const given = env.ADMIN_EMAIL ? 'ADMIN_EMAIL' : 'ADMIN_PASSWORD';
    ctx.addIssue({ code: 'custom', path: [missing], message: `is required when ${given} is set` });
  }
  if (env.STORE !== 'upstash') return;
  for (const name of ['UPSTASH_REDIS_REST_URL', 'UPSTASH_REDIS_REST_TOKEN', 'TOKEN_SECRET'] as const) {
    if (!env[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'is required when STORE=upstash' });
  }
});

export type Env = z.infer<typeof envSchema>;

/**
 * The Workers deploy trap: with the default STORE=memory and no TOKEN_SECRET every isolate keeps
 * its own conversations and signs tokens with its own random key, so a visitor's next request,
 * landing on another isolate, fails. Nothing else would catch it; a Worker refuses to start.
 */
export function workerProblems(env: Env): string[] {
  if (env.STORE !== 'memory' || env.TOKEN_SECRET || env.SINGLE_ISOLATE_DEMO === 'on') return [];
  return [
    'STORE=memory without TOKEN_SECRET on Workers: each isolate would keep its own conversations and tokens would fail on the next one. ' +
      'Set STORE=upstash with UPSTASH_REDIS_REST_URL, UPSTASH_REDIS_REST_TOKEN and TOKEN_SECRET (wrangler secret put TOKEN_SECRET), ' +
      'or SINGLE_ISOLATE_DEMO=on for a demo that runs in one isolate.',
  ];
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Never echoed in an error: a typo in a secret must not put the secret into the logs. */
const SECRETS = new Set(['TOKEN_SECRET', 'ADMIN_PASSWORD', 'SITE_SECRET', 'UPSTASH_REDIS_REST_TOKEN', 'OPENAI_API_KEY']);

/** A value as an error may show it: secrets hidden, credentials in a URL masked. */
function shown(name: string, value: string): string {
  if (SECRETS.has(name)) return `(hidden, ${value.length} characters)`;
  return `"${value.replace(/\/\/[^/@\s]*@/, '//***@')}"`;
}

/**
 * A binding as text. Wrangler passes a non-string `[vars]` value as JSON (MAX_MESSAGES = 500
 * arrives as a number, BUSINESS_HOURS = { … } as an object): those are read, not dropped.
 */
function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return undefined;
}

/** Parse a raw environment (Node's environment or Worker bindings); throws ConfigError naming each bad variable. */
export function parseEnv(raw: Record<string, unknown>): Env {
  // Only this schema's variables (Workers bindings also hold KV namespaces and the like); empty
  // strings mean "unset" in both .env files and dashboards.
  const cleaned: Record<string, string> = {};
  for (const name of Object.keys(fields.shape)) {
    const text = asText(raw[name]);
    if (text !== undefined && text !== '') cleaned[name] = text;
  }
  const result = envSchema.safeParse(cleaned);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join('.') || '(environment)';
    const value = cleaned[name];
    return `${name}: ${issue.message}${value === undefined ? '' : ` (got ${shown(name, value)})`}`;
  });
  throw new ConfigError(problems);
}
