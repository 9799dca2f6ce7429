// Tables in DOCX and HTML bulletins: flattened row by row; a rectification ledger
// (整改台账: 序号 | 问题 | 整改措施 | 完成情况 …) is rewritten as labelled paragraphs
// (N.问题：… / 整改措施：… / 整改状态：…) so the problems in it are read like any others.

import { pattern, punct, rx } from '../core/rules.js';
import { structureRules, statusRules } from '../core/vocabulary.js';
import { readerPatterns, readerRules, type Role } from './reader-rules.js';
import { boxTables } from './box-tables.js';

let cols: Array<[Role, RegExp]> | null = null;
/** Column roles and their header words (rules/readers.json table_columns), in the order they are tried. */
const COLS = (): Array<[Role, RegExp]> => (cols ??= readerRules().table_columns.map((c) => [c.role, new RegExp(c.re)]));
/** The labels a ledger's rows are written with (rules/readers.json ledger_labels). */
const label = () => readerRules().ledger_labels;
const roleOf = (h: string): Role | null => COLS().find(([, re]) => re.test(h))?.[0] ?? null;

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
 * A measures cell as paragraphs: its line breaks (<br> in a Markdown copy, paragraphs in a Word
 * or HTML cell) separate measures; a cell with no series markers (一是, ①, 1.) whose clauses are
 * separated by ； lists one measure per clause, as a ledger's cells do.
 */
export function cellMeasures(cell: string): string[] {
  const lines = cell.split(/\s*(?:<br\s*\/?>|\n)\s*/i).map((l) => l.trim()).filter(Boolean);
  if (lines.length > 1) return lines;
  const one = lines[0] ?? '';
  if (rx(structureRules().series).test(one)) return [one];
  const clauses = one.split(pattern('[{{p.semicolon}}]')).map((c) => c.trim()).filter(Boolean);
  return clauses.length > 1 && clauses.every((c) => c.length >= 6) ? clauses.map((c, k) => (k < clauses.length - 1 ? `${c}${label().clause_end}` : c)) : [one];
}

/**
 * A problem's own table of measures (| 序号 | 整改措施 | 责任部门 | 完成时限 | 完成情况 |, no problem column):
 * its measures as the problem's measures, and one status for the problem, the first that is not
 * done (any measure still under way leaves the problem under way), else done.
 */
function measuresTable(rows: string[][]): string[] | null {
  const headerAt = rows.findIndex((r) => r.some((c) => headerRole(c) === 'measures') && !r.some((c) => headerRole(c) === 'problem'));
  if (headerAt < 0) return null;
  const header = rows[headerAt]!;
  const at = (role: Role) => header.findIndex((h) => roleOf(h) === role);
  const m = at('measures');
  const st = at('status');
  const body = rows.slice(headerAt + 1).filter((r) => r[m]);
  if (!body.length) return null;
  const measures = body.map((r) => r[m]!.replace(/\n/g, ''));
  const statuses = st >= 0 ? body.map((r) => r[st]!.replace(/\n/g, '')).filter(Boolean) : [];
  const done = (v: string) => statusRules().field_values.find((f) => rx(f).test(v))?.status === 'completed';
  const open = statuses.find((v) => !done(v));
  return [...rows.slice(0, headerAt).map((r) => r.filter(Boolean).join(' ')), ...measures.map((x, k) => `${k ? '' : label().measures}${x}${k < measures.length - 1 && !pattern('[{{p.full_stop}}{{p.semicolon}}]$').test(x) ? label().clause_end : ''}`), ...(statuses.length ? [`${label().status}${open ?? statuses[0]}`] : [])];
}

/** The longest cell read as a column's header: longer cells are contents (反馈问题64个，已整改…), whatever words they hold. */
const HEADER_MAX = 16;
/** A cell read as a column's header: its role from its header words (rules/readers.json table_columns), for cells of 16 characters at most. */
export const headerRole = (c: string): Role | null => (c.length <= HEADER_MAX ? roleOf(c) : null);

/**
 * A table of one problem's fields, each value beside its label (问题描述 | X, 整改措施 | ①…, 完成情况 |
 * 已完成), perhaps under a title row merged across it (问题1：X) or a label merged down beside
 * several (整改落实情况 | 整改措施 | …): its lines labelled as a ledger's are. Null for any other
 * table (a ledger's header row has labels for values; a contact table has no field labels).
 */
