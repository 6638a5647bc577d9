import { describe, expect, it } from 'vitest';
import { consoleHarness, PASSWORD, queueRow, transcript } from './console-harness';
import { expectAccessible, shot } from './harness';

/** The console with several chats: drafts and unread counts, the packet's suggested reply and notes, transfer, the keyboard. */
const { server: getServer, newOperator, consolePage, visitorHandsOff } = consoleHarness();

describe('the operator console with several chats', { timeout: 150_000 }, () => {
  it('two claimed chats: a message in the background one raises its unread count and the title; each keeps its draft', async () => {
    const { email } = await newOperator('Olga');
    const op = await consolePage(email);
    const one = await visitorHandsOff('First visitor: order 400001 is late');
    const two = await visitorHandsOff('Second visitor: order 400002 is damaged');
    for (const words of ['400001', '400002']) {
      await queueRow(op.page, words).waitFor({ timeout: 15_000 });
      await queueRow(op.page, words).getByRole('button', { name: 'Claim' }).click();
      await op.page.getByRole('region', { name: 'Handoff' }).getByText(words).first().waitFor();
    }
    const tabs = op.page.getByRole('group', { name: 'Open chats' });
    const reply = op.page.getByLabel('Reply', { exact: true });
    await reply.fill('draft for the second');
    await tabs.getByRole('button', { name: /400001/ }).click();
    await op.page.getByRole('region', { name: 'Handoff' }).getByText('400001').first().waitFor();
    await reply.fill('draft for the first');
    // The second visitor writes while the first chat is in front.
    await two.page.getByLabel('Your message').fill('Are you there?');
    await two.page.getByLabel('Your message').press('Enter');
    await tabs.getByRole('button', { name: /400002/ }).locator('.unread').waitFor({ timeout: 10_000 });
    expect(await tabs.getByRole('button', { name: /400002/ }).locator('.unread').textContent()).toBe('1');
    await expect.poll(() => op.page.title()).toBe('(1) Support console');
    await shot(op.page, 'console-two-chats');
    await tabs.getByRole('button', { name: /400002/ }).click();
    expect(await reply.inputValue()).toBe('draft for the second');
    await transcript(op.page).getByText('Are you there?').waitFor();
    await expect.poll(() => op.page.title()).toBe('Support console');
    await tabs.getByRole('button', { name: /400001/ }).click();
    expect(await reply.inputValue()).toBe('draft for the first');
    expect([...op.errors, ...one.errors, ...two.errors]).toEqual([]);
    await Promise.all([op.context.close(), one.context.close(), two.context.close()]);
  });

  it('the suggested reply goes into the box in one click and is sent; an internal note never reaches the widget', async () => {
    const { email } = await newOperator('Pavel');
    const op = await consolePage(email);
    const visitor = await visitorHandsOff('This is terrible, I am furious: my refund for order 500005 never came!');
    await queueRow(op.page, '500005').waitFor({ timeout: 15_000 });
    await queueRow(op.page, '500005').getByRole('button', { name: 'Claim' }).click();
    const packet = op.page.getByRole('region', { name: 'Handoff' });
    await packet.waitFor();
    const suggested = (await packet.locator('.suggested span').textContent()) ?? '';
    expect(suggested.length).toBeGreaterThan(10);
    await packet.getByRole('button', { name: 'Use' }).click();
    const reply = op.page.getByLabel('Reply', { exact: true });
    expect(await reply.inputValue()).toBe(suggested);
    await reply.press('Enter');
    const log = visitor.page.getByRole('log', { name: 'Messages' });
    await log.getByText(suggested.slice(0, 40), { exact: false }).first().waitFor();

    await op.page.getByRole('button', { name: 'Internal note' }).click();
    await op.page.getByLabel('Internal note', { exact: true }).fill('Customer sounds calm; check the warehouse');
    await op.page.getByRole('button', { name: 'Add note' }).click();
    await transcript(op.page).locator('.msg-note').getByText('Customer sounds calm; check the warehouse').waitFor();
    await op.page.getByRole('button', { name: 'Reply', exact: true }).click();
    await op.page.getByLabel('Reply', { exact: true }).fill('One more public line');
    await op.page.getByLabel('Reply', { exact: true }).press('Enter');
    await log.getByText('One more public line').waitFor();
    expect(await log.getByText('check the warehouse').count()).toBe(0);
    // A bot answer flagged as wrong, with a note: stored, said in place.
    const botLine = transcript(op.page).locator('.msg-bot').first();
    await botLine.getByRole('button', { name: 'Flag as wrong' }).click();
    await botLine.getByLabel('What was wrong?').fill('Greeting promised too much');
    await botLine.getByRole('button', { name: 'Flag', exact: true }).click();
    await botLine.getByText('Flagged as wrong, for the reports.').waitFor();
    await visitor.page.reload();
    await visitor.page.getByRole('button', { name: 'Chat with us' }).click().catch(() => undefined);
    await visitor.page.getByRole('log', { name: 'Messages' }).getByText('One more public line').waitFor();
    expect(await visitor.page.getByText('check the warehouse').count()).toBe(0);
    expect(op.errors).toEqual([]);
    await Promise.all([op.context.close(), visitor.context.close()]);
  });

  it('a transfer to a department takes the chat out of "mine" and back to the queue with its department', async () => {
    const { email, staff } = await newOperator('Roman');
    const op = await consolePage(email);
    const visitor = await visitorHandsOff('I was charged twice for order 600006');
    await queueRow(op.page, '600006').waitFor({ timeout: 15_000 });
    await queueRow(op.page, '600006').getByRole('button', { name: 'Claim' }).click();
    await op.page.getByRole('region', { name: 'Handoff' }).waitFor();
    await op.page.getByRole('tab', { name: /Mine/ }).click();
    await op.page.getByRole('list', { name: 'Mine' }).getByText('600006').waitFor();
    await op.page.getByLabel('Transfer to').selectOption('dept:returns');
    await op.page.getByRole('button', { name: 'Transfer', exact: true }).click();
    await op.page.getByText('No conversations here.').waitFor();
    await op.page.getByRole('tab', { name: /Queue/ }).click();
    const row = queueRow(op.page, '600006');
    await row.waitFor();
    expect(await row.locator('.badge').allTextContents()).toContain('returns');
    expect(op.errors).toEqual([]);
    // Out of the shared queue, so the keyboard test's Alt+C claims its own chat.
    const { token } = await staff.call('/api/auth/login', undefined, { email, password: PASSWORD });
    await staff.call(`/api/operator/conversations/${visitor.id}/resolve`, token, {});
    await Promise.all([op.context.close(), visitor.context.close()]);
  });

  it('keyboard only: claim, reply and switch chats; axe finds nothing serious', async () => {
    const { email } = await newOperator('Sofia');
    const op = await consolePage(email);
    const a = await visitorHandsOff('Keyboard visitor A, order 700007');
    await queueRow(op.page, '700007').waitFor({ timeout: 15_000 });
    await op.page.keyboard.press('?');
    await op.page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await expectAccessible(op.page);
    await op.page.keyboard.press('Escape');
    await op.page.keyboard.press('Alt+KeyC');
    await op.page.getByRole('region', { name: 'Handoff' }).getByText('700007').first().waitFor();
    await expect.poll(() => op.page.evaluate(() => document.activeElement?.classList.contains('draft'))).toBe(true);
    await op.page.keyboard.type('Typed without a mouse');
    await op.page.keyboard.press('Enter');
    await a.page.getByRole('log', { name: 'Messages' }).getByText('Typed without a mouse').waitFor();
    const b = await visitorHandsOff('Keyboard visitor B, order 700008');
    await queueRow(op.page, '700008').waitFor({ timeout: 15_000 });
    await op.page.keyboard.press('Alt+KeyC');
    await op.page.getByRole('region', { name: 'Handoff' }).getByText('700008').first().waitFor();
    await op.page.keyboard.press('Alt+ArrowDown');
    await op.page.getByRole('region', { name: 'Handoff' }).getByText('700007').first().waitFor();
    await op.page.keyboard.press('Alt+KeyN');
    await op.page.getByLabel('Internal note', { exact: true }).waitFor();
    await expectAccessible(op.page);
    expect([...op.errors, ...a.errors, ...b.errors]).toEqual([]);
    await Promise.all([op.context.close(), a.context.close(), b.context.close()]);
  });
});
