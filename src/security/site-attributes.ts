import { toHex } from './signer';
/**
 * Visitor attributes a website vouches for (VIP, customer id, plan). The site signs them with
 * its secret on its own server; the widget passes them on; we trust only what verifies.
 *
 * The signature is hex HMAC-SHA256 over the canonical JSON of the attributes (keys sorted).
 * Sign a short-lived blob per page view and include `exp` (epoch seconds): a copied blob then
 * stops working when it expires.
 *
 * @example
 * // on the website's server (Node): keys sorted by code unit, exactly as canonicalAttributes does
 * const body = JSON.stringify(Object.fromEntries(Object.entries(attrs).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
 * const signature = createHmac('sha256', SITE_SECRET).update(body).digest('hex');
 */
export type SiteAttributes = Record<string, string | number | boolean>;

function canonicalAttributes(attributes: SiteAttributes): string {
  return JSON.stringify(Object.fromEntries(Object.entries(attributes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
}

export async function signAttributes(secret: string, attributes: SiteAttributes): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(canonicalAttributes(attributes)));
  return toHex(new Uint8Array(mac));
}

export async function verifyAttributes(secret: string, attributes: SiteAttributes, signature: string): Promise<boolean> {
  if (!/^[0-9a-f]{64}$/i.test(signature)) return false;
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  const bytes = new Uint8Array(signature.match(/../g)!.map((h) => parseInt(h, 16)));
  return crypto.subtle.verify('HMAC', key, bytes, new TextEncoder().encode(canonicalAttributes(attributes)));
}
