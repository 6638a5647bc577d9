import { batch, signal } from '@preact/signals';
import type { ConversationStatus } from '../../domain/conversation';
import type { VisitorEvent } from '../../domain/events';
import { ApiError, NetworkError, visitorApi, type Availability, type PublicMessage } from '../shared/api';
import { EventStream, type StreamState } from '../shared/event-stream';
import type { Locale } from '../shared/i18n';
import { createStorage } from './storage';
import type { StringKey } from './strings';

export interface WidgetConfig {
  /** The API's origin: where widget.js came from. */
  base: string;
  locale: Locale;
}

export interface Identity {
  name?: string;
  email?: string;
  attributes?: Record<string, string | number | boolean>;
  signature?: string;
}

/** A message the visitor wrote that the server has not acknowledged yet. */
export interface Outgoing {
  clientId: string;
  text: string;
  createdAt: number;
  state: 'sending' | 'queued' | 'failed';
}

export type ContactState = { kind: 'hidden' } | { kind: 'form' } | { kind: 'done'; contact: string };
export type WidgetEventName = 'ready' | 'opened' | 'closed' | 'message';

const VISITOR_EVENT_TYPES = ['message', 'status', 'typing'] as const satisfies readonly VisitorEvent['type'][];
const TYPING_SHOWN_MS = 6000;

/**
 * The widget's state and every move the visitor makes, apart from how it looks. Messages are
 * keyed by id (a message from the stream, the post's answer and a reload are the same message),
 * and what the visitor typed is kept in an outbox until the server has it: sent once, by its
 * clientId, when the connection is back.
 */
