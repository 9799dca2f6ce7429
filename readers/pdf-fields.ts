// A problem's fields set as a bordered two-column table in a PDF (问题类别 | X, 问题描述 | X, 整改措施 |
// 1.… 2.…, 责任科室 | X, 整改时限 | X, 整改状态 | X; a table per problem, one after another): its
// rows rebuilt from the text items' places, so the table is read as a Word or HTML table of
// fields is (readers/tables.ts, table-shapes.ts fieldTable) instead of as lines in which the
// labels run into the values they stand beside.
//
// The labels stand in a narrow column on the left, each a column header's words, at one x on the
// page; the values start at one x to their right. A label is set beside its value's first line or
// in the middle of its lines (a cell's contents centred), so a value's lines are placed by the
// gaps between them: lines of one cell follow at the line pitch, a cell's border and padding
// make a wider gap. A table goes on over a page break, even inside a cell: the first lines of
// the next page, before a wider gap, go on with the cell the page before ended in.
import { isPageNumber, startsParagraph } from '../core/vocabulary.js';
import { rx } from '../core/rules.js';
import { readerPatterns } from './reader-rules.js';
import { HEADER_MAX, headerRole } from './table-cells.js';
import { cellsOf, type TableRow } from './pdf-tables.js';
import type { Placed, Row } from './pdf-columns.js';

/** A cell of such a table as a page gives it: its label ('' for lines that go on with the page before's last cell) and its lines' items. */
export interface FieldCell<T> { label: string; lines: T[][]; /** lines going on with the last cell of the page before */ cont?: boolean; /** the first cell of a table */ first?: boolean }
/** A page's row, or the cell of a table of fields that took its place. */
export interface FieldRow<T extends Placed> extends TableRow<T> { field?: FieldCell<T> }
/** What a table of fields carries over a page break: where its labels and values stand, and its line pitch. */
export interface OpenFields { labelX: number; valueX: number; pitch: number; /** the labels the open table has given so far */ seen: string[] }

type Kind = 'label' | 'value' | 'skip' | 'other';

/** The labels' column on a page: the x most rows that start with a column's header words share, with the values' start; null for none. */
function columnOf<T extends Placed>(rows: Array<TableRow<T>>, open: OpenFields | null): { labelX: number; valueX: number } | null {
  const found: Array<{ x: number; right: number; next?: number }> = [];
  for (const r of rows) {
    if (r.cells) continue;
    const cs = cellsOf(r);
    if (cs.length && headerRole(cs[0]!.text) && (cs.length === 1 || cs[1]!.x - cs[0]!.right >= r.size)) found.push({ x: cs[0]!.x, right: cs[0]!.right, next: cs[1]?.x });
  }
  const at = (x: number) => found.filter((f) => Math.abs(f.x - x) <= 2);
  const best = open && at(open.labelX).length ? open.labelX : [...found].sort((a, b) => at(b.x).length - at(a.x).length)[0]?.x;
  if (best === undefined || (at(best).length < 3 && best !== open?.labelX)) return null;
  const nexts = at(best).map((f) => f.next).filter((x): x is number => x !== undefined);
  const valueX = nexts.length ? Math.min(...nexts) : open?.valueX;
  const right = Math.max(...at(best).map((f) => f.right));
  return valueX !== undefined && valueX > right ? { labelX: best, valueX } : null;
}

