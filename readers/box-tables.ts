// Tables drawn with box-drawing characters in plain text (a Word or spreadsheet table converted to
// text: ┌─┬─┐ borders, │ between cells, a long cell's text wrapped onto the next lines of its row
// with the other cells blank), rewritten as tab-separated rows, one per table row, so they are read
// as a pasted spreadsheet is (readers/tables.ts textLedgers).

/** The characters that separate cells (box drawing's light, heavy and double verticals, and their dashed forms). */
const BAR = /[\u2502\u2503\u2551\u2506\u2507\u250a\u250b\u254e\u254f]/;
/** A border or rule line: box drawing characters (U+2500–U+257F) and spaces only. */
const RULE = /^[\u2500-\u257f\s]+$/;

/** A line's cells between its bars (the text before the first bar and after the last is none). */
function cellsOf(line: string): string[] {
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
function rowsByFirstCell(lines: string[]): string[][] {
  const rows: string[][][] = [];
  for (const l of lines) {
    const cells = cellsOf(l);
    if (!rows.length || cells[0]) rows.push([]);
    rows[rows.length - 1]!.push(cells);
  }
  return rows.map(rowOf);
}

/**
 * Runs of box-drawn table lines → tab-separated rows (a row of one cell, a category across the
 * table, keeps the other cells empty so it is still a row). Other text stays as it is.
 */
export function boxTables(text: string): string {
  if (!BAR.test(text)) return text;
  const lines = text.split(/\r?\n/);
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    const inTable = (l: string) => RULE.test(l) ? /[\u2500-\u257f]/.test(l) : BAR.test(l) && cellsOf(l).length >= 1 && /^\s*[\u2500-\u257f]/.test(l);
    if (!inTable(lines[i]!)) { out.push(lines[i]!); i++; continue; }
    // (blank lines between a table's lines, a copy with a blank line after every line, are inside it)
    let j = i;
    for (let k = i; k < lines.length && (inTable(lines[k]!) || !lines[k]!.trim()); k++) if (lines[k]!.trim()) j = k + 1;
    const block = lines.slice(i, j).filter((l) => l.trim());
    // rows between rules (a table with no rule between its rows: one block, rows told by their first cell)
    const groups: string[][] = [[]];
    for (const l of block) {
      if (RULE.test(l)) { if (groups[groups.length - 1]!.length) groups.push([]); continue; }
      groups[groups.length - 1]!.push(l);
    }
    // rules between the rows (three groups or more): a group is a row; else rows are told by their first cell
    const filled = groups.filter((g) => g.length);
    const rows = filled.length >= 3 ? filled.map((g) => rowOf(g.map(cellsOf))) : filled.flatMap(rowsByFirstCell);
    const width = Math.max(3, ...rows.map((r) => r.length));
    if (rows.length < 2) out.push(...block);
    else out.push(...rows.map((r) => Array.from({ length: width }, (_, k) => r[k] ?? '').join('\t')));
    i = j;
  }
  return out.join('\n');
}
