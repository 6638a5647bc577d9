/**
 * How a new handoff gets the operator's attention when the tab is in the background: a short
 * beep made with Web Audio (no sound file to fetch), a browser notification once allowed, and
 * the unread count in the tab title.
 */
let audio: AudioContext | undefined;

export function beep(): void {
  try {
    audio ??= new AudioContext();
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.frequency.value = 880;
    gain.gain.setValueAtTime(0.15, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.35);
    osc.connect(gain).connect(audio.destination);
    osc.start();
    osc.stop(audio.currentTime + 0.35);
  } catch {
    // No audio device (or blocked before any click): the title and notification still tell.
  }
}

export const canNotify = () => typeof Notification !== 'undefined';
export const notifyAllowed = () => canNotify() && Notification.permission === 'granted';

export async function askNotify(): Promise<boolean> {
  if (!canNotify()) return false;
  return (await Notification.requestPermission()) === 'granted';
}

/** `body` is what the visitor typed: a notification shows it as plain text, never as markup. */
export function notify(title: string, body: string): void {
  if (!notifyAllowed()) return;
  try {
    new Notification(title, { body: body.slice(0, 180), tag: 'support-handoff' });
  } catch {
    // Some browsers allow notifications only from a service worker; the title still counts.
  }
}

export function setTitle(base: string, unread: number): void {
  document.title = unread > 0 ? `(${unread}) ${base}` : base;
}
