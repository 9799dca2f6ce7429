// What a table's cells say, read alike in every format (readers/tables.ts, table-shapes.ts,
// pdf-tables.ts, pdf-fields.ts): a column's role from its header words, a measures cell as
// measures, a status cell as a status, and the statuses of one problem's several rows as one.
import { pattern, punct, rx } from '../core/rules.js';
import { structureRules, statusRules } from '../core/vocabulary.js';
import type { Status } from '../core/record.js';
import { readerRules, type Role } from './reader-rules.js';

let cols: Array<[Role, RegExp]> | null = null;
/** Column roles and their header words (rules/readers.json table_columns), in the order they are tried. */
const COLS = (): Array<[Role, RegExp]> => (cols ??= readerRules().table_columns.map((c) => [c.role, new RegExp(c.re)]));
/** The labels a ledger's rows are written with (rules/readers.json ledger_labels). */
export const label = () => readerRules().ledger_labels;
export const roleOf = (h: string): Role | null => COLS().find(([, re]) => re.test(h))?.[0] ?? null;

/** The longest cell read as a column's header: longer cells are contents (反馈问题64个，已整改…), whatever words they hold. */
export const HEADER_MAX = 16;
/** A cell read as a column's header: its role from its header words (rules/readers.json table_columns), for cells of 16 characters at most. */
export const headerRole = (c: string): Role | null => (c.length <= HEADER_MAX ? roleOf(c) : null);

/** The semicolon that ends a measure's line (rules/punctuation.json semicolon, its full-width form). */
export const punctEnd = () => punct('semicolon').charAt(0);

/** A line break inside a cell as a Markdown or HTML-text copy writes it (<br>, <br/>, <br />): a line break. */
export const cellBreaks = (cell: string): string => cell.replace(/[ \t]*<br\s*\/?>[ \t]*/gi, '\n');

/**
 * A measures cell as paragraphs: its line breaks (<br> in a Markdown copy, paragraphs in a Word
 * or HTML cell) separate measures; a cell with no series markers (一是, ①, 1.) whose clauses are
 * separated by ； lists one measure per clause, as a ledger's cells do.
 */
export function cellMeasures(cell: string): string[] {
  const lines = cellBreaks(cell).split(/\s*\n\s*/).map((l) => l.trim()).filter(Boolean);
  if (lines.length > 1) return lines;
  const one = lines[0] ?? '';
  if (rx(structureRules().series).test(one)) return [one];
  const clauses = one.split(pattern('[{{p.semicolon}}]')).map((c) => c.trim()).filter(Boolean);
  return clauses.length > 1 && clauses.every((c) => c.length >= 6) ? clauses.map((c, k) => (k < clauses.length - 1 ? `${c}${label().clause_end}` : c)) : [one];
}

/** Marks set before a status's words (✅ 已完成, ⏳ 整改中, 🔄 长期坚持): pictures, no words of it. */
const MARKS = /^(?:[\p{Extended_Pictographic}\u{FE0F}\u{20E3}\u{200D}]+\s*)+(?=\S)/u;

/** A row of one text: merged across the table, or its only cell filled (or none). */
export const oneText = (r: readonly string[]): boolean => new Set(r.map((c) => c.trim()).filter(Boolean)).size <= 1;

/** A cell holding a mark alone: a few signs, no letter, character or digit (√, ✓, ✔️, ●, ✅, ○, ×). */
export const isMark = (c: string): boolean => {
  const t = c.replace(/\s+/g, '');
  return t.length > 0 && t.length <= 4 && !/[\p{L}\p{N}]/u.test(t);
};

/**
 * A status cell's words: its lines one phrase (整改中 ⏎ 剩余7家… → 整改中，剩余7家…, the status first
 * as a field's value is read), without the marks set before each line's words. A mark alone is left
 * as it is, no status word (√ under 完成情况 or 是否完成 may tick "reported" as well as "done"); marks in
 * columns named after a status value are read in table-headers.ts.
 */
export function statusCell(cell: string): string {
  const lines = cellBreaks(cell).split('\n').map((l) => l.trim().replace(MARKS, '')).filter(Boolean);
  const ended = pattern('[{{p.clause_end}}{{p.comma}}{{p.colon}}]$');
  return lines.reduce((acc, l) => (!acc ? l : `${acc}${ended.test(acc) ? '' : punct('comma').charAt(0)}${l}`), '');
}

/** A status cell's clauses (已完成，该问题已整改到位 → 已完成 | 该问题已整改到位). */
const clauses = (v: string) => v.split(pattern('[{{p.clause_end}}{{p.comma}}\\n]')).map((c) => c.trim()).filter(Boolean);

/** The status a cell gives as a field's value (rules/status.json field_values): its first clause's, as a status field's value is read; null for none. */
export const cellStatus = (v: string): Status | null => {
  const first = clauses(v)[0] ?? '';
  return statusRules().field_values.find((f) => rx(f).test(first))?.status ?? null;
};

/** Does a status cell speak of the whole problem (已完成，该问题已整改到位: rules/status.json field_subject)? */
const ofProblem = (v: string) => clauses(v).some((c) => rx(statusRules().field_subject).test(c) && c.replace(rx(statusRules().field_subject), '').length > 0);

/**
 * One problem's status from the status cells of its rows (a row per measure): a row that speaks of
 * the whole problem (…，该问题已整改到位) decides; else any row still under way leaves the problem
 * under way; all done but one to keep up, long-term; all done, done. The cell returned is the one
 * that decides (the last of its kind); a cell no status word reads decides only where no other does.
 */
export function combineStatus(cells: string[]): string {
  const filled = cells.filter(Boolean);
  const whole = filled.findLast(ofProblem);
  if (whole) return whole;
  for (const want of ['in_progress', 'long_term', 'completed'] as const) {
    const at = filled.findLastIndex((c) => cellStatus(c) === want);
    if (at >= 0) return filled[at]!;
  }
  return filled[filled.length - 1] ?? '';
}
