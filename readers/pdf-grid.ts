// A ledger table's rows told by its borders (pdf-borders.ts) rather than by where its numbers
// stand (pdf-tables.ts): a bordered table's rows are the bands between its horizontal rules, and a
// cell is the band between two rules that cross its column, so a cell merged down over several
// rows (a 类别 column, a 责任单位 shared by several problems) is the band between the rules across
// it, however many rows' rules stop at its edge. Each row's cells are read as a Word or HTML
// table's grid is (tables.ts gridOf): a merged cell's text stands in every row it spans, wherever
// it is set in it (vertically centred, a category's name beside the middle of its rows). A row's
// cells may be centred vertically too, its number beside the middle of its problem: the band
// holds them whatever their places in it.
//
// Used where the rules split the table's number column into rows one number each; a table drawn
// without them (or with only a rule under its header) is read by its numbers as before.
import type { Borders } from './pdf-borders.js';
import type { Placed, Row } from './pdf-columns.js';

/** A column's header words, where they stand. */
export interface Head { x: number; right: number }
/** What the grid reading needs of a table: its column bounds and headers, and which column holds the numbers. */
export interface GridTable {
  bounds: number[];
  heads: Head[];
  no: number;
  /** a table of problems (a problem column): a heading across it is a category's row; in another, a line across ends it */
  categories?: boolean;
}
/** One row of the grid: its cells and the page rows it was read from. */
export interface GridRow<T extends Placed> { cells: string[]; rows: Array<Row<T>> }

export { acrossBounds } from './pdf-pieces.js';
import { acrossBounds, cutAtBounds } from './pdf-pieces.js';

/** A cell's line as its items' words, run together. */
const joinTrimmed = (items: Placed[]) => items.map((i) => i.str.trim()).join('');

/** Rules closer than this (points) are one border (a border drawn as a thin filled rectangle has two edges). */
const SAME_RULE = 2;

/** The rules across the table, top first, each with the columns it crosses; segments at one height are one rule. */
function tableRules(borders: Borders, heads: Head[]): Array<{ y: number; crosses: boolean[] }> {
  const left = heads[0]!.x;
  const right = heads[heads.length - 1]!.right;
  const hs = borders.h.filter((r) => r.x1 > left && r.x0 < right).sort((a, b) => b.y - a.y);
  const out: Array<{ y: number; crosses: boolean[] }> = [];
  for (const r of hs) {
    const crosses = heads.map((h) => r.x0 <= h.x + 1 && r.x1 >= h.right - 1);
    const last = out[out.length - 1];
    if (last && last.y - r.y <= SAME_RULE) last.crosses = last.crosses.map((c, k) => c || crosses[k]!);
    else out.push({ y: r.y, crosses });
  }
  return out.filter((r) => r.crosses.some(Boolean));
}

/**
 * The page's rows from `rows` (top first, below `top`: the table's header, or the page's top where
 * the table goes on from the page before) read as a bordered table's grid: the rows above its
 * first rule, its rows of cells and the page rows after its last rule, or null where the page's
 * rules do not split the table's numbers into rows (a table without borders).
 */
