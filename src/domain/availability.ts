import { localTime, zoneOffset } from './business-hours';
import { clockTime, zonePhrase } from './zone-phrase';

/**
 * What the visitor is told after a handoff. The rule the product lives by: never promise a
 * human who is not there. Outside business hours, or when no operator with capacity is
 * online, the visitor gets the honest offline form, even if someone lingers online after hours
 * (they can still pick the conversation up from the queue; the visitor was not promised them).
 */

export interface OperatorLoad {
  online: boolean;
  /** concurrent chats this operator takes */
  capacity: number;
  /** chats they hold now */
  active: number;
}

export interface AvailabilityInput {
  open: boolean;
  operators: OperatorLoad[];
  /** conversations waiting before this one */
  queueAhead: number;
  /** how long a chat holds a slot; 8 minutes when the caller has no history yet */
  avgHandleMinutes?: number;
  /** from nextOpening(); only shown when the schedule is closed */
  nextOpeningMs: number | null;
  now: number;
}

export type Availability =
  | { kind: 'wait'; minutes: number; range: [number, number] }
  | { kind: 'offline'; nextOpeningMs: number | null }
  /** asked for a person while one already has the conversation: no queue, no wait */
  | { kind: 'with_operator' };

const DEFAULT_HANDLE_MINUTES = 8;

/**
 * A realistic wait. A free slot for this visitor means a minute or two (an operator must notice
 * and read the packet). Otherwise all slots are busy: with C slots each freeing after the average
 * handle time H, one slot frees every H/C minutes on average, and this visitor needs the
 * (queued − free + 1)-th one. The range is honest about the spread (-40% … +50%).
 *
 * @example
 * whatToTell({ open: true, operators: [{ online: true, capacity: 2, active: 2 }], queueAhead: 1,
 *   avgHandleMinutes: 10, nextOpeningMs: null, now })
 * // { kind: 'wait', minutes: 10, range: [6, 15] }
 */
export function whatToTell(input: AvailabilityInput): Availability {
  const online = input.operators.filter((o) => o.online && o.capacity > 0);
  const slots = online.reduce((n, o) => n + o.capacity, 0);
  if (!input.open || slots === 0) {
    // While nominally open, "when we open" would be a lie: say nothing about when.
    const next = !input.open && input.nextOpeningMs !== null && input.nextOpeningMs > input.now ? input.nextOpeningMs : null;
    return { kind: 'offline', nextOpeningMs: next };
  }
  const free = online.reduce((n, o) => n + Math.max(0, o.capacity - o.active), 0);
  const ahead = Math.max(0, Math.floor(input.queueAhead));
  if (free > ahead) return { kind: 'wait', minutes: 1, range: [0, 2] };

  const handle = input.avgHandleMinutes && input.avgHandleMinutes > 0 ? input.avgHandleMinutes : DEFAULT_HANDLE_MINUTES;
  const estimate = ((ahead - free + 1) * handle) / slots;
  const minutes = friendly(Math.max(2, estimate));
  const lo = Math.max(1, Math.floor(estimate * 0.6));
  const hi = Math.max(minutes + 1, Math.ceil(estimate * 1.5));
  return { kind: 'wait', minutes, range: [lo, hi] };
}

/** People read "about 25 minutes", not "about 23": round the way one would say it. */
function friendly(m: number): number {
  if (m < 10) return Math.round(m);
  if (m < 60) return Math.round(m / 5) * 5;
  return Math.round(m / 15) * 15;
}

export interface NoticeContext {
  /** the schedule's zone: opening times are shown in it (default Europe/Moscow) */
  timeZone?: string;
  /** enables "today"/"tomorrow"/weekday wording; without it the date is spelled out */
  now?: number;
  /** a contact the visitor already gave: they are not asked for it again */
  contact?: string;
}

/**
 * The sentence the visitor reads after a handoff, in natural Russian or English.
 *
 * @example
 * handoffNotice({ kind: 'offline', nextOpeningMs }, 'ru', { timeZone: 'Europe/Moscow', now })
 * // 'Сейчас мы не работаем. Оставьте e-mail или телефон — мы ответим, когда откроемся (завтра в 9:00 по московскому времени).'
 */
