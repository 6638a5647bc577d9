/**
 * Does the visitor ask for a person? The answer needs two things: a word for a person (operator,
 * manager, human, agent…) and a request form around it (an imperative, want/can/need, "please")
 * or a message that is nothing but that word ("Operator!"). A person mentioned in a report,
 * "the manager said delivery is free", is not a request; that is the whole point of the grammar.
 *
 * Matching is word by word with a small edit distance, because people in a hurry type
 * "позавите аператора" and "humn agent".
 */

export interface HumanRequest {
  requested: boolean;
  /** The words that made the request, as the visitor typed them. */
  phrase?: string;
}

/** Someone the visitor may ask for: a strong word is a request on its own ("Operator!"). */
const STRONG_EN = ['human', 'humans', 'agent', 'agents', 'operator', 'operators', 'representative',
  'representatives', 'rep', 'manager', 'supervisor'];
/** Too common to stand alone: "someone", "person", "человек" need a verb of talking or an adjective. */
const WEAK_EN = ['person', 'people', 'someone', 'somebody', 'anyone', 'anybody', 'being'];
/** Russian nouns as stems, since case endings vary: оператор-а/-ом/-у. */
const STRONG_RU_STEMS = ['оператор', 'менеджер', 'сотрудник', 'специалист', 'консультант',
  'администратор', 'представител', 'руководител', 'начальник'];
const WEAK_RU_STEMS = ['человек', 'человеч', 'кого-нибудь', 'кого-то', 'кем-нибудь', 'кем-то',
  'людьми', 'люди', 'людей'];
/** An adjective that makes a weak word strong: "живой человек", "real person". */
const LIVE_ADJECTIVES = new Set(['живой', 'живого', 'живым', 'живому', 'реальный', 'реального',
  'реальным', 'настоящий', 'настоящего', 'настоящим', 'нормальный', 'нормального', 'нормальным',
  'адекватного', 'адекватным', 'real', 'live', 'actual', 'human']);

/** Verbs of talking or fetching: they make even a weak word a request ("speak to someone"). */
const TALK_TRIGGERS = ['talk', 'speak', 'chat', 'connect', 'transfer', 'get', 'put', 'reach',
  'contact', 'escalate', 'поговорить', 'поговорю', 'пообщаться', 'побеседовать',
  'связаться', 'свяжите', 'свяжитесь', 'соедините', 'соедини', 'соединить', 'переключите',
  'переключи', 'переключить', 'переведите', 'переведи', 'перевести', 'подключите', 'подключи',
  'подключить', 'позовите', 'позови', 'позвать', 'зовите', 'пригласите', 'вызовите', 'вызови',
  'дайте', 'дай'];
/** Wanting, asking, or being able to: enough before a strong word ("can I get an operator"). */
const WANT_TRIGGERS = ['want', 'wanna', 'need', 'like', 'can', 'could', 'may', 'let', 'give',
  'there', 'any', 'where', 'please', 'pls', 'plz', 'хочу', 'хотел', 'хотела', 'хотелось',
  'хочется', 'можно', 'могу', 'можете', 'нужен', 'нужна', 'нужно', 'надо', 'требую', 'прошу',
  'пожалуйста', 'пусть', 'где', 'есть', 'давайте'];
/** Words after the person that make a request in free Russian word order: "оператора позовите". */
const AFTER_TRIGGERS = ['please', 'pls', 'plz', 'now', 'asap', 'here', 'needed', 'позовите',
  'позови', 'дайте', 'давайте', 'нужен', 'нужна', 'нужно', 'надо', 'есть', 'можно', 'пожалуйста',
  'плиз', 'срочно', 'хочу', 'подключите', 'соедините', 'переключите', 'где', 'ответьте',
  'отзовитесь', 'подключитесь'];
/** Past forms sit one letter away from triggers ("поговорил"): they report, never request. */
const NOT_TRIGGERS = new Set(['поговорил', 'поговорила', 'поговорили', 'связался', 'связалась',
  'соединили', 'переключили', 'перевели', 'подключили', 'позвали', 'позвал', 'дали', 'хотели',
  'talked', 'spoke', 'called', 'got', 'wanted', 'needed', 'transferred', 'contacted', 'pleased']);
