// Tables in DOCX and HTML bulletins: flattened row by row; a rectification ledger
// (整改台账: 序号 | 问题 | 整改措施 | 完成情况 …) is rewritten as labelled paragraphs
// (N.问题：… / 整改措施：… / 整改状态：…) so the problems in it are read like any others. What a
// cell says is read in table-cells.ts, the other shapes of table in table-shapes.ts, a header over
// two rows or more and the columns a mark ticks (已完成 | 正在推进 | 长期坚持) in table-headers.ts.

import { pattern, punct, rx } from '../core/rules.js';
import { readerPatterns, type Role } from './reader-rules.js';
import { boxTables } from './box-tables.js';
import { spacedLedgers } from './spaced-tables.js';
import { cellLines } from './cell-lines.js';
import { footnotes } from './md-footnotes.js';
import { cellBreaks, cellMeasures, combineStatus, headerRole, label, oneText, punctEnd, roleOf, statusCell } from './table-cells.js';
import { fieldTable, figuresTable, isFigures, labelledPairs, measuresTable, statusTable } from './table-shapes.js';
import { markedStatus, tableHeader } from './table-headers.js';

export { cellMeasures, headerRole } from './table-cells.js';
export { spacedLedgers } from './spaced-tables.js';

/** A table cell as a reader sees it: its text and how far it spans (rowspan/colspan, Word's vMerge/gridSpan). */
export interface TableCell { text: string; rowspan?: number; colspan?: number; /** Word: continues the cell above (vMerge without restart) */ continues?: boolean }

/**
 * Rows of cells with spans → a rectangular grid of texts: a cell spanning rows or columns (HTML
 * rowspan/colspan, Word's vertical merge and gridSpan) fills every position it covers, so a
 * category merged down its first column stands beside each problem it holds.
 */
export function gridOf(rows: TableCell[][]): string[][] {
  const grid: string[][] = [];
  const taken: boolean[][] = [];
  rows.forEach((row, r) => {
    grid[r] ??= [];
    taken[r] ??= [];
    let c = 0;
    for (const cell of row) {
      while (taken[r]![c]) c++;
      const span = Math.max(1, Math.min(cell.colspan ?? 1, 64));
      const down = Math.max(1, Math.min(cell.rowspan ?? 1, rows.length - r));
      const text = cell.continues && r > 0 ? grid[r - 1]![c] ?? '' : cell.text;
      for (let dr = 0; dr < down; dr++) {
        grid[r + dr] ??= [];
        taken[r + dr] ??= [];
        for (let dc = 0; dc < span; dc++) { grid[r + dr]![c + dc] = text; taken[r + dr]![c + dc] = true; }
      }
      c += span;
    }
  });
  const width = Math.max(0, ...grid.map((g) => g.length));
  return grid.map((g) => Array.from({ length: width }, (_, k) => g[k] ?? ''));
}

/**
 * How many rows at a table's top are its header: a ledger's header row, the rows above it and the
 * rows under it that are headers too (完成情况 over 已完成 | 正在推进: table-headers.ts); 1 for another table.
 */
export function headerRows(grid: string[][]): number {
  const at = grid.findIndex((r) => r.some((c) => headerRole(c) === 'problem') && r.some((c) => headerRole(c) === 'measures'));
  return at < 0 ? Math.min(1, grid.length) : at + tableHeader(grid, at).depth;
}

/** What a table is read with besides its rows. */
export interface TableContext {
  /** what each row cites (a Markdown footnote's text, by the row's index): a note of its problem */
  notes?: ReadonlyArray<readonly string[] | undefined>;
  /** the category the tables before this one left (a table of one problem's fields repeating its category says it once) */
  shared?: { category?: string };
}

