// Tables drawn in plain text, rewritten as tab-separated rows, one per table row, so they are read
// as a pasted spreadsheet is (readers/tables.ts textLedgers): a Word or spreadsheet table converted
// to text with box-drawing characters (┌─┬─┐ borders, │ between cells) and a pandoc or
// reStructuredText grid table (+----+ borders, +====+ under the header, | between cells). A long
// cell's text goes on in the next lines of its row with the other cells blank.

/** How a kind of drawn table separates its cells and rows. */
interface Drawing { bar: RegExp; rule: RegExp; row: RegExp }
const DRAWINGS: Drawing[] = [
  // box drawing's light, heavy and double verticals and their dashed forms; a rule of box drawing characters (U+2500–U+257F)
  { bar: /[\u2502\u2503\u2551\u2506\u2507\u250a\u250b\u254e\u254f]/, rule: /^\s*[\u2500-\u257f][\u2500-\u257f\s]*$/, row: /^\s*[\u2500-\u257f]/ },
  // a grid table: +---+---+ rules (=== under the header, : for alignment), | at the start of each line of a row
  { bar: /\|/, rule: /^\s*\+(?:[-=:]+\+)+\s*$/, row: /^\s*\|/ },
];

/** A line's cells between its bars (the text before the first bar and after the last is none). */
function cellsOf(line: string, BAR: RegExp): string[] {
  const parts = line.trim().split(BAR);
  if (parts[0] === '') parts.shift();
  if (parts.length > 1 && parts[parts.length - 1]!.trim() === '') parts.pop();
  return parts.map((c) => c.trim());
}

/** One table row from its lines: each cell's lines joined (a wrapped cell goes on in the next line of its column). */
function rowOf(lineCells: string[][]): string[] {
  const width = Math.max(...lineCells.map((c) => c.length));
  return Array.from({ length: width }, (_, k) => lineCells.map((c) => c[k] ?? '').join(''));
}

/** Rows told by their first cell, where no rule separates them: a line whose first cell is blank goes on with the row before. */
function rowsByFirstCell(lines: string[], bar: RegExp): string[][] {
  const rows: string[][][] = [];
  for (const l of lines) {
    const cells = cellsOf(l, bar);
    if (!rows.length || cells[0]) rows.push([]);
    rows[rows.length - 1]!.push(cells);
  }
  return rows.map(rowOf);
}

/**
 * Runs of drawn table lines → tab-separated rows (a row of one cell, a category across the
 * table, keeps the other cells empty so it is still a row). Other text stays as it is.
 */
export function boxTables(text: string): string {
  for (const d of DRAWINGS) if (d.bar.test(text) && text.split(/\r?\n/).some((l) => d.rule.test(l))) text = drawnTables(text, d);
  return text;
}

function drawnTables(text: string, { bar, rule, row }: Drawing): string {
  const lines = text.split(/\r?\n/);
  const out: string[] = [];
  const inTable = (l: string) => rule.test(l) || (bar.test(l) && row.test(l));
  for (let i = 0; i < lines.length; ) {
    // a table starts at a rule (a line of cells alone is no drawn table)
    if (!rule.test(lines[i]!)) { out.push(lines[i]!); i++; continue; }
    // (blank lines between a table's lines, a copy with a blank line after every line, are inside it)
    let j = i;
    for (let k = i; k < lines.length && (inTable(lines[k]!) || !lines[k]!.trim()); k++) if (lines[k]!.trim()) j = k + 1;
    const block = lines.slice(i, j).filter((l) => l.trim());
    // rows between rules (a table with no rule between its rows: one block, rows told by their first cell)
    const groups: string[][] = [[]];
    for (const l of block) {
      if (rule.test(l)) { if (groups[groups.length - 1]!.length) groups.push([]); continue; }
      groups[groups.length - 1]!.push(l);
    }
    // rules between the rows (three groups or more): a group is a row; else rows are told by their first cell
    const filled = groups.filter((g) => g.length);
    const rows = filled.length >= 3 ? filled.map((g) => rowOf(g.map((l) => cellsOf(l, bar)))) : filled.flatMap((g) => rowsByFirstCell(g, bar));
    const width = Math.max(3, ...rows.map((r) => r.length));
    if (rows.length < 2) out.push(...block);
    else out.push(...rows.map((r) => Array.from({ length: width }, (_, k) => r[k] ?? '').join('\t')));
    i = Math.max(j, i + 1);
  }
  return out.join('\n');
}
