import { fromBase64Url, toBase64Url } from './signer';

/**
 * Password hashing with PBKDF2-SHA256 from Web Crypto, the one slow KDF that Node and Workers
 * both offer. Stored as `pbkdf2-sha256$<iterations>$<salt b64url>$<hash b64url>`, so the
 * iteration count can rise later without breaking stored hashes.
 */
const ALGORITHM = 'pbkdf2-sha256';
/** Workers refuse more than 100,000 iterations; Node accepts it too. */
export const PBKDF2_ITERATIONS = 100_000;
const SALT_BYTES = 16;
const HASH_BYTES = 32;

const encoder = new TextEncoder();

async function derive(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, HASH_BYTES * 8);
  return new Uint8Array(bits);
}

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await derive(password, salt, PBKDF2_ITERATIONS);
  return `${ALGORITHM}$${PBKDF2_ITERATIONS}$${toBase64Url(salt)}$${toBase64Url(hash)}`;
}

/** True when `password` matches `stored`; false for a wrong password or a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [algorithm, iterationsText, saltText, hashText, ...rest] = stored.split('$');
  if (algorithm !== ALGORITHM || rest.length > 0 || !iterationsText || !/^\d+$/.test(iterationsText)) return false;
  const iterations = Number(iterationsText);
  // The ceiling keeps a tampered record from stalling the server (and Workers would refuse it anyway).
  if (iterations < 1 || iterations > PBKDF2_ITERATIONS) return false;
  const salt = fromBase64Url(saltText ?? '');
  const expected = fromBase64Url(hashText ?? '');
  if (!salt || !expected || salt.length === 0 || expected.length !== HASH_BYTES) return false;
  return constantTimeEqual(await derive(password, salt, iterations), expected);
}

/** Compares every byte whatever the first difference, so timing does not reveal how much matched. */
function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/**
 * A well-formed hash of no known password (random salt and hash bytes), verified when a login
 * names an unknown email so that the answer takes as long as for a wrong password.
 */
export const DUMMY_PASSWORD_HASH = 'pbkdf2-sha256$100000$XXB_t_SReryJCcQzoGZAGA$-hsup34EnREpwvCb-AFgCgOn_Ko4MV12epPMtGceHtE';
