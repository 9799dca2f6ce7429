// The bulletin's dates: the inspection's range, the feedback and the as-of date, read from the
// opening (the range, the feedback) and from outside the problems (截至D), each with its span.
import { rx, pattern } from '../../core/rules.js';
import type { Doc } from '../../core/doc.js';
import type { Segmentation } from '../segment/segment.js';
import { findDates, findRanges, findOpenStart, resolveYears, relativeYears, iso, earlierInYear, dayListJoin, type DateMention, type DateRange } from './dates.js';
import { metadataRules } from './rules.js';

type DateField = 'inspection_start' | 'inspection_end' | 'feedback_date' | 'as_of_date';

export interface DatesRead {
  inspection_start: string | null;
  inspection_end: string | null;
  feedback_date: string | null;
  as_of_date: string | null;
  years_implied: DateField[];
  /** dates given to the month only (2023年9月至11月, 4月上旬), where the field stays null */
  approximate_dates?: Partial<Record<DateField, { value: string; part: string | null; text: string }>>;
  /** where each date was read */
  spans: Partial<Record<DateField, [number, number]>>;
}

/** Set a date field from a mention: its value, span, and whether its year was implied. */
function put(out: DatesRead, k: DateField, d: DateMention): void {
  out[k] = iso(d);
  out.spans[k] = [d.start, d.end];
  if (out[k] && d.implied.year) out.years_implied.push(k);
}

/** The inspection's range: the first date range of the opening (a range to the month only is kept as approximate dates). */
function inspectionRange(out: DatesRead, text: string, dates: DateMention[]): DateRange | undefined {
  const range = findRanges(text, dates)[0];
  if (!range) return range;
  if (range.to.year !== null && range.from.year !== null && earlierInYear(range.from, range.to) && range.to.implied.year) range.to.year = range.from.year + 1;
  put(out, 'inspection_start', range.from);
  put(out, 'inspection_end', range.to);
  // a range to the month only (2023年9月至11月, 4月上旬至5月下旬): the months, and the part of each written
  for (const [k, d] of [['inspection_start', range.from], ['inspection_end', range.to]] as const) {
    if (out[k] || d.year === null || !d.month) continue;
    (out.approximate_dates ??= {})[k] = { value: `${d.year}-${String(d.month).padStart(2, '0')}`, part: rx(metadataRules().date_part).exec(d.text)?.[0] ?? null, text: d.text };
  }
  return range;
}

/** No range: a start stated alone (自D起…开展了巡察) is the inspection's start, its end unknown. */
function openStart(out: DatesRead, text: string, dates: DateMention[]): DateRange | undefined {
  const d = findOpenStart(text, dates);
  if (!d) return undefined;
  put(out, 'inspection_start', d);
  return { from: d, to: d, start: d.start, end: d.end };
}

/** The feedback date: the first dated mention after the range in a clause that says 反馈. */
function feedbackDate(out: DatesRead, text: string, dates: DateMention[], opening: { from: number; to: number; rangeEnd: number | null }, context: DateMention | null): DateMention | null {
  const r = metadataRules();
  const { from, to, rangeEnd } = opening;
  for (const [k, d] of dates.entries()) {
    if ((rangeEnd !== null && d.start < rangeEnd) || d.day === null) continue;
    // the clause a date governs: up to the full stop or the next date
    const stop = pattern('[{{p.full_stop}}]', 'g');
    stop.lastIndex = d.end;
    const clauseEnd = stop.exec(text)?.index ?? -1;
    // a day list (5月15日、16日，巡察组分别…反馈): the clause runs past the list's other days
    let n = k + 1;
    while (dates[n] && dayListJoin(text.slice(dates[n - 1]!.end, dates[n]!.start))) n++;
    const nextDate = dates[n]?.start ?? to;
    const clause = text.slice(d.end, Math.min(clauseEnd < 0 ? to : clauseEnd, nextDate, to));
    // …the clause after the date says 反馈, or the words right before it do (巡察反馈会于8月23日召开)
    const saysBefore = rx(r.feedback_before).test(text.slice(Math.max(from, d.start - 12), d.start));
    if (!(rx(r.feedback).test(clause) || saysBefore) || rx(r.as_of_before).test(text.slice(Math.max(0, d.start - 3), d.start))) continue;
    if (context && d.implied.year && context.year !== null) d.year = earlierInYear(context, d) ? context.year + 1 : context.year;
    put(out, 'feedback_date', d);
    return d;
  }
  return null;
}

/** 截至D: the progress date, first outside the problems (a year-less one dated from the context before it). */
function asOfDate(out: DatesRead, text: string, outsideIssues: Array<{ text: string; start: number }>, context: DateMention | null): void {
  for (const piece of outsideIssues) {
    for (const m of piece.text.matchAll(rx(metadataRules().as_of, 'g'))) {
      const at = piece.start + m.index! + m[0].length;
      const d = findDates(text, at, Math.min(text.length, at + 14))[0];
      if (!d || d.start !== at) continue;
      if (d.implied.year) {
        if (context?.year != null) d.year = earlierInYear(context, d) ? context.year + 1 : context.year;
        else d.year = resolveYears(findDates(text, 0, at)).filter((x) => x.year !== null).pop()?.year ?? null;
      }
      put(out, 'as_of_date', d);
      return;
    }
  }
}

/**
 * `published`: the page's own date (ISO), where known; a year word relative to it (今年3月20日 in a news
 * re-post) dates what follows it.
 */
export function datesOf(doc: Doc, seg: Segmentation, outsideIssues: Array<{ text: string; start: number }>, published: string | null = null): DatesRead {
  const text = doc.text;
  const open = seg.opening;
  const out: DatesRead = { inspection_start: null, inspection_end: null, feedback_date: null, as_of_date: null, years_implied: [], spans: {} };
  if (!open.length) return out;
  const from = open[0]!.start;
  const to = open[open.length - 1]!.end;
  // a year stated on its own before any date (按照2024年度巡察工作计划，3月25日至5月10日) dates what follows
  const yearOnly = rx(metadataRules().year_in_opening).exec(text.slice(from, to));
  const pageYear = published && /^\d{4}-/.test(published) ? Number(published.slice(0, 4)) : null;
  const dates = resolveYears(relativeYears(text, findDates(text, from, to), pageYear), yearOnly ? Number(yearOnly[1]) : null);
  const range = inspectionRange(out, text, dates) ?? openStart(out, text, dates);
  const feedback = feedbackDate(out, text, dates, { from, to, rangeEnd: range?.end ?? null }, range?.to ?? null);
  asOfDate(out, text, outsideIssues, feedback ?? range?.to ?? null);
  return out;
}
