import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scoreComplaint, type Severity } from '../../src/domain/complaint';
import { parseLabelledJsonl } from '../../src/domain/complaint/labelled';
import { binaryMetrics } from '../../src/domain/complaint/metrics';

const SEVERITY_CASES: ReadonlyArray<[Severity, string]> = [
  ['none', 'How do I return an item I bought online?'],
  ['none', 'Как вернуть товар, купленный онлайн?'],
  ['mild', "Unfortunately my order still hasn't arrived."],
  ['mild', 'К сожалению, заказ до сих пор не пришёл.'],
  ['angry', 'This is absolutely unacceptable, worst service ever!!!'],
  ['angry', 'Это безобразие! Ужасный сервис!!!'],
  ['formal', 'I want to file a formal complaint about your courier.'],
  ['formal', 'Направляю официальную претензию по заказу 45120.'],
  ['legal_threat', "If you don't replace it I'm going to my lawyer."],
  ['legal_threat', 'Буду обращаться в Роспотребнадзор и в суд.'],
  ['churn_threat', 'I will never order from you again.'],
  ['churn_threat', 'Больше никогда у вас ничего не куплю, ухожу к конкурентам.'],
  ['compensation_demand', 'The TV arrived broken, I want my money back.'],
  ['compensation_demand', 'Телевизор пришёл разбитым, верните деньги.'],
];

describe('scoreComplaint', () => {
  it.each(SEVERITY_CASES)('%s: %s', (severity, text) => {
    const result = scoreComplaint(text);
    expect(result.severity).toBe(severity);
    expect(result.complaint).toBe(severity !== 'none');
    expect(result.score).toBeGreaterThanOrEqual(0);
    expect(result.score).toBeLessThanOrEqual(1);
  });

  it('scores an angry message above a neutral question, in both languages', () => {
    const pairs = [
      ['Do you deliver on Sundays?', 'Third week waiting for my order, this is ridiculous!!'],
      ['Вы доставляете по воскресеньям?', 'Третью неделю жду заказ, это издевательство!!'],
    ];
    for (const [neutral, angry] of pairs) {
      expect(scoreComplaint(angry!).score).toBeGreaterThan(scoreComplaint(neutral!).score + 0.5);
    }
  });

  it('scores mild below angry for the same problem', () => {
    const mild = scoreComplaint('My order is a bit late.');
    const angry = scoreComplaint('My order is late AGAIN, absolutely pathetic service!!!');
    expect(angry.score).toBeGreaterThan(mild.score);
  });

  it('does not take "not bad" or "претензий нет" for complaints', () => {
    expect(scoreComplaint('Not bad at all, the battery lasts longer than I expected.').complaint).toBe(false);
    expect(scoreComplaint('Претензий нет, доставили раньше срока.').complaint).toBe(false);
  });

  it('hears sarcasm and polite complaints', () => {
    expect(scoreComplaint('Thanks for nothing @TMobile').complaint).toBe(true);
    expect(scoreComplaint('Спасибо, конечно, за «быструю» доставку — всего три недели.').complaint).toBe(true);
    expect(scoreComplaint('Hello, unfortunately the item does not match the description.').complaint).toBe(true);
  });

  it('names what the score rests on', () => {
    const { signals } = scoreComplaint('Still waiting for my refund, it has been a month.');
    expect(signals.some((s) => s.startsWith('delay:'))).toBe(true);
  });

  it('works without a language and with an explicit one alike', () => {
    const text = 'Верните деньги, третью неделю жду заказ!';
    expect(scoreComplaint(text)).toEqual(scoreComplaint(text, 'ru'));
  });

  it('handles empty and symbol-only text', () => {
    expect(scoreComplaint('').complaint).toBe(false);
    expect(scoreComplaint('👍').complaint).toBe(false);
  });

  // A quality floor on our own labelled set, so a lexicon edit that breaks the model shows up.
  it('keeps F1 ≥ 0.8 on datasets/complaints.jsonl, overall and per language', () => {
    const path = fileURLToPath(new URL('../../datasets/complaints.jsonl', import.meta.url));
    const parsed = parseLabelledJsonl(readFileSync(path, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.messages.length).toBeGreaterThanOrEqual(400);
    const judged = parsed.messages.map((m) => ({
      lang: m.lang,
      actual: m.complaint,
      predicted: scoreComplaint(m.text, m.lang).complaint,
    }));
    expect(binaryMetrics(judged).f1).toBeGreaterThanOrEqual(0.8);
    for (const lang of ['en', 'ru']) {
      expect(binaryMetrics(judged.filter((j) => j.lang === lang)).f1).toBeGreaterThanOrEqual(0.8);
    }
  });
});
