import { describe, expect, it } from 'vitest';
import { DUMMY_PASSWORD_HASH, hashPassword, PBKDF2_ITERATIONS, verifyPassword } from '../../src/security/password';

describe('password hashing', () => {
  it('hashes in the documented format and verifies the right password only', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored).toMatch(/^pbkdf2-sha256\$100000\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('salts: the same password hashes differently each time, and both verify', async () => {
    const [a, b] = await Promise.all([hashPassword('пароль ёлка 🎄'), hashPassword('пароль ёлка 🎄')]);
    expect(a).not.toBe(b);
    expect(await verifyPassword('пароль ёлка 🎄', a)).toBe(true);
    expect(await verifyPassword('пароль ёлка 🎄', b)).toBe(true);
  });

  it('verifies hashes with fewer iterations, so the count can change later', async () => {
    // Known vector: PBKDF2-HMAC-SHA256("password", "salt", 1, 32) from RFC 7914 §11.
    const salt = btoa('salt').replace(/=+$/, '');
    const hash = '120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b'
      .match(/../g)!
      .map((h) => String.fromCharCode(parseInt(h, 16)))
      .join('');
    const stored = `pbkdf2-sha256$1$${salt}$${btoa(hash).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
    expect(await verifyPassword('password', stored)).toBe(true);
    expect(await verifyPassword('passwore', stored)).toBe(false);
  });

  it('refuses malformed or hostile stored values instead of throwing', async () => {
    const good = await hashPassword('secret-password');
    const [, , salt, hash] = good.split('$');
    for (const stored of [
      '',
      'plain-text-password',
      `bcrypt$100000$${salt}$${hash}`,
      `pbkdf2-sha256$0$${salt}$${hash}`,
      `pbkdf2-sha256$${PBKDF2_ITERATIONS + 1}$${salt}$${hash}`,
      `pbkdf2-sha256$abc$${salt}$${hash}`,
      `pbkdf2-sha256$100000$${salt}$${hash}$extra`,
      `pbkdf2-sha256$100000$${salt}$${hash!.slice(0, 20)}`,
      `pbkdf2-sha256$100000$$${hash}`,
      `pbkdf2-sha256$100000$not base64!$${hash}`,
    ]) {
      expect(await verifyPassword('secret-password', stored), stored).toBe(false);
    }
  });

  it('has a well-formed dummy hash that no ordinary password matches', async () => {
    expect(DUMMY_PASSWORD_HASH).toMatch(/^pbkdf2-sha256\$100000\$/);
    expect(await verifyPassword('', DUMMY_PASSWORD_HASH)).toBe(false);
    expect(await verifyPassword('password', DUMMY_PASSWORD_HASH)).toBe(false);
  });
});
