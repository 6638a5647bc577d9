import type { RetrievalEntry } from '../../src/kb/retrieval/index.js';

/**
 * Synthetic but realistic support KB for benchmarks: mixed Russian/English articles, each a
 * (service object × action × qualifier) combination phrased as several question variants,
 * with inflected Russian forms, so the index sees the vocabulary overlap of a real help centre.
 */
const EN = {
  objects: ['card', 'account', 'transfer', 'refund', 'password', 'order', 'delivery', 'subscription', 'invoice', 'payment',
    'address', 'phone number', 'email', 'app', 'limit', 'fee', 'balance', 'statement', 'pin', 'loan'],
  actions: [['activate', 'activated'], ['cancel', 'cancelled'], ['change', 'changed'], ['track', 'tracked'], ['reset', 'reset'],
    ['verify', 'verified'], ['renew', 'renewed'], ['block', 'blocked'], ['restore', 'restored'], ['update', 'updated'],
    ['close', 'closed'], ['open', 'opened'], ['pay', 'paid'], ['return', 'returned'], ['export', 'exported'],
    ['link', 'linked'], ['confirm', 'confirmed'], ['transfer', 'transferred'], ['download', 'downloaded'], ['upgrade', 'upgraded'],
    ['freeze', 'frozen'], ['unlock', 'unlocked'], ['split', 'split'], ['share', 'shared'], ['top up', 'topped up']],
  quals: ['business', 'virtual', 'international', 'family', 'premium', 'student', 'joint', 'temporary', 'old', 'second'],
  templates: ['how do i {a} my {q} {o}?', 'i need to {a} the {q} {o}', "why can't i {a} my {q} {o}", 'can you help me {a} a {q} {o}',
    'my {q} {o} was not {p}', 'is it possible to {a} {q} {o} online?', 'what happens after my {q} {o} is {p}?'],
};

const RU = {
  // [nominative, accusative, genitive]
  objects: [['карта', 'карту', 'карты'], ['счет', 'счет', 'счета'], ['перевод', 'перевод', 'перевода'], ['возврат', 'возврат', 'возврата'],
    ['пароль', 'пароль', 'пароля'], ['заказ', 'заказ', 'заказа'], ['доставка', 'доставку', 'доставки'], ['подписка', 'подписку', 'подписки'],
    ['счет-фактура', 'счет-фактуру', 'счет-фактуры'], ['платеж', 'платеж', 'платежа'], ['адрес', 'адрес', 'адреса'],
    ['номер телефона', 'номер телефона', 'номера телефона'], ['почта', 'почту', 'почты'], ['приложение', 'приложение', 'приложения'],
    ['лимит', 'лимит', 'лимита'], ['комиссия', 'комиссию', 'комиссии'], ['баланс', 'баланс', 'баланса'], ['выписка', 'выписку', 'выписки'],
    ['пин-код', 'пин-код', 'пин-кода'], ['кредит', 'кредит', 'кредита']],
  // [infinitive, 1st person, noun of action]
  actions: [['активировать', 'активирую', 'активация'], ['отменить', 'отменю', 'отмена'], ['изменить', 'изменю', 'изменение'],
    ['отследить', 'отслежу', 'отслеживание'], ['сбросить', 'сброшу', 'сброс'], ['подтвердить', 'подтвержу', 'подтверждение'],
    ['продлить', 'продлю', 'продление'], ['заблокировать', 'заблокирую', 'блокировка'], ['восстановить', 'восстановлю', 'восстановление'],
    ['обновить', 'обновлю', 'обновление'], ['закрыть', 'закрою', 'закрытие'], ['открыть', 'открою', 'открытие'],
    ['оплатить', 'оплачу', 'оплата'], ['вернуть', 'верну', 'возврат'], ['выгрузить', 'выгружу', 'выгрузка'],
    ['привязать', 'привяжу', 'привязка'], ['проверить', 'проверю', 'проверка'], ['перевести', 'переведу', 'перевод'],
    ['скачать', 'скачаю', 'скачивание'], ['улучшить', 'улучшу', 'улучшение'], ['заморозить', 'заморожу', 'заморозка'],
    ['разблокировать', 'разблокирую', 'разблокировка'], ['разделить', 'разделю', 'разделение'], ['передать', 'передам', 'передача'],
    ['пополнить', 'пополню', 'пополнение']],
  quals: ['бизнес', 'виртуальный', 'международный', 'семейный', 'премиум', 'студенческий', 'совместный', 'временный', 'старый', 'второй'],
  templates: ['как {a} {q} {o}?', 'мне нужно {a} {q} {o}', 'почему не получается {a} {q} {o}', 'помогите {a} {q} {o}',
    'где {n} {q} {g}?', 'можно ли {a} {q} {o} онлайн?', 'что будет если я {f} {q} {o}?'],
};

function pick<T>(xs: readonly T[], i: number): T {
  return xs[i % xs.length]!;
}

export function syntheticKb(count: number, variants = 5): RetrievalEntry[] {
  const out: RetrievalEntry[] = [];
  for (let i = 0; i < count; i++) {
    const ru = i % 2 === 1;
    const j = Math.floor(i / 2);
    const oi = j % 20;
    const ai = Math.floor(j / 20) % 25;
    const qi = Math.floor(j / 500) % 10;
    const questions: string[] = [];
    for (let v = 0; v < variants; v++) {
      if (ru) {
        const [nom, acc] = pick(RU.objects, oi);
        const [inf, first, noun] = pick(RU.actions, ai);
        const t = pick(RU.templates, v + i);
        questions.push(t.replace('{a}', inf!).replace('{f}', first!).replace('{o}', acc!).replace('{q}', pick(RU.quals, qi))
          .replace('{n}', noun!).replace('{g}', pick(RU.objects, oi)[2]!));
        void nom;
      } else {
        const [verb, part] = pick(EN.actions, ai);
        const t = pick(EN.templates, v + i);
        questions.push(t.replace('{a}', verb!).replace('{p}', part!).replace('{o}', pick(EN.objects, oi)).replace('{q}', pick(EN.quals, qi)));
      }
    }
    const title = ru
      ? `${pick(RU.actions, ai)[2]} ${pick(RU.objects, oi)[2]} (${pick(RU.quals, qi)})`
      : `${pick(EN.actions, ai)[0]} ${pick(EN.objects, oi)} (${pick(EN.quals, qi)})`;
    out.push({ id: `a${i}`, title, questions, lang: ru ? 'ru' : 'en' });
  }
  return out;
}

/** Queries the way visitors type them: a variant with a dropped letter, lower case, no punctuation. */
export function syntheticQueries(kb: RetrievalEntry[], count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const e = kb[(i * 7919) % kb.length]!;
    const q = e.questions[i % e.questions.length]!.replace(/[?.,!]/g, '');
    const cut = 3 + (i % Math.max(1, q.length - 4));
    out.push(q.slice(0, cut) + q.slice(cut + 1));
  }
  return out;
}
