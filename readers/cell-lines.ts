// A ledger copied out of a PDF with every table cell on its own line (or lines): the header's cells
// one a line (序号 ⏎ 问题类别 ⏎ 存在问题 ⏎ 整改措施 ⏎ 责任单位 ⏎ 完成时限 ⏎ 整改状态), then each row from
// its number, a bare number alone on its line counting up, its cells following in the columns' order,
// a long cell wrapped over lines at its column's width, and between rows a page number and the header
// printed again at the top of a page. Rewritten as tab-separated rows, so it is read as a pasted
// spreadsheet is (readers/tables.ts textLedgers): a measures cell's paragraphs (1. 2. 一是) kept apart.
//
// Which lines are which cell: a cell's lines but its last fill the column (a wrap), so a short line
// inside a cell is only the end of a paragraph in a long text before the next one's marker; a status
// cell reads as a status, a deadline's as a date or a deadline word (rules/readers.json deadline_cell),
// an owner's holds no sentence; the widths the other rows give each column bound the cell's lines.
// Of the ways to cut a row's lines into its cells, the one that breaks fewest of these is taken.
import { rx } from '../core/rules.js';
import { isPageNumber, startsParagraph, structureRules } from '../core/vocabulary.js';
import { readerPatterns, type Role } from './reader-rules.js';
import { HEADER_MAX, cellStatus, headerRole } from './table-cells.js';

/** Display width: ASCII and Latin one column, CJK characters and full-width forms (— “ ” too) two, as a PDF sets them. */
export function widthOf(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.codePointAt(0)! < 0x1100 ? 1 : 2;
  return w;
}

/** A line at least this share of its cell's widest line fills its column (a wrap); a shorter one ends its text there. */
const FULL = 0.75;
/** The cost of an empty cell (a cell the copy has no line for); less in a column no role names (备注), the one most often left blank. */
const EMPTY = 1.5;
const EMPTY_OTHER = 1.25;
/** The most lines a row is read over: more is no row of a ledger. */
const ROW_MAX = 120;

const BARE = /^\d{1,3}$/;
const CLAUSE_END = /[\u3002\uff1b\uff1a;:]$/;
const SENTENCE = /[\u3002\uff1b\uff1a;]/;

/** Does a line start a paragraph: a list marker (1. 2.2023年 2、2023年 一是 （一） ①) or a field label. */
function starts(line: string): boolean {
  if (startsParagraph(line)) return true;
  const m = rx(structureRules().series).exec(line);
  return !!m && m.index === 0;
}

const isDeadline = (v: string) => rx(readerPatterns().deadline_cell).test(v);

/** The header: lines of column names from one naming the rows' number (序号), up to the first row's number; null where there is none. */
function headerAt(lines: string[], i: number): string[] | null {
  if (headerRole(lines[i]!) !== 'no') return null;
  const head: string[] = [];
  let j = i;
  for (; j < lines.length && head.length < 12; j++) {
    const l = lines[j]!;
    if (BARE.test(l)) break;
    if (l.length > HEADER_MAX || SENTENCE.test(l) || /\d/.test(l)) return null;
    // (a column with a name no role has: a short one, between columns that have)
    if (!headerRole(l) && l.length > 6) return null;
    head.push(l);
  }
  const roles = head.map(headerRole);
  if (j >= lines.length || roles.filter(Boolean).length < 3 || !roles.includes('problem') || !roles.includes('measures')) return null;
  if (new Set(roles.filter(Boolean)).size !== roles.filter(Boolean).length) return null;
  return head;
}

/** A row's line as the cut reads it: its text, its width, whether it starts a paragraph, ends a clause. */
interface Line { t: string; w: number; starts: boolean; ends: boolean }
const lineOf = (t: string): Line => ({ t, w: widthOf(t), starts: starts(t), ends: CLAUSE_END.test(t) });

