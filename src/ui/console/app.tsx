/** @jsxImportSource preact */
import { useEffect, useState } from 'preact/hooks';
import { format } from '../shared/i18n';
import { askNotify, canNotify, notifyAllowed } from './alerts';
import type { PresenceStatus } from './api';
import { ChatView } from './chat';
import type { Console, View } from './controller';
import { ConversationList, QueueList } from './lists';
import type { StringKey } from './strings';
import { TeamPage } from './team';

export type T = (key: StringKey) => string;

export function ConsoleApp({ ctl, t }: { ctl: Console; t: T }) {
  if (!ctl.session.value) return <SignIn ctl={ctl} t={t} />;
  return <Workspace ctl={ctl} t={t} />;
}

function SignIn({ ctl, t }: { ctl: Console; t: T }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const note = ctl.signInNote.value;
  return (
    <main class="signin">
      <h1>{t('signInTitle')}</h1>
      {note && <p class="problem" role="alert">{t(note)}</p>}
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          setError(await ctl.signIn(email, password));
          setBusy(false);
        }}
      >
        <label>{t('email')}<input type="email" autocomplete="username" required value={email} onInput={(e) => setEmail((e.target as HTMLInputElement).value)} /></label>
        <label>{t('password')}<input type="password" autocomplete="current-password" required value={password} onInput={(e) => setPassword((e.target as HTMLInputElement).value)} /></label>
        {error && <p class="problem" role="alert">{error}</p>}
        <button type="submit" class="primary" disabled={busy}>{t('signIn')}</button>
      </form>
    </main>
  );
}

const KEYS: [string, StringKey][] = [
  ['Alt+↓', 'keyNext'],
  ['Alt+↑', 'keyPrev'],
  ['Alt+C', 'keyClaim'],
  ['Alt+N', 'keyMode'],
  ['Alt+R', 'keyFocus'],
  ['Enter', 'keySend'],
  ['?', 'keyHelp'],
];

function Workspace({ ctl, t }: { ctl: Console; t: T }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    const onKey = (e: KeyboardEvent) => shortcut(ctl, e);
    document.addEventListener('keydown', onKey);
    return () => {
      clearInterval(timer);
      document.removeEventListener('keydown', onKey);
    };
  }, []);
  const me = ctl.me.value!;
  const view = ctl.view.value;
  const tabs: [View, StringKey][] = [['queue', 'queue'], ['mine', 'mine'], ['open', 'open'], ...(me.role === 'admin' ? [['team', 'team'] as [View, StringKey]] : [])];
  return (
    <div class="app">
      <header class="top">
        <h1>{t('title')}</h1>
        <span class="muted">{me.name ?? me.email}</span>
        <label>
          {t('presence')}
          <select value={ctl.presence.value} onChange={(e) => void ctl.setPresence((e.target as HTMLSelectElement).value as PresenceStatus)}>
            <option value="online">{t('online')}</option>
            <option value="away">{t('away')}</option>
            <option value="offline">{t('offline')}</option>
          </select>
        </label>
        <span class={`dot dot-${ctl.presence.value}`} aria-hidden="true" />
        <span>{format(t('load'), { load: ctl.load.value, capacity: me.capacity })}</span>
        <span class="muted">{ctl.streamState.value === 'live' ? t('streamLive') : t('streamPolling')}</span>
        <NotifyButton t={t} />
        <button type="button" onClick={() => (ctl.helpOpen.value = true)}>{t('help')}</button>
        <button type="button" onClick={() => ctl.signOut()}>{t('signOut')}</button>
      </header>
      <div class="body">
        <nav class="side" aria-label={t('queue')}>
          <div class="views" role="tablist">
            {tabs.map(([v, key]) => (
              <button key={v} type="button" role="tab" aria-selected={view === v} onClick={() => ctl.setView(v)}>
                {t(key)}
                {v === 'queue' && ` (${ctl.queue.value.length})`}
                {v === 'mine' && ` (${ctl.mine.value.length})`}
              </button>
            ))}
          </div>
          {view === 'open' && (
            <label>
              {t('department')}
              <input
                value={ctl.department.value}
                placeholder={t('allDepartments')}
                onChange={(e) => {
                  ctl.department.value = (e.target as HTMLInputElement).value.trim();
                  void ctl.refreshLists();
                }}
              />
            </label>
          )}
          {view === 'queue' && <QueueList ctl={ctl} t={t} now={now} />}
          {view === 'mine' && <ConversationList ctl={ctl} t={t} items={ctl.mine.value} label={t('mine')} />}
          {view === 'open' && <ConversationList ctl={ctl} t={t} items={ctl.open.value} label={t('open')} />}
        </nav>
        <main class="main">{view === 'team' ? <TeamPage ctl={ctl} t={t} /> : <Chats ctl={ctl} t={t} />}</main>
      </div>
      {ctl.helpOpen.value && <Help ctl={ctl} t={t} />}
    </div>
  );
}

