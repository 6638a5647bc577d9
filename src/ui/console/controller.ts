import { batch, computed, signal } from '@preact/signals';
import type { OperatorEvent } from '../../domain/events';
import { ApiError } from '../shared/api';
import { EventStream, type StreamState } from '../shared/event-stream';
import type { Locale } from '../shared/i18n';
import { beep, notify, setTitle } from './alerts';
import { consoleApi, type ListItem, type LoginResult, type OperatorConversation, type OperatorRow, type PresenceStatus, type QueueItem, type StaffUser } from './api';
import { loadSession, saveSession } from './session';
import type { StringKey } from './strings';

export type View = 'queue' | 'mine' | 'open' | 'team';
export type Mode = 'reply' | 'note';

/** One open chat tab: its conversation as last read, and the operator's draft in it. */
export interface Chat {
  conv: OperatorConversation | null;
  draft: string;
  mode: Mode;
  /** Said plainly in the chat: a lost claim, a refused move. */
  problem?: StringKey | string;
  visitorTyping: boolean;
}

const OPERATOR_TYPES: OperatorEvent['type'][] = ['message', 'handoff', 'claimed', 'transferred', 'resolved', 'released', 'reopened', 'presence', 'callback', 'callback_done', 'rated', 'typing', 'answer_flagged'];

