import type { StreamControlEvent } from '../../domain/events';

type AnyEvent = { type: string; data: unknown };

export type StreamState = 'connecting' | 'live' | 'polling' | 'offline';

export interface EventStreamOptions<E extends AnyEvent> {
  /** The stream's URL without query. */
  url: string;
  token: string;
  /** Start after this id (0: from the beginning). */
  lastEventId: number;
  /** Every event type of the stream's union: EventSource listens by name. */
  types: readonly E['type'][];
  onEvent(event: E & { id: number }): void;
  /** Events were missed: reload what the page shows, then the stream goes on. */
  onResync(): void;
  onState?(state: StreamState): void;
  pollMs?: number;
}

/**
 * The pages' live connection: EventSource with resume from the last id it saw, never the same
 * event twice, and polling (`?poll=1`) where streaming fails (a proxy that buffers, a blocked
 * stream), trying the stream again now and then.
 */
export class EventStream<E extends AnyEvent> {
  private source?: EventSource;
  private pollTimer?: ReturnType<typeof setTimeout>;
  private retryStreamAt = 0;
  private failures = 0;
  private stopped = false;
  lastEventId: number;

  constructor(private readonly opts: EventStreamOptions<E>) {
    this.lastEventId = opts.lastEventId;
  }

  start(): void {
    this.stopped = false;
    if (typeof EventSource === 'undefined') void this.poll();
    else this.openStream();
  }

  stop(): void {
    this.stopped = true;
    this.source?.close();
    this.source = undefined;
    clearTimeout(this.pollTimer);
  }

  private setState(state: StreamState) {
    this.opts.onState?.(state);
  }

  private deliver(id: number, type: string, data: unknown) {
    if (id <= this.lastEventId) return;
    this.lastEventId = id;
    this.opts.onEvent({ id, type, data } as E & { id: number });
  }

  private openStream() {
    this.setState('connecting');
    const query = new URLSearchParams({ token: this.opts.token, lastEventId: String(this.lastEventId) });
    const source = new EventSource(`${this.opts.url}?${query}`);
    this.source = source;
    let opened = false;
    source.addEventListener('ready', (e) => {
      opened = true;
      this.failures = 0;
      this.setState('live');
      const data = JSON.parse((e as MessageEvent).data) as Extract<StreamControlEvent, { type: 'ready' }>['data'];
      // A stream that started over from 0 after a resync of its own.
      if (data.lastEventId < this.lastEventId) this.lastEventId = data.lastEventId;
    });
    source.addEventListener('resync', () => {
      this.lastEventId = 0;
      this.opts.onResync();
    });
    for (const type of this.opts.types) {
      source.addEventListener(type, (e) => {
        const message = e as MessageEvent;
        this.deliver(Number(message.lastEventId), type, JSON.parse(message.data));
      });
    }
    source.onerror = () => {
      // EventSource reconnects by itself (with Last-Event-ID); it gives up only on a refusal.
      this.failures += opened ? 1 : 2;
      opened = false;
      if (source.readyState === EventSource.CLOSED || this.failures >= 4) {
        source.close();
        this.source = undefined;
        this.retryStreamAt = Date.now() + 60_000;
        this.poll();
      } else {
        this.setState(navigator.onLine === false ? 'offline' : 'connecting');
      }
    };
  }

  private async poll(): Promise<void> {
    if (this.stopped) return;
    this.setState('polling');
    try {
      const query = new URLSearchParams({ poll: '1', lastEventId: String(this.lastEventId) });
      const res = await fetch(`${this.opts.url}?${query}`, { headers: { authorization: `Bearer ${this.opts.token}` } });
      if (res.ok) {
        const body = (await res.json()) as { events: (E & { id: number })[]; lastEventId: number; resync?: boolean };
        if (body.resync) {
          this.lastEventId = 0;
          this.opts.onResync();
        }
        for (const event of body.events) this.deliver(event.id, event.type, event.data);
      }
    } catch {
      this.setState('offline');
    }
    if (this.stopped) return;
    if (typeof EventSource !== 'undefined' && Date.now() >= this.retryStreamAt) {
      this.failures = 0;
      return this.openStream();
    }
    this.pollTimer = setTimeout(() => void this.poll(), this.opts.pollMs ?? 2500);
  }
}
