import type { Signer } from './signer';

/**
 * A visitor token names exactly one conversation. It does not expire: the widget keeps it in
 * the browser for as long as the visitor keeps the conversation.
 */
export async function issueVisitorToken(signer: Signer, conversationId: string): Promise<string> {
  return signer.sign(`c:${conversationId}`);
}

/** The conversation id the token grants, or null for a forged or malformed token. */
export async function readVisitorToken(signer: Signer, token: string): Promise<string | null> {
  const payload = await signer.verify(token);
  return payload?.startsWith('c:') ? payload.slice(2) : null;
}