/** Rows of cells → lines. A ledger becomes labelled paragraphs; any other table, one line per row. */
export function tableLines(rows: string[][], { notes = [], shared }: TableContext = {}): string[] {
  const kept = rows.map((r, k) => ({ r: r.map((c) => cellBreaks(c).replace(/[ \t]+/g, ' ').replace(/ *\n */g, '\n').trim()), notes: notes[k] ?? [] })).filter(({ r }) => r.some(Boolean));
  const clean = kept.map(({ r }) => r);
  // (a cell merged across columns stands once: the grid repeats its text in every column it covers)
  const flat = (r: string[]) => r.filter((c, i) => c && c !== r[i - 1]).join(' ').replace(/\n/g, ' ');
  const fields = fieldTable(clean, shared) ?? labelledPairs(clean) ?? statusTable(clean) ?? figuresTable(clean);
  if (fields) return fields;
  const headerAt = clean.findIndex((r) => r.some((c) => headerRole(c) === 'problem') && r.some((c) => headerRole(c) === 'measures'));
  if (headerAt < 0) return measuresTable(clean) ?? clean.map(flat);
  // (a header over two rows or more: 完成情况 over 已完成 | 正在推进 | 长期坚持, table-headers.ts)
  const head = tableHeader(clean, headerAt);
  const col: Partial<Record<Role, number>> = {};
  head.roles.forEach((role, i) => {
    // (a status value's column is read for its marks, not as the status column)
    if (role && col[role] === undefined && !head.marks.some((m) => m.col === i)) col[role] = i;
  });
  // (a second column of measures' words after the measures, 整改措施 | … | 整改情况, where none is named the status: the progress, a status)
  const progress = head.roles.findIndex((role, i) => role === 'measures' && i > col.measures! && !head.marks.some((m) => m.col === i));
  if (col.status === undefined && progress > 0) col.status = progress;
  // (a row of one text above the header, a sheet's title or prose merged across: its lines, each a paragraph)
  const out = clean.slice(0, headerAt).flatMap((r) => (oneText(r) ? (r.find(Boolean) ?? '').split('\n') : [flat(r)]));
  let n = 0;
  let category = '';
  let open: LedgerProblem | null = null;
  const close = () => { if (open) out.push(...problemLines(open)); open = null; };
  const cell = (r: string[], role: Role) => (col[role] !== undefined ? (r[col[role]!] ?? '') : '');
  const body = kept.slice(headerAt + head.depth);
  body.forEach(({ r, notes: cited }, k) => {
    const filled = r.filter(Boolean);
    // a merged row (full width, or one cell filled): a category, where problems follow it (else a note under the ledger)
    if (filled.length <= 1 || new Set(filled).size === 1) {
      close();
      if (!filled[0]) return;
      if (!body.slice(k + 1).some((x) => problemRow(x.r, col))) { out.push(flat(r)); return; }
      category = filled[0].replace(/\n/g, ' ');
      out.push(`${label().category}${category}`);
      return;
    }
    const problem = cell(r, 'problem');
    if (!problemRow(r, col)) { close(); out.push(totalsRow(r) ? totalsLine(r) : flat(r)); return; }
    // a category column (问题类别, or merged down the rows): a new value starts a category
    const cat = cell(r, 'category').replace(/\n/g, ' ');
    // one problem over several rows, one measure each (its cell spanned down them, repeated on the grid): its rows
    // add measures, progress, results and deadlines, read together when the problem closes
    const same = open !== null && open.problem === problem && (!cat || cat === category) && cell(r, 'no') === open.printed;
    if (!same) {
      close();
      // (a category column left empty under a full-width category row keeps that row's category)
      if (cat && cat !== category) { out.push(`${label().category}${cat}`); category = cat; }
      n++;
      const printed = cell(r, 'no');
      open = { no: /^\d+$/.test(printed) ? printed : String(n), printed, problem, measures: [], outcomes: [], statuses: [], deadlines: [], notes: [] };
    }
    const o: LedgerProblem = open!;
    if (cell(r, 'measures')) o.measures.push(...cellMeasures(cell(r, 'measures')));
    o.outcomes.push(cell(r, 'outcome').replace(/\n/g, ''));
    o.statuses.push(markedStatus(r, head.marks) || statusCell(cell(r, 'status')));
    o.deadlines.push(cell(r, 'deadline').replace(/\n/g, ''));
    o.notes.push(...cited);
  });
  close();
  return out;
}