/** A page's rows with each table of fields on it rebuilt as its cells, and what goes on to the next page. */
export function fieldRows<T extends Placed>(rows: Array<TableRow<T>>, open: OpenFields | null): { rows: Array<FieldRow<T>>; open: OpenFields | null } {
  const column = columnOf(rows, open);
  if (!column) return { rows, open: null };
  const { labelX, valueX } = column;
  const solid = (r: Row<T>) => r.items.filter((i) => i.str.trim());
  // a label: short words at the labels' x, nothing else left of the values (a column's header words, or other words there)
  const labelOf = (r: TableRow<T>): string | null => {
    const cs = cellsOf(r);
    return !r.cells && cs.length && Math.abs(cs[0]!.x - labelX) <= 2 && cs[0]!.right < valueX && cs[0]!.text.length <= HEADER_MAX && cs.slice(1).every((c) => c.x >= valueX - 1.5) ? cs[0]!.text : null;
  };
  const kind = (r: TableRow<T>): Kind => {
    const cs = cellsOf(r);
    if (r.cells) return 'other';
    if (!cs.length || isPageNumber(cs.map((c) => c.text).join(' '))) return 'skip';
    if (labelOf(r) !== null) return 'label';
    return solid(r).every((i) => i.x >= valueX - 1.5) ? 'value' : 'other';
  };
  const kinds = rows.map(kind);
  const texts = rows.map((r) => labelOf(r) ?? '');
  const hasValue = (r: Row<T>) => solid(r).some((i) => i.x >= valueX - 1.5);
  // (words no column's header has are a label only when short words alone, beside a value or above a known label, so a
  // short line after the table, 特此通报, is none)
  for (let k = rows.length - 1, known = false; k >= 0; k--) {
    if (kinds[k] === 'other') known = false;
    if (kinds[k] !== 'label') continue;
    if (headerRole(texts[k]!)) { known = true; continue; }
    if (!/^[\u4e00-\u9fff]{2,8}$/.test(texts[k]!) || !(hasValue(rows[k]!) || known)) kinds[k] = 'other';
  }
  // a label wrapped onto a second line in its narrow column (整改 ⏎ 措施): one label
  for (let k = 0; k + 1 < rows.length; k++) {
    if (kinds[k] !== 'label' || kinds[k + 1] !== 'label' || headerRole(texts[k]!) || !headerRole(texts[k]! + texts[k + 1]!) || rows[k]!.y - rows[k + 1]!.y > rows[k]!.size * 2) continue;
    texts[k] += texts[k + 1]!;
    kinds[k + 1] = 'value';
  }
  const out: Array<FieldRow<T>> = [];
  let pitch = open?.pitch ?? Infinity;
  let carried = open !== null;
  let seen = new Set<string>(open?.seen ?? []);
  let nextOpen: OpenFields | null = null;
  for (let i = 0; i < rows.length; ) {
    if (kinds[i] === 'other' || kinds[i] === 'skip') { out.push(rows[i]!); carried = carried && kinds[i] === 'skip'; i++; continue; }
    let j = i;
    while (j < rows.length && kinds[j] !== 'other') j++;
    const keep = Array.from({ length: j - i }, (_, k) => i + k).filter((k) => kinds[k] !== 'skip');
    const run = keep.map((k) => rows[k]!);
    const runKinds = keep.map((k) => kinds[k]!);
    // (the line pitch: between lines of values, not a label set between two of them)
    const ys = run.filter(hasValue).map((r) => r.y);
    for (let k = 1; k < ys.length; k++) pitch = Math.min(pitch, ys[k - 1]! - ys[k]!);
    const read = readRun(run, runKinds, keep.map((k) => texts[k]!), valueX, pitch, carried);
    out.push(...read.before);
    for (const c of read.cells) {
      // (a label the table has given already starts the next table)
      if (!c.cont && (seen.has(c.label) || (!carried && c === read.cells[0]))) { c.field.first = true; seen = new Set(); }
      if (!c.cont) seen.add(c.label);
      out.push({ y: c.y, size: c.size, items: c.items, field: c.field });
    }
    out.push(...read.after);
    carried = false;
    // (a table that runs to the page's foot goes on on the next)
    nextOpen = read.cells.length && !read.after.length && kinds.slice(j).every((k) => k === 'skip') ? { labelX, valueX, pitch, seen: [...seen] } : null;
    i = j;
  }
  return { rows: out, open: nextOpen };
}

interface ReadCell<T extends Placed> { y: number; size: number; items: T[]; field: FieldCell<T>; cont?: boolean; label: string }