function fieldTable(rows: string[][]): string[] | null {
  const out: string[] = [];
  const roles = new Set<Role>();
  for (const r of rows) {
    // a cell merged across columns stands once
    const cells = r.filter((c, k) => c && c !== r[k - 1]);
    if (cells.length === 1) { out.push(cells[0]!.replace(/\n/g, '')); continue; }
    // (a field left empty: its label alone, the value cell blank)
    if (!r[r.length - 1] && cells.every((c) => headerRole(c))) continue;
    const value = cells[cells.length - 1]!;
    const labels = cells.slice(0, -1);
    const role = labels.map(headerRole).filter((x): x is Role => x !== null).pop();
    if (!role || labels.some((l) => l.length > HEADER_MAX) || headerRole(value)) return null;
    roles.add(role);
    const at = labels.findLastIndex((l) => headerRole(l) === role);
    if (role === 'measures') {
      const ms = cellMeasures(value);
      out.push(...ms.map((m, k) => `${k ? '' : label().measures}${m}${k < ms.length - 1 && !pattern('[{{p.clause_end}}]$').test(m) ? punctEnd() : ''}`));
    } else if (role === 'owner' || role === 'no') out.push(`${labels[at]}${punct('colon').charAt(0)}${value.replace(/\n/g, '')}`);
    else out.push(`${label()[role]}${value.replace(/\n/g, '')}`);
  }
  return roles.size >= 2 && (roles.has('problem') || roles.has('measures')) ? out : null;
}

/**
 * A table of short labels each beside its value (索引号 | 1136…/2024-00218 | 发布机构 | 资溪县教育体育局):
 * a field per line, written 索引号：1136… as a page prints its fields. Null for any other table.
 */
function labelledPairs(rows: string[][]): string[] | null {
  const out: string[] = [];
  const short = pattern('^[^{{p.clause_end}}{{p.comma}}{{p.colon}}\\d]{2,8}$');
  for (const r of rows) {
    const cells = r.filter(Boolean);
    if (!cells.length || cells.length % 2) return null;
    for (let k = 0; k < cells.length; k += 2) {
      if (!short.test(cells[k]!)) return null;
      out.push(`${cells[k]}${punct('colon').charAt(0)}${cells[k + 1]!.replace(/\n/g, ' ')}`);
    }
  }
  return out.length >= 2 ? out : null;
}

/**
 * A table of the problems' statuses by number (序号 | 问题 | 完成情况, no measures column): a status
 * roll per row (第3个问题已完成。), which gives the problem of that number its status.
 */
function statusTable(rows: string[][]): string[] | null {
  const headerAt = rows.findIndex((r) => r.some((c) => headerRole(c) === 'no') && r.some((c) => headerRole(c) === 'status') && !r.some((c) => headerRole(c) === 'measures'));
  if (headerAt < 0) return null;
  const at = (role: Role) => rows[headerAt]!.findIndex((h) => headerRole(h) === role);
  const [no, st] = [at('no'), at('status')];
  const l = label();
  const body = rows.slice(headerAt + 1).filter((r) => /^\d{1,3}$/.test(r[no] ?? '') && r[st]);
  if (!body.length) return null;
  return [...rows.slice(0, headerAt).map((r) => r.filter(Boolean).join(' ')), ...body.map((r) => `${l.roll_before}${r[no]}${l.roll_after}${r[st]!.replace(/\n/g, '')}${l.roll_end}`)];
}

/** A row of figures under a row of short headers (问题总数 | 已完成 | 正在推进 | 完成率 ⏎ 15 | 11 | 3 | 73.3%)? */
const isFigures = (rows: string[][]) => rows.length === 2 && rows[0]!.length >= 2 && rows[0]!.every((c) => c.length >= 2 && c.length <= 8 && !/\d/.test(c)) && rows[1]!.length === rows[0]!.length && rows[1]!.every((c) => /^\d+(?:\.\d+)?%?$/.test(c));

/**
 * A table of the bulletin's figures (问题总数 | 已完成 | 正在推进 | 长期坚持 | 完成率 over 15 | 11 | 3 | 1 |
 * 73.3%): one sentence of them, each header with its figure (已完成11个，…完成率73.3%。), read as the
 * bulletin's own totals sentence is.
 */
function figuresTable(rows: string[][]): string[] | null {
  if (!isFigures(rows)) return null;
  const l = label();
  const [head, values] = rows as [string[], string[]];
  return [head.map((h, k) => `${h}${values[k]}${values[k]!.endsWith('%') ? '' : l.figure_unit}`).join(punct('comma').charAt(0)) + l.roll_end];
}

