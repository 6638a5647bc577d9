import { z } from 'zod';
import type { Lang } from '../conversation';
import { detectLanguage } from '../language';

/**
 * One line of a labelled complaint set: `{"text", "complaint", "lang"}`. Sets made elsewhere
 * label with 0/1 and write "en-US" or no language at all; those are read too rather than
 * rejected, the missing language being detected from the text.
 */
const labelledMessageSchema = z
  .object({
    text: z.string().min(1),
    complaint: z.union([z.boolean(), z.literal(0), z.literal(1)]).transform((v) => v === true || v === 1),
    lang: z.string().optional(),
  })
  .transform(({ text, complaint, lang }) => ({ text, complaint, lang: toLang(lang, text) }));
export type LabelledMessage = z.output<typeof labelledMessageSchema>;

function toLang(lang: string | undefined, text: string): Lang {
  const code = lang?.trim().toLowerCase();
  if (code?.startsWith('ru')) return 'ru';
  if (code?.startsWith('en')) return 'en';
  return detectLanguage(text);
}

export type ParsedLabelled =
  | { ok: true; messages: LabelledMessage[] }
  | { ok: false; error: string };

/**
 * Parses JSONL text into labelled messages. The first bad line fails the whole file, naming the
 * line: an evaluation over silently skipped lines would report a number for a different set.
 */
export function parseLabelledJsonl(source: string): ParsedLabelled {
  const messages: LabelledMessage[] = [];
  const lines = source.split(/\r?\n/);
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      return { ok: false, error: `line ${i + 1}: not valid JSON` };
    }
    const parsed = labelledMessageSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.join('.') || 'line';
      return { ok: false, error: `line ${i + 1}: ${where}: ${issue?.message ?? 'invalid'}` };
    }
    messages.push(parsed.data);
  }
  if (messages.length === 0) return { ok: false, error: 'no labelled lines' };
  return { ok: true, messages };
}
