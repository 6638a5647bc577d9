/** @jsxImportSource preact */
import { render } from 'preact';
import { pickLocale, type Locale } from '../shared/i18n';
import { Widget, type Look } from './app';
import { createController, type Identity, type WidgetEventName } from './controller';
import { WIDGET_CSS } from './styles';

/**
 * The embeddable widget: `<script src="https://HOST/widget.js" async></script>`, with optional
 * `data-lang`, `data-position` (right, left), `data-accent` (a CSS colour), `data-launcher-text`
 * and `data-title`. Calls made before it loads are queued and run in order:
 *
 *   window.SupportChat = window.SupportChat || function () { (SupportChat.q = SupportChat.q || []).push(arguments) };
 *   SupportChat('identify', { email: 'ann@example.com', attributes: { vip: true }, signature: '…' });
 *   SupportChat('on', 'message', (m) => console.log(m));
 *   SupportChat('open');
 *
 * Commands: open, close, toggle, setLocale('ru' | 'en'), identify({ name?, email?, attributes?,
 * signature? }), reset, on(event, fn) with events ready, opened, closed, message.
 */
type Queued = IArguments | unknown[];
type Api = ((command: string, ...args: unknown[]) => void) & { q?: Queued[]; loaded?: boolean };

declare global {
  interface Window {
    SupportChat?: Api;
  }
}

function boot() {
  if (window.SupportChat?.loaded) return;
  const script = (document.currentScript as HTMLScriptElement | null) ?? document.querySelector<HTMLScriptElement>('script[src*="widget.js"]');
  const data = script?.dataset ?? {};
  const base = script?.src ? new URL(script.src, location.href).origin : location.origin;
  const locale = pickLocale(data.lang, document.documentElement.lang, navigator.language);
  const ctl = createController({ base, locale });
  const look: Look = { position: data.position === 'left' ? 'left' : 'right', launcherText: data.launcherText, title: data.title };

  const mount = () => {
    const host = document.createElement('support-chat');
    document.body.appendChild(host);
    const shadow = host.attachShadow({ mode: 'open' });
    if ('adoptedStyleSheets' in shadow && typeof CSSStyleSheet !== 'undefined' && 'replaceSync' in CSSStyleSheet.prototype) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(WIDGET_CSS);
      shadow.adoptedStyleSheets = [sheet];
    } else {
      const style = document.createElement('style');
      style.textContent = WIDGET_CSS;
      shadow.appendChild(style);
    }
    const container = document.createElement('div');
    shadow.appendChild(container);
    render(<Widget ctl={ctl} look={look} />, container);
    if (data.accent && CSS.supports('color', data.accent)) (shadow.querySelector('.root') as HTMLElement | null)?.style.setProperty('--accent', data.accent);
  };

  const commands: Record<string, (...args: unknown[]) => void> = {
    open: () => void ctl.show(),
    close: () => ctl.hide(),
    toggle: () => (ctl.open.value ? ctl.hide() : void ctl.show()),
    setLocale: (l) => ctl.setLocale(pickLocale(String(l)) as Locale),
    identify: (who) => ctl.identify((who ?? {}) as Identity),
    reset: () => ctl.reset(),
    on: (name, fn) => typeof fn === 'function' && ctl.on(name as WidgetEventName, fn as (d?: unknown) => void),
  };
  const queued = window.SupportChat?.q ?? [];
  const api: Api = (command, ...args) => {
    const run = commands[command];
    if (run) run(...args);
    else console.warn(`SupportChat: unknown command "${command}"`);
  };
  api.loaded = true;
  window.SupportChat = api;

  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount, { once: true });
  // `on` first, so a listener queued after `open` still hears `ready` and `opened`.
  const calls = queued.map((args) => Array.from(args as ArrayLike<unknown>));
  for (const [command, ...args] of calls.filter(([c]) => c === 'on')) api(String(command), ...args);
  void ctl.init().then(() => {
    for (const [command, ...args] of calls.filter(([c]) => c !== 'on')) api(String(command), ...args);
  });
}

boot();
