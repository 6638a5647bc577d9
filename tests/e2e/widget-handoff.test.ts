import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALWAYS_OPEN, NEVER_OPEN, expectAccessible, launchBrowser, shot, staffApi, startServer, watchErrors, widgetSession, type Server } from './harness';

/**
 * The widget with people behind it: waiting for an operator who is online, the operator's typing
 * and reply arriving live (over the stream, and over polling where the stream is blocked), the
 * contact form when the shop is closed, the rating after resolution, and a message typed offline.
 */
let open: Server;
let closed: Server;
let browser: Browser;

beforeAll(async () => {
  [open, closed, browser] = await Promise.all([startServer({ BUSINESS_HOURS: ALWAYS_OPEN }), startServer({ BUSINESS_HOURS: NEVER_OPEN }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([open?.stop(), closed?.stop()]);
});

async function widget(server: Server, lang: 'en' | 'ru' = 'en', setup?: (page: Page) => Promise<void>) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await setup?.(page);
  await page.goto(`${server.url}/?lang=${lang}`);
  await page.getByRole('button', { name: lang === 'ru' ? 'Чат с поддержкой' : 'Chat with us' }).click();
  await page.getByLabel(lang === 'ru' ? 'Ваше сообщение' : 'Your message').waitFor();
  return { page, errors, context };
}

const log = (page: Page) => page.getByRole('log', { name: 'Messages' });

async function handedToOperator(server: Server, page: Page, name: string) {
  const staff = await staffApi(server);
  const operator = await staff.operator(name);
  await page.getByRole('button', { name: 'Talk to a person' }).click();
  await page.getByText(/A person will join/).waitFor();
  const { id } = await widgetSession(page);
  await staff.call(`/api/operator/conversations/${id}/claim`, operator, {});
  return { staff, operator, id };
}

describe('the widget with people behind it', { timeout: 90_000 }, () => {
  it('waits for an operator who is online, then shows their typing and reply live', async () => {
    const { page, errors } = await widget(open);
    const staff = await staffApi(open);
    const anna = await staff.operator('Anna');
    await page.getByRole('button', { name: 'Talk to a person' }).click();
    await page.getByText(/A person will join/).waitFor();
    // Nobody is promised who is not there: the form for leaving a contact is not shown.
    expect(await page.getByRole('heading', { name: 'Leave a contact' }).count()).toBe(0);
    await shot(page, 'widget-waiting');

    const { id } = await widgetSession(page);
    await staff.call(`/api/operator/conversations/${id}/claim`, anna, {});
    await page.getByText('You are talking to Anna.').waitFor();
    await staff.call(`/api/operator/conversations/${id}/typing`, anna, {});
    await page.getByText('Anna is typing…').waitFor();
    await staff.call(`/api/operator/conversations/${id}/messages`, anna, { text: 'Hello! I am looking at your order now.' });
    await log(page).getByText('Hello! I am looking at your order now.').waitFor();
    // The reply replaces the typing line.
    await expect.poll(() => page.getByText('Anna is typing…').count()).toBe(0);
    await shot(page, 'widget-operator-reply');
    expect(errors).toEqual([]);
  });

  it('falls back to polling where the event stream is blocked', async () => {
    const { page, errors } = await widget(open, 'en', async (p) => {
      // A proxy that refuses streaming: every EventSource request fails, polling passes.
      await p.route(/\/events\?/, (route) => (route.request().url().includes('poll=1') ? route.continue() : route.abort()));
    });
    const { staff, operator, id } = await handedToOperator(open, page, 'Boris');
    await staff.call(`/api/operator/conversations/${id}/messages`, operator, { text: 'Reply that arrives by polling' });
    await log(page).getByText('Reply that arrives by polling').waitFor({ timeout: 15_000 });
    expect(await log(page).getByText('Reply that arrives by polling').count()).toBe(1);
    expect(errors.filter((e) => !e.includes('ERR_FAILED'))).toEqual([]);
  });

  it('outside business hours offers the contact form, refuses a bad e-mail beside the field, confirms a good one', async () => {
    const { page, errors } = await widget(closed);
    await page.getByRole('button', { name: 'Talk to a person' }).click();
    await page.getByRole('heading', { name: 'Leave a contact' }).waitFor();
    expect(await page.getByText(/A person will join/).count()).toBe(0);
    const email = page.getByLabel('E-mail');
    await email.fill('not-an-email');
    await page.getByRole('button', { name: 'Send my contact' }).click();
    const error = page.getByText('Enter an e-mail like name@example.com.');
    await error.waitFor();
    // Beside the field, and tied to it for screen readers.
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    expect(await email.getAttribute('aria-describedby')).toBe(await error.getAttribute('id'));
    await expectAccessible(page);
    await shot(page, 'widget-contact-form');

    await email.fill('ann@shop.test');
    await page.getByLabel('What should we know? (optional)').fill('About order 12345');
    await page.getByRole('button', { name: 'Send my contact' }).click();
    await page.getByText('Thank you! We will get back to you at ann@shop.test.').waitFor();
    await shot(page, 'widget-contact-done');

    const staff = await staffApi(closed);
    const operator = await staff.operator('Vera');
    const { id } = await widgetSession(page);
    const callbacks = (await staff.call('/api/operator/callbacks', operator)) as { items: { conversationId: string; email?: string; message?: string }[] };
    expect(callbacks.items).toContainEqual(expect.objectContaining({ conversationId: id, email: 'ann@shop.test', message: 'About order 12345' }));
    expect(errors).toEqual([]);
  });

  it('after the operator resolves, offers the rating once and stores it', async () => {
    const { page, errors } = await widget(open);
    const { staff, operator, id } = await handedToOperator(open, page, 'Gleb');
    await staff.call(`/api/operator/conversations/${id}/messages`, operator, { text: 'Your refund is on its way.' });
    await staff.call(`/api/operator/conversations/${id}/resolve`, operator, { resolution: 'refund sent' });
    await page.getByRole('group', { name: 'How did we do?' }).waitFor();
    await page.getByLabel('4 of 5').check();
    await page.getByLabel('Anything to add? (optional)').fill('Quick and kind');
    await expectAccessible(page);
    await shot(page, 'widget-rating');
    await page.getByRole('button', { name: 'Send rating' }).click();
    await page.getByText('Thank you for your rating!').waitFor();
    expect(await page.getByRole('button', { name: 'Send rating' }).count()).toBe(0);

    const view = (await staff.call(`/api/operator/conversations/${id}`, operator)) as { rating: { score: number; comment?: string } | null };
    expect(view.rating).toEqual({ score: 4, comment: 'Quick and kind' });
    // Once: after a reload the rating is not asked again.
    await page.reload();
    await page.getByRole('button', { name: 'Chat with us' }).click();
    await log(page).getByText('Your refund is on its way.').waitFor();
    expect(await page.getByRole('button', { name: 'Send rating' }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('sends a message typed while offline once the connection is back, once', async () => {
    const { page, errors, context } = await widget(open);
    await context.setOffline(true);
    await page.getByLabel('Your message').fill('What payment methods do you accept?');
    await page.getByLabel('Your message').press('Enter');
    await page.getByText('Will be sent when you are back online').waitFor();
    await context.setOffline(false);
    await page.getByRole('link', { name: 'Payment methods' }).waitFor({ timeout: 20_000 });
    expect(await log(page).getByText('What payment methods do you accept?', { exact: true }).count()).toBe(1);
    const { id, token } = await widgetSession(page);
    const stored = (await (await fetch(`${open.url}/api/conversations/${id}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { messages: { role: string; text: string }[] };
    expect(stored.messages.filter((m) => m.text === 'What payment methods do you accept?')).toHaveLength(1);
    expect(errors.filter((e) => !e.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
  });

  it('takes its settings from data- attributes and runs JS API calls queued before it loaded', async () => {
    // A site owner's page on another origin: the queue stub, then the async tag with settings.
    const html = `<!doctype html><html lang="en"><head><title>shop</title></head><body><h1>Kate's shop</h1>
      <script src="/setup.js"></script>
      <script src="${closed.url}/widget.js" async data-position="left" data-accent="#7c3aed" data-launcher-text="Help"></script></body></html>`;
    const setup = `window.SupportChat = window.SupportChat || function () { (SupportChat.q = SupportChat.q || []).push(arguments) };
      SupportChat('identify', { name: 'Kate', email: 'kate@example.com' });
      SupportChat('on', 'opened', function () { document.title = 'opened' });
      SupportChat('on', 'closed', function () { document.title = 'closed' });
      SupportChat('setLocale', 'ru');
      SupportChat('open');`;
    const site = createServer((req, res) => {
      res.writeHead(200, { 'content-type': req.url === '/setup.js' ? 'text/javascript' : 'text/html' });
      res.end(req.url === '/setup.js' ? setup : html);
    });
    await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`http://127.0.0.1:${(site.address() as AddressInfo).port}/`);
    // Opened by the queued call, in the language set by it, on the left, in the site's colour.
    await page.getByLabel('Ваше сообщение').waitFor();
    await expect.poll(() => page.title()).toBe('opened');
    expect((await page.getByRole('dialog').boundingBox())!.x).toBeLessThan(100);
    const accent = await page.getByRole('button', { name: 'Отправить' }).evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(accent).toBe('rgb(124, 58, 237)');
    // The offline form is prefilled with what the site already told us.
    await page.getByRole('button', { name: 'Позвать оператора' }).click();
    await page.getByRole('heading', { name: 'Оставьте контакт' }).waitFor();
    expect(await page.getByLabel('E-mail').inputValue()).toBe('kate@example.com');
    await page.evaluate(() => (window as unknown as { SupportChat: (c: string) => void }).SupportChat('close'));
    await expect.poll(() => page.title()).toBe('closed');
    expect(await page.getByRole('dialog').count()).toBe(0);
    // The site's launcher text names the button (a notice that arrived after closing adds its count).
    expect(await page.getByRole('button', { name: /^Help(, новых: \d+)?$/ }).count()).toBe(1);
    site.close();
    expect(errors).toEqual([]);
  });
});
