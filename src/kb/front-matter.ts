import { LineCounter, parseDocument } from 'yaml';

/** A problem found while reading front matter, before any field is checked. */
export interface FrontMatterError {
  line?: number;
  message: string;
}

export type FrontMatterResult =
  | { ok: true; data: unknown; body: string }
  | { ok: false; errors: FrontMatterError[] };

// A fence is a line of exactly three dashes (trailing spaces tolerated, as editors leave them).
const FENCE = /^---[ \t]*$/;

/**
 * Splits `---\n<yaml>\n---\n<body>` and parses the YAML. Written by hand rather than with a
 * front-matter package because those reach for Node's Buffer/fs, and this runs on Workers.
 *
 * @example splitFrontMatter('---\nid: a\n---\nHello') // { ok: true, data: { id: 'a' }, body: 'Hello' }
 */
export function splitFrontMatter(text: string): FrontMatterResult {
  // Files saved on Windows or with a BOM must read the same as any other.
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (lines.length === 0 || !FENCE.test(lines[0] ?? '')) {
    return {
      ok: false,
      errors: [{ line: 1, message: 'no front matter: the file must start with a "---" line' }],
    };
  }
  const close = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  if (close === -1) {
    return {
      ok: false,
      errors: [{ line: 1, message: 'front matter is not closed: add a "---" line after it' }],
    };
  }
  const yamlText = lines.slice(1, close).join('\n');
  const body = lines.slice(close + 1).join('\n');

  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: true, lineCounter });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((err) => ({
        // +1 for the opening fence, so the number points into the file, not into the YAML.
        line: lineCounter.linePos(err.pos[0]).line + 1,
        message: `bad YAML: ${firstLine(err.message)}`,
      })),
    };
  }
  const data: unknown = doc.toJS();
  if (data === null || data === undefined) {
    return { ok: false, errors: [{ line: 2, message: 'front matter is empty' }] };
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    return {
      ok: false,
      errors: [{ line: 2, message: 'front matter must be a set of "field: value" lines' }],
    };
  }
  return { ok: true, data, body };
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.trim() ?? message;
}
