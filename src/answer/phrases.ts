import type { Lang } from '../domain/conversation';

/**
 * What the bot itself says, in each language. Russian is written as Russian, not translated
 * word for word from the English.
 */
const PHRASES = {
  greeting: {
    en: 'Hi! I am the shop assistant. Ask me about delivery, payment, returns, warranty or your order — or ask for a person at any time.',
    ru: 'Здравствуйте! Я виртуальный помощник магазина. Спросите про доставку, оплату, возврат, гарантию или заказ — или позовите оператора в любой момент.',
  },
  handedOff: {
    en: 'I have passed your conversation to our support team. You can keep writing here: everything you write is saved, and their reply will appear in this chat.',
    ru: 'Я передал ваш вопрос команде поддержки. Можете продолжать писать здесь: всё сохранится, а ответ появится в этом чате.',
  },
  clarify: {
    en: 'Which of these do you mean?',
    ru: 'Уточните, пожалуйста, что вы имеете в виду:',
  },
  rephrase: {
    en: 'I am not sure I understood. Could you say it in other words — for example, what you ordered and what went wrong? You can also ask for a person.',
    ru: 'Не уверен, что правильно понял. Сформулируйте, пожалуйста, иначе — например, что вы заказали и что случилось. Или позовите оператора.',
  },
  complaintOpening: {
    en: 'I am sorry about this, and thank you for telling us. I am looking into it now.',
    ru: 'Приносим извинения за неудобства и спасибо, что написали. Уже разбираюсь в ситуации.',
  },
} satisfies Record<string, Record<Lang, string>>;

export function say(key: keyof typeof PHRASES, lang: Lang): string {
  return PHRASES[key][lang];
}
