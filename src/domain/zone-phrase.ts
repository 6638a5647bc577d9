/**
 * The time zone said the way a person says it: "по московскому времени", "Moscow time". A
 * Russian names a zone of Russia by its city's adjective; anyone names other zones by their
 * city ("London time"), and only a zone without a city gets its UTC offset.
 */
const RU_ADJECTIVE: Record<string, string> = {
  'Europe/Moscow': 'московскому', 'Europe/Kaliningrad': 'калининградскому', 'Europe/Samara': 'самарскому',
  'Asia/Yekaterinburg': 'екатеринбургскому', 'Asia/Omsk': 'омскому', 'Asia/Novosibirsk': 'новосибирскому',
  'Asia/Krasnoyarsk': 'красноярскому', 'Asia/Irkutsk': 'иркутскому', 'Asia/Yakutsk': 'якутскому',
  'Asia/Vladivostok': 'владивостокскому', 'Asia/Magadan': 'магаданскому', 'Asia/Kamchatka': 'камчатскому',
  'Europe/Minsk': 'минскому', 'Asia/Almaty': 'алматинскому',
};

/** "по московскому времени" / "Moscow time"; `offsetLabel` ("UTC+2") when the zone has no city name. */
export function zonePhrase(timeZone: string, lang: 'ru' | 'en', offsetLabel: string): string {
  const adjective = RU_ADJECTIVE[timeZone];
  if (lang === 'ru') return adjective ? `по ${adjective} времени` : `по времени ${offsetLabel}`;
  const city = timeZone.includes('/') ? timeZone.split('/').at(-1)!.replace(/_/g, ' ') : null;
  return city ? `${city} time` : offsetLabel;
}

/** "9:00": the hour and minute in the zone, from Intl (no leading zero, 24-hour clock). */
export function clockTime(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(ms);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  return `${hour}:${parts.find((p) => p.type === 'minute')?.value ?? '00'}`;
}
