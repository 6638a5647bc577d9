import { z } from 'zod';
import { roleSchema, type Role } from '../domain/staff-user';
import { toHex, type Signer } from './signer';

/**
 * A staff session token: who (`sub`, the user id), the role at login, when it expires (`exp`,
 * epoch seconds), and a stamp of the password it was issued under (`sv`). The role is a hint
 * only: staff-auth reloads the user on every call, so a demotion or a disabled account takes
 * effect at once, and a changed password (a new stamp) ends every older session.
 */
const claimsSchema = z.object({ sub: z.string().min(1), role: roleSchema, exp: z.number().int(), sv: z.string().min(1) }).strict();
export type StaffClaims = z.infer<typeof claimsSchema>;

/** `s:` keeps the payload shape apart from visitor tokens even if a purpose were ever shared. */
const PREFIX = 's:';

export async function issueStaffToken(
  signer: Signer,
  who: { sub: string; role: Role; passwordHash: string },
  ttlSeconds: number,
  now: number,
): Promise<{ token: string; expiresAt: number }> {
  const exp = Math.floor(now / 1000) + ttlSeconds;
  const sv = await sessionStamp(who.passwordHash);
  const token = await signer.sign(PREFIX + JSON.stringify({ sub: who.sub, role: who.role, exp, sv }));
  return { token, expiresAt: exp * 1000 };
}

/** The claims of a valid, unexpired token; null for a forged, malformed or expired one. */
export async function readStaffToken(signer: Signer, token: string, now: number): Promise<StaffClaims | null> {
  const payload = await signer.verify(token);
  if (!payload?.startsWith(PREFIX)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload.slice(PREFIX.length));
  } catch {
    return null;
  }
  const claims = claimsSchema.safeParse(parsed);
  if (!claims.success || claims.data.exp * 1000 <= now) return null;
  return claims.data;
}

/** A short digest of the stored password hash: it changes whenever the password does (new salt). */
export async function sessionStamp(passwordHash: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(passwordHash));
  return toHex(new Uint8Array(digest).slice(0, 9));
}
