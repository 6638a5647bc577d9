import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { ADMIN, ALWAYS_OPEN, launchBrowser, staffApi, startServer, watchErrors, widgetSession, type Server } from './harness';

/**
 * What the console's browser tests share: the server and browser of one test file (started in
 * its beforeAll), an operator account, the console signed in, a visitor handing off in the widget.
 */
export const PASSWORD = 'operator-password-1';

export function consoleHarness() {
  let server: Server;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ BUSINESS_HOURS: ALWAYS_OPEN }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A new operator account (through the admin API); the console signs in with it. */
  async function newOperator(name: string) {
    const staff = await staffApi(server);
    const email = `${name.toLowerCase()}-${Math.random().toString(36).slice(2, 8)}@e2e.local`;
    const admin = await staff.call('/api/auth/login', undefined, ADMIN);
    await staff.call('/api/admin/users', admin.token, { email, password: PASSWORD, role: 'operator', name });
    return { email, staff };
  }

  async function consolePage(email: string, password = PASSWORD, lang = 'en') {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.url}/console?lang=${lang}`);
    await page.getByLabel(lang === 'ru' ? 'Эл. почта' : 'E-mail').fill(email);
    await page.getByLabel(lang === 'ru' ? 'Пароль' : 'Password').fill(password);
    await page.getByRole('button', { name: lang === 'ru' ? 'Войти' : 'Sign in' }).click();
    await page.getByRole('button', { name: lang === 'ru' ? 'Выйти' : 'Sign out' }).waitFor();
    return { page, errors, context };
  }

  /** A visitor writes `text` in the demo shop's widget, then asks for a person. */
  async function visitorHandsOff(text: string) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.url}/?lang=en`);
    await page.getByRole('button', { name: 'Chat with us' }).click();
    await page.getByLabel('Your message').fill(text);
    await page.getByLabel('Your message').press('Enter');
    await page.getByRole('log', { name: 'Messages' }).getByText(text).waitFor();
    // The bot may hand off by itself (a complaint): then the button is gone, and that is fine.
    await page.getByRole('button', { name: 'Talk to a person' }).click({ timeout: 5000 }).catch(() => undefined);
    await page.getByText(/A person will join|leave a contact/i).first().waitFor();
    const { id } = await widgetSession(page);
    return { page, errors, id, context };
  }

  return { server: () => server, newOperator, consolePage, visitorHandsOff };
}

export const queueRow = (page: Page, words: string) => page.getByRole('list', { name: 'Queue' }).getByRole('listitem').filter({ hasText: words });
export const transcript = (page: Page) => page.getByRole('list', { name: 'Transcript' });