/** How far a cell's lines break what a cell of its column is: 0 for none (see the file's head). */
function cellCost(role: Role | null, ls: Line[], wide: number | undefined): number {
  if (!ls.length) return role === null ? EMPTY_OTHER : EMPTY;
  const max = Math.max(...ls.map((l) => l.w));
  const long = role === null || role === 'problem' || role === 'measures' || role === 'outcome';
  let cost = 0;
  for (let i = 0; i < ls.length - 1; i++) {
    const next = ls[i + 1]!.starts;
    if (ls[i]!.w >= FULL * max) {
      // (a full line before a marker, ending no clause: rather the end of a cell before the next one's list)
      if (next && !ls[i]!.ends) cost += 0.25;
      continue;
    }
    // a short line inside a cell: a paragraph's end, before the next paragraph's marker
    if (!(long && next && (ls[i]!.ends || ls[0]!.starts))) cost += 1;
  }
  if (role === 'status' || role === 'deadline' || role === 'owner') {
    const text = ls.map((l) => l.t).join('');
    if (role === 'status' && cellStatus(text) === null) cost += 1;
    if (role === 'deadline' && !isDeadline(text)) cost += 1;
    if (role === 'owner' && (SENTENCE.test(text) || ls[0]!.starts)) cost += 1;
  }
  if (wide !== undefined && max > wide * 1.2 + 4) cost += 1;
  return cost;
}

/** A row's lines cut into its cells (after the number), the cut that costs least; each cell its lines. */
function cut(ls: Line[], roles: Array<Role | null>, widths: Array<number | undefined>): { cells: Line[][]; cost: number } {
  const k = roles.length;
  const n = ls.length;
  // best[c][i]: the least cost of lines 0..i in cells 0..c-1; from[c][i]: where cell c-1 starts
  const best: number[][] = Array.from({ length: k + 1 }, () => new Array(n + 1).fill(Infinity));
  const from: number[][] = Array.from({ length: k + 1 }, () => new Array(n + 1).fill(0));
  best[0]![0] = 0;
  for (let c = 0; c < k; c++) {
    for (let i = 0; i <= n; i++) {
      if (best[c]![i] === Infinity) continue;
      for (let j = i; j <= n; j++) {
        const v = best[c]![i]! + cellCost(roles[c]!, ls.slice(i, j), widths[c]);
        if (v < best[c + 1]![j]!) { best[c + 1]![j] = v; from[c + 1]![j] = i; }
      }
    }
  }
  const cells: Line[][] = [];
  for (let c = k, j = n; c > 0; c--) { const i = from[c]![j]!; cells.unshift(ls.slice(i, j)); j = i; }
  return { cells, cost: best[k]![n]! };
}

/** Lines joined where a wrap broke them: no space, but between two Latin letters. */
const joinWrapped = (ls: string[]) => ls.reduce((acc, l) => (acc && /[A-Za-z]$/.test(acc) && /^[A-Za-z]/.test(l) ? `${acc} ${l}` : acc + l), '');

/** A cell's text: its lines joined; a measures (or results) cell's paragraphs kept apart, written as <br> (readers/table-cells.ts cellBreaks). */
function cellText(role: Role | null, ls: Line[]): string {
  if (role !== 'measures' && role !== 'outcome') return joinWrapped(ls.map((l) => l.t));
  const max = Math.max(0, ...ls.map((l) => l.w));
  const paras: string[][] = [];
  ls.forEach((l, i) => {
    const fresh = i === 0 || (l.starts && (ls[i - 1]!.w < FULL * max || ls[i - 1]!.ends));
    if (fresh) paras.push([l.t]); else paras[paras.length - 1]!.push(l.t);
  });
  return paras.map(joinWrapped).join('<br>');
}

interface Ledger { head: string[]; rows: string[][]; end: number }
/** A row's lines, each with where it stands in the text's lines. */
type Row = Array<Line & { at: number }>;