/** Rows of cells → lines. A ledger becomes labelled paragraphs; any other table, one line per row. */
export function tableLines(rows: string[][]): string[] {
  const clean = rows.map((r) => r.map((c) => c.replace(/[ \t]+/g, ' ').trim())).filter((r) => r.some(Boolean));
  const flat = (r: string[]) => r.filter(Boolean).join(' ').replace(/\n/g, ' ');
  const fields = fieldTable(clean) ?? labelledPairs(clean) ?? statusTable(clean) ?? figuresTable(clean);
  if (fields) return fields;
  const headerAt = clean.findIndex((r) => r.some((c) => headerRole(c) === 'problem') && r.some((c) => headerRole(c) === 'measures'));
  if (headerAt < 0) return measuresTable(clean) ?? clean.map(flat);
  const header = clean[headerAt]!;
  const col: Partial<Record<Role, number>> = {};
  header.forEach((h, i) => {
    const role = roleOf(h);
    if (role && col[role] === undefined) col[role] = i;
  });
  const out = clean.slice(0, headerAt).map(flat);
  let n = 0;
  let category = '';
  let open: LedgerProblem | null = null;
  const close = () => { if (open) out.push(...problemLines(open)); open = null; };
  const cell = (r: string[], role: Role) => (col[role] !== undefined ? (r[col[role]!] ?? '') : '');
  for (const r of clean.slice(headerAt + 1)) {
    const filled = r.filter(Boolean);
    // a merged row (full width, or one cell filled): a category
    if (filled.length <= 1 || new Set(filled).size === 1) {
      close();
      if (filled[0]) { category = filled[0].replace(/\n/g, ' '); out.push(`${label().category}${category}`); }
      continue;
    }
    const problem = cell(r, 'problem');
    if (!problem) { close(); out.push(flat(r)); continue; }
    // a category column (问题类别, or merged down the rows): a new value starts a category
    const cat = cell(r, 'category').replace(/\n/g, ' ');
    // one problem over several rows, one measure each (its cell spanned down them, repeated on the grid): its rows
    // add measures, and the last row's progress, result and deadline are the problem's
    const same = open !== null && open.problem === problem && (!cat || cat === category) && cell(r, 'no') === open.printed;
    if (!same) {
      close();
      // (a category column left empty under a full-width category row keeps that row's category)
      if (cat && cat !== category) { out.push(`${label().category}${cat}`); category = cat; }
      n++;
      const printed = cell(r, 'no');
      open = { no: /^\d+$/.test(printed) ? printed : String(n), printed, problem, measures: [], outcome: '', status: '', deadline: '' };
    }
    const o: LedgerProblem = open!;
    if (cell(r, 'measures')) o.measures.push(...cellMeasures(cell(r, 'measures')));
    for (const role of ['outcome', 'status', 'deadline'] as const) if (cell(r, role)) o[role] = cell(r, role).replace(/\n/g, '');
  }
  close();
  return out;
}

/** A ledger's problem as read from its row (or rows): rewritten as the labelled lines the structure rules read. */
interface LedgerProblem { no: string; printed: string; problem: string; measures: string[]; outcome: string; status: string; deadline: string }

/** The semicolon that ends a measure's line (rules/punctuation.json semicolon, its full-width form). */
const punctEnd = () => punct('semicolon').charAt(0);

function problemLines(p: LedgerProblem): string[] {
  const out = [`${p.no}.${label().problem}${p.problem.replace(/\n/g, '')}`];
  // (a measure's row ends its line: one with no stop of its own gets a ；, so no line is joined onto the one before)
  const ended = p.measures.map((m, k) => (k < p.measures.length - 1 && !pattern('[{{p.clause_end}}]$').test(m) ? `${m}${punctEnd()}` : m));
  out.push(...ended.map((m, k) => (k ? m : `${label().measures}${m}`)));
  if (p.outcome) out.push(`${label().outcome}${p.outcome}`);
  if (p.status) out.push(`${label().status}${p.status}`);
  if (p.deadline) out.push(`${label().deadline}${p.deadline}`);
  return out;
}

/**
 * A table pasted into plain text arrives as lines of cells: tab-separated (copied from Excel or a
 * Word table) or a Markdown table (| 序号 | 问题 | … | with a |---| rule). Runs of such lines
 * (≥ 3 cells each) that hold a ledger header are rewritten like a DOCX/HTML ledger; other text,
 * and tables that are not a ledger, stay as they are.
 */
