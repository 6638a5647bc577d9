/** @jsxImportSource preact */
import { useState } from 'preact/hooks';
import { format } from '../shared/i18n';
import type { Article, Message, OperatorConversation, Packet } from './api';
import type { T } from './app';
import type { Chat, Console } from './controller';
import type { StringKey } from './strings';

/** One open conversation: the packet on top, the live transcript, the reply box and the moves. */
export function ChatView({ ctl, t, id, chat }: { ctl: Console; t: T; id: string; chat: Chat }) {
  const conv = chat.conv;
  const problem = chat.problem && (chat.problem in STRING_HINT ? t(chat.problem as StringKey) : chat.problem);
  if (!conv) return <p class="muted">{problem || t('loading')}</p>;
  const mineNow = conv.status === 'assigned' && conv.assigneeId === ctl.me.value?.id;
  return (
    <section class="chat" aria-label={conv.packet?.summary.slice(0, 60) || conv.id}>
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
      <div class="chat-head">
        <span class="badge">{format(t('status'), { status: conv.status })}</span>
        {conv.vip && <span class="badge vip">{t('vip')}</span>}
        <span class="badge">{conv.department ?? conv.packet?.department ?? ''}</span>
        <span class="badge">{conv.lang.toUpperCase()}</span>
        <Actions ctl={ctl} t={t} conv={conv} mine={mineNow} />
      </div>
      {conv.packet && <PacketView ctl={ctl} t={t} id={id} packet={conv.packet} />}
      <Transcript ctl={ctl} t={t} id={id} messages={conv.messages} />
      {chat.visitorTyping && <p class="muted" aria-live="polite">{t('visitorTyping')}</p>}
      <Composer ctl={ctl} t={t} id={id} chat={chat} conv={conv} mine={mineNow} />
    </section>
  );
}
/** The sample KB's departments; operators' own departments are added to the list. */
const KNOWN_DEPARTMENTS = ['general', 'billing', 'delivery', 'returns', 'sales', 'service'];
const STRING_HINT: Record<string, true> = { claimLost: true, notYours: true };

