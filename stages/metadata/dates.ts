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

const N = '(\\d{1,4}|[〇零一二三四五六七八九十]{1,4})';
const num = (s: string | undefined) => (s === undefined ? null : /^\d+$/.test(s) ? Number(s) : parseChineseNumeral(s));

// Ordered parsers: first the full and garbled forms, then partial ones.
const PARSERS: Array<{ id: string; re: RegExp; example: string; read: (m: RegExpExecArray) => Omit<DateMention, 'start' | 'end' | 'text' | 'rule' | 'implied'> & { yearRead: boolean } | null }> = [
  {
    id: 'date.ymd',
    example: '2024年2月26日',
    re: new RegExp(`${N}年${N}月${N}[日号]`, 'g'),
    read: (m) => ({ year: num(m[1]), month: num(m[2])!, day: num(m[3]), yearRead: true }),
  },
  {
    id: 'date.iso',
    example: '2024-09-02 / 2024.9.2 / 2024/9/2',
    re: /(?<![\d.])(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?![\d])/g,
    read: (m) => ({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), yearRead: true }),
  },
  {
    id: 'date.garbled',
    example: '2024717日 (年/月 lost: 2024-07-17)',
    re: /(?<!\d)(20\d{2})(\d{1,2})(\d{2})日/g,
    read: (m) => {
      // the month is the 1–2 digits left after the year and the 2-digit day
      const month = Number(m[2]);
      return month >= 1 && month <= 12 ? { year: Number(m[1]), month, day: Number(m[3]), yearRead: true } : null;
    },
  },
  {
    id: 'date.ym',
    example: '2024年9月 / 2024年9月底',
    re: new RegExp(`${N}年${N}月(?![\\d〇零一二三四五六七八九十])(?:上旬|中旬|下旬|初|底|末)?`, 'g'),
    read: (m) => ({ year: num(m[1]), month: num(m[2])!, day: null, yearRead: true }),
  },
  {
    id: 'date.md',
    example: '5月16日 / 同年5月20日',
    // (not the month of a date whose year was read: 2024年5月16日 is date.ymd's)
    re: new RegExp(`(?<![\\d〇零一二三四五六七八九十]年)(?<!\\d)${N}月${N}[日号]`, 'g'),
    read: (m) => ({ year: null, month: num(m[1])!, day: num(m[2]), yearRead: false }),
  },
  {
    id: 'date.garbled_md',
    example: '830日 (after a garbled start date: 08-30)',
    re: /(?<=[至到\-—~～])(\d)(\d{2})日/g,
    read: (m) => ({ year: null, month: Number(m[1]), day: Number(m[2]), yearRead: false }),
  },
  {
    id: 'date.m',
    example: '…至11月 / …至5月下旬 (a month only, after a range dash)',
    re: /(?<=[至到\-—~～]\s*)(\d{1,2})月(?![\d份]|\d*[日号])(?:上旬|中旬|下旬|初|底|末)?/g,
    read: (m) => ({ year: null, month: Number(m[1]), day: null, yearRead: false }),
  },
  {
    id: 'date.d',
    example: '…至26日 (day only, after a range dash)',
    re: /(?<=[至到\-—~～、])(\d{1,2})[日号]/g,
    read: (m) => ({ year: null, month: 0, day: Number(m[1]), yearRead: false }),
  },
];

export function findDates(text: string, from = 0, to = text.length): DateMention[] {
  const s = text.slice(from, to);
  const out: DateMention[] = [];
  const taken: Array<[number, number]> = [];
  for (const p of PARSERS) {
    p.re.lastIndex = 0;
    for (const m of s.matchAll(p.re)) {
      const a = m.index!;
      const b = a + m[0].length;
      if (taken.some(([x, y]) => a < y && b > x)) continue;
      const r = p.read(m as unknown as RegExpExecArray);
      if (!r || r.month > 12 || (r.day !== null && (r.day < 1 || r.day > 31))) continue;
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

let joinRes: { between: RegExp; after: RegExp } | null = null;
/** 于D1进驻…，D2结束: an arrival and an end (rules/metadata.json range_join) */
const joins = () => (joinRes ??= (() => { const j = loadRules<{ range_join: { between: RegexRule; after: RegexRule } }>('metadata.json').range_join; return { between: rx(j.between), after: rx(j.after) }; })());

/** Pair dates joined by 至/到/-/— into ranges (the end inherits year/month from the start). */
export function findRanges(text: string, dates: DateMention[]): DateRange[] {
  const out: DateRange[] = [];
  for (let i = 0; i + 1 < dates.length; i++) {
    const a = dates[i]!;
    const b = dates[i + 1]!;
    const between = text.slice(a.end, b.start);
    // 3月4日至4月26日, 3月4日起至4月26日, 3月4日-4月26日
    const arrival = joins().between.test(between) && joins().after.test(text.slice(b.end, b.end + 6));
    if (/^\s*(?:起|开始)?\s*(至|到|-|—|－|~|～|—至)\s*$/.test(between) || arrival) {
      if (b.implied.year) b.year = a.year;
      if (b.month === 0) b.month = a.month;
      out.push({ from: a, to: b, start: a.start, end: b.end });
      i++;
    }
  }
  return out;
}

export function iso(d: DateMention | null | undefined): string | null {
  if (!d || d.year === null || d.day === null || !d.month) return null;
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Is b before a in time (month/day compare, years ignored)? For year roll-over: feedback in Jan after a Dec inspection. */
export function earlierInYear(a: DateMention, b: DateMention): boolean {
  return b.month < a.month || (b.month === a.month && (b.day ?? 0) < (a.day ?? 0));
}
