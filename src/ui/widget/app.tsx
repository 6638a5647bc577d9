/** @jsxImportSource preact */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PublicMessage } from '../shared/api';
import { format } from '../shared/i18n';
import { Markdown } from '../shared/markdown-view';
import type { Controller, Outgoing } from './controller';
import { RatingForm, ContactForm } from './forms';
import { STRINGS, type StringKey } from './strings';

export interface Look {
  position: 'left' | 'right';
  launcherText?: string;
  title?: string;
}

export function Widget({ ctl, look }: { ctl: Controller; look: Look }) {
  const t = (key: StringKey, vars?: Record<string, string | number>) => format(STRINGS[ctl.locale.value][key], vars);
  const launcher = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const open = ctl.open.value;

  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);

  const close = () => {
    ctl.hide();
    launcher.current?.focus();
  };
  const unread = ctl.unread.value;
  const label = look.launcherText ?? t('launcher');
  // The site's own launcher text stays the name, with the unread count after it.
  const launcherLabel = unread > 0 ? t('launcherUnread', { label, n: unread }) : label;

  return (
    <div class={`root ${look.position}`} lang={ctl.locale.value}>
      {open && (
        <section
          class="panel"
          role="dialog"
          aria-modal="false"
          aria-labelledby="sc-title"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              close();
            }
          }}
        >
          <Header ctl={ctl} t={t} title={look.title} onClose={close} />
          <Messages ctl={ctl} t={t} />
          <StatusLine ctl={ctl} t={t} />
          {ctl.contact.value.kind !== 'hidden' && <ContactForm ctl={ctl} t={t} />}
          {ctl.status.value === 'resolved' && <RatingForm ctl={ctl} t={t} />}
          <Composer ctl={ctl} t={t} input={input} />
        </section>
      )}
      <button
        ref={launcher}
        type="button"
        class={open ? 'launcher round' : 'launcher'}
        aria-expanded={open}
        aria-label={open ? t('close') : launcherLabel}
        onClick={() => (open ? close() : void ctl.show())}
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" width="26" height="26">
          {open ? (
            <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" fill="none" />
          ) : (
            <path d="M4 5h16v11H9l-5 4z" stroke="currentColor" stroke-width="2" stroke-linejoin="round" fill="none" />
          )}
        </svg>
        {!open && <span class="launcher-text">{look.launcherText ?? t('launcher')}</span>}
        {unread > 0 && (
          <span class="badge" aria-hidden="true">
            {unread}
          </span>
        )}
      </button>
    </div>
  );
}

type T = (key: StringKey, vars?: Record<string, string | number>) => string;

function Header({ ctl, t, title, onClose }: { ctl: Controller; t: T; title?: string; onClose: () => void }) {
  const other = ctl.locale.value === 'ru' ? 'en' : 'ru';
  return (
    <header class="header">
      <div class="titles">
        <h2 id="sc-title">{title ?? t('title')}</h2>
        <p class="subtitle">{t('subtitle')}</p>
      </div>
      <button type="button" class="icon-button lang" aria-label={t('switchLanguage')} onClick={() => ctl.setLocale(other)}>
        {t('otherLanguage')}
      </button>
      <button type="button" class="icon-button" aria-label={t('close')} onClick={onClose}>
        <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">
          <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" fill="none" />
        </svg>
      </button>
    </header>
  );
}

function Messages({ ctl, t }: { ctl: Controller; t: T }) {
  const list = useRef<HTMLDivElement>(null);
  const messages = ctl.messages.value;
  const outbox = ctl.outbox.value;
  const typing = ctl.typing.value;
  useEffect(() => {
    const el = list.current;
    if (!el) return;
    // A long answer is read from its start; anything else keeps the newest line in view.
    const items = el.querySelectorAll<HTMLElement>('.msg');
    const last = items[items.length - 1];
    if (last && !last.classList.contains('visitor') && last.offsetHeight > el.clientHeight * 0.75) el.scrollTop = last.offsetTop - 8;
    else el.scrollTop = el.scrollHeight;
    // The forms below the list take room from it: keep the newest line in view when they come.
  }, [messages.length, outbox.length, typing, ctl.status.value, ctl.contact.value.kind]);
  const lastId = messages.at(-1)?.id;

  return (
    <div class="messages" ref={list} role="log" aria-live="polite" aria-label={t('messages')} tabIndex={0}>
      {messages.map((m) => (
        <MessageView key={m.id} m={m} t={t} ctl={ctl} latest={m.id === lastId} />
      ))}
      {outbox.map((o) => (
        <PendingView key={o.clientId} o={o} t={t} ctl={ctl} />
      ))}
      {typing !== null && (
        <p class="typing" role="status">
          {t('typing', { name: typing || t('someone') })}
        </p>
      )}
    </div>
  );
}

