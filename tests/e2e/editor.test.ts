import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUpstashBridge, type UpstashBridge } from '../helpers/upstash-bridge';
import { ADMIN, expectAccessible, launchBrowser, shot, startServer, watchErrors, type Server } from './harness';

/**
 * The knowledge-base editor in Debian's Chromium, against two instances of the product over one
 * Redis (through the Upstash bridge): an edit made on one is what visitors of the other get.
 */
let bridge: UpstashBridge;
let one: Server;
let two: Server;
let browser: Browser;

beforeAll(async () => {
  bridge = await startUpstashBridge();
  const vars = { STORE: 'upstash', UPSTASH_REDIS_REST_URL: bridge.url, UPSTASH_REDIS_REST_TOKEN: bridge.token, TOKEN_SECRET: 'e2e-editor-token-secret-0123456789abcdef' };
  [one, two, browser] = await Promise.all([startServer(vars), startServer(vars), launchBrowser()]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await Promise.all([one?.stop(), two?.stop()]);
  await bridge?.stop();
});

async function signedIn(): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(one.url + '/editor?lang=en');
  await page.getByLabel('E-mail').fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Articles' }).waitFor();
  await page.getByRole('rowheader', { name: 'delivery-cost' }).waitFor();
  return { page, errors };
}

/** A visitor asks on an instance, through the visitor API: the bot's reply text. */
async function visitorAsks(server: Server, text: string, lang: 'en' | 'ru' = 'en'): Promise<string> {
  const post = async (path: string, body: unknown, token?: string) => {
    const res = await fetch(server.url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
    expect(res.ok).toBe(true);
    return res.json();
  };
  const convo = await post('/api/conversations', { lang });
  const result = await post(`/api/conversations/${convo.id}/messages`, { text }, convo.token);
  return result.reply?.text ?? '';
}

const open = (page: Page, title: string) => page.getByRole('button', { name: title, exact: true }).first().click();
const form = (page: Page) => page.locator('form.article');

describe('the knowledge-base editor', { timeout: 180_000 }, () => {
  it('lists RU and EN side by side with a missing translation marked, and passes axe', async () => {
    const { token } = await (await fetch(one.url + '/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) })).json();
    const created = await fetch(one.url + '/api/kb/articles', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ id: 'gift-wrapping.en', title: 'Gift wrapping', lang: 'en', questions: ['can you gift wrap my order'], answer: 'Yes, for 199 ₽.' }),
    });
    expect(created.status).toBe(201);
    const { page, errors } = await signedIn();
    const lonely = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'gift-wrapping', exact: true }) });
    expect(await lonely.textContent()).toContain('No translation');
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'delivery-cost', exact: true }) });
    expect(await row.textContent()).toContain('How much does delivery cost?');
    expect(await row.textContent()).toContain('Сколько стоит доставка');
    const all = await page.getByRole('rowheader').count();
    await page.getByLabel('Search articles').fill('gift card');
    await expect.poll(() => page.getByRole('rowheader').count()).toBeLessThan(all);
    expect(await page.getByRole('rowheader', { name: 'gift-cards', exact: true }).count()).toBe(1);
    await page.getByLabel('Search articles').fill('');
    await shot(page, 'editor-list');
    await expectAccessible(page);
    expect(errors).toEqual([]);
  });

  it('an edited answer is what visitors get next, on the second instance too; markup is inert in the preview and refused at save', async () => {
    const { page, errors } = await signedIn();
    await open(page, 'How much does delivery cost?');
    const answer = form(page).getByLabel('Answer (Markdown)');
    const hostile = 'Delivery is **free** from today. <script>window.pwned=1</script> <img src=x onerror="window.pwned=2">';
    await answer.fill(hostile);
    const preview = page.getByRole('region', { name: 'Preview' });
    await expect.poll(() => preview.textContent()).toContain('<script>window.pwned=1</script>');
    expect(await preview.locator('strong').textContent()).toBe('free');
    expect(await preview.locator('script, img').count()).toBe(0);
    await shot(page, 'editor-edit-preview');
    await expectAccessible(page);
    // The API refuses raw HTML in an answer (#16): said beside the form, and the draft stays as typed.
    await form(page).getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => form(page).getByRole('status').textContent(), { timeout: 60_000 }).toContain('Not saved');
    expect(await answer.inputValue()).toBe(hostile);
    await answer.fill('Delivery is **free** from today.');
    await form(page).getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => form(page).getByRole('status').textContent(), { timeout: 60_000 }).toContain('Saved.');
    expect(await form(page).textContent()).toContain('Edited by');

    expect(await visitorAsks(one, 'how much does delivery cost')).toContain('Delivery is **free** from today.');
    expect(await visitorAsks(two, 'how much does delivery cost')).toContain('Delivery is **free** from today.');
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();

    // The widget shows the same answer with the markup as text.
    const shop = await page.context().newPage();
    await shop.goto(one.url + '/?lang=en');
    await shop.getByRole('button', { name: 'Chat with us' }).click();
    await shop.getByLabel('Your message').fill('how much does delivery cost');
    await shop.getByLabel('Your message').press('Enter');
    const log = shop.getByRole('log', { name: 'Messages' });
    await expect.poll(() => log.textContent(), { timeout: 20_000 }).toContain('Delivery is free from today.');
    expect(await log.locator('strong').last().textContent()).toBe('free');
    expect(await log.locator('script, img').count()).toBe(0);
    expect(await shop.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
    await shop.close();

    // Revert brings the file's answer back, for visitors too.
    await form(page).getByRole('button', { name: 'Revert to the file version' }).click();
    await expect.poll(() => form(page).textContent()).toContain('From the knowledge-base file');
    await expect.poll(() => visitorAsks(two, 'how much does delivery cost'), { timeout: 15_000 }).not.toContain('free** from today');
    // The refused save's 400 is the browser's only complaint.
    expect(errors.filter((e) => !e.includes('status of 400'))).toEqual([]);
  });

  it('refuses an invalid article with the problem beside its field, and keeps the draft', async () => {
    const { page } = await signedIn();
    await page.getByRole('button', { name: 'New article' }).click();
    await form(page).getByLabel('Id').fill('warranty-extension.en');
    await form(page).getByRole('textbox', { name: 'Variant 1', exact: true }).fill('how much is delivery');
    await form(page).getByLabel('Answer (Markdown)').fill('Extended warranty costs 10% of the price.');
    await form(page).getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => form(page).getByRole('status').textContent(), { timeout: 60_000 }).toContain('Not saved');
    const title = form(page).getByLabel('Title');
    expect(await title.getAttribute('aria-invalid')).toBe('true');
    expect(await form(page).locator('#title-problems').textContent()).toContain('must not be empty');
    // With a title, the next rule: the question belongs to another article.
    await title.fill('Extended warranty');
    await form(page).getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => form(page).locator('#questions\\.0-problems').count(), { timeout: 60_000 }).toBe(1);
    expect(await title.getAttribute('aria-invalid')).toBeNull();
    expect(await form(page).getByRole('textbox', { name: 'Variant 1', exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await form(page).locator('#questions\\.0-problems').textContent()).toContain('delivery-cost');
    // The draft stays as typed.
    expect(await form(page).getByLabel('Answer (Markdown)').inputValue()).toBe('Extended warranty costs 10% of the price.');
    await shot(page, 'editor-refused');
  });

  it('"Try a question" shows ranked matches and the decision; adding the question as a variant changes it', async () => {
    const { page, errors } = await signedIn();
    const panel = page.getByRole('region', { name: 'Try a question' });
    const question = 'do you sell refurbished laptops with a guarantee';
    await panel.getByLabel('Question').fill(question);
    await panel.getByRole('button', { name: 'Try' }).click();
    await panel.getByText(/^Decision: /).waitFor();
    const before = await panel.getByText(/^Decision: /).textContent();
    expect(before).not.toBe('Decision: answer');
    expect(await panel.getByRole('row').count()).toBeGreaterThan(2);
    await shot(page, 'editor-try');
    await panel.getByRole('button', { name: 'Add as a variant of Warranty service' }).click();
    await expect.poll(() => panel.getByText(/^Decision: /).textContent()).toBe('Decision: answer');
    expect(await panel.getByRole('row').nth(1).textContent()).toContain('warranty.en');
    expect(errors).toEqual([]);
  });

  it('shows a question taken away from its article as newly wrong before the edit goes live', async () => {
    const { page } = await signedIn();
    await open(page, 'Using a promo code');
    const variants = form(page).getByRole('textbox', { name: /^Variant \d+$/ });
    const count = await variants.count();
    // Take every variant away but one unrelated phrasing: the regression question no longer reaches it.
    for (let i = 1; i < count; i++) await form(page).getByRole('button', { name: 'Remove variant 2' }).click();
    await form(page).getByRole('textbox', { name: 'Variant 1', exact: true }).fill('what is a gift voucher for');
    await form(page).getByLabel('Title').fill('Vouchers');
    await form(page).getByLabel('Answer (Markdown)').fill('Vouchers are sold in our stores.');
    await form(page).getByRole('button', { name: 'Save' }).click();
    const report = page.getByRole('region', { name: 'Regression check' });
    await report.getByRole('heading', { name: 'Newly wrong' }).waitFor({ timeout: 60_000 });
    expect(await report.textContent()).toContain('my promo code is not working');
    await shot(page, 'editor-regression-diff');
    // Not live: visitors still get the promo-code answer.
    expect(await visitorAsks(two, 'my promo code is not working')).not.toContain('Vouchers are sold');
    await report.getByRole('button', { name: 'Undo my changes' }).click();
    expect(await form(page).getByLabel('Title').inputValue()).toBe('Using a promo code');
  });
});
