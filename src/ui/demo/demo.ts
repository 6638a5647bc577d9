/**
 * The demo shop's own script: its "Ask about this" buttons use the widget's JS API, the way a
 * site owner would (calls queue until widget.js has loaded).
 */
type Api = ((command: string, ...args: unknown[]) => void) & { q?: unknown[] };
const w = window as unknown as { SupportChat?: Api };
w.SupportChat ??= Object.assign((...args: unknown[]) => void (w.SupportChat!.q ??= []).push(args), {});

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-chat-open]')) {
  button.addEventListener('click', () => w.SupportChat!('open'));
}
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-chat-locale]')) {
  button.addEventListener('click', () => w.SupportChat!('setLocale', button.dataset.chatLocale));
}
