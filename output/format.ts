// Rows → an aligned terminal table (CJK-aware, via cli-table3), CSV (csv-stringify) or JSON.
import Table from 'cli-table3';
import { stringify } from 'csv-stringify/sync';
import type { Row } from './queries.js';

export type Format = 'table' | 'csv' | 'json';

export function formatRows(rows: Row[], format: Format, columns?: string[]): string {
  const cols = columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  if (format === 'json') return JSON.stringify(rows, null, 2) + '\n';
  const cell = (v: unknown) => (v == null ? '' : typeof v === 'number' && !Number.isInteger(v) ? String(Math.round(v * 1000) / 1000) : String(v));
  if (format === 'csv') return stringify([cols, ...rows.map((r) => cols.map((c) => cell(r[c])))]);
  if (!rows.length) return '(no rows)\n';
  const t = new Table({ head: cols, style: { head: [], border: [] }, wordWrap: true });
  for (const r of rows) t.push(cols.map((c) => cell(r[c])));
  return t.toString() + '\n';
}