/** Words allowed between a trigger and the person: "want to talk to a real human". */
const FILLERS = new Set(['to', 'with', 'me', 'us', 'a', 'an', 'the', 'some', 'your', 'one', 'of',
  'i', 'we', 'just', 'directly', 'now', 'right', 'please', 'pls', 'talk', 'speak', 'chat',
  'connect', 'connected', 'transferred', 'through', 'be', 'customer', 'service', 'support', 'real',
  'live', 'actual', 'human', 'you', 'is', 'up', 'back', 'с', 'со', 'мне', 'меня', 'нам',
  'на', 'к', 'бы', 'уже', 'хоть', 'хотя', 'каким', 'нибудь', 'каким-нибудь', 'вашим', 'вашего',
  'ваш', 'вашему', 'вашими', 'у', 'вас', 'ли', 'там', 'срочно', 'а', 'ну', 'же', 'просто', 'я',
  'поговорить', 'пообщаться', 'связаться', 'позвать', 'побеседовать', 'пожалуйста', 'какого',
  'говорить', 'общаться', 'разговаривать', 'переписываться',
  'нибудь', 'сейчас', 'быстро', 'тут', 'здесь', ...LIVE_ADJECTIVES]);
const GREETINGS = new Set(['hi', 'hello', 'hey', 'yo', 'здравствуйте', 'привет', 'добрый', 'день',
  'вечер', 'утро', 'алло', 'эй', 'ау', 'ok', 'ок', 'so', 'well', 'так']);
/** "with"/"с" before the person implies talking, so "хочу с человеком" needs no verb. */
const WITH = new Set(['с', 'со', 'with', 'to']);
/** Set phrases that ask whether a person is there at all. */
const IDIOMS = [
  /(?:^|[^\p{L}])(?:есть|тут|здесь)\s+(?:кто|кто-нибудь|кто-то)\s+(?:живой|живые|из людей)/u,
  /(?:^|[^\p{L}])(?:is\s+)?(?:any|some)(?:one|body)\s+(?:there|alive|real|human)\s*\?/u,
];
const NEGATIONS = new Set(['не', 'нет', 'no', 'not', "don't", 'dont', 'never', 'без', "doesn't"]);

interface Token {
  word: string;
  start: number;
  end: number;
}

/** How far a word may be misspelled: none for short words, where one letter makes another word. */
function tolerance(length: number): number {
  if (length <= 4) return 0;
  return length >= 9 ? 2 : 1;
}

/** Optimal string alignment distance, stopping early once it exceeds `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, prev2[j - 2]! + 1);
      }
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}

function nearWord(token: string, word: string, minFuzzy = 5): boolean {
  if (token === word) return true;
  const max = word.length < minFuzzy ? 0 : tolerance(word.length);
  return max > 0 && editDistance(token, word, max) <= max;
}

/** A Russian stem matches the start of a word, allowing a typo inside the stem itself. */
function nearStem(token: string, stem: string): boolean {
  if (token.startsWith(stem)) return true;
  const max = tolerance(stem.length);
  if (max === 0 || token.length < stem.length - 1) return false;
  for (let cut = stem.length - 1; cut <= stem.length + 1; cut += 1) {
    if (editDistance(token.slice(0, cut), stem, max) <= max) return true;
  }
  return false;
}

/** Triggers are short common words ("there" ~ "these"): only the longer ones may be misspelled. */
function isAny(token: string, words: readonly string[]): boolean {
  return !NOT_TRIGGERS.has(token) && words.some((w) => nearWord(token, w, 6));
}

type Strength = 'strong' | 'weak' | null;

function personStrength(tokens: Token[], i: number): Strength {
  const word = tokens[i]!.word;
  const strong = STRONG_EN.some((w) => nearWord(word, w)) || STRONG_RU_STEMS.some((s) => nearStem(word, s));
  if (strong) return 'strong';
  const weak = WEAK_EN.includes(word) || WEAK_RU_STEMS.some((s) => word.startsWith(s));
  if (!weak) return null;
  const before = tokens[i - 1]?.word;
  return before !== undefined && LIVE_ADJECTIVES.has(before) ? 'strong' : 'weak';
}

