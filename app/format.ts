// Rows → an aligned terminal table (CJK-aware, via cli-table3), CSV (csv-stringify) or JSON.
// Human-readable output never carries a document's control characters (escape sequences that
// would retitle or clear a terminal); CSV cells that a spreadsheet would run as a formula are
// neutralized the way spreadsheet tools expect (a leading '), unless asked for raw CSV.
import Table from 'cli-table3';
import { stringify } from 'csv-stringify/sync';
import type { Row } from '../store/queries.js';

export type Format = 'table' | 'csv' | 'json';


/**
 * One line of human output with every control and direction character escaped (\u000a, \u202e …):
 * C0 (newline included) and C1 controls, line and paragraph separators, and the bidirectional
 * marks, embeddings, overrides and isolates (U+061C, U+200E/F, U+202A–202E, U+2066–2069), so a
 * file name or a document's text can neither start a forged line nor reorder what is shown.
 */
export const printable = (s: string) => s.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** A CSV cell a spreadsheet would evaluate (=, +, -, @, tab, CR first) gets a leading '. */
export const csvSafe = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

/** UTF-8 byte order mark: spreadsheets then read the CSV as UTF-8. */
export const BOM = '\ufeff';

/** A number for a person: rates as percentages, others with up to four significant digits (0.00012 stays 0.00012). */
export function humanNumber(v: number, column: string): string {
  if (/rate$/.test(column) && v >= 0 && v <= 1) return `${Number((v * 100).toPrecision(4))}%`;
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(4)));
}

export function formatRows(rows: Row[], format: Format, columns?: string[], o: { rawCsv?: boolean; bom?: boolean } = {}): string {
  const cols = columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  if (format === 'json') return JSON.stringify(rows, null, 2) + '\n';
  if (format === 'csv') {
    // exact values; text cells neutralized unless --raw-csv
    const cell = (v: unknown) => (v == null ? '' : typeof v === 'string' ? (o.rawCsv ? v : csvSafe(v)) : String(v));
    return (o.bom === false ? '' : BOM) + stringify([cols, ...rows.map((r) => cols.map((c) => cell(r[c])))]);
  }
  if (!rows.length) return '(no rows)\n';
  const cell = (v: unknown, c: string) => (v == null ? '' : typeof v === 'number' ? humanNumber(v, c) : printable(String(v)));
  const t = new Table({ head: cols.map(printable), style: { head: [], border: [] }, wordWrap: true });
  for (const r of rows) t.push(cols.map((c) => cell(r[c], c)));
  return t.toString() + '\n';
}
