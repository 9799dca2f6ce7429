// Dates and date ranges, chrono-style: each mention keeps its index and text and
// marks which parts were read from the text and which were implied (a year-less
// date's year, taken from the nearest dated context).
import { parseChineseNumeral } from '../../core/numerals.js';
import { loadRules, rx, type RegexRule } from '../../core/rules.js';

export interface DateMention {
  start: number;
  end: number;
  text: string;
  year: number | null;
  month: number;
  day: number | null; // null: month-only or fuzzy (上旬, 月底) — not day-precise
  implied: { year: boolean };
  rule: string;
}

export interface DateRange {
  from: DateMention;
  to: DateMention;
  start: number;
  end: number;
}

interface DateRules { dates: RegexRule[]; range_dash_between: RegexRule; day_list: RegexRule; range_join: { between: RegexRule; after: RegexRule }; range_open: { before: RegexRule; after: RegexRule }; relative_year: RegexRule & { offsets: Record<string, number> } }
const rules = () => loadRules<DateRules>('dates.json');

const num = (s: string) => (/^\d+$/.test(s) ? Number(s) : parseChineseNumeral(s));

/**
 * What a date rule reads from its match (rules/dates.json): the year, month and day of its named
 * groups y, m, d; a rule without y reads no year (it is implied), one without m no month (0: the
 * date's before it gives it), one without d no day (to the month only).
 */
export function readDate(m: RegExpMatchArray): { year: number | null; month: number; day: number | null; yearRead: boolean } {
  const g = m.groups ?? {};
  return {
    year: g.y !== undefined ? num(g.y) : null,
    month: g.m !== undefined ? num(g.m)! : 0,
    day: g.d !== undefined ? num(g.d) : null,
    yearRead: g.y !== undefined,
  };
}

/** The date a mention states, as ISO 8601 writes one with parts missing: 2024-02-26, 2024-09, --05-16, --11, ---26. */
export function statedDate(d: { year: number | null; month: number; day: number | null }): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const y = d.year === null ? '-' : String(d.year);
  if (!d.month) return d.day === null ? y : `${y}--${two(d.day)}`;
  return `${y}-${two(d.month)}${d.day === null ? '' : `-${two(d.day)}`}`;
}

/** Between two days of one list (5月15日、16日): rules/dates.json day_list. */
export const dayListJoin = (between: string) => rx(rules().day_list).test(between);

export function findDates(text: string, from = 0, to = text.length): DateMention[] {
  const s = text.slice(from, to);
  const out: DateMention[] = [];
  const taken: Array<[number, number]> = [];
  for (const p of rules().dates) {
    for (const m of s.matchAll(rx(p))) {
      const a = m.index!;
      const b = a + m[0].length;
      if (taken.some(([x, y]) => a < y && b > x)) continue;
      const r = readDate(m);
      if (r.month > 12 || (r.day !== null && (r.day < 1 || r.day > 31))) continue;
      // fuzzy day words make it not day-precise: 9月上旬, 9月底
      const fuzzy = r.day === null;
      taken.push([a, b]);
      out.push({
        start: from + a, end: from + b, text: m[0],
        year: r.year, month: r.month, day: fuzzy ? null : r.day,
        implied: { year: !r.yearRead }, rule: p.id,
      });
    }
  }
  return out.sort((x, y) => x.start - y.start);
}

/** Fill in implied years (and a day-only date's month) from the nearest earlier dated mention. */
export function resolveYears(dates: DateMention[], fallbackYear: number | null = null): DateMention[] {
  let year = fallbackYear;
  let month = 0;
  for (const d of dates) {
    if (d.month === 0) d.month = month;
    if (d.year === null && year !== null) d.year = year;
    if (d.year !== null) year = d.year;
    if (d.month) month = d.month;
  }
  return dates;
}

/**
 * Year-less dates written after a year word relative to the page's own date (今年3月20日, 去年11月: rules/dates.json
 * relative_year): the page's year plus the word's offset. The year stays implied (no year is written).
 */
export function relativeYears(text: string, dates: DateMention[], pageYear: number | null): DateMention[] {
  if (pageYear === null) return dates;
  const r = rules().relative_year;
  for (const d of dates) {
    if (d.year !== null) continue;
    const word = rx(r).exec(text.slice(Math.max(0, d.start - 6), d.start))?.groups?.word;
    const offset = word === undefined ? undefined : r.offsets[word];
    if (offset !== undefined) d.year = pageYear + offset;
  }
  return dates;
}

/** Pair dates joined by 至/到/-/— into ranges (the end inherits year/month from the start). */
export function findRanges(text: string, dates: DateMention[]): DateRange[] {
  const r = rules();
  const out: DateRange[] = [];
  for (let i = 0; i + 1 < dates.length; i++) {
    const a = dates[i]!;
    const b = dates[i + 1]!;
    const between = text.slice(a.end, b.start);
    // 3月4日至4月26日, 3月4日起至4月26日, 3月4日-4月26日; 于D1进驻…，D2结束: an arrival and an end
    const arrival = rx(r.range_join.between).test(between) && rx(r.range_join.after).test(text.slice(b.end, b.end + 6));
    if (rx(r.range_dash_between).test(between) || arrival) {
      if (b.implied.year) b.year = a.year;
      if (b.month === 0) b.month = a.month;
      out.push({ from: a, to: b, start: a.start, end: b.end });
      i++;
    }
  }
  return out;
}

/** A start stated alone (自2024年4月8日起，…开展了为期两个月的常规巡察: rules/dates.json range_open): the first day-precise one, or null. */
export function findOpenStart(text: string, dates: DateMention[]): DateMention | null {
  const r = rules().range_open;
  return dates.find((d) => d.day !== null && rx(r.before).test(text.slice(Math.max(0, d.start - 3), d.start)) && rx(r.after).test(text.slice(d.end, d.end + 120))) ?? null;
}

export function iso(d: DateMention | null | undefined): string | null {
  if (!d || d.year === null || d.day === null || !d.month) return null;
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Is b before a in time (month/day compare, years ignored)? For year roll-over: feedback in Jan after a Dec inspection. */
export function earlierInYear(a: DateMention, b: DateMention): boolean {
  return b.month < a.month || (b.month === a.month && (b.day ?? 0) < (a.day ?? 0));
}
