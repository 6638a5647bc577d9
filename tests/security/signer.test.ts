import { describe, expect, it } from 'vitest';
import { createSigner } from '../../src/security/signer';
import { issueVisitorToken, readVisitorToken } from '../../src/security/visitor-token';

describe('signed tokens', () => {
  const secret = 'x'.repeat(40);

  it('round-trips a visitor token to its conversation id', async () => {
    const signer = createSigner(secret, 'visitor');
    const token = await issueVisitorToken(signer, 'conv-1');
    expect(await readVisitorToken(signer, token)).toBe('conv-1');
  });

  it('rejects a tampered payload, a tampered signature, garbage and another secret', async () => {
    const signer = createSigner(secret, 'visitor');
    const token = await issueVisitorToken(signer, 'conv-1');
    const [body, sig] = token.split('.') as [string, string];
    const forgedBody = btoa('c:conv-2').replace(/=+$/, '');
    expect(await readVisitorToken(signer, `${forgedBody}.${sig}`)).toBeNull();
    expect(await readVisitorToken(signer, `${body}.${sig.slice(0, -2)}AA`)).toBeNull();
    expect(await readVisitorToken(signer, 'not-a-token')).toBeNull();
    expect(await readVisitorToken(signer, '')).toBeNull();
    expect(await readVisitorToken(createSigner('y'.repeat(40), 'visitor'), token)).toBeNull();
  });

  it('keeps purposes apart: a token signed for one purpose fails for another', async () => {
    const token = await createSigner(secret, 'staff').sign('c:conv-1');
    expect(await readVisitorToken(createSigner(secret, 'visitor'), token)).toBeNull();
  });
});
