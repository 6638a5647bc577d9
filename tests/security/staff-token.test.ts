import { describe, expect, it } from 'vitest';
import { createSigner } from '../../src/security/signer';
import { issueStaffToken, readStaffToken, sessionStamp } from '../../src/security/staff-token';
import { issueVisitorToken } from '../../src/security/visitor-token';

const secret = 'x'.repeat(40);
const staff = createSigner(secret, 'staff');
const t0 = Date.UTC(2026, 0, 1, 9, 0, 0);

describe('staff session tokens', () => {
  it('round-trips the claims until expiry, then reads as null', async () => {
    const { token, expiresAt } = await issueStaffToken(staff, { sub: 'u1', role: 'operator', passwordHash: 'pbkdf2-sha256$100000$salt$hash' }, 3600, t0);
    expect(expiresAt).toBe(t0 + 3600 * 1000);
    expect(await readStaffToken(staff, token, t0)).toEqual({ sub: 'u1', role: 'operator', exp: t0 / 1000 + 3600, sv: await sessionStamp('pbkdf2-sha256$100000$salt$hash') });
    expect(await readStaffToken(staff, token, expiresAt - 1)).not.toBeNull();
    expect(await readStaffToken(staff, token, expiresAt)).toBeNull();
  });

  it('rejects a tampered payload, another secret, garbage', async () => {
    const { token } = await issueStaffToken(staff, { sub: 'u1', role: 'operator', passwordHash: 'pbkdf2-sha256$100000$salt$hash' }, 3600, t0);
    const [, sig] = token.split('.') as [string, string];
    const forged = btoa(`s:${JSON.stringify({ sub: 'u1', role: 'admin', exp: t0 / 1000 + 3600 })}`).replace(/=+$/, '');
    expect(await readStaffToken(staff, `${forged}.${sig}`, t0)).toBeNull();
    expect(await readStaffToken(createSigner('y'.repeat(40), 'staff'), token, t0)).toBeNull();
    expect(await readStaffToken(staff, 'garbage', t0)).toBeNull();
    expect(await readStaffToken(staff, '', t0)).toBeNull();
  });

  it('never accepts a visitor token, nor a well-signed payload of the wrong shape', async () => {
    const visitor = await issueVisitorToken(createSigner(secret, 'visitor'), 'conv-1');
    expect(await readStaffToken(staff, visitor, t0)).toBeNull();
    // Even signed with the staff key, a visitor-shaped or malformed payload is refused.
    expect(await readStaffToken(staff, await staff.sign('c:conv-1'), t0)).toBeNull();
    expect(await readStaffToken(staff, await staff.sign('s:{not json'), t0)).toBeNull();
    expect(await readStaffToken(staff, await staff.sign('s:{"sub":"u1","role":"root","exp":9999999999}'), t0)).toBeNull();
    expect(await readStaffToken(staff, await staff.sign('s:{"sub":"u1","role":"admin"}'), t0)).toBeNull();
  });

  it('stamps the password: a new password hash gives a new stamp', async () => {
    expect(await sessionStamp('pbkdf2-sha256$100000$a$h')).not.toBe(await sessionStamp('pbkdf2-sha256$100000$b$h'));
    expect(await sessionStamp('same')).toBe(await sessionStamp('same'));
  });
});
