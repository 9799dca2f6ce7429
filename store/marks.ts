// Where every extracted value sits in a bulletin's text, for the web app's bulletin page: the
// problems, measures, status phrases, quantities, dates and other fields, and the declared
// totals, each with the field it fills and the rule that read it. Spans come from the record
// (issues, categories, quantities, field provenance, totals); measures and status phrases, which
// the record keeps as text, are found inside their problem's span.
import type { BulletinRecord } from '../core/record.js';
import { esc } from '../core/escape.js';

export type MarkKind = 'category' | 'problem' | 'measure' | 'status' | 'quantity' | 'field' | 'total';

export interface Mark { start: number; end: number; kind: MarkKind; field: string; rule: string; value?: string; /** index of the problem (problem marks) */ issue?: number; /** id of the element (a link target) */ anchor?: string }

/**
 * The marks of a record; with `range` [start, end), only those that overlap it (a page of a long
 * bulletin: the problems outside it are not looked into).
 */
export function marksOf(rec: BulletinRecord, range?: [number, number]): Mark[] {
  const marks: Mark[] = [];
  const inRange = (s: number, e: number) => !range || (s < range[1] && e > range[0]);
  const add = (m: Mark) => { if (m.end > m.start && inRange(m.start, m.end)) marks.push(m); };
  rec.categories.forEach((c, k) => add({ start: c.span[0], end: c.span[1], kind: 'category', field: `categories[${k}]`, rule: c.rule, value: c.title }));
  rec.issues.forEach((i, k) => {
    if (!inRange(i.span[0], i.span[1])) return;
    add({ start: i.span[0], end: i.span[1], kind: 'problem', field: `issues[${k}] (${i.number})`, rule: i.rule, value: i.problem, issue: k });
    const body = rec.text.slice(i.span[0], i.span[1]);
    // measures are in the problem's own paragraphs, or in its answer elsewhere (针对第N个问题：…)
    const mBase = i.answer_span ? i.answer_span[0] : i.span[0];
    const mBody = i.answer_span ? rec.text.slice(i.answer_span[0], i.answer_span[1]) : body;
    let from = 0;
    i.measures.forEach((m, n) => {
      const at = mBody.indexOf(m, from);
      if (at < 0) return;
      add({ start: mBase + at, end: mBase + at + m.length, kind: 'measure', field: `issues[${k}].measures[${n}]`, rule: i.rule });
      from = at + m.length;
    });
    if (i.status_phrase) {
      // where the status was decided (recorded by the issues stage); records from before it was recorded: found in the body
      const at = i.status_span ? i.status_span[0] - i.span[0] : body.lastIndexOf(i.status_phrase);
      const end = i.status_span ? i.status_span[1] : i.span[0] + at + i.status_phrase.length;
      if (i.status_span || at >= 0) add({ start: i.span[0] + at, end, kind: 'status', field: `issues[${k}].status = ${i.status}`, rule: i.status_rule ?? '', value: i.status });
    }
    i.quantities.forEach((q, n) => add({ start: q.span[0], end: q.span[1], kind: 'quantity', field: `issues[${k}].quantities[${n}] = ${q.value} ${q.unit}`, rule: q.rule, value: q.kind }));
  });
  rec.quantities.forEach((q, n) => add({ start: q.span[0], end: q.span[1], kind: 'quantity', field: `quantities[${n}] = ${q.value} ${q.unit}`, rule: q.rule, value: q.kind }));
  for (const [field, p] of Object.entries(rec.provenance.bulletin)) {
    if (p.span) add({ start: p.span[0], end: p.span[1], kind: 'field', field: `bulletin.${field}`, rule: p.rule });
  }
  for (const [key, list] of Object.entries(rec.provenance.summary)) {
    for (const p of list) add({ start: p.span[0], end: p.span[1], kind: 'total', field: `summary.${key} = ${rec.summary[key] ?? ''}`, rule: p.rule });
  }
  // outer before inner: by start, then the longer first
  return marks.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Marks cut to [start, end) and counted from `start` (those outside are left out): a page's marks. */
export function marksInPage(marks: Mark[], start: number, end: number): Mark[] {
  return marks.filter((m) => m.start < end && m.end > start).map((m) => ({ ...m, start: Math.max(m.start, start) - start, end: Math.min(m.end, end) - start }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
}


const KIND_LABEL: Record<MarkKind, string> = { category: '类别 category', problem: '问题 problem', measure: '措施 measure', status: '状态 status', quantity: '数量 quantity', field: '字段 field', total: '总数 total' };

/**
 * The text as HTML with every mark a <span> carrying its kind, field and rule (data attributes
 * and a title to hover). Marks nest; one that crosses the end of the mark it starts in is cut
 * there. Every piece of text is escaped.
 */
export function markedHtml(text: string, marks: Mark[]): string {
  let out = '';
  let pos = 0;
  const open: number[] = []; // ends of the open spans, innermost last
  const closeTo = (limit: number) => {
    while (open.length && open[open.length - 1]! <= limit) {
      const end = open.pop()!;
      out += esc(text.slice(pos, end)) + '</span>';
      pos = end;
    }
  };
  for (const m of marks) {
    closeTo(m.start);
    out += esc(text.slice(pos, m.start));
    pos = m.start;
    const end = open.length ? Math.min(m.end, open[open.length - 1]!) : m.end;
    if (end <= m.start) continue;
    out += `<span${m.anchor ? ` id="${esc(m.anchor)}"` : ''} class="mk mk-${m.kind}" data-kind="${esc(KIND_LABEL[m.kind])}" data-field="${esc(m.field)}" data-rule="${esc(m.rule)}" title="${esc(`${KIND_LABEL[m.kind]} · ${m.field} · ${m.rule}`)}">`;
    open.push(end);
  }
  closeTo(Infinity);
  out += esc(text.slice(pos));
  return out;
}
