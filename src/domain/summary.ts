/**
 * The handoff packet's summary: what the visitor wants, in a few of their own sentences. It is
 * extractive on purpose: no model, nothing invented, so an operator can trust every word.
 * Russian and English alike; the scoring reads shapes (numbers, questions, negations, repeated
 * words), not a language model.
 */

export interface Amount {
  value: number;
  currency: 'RUB' | 'USD' | 'EUR';
  /** as the visitor wrote it */
  text: string;
}

export interface Facts {
  /** without the "№"/"#" mark, letters upper-cased: "123456", "A-1234" */
  orderNumbers: string[];
  /** lower-cased */
  emails: string[];
  /** digits only, with the leading "+" when written: "+79991234567", "88005553535" */
  phones: string[];
  amounts: Amount[];
}

const ID = String.raw`[A-Za-zА-ЯЁа-яё]{0,4}-?\d{3,}(?:-\d+)*`;
// An id ends where its digits end (no backtracking "5000 ₽" into order "500"), and is no price.
const NOT_MONEY = String.raw`(?![\d-])(?!\s?(?:₽|руб|р\.|rub|\$|usd|€|eur))`;
const ORDER_BY_WORD = new RegExp(
  String.raw`(?:номер\s+заказа|заказ[а-яё]*|order(?:\s+(?:number|no\.?|id))?|трек(?:-номер)?|tracking(?:\s+number)?)\s*(?:№|#|no\.?|номер)?\s*[:\-]?\s*(${ID})${NOT_MONEY}`,
  'giu',
);
const ORDER_BY_MARK = new RegExp(String.raw`(?:№|#)\s?(${ID})${NOT_MONEY}`, 'gu');
const EMAIL = /[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,}/gu;
// +7 (999) 123-45-67, 8 800 555-35-35, 89991234567, +49 30 1234567, +1 415 555 0132
const PHONE = /(?<![\d+])(?:\+\d{1,3}|8)(?:[\s-]?\(?\d{2,4}\)?){1,4}[\s-]?\d{2}[\s-]?\d{2}(?!\d)/g;
const NUM = String.raw`(\d{1,3}(?:[ \u00A0\u202F,]\d{3})+|\d+)(?:[.,](\d{1,2}))?(?!\d)`;
const CUR_AFTER = String.raw`(₽|руб(?:л[а-яё]*|\.)?|р\.|rub\b|\$|usd\b|доллар[а-яё]*|€|eur\b|евро)`;
const AMOUNT_AFTER = new RegExp(String.raw`(?<![\d.,])${NUM}\s?${CUR_AFTER}`, 'giu');
const AMOUNT_BEFORE = new RegExp(String.raw`([$€₽])\s?${NUM}`, 'gu');

function currencyOf(mark: string): Amount['currency'] {
  const m = mark.toLowerCase();
  if (m === '$' || m.startsWith('usd') || m.startsWith('доллар')) return 'USD';
  if (m === '€' || m.startsWith('eur') || m === 'евро') return 'EUR';
  return 'RUB';
}

function amountOf(text: string, int: string, frac: string | undefined, mark: string): Amount {
  const value = Number(int.replace(/[ \u00A0\u202F,]/g, '')) + (frac ? Number(`0.${frac}`) : 0);
  return { value, currency: currencyOf(mark), text: text.trim() };
}

const unique = <T>(xs: T[], key: (x: T) => string = String): T[] => {
  const seen = new Set<string>();
  return xs.filter((x) => !seen.has(key(x)) && seen.add(key(x)));
};

/**
 * Order numbers, e-mails, phones and amounts in one message, for the packet and for scoring.
 *
 * @example
 * extractFacts('Заказ № 123456 на 5 000 ₽, звоните +7 (999) 123-45-67')
 * // { orderNumbers: ['123456'], emails: [], phones: ['+79991234567'], amounts: [{ value: 5000, currency: 'RUB', text: '5 000 ₽' }] }
 */
