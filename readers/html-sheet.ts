// A spreadsheet saved as a web page (Excel or WPS 表格 另存为网页, LibreOffice Calc's HTML export),
// or any page whose bulletin is one ledger table with its text in rows of its own:
//   | 中共X党组关于…的通报                        (one cell merged across the sheet: the title)
//   | 　　根据…。⏎　　截至…，已完成整改N个…        (merged across: the prose, a line break a paragraph)
//   | 序号 | 问题类别 | 巡察反馈问题 | 整改措施 | …  (the ledger's header)
//   | 1    | X方面    | …            | 1.…⏎2.…  | …
// The rows above the ledger's header that hold one text (merged across, or the only cell filled)
// are the sheet's paragraphs, not rows of the table: each line of theirs a paragraph of the
// bulletin. The ledger is read as any ledger (tables.ts). A page whose most prose sits in a cell
// of such a ledger is read whole, the ledger's container, not that cell and the rows beside it.
import type { HTMLElement } from 'node-html-parser';
import { headerRole, oneText } from './table-cells.js';

const tagOf = (e: HTMLElement) => e.rawTagName?.toLowerCase() ?? '';

/** The row of a grid that is a ledger's header (a problem column and a measures column named), or -1. */
export function ledgerHeaderAt(grid: readonly string[][]): number {
  return grid.findIndex((r) => r.some((c) => headerRole(c.trim()) === 'problem') && r.some((c) => headerRole(c.trim()) === 'measures'));
}

/** A table's own rows (not a nested table's), each its cells' texts. */
function ownRows(table: HTMLElement): string[][] {
  return table.querySelectorAll('tr').filter((tr) => tr.closest('table') === table)
    .map((tr) => tr.childNodes.filter((c): c is HTMLElement => c.nodeType === 1 && /^t[dh]$/.test(tagOf(c as HTMLElement)))
      .map((c) => c.text.replace(/\s+/g, '')));
}

/**
 * The element to read a page from when the block with the most prose is `best`: where `best` is
 * (in) a cell of a ledger table, the element holding that table, so the ledger is read whole with
 * the rows above and below it (a sheet's title and notes), not its fullest cell and the rows beside it.
 */
export function ledgerContainer(best: HTMLElement): HTMLElement {
  for (let t = best.closest('table'); t; t = t.parentNode?.closest('table') ?? null) {
    if (ledgerHeaderAt(ownRows(t)) >= 0) return t.parentNode ?? best;
  }
  return best;
}

/**
 * How many rows at a ledger table's top are the sheet's paragraphs: the rows before its header that
 * hold one text each (a title, the prose), up to the first that holds more (填报单位：X | 截至：D stays
 * a row of the table). 0 for a table that is no ledger.
 */
export function leadRows(grid: readonly string[][]): number {
  const at = ledgerHeaderAt(grid);
  if (at <= 0) return 0;
  const more = grid.slice(0, at).findIndex((r) => !oneText(r));
  return more < 0 ? at : more;
}

/** The paragraphs of a sheet's lead rows: each line of each row's text. */
export function leadParagraphs(grid: readonly string[][], n: number): string[] {
  return grid.slice(0, n).flatMap((r) => (r.find((c) => c.trim()) ?? '').split('\n').map((l) => l.trim()).filter(Boolean));
}
