/**
 * HMAC-SHA256 signatures with Web Crypto, so tokens verify the same on Node and Workers.
 * A token is `<payload>.<signature>`, both base64url; the payload is opaque to this module.
 */
export interface Signer {
  sign(payload: string): Promise<string>;
  /** The payload when the signature is valid, otherwise null. */
  verify(token: string): Promise<string | null>;
}

const encoder = new TextEncoder();

export function createSigner(secret: string, purpose: string): Signer {
  // The purpose is mixed into the key so a visitor token can never pass as a staff token.
  const keyPromise = crypto.subtle.importKey(
    'raw',
    encoder.encode(`${purpose}\u0000${secret}`),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign', 'verify'],
  );

  return {
    async sign(payload) {
      const body = toBase64Url(encoder.encode(payload));
      const signature = await crypto.subtle.sign('HMAC', await keyPromise, encoder.encode(body));
      return `${body}.${toBase64Url(new Uint8Array(signature))}`;
    },
    async verify(token) {
      const dot = token.indexOf('.');
      if (dot <= 0 || dot === token.length - 1) return null;
      const body = token.slice(0, dot);
      const signature = fromBase64Url(token.slice(dot + 1));
      if (!signature) return null;
      // crypto.subtle.verify compares in constant time.
      const ok = await crypto.subtle.verify('HMAC', await keyPromise, signature, encoder.encode(body));
      if (!ok) return null;
      const payload = fromBase64Url(body);
      return payload ? new TextDecoder().decode(payload) : null;
    },
  };
}

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

/** A random secret for the embedded default, where one process signs and verifies. */
export function randomSecret(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
}
