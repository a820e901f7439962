/**
 * Dates: instants are Date objects (UTC inside) shown in Asia/Tokyo; date-only values are
 * ISO "YYYY-MM-DD" strings that never pass through a time zone. Fiscal years (年度) run
 * April–March; 和暦 comes from here and nowhere else.
 */
export const TIME_ZONE = "Asia/Tokyo";
const JST_OFFSET_MS = 9 * 60 * 60 * 1000; // Japan has no daylight saving time.

export type IsoDate = string; // YYYY-MM-DD

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): value is IsoDate {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

/** The calendar date in Tokyo at an instant. */
export function tokyoDate(instant: Date): IsoDate {
  return new Date(instant.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Tokyo wall-clock time occurs ("2027-04-01", "00:00"). */
export function tokyoInstant(date: IsoDate, time = "00:00:00"): Date {
  if (!isIsoDate(date)) throw new RangeError(`not an ISO date: ${date}`);
  if (!/^\d{2}:\d{2}(:\d{2})?$/.test(time)) throw new RangeError(`not a time hh:mm[:ss]: ${time}`);
  const full = time.length === 5 ? `${time}:00` : time;
  const ms = Date.parse(`${date}T${full}.000Z`);
  if (Number.isNaN(ms)) throw new RangeError(`not a time: ${time}`);
  return new Date(ms - JST_OFFSET_MS);
}

function parts(date: IsoDate) {
  const [y, m, d] = date.split("-").map(Number);
  return { y, m, d };
}

/** 年度: the fiscal year that contains a date (April 1 of N to March 31 of N+1 is N). */
export function fiscalYearOf(date: IsoDate): number {
  const { y, m } = parts(date);
  return m >= 4 ? y : y - 1;
}

export function fiscalYearAt(instant: Date): number {
  return fiscalYearOf(tokyoDate(instant));
}

export function fiscalYearRange(fy: number): { start: IsoDate; end: IsoDate; startsAt: Date; endsBefore: Date } {
  const start = `${fy}-04-01`;
  const end = `${fy + 1}-03-31`;
  return { start, end, startsAt: tokyoInstant(start), endsBefore: tokyoInstant(`${fy + 1}-04-01`) };
}

/**
 * The last day of something valid until an exclusive instant (a registration's validUntil is
 * April 1 00:00 JST; its last day is March 31), as the date shown. Accepts the ISO string a
 * loader sends.
 */
export function lastValidDay(validUntil: Date | string): IsoDate {
  return tokyoDate(new Date(new Date(validUntil).getTime() - 1));
}

/** Whole calendar days from one date to a later one: 2026-08-31 → 2026-09-01 is 1. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const a = parts(from);
  const b = parts(to);
  return Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / 86_400_000);
}

type Era = { ja: string; en: string; start: IsoDate; offset: number };
const ERAS: Era[] = [
  { ja: "令和", en: "Reiwa", start: "2019-05-01", offset: 2018 },
  { ja: "平成", en: "Heisei", start: "1989-01-08", offset: 1988 },
  { ja: "昭和", en: "Showa", start: "1926-12-25", offset: 1925 },
];

/** 和暦 of a date: 2019-05-01 → 令和元年5月1日. */
export function wareki(date: IsoDate): { era: string; eraEn: string; year: number; label: string } {
  const era = ERAS.find((e) => date >= e.start);
  if (!era) throw new RangeError(`before 昭和: ${date}`);
  const { y, m, d } = parts(date);
  const year = y - era.offset;
  return { era: era.ja, eraEn: era.en, year, label: `${era.ja}${year === 1 ? "元" : year}年${m}月${d}日` };
}

/**
 * 和暦 of a fiscal year. A 年度 is named by the era of its first day, except that
 * FY2019 (which began in 平成31年 April) is by custom called 令和元年度.
 */
export function fiscalYearLabel(fy: number, lang: "ja" | "en" = "ja"): string {
  if (lang === "en") return `FY${fy}`;
  const era = fy >= 2019 ? ERAS[0] : ERAS.find((e) => `${fy}-04-01` >= e.start)!;
  const year = fy - era.offset;
  return `${era.ja}${year === 1 ? "元" : year}年度`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(lang: string, options: Intl.DateTimeFormatOptions) {
  const key = lang + JSON.stringify(options);
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === "ja" ? "ja-JP" : "en-GB", { timeZone: TIME_ZONE, ...options });
    formatters.set(key, f);
  }
  return f;
}

/** An instant for display, in Tokyo time: 2026年11月24日 8:06 / 24 Nov 2026, 08:06. */
export function formatInstant(instant: Date | string, lang: "ja" | "en"): string {
  return formatter(lang, { dateStyle: "long", timeStyle: "short" }).format(new Date(instant));
}

/** A date-only value for display, without any time-zone arithmetic. */
export function formatIsoDate(date: IsoDate, lang: "ja" | "en"): string {
  const { y, m, d } = parts(date);
  if (lang === "ja") return `${y}年${m}月${d}日`;
  return formatter("en", { dateStyle: "long", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, d)));
}
