import type { Locale } from '../shared/i18n';
import type { Outgoing } from './controller';

/**
 * What the widget keeps in the host site's localStorage, under one prefix per chat server: the
 * conversation (so history survives a reload), unsent messages, the language chosen, and which
 * conversations were rated. A browser that refuses storage gets a widget that forgets, not one
 * that breaks.
 */
export function createStorage(base: string) {
  const prefix = `supportchat:${base}:`;
  const read = <T>(key: string): T | undefined => {
    try {
      const raw = localStorage.getItem(prefix + key);
      return raw === null ? undefined : (JSON.parse(raw) as T);
    } catch {
      return undefined;
    }
  };
  const write = (key: string, value: unknown) => {
    try {
      if (value === undefined) localStorage.removeItem(prefix + key);
      else localStorage.setItem(prefix + key, JSON.stringify(value));
    } catch {
      // Storage full or refused: the widget still works for this page view.
    }
  };

  return {
    session: () => {
      const s = read<{ id: string; token: string }>('session');
      return s && typeof s.id === 'string' && typeof s.token === 'string' ? s : undefined;
    },
    saveSession: (s: { id: string; token: string }) => write('session', s),
    clearSession: () => {
      write('session', undefined);
      write('outbox', undefined);
    },
    outbox: (): Outgoing[] => (read<Outgoing[]>('outbox') ?? []).filter((o) => typeof o?.clientId === 'string').map((o) => ({ ...o, state: 'queued' })),
    saveOutbox: (items: Outgoing[]) => write('outbox', items.length ? items : undefined),
    locale: () => {
      const l = read<string>('locale');
      return l === 'ru' || l === 'en' ? (l as Locale) : undefined;
    },
    saveLocale: (l: Locale) => write('locale', l),
    rated: (conversationId: string) => read<string[]>('rated')?.includes(conversationId) ?? false,
    markRated: (conversationId: string) => write('rated', [...(read<string[]>('rated') ?? []).slice(-20), conversationId]),
  };
}
