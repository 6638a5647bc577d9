import { describe, expect, it } from 'vitest';
import { detectHumanRequest } from '../../src/domain/explicit-request';
import { detectLanguage } from '../../src/domain/language';
import { fromTranslit, isLatinOnly } from '../../src/domain/translit';

describe('fromTranslit', () => {
  it.each([
    ['skolko stoit dostavka', 'сколко стоит доставка'],
    ['pozovite operatora', 'позовите оператора'],
    ['zdravstvuyte, gde moy zakaz?', 'здравствуйте, где мой заказ?'],
    ['hochu vernut tovar', 'хочу вернут товар'],
    ['shchetka i zhurnal', 'щетка и журнал'],
  ])('%j → %j', (latin, cyrillic) => {
    expect(fromTranslit(latin)).toBe(cyrillic);
  });

  it('keeps model names with capitals inside as typed', () => {
    expect(fromTranslit('chehol dlya iPhone 15')).toBe('чехол для iPhone 15');
  });

  it('reads translit Russian as Russian, and a request for a person in it as one', () => {
    expect(detectLanguage('pozovite operatora')).toBe('ru');
    expect(detectLanguage('skolko stoit dostavka')).toBe('ru');
    expect(detectHumanRequest(fromTranslit('pozovite operatora')).requested).toBe(true);
    expect(isLatinOnly('pozovite operatora')).toBe(true);
    expect(isLatinOnly('позовите operator')).toBe(false);
  });
});