export function extractFacts(text: string): Facts {
  const orders = [...text.matchAll(ORDER_BY_WORD), ...text.matchAll(ORDER_BY_MARK)]
    .sort((a, b) => (a.index ?? 0) - (b.index ?? 0))
    .map((m) => (m[1] ?? '').toUpperCase());
  const emails = [...text.matchAll(EMAIL)].map((m) => m[0].toLowerCase());
  // An e-mail's digits or an order number are not a phone: blank them out first.
  const rest = text.replace(EMAIL, ' ').replace(ORDER_BY_MARK, ' ').replace(ORDER_BY_WORD, ' ');
  const phones = [...rest.matchAll(PHONE)]
    .map((m) => m[0])
    .filter((p) => !/^\s?(?:₽|руб|р\.|rub|\$|usd|€|eur)/i.test(rest.slice(rest.indexOf(p) + p.length)))
    .map((p) => (p.startsWith('+') ? '+' : '') + p.replace(/\D/g, ''))
    .filter((p) => (p.startsWith('+') ? p.length >= 11 && p.length <= 16 : p.length === 11));
  const amounts = [
    ...[...text.matchAll(AMOUNT_AFTER)].map((m) => ({ at: m.index ?? 0, a: amountOf(m[0], m[1] ?? '0', m[2], m[3] ?? '') })),
    ...[...text.matchAll(AMOUNT_BEFORE)].map((m) => ({ at: m.index ?? 0, a: amountOf(m[0], m[2] ?? '0', m[3], m[1] ?? '') })),
  ]
    .sort((x, y) => x.at - y.at)
    .map((x) => x.a);
  return {
    orderNumbers: unique(orders),
    emails: unique(emails),
    phones: unique(phones),
    amounts: unique(amounts, (a) => `${a.value}${a.currency}`),
  };
}

// A greeting is a whole word ("Hitachi" and "Higher" are not "hi"): \b is ASCII-only in JS, so the
// end is "no letter or digit follows". "Dear …" only with its punctuation ("Dear support team,").
const GREETING =
  /^(?:(?:здравствуйте|здравствуй|привет(?:ствую)?|добр(?:ый|ого|ое)\s+(?:день|дня|вечер|утро|времени\s+суток)|доброе\s+утро|hello|hi|hey|good\s+(?:morning|afternoon|evening|day)|greetings)(?![\p{L}\d])|dear(?:\s+[\p{L}\d]+){1,3}[,!:])[\s,!.:;—-]*/iu;
const FILLER = new Set(
  'спасибо благодарю заранее большое пожалуйста ок ok хорошо понятно ясно ага да нет угу до свидания всего доброго thanks thank you very much in advance please okay great bye cheers got it sure yes no'.split(' '),
);
const QUESTION_START =
  /^(?:как|где|когда|почему|зачем|что|сколько|какой|какая|какие|каким|можно|могу|можете|подскажите|скажите|есть\s+ли|how|where|when|why|what|which|who|can|could|would|is|are|do|does|did|will|should)\b/iu;