/** The console's state and moves; the view (app.tsx) only reads signals and calls these. */
export function createConsole(opts: { base: string; locale: Locale; t: (k: StringKey) => string }) {
  const session = signal<LoginResult | null>(loadSession());
  const signInNote = signal<StringKey | null>(null);
  const me = computed<StaffUser | null>(() => session.value?.user ?? null);
  const presence = signal<PresenceStatus>('online');
  const streamState = signal<StreamState>('connecting');
  const view = signal<View>('queue');
  const queue = signal<QueueItem[]>([]);
  const mine = signal<ListItem[]>([]);
  const open = signal<ListItem[]>([]);
  const department = signal('');
  const operators = signal<OperatorRow[]>([]);
  const tabs = signal<string[]>([]);
  const active = signal<string | null>(null);
  const chats = signal<Record<string, Chat>>({});
  const unread = signal<Record<string, number>>({});
  /** Handoffs that arrived since the operator last looked: the tab title counts them until opened or gone. */
  const unseenHandoffs = signal<ReadonlySet<string>>(new Set());
  const helpOpen = signal(false);
  const api = consoleApi(opts.base, () => session.value?.token ?? '');
  let stream: EventStream<OperatorEvent> | undefined;
  const typingTimers: Record<string, ReturnType<typeof setTimeout>> = {};
  let lastTypingSent = 0;

  const totalUnread = computed(() => Object.values(unread.value).reduce((a, b) => a + b, 0) + unseenHandoffs.value.size);
  const load = computed(() => mine.value.length);

  /** Every failed call goes through here: an expired session back to the sign-in, with why. */
  function failed(error: unknown): string {
    if (error instanceof ApiError && error.status === 401) {
      signOut('expired');
      return '';
    }
    return error instanceof Error ? error.message : String(error);
  }

  async function signIn(email: string, password: string): Promise<string | null> {
    try {
      const result = await api.login(email, password);
      if (result.user.role === 'editor') return opts.t('editorsNotHere');
      saveSession(result);
      batch(() => {
        session.value = result;
        signInNote.value = null;
      });
      await start();
      return null;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return opts.t('wrongPassword');
      return error instanceof Error ? error.message : String(error);
    }
  }

  function signOut(why?: 'expired') {
    if (session.value && !why) void api.presence('offline').catch(() => undefined);
    stream?.stop();
    stream = undefined;
    saveSession(null);
    batch(() => {
      session.value = null;
      signInNote.value = why === 'expired' ? 'sessionExpired' : null;
      tabs.value = [];
      active.value = null;
      chats.value = {};
      unread.value = {};
      queue.value = [];
      mine.value = [];
      open.value = [];
    });
  }

  async function refreshLists() {
    try {
      const [q, m, o, ops] = await Promise.all([api.queue(), api.list('mine'), api.list('open', department.value || undefined), api.operators()]);
      batch(() => {
        queue.value = q.items;
        const waiting = new Set(q.items.map((i) => i.conversationId));
        if ([...unseenHandoffs.value].some((id) => !waiting.has(id))) unseenHandoffs.value = new Set([...unseenHandoffs.value].filter((id) => waiting.has(id)));
        mine.value = m.items;
        open.value = o.items;
        operators.value = ops.items;
        const self = ops.items.find((x) => x.id === me.value?.id);
        if (self) presence.value = self.status === 'offline' ? presence.value : self.status;
      });
    } catch (error) {
      failed(error);
    }
  }

  async function start() {
    if (!session.value) return;
    try {
      // The token may have expired while the tab slept: /auth/me says so before anything else.
      const user = await api.me();
      session.value = { ...session.value, user };
    } catch (error) {
      failed(error);
      return;
    }
    await api.presence(presence.value).catch(failed);
    await refreshLists();
    stream = new EventStream<OperatorEvent>({
      url: api.eventsUrl,
      token: session.value.token,
      lastEventId: 0,
      types: OPERATOR_TYPES,
      onEvent: onEvent,
      onResync: () => void refreshLists(),
      onState: (s) => (streamState.value = s),
    });
    stream.lastEventId = await latestId();
    stream.start();
  }

  /**
   * Start the stream at its newest event: the lists just read already hold the past, and old
   * handoffs must not beep. The log keeps at most EVENTS_KEPT (1,000) events, so this is at
   * most ten pages of the polling answer.
   */
  async function latestId(): Promise<number> {
    let after = 0;
    try {
      for (let page = 0; page < 12; page++) {
        const res = await fetch(`${api.eventsUrl}?poll=1&lastEventId=${after}`, { headers: { authorization: `Bearer ${session.value?.token}` } });
        const body = (await res.json()) as { events: unknown[]; lastEventId: number };
        after = body.lastEventId;
        if (body.events.length < 100) break;
      }
    } catch {
      // Unreachable for a moment: start from where we got; the stream goes on from there.
    }
    return after;
  }

  function patchChat(id: string, patch: Partial<Chat>) {
    const current = chats.value[id];
    if (current) chats.value = { ...chats.value, [id]: { ...current, ...patch } };
  }

  function onEvent(event: OperatorEvent & { id: number }) {
    if (event.type === 'message') {
      const { conversationId, message } = event.data;
      const chat = chats.value[conversationId];
      if (chat?.conv && !chat.conv.messages.some((m) => m.id === message.id)) {
        patchChat(conversationId, { conv: { ...chat.conv, messages: [...chat.conv.messages, message] }, visitorTyping: false });
      }
      const seen = active.value === conversationId && document.visibilityState === 'visible';
      const relevant = chat !== undefined || mine.value.some((m) => m.id === conversationId);
      if (message.role === 'visitor' && relevant && !seen) unread.value = { ...unread.value, [conversationId]: (unread.value[conversationId] ?? 0) + 1 };
      return;
    }
    if (event.type === 'typing') {
      const id = event.data.conversationId;
      patchChat(id, { visitorTyping: true });
      clearTimeout(typingTimers[id]);
      typingTimers[id] = setTimeout(() => patchChat(id, { visitorTyping: false }), 4000);
      return;
    }
    if (event.type === 'handoff') {
      beep();
      notify(opts.t('newHandoff'), event.data.summary);
      unseenHandoffs.value = new Set([...unseenHandoffs.value, event.data.conversationId]);
    }
    if ('conversationId' in event.data && chats.value[event.data.conversationId]) void reload(event.data.conversationId);
    void refreshLists();
  }

  async function reload(id: string) {
    try {
      const conv = await api.view(id);
      patchChat(id, { conv });
    } catch (error) {
      patchChat(id, { problem: failed(error) });
    }
  }

  function openChat(id: string) {
    batch(() => {
      if (!tabs.value.includes(id)) {
        tabs.value = [...tabs.value, id];
        chats.value = { ...chats.value, [id]: { conv: null, draft: '', mode: 'reply', visitorTyping: false } };
        void reload(id);
      }
      activate(id);
    });
  }

  function activate(id: string | null) {
    batch(() => {
      active.value = id;
      if (id && unseenHandoffs.value.has(id)) unseenHandoffs.value = new Set([...unseenHandoffs.value].filter((x) => x !== id));
      if (id && unread.value[id]) {
        const { [id]: _, ...rest } = unread.value;
        unread.value = rest;
      }
    });
  }

  function closeChat(id: string) {
    const i = tabs.value.indexOf(id);
    const { [id]: _, ...rest } = chats.value;
    batch(() => {
      tabs.value = tabs.value.filter((t) => t !== id);
      chats.value = rest;
      if (active.value === id) activate(tabs.value[Math.max(0, i - 1)] ?? null);
    });
  }

  /** Next (+1) or previous (−1) tab, wrapping. */
  function cycle(step: 1 | -1) {
    const list = tabs.value;
    if (list.length === 0) return;
    const i = active.value ? list.indexOf(active.value) : -1;
    activate(list[(i + step + list.length) % list.length]!);
  }

  async function claim(id: string) {
    try {
      await api.claim(id);
      openChat(id);
      patchChat(id, { problem: undefined });
      await reload(id);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'already_claimed') {
        openChat(id);
        patchChat(id, { problem: 'claimLost' });
        queue.value = queue.value.filter((q) => q.conversationId !== id);
      } else openChat(id), patchChat(id, { problem: failed(error) });
    }
    await refreshLists();
  }

  function setDraft(id: string, draft: string) {
    patchChat(id, { draft });
    const chat = chats.value[id];
    const now = Date.now();
    if (chat?.mode === 'reply' && chat.conv?.assigneeId === me.value?.id && draft && now - lastTypingSent > 3000) {
      lastTypingSent = now;
      void api.typing(id).catch(() => undefined);
    }
  }

  function toggleMode(id: string) {
    const chat = chats.value[id];
    if (chat) patchChat(id, { mode: chat.mode === 'reply' ? 'note' : 'reply' });
  }

  async function send(id: string) {
    const chat = chats.value[id];
    const text = chat?.draft.trim();
    if (!chat || !text) return;
    try {
      const message = await api.send(id, text, chat.mode === 'note');
      const now = chats.value[id];
      if (now?.conv && !now.conv.messages.some((m) => m.id === message.id)) patchChat(id, { conv: { ...now.conv, messages: [...now.conv.messages, message] } });
      patchChat(id, { draft: '', problem: undefined });
    } catch (error) {
      patchChat(id, { problem: failed(error) });
    }
  }

  /** A move on the conversation (release, resolve, transfer): then it leaves "mine" and the tab closes. */
  async function move(id: string, run: () => Promise<unknown>) {
    try {
      await run();
      closeChat(id);
      await refreshLists();
    } catch (error) {
      patchChat(id, { problem: failed(error) });
    }
  }

  async function setPresence(status: PresenceStatus) {
    try {
      await api.presence(status);
      presence.value = status;
      await refreshLists();
    } catch (error) {
      failed(error);
    }
  }

  function setView(v: View) {
    view.value = v;
  }

  totalUnread.subscribe((n) => setTitle(opts.t('title'), n));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && active.value) activate(active.value);
  });

  return {
    api, session, signInNote, me, presence, streamState, view, queue, mine, open, department, operators, tabs, active, chats, unread, helpOpen, load, totalUnread,
    signIn, signOut, start, refreshLists, openChat, activate, closeChat, cycle, claim, setDraft, toggleMode, send, move, setPresence, setView, patchChat, failed,
  };
}
export type Console = ReturnType<typeof createConsole>;