function Chats({ ctl, t }: { ctl: Console; t: T }) {
  const active = ctl.active.value;
  const chats = ctl.chats.value;
  if (ctl.tabs.value.length === 0) return <p class="empty">{t('noChat')}</p>;
  return (
    <>
      <div class="tabs" role="group" aria-label={t('chats')}>
        {ctl.tabs.value.map((id, i) => {
          const chat = chats[id];
          const summary = chat?.conv?.packet?.summary ?? '';
          const label = summary ? (summary.length > 32 ? `${summary.slice(0, 32)}…` : summary) : `#${i + 1}`;
          const unread = ctl.unread.value[id] ?? 0;
          return (
            <span key={id} class={`tab${id === active ? ' active' : ''}`}>
              <button type="button" aria-pressed={id === active} onClick={() => ctl.activate(id)}>
                {label}
                {unread > 0 && <span class="badge unread">{unread}</span>}
              </button>
              <button type="button" class="x" aria-label={format(t('closeTab'), { n: i + 1 })} onClick={() => ctl.closeChat(id)}>×</button>
            </span>
          );
        })}
      </div>
      {active && chats[active] && <ChatView key={active} ctl={ctl} t={t} id={active} chat={chats[active]!} />}
    </>
  );
}

function NotifyButton({ t }: { t: T }) {
  const [on, setOn] = useState(notifyAllowed());
  if (!canNotify()) return null;
  if (on) return <span class="muted">{t('notificationsOn')}</span>;
  return <button type="button" onClick={async () => setOn(await askNotify())}>{t('notifications')}</button>;
}

function Help({ ctl, t }: { ctl: Console; t: T }) {
  return (
    <div class="overlay" role="dialog" aria-modal="true" aria-labelledby="help-title">
      <div class="dialog">
        <h2 id="help-title">{t('help')}</h2>
        <dl class="keys">
          {KEYS.map(([k, label]) => (
            <>
              <dt><kbd>{k}</kbd></dt>
              <dd>{t(label)}</dd>
            </>
          ))}
        </dl>
        <button type="button" autofocus onClick={() => (ctl.helpOpen.value = false)}>{t('close')}</button>
      </div>
    </div>
  );
}

/** Keys work everywhere with Alt (so typing is never hijacked); "?" opens the help outside text fields. */
function shortcut(ctl: Console, e: KeyboardEvent) {
  const typing = e.target instanceof HTMLElement && (e.target.tagName === 'TEXTAREA' || e.target.tagName === 'INPUT');
  if (e.key === 'Escape' && ctl.helpOpen.value) return void (ctl.helpOpen.value = false);
  if (!e.altKey) {
    if (e.key === '?' && !typing) {
      e.preventDefault();
      ctl.helpOpen.value = true;
    }
    return;
  }
  const active = ctl.active.value;
  const focusDraft = () => setTimeout(() => document.querySelector<HTMLTextAreaElement>('.draft')?.focus(), 0);
  switch (e.code) {
    case 'ArrowDown':
      ctl.cycle(1);
      break;
    case 'ArrowUp':
      ctl.cycle(-1);
      break;
    case 'KeyC': {
      const target = active && ctl.chats.value[active]?.conv?.status === 'waiting' ? active : ctl.queue.value[0]?.conversationId;
      if (target) void ctl.claim(target).then(focusDraft);
      break;
    }
    case 'KeyN':
      if (active) ctl.toggleMode(active);
      focusDraft();
      break;
    case 'KeyR':
      focusDraft();
      break;
    default:
      return;
  }
  e.preventDefault();
}
