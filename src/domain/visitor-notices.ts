import type { Lang } from './conversation';

/** What happened to the chat on the staff side, as the visitor is told it. */
export type StaffMove = 'transferred' | 'released' | 'resolved';

const NOTICES: Record<StaffMove, Record<Lang, string>> = {
  transferred: {
    en: 'I have passed your chat to colleagues who know this best. They will reply here; your place in line is kept.',
    ru: 'Я передал ваш чат коллегам, которые лучше разбираются в этом вопросе. Они ответят здесь, очередь за вами сохраняется.',
  },
  released: {
    en: 'The operator has left the chat. I am here again: ask me anything, or ask for a person at any time.',
    ru: 'Оператор вышел из чата. Я снова на связи: спрашивайте, или позовите оператора в любой момент.',
  },
  resolved: {
    en: 'This conversation has been closed. Thank you for writing! If something else comes up, just write here.',
    ru: 'Разговор завершён. Спасибо, что написали! Если появится ещё вопрос — просто напишите сюда.',
  },
};

/** A short line for the visitor's transcript when staff move their chat. */
export function staffMoveNotice(move: StaffMove, lang: Lang): string {
  return NOTICES[move][lang];
}

/** The contact the visitor left, confirmed back to them. */
export function contactConfirmation(contact: { email?: string; phone?: string }, lang: Lang): string {
  const where = [contact.email, contact.phone].filter(Boolean).join(lang === 'ru' ? ' или ' : ' or ');
  return lang === 'ru'
    ? `Спасибо! Мы записали ваш контакт (${where}) и свяжемся с вами, как только оператор будет на месте.`
    : `Thank you! We have your contact (${where}) and will get back to you as soon as an operator is available.`;
}