/**
 * One run of label and value rows: the cells it holds, the value rows before its first label
 * that are no part of it (or, `carried`, the lines going on with the page before's last cell),
 * and those after its last label that are no part of it.
 */
function readRun<T extends Placed>(run: Array<Row<T>>, kinds: Kind[], texts: string[], valueX: number, pitch: number, carried: boolean): { before: Array<Row<T>>; cells: Array<ReadCell<T>>; after: Array<Row<T>> } {
  const tight = (a: Row<T>, b: Row<T>) => a.y - b.y <= pitch * 1.15 + 1;
  const labels = kinds.flatMap((k, n) => (k === 'label' ? [n] : []));
  if (!labels.length) return carried ? { before: [], cells: [cellOf(run, '', valueX, true)], after: [] } : { before: run, cells: [], after: [] };
  const first = labels[0]!;
  const last = labels[labels.length - 1]!;
  // where each label's cell starts (its first row); the rows between two labels split at the widest gap
  const starts: number[] = [];
  let from = first;
  if (carried) {
    const gap = widest(run, 0, first);
    from = gap !== null && !tight(run[gap]!, run[gap + 1]!) ? gap + 1 : 0;
  } else while (from > 0 && tight(run[from - 1]!, run[from]!)) from--;
  starts.push(from);
  for (let n = 1; n < labels.length; n++) {
    const [a, b] = [labels[n - 1]!, labels[n]!];
    const gap = widest(run, a, b);
    starts.push(gap === null ? b : gap + 1);
  }
  let end = last + 1;
  while (end < run.length && tight(run[end - 1]!, run[end]!)) end++;
  const cells = labels.map((l, n) => cellOf(run.slice(starts[n], n + 1 < labels.length ? starts[n + 1] : end), texts[l]!, valueX, false));
  const head = carried && from > 0 ? [cellOf(run.slice(0, from), '', valueX, true)] : [];
  return { before: carried ? [] : run.slice(0, from), cells: [...head, ...cells], after: run.slice(end) };
}

/** The widest gap between rows a…b (a label's row and the next's, or the run's start and its first label): the row above it, or null with no row between. */
function widest<T extends Placed>(run: Array<Row<T>>, a: number, b: number): number | null {
  let best: number | null = null;
  for (let k = a; k < b; k++) if (best === null || run[k]!.y - run[k + 1]!.y > run[best]!.y - run[best + 1]!.y) best = k;
  return best;
}

/** A cell from its rows: the label's items left of the values, the value's lines right of them. */
function cellOf<T extends Placed>(rows: Array<Row<T>>, label: string, valueX: number, cont: boolean): ReadCell<T> {
  const lines = rows.map((r) => r.items.filter((i) => i.str.trim() && i.x >= valueX - 1.5)).filter((l) => l.length);
  const top = rows[0]!;
  return { y: top.y, size: top.size, items: rows.flatMap((r) => r.items), label, cont, field: { label, lines, ...(cont ? { cont } : {}) } };
}

/**
 * A cell's lines as its paragraphs, one a line of the result: a wrapped line joined to the one
 * before; a line starts a paragraph after a line that ends one when it reads as a paragraph's start
 * or goes on with the numbers the paragraphs before it start with (2.2024年引进… after 1.…；).
 */
export function cellParagraphs(lines: readonly string[]): string {
  const out: string[] = [];
  let n = 0;
  for (const raw of lines) {
    const t = raw.trim();
    if (!t) continue;
    const prev = out[out.length - 1];
    const num = /^(\d{1,2})[.\uff0e\u3001]/.exec(t);
    const next = !!num && Number(num[1]) === n + 1;
    if (prev === undefined || (rx(readerPatterns().pdf_paragraph_end).test(prev) && (startsParagraph(t) || next))) {
      out.push(t);
      n = num ? Number(num[1]) : n;
    } else out[out.length - 1] = prev + (/[A-Za-z0-9]$/.test(prev) && /^[A-Za-z0-9]/.test(t) ? ' ' : '') + t;
  }
  return out.join('\n');
}
