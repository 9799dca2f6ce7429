// A ledger copied out of an office system as lines of fields with no header row: each problem one
// line, its fields separated by bars (3｜问题｜措施；措施｜责任部门｜2024年8月｜已完成), categories on
// lines of their own between them. Nothing names the columns, so their roles are read from what the
// cells hold, column by column over the whole run: the row's number, the status (a status field's
// words), the deadline (dates, 长期), the owner (short names), and of the long texts the first the
// problem, the second the measures. The run is then written as a spreadsheet paste with a header of
// those roles' own words (rules/readers.json table_columns), which the ledger reading takes over.
import { rx } from '../core/rules.js';
import { statusRules } from '../core/vocabulary.js';
import { readerRules, type Role } from './reader-rules.js';

/** A field separator: a full-width or ASCII bar, with the spaces around it. */
const BAR = /\s*[|\uff5c]\s*/;
/** A row: a number, then a bar (1｜… / 2 | …), and three bars at least in all. */
const ROW = /^\s*\d{1,3}\s*[|\uff5c]/;

const fieldsOf = (line: string): string[] | null => {
  if (!ROW.test(line) || line.trim().startsWith('|')) return null;
  const f = line.trim().split(BAR);
  return f.length >= 4 ? f : null;
};

/** The header word of a role: the first example of its column rule. */
export const wordOf = (role: Role): string => (readerRules().table_columns as Array<{ role: Role; examples?: string[] }>).find((c) => c.role === role)?.examples?.[0] ?? role;

// (a cell's first paragraph: a Word cell's status may have a sentence under it)
const isStatus = (v: string) => statusRules().field_values.some((f) => rx(f).test(v.trim().split('\n')[0]!.trim()));
/** A deadline's cell: a date, a month, a season, or 长期/立行立改-like words of few characters with a digit or a time word. */
const isDeadline = (v: string) => /^(?:\d{4}\s*\u5e74|\d{1,2}\s*\u6708)/.test(v) || (v.length <= 6 && /[\u957f\u5e95\u524d\u671f\u6708\u5e74]/.test(v));

/**
 * The roles of a run's columns, read from their cells; null when the run reads as no ledger. `numbered`: the
 * first column is the row's number (a bar-separated copy's); else every column is read from its cells (the rows
 * of a table with no header row, a problem's number inside its cell).
 */
export function columnRoles(rows: string[][], { numbered = true }: { numbered?: boolean } = {}): Role[] | null {
  const width = rows[0]!.length;
  const from = numbered ? 1 : 0;
  const share = (k: number, test: (v: string) => boolean) => {
    const cells = rows.map((r) => r[k] ?? '').filter((v) => v.trim());
    return cells.length ? cells.filter(test).length / cells.length : 0;
  };
  const roles: Array<Role | null> = new Array(width).fill(null);
  if (numbered) roles[0] = 'no';
  const mean = (k: number) => rows.reduce((n, r) => n + (r[k]?.length ?? 0), 0) / rows.length;
  for (let k = width - 1; k >= from; k--) {
    if (!roles.includes('status') && share(k, isStatus) >= 0.6) roles[k] = 'status';
    else if (!roles.includes('deadline') && share(k, isDeadline) >= 0.6) roles[k] = 'deadline';
  }
  const long = [...Array(width).keys()].filter((k) => !roles[k] && mean(k) >= 12);
  if (long.length < 2) return null;
  roles[long[0]!] = 'problem';
  roles[long[1]!] = 'measures';
  for (let k = from; k < width; k++) if (!roles[k] && mean(k) < 24) roles[k] = 'owner';
  return roles.every((r) => r !== null) ? (roles as Role[]) : null;
}

/**
 * Runs of bar-separated rows without a header (two rows at least, every row of the run the same
 * number of fields, lines of one text between them kept as they are): written as a header and
 * tab-separated rows. Text with no such run stays as it is.
 */
export function barRows(text: string): string {
  if (!/[|\uff5c]/.test(text)) return text;
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    const first = fieldsOf(lines[i]!);
    if (!first) { out.push(lines[i]!); i++; continue; }
    // the run: rows of the same width, with lines that are no rows (a category's line) between them
    const rows: Array<{ at: number; f: string[] }> = [];
    let j = i;
    for (; j < lines.length; j++) {
      const f = fieldsOf(lines[j]!);
      if (f && f.length === first.length) { rows.push({ at: j, f }); continue; }
      if (f) break;
      // a line between rows: a category's line, or a blank line (a copy that doubled them), kept
      // when a row follows it (past blank lines, and past one line of text after a blank one)
      const ahead: string[] = [];
      for (let k = j + 1; k < lines.length && ahead.length < 2; k++) if (lines[k]!.trim()) ahead.push(lines[k]!);
      const blank = !lines[j]!.trim();
      const rowNext = (ahead[0] !== undefined && !!fieldsOf(ahead[0])) || (blank && ahead[1] !== undefined && !!fieldsOf(ahead[1]));
      if (!rowNext) break;
    }
    const end = rows.length ? rows[rows.length - 1]!.at + 1 : i + 1;
    const roles = rows.length >= 2 ? columnRoles(rows.map((r) => r.f)) : null;
    if (!roles) { out.push(...lines.slice(i, end)); i = end; continue; }
    out.push(roles.map(wordOf).join('\t'));
    for (let k = i; k < end; k++) {
      const f = fieldsOf(lines[k]!);
      out.push(f ? f.join('\t') : lines[k]!);
    }
    i = end;
  }
  return out.join('\n');
}
