import type { LoginResult } from './api';

/** The staff session lives in sessionStorage (this tab only): never in a URL, gone when the tab closes. */
const KEY = 'support-console:session';

export function loadSession(): LoginResult | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    const s = raw ? (JSON.parse(raw) as LoginResult) : null;
    return s && s.expiresAt > Date.now() ? s : null;
  } catch {
    return null;
  }
}

export function saveSession(s: LoginResult | null): void {
  try {
    if (s) sessionStorage.setItem(KEY, JSON.stringify(s));
    else sessionStorage.removeItem(KEY);
  } catch {
    // Storage disabled: the session lasts as long as the page.
  }
}
