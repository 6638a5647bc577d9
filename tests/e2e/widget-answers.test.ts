import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALWAYS_OPEN, expectAccessible, launchBrowser, shot, startServer, watchErrors, widgetSession, type Server } from './harness';

/**
 * The widget on the demo shop, in Debian's Chromium, against the product as `npm start` runs it:
 * answers with sources in both languages, clarify buttons, a reload that keeps the history,
 * visitors' markup shown as text, the keyboard path with axe, a hostile host page, a phone.
 */
let server: Server;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ BUSINESS_HOURS: ALWAYS_OPEN }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function newPage(path = '/?lang=en', viewport = { width: 1280, height: 800 }) {
  // Reduced motion: the panel opens without its slide, so what is measured is at rest.
  const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(server.url + path);
  return { page, errors };
}

const input = (page: Page, lang: 'en' | 'ru' = 'en') => page.getByLabel(lang === 'ru' ? 'Ваше сообщение' : 'Your message');
const log = (page: Page, lang: 'en' | 'ru' = 'en') => page.getByRole('log', { name: lang === 'ru' ? 'Сообщения' : 'Messages' });

async function ask(page: Page, text: string, lang: 'en' | 'ru' = 'en') {
  await input(page, lang).fill(text);
  await input(page, lang).press('Enter');
}

