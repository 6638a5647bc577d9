/**
 * What of a visitor's message to search with. Pasted text brings HTML tags, entities and links;
 * a long message tells a story around its question ("I ordered on Monday, the courier called,
 * ... how do I change the address?"), and the story's words outvote the question's. The
 * question sentences are searched on their own as well, and the most confident reading wins.
 */
const TAG = /<\/?[a-z][^<>]*>/gi;
const ENTITY = /&(?:[a-z]+|#\d+);/gi;
const URL = /\bhttps?:\/\/\S+/gi;

/** Tags, entities and links gone, whitespace collapsed. */
export function cleanText(text: string): string {
  return text.replace(TAG, ' ').replace(ENTITY, ' ').replace(URL, ' ').replace(/\s+/g, ' ').trim();
}

const QUESTION_START = /^(?:how|what|when|where|why|which|who|can|could|do|does|is|are|will|would|should|may|как|что|когда|где|почему|зачем|какой|какая|какие|каким|сколько|можно|могу|можете|подскажите|скажите|есть ли|ли)\b/iu;
const LONG_WORDS = 18;

/**
 * Sentences that ask something, of a message with more than one ("haha ok. where is my order?",
 * "while I wait: what's your returns window?"); a long message counts its colons as breaks too.
 */
export function questionSentences(text: string): string[] {
  const breaks = text.split(/\s+/).length < LONG_WORDS ? /(?<=[.!?…:])\s+|\n+/ : /(?<=[.!?…])\s+|\n+/;
  const sentences = text.split(breaks).map((s) => s.trim()).filter((s) => s.length > 0);
  if (sentences.length < 2) return [];
  return sentences.filter((s) => s.endsWith('?') || QUESTION_START.test(s.replace(/^(?:and|but|so|а|и|но|так)\s+/iu, '')));
}

/** A short message ("and if I order today?") may lean on the conversation's topic. */
export function isShortFollowUp(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  return words.length > 0 && words.length <= 8;
}

/**
 * Words that only move the conversation along ("ok, then…", "ладно, а пока скажите…"): they
 * carry no topic, yet they dilute a short question's match. Taken off the front, repeatedly.
 */
const LEADING_FILLER = /^(?:ok(?:ay)?|so|well|actually|meanwhile|and|also|then|hi|hello|hey|thanks|haha|lol|хаха|ахах|great|fine|alright|in the meantime|one more thing|ладно|хорошо|ок|окей|а|и|тогда|пока|пока что|кстати|спасибо|понятно|ясно|скажите|подскажите|здравствуйте|привет|ещё|еще|вопрос|так|ну)(?:[\s,.!:;—-]+|$)/iu;

export function withoutFillers(text: string): string {
  let rest = text.trim();
  for (let i = 0; i < 6; i += 1) {
    const next = rest.replace(LEADING_FILLER, '');
    if (next === rest) break;
    rest = next;
  }
  return rest.length > 0 ? rest : text;
}
