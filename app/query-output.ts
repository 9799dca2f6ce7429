// What `zhenggai query` prints, bounded three ways: rows (--limit), bytes of formatted output
// (--max-bytes-out; a cell longer than --max-cell is cut and ends with CUT_MARK) and time
// (--timeout: the statement, fetching its rows and formatting them share one deadline).
// CSV and JSON are formatted row by row (the same text app/format.ts gives for all rows at
// once), checking the byte budget and the deadline between rows; a table is formatted in a
// worker thread (cli-table3 takes about 100 µs a cell), stopped at the deadline.
import type { Format } from './format.js';
import type { Row } from '../store/store.js';

import { cutCell, CUT_MARK, type QueryLimits, type QueryResult } from '../store/query-limits.js';
export { cutCell, rawSize, rowSize, CUT_MARK, type QueryLimits, type QueryResult } from '../store/query-limits.js';

export interface Formatted {
  text: string;
  /** rows in the text */
  shown: number;
  /** rows left out to stay within --max-bytes-out */
  bytesCut: boolean;
  /** formatting did not finish by the deadline */
  timedOut: boolean;
}

/** Tables estimated to take less than this many microseconds are formatted here, larger ones in a worker. */
const INLINE_TABLE_US = 100_000;
/**
 * What cli-table3 takes, in microseconds, at most (measured: about 100 a cell, 10 a Chinese
 * character, well under 1 a Latin one): a table is only tried on the rows that fit the time left.
 */
const TABLE_US = { cell: 120, wide: 12, narrow: 1 };

/**
 * `rows` formatted as app/format.ts formats them, within `maxBytes` bytes and by `deadline`
 * (ms since the epoch). `workerFile`: dist/query.mjs, which formats a table when run as a worker.
 */
export async function formatBounded(rows: Row[], columns: string[], format: Format, o: { rawCsv?: boolean; maxBytes: number; deadline: number; workerFile: string }): Promise<Formatted> {
  const { formatRows, BOM } = await import('./format.js');
  if (format === 'table') return formatTable(rows, columns, o);
  const pieces: string[] = [];
  let bytes = 0;
  let bytesCut = false;
  let timedOut = false;
  // CSV: the header, then each row's line(s); JSON: each row's object as JSON.stringify(rows, null, 2) indents it
  const header = format === 'csv' ? formatRows([], 'csv', columns, { rawCsv: o.rawCsv, bom: false }) : '';
  bytes += Buffer.byteLength(header) + 8;
  for (const row of rows) {
    if (Date.now() > o.deadline) { timedOut = true; break; }
    const piece = format === 'csv'
      ? formatRows([row], 'csv', columns, { rawCsv: o.rawCsv, bom: false }).slice(header.length)
      : formatRows([row], 'json', columns).slice(2, -3);
    const size = Buffer.byteLength(piece) + 2;
    if (bytes + size > o.maxBytes) { bytesCut = true; break; }
    bytes += size;
    pieces.push(piece);
  }
  const text = format === 'csv' ? BOM + header + pieces.join('') : pieces.length ? `[\n${pieces.join(',\n')}\n]\n` : '[]\n';
  return { text, shown: pieces.length, bytesCut, timedOut };
}

/** A table of the rows that fit (estimated from the widest cell of each column), cut at a line end if it still comes out larger. */
async function formatTable(rows: Row[], columns: string[], o: { rawCsv?: boolean; maxBytes: number; deadline: number; workerFile: string }): Promise<Formatted> {
  const { formatRows } = await import('./format.js');
  if (!rows.length) return { text: formatRows([], 'table', columns), shown: 0, bytesCut: false, timedOut: false };
  const cols = columns.length ? columns : [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const lines = (v: unknown) => (v == null ? [''] : String(v).split('\n'));
  const widths = cols.map((c) => Math.max(...lines(c).map((l) => l.length)));
  let height = 3 + Math.max(...cols.map((c) => lines(c).length));
  let chosen = 0;
  let estimate = 0;
  let late = false;
  let cost = 0;
  // a worker takes about a tenth of a second to start
  const forTime = (o.deadline - Date.now() - 100) * 1000;
  for (const r of rows) {
    if (chosen % 256 === 0 && Date.now() > o.deadline) return { text: '', shown: 0, bytesCut: false, timedOut: true };
    let h = 1;
    cols.forEach((c, i) => {
      const ls = lines(r[c]);
      h = Math.max(h, ls.length);
      cost += TABLE_US.cell;
      for (const l of ls) {
        let wide = 0;
        for (let k = 0; k < l.length; k++) if (l.charCodeAt(k) >= 0x1100) wide++;
        cost += wide * TABLE_US.wide + (l.length - wide) * TABLE_US.narrow;
        if (l.length > widths[i]!) widths[i] = l.length;
      }
    });
    height += h + 1;
    // the table's lines, each as wide as all columns
    estimate = height * widths.reduce((s, w) => s + w + 3, 1);
    if (chosen && estimate > o.maxBytes) break;
    if (chosen && cost > forTime) { late = true; break; }
    chosen++;
  }
  const some = rows.slice(0, chosen);
  let text: string | null;
  if (cost <= INLINE_TABLE_US) text = formatRows(some, 'table', columns);
  else text = await inWorker(o.workerFile, { rows: some, columns, rawCsv: o.rawCsv }, o.deadline);
  if (text === null) return { text: '', shown: 0, bytesCut: false, timedOut: true };
  let bytesCut = chosen < rows.length && !late;
  if (Buffer.byteLength(text) > o.maxBytes) {
    // cut at the last line end that fits
    const b = Buffer.from(text);
    const end = b.lastIndexOf(0x0a, o.maxBytes - 1);
    text = end > 0 ? b.subarray(0, end + 1).toString('utf8') : '';
    bytesCut = true;
  }
  return { text, shown: chosen, bytesCut, timedOut: late };
}

/** The table formatted by a worker thread running `file` (dist/query.mjs), or null once `deadline` has passed. */
async function inWorker(file: string, job: { rows: Row[]; columns: string[]; rawCsv?: boolean }, deadline: number): Promise<string | null> {
  const { Worker } = await import('node:worker_threads');
  const worker = new Worker(file);
  try {
    return await new Promise<string | null>((resolve, reject) => {
      const timer = setTimeout(() => resolve(null), Math.max(0, deadline - Date.now()));
      worker.once('message', (text: string) => { clearTimeout(timer); resolve(text); });
      worker.once('error', (e) => { clearTimeout(timer); reject(e); });
      worker.once('exit', () => { clearTimeout(timer); resolve(null); });
      worker.postMessage(job);
    });
  } finally {
    await worker.terminate();
  }
}
