import { describe, expect, it } from 'vitest';
import { consoleHarness, queueRow, transcript } from './console-harness';
import { ADMIN, expectAccessible, shot } from './harness';

/**
 * The operator console against the real server, with the visitor's widget in another browser
 * context: the queue live, claims (and a lost one), replies and notes, the packet's suggested
 * reply, transfer, hostile visitor text, several chats at once, the keyboard, the team page.
 */
const { server: getServer, newOperator, consolePage, visitorHandsOff } = consoleHarness();

describe('the operator console', { timeout: 120_000 }, () => {
  it('a handoff appears live in the queue; claim, reply, resolve; the visitor sees the reply and rates', async () => {
    const { email } = await newOperator('Anna');
    const op = await consolePage(email);
    await op.page.getByText('Nobody is waiting.').waitFor();
    const visitor = await visitorHandsOff('This is terrible, my order 123456 never arrived!');
    // Live: no reload of the console.
    const row = queueRow(op.page, 'order 123456');
    await row.waitFor({ timeout: 15_000 });
    await expect.poll(() => row.textContent()).toMatch(/explicit_request|complaint/);
    expect(await op.page.title()).toMatch(/^\(\d+\) Support console$/);
    await shot(op.page, 'console-queue');
    await row.getByRole('button', { name: 'Claim' }).click();
    const packet = op.page.getByRole('region', { name: 'Handoff' });
    await packet.waitFor();
    expect(await packet.textContent()).toContain('123456');
    await shot(op.page, 'console-packet');
    await expectAccessible(op.page);
    await op.page.getByLabel('Reply', { exact: true }).fill('Hello, I am checking order 123456 now.');
    await op.page.getByLabel('Reply', { exact: true }).press('Enter');
    await visitor.page.getByRole('log', { name: 'Messages' }).getByText('Hello, I am checking order 123456 now.').waitFor();
    await transcript(op.page).getByText('Hello, I am checking order 123456 now.').waitFor();

    await op.page.getByLabel('Resolution note').fill('Re-sent the parcel');
    await op.page.getByRole('button', { name: 'Resolve' }).click();
    await visitor.page.getByRole('group', { name: 'How did we do?' }).waitFor();
    await visitor.page.getByLabel('5 of 5').check();
    await visitor.page.getByRole('button', { name: 'Send rating' }).click();
    await visitor.page.getByText('Thank you for your rating!').waitFor();
    expect([...op.errors, ...visitor.errors]).toEqual([]);
    await Promise.all([op.context.close(), visitor.context.close()]);
  });

  it('the second operator to claim is told plainly, and the chat leaves their queue', async () => {
    const [a, b] = await Promise.all([newOperator('Boris'), newOperator('Vera')]);
    const [first, second] = await Promise.all([consolePage(a.email), consolePage(b.email)]);
    const visitor = await visitorHandsOff('Where is my parcel 777001?');
    await queueRow(first.page, '777001').waitFor({ timeout: 15_000 });
    await queueRow(second.page, '777001').waitFor({ timeout: 15_000 });
    // The second opens the chat first, then the first claims it.
    await queueRow(second.page, '777001').getByRole('button', { name: 'Open' }).click();
    await queueRow(first.page, '777001').getByRole('button', { name: 'Claim' }).click();
    await first.page.getByRole('region', { name: 'Handoff' }).waitFor();
    await second.page.getByRole('main').getByRole('button', { name: 'Claim' }).click({ timeout: 5000 }).catch(() => undefined);
    // Whichever way the race goes on screen, the second one ends with the plain message or sees the chat taken.
    await second.page.getByText(/Another operator has already taken this chat|Status: assigned/).first().waitFor();
    await expect.poll(() => queueRow(second.page, '777001').count(), { timeout: 10_000 }).toBe(0);
    expect([...first.errors, ...second.errors]).toEqual([]);
    await Promise.all([first.context.close(), second.context.close(), visitor.context.close()]);
  });

  it('visitor markup is text in the queue row, packet and transcript; no dialog; a CSP without unsafe-inline scripts', async () => {
    const res = await fetch(`${getServer().url}/console`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toMatch(/frame-ancestors 'none'/);

    const { email } = await newOperator('Gleb');
    const op = await consolePage(email);
    let dialogs = 0;
    op.page.on('dialog', (d) => {
      dialogs += 1;
      void d.dismiss();
    });
    const hostile = '<img src=x onerror=alert(1)> <script>alert(2)</script> help me';
    const visitor = await visitorHandsOff(hostile);
    const row = queueRow(op.page, 'help me');
    await row.waitFor({ timeout: 15_000 });
    expect(await row.textContent()).toContain('<img src=x onerror=alert(1)>');
    await row.getByRole('button', { name: 'Claim' }).click();
    await op.page.getByRole('region', { name: 'Handoff' }).getByText('<script>alert(2)</script>', { exact: false }).waitFor();
    await transcript(op.page).getByText(hostile).waitFor();
    expect(await op.page.locator('main img, nav img').count()).toBe(0);
    expect(await op.page.locator('body script').count()).toBe(0);
    expect(dialogs).toBe(0);
    expect(op.errors).toEqual([]);
    await Promise.all([op.context.close(), visitor.context.close()]);
  });

  it('an admin creates an operator on the team page; that operator signs in and sees the queue', async () => {
    const admin = await consolePage(ADMIN.email, ADMIN.password);
    await admin.page.getByRole('tab', { name: 'Team' }).click();
    const email = `dina-${Math.random().toString(36).slice(2, 8)}@e2e.local`;
    const form = admin.page.locator('form.create');
    await form.getByLabel('E-mail').fill(email);
    await form.getByLabel('Name').fill('Dina');
    await form.getByLabel('Password').fill('dina-password-1');
    await form.getByLabel('Capacity').fill('4');
    await form.getByRole('button', { name: 'Create account' }).click();
    await admin.page.getByText(`Account ${email} created.`).waitFor();
    await admin.page.getByRole('cell', { name: email }).waitFor();
    await expectAccessible(admin.page);
    await shot(admin.page, 'console-team');
    const dina = await consolePage(email, 'dina-password-1');
    await dina.page.getByRole('tab', { name: /Queue/ }).waitFor();
    expect(await dina.page.getByText('Chats 0 of 4').count()).toBe(1);
    expect(await dina.page.getByRole('tab', { name: 'Team' }).count()).toBe(0);
    expect([...admin.errors, ...dina.errors]).toEqual([]);
    await Promise.all([admin.context.close(), dina.context.close()]);
  });
});
