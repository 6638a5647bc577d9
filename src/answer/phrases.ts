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
    en: 'I am not sure I understood. Could you say it in other words, with a bit more detail? You can also ask for a person.',
    ru: 'Не уверен, что правильно понял. Сформулируйте, пожалуйста, иначе, чуть подробнее. Или позовите оператора.',
  },
  offTopic: {
    en: 'I am the shop assistant, so I can only help with questions about our shop: orders, delivery, payment, returns and warranty. Could you say what you need in other words? People often ask about:',
    ru: 'Я помощник магазина и отвечаю на вопросы о нём: заказы, доставка, оплата, возврат, гарантия. Напишите, пожалуйста, чем помочь, другими словами. Чаще всего спрашивают:',
  },
  offTopicPerson: {
    en: 'Or write "person" and I will pass the chat to our team.',
    ru: 'Или напишите «оператор» — я передам разговор сотруднику.',
  },
  smallTalkGreeting: {
    en: 'Hello! How can I help you?',
    ru: 'Здравствуйте! Чем могу помочь?',
  },
  smallTalkThanks: {
    en: 'Glad to help! Anything else I can do for you?',
    ru: 'Рад помочь! Могу ещё чем-нибудь помочь?',
  },
  smallTalkGoodbye: {
    en: 'Goodbye, and have a nice day! If anything comes up, just write here.',
    ru: 'Всего доброго! Если появятся вопросы — пишите сюда.',
  },
  smallTalkAck: {
    en: 'Good. Is there anything else I can help with?',
    ru: 'Хорошо. Могу ещё чем-нибудь помочь?',
  },
  smallTalkBot: {
    en: 'Yes, I am the shop’s virtual assistant: I answer from our help articles. If you would rather talk to a person, just say so.',
    ru: 'Да, я виртуальный помощник магазина и отвечаю по нашим справочным статьям. Если хотите поговорить с человеком — просто напишите.',
  },
  stillJoining: {
    en: 'A person from our team will still join this chat.',
    ru: 'Сотрудник всё равно подключится к этому чату.',
  },
  complaintOpening: {
    en: 'I am sorry about this, and thank you for telling us. I am looking into it now.',
    ru: 'Приносим извинения за неудобства и спасибо, что написали. Уже разбираюсь в ситуации.',
  },
} satisfies Record<string, Record<Lang, string>>;

export function say(key: keyof typeof PHRASES, lang: Lang): string {
  return PHRASES[key][lang];
}
