import type { z } from 'zod';
import type { createUserBody, updateUserBody } from '../../routes/admin/admin.schemas';
import type { loginResultSchema, staffUserViewSchema } from '../../routes/auth/auth.schemas';
import type { listArticlesSchema } from '../../routes/kb/kb.schemas';
import type { conversationListItemSchema, operatorPresenceSchema } from '../../routes/operator/console.routes';
import type { operatorConversationSchema, queueItemSchema, statusResultSchema, transferBody } from '../../routes/operator/operator.schemas';
import { request } from '../shared/api';

/** The staff API as the console sees it: types are the routes' zod schemas, imported as types only. */
export type LoginResult = z.infer<typeof loginResultSchema>;
export type StaffUser = z.infer<typeof staffUserViewSchema>;
export type QueueItem = z.infer<typeof queueItemSchema>;
export type ListItem = z.infer<typeof conversationListItemSchema>;
export type OperatorRow = z.infer<typeof operatorPresenceSchema>;
export type OperatorConversation = z.infer<typeof operatorConversationSchema>;
export type Message = OperatorConversation['messages'][number];
export type Packet = NonNullable<OperatorConversation['packet']>;
export type Article = z.infer<typeof listArticlesSchema>['articles'][number];
export type PresenceStatus = OperatorRow['status'];

export function consoleApi(base: string, token: () => string) {
  const call = <T>(path: string, init: { method?: string; body?: unknown } = {}) => request<T>(base, path, { ...init, token: token() });
  const on = (id: string) => `/api/operator/conversations/${encodeURIComponent(id)}`;
  return {
    login: (email: string, password: string) => request<LoginResult>(base, '/api/auth/login', { body: { email, password } }),
    me: () => call<StaffUser>('/api/auth/me'),
    queue: () => call<{ items: QueueItem[] }>('/api/operator/queue'),
    list: (scope: 'mine' | 'open', department?: string) =>
      call<{ items: ListItem[] }>(`/api/operator/conversations?${new URLSearchParams({ scope, ...(department ? { department } : {}) })}`),
    operators: () => call<{ items: OperatorRow[] }>('/api/operator/operators'),
    view: (id: string) => call<OperatorConversation>(on(id)),
    claim: (id: string) => call<z.infer<typeof statusResultSchema>>(`${on(id)}/claim`, { method: 'POST' }),
    release: (id: string) => call<unknown>(`${on(id)}/release`, { method: 'POST' }),
    resolve: (id: string, resolution?: string) => call<unknown>(`${on(id)}/resolve`, { body: resolution ? { resolution } : {} }),
    transfer: (id: string, body: z.input<typeof transferBody>) => call<unknown>(`${on(id)}/transfer`, { body }),
    send: (id: string, text: string, internal: boolean) => call<Message>(`${on(id)}/messages`, { body: { text, internal } }),
    flag: (id: string, messageId: string, note: string) =>
      call<unknown>(`${on(id)}/messages/${encodeURIComponent(messageId)}/flag`, { body: { note } }),
    typing: (id: string) => call<void>(`${on(id)}/typing`, { method: 'POST' }),
    presence: (status: PresenceStatus) => call<{ status: PresenceStatus }>('/api/operator/presence', { body: { status } }),
    searchKb: (q: string, lang: string) => call<{ articles: Article[] }>(`/api/kb/articles?${new URLSearchParams({ q, lang })}`),
    users: () => call<{ users: StaffUser[] }>('/api/admin/users'),
    createUser: (body: z.input<typeof createUserBody>) => call<StaffUser>('/api/admin/users', { body }),
    updateUser: (id: string, body: z.input<typeof updateUserBody>) => call<StaffUser>(`/api/admin/users/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
    eventsUrl: base + '/api/operator/events',
  };
}
export type ConsoleApi = ReturnType<typeof consoleApi>;
