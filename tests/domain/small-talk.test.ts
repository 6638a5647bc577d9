import { describe, expect, it } from 'vitest';
import { smallTalk } from '../../src/domain/small-talk';

describe('smallTalk', () => {
  it.each([
    ['Hi there', 'greeting'],
    ['Добрый день!', 'greeting'],
    ['dobryy den', 'greeting'],
    ['great, thanks!', 'thanks'],
    ['спасибо', 'thanks'],
    ['Thank you so much!', 'thanks'],
    ['spasibo', 'thanks'],
    ['bye', 'goodbye'],
    ['спасибо большое, всего доброго', 'goodbye'],
    ['ok thanks bye', 'goodbye'],
    ['ok', 'ack'],
    ['ок понятно', 'ack'],
    ['👍', 'ack'],
    [')))', 'ack'],
    ['are you a bot?', 'bot_question'],
    ['ты бот?', 'bot_question'],
  ] as const)('%j is %s', (text, kind) => {
    expect(smallTalk(text)).toBe(kind);
  });

  it.each([
    'what is the weather tomorrow?',
    'расскажи анекдот',
    'thanks, and how long is delivery?',
    'привет, где мой заказ',
    'yes I want a refund',
    'ok so where is my order',
    '?',
    '',
  ])('%j is not small talk: it asks for something', (text) => {
    expect(smallTalk(text)).toBeNull();
  });
});
