import type { z } from 'zod';
import type {
  contactBody,
  conversationViewSchema,
  createConversationBody,
  createdConversationSchema,
  handoffResultSchema,
  postMessageBody,
  postMessageResultSchema,
  ratingBody,
} from '../../routes/conversations/conversations.schemas';

/**
 * The visitor API as the pages see it: request and response types are the routes' own zod
 * schemas (type-only imports: nothing of zod reaches the bundle), so a renamed field breaks
 * the build, not the widget.
 */
export type CreatedConversation = z.infer<typeof createdConversationSchema>;
export type ConversationView = z.infer<typeof conversationViewSchema> & { lastEventId: number };
export type PostMessageResult = z.infer<typeof postMessageResultSchema>;
export type HandoffResult = z.infer<typeof handoffResultSchema>;
export type Availability = HandoffResult['availability'];
export type PublicMessage = ConversationView['messages'][number];

/** The API's error envelope, as an exception the pages can read. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: { issues?: { path: string; message: string }[]; retryAfterSeconds?: number },
  ) {
    super(message);
  }
}

/** A request that never reached the server (offline, DNS, CORS): worth retrying later. */
export class NetworkError extends Error {}

export async function request<T>(base: string, path: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(base + path, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch (error) {
    throw new NetworkError(error instanceof Error ? error.message : 'network error');
  }
  if (res.status === 204) return undefined as T;
  const body = (await res.json().catch(() => undefined)) as { error?: { code: string; message: string; details?: ApiError['details'] } } | undefined;
  if (!res.ok) throw new ApiError(res.status, body?.error?.code ?? 'internal_error', body?.error?.message ?? res.statusText, body?.error?.details);
  return body as T;
}

/** The visitor's calls on their conversation. */
export function visitorApi(base: string) {
  const on = (id: string) => `/api/conversations/${encodeURIComponent(id)}`;
  return {
    start: (body: z.input<typeof createConversationBody>) => request<CreatedConversation>(base, '/api/conversations', { body }),
    read: (id: string, token: string) => request<ConversationView>(base, on(id), { token }),
    post: (id: string, token: string, body: z.input<typeof postMessageBody>) => request<PostMessageResult>(base, `${on(id)}/messages`, { token, body }),
    handoff: (id: string, token: string) => request<HandoffResult>(base, `${on(id)}/handoff`, { token, method: 'POST' }),
    contact: (id: string, token: string, body: z.input<typeof contactBody>) => request<{ status: 'pending' }>(base, `${on(id)}/contact`, { token, body }),
    rate: (id: string, token: string, body: z.input<typeof ratingBody>) => request<unknown>(base, `${on(id)}/rating`, { token, body }),
    typing: (id: string, token: string) => request<void>(base, `${on(id)}/typing`, { token, method: 'POST' }),
    eventsUrl: (id: string) => base + `${on(id)}/events`,
  };
}
export type VisitorApi = ReturnType<typeof visitorApi>;