describe('the widget answers from the knowledge base', { timeout: 90_000 }, () => {
  it('answers a Russian question with its source link, and an English one', async () => {
    const ru = await newPage('/?lang=ru');
    await ru.page.getByRole('button', { name: 'Чат с поддержкой' }).click();
    await expect.poll(() => log(ru.page, 'ru').textContent()).toContain('Здравствуйте');
    await ask(ru.page, 'Сколько стоит доставка в Казань?', 'ru');
    const source = ru.page.getByRole('link', { name: 'Сколько стоит доставка' });
    await source.waitFor();
    expect(await source.getAttribute('href')).toBe('https://voltmarket.example/help/delivery-cost');
    expect(await source.getAttribute('rel')).toContain('noopener');
    expect(await log(ru.page, 'ru').textContent()).toContain('Стоимость зависит от города');
    await shot(ru.page, 'widget-ru');

    const en = await newPage('/?lang=en');
    await en.page.getByRole('button', { name: 'Chat with us' }).click();
    await ask(en.page, 'How much is delivery to Kazan?');
    await en.page.getByRole('link', { name: 'How much does delivery cost?' }).waitFor();
    // Authored Markdown arrives as elements of the safe subset: the price list is a list.
    expect(await log(en.page).locator('li').count()).toBeGreaterThan(2);
    await shot(en.page, 'widget-en');
    expect([...ru.errors, ...en.errors]).toEqual([]);
  });

  it('shows a clarifying question as buttons, and a click gets the answer', async () => {
    const { page, errors } = await newPage('/?lang=en');
    await page.getByRole('button', { name: 'Chat with us' }).click();
    await ask(page, 'delivery?');
    const option = page.getByRole('button', { name: 'How long does delivery take?' });
    await option.waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'How much does delivery cost?' }).count()).toBe(1);
    await shot(page, 'widget-clarify');
    await option.click();
    await page.getByRole('link', { name: 'How long does delivery take?' }).waitFor();
    // The options belong to the question just asked: once answered they are gone.
    await expect.poll(() => page.getByRole('button', { name: 'How much does delivery cost?' }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('keeps the history over a reload, resumes the stream, and shows nothing twice', async () => {
    const { page, errors } = await newPage('/?lang=en');
    await page.getByRole('button', { name: 'Chat with us' }).click();
    await ask(page, 'How long does delivery to Kazan take?');
    await page.getByRole('link', { name: 'How long does delivery take?' }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Chat with us' }).click();
    await page.getByRole('link', { name: 'How long does delivery take?' }).waitFor();
    const visitorLine = log(page).getByText('How long does delivery to Kazan take?', { exact: true });
    expect(await visitorLine.count()).toBe(1);

    // A message written elsewhere (another tab, the same conversation) arrives over the resumed stream, once.
    const session = await widgetSession(page);
    const res = await fetch(`${server.url}/api/conversations/${session.id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
      body: JSON.stringify({ text: 'Do you deliver to pickup points?', clientId: 'other-tab-1' }),
    });
    expect(res.status).toBe(201);
    await expect.poll(() => log(page).getByText('Do you deliver to pickup points?', { exact: true }).count()).toBe(1);
    await page.waitForTimeout(500);
    expect(await log(page).getByText('Do you deliver to pickup points?', { exact: true }).count()).toBe(1);
    const greetings = await log(page).getByText('Hi! I am the shop assistant', { exact: false }).count();
    expect(greetings).toBe(1);
    expect(errors).toEqual([]);
  });

  it('shows what a visitor typed as text, and no script ever runs', async () => {
    const { page, errors } = await newPage('/?lang=en');
    const dialogs: string[] = [];
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    await page.getByRole('button', { name: 'Chat with us' }).click();
    await ask(page, '<img src=x onerror=alert(1)>');
    await ask(page, '<script>alert(1)</script>');
    await log(page).getByText('<script>alert(1)</script>', { exact: true }).waitFor();
    await log(page).getByText('<img src=x onerror=alert(1)>', { exact: true }).waitFor();
    await page.waitForTimeout(500);
    expect(await page.locator('support-chat').locator('img, script').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await shot(page, 'widget-markup-as-text');
    expect(errors).toEqual([]);
  });

  it('works by keyboard alone, and axe finds no serious violation in either language', async () => {
    for (const lang of ['en', 'ru'] as const) {
      const { page, errors } = await newPage(`/?lang=${lang}`);
      const launcher = page.getByRole('button', { name: lang === 'ru' ? 'Чат с поддержкой' : 'Chat with us' });
      // Tab through the page until the launcher has focus (it is the last stop).
      let focused = false;
      for (let i = 0; i < 40 && !focused; i++) {
        await page.keyboard.press('Tab');
        focused = await launcher.evaluate((el) => el.getRootNode() instanceof ShadowRoot && (el.getRootNode() as ShadowRoot).activeElement === el);
      }
      expect(focused).toBe(true);
      await page.keyboard.press('Enter');
      // The panel opens with the message box focused.
      await expect.poll(() => input(page, lang).evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);
      await page.keyboard.type(lang === 'ru' ? 'Как вернуть товар?' : 'How do I return an item?');
      await page.keyboard.press('Enter');
      await page.getByRole('link', { name: lang === 'ru' ? 'Возврат товара, который не подошёл' : 'Returning an item that did not suit you' }).waitFor();
      await expectAccessible(page);
      await shot(page, `widget-keyboard-${lang}`);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
      expect(await launcher.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);
      expect(errors).toEqual([]);
    }
  });

  it('is not changed by a hostile host page, and fills a phone screen', async () => {
    // Another site embeds the widget: its own origin, its own aggressive CSS.
    const measure = async (page: Page) => {
      const launcher = page.getByRole('button', { name: 'Chat with us' });
      const box = await launcher.boundingBox();
      await launcher.click();
      await input(page).waitFor();
      return {
        launcher: box,
        panel: await page.getByRole('dialog').boundingBox(),
        font: await input(page).evaluate((el) => getComputedStyle(el).fontSize + ' ' + getComputedStyle(el).fontFamily),
      };
    };
    const host = (css: string) => `<!doctype html><html lang="en"><head><style>${css}</style></head><body><p>A customer's site</p>
      <script src="${server.url}/widget.js" async></script></body></html>`;
    // Another origin (another port) on this machine: a site that embeds the widget from ours.
    const site = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(host(req.url?.includes('hostile') ? '* { all: unset; font: 40px serif !important }' : 'body { margin: 0 }'));
    });
    await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
    const siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    // Reduced motion: the panel opens without its slide, so both are measured at rest.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    const plainPage = await context.newPage();
    await plainPage.goto(`${siteUrl}/plain`);
    const plain = await measure(plainPage);
    const hostilePage = await context.newPage();
    const errors = watchErrors(hostilePage);
    await hostilePage.goto(`${siteUrl}/hostile`);
    const hostile = await measure(hostilePage);
    expect(hostile).toEqual(plain);
    expect(hostile.font).not.toContain('40px');
    // The widget works cross-origin on the customer's site.
    await ask(hostilePage, 'What warranty do you give?');
    await hostilePage.getByRole('link', { name: 'Warranty service' }).waitFor();
    await shot(hostilePage, 'widget-hostile-host');
    expect(errors).toEqual([]);

    const phone = await newPage('/?lang=ru', { width: 375, height: 667 });
    await phone.page.getByRole('button', { name: 'Чат с поддержкой' }).click();
    await input(phone.page, 'ru').waitFor();
    expect(await phone.page.getByRole('dialog').boundingBox()).toEqual({ x: 0, y: 0, width: 375, height: 667 });
    await shot(phone.page, 'widget-mobile');
    site.close();
  });
});
