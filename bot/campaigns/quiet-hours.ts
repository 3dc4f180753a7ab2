/**
 * Quiet hours: the part of the day, in a cluster's own time zone, when no campaign message goes
 * out. A window may span midnight (21:00–08:00); one whose ends are equal is empty.
 */

/** A local time of day, `HH:MM` on the 24-hour clock. */
export const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

export interface QuietHours {
  from: string;
  until: string;
}

/**
 * Reads `21:00-08:00` (as the configuration writes it); null when it is not two times of day.
 * @example parseQuietHours("21:00-08:00") // { from: "21:00", until: "08:00" }
 */
export function parseQuietHours(text: string): QuietHours | null {
  const [from, until, ...rest] = text.split("-").map((part) => part.trim());
  if (rest.length > 0 || !from || !until || !TIME_OF_DAY.test(from) || !TIME_OF_DAY.test(until)) return null;
  return { from, until };
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Formatting is the costly part of a time-zone lookup, and a sender asks about few zones. */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes since local midnight at `at` in `timeZone` (an IANA name such as `Asia/Kolkata`). */
export function localMinutes(at: Date, timeZone: string): number {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    formatters.set(timeZone, formatter);
  }
  let hour = 0;
  let minute = 0;
  for (const part of formatter.formatToParts(at)) {
    if (part.type === "hour") hour = Number(part.value);
    if (part.type === "minute") minute = Number(part.value);
  }
  return hour * 60 + minute;
}

/** Whether `at` falls in the quiet hours of a place in `timeZone`. */
export function isQuiet(at: Date, timeZone: string, hours: QuietHours): boolean {
  const from = minutesOf(hours.from);
  const until = minutesOf(hours.until);
  if (from === until) return false;
  const now = localMinutes(at, timeZone);
  return from < until ? now >= from && now < until : now >= from || now < until;
}