export function gridRows<T extends Placed>(rows: Array<Row<T>>, table: GridTable, borders: Borders | null, top = Infinity, join: (items: T[]) => string = joinTrimmed): { before: Array<Row<T>>; grid: Array<GridRow<T>>; rest: Array<Row<T>> } | null {
  if (!borders || !rows.length) return null;
  const rules = tableRules(borders, table.heads).filter((r) => r.y < top);
  if (rules.length < 3) return null;
  const left = table.heads[0]!.x;
  const right = table.heads[table.heads.length - 1]!.right;
  // the table's bands: between its rules, as far down as a vertical border runs beside them (or, with none, to its last rule)
  const verticals = borders.v.filter((v) => v.x >= left - 60 && v.x <= right + 60);
  let last = rules.length - 1;
  if (verticals.length) {
    // (a rule above the table with no border down from it, a running header's underline, is none of the table's)
    const between = (k: number) => verticals.some((v) => v.y1 >= rules[k]!.y - 1 && v.y0 <= rules[k + 1]!.y + 1);
    while (rules.length > 1 && !between(0)) rules.shift();
    last = 0;
    while (last + 1 < rules.length && verticals.some((v) => v.y1 >= rules[last]!.y - 1 && v.y0 <= rules[last + 1]!.y + 1)) last++;
  }
  if (last < 2) return null;
  // (a column's bound is the vertical border between its header word and the next, where one runs beside the rows:
  // the rows' text starts tell it less surely, a justified line's glyphs set apart)
  const beside = verticals.filter((v) => v.y1 >= rules[last]!.y - 1 && v.y0 <= rules[0]!.y + 1);
  const bounds = table.bounds.map((b, k) => {
    const xs = beside.filter((v) => v.x > table.heads[k]!.right - 1 && v.x < table.heads[k + 1]!.x + 1).map((v) => v.x);
    return xs.length ? xs.sort((p, q) => Math.abs(p - b) - Math.abs(q - b))[0]! : b;
  });
  // (two cells' text pdf.js ran into one item, a space between: cut where a column's bound falls)
  rows = rows.map((r) => cutAtBounds(r, bounds));
  const band = (y: number) => { for (let k = 0; k < last; k++) if (y <= rules[k]!.y && y > rules[k + 1]!.y) return k; return -1; };
  const col = (x: number) => bounds.filter((b) => x >= b).length;
  const ncols = bounds.length + 1;
  // each column's cell in each band: bands between two rules that cross the column are one cell
  const cellOf: number[][] = Array.from({ length: ncols }, (_, c) => {
    const ids: number[] = [];
    for (let k = 0, id = 0; k < last; k++) { if (k > 0 && rules[k]!.crosses[c]) id++; ids.push(id); }
    return ids;
  });
  // each cell's lines, its items on each of them
  const lines = new Map<string, T[][]>();
  const inBand: Array<Array<Row<T>>> = Array.from({ length: last }, () => []);
  const before: Array<Row<T>> = [];
  let rest: Array<Row<T>> = [];
  for (const r of rows) {
    const k = band(r.y);
    if (k < 0) { (r.y <= rules[last]!.y ? rest : before).push(r); continue; }
    inBand[k]!.push(r);
    const byCell = new Map<string, T[]>();
    for (const i of r.items.filter((it) => it.str.trim()).sort((a, b) => a.x - b.x)) {
      const c = col(i.x + Math.min(i.width, i.fontSize) / 2);
      const key = `${c}|${cellOf[c]![k]}`;
      byCell.set(key, [...(byCell.get(key) ?? []), i]);
    }
    for (const [key, items] of byCell) lines.set(key, [...(lines.get(key) ?? []), items]);
  }
  const texts = new Map([...lines].map(([key, ls]) => [key, ls.map(join).join('')]));
  // (a band with a line across the columns is a cell merged across the table: a category row, its words in the first cell)
  const across = (rs: Array<Row<T>>) => [rs.map((r) => join(r.items.filter((i) => i.str.trim()).sort((a, b) => a.x - b.x))).join(''), ...bounds.map(() => '')];
  let grid = inBand.flatMap((rs, k) => (!rs.length ? [] : [{ rows: rs, cells: rs.some((r) => acrossBounds(r, bounds)) ? across(rs) : Array.from({ length: ncols }, (_, c) => texts.get(`${c}|${cellOf[c]![k]}`) ?? '') }]));
  // (a table of no problems has no categories: a line across it, a problem's words over the table of its measures, ends it)
  const end = table.categories === false ? grid.findIndex((g) => g.rows.some((r) => acrossBounds(r, bounds))) : -1;
  if (end >= 0) {
    rest = rows.slice(rows.indexOf(grid[end]!.rows[0]!));
    grid = grid.slice(0, end);
  }
  // the rules must split the numbers: no band with two numbers, and one at least
  const numbered = grid.filter((g) => /^\d{1,3}$/.test(g.cells[table.no] ?? ''));
  const twice = inBand.some((rs) => rs.filter((r) => r.items.some((i) => col(i.x + Math.min(i.width, i.fontSize) / 2) === table.no && /^\d{1,3}$/.test(i.str.trim()))).length > 1);
  if (!numbered.length || twice) return null;
  table.bounds = bounds;
  return { before, grid, rest };
}
