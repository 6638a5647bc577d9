/**
 * Small talk and closings: a message that is only a greeting, thanks, goodbye, "ok", an emoji
 * or "are you a bot?" is answered in kind, never searched in the knowledge base and never
 * handed to a person. A message with anything more ("thanks, and how long is delivery?") is not
 * small talk: the question in it is what the visitor wants answered.
 */
export type SmallTalkKind = 'greeting' | 'thanks' | 'goodbye' | 'ack' | 'bot_question';

/** Words by kind; Russian in Cyrillic and in the usual Latin spellings of it. */
const WORDS: Record<Exclude<SmallTalkKind, 'bot_question'>, string[]> = {
  greeting: ['hi', 'hello', 'hey', 'there', 'everyone', 'team', 'hiya', 'howdy', 'greetings', 'morning', 'afternoon', 'evening',
    'good', 'привет', 'приветствую', 'здравствуйте', 'здравствуй', 'здрасте', 'здрасьте', 'добрый',
    'доброе', 'день', 'утро', 'вечер', 'вечера', 'дня', 'hallo', 'privet', 'zdravstvuyte',
    'zdravstvujte', 'dobryy', 'dobryj', 'den'],
  thanks: ['thanks', 'thank', 'thx', 'ty', 'cheers', 'appreciate', 'it', 'you', 'so', 'much', 'a',
    'lot', 'many', 'great', 'perfect', 'awesome', 'excellent', 'helpful', 'that', 'helped', 'was',
    'very', 'спасибо', 'спс', 'благодарю', 'большое', 'огромное', 'вам', 'тебе', 'отлично',
    'супер', 'здорово', 'помогли', 'помог', 'помогло', 'очень', 'класс', 'spasibo', 'blagodaryu',
    'bolshoe'],
  goodbye: ['bye', 'goodbye', 'cya', 'see', 'you', 'later', 'have', 'a', 'nice', 'good', 'day',
    'all', 'the', 'best', 'take', 'care', 'пока', 'до', 'свидания', 'свиданья', 'всего',
    'доброго', 'хорошего', 'дня', 'вечера', 'всё', 'все', 'удачи', 'poka', 'do', 'svidaniya'],
  ack: ['ok', 'okay', 'okey', 'k', 'kk', 'yes', 'yep', 'yeah', 'sure', 'fine', 'got', 'it', 'i',
    'see', 'understood', 'clear', 'alright', 'cool', 'nice', 'good', 'great', 'noted', 'ок', 'окей',
    'ага', 'угу', 'да', 'ясно', 'понятно', 'понял', 'поняла', 'хорошо', 'ладно', 'норм', 'нормально',
    'принято', 'ясненько', 'понятненько', 'ponyatno', 'horosho', 'yasno', 'ladno'],
};

/** Words that alone prove nothing (they sit in several kinds): a message needs a stronger one. */
const WEAK = new Set(['there', 'everyone', 'team', 'it', 'you', 'so', 'a', 'that', 'was', 'very', 'see', 'have', 'the', 'all',
  'day', 'good', 'i', 'до', 'дня', 'вечера', 'вам', 'тебе', 'очень', 'всё', 'все', 'much', 'lot', 'many',
  'day', 'den', 'do', 'день', 'утро', 'вечер', 'большое', 'огромное', 'bolshoe', 'best', 'nice', 'later']);

/** Which kind wins when a message mixes them: "ok thanks bye" is a goodbye. */
const PRECEDENCE: Exclude<SmallTalkKind, 'bot_question'>[] = ['goodbye', 'thanks', 'greeting', 'ack'];

const BOT_QUESTION = [
  /\b(?:are|r)\s+(?:you|u)\s+(?:a\s+)?(?:bot|robot|machine|human|real|person|ai|an\s+ai|a\s+real\s+person)\b/i,
  /\bam\s+i\s+(?:talking|chatting|speaking)\s+(?:to|with)\s+a\s+(?:bot|robot|machine|human|person)\b/i,
  /(?:^|[^\p{L}])(?:ты|вы)\s+(?:—\s+)?(?:бот|робот|человек|живой|настоящий|нейросеть|программа)(?:[^\p{L}]|$)/iu,
  /(?:^|[^\p{L}])(?:это|я\s+говорю\s+с|я\s+общаюсь\s+с)\s+(?:бот|ботом|робот|роботом)(?:[^\p{L}]|$)/iu,
];

const EMOJI_ONLY = /^[\p{Extended_Pictographic}\p{Emoji_Component}\s!?.)(:;\-=+*]+$/u;

/** The small-talk kind of a whole message, or null when it carries anything more. */
export function smallTalk(text: string): SmallTalkKind | null {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > 80) return null;
  if (BOT_QUESTION.some((re) => re.test(trimmed)) && words(trimmed).length <= 8) return 'bot_question';
  if (EMOJI_ONLY.test(trimmed)) return /\p{Extended_Pictographic}/u.test(trimmed) || /[)(]/.test(trimmed) ? 'ack' : null;
  const tokens = words(trimmed);
  if (tokens.length === 0 || tokens.length > 8) return null;
  const kinds = new Set<SmallTalkKind>();
  for (const token of tokens) {
    const of = PRECEDENCE.filter((k) => WORDS[k].includes(token));
    if (of.length === 0) return null;
    if (!WEAK.has(token)) for (const k of of) kinds.add(k);
  }
  return PRECEDENCE.find((k) => kinds.has(k)) ?? null;
}

function words(text: string): string[] {
  return text.toLowerCase().replace(/ё/g, 'е').match(/[\p{L}']+/gu)?.map((w) => w.replace(/'/g, '')) ?? [];
}