export function handoffNotice(outcome: Availability, lang: 'ru' | 'en', ctx: NoticeContext = {}): string {
  if (outcome.kind === 'with_operator') {
    return lang === 'ru' ? 'Оператор уже в этом чате и ответит здесь.' : 'An operator is already in this chat and will reply here.';
  }
  if (outcome.kind === 'wait') {
    const [lo, hi] = outcome.range;
    if (hi <= 2) {
      return lang === 'ru'
        ? 'Оператор подключится через минуту-две. Не закрывайте чат — ответ появится здесь.'
        : 'An operator will join in a minute or two. Keep this chat open — the reply will appear here.';
    }
    return lang === 'ru'
      ? `Оператор ответит примерно через ${outcome.minutes} ${minutesRu(outcome.minutes)} (обычно от ${lo} до ${hi}). Не закрывайте чат — ответ появится здесь. Если не можете ждать, оставьте e-mail, и мы ответим на почту.`
      : `An operator will reply in about ${outcome.minutes} minutes (usually ${lo}–${hi}). Keep this chat open — the reply will appear here. If you can't wait, leave your e-mail and we will reply there.`;
  }
  // Outside business hours we are closed (whoever lingers online); within them nobody is free.
  const when = outcome.nextOpeningMs === null ? null : formatOpening(outcome.nextOpeningMs, lang, ctx);
  if (ctx.contact) return offlineWithContact(ctx.contact, when, lang);
  if (lang === 'ru') {
    return when
      ? `Сейчас мы не работаем. Оставьте e-mail или телефон — мы ответим, когда откроемся (${when}).`
      : 'Сейчас операторов нет на связи. Оставьте e-mail или телефон — мы ответим, как только оператор освободится.';
  }
  return when
    ? `We are closed right now. Leave your e-mail or phone number and we will reply when we open (${when}).`
    : 'No operators are online right now. Leave your e-mail or phone number and we will reply as soon as an operator is available.';
}

function offlineWithContact(contact: string, when: string | null, lang: 'ru' | 'en'): string {
  if (lang === 'ru') {
    return when
      ? `Сейчас мы не работаем. Мы ответим на ${contact}, когда откроемся (${when}), или здесь, если вы будете в чате.`
      : `Сейчас операторов нет на связи. Мы ответим на ${contact}, как только оператор освободится, или здесь, если вы будете в чате.`;
  }
  return when
    ? `We are closed right now. We will reply to ${contact} when we open (${when}), or here if you are still in the chat.`
    : `No operators are online right now. We will reply to ${contact} as soon as an operator is available, or here if you are still in the chat.`;
}

/** Russian needs the number's form: 1 минуту, 2 минуты, 5 минут, 21 минуту. */
function minutesRu(n: number): string {
  const d = n % 10;
  const dd = n % 100;
  if (d === 1 && dd !== 11) return 'минуту';
  if (d >= 2 && d <= 4 && (dd < 12 || dd > 14)) return 'минуты';
  return 'минут';
}

const WEEKDAY = {
  ru: ['в воскресенье', 'в понедельник', 'во вторник', 'в среду', 'в четверг', 'в пятницу', 'в субботу'],
  en: ['on Sunday', 'on Monday', 'on Tuesday', 'on Wednesday', 'on Thursday', 'on Friday', 'on Saturday'],
};
const MONTH = {
  ru: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** "завтра в 9:00 по московскому времени" / "tomorrow at 9:00 Moscow time": the visitor may live elsewhere. */
export function formatOpening(ms: number, lang: 'ru' | 'en', ctx: NoticeContext = {}): string {
  const tz = ctx.timeZone ?? 'Europe/Moscow';
  const at = localTime(tz, ms);
  const clock = clockTime(ms, tz);
  let day = lang === 'ru' ? `${at.date} ${MONTH.ru[at.month - 1]}` : `on ${at.date} ${MONTH.en[at.month - 1]}`;
  if (ctx.now !== undefined) {
    const today = localTime(tz, ctx.now);
    const days = Math.round((Date.UTC(at.year, at.month - 1, at.date) - Date.UTC(today.year, today.month - 1, today.date)) / 86_400_000);
    if (days === 0) day = lang === 'ru' ? 'сегодня' : 'today';
    else if (days === 1) day = lang === 'ru' ? 'завтра' : 'tomorrow';
    else if (days > 1 && days < 7) day = WEEKDAY[lang][at.day] ?? day;
  }
  const zone = zonePhrase(tz, lang, utcLabel(tz, ms));
  return lang === 'ru' ? `${day} в ${clock} ${zone}` : `${day} at ${clock} ${zone}`;
}

function utcLabel(timeZone: string, ms: number): string {
  const offset = Math.round(zoneOffset(timeZone, ms) / 60_000);
  if (offset === 0) return 'UTC';
  const h = Math.floor(Math.abs(offset) / 60);
  const m = Math.abs(offset) % 60;
  return `UTC${offset > 0 ? '+' : '−'}${h}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
}
