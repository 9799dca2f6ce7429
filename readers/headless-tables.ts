// A Word or web table of a ledger's rows with no header row of its own. Two layouts:
//   （一）X方面                       ← a paragraph (a heading) over each table
//   ┌ 1 │ 问题… │ 措施… │ 已完成 ┐     ← the category's problems, one a row, nothing naming the columns
//   └ 2 │ …     │ …     │ 正在推进 ┘
// and a ledger cut into several tables (a category's paragraph, or a page, between them) whose first table
// alone has the header row. Flattened, such rows lose their cells (1 问题 措施 已完成 as one line) and no
// problem is read. Here the rows take a header: the last ledger header the document gave, where it has the
// rows' width, else one of the roles their cells show (bar-rows.ts columnRoles: the row's number, a status
// column, a deadline's, and of the long texts the first the problem, the second the measures); the grid is
// then read as any ledger (tables.ts tableLines). A table whose first row names columns (a table of a problem's
// measures, of figures), one whose rows have no two long texts, stays as it is.
import { headerRole } from './table-cells.js';
import { tableHeader } from './table-headers.js';
import { columnRoles, wordOf } from './bar-rows.js';

/** The row of a grid that heads a ledger (a problem column and a measures column), or -1. */
const headAt = (grid: string[][]) => grid.findIndex((r) => r.some((c) => headerRole(c) === 'problem') && r.some((c) => headerRole(c) === 'measures'));

/** A ledger's header row a later table of its rows may go on under: the grid's one-row header, or null. */
export function ledgerHeader(grid: string[][]): string[] | null {
  const at = headAt(grid);
  if (at < 0 || tableHeader(grid, at).depth !== 1) return null;
  return grid[at]!;
}

/**
 * A headerless table's grid with a header over it (`previous`: the last ledger header of the document), or null
 * where the table has a header, names its columns in its first row, or reads as no ledger.
 */
export function headlessGrid(grid: string[][], previous: readonly string[] | null): string[][] | null {
  if (grid.length < 1 || headAt(grid) >= 0) return null;
  const width = grid[0]!.length;
  // (a first row naming two columns or more is a header of another table's kind: tables.ts reads it)
  if (grid[0]!.filter((c) => headerRole(c)).length >= 2) return null;
  // the rows of cells: a row merged across the table (one cell's text over the row) is a category's
  const body = grid.filter((r) => new Set(r.filter(Boolean)).size >= 2);
  if (!body.length) return null;
  // (under the last ledger's header where the rows fill it as a ledger's: long problems in its problem column)
  const problem = previous?.findIndex((c) => headerRole(c) === 'problem') ?? -1;
  const long = problem >= 0 && body.reduce((n, r) => n + (r[problem]?.length ?? 0), 0) / body.length >= 8;
  if (previous && previous.length === width && long) return [[...previous], ...grid];
  if (body.length < 2) return null;
  const numbered = body.every((r) => /^\d{1,3}[.\uff0e\u3001]?$/.test(r[0]!.trim()));
  const roles = columnRoles(body, { numbered });
  return roles ? [roles.map(wordOf), ...grid] : null;
}
