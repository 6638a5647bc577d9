import type { Deps } from '../deps';
import { ConfigError } from '../env';
import { hashPassword, verifyPassword } from '../security/password';
import { createStaffUser, normalizeEmail } from './accounts';

export const DEMO_ADMIN_EMAIL = 'admin@demo.local';

/**
 * Make sure someone can sign in, once at start:
 * - ADMIN_EMAIL and ADMIN_PASSWORD set: that account exists, is an enabled admin, and has that
 *   password (re-hashed only when it changed, so restarts do not rewrite the record);
 * - only one set: a ConfigError naming the other;
 * - neither, on the memory store: a demo admin with a random password, returned so the Node
 *   entry can print it once (it lives only as long as the process, like the store);
 * - neither, on Upstash: nothing; the accounts already stored are the truth.
 *
 * Returns credentials only for the demo admin; a configured password is never echoed.
 */
export async function ensureAdmin(deps: Deps): Promise<{ email: string; password: string } | null> {
  const { ADMIN_EMAIL: email, ADMIN_PASSWORD: password } = deps.env;
  if (email && !password) throw new ConfigError(['ADMIN_PASSWORD: is required when ADMIN_EMAIL is set']);
  if (password && !email) throw new ConfigError(['ADMIN_EMAIL: is required when ADMIN_PASSWORD is set']);

  if (email && password) {
    await upsertAdmin(deps, email, password);
    return null;
  }
  if (deps.store.kind !== 'memory') return null;
  // Already there (a second call on the same store): its password was printed before and stays.
  if (await deps.store.users.findByEmail(DEMO_ADMIN_EMAIL)) return null;
  const demoPassword = readablePassword();
  const created = await createStaffUser(deps, { email: DEMO_ADMIN_EMAIL, password: demoPassword, role: 'admin', name: 'Demo admin' });
  return created ? { email: DEMO_ADMIN_EMAIL, password: demoPassword } : null;
}

async function upsertAdmin(deps: Deps, rawEmail: string, password: string): Promise<void> {
  const email = normalizeEmail(rawEmail);
  const users = deps.store.users;
  // Several instances may start at once on a shared store: the loser of the create updates instead.
  for (let attempt = 0; attempt < 3; attempt++) {
    const existing = await users.findByEmail(email);
    if (!existing) {
      if (await createStaffUser(deps, { email, password, role: 'admin' })) return;
      continue;
    }
    const samePassword = await verifyPassword(password, existing.passwordHash);
    if (samePassword && existing.role === 'admin' && !existing.disabled) return;
    const passwordHash = samePassword ? existing.passwordHash : await hashPassword(password);
    if (await users.update({ ...existing, role: 'admin', disabled: false, passwordHash })) return;
  }
  throw new Error(`Could not create or update the admin account ${email}`);
}

/** 16 characters in groups of four from an alphabet without look-alikes (0/O, 1/l/I): ~80 bits. */
function readablePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789'; // 31 characters
  const out: string[] = [];
  // Rejection sampling keeps every character equally likely.
  while (out.length < 16) {
    for (const byte of crypto.getRandomValues(new Uint8Array(32))) {
      if (byte < 248 && out.length < 16) out.push(alphabet[byte % 31]!);
    }
  }
  return out.join('').replace(/(.{4})(?=.)/g, '$1-');
}