function tokenize(text: string): Token[] {
  const normal = text.toLowerCase().replace(/ё/g, 'е').replace(/’/g, "'");
  const tokens: Token[] = [];
  for (const m of normal.matchAll(/[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*/gu)) {
    tokens.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

const MAX_GAP = 4;

/** A want-word; "like" only as "I'd like", since "like the manager said" reports. */
function isWant(tokens: Token[], k: number): boolean {
  const word = tokens[k]!.word;
  if (word === 'like') return ["i'd", 'id', 'would', "we'd"].includes(tokens[k - 1]?.word ?? '');
  return isAny(word, WANT_TRIGGERS);
}

/**
 * "не хочу говорить с оператором", "no need to talk to a human": a negation before the trigger,
 * across want-words and fillers of the same clause, cancels it; punctuation ends the clause.
 */
function isNegated(tokens: Token[], k: number, text: string): boolean {
  for (let j = k - 1; j >= 0 && j >= k - 3; j -= 1) {
    if (/[.!?;,]/.test(text.slice(tokens[j]!.end, tokens[j + 1]!.start))) return false;
    const word = tokens[j]!.word;
    if (NEGATIONS.has(word)) return true;
    if (!FILLERS.has(word) && !isAny(word, WANT_TRIGGERS) && !isAny(word, TALK_TRIGGERS)) return false;
  }
  return false;
}

/** Finds a trigger before the person, skipping up to MAX_GAP filler words. */
function triggerBefore(tokens: Token[], i: number, strength: 'strong' | 'weak', text: string): number | null {
  let crossedWith = false;
  for (let k = i - 1; k >= 0 && k >= i - 1 - MAX_GAP; k -= 1) {
    const word = tokens[k]!.word;
    const talk = isAny(word, TALK_TRIGGERS);
    if (talk || ((strength === 'strong' || crossedWith) && isWant(tokens, k))) {
      return isNegated(tokens, k, text) ? null : k;
    }
    if (!FILLERS.has(word) && !WITH.has(word)) return null;
    crossedWith ||= WITH.has(word);
  }
  return null;
}

/** Finds a trigger after the person: "оператора позовите", "agent please". */
function triggerAfter(tokens: Token[], i: number): number | null {
  for (let k = i + 1; k < tokens.length && k <= i + 1 + 2; k += 1) {
    const word = tokens[k]!.word;
    if (isAny(word, AFTER_TRIGGERS)) {
      return NEGATIONS.has(tokens[k - 1]!.word) ? null : k;
    }
    if (!FILLERS.has(word)) return null;
  }
  return null;
}

/** A short message made only of greetings, fillers and person words: "Оператор!", "humn agent". */
function isBareRequest(tokens: Token[], strengths: Strength[]): boolean {
  if (tokens.length === 0 || tokens.length > 4) return false;
  if (!strengths.includes('strong')) return false;
  return tokens.every((t, i) => strengths[i] !== null || FILLERS.has(t.word) || GREETINGS.has(t.word));
}

/**
 * Finds an explicit request for a person in Russian or English.
 *
 * @example
 * detectHumanRequest('можно живого человека?') // { requested: true, phrase: 'можно живого человека' }
 * detectHumanRequest('менеджер по продажам сказал…') // { requested: false }
 */
export function detectHumanRequest(text: string): HumanRequest {
  const tokens = tokenize(text);
  const strengths = tokens.map((_, i) => personStrength(tokens, i));
  const phrase = (from: number, to: number): string => text.slice(tokens[from]!.start, tokens[to]!.end);

  for (let i = 0; i < tokens.length; i += 1) {
    const strength = strengths[i];
    if (strength === null || strength === undefined) continue;
    const before = triggerBefore(tokens, i, strength, text);
    if (before !== null) return { requested: true, phrase: phrase(before, i) };
    const after = strength === 'strong' ? triggerAfter(tokens, i) : null;
    if (after !== null) return { requested: true, phrase: phrase(i, after) };
  }
  if (isBareRequest(tokens, strengths)) {
    return { requested: true, phrase: phrase(0, tokens.length - 1) };
  }
  const normal = text.toLowerCase().replace(/ё/g, 'е');
  for (const idiom of IDIOMS) {
    const match = idiom.exec(normal);
    if (match) return { requested: true, phrase: text.slice(match.index, match.index + match[0].length).trim() };
  }
  return { requested: false };
}