export function createController(config: WidgetConfig) {
  const api = visitorApi(config.base);
  const storage = createStorage(config.base);

  const open = signal(false);
  const locale = signal<Locale>(storage.locale() ?? config.locale);
  const messages = signal<PublicMessage[]>([]);
  const outbox = signal<Outgoing[]>(storage.outbox());
  const status = signal<ConversationStatus>('bot');
  const availability = signal<Availability | null>(null);
  const operatorName = signal<string | null>(null);
  const typing = signal<string | null>(null);
  const unread = signal(0);
  const connection = signal<StreamState>('connecting');
  const banner = signal<{ key: StringKey; action?: 'new' } | null>(null);
  const contact = signal<ContactState>({ kind: 'hidden' });
  const rated = signal(false);
  const starting = signal(false);

  let session = storage.session();
  let identity: Identity = {};
  let stream: EventStream<VisitorEvent> | undefined;
  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  let retryTimer: ReturnType<typeof setInterval> | undefined;
  let lastTypingSent = 0;
  const listeners = new Map<WidgetEventName, Set<(data?: unknown) => void>>();

  function emit(name: WidgetEventName, data?: unknown) {
    for (const fn of listeners.get(name) ?? []) {
      try {
        fn(data);
      } catch (error) {
        console.error('SupportChat listener failed', error);
      }
    }
  }

  /** Add or replace messages by id, in the order they were written. */
  function merge(incoming: PublicMessage[], fromStream = false) {
    if (incoming.length === 0) return;
    const byId = new Map(messages.value.map((m) => [m.id, m]));
    let fresh = 0;
    for (const m of incoming) {
      if (!byId.has(m.id) && m.role !== 'visitor') fresh += 1;
      byId.set(m.id, m);
    }
    const sorted = [...byId.values()].sort((a, b) => a.createdAt - b.createdAt);
    const acknowledged = new Set(incoming.flatMap((m) => (m.clientId ? [m.clientId] : [])));
    batch(() => {
      messages.value = sorted;
      if (acknowledged.size > 0) setOutbox(outbox.value.filter((o) => !acknowledged.has(o.clientId)));
      if (fromStream && fresh > 0 && !open.value) unread.value += fresh;
      if (incoming.some((m) => m.role === 'operator')) typing.value = null;
    });
    for (const m of incoming) emit('message', m);
  }

  function setOutbox(next: Outgoing[]) {
    outbox.value = next;
    storage.saveOutbox(next.filter((o) => o.state !== 'failed'));
  }

  function setStatus(next: ConversationStatus, name?: string) {
    batch(() => {
      status.value = next;
      if (name) operatorName.value = name;
      if (next === 'assigned') {
        availability.value = { kind: 'with_operator' };
        contact.value = contact.value.kind === 'form' ? { kind: 'hidden' } : contact.value;
      }
      if (next === 'bot') availability.value = null;
      if (next === 'resolved') availability.value = null;
      rated.value = session ? storage.rated(session.id) : false;
    });
  }

  function showAvailability(next: Availability | undefined) {
    if (!next) return;
    batch(() => {
      availability.value = next;
      if (next.kind === 'offline' && contact.value.kind === 'hidden') contact.value = { kind: 'form' };
    });
  }

  function onEvent(event: VisitorEvent & { id: number }) {
    switch (event.type) {
      case 'message':
        merge([event.data], true);
        break;
      case 'status':
        setStatus(event.data.status, event.data.operator?.name);
        break;
      case 'typing':
        typing.value = event.data.name ?? '';
        clearTimeout(typingTimer);
        typingTimer = setTimeout(() => (typing.value = null), TYPING_SHOWN_MS);
        break;
    }
  }

  function connect(lastEventId: number) {
    if (!session) return;
    stream?.stop();
    const { id, token } = session;
    stream = new EventStream<VisitorEvent>({
      url: api.eventsUrl(id),
      token,
      lastEventId,
      types: VISITOR_EVENT_TYPES,
      onEvent,
      onResync: () => void reload(),
      onState: (s) => (connection.value = s),
    });
    stream.start();
  }

  /** Read the conversation again (after a reload of the page, or a gap in the stream). */
  async function reload(): Promise<number | undefined> {
    if (!session) return undefined;
    try {
      const view = await api.read(session.id, session.token);
      merge(view.messages);
      setStatus(view.status);
      if (view.status === 'waiting') showAvailability((await api.handoff(session.id, session.token)).availability);
      return view.lastEventId;
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 403 || error.status === 404)) forget();
      return undefined;
    }
  }

  /** Drop the stored conversation: the next open starts a new one. */
  function forget() {
    stream?.stop();
    stream = undefined;
    session = undefined;
    storage.clearSession();
    batch(() => {
      messages.value = [];
      setOutbox([]);
      status.value = 'bot';
      availability.value = null;
      operatorName.value = null;
      contact.value = { kind: 'hidden' };
      rated.value = false;
      banner.value = null;
    });
  }

  let startingNow: Promise<boolean> | undefined;

  /** The conversation, started on first need; callers at once share the one start. */
  function ensureSession(): Promise<boolean> {
    if (session) return Promise.resolve(true);
    startingNow ??= startSession().finally(() => (startingNow = undefined));
    return startingNow;
  }

  async function startSession(): Promise<boolean> {
    starting.value = true;
    try {
      // What the site passed is only a hint: a malformed e-mail is left out rather than fail the start.
      const email = identity.email && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(identity.email) ? identity.email.slice(0, 320) : undefined;
      const name = identity.name?.slice(0, 200);
      const visitor = name || email ? { name, email } : undefined;
      const created = await api.start({
        lang: locale.value,
        // The API takes http(s) pages only (operators open them as links).
        ...(/^https?:/.test(location.href) && location.href.length <= 2000 ? { page: location.href } : {}),
        ...(visitor ? { visitor } : {}),
        ...(identity.attributes && identity.signature ? { attributes: identity.attributes, signature: identity.signature } : {}),
      });
      session = { id: created.id, token: created.token };
      storage.saveSession(session);
      banner.value = null;
      merge(created.messages);
      setStatus(created.status);
      connect(0);
      return true;
    } catch {
      banner.value = { key: 'startError' };
      return false;
    } finally {
      starting.value = false;
    }
  }

  async function deliver(item: Outgoing) {
    if (!session) return;
    const { id, token } = session;
    try {
      const result = await api.post(id, token, { text: item.text, clientId: item.clientId });
      merge([result.message, ...(result.reply ? [result.reply] : [])]);
      showAvailability(result.decision.handoff);
      if (banner.value?.key === 'tooFast') banner.value = null;
    } catch (error) {
      const state: Outgoing['state'] = error instanceof NetworkError ? 'queued' : 'failed';
      setOutbox(outbox.value.map((o) => (o.clientId === item.clientId ? { ...o, state } : o)));
      if (error instanceof ApiError) banner.value = bannerFor(error);
    }
  }

  function bannerFor(error: ApiError): { key: StringKey; action?: 'new' } {
    if (error.status === 429) return { key: 'tooFast' };
    if (error.code === 'message_too_long') return { key: 'tooLong' };
    if (error.code === 'conversation_too_long') return { key: 'full', action: 'new' };
    if (error.code === 'conversation_closed') return { key: 'closed', action: 'new' };
    return { key: 'error' };
  }

  /** Send what waits in the outbox, oldest first, once each. */
  async function flush() {
    if (!session) return;
    for (const item of outbox.value.filter((o) => o.state === 'queued')) {
      setOutbox(outbox.value.map((o) => (o.clientId === item.clientId ? { ...o, state: 'sending' } : o)));
      await deliver(item);
    }
  }

  window.addEventListener('online', () => void flush());

  async function init() {
    if (session) {
      const lastEventId = await reload();
      if (session) connect(lastEventId ?? 0);
      await flush();
    }
    retryTimer ??= setInterval(() => void flush(), 10_000);
    emit('ready');
  }

  return {
    open,
    locale,
    messages,
    outbox,
    status,
    availability,
    operatorName,
    typing,
    unread,
    connection,
    banner,
    contact,
    rated,
    starting,
    init,

    async show() {
      if (open.value) return;
      batch(() => {
        open.value = true;
        unread.value = 0;
      });
      emit('opened');
      await ensureSession();
    },
    hide() {
      if (!open.value) return;
      open.value = false;
      emit('closed');
    },
    setLocale(next: Locale) {
      locale.value = next;
      storage.saveLocale(next);
    },
    identify(next: Identity) {
      identity = { ...identity, ...next };
    },
    identityEmail: () => identity.email,
    on(name: WidgetEventName, fn: (data?: unknown) => void) {
      if (!listeners.has(name)) listeners.set(name, new Set());
      listeners.get(name)!.add(fn);
    },
    reset: forget,
    /** A new conversation in place of the old one, at once (after a resolution or a closed one). */
    async restart() {
      forget();
      await ensureSession();
    },

    async send(text: string) {
      const trimmed = text.trim();
      if (!trimmed) return;
      const item: Outgoing = { clientId: crypto.randomUUID(), text: trimmed, createdAt: Date.now(), state: 'sending' };
      setOutbox([...outbox.value, item]);
      if (!(await ensureSession())) {
        setOutbox(outbox.value.map((o) => (o.clientId === item.clientId ? { ...o, state: 'queued' } : o)));
        return;
      }
      await deliver(item);
    },
    retry(clientId: string) {
      const item = outbox.value.find((o) => o.clientId === clientId);
      if (!item) return;
      setOutbox(outbox.value.map((o) => (o.clientId === clientId ? { ...o, state: 'sending' } : o)));
      void deliver({ ...item, state: 'sending' });
    },

    async askForPerson() {
      if (!(await ensureSession()) || !session) return;
      try {
        showAvailability((await api.handoff(session.id, session.token)).availability);
      } catch (error) {
        banner.value = error instanceof ApiError ? bannerFor(error) : { key: 'error' };
      }
    },

    /** Tell the operator the visitor is typing, at most every 3 s, only when a person is there to see it. */
    typingNow() {
      if (!session || (status.value !== 'assigned' && status.value !== 'waiting')) return;
      if (Date.now() - lastTypingSent < 3000) return;
      lastTypingSent = Date.now();
      api.typing(session.id, session.token).catch(() => undefined);
    },

    /** Field errors by field name, or none when the contact was taken. */
    async leaveContact(input: { email?: string; phone?: string; message?: string }): Promise<Record<string, string> | undefined> {
      if (!session) return { email: 'error' };
      try {
        await api.contact(session.id, session.token, input);
        contact.value = { kind: 'done', contact: [input.email, input.phone].filter(Boolean).join(', ') };
        return undefined;
      } catch (error) {
        if (error instanceof ApiError && error.details?.issues) {
          return Object.fromEntries(error.details.issues.map((i) => [i.path || 'email', i.message]));
        }
        return { email: 'error' };
      }
    },

    async rate(score: number, comment?: string): Promise<boolean> {
      if (!session || rated.value) return false;
      try {
        await api.rate(session.id, session.token, { score, ...(comment ? { comment } : {}) });
        storage.markRated(session.id);
        rated.value = true;
        return true;
      } catch {
        banner.value = { key: 'error' };
        return false;
      }
    },
  };
}

export type Controller = ReturnType<typeof createController>;
