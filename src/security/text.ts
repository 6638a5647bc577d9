import { z } from 'zod';

/**
 * The one rule for text the API accepts, applied by the request schemas so that no store is
 * handed a string it cannot keep. Redis's Lua JSON decoder refuses a lone UTF-16 surrogate, and
 * UTF-8 encoders turn every lone surrogate into the same U+FFFD, so `k\ud800` and `k\udc00` would
 * become one key.
 *
 * - Free text (messages, names, notes): lone surrogates become U+FFFD, so a half-pasted emoji
 *   never costs the visitor their message.
 * - Keys (ids, clientIds, departments, tags): refused when they hold a lone surrogate or a
 *   control character, because a replaced or invisible character would make two keys one.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export function hasLoneSurrogate(value: string): boolean {
  LONE_SURROGATE.lastIndex = 0;
  return LONE_SURROGATE.test(value);
}

/** `value` as well-formed Unicode: each lone surrogate replaced by U+FFFD. */
export function wellFormed(value: string): string {
  return hasLoneSurrogate(value) ? value.replace(LONE_SURROGATE, '\ufffd') : value;
}

/** A string of free text; chain `.trim()`, `.max()` and the rest as on z.string(). */
export const text = () => z.string().overwrite(wellFormed);

/** A string that names something (an id, a clientId, a department): no lone surrogate, no control character. */
export const keyText = () =>
  z
    .string()
    .refine((v) => !hasLoneSurrogate(v), 'must be well-formed Unicode (it holds a lone surrogate)')
    .refine((v) => !CONTROL.test(v), 'must not contain control characters');
