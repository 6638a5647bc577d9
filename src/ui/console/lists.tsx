/** @jsxImportSource preact */
import type { Console } from './controller';
import type { ListItem, QueueItem } from './api';
import { format } from '../shared/i18n';
import type { T } from './app';

export const duration = (ms: number) => {
  const s = Math.max(0, Math.round(ms / 1000));
  return s < 3600 ? `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}` : `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}`;
};

/** The queue, most urgent first (the server's order); timers count from `now`, which ticks every second. */
export function QueueList({ ctl, t, now }: { ctl: Console; t: T; now: number }) {
  const items = ctl.queue.value;
  if (items.length === 0) return <p class="empty">{t('emptyQueue')}</p>;
  return (
    <ul class="rows" aria-label={t('queue')}>
      {items.map((q) => (
        <QueueRow key={q.conversationId} q={q} ctl={ctl} t={t} now={now} />
      ))}
    </ul>
  );
}

function QueueRow({ q, ctl, t, now }: { q: QueueItem; ctl: Console; t: T; now: number }) {
  const remaining = q.sla.dueAt - now;
  const breached = q.sla.breached || (!q.sla.replied && remaining <= 0);
  const packet = q.packet;
  return (
    <li class={`row${breached ? ' breached' : ''}`}>
      <div class="row-main">
        <div class="badges">
          {q.vip && <span class="badge vip">{t('vip')}</span>}
          {breached ? <span class="badge breach">{t('breached')}</span> : <span class="badge">{format(t('slaLeft'), { time: duration(remaining) })}</span>}
          <span class="badge">{q.department}</span>
          <span class="badge">{q.lang.toUpperCase()}</span>
          {packet?.complaint && <span class={`badge mood-${packet.complaint.severity}`}>{packet.complaint.severity}</span>}
          {packet?.reasons.map((r) => <span class="badge reason">{r}</span>)}
        </div>
        {/* What the visitor typed: a text node, whatever it contains. */}
        <p class="first-words">{packet?.summary ?? ''}</p>
        <span class="muted">{format(t('waiting'), { time: duration(now - q.waitingSince) })}</span>
      </div>
      <div class="row-actions">
        <button type="button" onClick={() => ctl.openChat(q.conversationId)}>{t('openChat')}</button>
        <button type="button" class="primary" onClick={() => void ctl.claim(q.conversationId)}>{t('claim')}</button>
      </div>
    </li>
  );
}

export function ConversationList({ ctl, t, items, label }: { ctl: Console; t: T; items: ListItem[]; label: string }) {
  if (items.length === 0) return <p class="empty">{t('emptyList')}</p>;
  return (
    <ul class="rows" aria-label={label}>
      {items.map((c) => {
        const unread = ctl.unread.value[c.id] ?? 0;
        return (
          <li key={c.id} class="row">
            <div class="row-main">
              <div class="badges">
                {c.vip && <span class="badge vip">{t('vip')}</span>}
                <span class="badge">{c.department}</span>
                <span class="badge">{c.lang.toUpperCase()}</span>
                <span class="badge">{c.status}</span>
                {c.severity && <span class={`badge mood-${c.severity}`}>{c.severity}</span>}
                {unread > 0 && <span class="badge unread">{format(t('unread'), { n: unread })}</span>}
              </div>
              <p class="first-words">{c.summary}</p>
            </div>
            <div class="row-actions">
              <button type="button" onClick={() => ctl.openChat(c.id)}>{t('openChat')}</button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