/** The rows from line `at` (the first row's number) on; each row's lines, the page numbers and repeated header between them dropped. */
function rowLines(lines: string[], head: string[], at: number): { rows: Row[]; numbers: number[] } {
  const rows: Row[] = [];
  const numbers: number[] = [];
  let no = Number(lines[at]);
  const isHead = (k: number) => head.every((h, d) => lines[k + d] === h);
  for (let i = at; i < lines.length && lines[i] === String(no); no++) {
    const row: Row = [];
    numbers.push(i);
    for (i++; i < lines.length && lines[i] !== String(no + 1) && row.length < ROW_MAX; i++) {
      if (isPageNumber(lines[i]!)) continue;
      if (isHead(i)) { i += head.length - 1; continue; }
      // (another table's header, or this one's not printed whole: the table ends)
      if (lines[i] === head[0]) break;
      row.push({ ...lineOf(lines[i]!), at: i });
    }
    rows.push(row);
  }
  return { rows, numbers };
}

/** The ledger whose header starts at line `i` of `lines` (no blank lines), or null. */
function ledgerAt(lines: string[], i: number): Ledger | null {
  const head = headerAt(lines, i);
  if (!head) return null;
  const roles = head.slice(1).map(headerRole);
  const { rows, numbers } = rowLines(lines, head, i + head.length);
  if (rows.length < 2 || rows.slice(0, -1).some((r) => r.length >= ROW_MAX)) return null;
  // the rows but the last end at the next row's number: their cuts give each column's width, where a cell of it
  // wrapped (a cell of one line says only that the column is no narrower)
  const last = rows.pop()!;
  const first = rows.map((r) => cut(r, roles, []));
  const wrapped = (c: number) => first.filter((f) => f.cost === 0 && f.cells[c]!.length > 1).flatMap((f) => f.cells[c]!.map((l) => l.w));
  const widths = roles.map((_, c) => Math.max(0, ...wrapped(c)) || undefined);
  const cells = rows.map((r) => cut(r, roles, widths).cells);
  // the last row ends where its cut costs least (the text after the table is no cell of it), of equal cuts the longest;
  // it has no more lines than the longest row but a few, none wider than the rows' widest
  const widest = Math.max(...rows.flat().map((l) => l.w));
  let stop = 0;
  while (stop < last.length && stop < Math.max(...rows.map((r) => r.length)) + 4 && last[stop]!.w <= widest * 1.15) stop++;
  let end = { cells: [] as Line[][], cost: Infinity, m: 0 };
  for (let m = Math.min(1, stop); m <= stop; m++) {
    const c = cut(last.slice(0, m), roles, widths);
    if (c.cost <= end.cost) end = { ...c, m };
  }
  cells.push(end.cells);
  const number = Number(lines[i + head.length]);
  const body = cells.map((r, k) => [String(number + k), ...r.map((ls, c) => cellText(roles[c]!, ls))]);
  // (where the table ends: at the last row's first line left over, else after its last line, or its number)
  const after = last.length ? last[last.length - 1]!.at + 1 : numbers[numbers.length - 1]! + 1;
  return { head, rows: body, end: end.m < last.length ? last[end.m]!.at : after };
}

/**
 * Ledgers copied with a cell a line → tab-separated rows under their header (a measures cell's
 * paragraphs separated by <br>); page numbers and the header repeated between rows dropped. Text
 * with no such ledger stays as it is.
 */
export function cellLines(text: string): string {
  if (!/^\s*\d{1,3}\s*$/m.test(text)) return text;
  const all = text.split(/\r?\n/);
  // the lines with text, each with where it stands
  const at: number[] = [];
  all.forEach((l, k) => { if (l.trim()) at.push(k); });
  const lines = at.map((k) => all[k]!.trim());
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < lines.length; i++) {
    const ledger = headerRole(lines[i]!) === 'no' ? ledgerAt(lines, i) : null;
    if (!ledger) continue;
    out.push(...all.slice(from, at[i]));
    out.push(ledger.head.join('\t'), ...ledger.rows.map((r) => r.join('\t')));
    from = ledger.end < lines.length ? at[ledger.end]! : all.length;
    i = ledger.end - 1;
  }
  if (!out.length && from === 0) return text;
  out.push(...all.slice(from));
  return out.join('\n');
}