/**
 * Is a ledger's row a problem's: its problem cell filled, and the row no totals row (合计 | 14个问题 | …:
 * rules/readers.json totals_row) nor one merged across the numbering and the problem (填表人：X | 联系电话：…).
 */
function problemRow(r: string[], col: Partial<Record<Role, number>>): boolean {
  const at = (role: Role) => (col[role] !== undefined ? (r[col[role]!] ?? '') : '');
  const problem = at('problem');
  return !!problem && !totalsRow(r) && problem !== at('no') && problem !== at('category');
}

/** A ledger's totals row: its first cell a totals word alone (合计, 总计: rules/readers.json totals_row). */
const totalsRow = (r: string[]) => rx(readerPatterns().totals_row).test((r.find(Boolean) ?? '').replace(/\s+/g, ''));

/** A totals row as a line: the totals word as a label, its cells' figures after it as clauses (合计：共14个问题；已完成11个；…). */
function totalsLine(r: string[]): string {
  const cells = r.filter((c, i) => c && c !== r[i - 1]).flatMap((c) => c.split('\n')).map((c) => c.trim()).filter(Boolean);
  const head = cells[0]!.replace(pattern('[{{p.colon}}]$'), '');
  return `${head}${punct('colon').charAt(0)}${cells.slice(1).join(punctEnd())}`;
}

/** A ledger's problem as read from its row (or rows, one a measure): each row's cells, read together as the problem's when it closes. */
interface LedgerProblem { no: string; printed: string; problem: string; measures: string[]; outcomes: string[]; statuses: string[]; deadlines: string[]; notes: string[] }

/** Ends each line but the last with a ；where it has no stop of its own, so no line is joined onto the one before. */
const ended = (lines: string[]) => lines.map((m, k) => (k < lines.length - 1 && !pattern('[{{p.clause_end}}]$').test(m) ? `${m}${punctEnd()}` : m));

function problemLines(p: LedgerProblem): string[] {
  const l = label();
  const out = [`${p.no}.${l.problem}${p.problem.replace(/\n/g, '')}`];
  out.push(...ended(p.measures).map((m, k) => (k ? m : `${l.measures}${m}`)));
  // the rows' results, each once; the status the rows say together (table-cells.ts combineStatus); a deadline only where the rows agree on one
  const outcome = ended([...new Set(p.outcomes.filter(Boolean))]).join('');
  const status = combineStatus(p.statuses);
  const deadlines = new Set(p.deadlines.filter(Boolean));
  if (outcome) out.push(`${l.outcome}${outcome}`);
  if (status) out.push(`${l.status}${status}`);
  if (deadlines.size === 1) out.push(`${l.deadline}${[...deadlines][0]}`);
  out.push(...p.notes.map((x) => `${l.note}${x}`));
  return out;
}

/** A row of cells as a text copy writes it: a Markdown table's (| a | b |) or a spreadsheet's (a⇥b); null for other text. */
function cellsOf(l: string): string[] | null {
  const t = l.trim();
  if (t.startsWith('|') && t.endsWith('|') && t.length > 2) return t.slice(1, -1).split('|').map((c) => c.trim());
  // (tabs that only indent the line are no cells: a text indented with a tab a paragraph)
  if (/[^\t]\t/.test(l.replace(/^[ \t]+/, ''))) return l.split('\t').map((c) => c.trim());
  return null;
}
const rule = (cells: string[]) => cells.every((c) => /^:?-{2,}:?$/.test(c));
// a row has three cells at least, empty ones counted: a category row fills only its first (| **（一）X方面** | | |)
const isRow = (l: string) => { const c = cellsOf(l); return !!c && (rule(c) || (c.length >= 3 && c.some(Boolean))); };

/** A mark a table's cells use for a status (✅ ⏳ 🔄 √ ○): a picture or a symbol. */
const MARK = /[\p{Extended_Pictographic}\p{So}\u221a\u2713]/gu;
/**
 * A legend under a table (> 图例：✅ 已完成 ⏳ 整改中 🔄 长期坚持): a short line of marks, two of them
 * or more the table's cells use. It says what the marks mean, which the ledger's lines already say
 * in words: no text of the bulletin's, and no note of the last problem.
 */