const NEGATION = /(?:^|[\s,])(?:не|нет|ни|никак|not|no|never|can't|cannot|won't|doesn't|didn't|isn't|haven't|hasn't)(?=[\s,.!?]|$)/iu;
const STOP = new Set(
  'этот этого этом эта эти меня мене мной вами ваши ваше ваша ваш вашего если чтобы когда потом тоже очень уже ещё еще было была были быть есть будет можно нужно надо который которая которые там тут здесь только сейчас просто this that with have from your what when where which there their they them been were would could should about just into than then also very will does here some more other such only want need'.split(
    ' ',
  ),
);

const PROBLEM =
  /(?:слома|не работа|ошибк|брак|поврежд|опозд|потерял|пропал|списал|broken|damaged|defect|wrong|missing|error|fail|late\b|charged|lost\b)/iu;
// Product names: "iPhone 15", "Galaxy S23", "X200", or a capitalised word inside the sentence.
const PRODUCT = [/\p{Ll}\p{Lu}/u, /\p{L}\d|\d\p{L}/u, /\p{L}{2,} \d{1,4}(?![\d\s]*(?:₽|руб|\$|€))\b/u, /[\p{L}\d,] \p{Lu}[\p{L}\d-]+/u];

interface Sentence {
  text: string;
  pos: number;
  score: number;
}

function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+|\n+/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Drops a leading "Здравствуйте," and returns null when nothing but pleasantries is left. */
function substance(sentence: string): string | null {
  const text = sentence.replace(GREETING, '').trim();
  const words = text.toLowerCase().match(/[\p{L}\d']+/gu) ?? [];
  if (words.filter((w) => !FILLER.has(w)).length < 2 && !/\d/.test(text)) return null;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A crude stem: Russian endings vary, the first five letters rarely do. */
const stemsOf = (text: string): Set<string> =>
  new Set((text.toLowerCase().match(/\p{L}{4,}/gu) ?? []).filter((w) => !STOP.has(w)).map((w) => w.slice(0, 5)));

function score(text: string, stems: Set<string>, df: Map<string, number>, pos: number): number {
  const facts = extractFacts(text);
  let s = 0;
  if (facts.orderNumbers.length + facts.emails.length + facts.phones.length + facts.amounts.length > 0) s += 3;
  if (text.endsWith('?') || QUESTION_START.test(text)) s += 2;
  if (NEGATION.test(text)) s += 1; // "не пришёл", "doesn't work": the problem itself
  if (PROBLEM.test(text)) s += 1;
  if (PRODUCT.some((re) => re.test(text))) s += 1;
  let recurring = 0;
  for (const st of stems) if ((df.get(st) ?? 0) >= 2) recurring++;
  s += Math.min(3, recurring);
  if ((text.match(/\S+/g) ?? []).length < 3) s -= 1;
  if (pos === 0) s += 0.5; // the opening line usually states the problem
  return s;
}

/**
 * The most informative visitor sentences, in their original order, within `maxChars`
 * (default 280). Bot and operator lines are ignored: the summary is what the visitor wants.
 *
 * @example
 * summarize([{ role: 'visitor', text: 'Здравствуйте! Где мой заказ № 123456? Жду уже неделю.' }])
 * // 'Где мой заказ № 123456? Жду уже неделю.'
 */
export function summarize(messages: ReadonlyArray<{ role: string; text: string }>, opts: { maxChars?: number } = {}): string {
  const maxChars = opts.maxChars ?? 280;
  const seen = new Set<string>();
  const texts: string[] = [];
  for (const m of messages) {
    if (m.role !== 'visitor') continue;
    for (const raw of splitSentences(m.text)) {
      const t = substance(raw);
      if (t === null || seen.has(t.toLowerCase())) continue;
      seen.add(t.toLowerCase());
      texts.push(t);
    }
  }
  const stems = texts.map(stemsOf);
  const df = new Map<string, number>();
  for (const set of stems) for (const st of set) df.set(st, (df.get(st) ?? 0) + 1);
  const sentences: Sentence[] = texts.map((text, pos) => ({ text, pos, score: score(text, stems[pos] ?? new Set(), df, pos) }));

  const ranked = [...sentences].sort((a, b) => b.score - a.score || a.pos - b.pos);
  const chosen: Sentence[] = [];
  let length = -1;
  for (const s of ranked) {
    // Below 1 a sentence has nothing but its position: not worth an operator's reading time.
    if (chosen.length > 0 && s.score < 1) break;
    if (length + 1 + s.text.length <= maxChars) {
      chosen.push(s);
      length += 1 + s.text.length;
    }
  }
  const best = ranked[0];
  if (chosen.length === 0 && best) return clip(best.text, maxChars);
  return chosen
    .sort((a, b) => a.pos - b.pos)
    .map((s) => s.text)
    .join(' ');
}

/** Cuts at a word boundary and says so with an ellipsis. */
function clip(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, Math.max(0, maxChars - 1));
  const space = cut.lastIndexOf(' ');
  return `${(space > maxChars / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:—-]+$/u, '')}…`;
}
