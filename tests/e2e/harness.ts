import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { startService, type Service } from '../helpers/service';
import { freePort } from '../helpers/wrangler-dev';

/** Where the browser tests leave their screenshots (git-ignored). */
export const SHOTS = join(process.cwd(), 'test-results/screenshots');

export const ADMIN = { email: 'admin@e2e.local', password: 'e2e-admin-password-1' };

/** Business hours that are always open or never, so a test does not depend on the hour it runs at. */
export const ALWAYS_OPEN = JSON.stringify({
  timeZone: 'Europe/Moscow',
  weekly: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]])),
});
export const NEVER_OPEN = JSON.stringify({ timeZone: 'Europe/Moscow', weekly: {} });

export type Server = Service;

/**
 * The product as `npm start` runs it (the Node entry, memory store, sample knowledge base), on a
 * free port, with the given configuration on top; resolves once /health answers.
 */
export async function startServer(vars: Record<string, string> = {}): Promise<Server> {
  const port = await freePort();
  return startService({
    name: 'the server',
    command: process.execPath,
    args: ['--import', 'tsx', 'src/entry/node.ts'],
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, ...vars },
    url: `http://127.0.0.1:${port}`,
    timeoutMs: 60_000,
  });
}

/** Debian's Chromium, headless (Playwright gives it a fresh profile), with the flags this machine's closed network needs. */
export async function launchBrowser(): Promise<Browser> {
  await mkdir(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });

/** A failing test says what the page said: console errors and uncaught exceptions are collected. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes('favicon')) errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/** axe-core on the page as it is: no serious or critical violation. */
export async function expectAccessible(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`)).toEqual([]);
}

/** Staff calls through the public API, as the console would make them. */
export async function staffApi(server: Server) {
  const call = async (path: string, token: string | undefined, body?: unknown, method = body === undefined ? 'GET' : 'POST') => {
    const res = await fetch(server.url + path, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  const login = async (email: string, password: string) => ((await call('/api/auth/login', undefined, { email, password })) as { token: string }).token;
  const admin = await login(ADMIN.email, ADMIN.password);
  return {
    call,
    /** A new operator, signed in and online. */
    async operator(name: string) {
      const email = `${name.toLowerCase()}-${Math.random().toString(36).slice(2, 8)}@e2e.local`;
      await call('/api/admin/users', admin, { email, password: 'operator-password-1', role: 'operator', name });
      const token = await login(email, 'operator-password-1');
      await call('/api/operator/presence', token, { online: true });
      return token;
    },
  };
}

/** The visitor's conversation as the widget stored it in the page's localStorage. */
export async function widgetSession(page: Page): Promise<{ id: string; token: string }> {
  return page.evaluate(() => {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i)!;
      if (key.endsWith(':session')) return JSON.parse(localStorage.getItem(key)!);
    }
    throw new Error('no widget session in localStorage');
  });
}