function isLegend(line: string, table: string): boolean {
  const t = line.replace(/^\s*>\s*/, '').trim();
  const marks = [...new Set(t.match(MARK) ?? [])];
  return marks.filter((m) => table.includes(m)).length >= 2 && t.replace(MARK, '').replace(/\s+/g, '').length <= 40;
}

/**
 * A first column empty in every row, the header's included, is the text's indentation (each line
 * of a copy indented with a tab), no column of the table. A column empty only in some rows (a
 * category merged down) stays.
 */
function dropIndentColumn(rows: string[][]): string[][] {
  const cells = rows.filter((r) => r.length > 1);
  return cells.length >= 2 && cells.every((r) => r[0] === '') ? rows.map((r) => (r.length > 1 ? r.slice(1) : r)) : rows;
}

/**
 * A table pasted into plain text arrives as lines of cells: tab-separated (copied from Excel or a
 * Word table) or a Markdown table (| 序号 | 问题 | … | with a |---| rule). Runs of such lines
 * (≥ 3 cells each) that hold a ledger header are rewritten like a DOCX/HTML ledger; other text,
 * and tables that are not a ledger, stay as they are. Markdown footnotes are read first
 * (md-footnotes.ts): what a row cites is a note of its problem.
 */
export function textLedgers(text: string): string {
  text = boxTables(text);
  if (text.includes('   ')) text = spacedLedgers(text);
  // (a PDF's ledger copied a cell a line: cell-lines.ts)
  text = cellLines(text);
  const cited = text.includes('[^') ? footnotes(text.split(/\r?\n/), isRow) : null;
  if (cited) text = cited.lines.join('\n');
  if (!text.includes('\t') && !text.includes('|')) return text;
  const lines = text.split(/\r?\n/);
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    if (!isRow(lines[i]!)) { out.push(lines[i]!); i++; continue; }
    // a run of rows, blank lines between them included (a copy with a blank line after every line)
    // and a line of one cell between rows (a category row a spreadsheet paste wrote without its tabs: 一、X方面)
    let j = i;
    let end = i;
    const nextRow = (k: number) => { while (k < lines.length && !lines[k]!.trim()) k++; return k < lines.length && isRow(lines[k]!); };
    // — only inside a ledger (its header names problem and measures columns), not between a problem's own tables of measures
    const ledgerHead = (c: string[] | null) => !!c && c.some((x) => roleOf(x) === 'problem') && c.some((x) => roleOf(x) === 'measures');
    let inLedger = false;
    const oneCell = (k: number) => { const t = lines[k]!.trim(); return inLedger && t.length > 0 && t.length <= 60 && !cellsOf(lines[k]!) && nextRow(k + 1); };
    while (j < lines.length && (isRow(lines[j]!) || !lines[j]!.trim() || oneCell(j))) { if (lines[j]!.trim()) end = j + 1; inLedger ||= ledgerHead(cellsOf(lines[j]!)); j++; }
    j = end;
    const at = Array.from({ length: j - i }, (_, k) => i + k).filter((k) => lines[k]!.trim() && !rule(cellsOf(lines[k]!) ?? [lines[k]!.trim()]));
    const rows = dropIndentColumn(at.map((k) => cellsOf(lines[k]!) ?? [lines[k]!.trim()]));
    // a ledger (问题 | 整改措施 …), or a problem's own table of measures (序号 | 整改措施 | 完成情况)
    const header = isFigures(rows) || rows.some((r) => (r.some((c) => roleOf(c) === 'measures') && (r.some((c) => roleOf(c) === 'problem') || r.length >= 2)) || (r.some((c) => roleOf(c) === 'no') && r.some((c) => roleOf(c) === 'status')));
    out.push(...(header ? tableLines(rows, { notes: at.map((k) => cited?.notes.get(k)) }) : lines.slice(i, j)));
    i = j;
    // (the table's legend after it, blank lines between)
    let k = j;
    while (k < lines.length && !lines[k]!.trim()) k++;
    if (header && k < lines.length && isLegend(lines[k]!, lines.slice(at[0], j).join('\n'))) i = k + 1;
  }
  return out.join('\n');
}