export function textLedgers(text: string): string {
  text = boxTables(text);
  if (text.includes('   ')) text = spacedLedgers(text);
  if (!text.includes('\t') && !text.includes('|')) return text;
  const lines = text.split(/\r?\n/);
  const cellsOf = (l: string): string[] | null => {
    const t = l.trim();
    if (t.startsWith('|') && t.endsWith('|') && t.length > 2) return t.slice(1, -1).split('|').map((c) => c.trim());
    if (l.includes('\t')) return l.split('\t').map((c) => c.trim());
    return null;
  };
  const rule = (cells: string[]) => cells.every((c) => /^:?-{2,}:?$/.test(c));
  // a row has three cells at least, empty ones counted: a category row fills only its first (| **（一）X方面** | | |)
  const isRow = (l: string) => { const c = cellsOf(l); return !!c && (rule(c) || (c.length >= 3 && c.some(Boolean))); };
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
    const rows = lines.slice(i, j).filter((l) => l.trim()).map((l) => cellsOf(l) ?? [l.trim()]).filter((c) => !rule(c));
    // a ledger (问题 | 整改措施 …), or a problem's own table of measures (序号 | 整改措施 | 完成情况)
    const header = isFigures(rows) || rows.some((r) => (r.some((c) => roleOf(c) === 'measures') && (r.some((c) => roleOf(c) === 'problem') || r.length >= 2)) || (r.some((c) => roleOf(c) === 'no') && r.some((c) => roleOf(c) === 'status')));
    out.push(...(header ? tableLines(rows) : lines.slice(i, j)));
    i = j;
  }
  return out.join('\n');
}

/** Display width: CJK and full-width characters take two columns (as a PDF's text laid out in columns counts them). */
function widthOf(s: string): number {
  let w = 0;
  for (const ch of s) { const c = ch.codePointAt(0)!; w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ? 2 : 1; }
  return w;
}

/** A line's cells where runs of two spaces or more separate them, each with the display column it starts at. */
function spacedCells(line: string): Array<{ at: number; text: string }> {
  const out: Array<{ at: number; text: string }> = [];
  for (const m of line.matchAll(/\S+(?: \S+)*/g)) out.push({ at: widthOf(line.slice(0, m.index)), text: m[0] });
  return out;
}

/**
 * A table laid out in columns of spaces (a PDF's text copied with its layout: 序号  问题  整改措施
 * 完成情况, a cell's wrapped lines indented to its column): a header line of a ledger, then rows
 * that start with their number, their cells placed by the display column they start at, lines
 * indented to a column continuing that column's cell, and lines of one cell at the margin
 * (（一）X方面) as category rows. Rewritten as tab-separated rows, so it is read like a pasted
 * spreadsheet; text that is no such table stays as it is.
 */
export function spacedLedgers(text: string): string {
  const lines = text.split(/\r?\n/);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const head = lines[i]!.includes('  ') ? spacedCells(lines[i]!) : [];
    const roles = head.map((c) => roleOf(c.text));
    if (head.length < 3 || !roles.includes('problem') || !roles.includes('measures') || head.some((c) => c.text.length > 12)) { out.push(lines[i]!); continue; }
    const cols = head.map((c) => c.at);
    const colOf = (at: number) => { let best = 0; cols.forEach((c, k) => { if (Math.abs(c - at) < Math.abs(cols[best]! - at)) best = k; }); return best; };
    const near = (at: number) => cols.some((c) => Math.abs(c - at) <= 3);
    const rows: string[][] = [head.map((c) => c.text)];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const l = lines[j]!;
      if (!l.trim()) { continue; }
      const cells = spacedCells(l);
      const first = cells[0]!;
      if (first.at === 0 && /^\d{1,3}$/.test(first.text) && cells.length >= 2) {
        const row = head.map(() => '');
        for (const c of cells) { const k = colOf(c.at); row[k] = row[k] ? `${row[k]}${c.text}` : c.text; }
        rows.push(row);
      } else if (first.at > 0 && rows.length > 1 && cells.every((c) => near(c.at))) {
        const row = rows[rows.length - 1]!;
        for (const c of cells) { const k = colOf(c.at); row[k] = row[k] ? `${row[k]}${c.text}` : c.text; }
      } else if (first.at === 0 && cells.length === 1 && first.text.length <= 40 && !rx(readerPatterns().cell_sentence_end).test(first.text) && structureRules().headings.some((h) => h.level <= 2 && rx(h).test(first.text))) {
        rows.push(head.map(() => first.text));
      } else break;
    }
    if (rows.length < 2) { out.push(lines[i]!); continue; }
    out.push(...rows.map((r) => r.join('\t')));
    i = j - 1;
  }
  return out.join('\n');
}
