import type { Message } from '../domain/conversation';

/**
 * What the bot asked on its last turn, read back from the transcript, so the visitor's next
 * message can answer it: "delivery?" → "1. cost 2. time" → "2".
 */
export interface LastTurn {
  /** the options of a clarifying question, in the order shown */
  options: string[];
  /** the visitor message the bot's last turn answered, and the article it answered with */
  question?: string;
  answeredWith?: string;
}

export function lastTurn(history: readonly Message[]): LastTurn {
  for (let i = history.length - 1; i >= 0; i -= 1) {
    const m = history[i]!;
    if (m.role === 'operator' || m.role === 'system') return { options: [] };
    if (m.role !== 'bot' || !m.decision) continue;
    const question = history.find((v) => v.id === m.replyTo)?.text;
    if (m.decision.kind === 'clarify' && m.decision.reasons.includes('ambiguous')) {
      return { options: m.decision.sources.map((s) => s.id), question };
    }
    // Small talk carries no topic: the one before it still does.
    if (m.decision.reasons.includes('small_talk')) continue;
    if (m.decision.kind !== 'answer') return { options: [] };
    return { options: [], question, answeredWith: m.decision.sources[0]?.id };
  }
  return { options: [] };
}

const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, one: 1, two: 2, three: 3, '1st': 1, '2nd': 2, '3rd': 3,
  первый: 1, первое: 1, первая: 1, первую: 1, второй: 2, второе: 2, вторая: 2, вторую: 2,
  третий: 3, третье: 3, третья: 3, третью: 3, перв: 1, втор: 2,
};

/** The option a reply picks by its number ("2", "the second one", "второе"), 1-based, or null. */
export function pickedNumber(text: string): number | null {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0 || words.length > 4) return null;
  for (const w of words) {
    if (/^\d$/.test(w)) return Number(w);
    if (ORDINALS[w] !== undefined) return ORDINALS[w]!;
  }
  return null;
}
