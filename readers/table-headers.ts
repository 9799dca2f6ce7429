// A table's header over more than one row, and the columns named after a status value that a
// mark ticks (readers/tables.ts, table-shapes.ts):
//   序号 | 问题 | 整改措施 | 责任单位 | 完成情况 (over three columns)
//   (merged down)                     | 已完成 | 正在推进 | 长期坚持
//   1    | X    | …        | 办公室   |   √    |          |
// The rows under the header that are headers too (their cells merged down from it, or words of a
// header or of a status) are read with it, one name for each column (完成情况/已完成); a column
// named after a status value (rules/status.json field_values: 已完成, 正在推进, 长期坚持, 未完成…)
// gives a row whose cell in it is a mark (√ ✓ ✔ ● ■ ★ ✅) that status.
//
// What a mark does not say:
// - a mark that says no (rules/readers.json no_marks: ○ × ✗ ☐ — /): ○ stands for "not yet" as often
//   as for "yes", so it never gives a status; a row whose only marks say no keeps none.
// - a mark in a column that is not named after a status (是否销号, 是否整改到位, 完成情况 with no
//   columns under it): it answers a question the header asks, not which status the row has, and
//   leaves the row's status to its words (a mark alone in 完成情况 says nothing).
// - words in a status value's column (a date under 已完成): only marks are read there.
import { readerRules, type Role } from './reader-rules.js';
import { HEADER_MAX, cellStatus, combineStatus, headerRole, isMark, roleOf } from './table-cells.js';

/** A table's header as read from its rows. */
export interface TableHeader {
  /** each column's name, the header rows over it joined (完成情况/已完成); a cell merged down is named once */
  names: string[];
  /** each column's role: the lowest header row's that has one (整改落实情况 over 完成时限 is a deadline) */
  roles: Array<Role | null>;
  /** the columns named after a status value (已完成 | 正在推进 | 长期坚持), each with that value */
  marks: Array<{ col: number; word: string }>;
  /** how many rows the header has: the header row and the rows under it that are headers too */
  depth: number;
}

/** A short cell naming a status value (已完成, 正在推进, 长期坚持), no column's role (完成情况 is one). */
export const statusWord = (c: string): boolean => c.length <= 8 && !/\d/.test(c) && roleOf(c) === null && cellStatus(c) !== null;

/** A word a header has: a column's (rules/readers.json table_columns) or a status value's. */
const headerWord = (c: string) => c.length <= HEADER_MAX && (headerRole(c) !== null || statusWord(c));

/**
 * Is `row` a header too, under `above`? Each of its cells is merged down from the one above (the
 * same text on the grid), empty (a Markdown copy leaves a merged cell empty) or a header's word;
 * some are new, and the new ones are not one text (a row merged across the table is a category).
 */
function continues(above: string[], row: string[]): boolean {
  const fresh = row.filter((c, i) => c && c !== above[i]);
  return fresh.length > 0 && new Set(row.filter(Boolean)).size > 1 && fresh.every(headerWord);
}

/** The header of a table whose header row is `rows[at]`, with the rows under it that are headers too. */
export function tableHeader(rows: string[][], at: number): TableHeader {
  const parts: string[][] = (rows[at] ?? []).map((c) => (c ? [c] : []));
  let depth = 1;
  for (; at + depth < rows.length && continues(rows[at + depth - 1]!, rows[at + depth]!); depth++) {
    const above = rows[at + depth - 1]!;
    const row = rows[at + depth]!;
    const fresh = (i: number) => !!row[i] && row[i] !== above[i];
    const before = parts.map((p) => [...p]);
    row.forEach((c, i) => {
      if (!fresh(i)) return;
      // a column with no header of its own over it (a Markdown copy of a cell merged across): the one to its left, where every column between has a name under it
      let k = i;
      while (k > 0 && !before[k]?.length && fresh(k - 1)) k--;
      parts[i] = [...(before[i]?.length ? before[i]! : before[k] ?? []), c];
    });
  }
  const names = parts.map((p) => p.join('/'));
  const roles = parts.map((p) => p.map(roleOf).filter((r): r is Role => r !== null).pop() ?? null);
  const marks = parts.flatMap((p, col) => (p.length && statusWord(p[p.length - 1]!) ? [{ col, word: p[p.length - 1]! }] : []));
  return { names, roles, marks, depth };
}

/** The column of a role in a header, a status value's column not counted as the status column (its marks are read instead); -1 for none. */
export const columnOf = (head: TableHeader, role: Role): number => head.roles.findIndex((r, i) => r === role && !head.marks.some((m) => m.col === i));

let no: Set<string> | null = null;
/** A mark that ticks: a mark with no sign in it that says no (rules/readers.json no_marks). */
export const ticks = (c: string): boolean => {
  no ??= new Set(readerRules().no_marks);
  return isMark(c) && ![...c.replace(/\s+/g, '')].some((ch) => no!.has(ch));
};

/**
 * The status a row's marks give (the status value of the column each ticks, read together as one
 * problem's rows are: table-cells.ts combineStatus); '' where no mark ticks a status value's column.
 */
export function markedStatus(row: string[], marks: TableHeader['marks']): string {
  const ticked = marks.filter((m) => ticks(row[m.col] ?? '')).map((m) => m.word);
  return ticked.length ? combineStatus(ticked) : '';
}