const AUTHOR: Record<PublicMessage['role'], StringKey> = { visitor: 'you', bot: 'bot', operator: 'operator', system: 'bot' };

function MessageView({ m, t, ctl, latest }: { m: PublicMessage; t: T; ctl: Controller; latest: boolean }) {
  if (m.role === 'system') {
    return (
      <div class="msg system">
        <p>{m.text}</p>
      </div>
    );
  }
  const options = m.options ?? [];
  // The numbered lines of a clarifying question are the buttons below it.
  const shown = options.length ? m.text.split('\n').filter((line) => !options.some((o, i) => line.trim() === `${i + 1}. ${o.title}`)).join('\n') : m.text;
  const links = options.length ? [] : (m.sources ?? []).filter((s) => s.url);
  return (
    <div class={`msg ${m.role}`}>
      {m.role === 'operator' ? <span class="author">{t('operator')}</span> : <span class="sr-only">{t(AUTHOR[m.role])}: </span>}
      <div class="bubble">{m.role === 'bot' ? <Markdown text={shown} /> : <p class="plain">{m.text}</p>}</div>
      {links.length > 0 && (
        <p class="sources">
          {t('sources')}:{' '}
          {links.map((s, i) => (
            <>
              {i > 0 && ', '}
              <a href={s.url} target="_blank" rel="noopener noreferrer">
                {s.title}
              </a>
            </>
          ))}
        </p>
      )}
      {options.length > 0 && latest && (
        <div class="options" role="group" aria-label={t('clarifyHint')}>
          {options.map((o) => (
            <button type="button" class="option" key={o.id} onClick={() => void ctl.send(o.title)}>
              {o.title}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

function PendingView({ o, t, ctl }: { o: Outgoing; t: T; ctl: Controller }) {
  return (
    <div class={`msg visitor ${o.state}`}>
      <span class="sr-only">{t('you')}: </span>
      <div class="bubble">
        <p class="plain">{o.text}</p>
      </div>
      <p class="delivery">
        {o.state === 'sending' ? t('pending') : o.state === 'queued' ? t('queued') : t('failed')}
        {o.state === 'failed' && (
          <button type="button" class="link-button" onClick={() => ctl.retry(o.clientId)}>
            {t('retry')}
          </button>
        )}
      </p>
    </div>
  );
}

function StatusLine({ ctl, t }: { ctl: Controller; t: T }) {
  const banner = ctl.banner.value;
  const a = ctl.availability.value;
  const conn = ctl.connection.value;
  let text: string | undefined;
  if (ctl.status.value === 'waiting' && a?.kind === 'wait') {
    const [from, to] = a.range;
    text = a.minutes <= 1 ? t('waitingSoon') : from !== to ? t('waitingRange', { from, to }) : t('waiting', { minutes: a.minutes });
  } else if (ctl.status.value === 'waiting' && a?.kind !== 'offline') text = t('waitingNoEstimate');
  else if (ctl.status.value === 'assigned') text = ctl.operatorName.value ? t('withOperator', { name: ctl.operatorName.value }) : t('withOperatorAnon');
  return (
    <div class="status-area">
      {text && (
        <p class="status" role="status">
          {text}
        </p>
      )}
      {conn === 'offline' && <p class="banner">{t('offlineBanner')}</p>}
      {banner && (
        <p class="banner" role="alert">
          {t(banner.key)}
          {banner.action === 'new' && (
            <button type="button" class="link-button" onClick={() => void ctl.restart()}>
              {t('newConversation')}
            </button>
          )}
        </p>
      )}
    </div>
  );
}

function Composer({ ctl, t, input }: { ctl: Controller; t: T; input: { current: HTMLTextAreaElement | null } }) {
  const [text, setText] = useState('');
  const submit = () => {
    if (!text.trim()) return;
    void ctl.send(text);
    setText('');
  };
  const withPerson = ctl.status.value === 'waiting' || ctl.status.value === 'assigned';
  return (
    <form
      class="composer"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label class="sr-only" for="sc-input">
        {t('inputLabel')}
      </label>
      <textarea
        id="sc-input"
        ref={input}
        rows={2}
        maxLength={4000}
        placeholder={t('placeholder')}
        value={text}
        onInput={(e) => {
          setText((e.target as HTMLTextAreaElement).value);
          ctl.typingNow();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
            e.preventDefault();
            submit();
          }
        }}
      />
      <div class="actions">
        {!withPerson && (
          <button type="button" class="secondary" onClick={() => void ctl.askForPerson()}>
            {t('human')}
          </button>
        )}
        <button type="submit" class="primary">
          {t('send')}
        </button>
      </div>
    </form>
  );
}