function PacketView({ ctl, t, id, packet }: { ctl: Console; t: T; id: string; packet: Packet }) {
  const facts = [...packet.facts.orderNumbers, ...packet.facts.emails, ...packet.facts.phones, ...packet.facts.amounts.map((a) => a.text)];
  return (
    <section class="packet" aria-label={t('packet')}>
      <h3>{t('packet')}</h3>
      <dl>
        <dt>{t('reasons')}</dt>
        <dd>{packet.reasons.join(', ')}</dd>
        <dt>{t('summary')}</dt>
        <dd class="quote">{packet.summary}</dd>
        {facts.length > 0 && (
          <>
            <dt>{t('facts')}</dt>
            <dd>{facts.join(' · ')}</dd>
          </>
        )}
        <dt>{t('mood')}</dt>
        <dd>{packet.complaint ? `${packet.complaint.severity} (${packet.complaint.score.toFixed(2)})` : '—'}</dd>
        {packet.candidates.length > 0 && (
          <>
            <dt>{t('articles')}</dt>
            <dd>
              <ul class="candidates">
                {packet.candidates.map((c) => (
                  <li key={c.id}>
                    {c.title} <span class="muted">{c.score.toFixed(2)}</span>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {packet.suggestedReply && (
          <>
            <dt>{t('suggested')}</dt>
            <dd class="suggested">
              <span>{packet.suggestedReply}</span>
              <button type="button" onClick={() => ctl.setDraft(id, packet.suggestedReply!)}>{t('use')}</button>
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

const ROLE_LABEL: Record<Message['role'], StringKey> = { visitor: 'visitor', bot: 'bot', operator: 'operatorRole', system: 'system', note: 'note' };

function Transcript({ ctl, t, id, messages }: { ctl: Console; t: T; id: string; messages: Message[] }) {
  return (
    <ol class="transcript" aria-label={t('transcript')} aria-live="polite">
      {messages.map((m) => (
        <li key={m.id} class={`msg msg-${m.role}`}>
          <span class="who">{t(ROLE_LABEL[m.role])}</span>
          <p class="text">{m.text}</p>
          {m.sources && m.sources.length > 0 && (
            <p class="muted">
              {t('sources')}: {m.sources.map((s) => s.title).join(', ')}
            </p>
          )}
          {m.role === 'bot' && <FlagAnswer ctl={ctl} t={t} id={id} messageId={m.id} />}
        </li>
      ))}
    </ol>
  );
}

/** "This answer was wrong", with a note: stored for the reports. */
function FlagAnswer({ ctl, t, id, messageId }: { ctl: Console; t: T; id: string; messageId: string }) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [done, setDone] = useState(false);
  if (done) return <p class="muted">{t('flagged')}</p>;
  if (!open) return <button type="button" class="link" onClick={() => setOpen(true)}>{t('flag')}</button>;
  return (
    <form
      class="flag"
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          await ctl.api.flag(id, messageId, note.trim());
          setDone(true);
        } catch (error) {
          ctl.patchChat(id, { problem: ctl.failed(error) });
        }
      }}
    >
      <label>
        {t('flagNote')}
        <input required value={note} onInput={(e) => setNote((e.target as HTMLInputElement).value)} />
      </label>
      <button type="submit" disabled={!note.trim()}>{t('flagSend')}</button>
    </form>
  );
}

function Composer({ ctl, t, id, chat, conv, mine }: { ctl: Console; t: T; id: string; chat: Chat; conv: OperatorConversation; mine: boolean }) {
  const [found, setFound] = useState<Article[]>([]);
  const [query, setQuery] = useState('');
  const note = chat.mode === 'note';
  const canReply = note || mine;
  const search = async (e: Event) => {
    e.preventDefault();
    try {
      setFound(query.trim() ? (await ctl.api.searchKb(query.trim(), conv.lang)).articles.slice(0, 5) : []);
    } catch (error) {
      ctl.patchChat(id, { problem: ctl.failed(error) });
    }
  };
  return (
    <div class={`composer${note ? ' composer-note' : ''}`}>
      <div class="mode" role="group" aria-label={`${t('reply')} / ${t('note')}`}>
        <button type="button" aria-pressed={!note} onClick={() => note && ctl.toggleMode(id)}>{t('reply')}</button>
        <button type="button" aria-pressed={note} onClick={() => !note && ctl.toggleMode(id)}>{t('note')}</button>
      </div>
      {!canReply && <p class="muted">{t('notYours')}</p>}
      <label class="sr-only" for={`draft-${id}`}>{note ? t('note') : t('reply')}</label>
      <textarea
        id={`draft-${id}`}
        class="draft"
        rows={3}
        value={chat.draft}
        disabled={!canReply}
        placeholder={note ? t('noteHint') : t('replyHint')}
        onInput={(e) => ctl.setDraft(id, (e.target as HTMLTextAreaElement).value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
            e.preventDefault();
            void ctl.send(id);
          }
        }}
      />
      <button type="button" class="primary" disabled={!canReply || !chat.draft.trim()} onClick={() => void ctl.send(id)}>
        {note ? t('addNote') : t('send')}
      </button>
      <form class="kb" onSubmit={search}>
        <label>
          {t('kbSearch')}
          <input type="search" value={query} onInput={(e) => setQuery((e.target as HTMLInputElement).value)} />
        </label>
      </form>
      {found.length > 0 && (
        <ul class="kb-results">
          {found.map((a) => (
            <li key={a.id}>
              <span>{a.title}</span>
              <button type="button" onClick={() => ctl.setDraft(id, chat.draft ? `${chat.draft}\n${a.answer}` : a.answer)}>{t('insert')}</button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Actions({ ctl, t, conv, mine }: { ctl: Console; t: T; conv: OperatorConversation; mine: boolean }) {
  const [resolution, setResolution] = useState('');
  const [target, setTarget] = useState('');
  const id = conv.id;
  const departments = [...new Set([...KNOWN_DEPARTMENTS, conv.department ?? '', ...ctl.operators.value.flatMap((o) => o.departments)].filter(Boolean))];
  const others = ctl.operators.value.filter((o) => o.id !== ctl.me.value?.id);
  if (conv.status === 'waiting') {
    return <button type="button" class="primary" onClick={() => void ctl.claim(id)}>{t('claim')}</button>;
  }
  if (!mine) return null;
  const transfer = () => {
    const [kind, value] = target.split(':');
    if (!value) return;
    void ctl.move(id, () => ctl.api.transfer(id, kind === 'op' ? { operatorId: value } : { department: value }));
  };
  return (
    <div class="actions">
      <label>
        {t('transferTo')}
        <select value={target} onChange={(e) => setTarget((e.target as HTMLSelectElement).value)}>
          <option value="">—</option>
          <optgroup label={t('toDepartment')}>
            {departments.map((d) => <option value={`dept:${d}`}>{d}</option>)}
          </optgroup>
          <optgroup label={t('toOperator')}>
            {others.map((o) => (
              <option value={`op:${o.id}`} disabled={o.status !== 'online' || o.load >= o.capacity}>
                {`${o.name} — ${t(o.status)} · ${o.load}/${o.capacity}`}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <button type="button" disabled={!target} onClick={transfer}>{t('transfer')}</button>
      <label>
        {t('resolution')}
        <input value={resolution} onInput={(e) => setResolution((e.target as HTMLInputElement).value)} />
      </label>
      <button type="button" class="primary" onClick={() => void ctl.move(id, () => ctl.api.resolve(id, resolution.trim() || undefined))}>{t('resolve')}</button>
      <button type="button" onClick={() => void ctl.move(id, () => ctl.api.release(id))}>{t('release')}</button>
    </div>
  );
}
