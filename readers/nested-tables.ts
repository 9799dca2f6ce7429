// A table inside a table's cell (Word writes a w:tbl in a w:tc; HTML a <table> in a <td>), read as a table
// of its own. The layout it stands for:
//   问题类别         | 具体问题及整改落实情况
//   X方面 (merged    | ┌ 问题 | 整改措施 | 整改结果/状态 ┐
//   down its rows)   | │ 1.…  | 一是…    | 已完成        │  ← the inner table's rows: the ledger's rows
//                    | └ 2.…  | …        | 基本完成      ┘
// The outer table's other cells are the context of the rows beside them (the left cell names their
// category); the inner tables' rows are the ledger's. Each inner row is written as one row of a grid
// with the outer row's context cells after it, under one header: the inner table's header row (a later
// inner table often has none: it takes the first's), or, where none has one, its columns' roles read
// from the cells (bar-rows.ts), and the outer header's names for the context columns (a context column
// named nothing, left of the inner tables, names the category). The grid is then read as any ledger
// (tables.ts tableLines).
import type { TableCell } from './tables.js';
import { gridOf } from './tables.js';
import { headerRole } from './table-cells.js';
import { tableHeader } from './table-headers.js';
import { columnRoles, wordOf } from './bar-rows.js';
import { rx } from '../core/rules.js';
import { structureRules } from '../core/vocabulary.js';

/** A cell as the reader saw it, with the tables nested in it (each a grid, spans resolved) and whether it has text besides them. */
export interface NestedCell extends TableCell {
  tables?: string[][][];
  /** the cell holds text outside its tables (an empty paragraph Word requires after a table is none) */
  text_outside?: boolean;
}

/** The row of a grid that heads a ledger (a problem column and a measures column), or -1. */
const headAt = (grid: string[][]) => grid.findIndex((r) => r.some((c) => headerRole(c) === 'problem') && r.some((c) => headerRole(c) === 'measures'));

/** A place holder for a nested cell on the outer grid: which row and cell it is. */
const HOLD = '\u0000';

/**
 * The outer table's rows as one ledger grid, each inner table's row beside its outer row's context cells;
 * null when the table is no container of ledgers (no cell holds a table, cells with tables stand in
 * different columns, a cell has text besides its tables, or no inner table reads as a ledger).
 */
export function nestedGrid(rows: NestedCell[][]): string[][] | null {
  if (!rows.some((r) => r.some((c) => c.tables?.length))) return null;
  const held = new Map<string, NestedCell>();
  const marked = rows.map((r, i) => r.map((c, k) => {
    if (!c.tables?.length) return c;
    held.set(`${HOLD}${i},${k}`, c);
    return { ...c, text: `${HOLD}${i},${k}` };
  }));
  const outer = gridOf(marked);
  const cols = new Set<number>();
  outer.forEach((r) => r.forEach((c, k) => { if (c.startsWith(HOLD)) cols.add(k); }));
  if (cols.size !== 1 || [...held.values()].some((c) => c.text_outside)) return null;
  const col = [...cols][0]!;
  const first = outer.findIndex((r) => r[col]!.startsWith(HOLD));
  const inner = (r: string[]) => held.get(r[col]!)?.tables ?? [];
  // the inner header: the first inner table's that has one, else the columns' roles read from the cells
  const all = outer.flatMap(inner);
  const headed = all.find((g) => headAt(g) >= 0);
  let header: string[];
  if (headed) {
    const at = headAt(headed);
    header = headed.slice(at, at + tableHeader(headed, at).depth).pop()!;
  } else {
    const width = all[0]?.[0]?.length ?? 0;
    const body = all.filter((g) => g[0]?.length === width).flat();
    const roles = body.length >= 2 ? columnRoles(body, { numbered: false }) : null;
    if (!roles) return null;
    header = roles.map(wordOf);
  }
  const width = header.length;
  // the context columns: their names from the outer header rows; one named nothing, left of the tables, is the category
  const context = outer[0]!.map((_, k) => k).filter((k) => k !== col);
  const names = context.map((k) => outer.slice(0, first).map((r) => r[k]!).filter(Boolean).pop() ?? '');
  const unnamed = context.findIndex((k, j) => k < col && !headerRole(names[j]!));
  if (unnamed >= 0 && !context.some((_, j) => headerRole(names[j]!) === 'category')) names[unnamed] = wordOf('category');
  // (a context column numbering the outer rows numbers the categories, not the problems)
  const kept = context.map((k, j) => ({ k, name: names[j]! })).filter(({ name }) => headerRole(name) !== 'no');
  const out: string[][] = [[...header, ...kept.map((c) => c.name)]];
  const pad = (r: string[]) => Array.from({ length: width }, (_, k) => r[k] ?? '');
  for (const r of outer.slice(first)) {
    const ctx = kept.map(({ k }) => r[k]!);
    // (a row with no table in it, a category's row merged across the table: its text where a row's first cell is)
    if (!r[col]!.startsWith(HOLD)) { out.push([...pad([r[col]!]), ...ctx]); continue; }
    for (const g of inner(r)) {
      if (g[0]?.length !== width) return null;
      const at = headAt(g);
      const from = at >= 0 ? at + tableHeader(g, at).depth : 0;
      for (const row of [...g.slice(0, Math.max(at, 0)), ...g.slice(from)]) out.push([...pad(row), ...ctx]);
    }
  }
  return ownFields(out);
}

/** A problem's number written in its cell (1.学习… / 12、…), not a decimal (1.5万元): the number and the rest. */
const NUMBERED = /^(\d{1,3})[.\uff0e\u3001]\s*(?=\D)/;

/**
 * What the inner table's cells say that its header does not name: the problem's number in its cell where no
 * column numbers the rows (most problem cells open with one), a 序号 column; and a status cell's paragraphs after
 * its status that say what came of the work (已完成 ⏎ 通过整改，…) where no column holds the results, an 整改成效
 * column. The ledger reads them as the columns they are.
 */
function ownFields(grid: string[][]): string[][] {
  const roles = grid[0]!.map(headerRole);
  const body = grid.slice(1);
  const problem = roles.indexOf('problem');
  let out = grid;
  if (problem >= 0 && !roles.includes('no')) {
    const cells = body.map((r) => r[problem]!).filter(Boolean);
    if (cells.length >= 2 && cells.filter((c) => NUMBERED.test(c)).length * 2 > cells.length) {
      out = out.map((r, i) => {
        const m = i ? NUMBERED.exec(r[problem]!) : null;
        return [i ? m?.[1] ?? '' : wordOf('no'), ...r.map((c, k) => (k === problem && m ? c.slice(m[0].length) : c))];
      });
    }
  }
  const status = out[0]!.map(headerRole).indexOf('status');
  if (status >= 0 && !roles.includes('outcome')) {
    const result = rx(structureRules().outcome);
    const split = out.map((r, i) => {
      const lines = r[status]!.split('\n');
      const at = i ? lines.findIndex((l, k) => k > 0 && result.exec(l.trim())?.index === 0) : -1;
      return at > 0 ? { said: lines.slice(0, at).join('\n'), came: lines.slice(at).join('\n') } : { said: r[status]!, came: '' };
    });
    if (split.some((x) => x.came)) out = out.map((r, i) => [...r.map((c, k) => (k === status ? split[i]!.said : c)), i ? split[i]!.came : wordOf('outcome')]);
  }
  return out;
}
