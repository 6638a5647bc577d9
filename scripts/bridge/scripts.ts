import { createHash } from 'node:crypto';

/**
 * Rewrites Lua scripting commands so Upstash-only script flags work on a plain Redis.
 *
 * @upstash/ratelimit 2.2 starts its scripts with `#!lua flags=allow-key-locking`, a flag only
 * Upstash knows; Redis 7 rejects it with "ERR Unexpected flag in script shebang". We strip it, but
 * the client keeps addressing the script by the SHA-1 of the text it sent, so we remember which
 * loaded SHA each client SHA stands for and rewrite EVALSHA on the way through.
 */

/** Flags that only Upstash accepts; everything else is left for Redis to judge. */
const UPSTASH_ONLY_FLAGS = new Set(['allow-key-locking']);

/** Enough for every script an app ships many times over; bounded so a noisy client cannot grow it forever. */
const MAX_MAPPED_SCRIPTS = 10_000;

const SHEBANG = /^#!lua([^\n]*)/;

export function sha1Hex(text: string): string {
  return createHash('sha1').update(text, 'utf8').digest('hex');
}

/** Returns the script without Upstash-only flags, or the same string when there is nothing to strip. */
export function stripUpstashFlags(script: string): string {
  const match = SHEBANG.exec(script);
  if (!match) return script;
  const options = (match[1] ?? '').trim().split(/\s+/).filter(Boolean);
  let changed = false;
  const kept = options.map((option) => {
    if (!option.startsWith('flags=')) return option;
    const flags = option.slice('flags='.length).split(',');
    const remaining = flags.filter((flag) => !UPSTASH_ONLY_FLAGS.has(flag));
    if (remaining.length === flags.length) return option;
    changed = true;
    // An empty `flags=` is legal, but dropping the option keeps the header looking hand-written.
    return remaining.length > 0 ? `flags=${remaining.join(',')}` : '';
  });
  if (!changed) return script;
  // The shebang stays (with its line) so line numbers in Lua error messages still match the source.
  const header = ['#!lua', ...kept.filter(Boolean)].join(' ');
  return header + script.slice(match[0].length);
}

/** Keeps the client-SHA → loaded-SHA map and rewrites the scripting commands that need it. */
export class ScriptRegistry {
  private readonly loadedShaFor = new Map<string, string>();

  /** Returns the command to send to Redis in place of `args` (name first, already strings). */
  rewrite(args: readonly string[]): string[] {
    const name = (args[0] ?? '').toLowerCase();
    if (name === 'eval' || name === 'eval_ro') return this.rewriteScriptAt(args, 1);
    if (name === 'evalsha' || name === 'evalsha_ro') return this.rewriteShaAt(args, 1);
    if (name === 'script') {
      const sub = (args[1] ?? '').toLowerCase();
      if (sub === 'load') return this.rewriteScriptAt(args, 2);
      if (sub === 'exists') return [...args.slice(0, 2), ...args.slice(2).map((sha) => this.loadedSha(sha))];
    }
    return [...args];
  }

  /**
   * SCRIPT LOAD answers with the SHA Redis computed for the stripped text; the client compares it
   * with its own digest of the original, so we hand back the SHA it expects.
   */
  clientShaForLoad(args: readonly string[]): string | undefined {
    const isLoad = (args[0] ?? '').toLowerCase() === 'script' && (args[1] ?? '').toLowerCase() === 'load';
    return isLoad && args[2] !== undefined ? sha1Hex(args[2]) : undefined;
  }

  private rewriteScriptAt(args: readonly string[], index: number): string[] {
    const original = args[index];
    if (original === undefined) return [...args];
    const stripped = stripUpstashFlags(original);
    if (stripped === original) return [...args];
    // Recorded before Redis runs the script: the mapping is a fact about the two texts, true even
    // if this particular run fails.
    this.remember(sha1Hex(original), sha1Hex(stripped));
    const rewritten = [...args];
    rewritten[index] = stripped;
    return rewritten;
  }

  private rewriteShaAt(args: readonly string[], index: number): string[] {
    const sha = args[index];
    if (sha === undefined) return [...args];
    const rewritten = [...args];
    rewritten[index] = this.loadedSha(sha);
    return rewritten;
  }

  /** An unknown SHA goes through untouched, so Redis answers NOSCRIPT and the client falls back to EVAL. */
  private loadedSha(clientSha: string): string {
    return this.loadedShaFor.get(clientSha.toLowerCase()) ?? clientSha;
  }

  private remember(clientSha: string, loadedSha: string): void {
    this.loadedShaFor.delete(clientSha);
    this.loadedShaFor.set(clientSha, loadedSha);
    if (this.loadedShaFor.size > MAX_MAPPED_SCRIPTS) {
      // Maps iterate in insertion order, so the first key is the least recently remembered.
      const oldest = this.loadedShaFor.keys().next().value;
      if (oldest !== undefined) this.loadedShaFor.delete(oldest);
    }
  }
}
