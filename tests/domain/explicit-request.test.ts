import { describe, expect, it } from 'vitest';
import { detectHumanRequest } from '../../src/domain/explicit-request';

const REQUESTS = [
  // Russian, the ways people actually type it
  'позовите оператора',
  'оператора позовите',
  'позавите аператора',
  'можно живого человека?',
  'живой человек есть?',
  'хочу поговорить с менеджером',
  'соедините с менеджером',
  'можно с сотрудником поговорить',
  'Переключите на оператора, пожалуйста',
  'Мне нужно поговорить с человеком, бот не понимает',
  'Позовите кого-нибудь',
  'Дайте менеджера',
  'Оператор!',
  'Здравствуйте, можно оператора?',
  'соеденить с аператором',
  'нужен специалист срочно',
  'А можно с реальным человеком поговорить?',
  'хочу с оператором пообщаться',
  'не хочу с ботом, хочу с человеком',
  'Свяжите меня с оператором',
  'Есть кто живой?',
  'Оператор, ответьте!',
  // English
  'talk to a human',
  'agent please',
  'real person pls',
  'speak to someone',
  'get me a representative',
  'humn agent',
  'I want to talk to a real person, this bot is useless',
  'can I speak with a manager please',
  'connect me to an agent',
  'is there a human here?',
  'operator??',
  'Let me talk to someone',
  'I need a live agent',
  'transfer me to a representitive',
  'any humans here?',
  'HUMAN',
  "I'd like a supervisor",
  'is anyone there?',
  'No, I want to talk to a human',
  "Why can't I just talk to a person?",
];

const NOT_REQUESTS = [
  'how do I become an agent of your shop',
  'the operator of the courier service lost my parcel',
  'is the human-readable manual included',
  'менеджер по продажам сказал что доставка бесплатная',
  'I talked to an agent yesterday and he promised a refund',
  'оператор не отвечает уже час',
  'поговорил с менеджером, он обещал перезвонить',
  'не нужен оператор, сам разберусь',
  "I don't need a human, just tell me the price",
  'your agent told me to wait',
  'how do these agents work',
  'спасибо, оператор мне уже помог',
  'where is my order',
  'какой оператор связи работает в пункте выдачи',
  'I am pleased with the operator',
  'Manager approved the refund',
  'hello',
  'Человек в пункте выдачи был груб',
  'people say your shop is great',
  'сотрудник сказал ждать',
  'the person who delivered it was rude',
  'Операция по карте не прошла',
  'can someone tell me the price',
  'нет связи с оператором',
  'я не хочу говорить с оператором',
  'Thanks, no need to talk to a human',
  'I want to send it to someone else',
  'Хочу пожаловаться на вашего оператора, он нагрубил',
  'like the manager said, delivery is free',
];

describe('detectHumanRequest', () => {
  it.each(REQUESTS)('hears a request in %j', (text) => {
    const result = detectHumanRequest(text);
    expect(result.requested).toBe(true);
    expect(result.phrase).toBeTruthy();
  });

  it.each(NOT_REQUESTS)('hears no request in %j', (text) => {
    expect(detectHumanRequest(text)).toEqual({ requested: false });
  });

  it('finds the request mid-sentence and quotes it as typed', () => {
    const result = detectHumanRequest('Заказ 5512 пришёл не тот. Соедините с Менеджером, пожалуйста!');
    expect(result).toEqual({ requested: true, phrase: 'Соедините с Менеджером' });
  });

  it('reads ё as е', () => {
    expect(detectHumanRequest('ещё раз: позовите оператора').requested).toBe(true);
  });
});
