// `zhenggai export --out DIR --format xlsx`: one workbook, zhenggai.xlsx, of the views analysts
// use first (issue 22: they work in Excel and WPS 表格), with Chinese headers and Chinese statuses.
// Written by exceljs's streaming writer a row at a time, so memory stays flat whatever the
// dataset's size: each sheet's rows come from the database a batch at a time, and the writer
// waits whenever the zip behind it has not taken what was written (see `drained`).
//
// Cells: numbers stay numbers (money with a 元 thousands format, completion rates as
// percentages), dates and every other text are strings; a string is written as an inline string
// (<is>), never as a formula, so a cell starting with = + - @ is shown as it is and never run.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { columnLabel, ExportError, VALUE_LABELS } from './export.js';
import { warningLabel, warningMessage } from './labels.js';
import type { Store } from '../store/store.js';

export const WORKBOOK_FILE = 'zhenggai.xlsx';

/**
 * How a column is written: `id` and `year` plain numbers, `count` a whole number with thousands
 * separators, `money` yuan as `#,##0.00"元"`, `rate` 0..1 as a percentage, `number` as it is
 * (money ones in the 元 format: a quantity's value, by its row's `kind`), `text` a string (dates
 * too: 2024-05-16 stays text), `code` a coded value shown by its Chinese name (VALUE_LABELS),
 * `warning` a warning's code and `message` its message as the web app says them in Chinese
 * (rules/labels.json).
 */
type ColumnType = 'id' | 'year' | 'count' | 'money' | 'rate' | 'number' | 'text' | 'code' | 'warning' | 'message';
interface SheetColumn {
  /** the English name: the result column, the key of its header in COLUMN_LABELS */
  key: string;
  /** the SQL giving it, when it is not `key` itself */
  sql?: string;
  type: ColumnType;
  /** width in characters (a CJK character counts about two) */
  width: number;
  /** for `code`: the VALUE_LABELS list, when it is not `key` */
  codes?: string;
}
export interface SheetSpec {
  name: string;
  /** the table or view whose column names (TABLE.column in COLUMN_LABELS) the headers use */
  table: string;
  columns: SheetColumn[];
  /** FROM … ORDER BY …: index-backed orders, so rows stream without a sort of the whole result */
  from: string;
}

const MONEY = '#,##0.00"元"';
const FORMATS: Partial<Record<ColumnType, string>> = { count: '#,##0', money: MONEY, rate: '0.0%' };

const unitName = 'COALESCE(u.name, b.unit_name)';
const firstPath = '(SELECT min(p.path) FROM document_paths p WHERE p.document_id = b.document_id)';
const overviewColumns = (perFile: boolean): SheetColumn[] => [
  { key: 'bulletin_id', sql: 'o.bulletin_id', type: 'id', width: 10 },
  ...(perFile ? [{ key: 'same_as_bulletin', sql: 'o.same_as_bulletin', type: 'id', width: 12 } as SheetColumn] : []),
  { key: 'unit', sql: 'o.unit', type: 'text', width: 30 },
  { key: 'region', sql: 'o.region', type: 'text', width: 12 },
  { key: 'level', sql: 'o.level', type: 'code', width: 7 },
  { key: 'year', sql: 'o.year', type: 'year', width: 7 },
  { key: 'team', sql: 'o.team', type: 'text', width: 20 },
  { key: 'feedback_date', sql: 'b.feedback_date', type: 'text', width: 11 },
  { key: 'as_of_date', sql: 'b.as_of_date', type: 'text', width: 11 },
  { key: 'published_date', sql: 'b.published_date', type: 'text', width: 11 },
  { key: 'declared_problems', sql: 'o.declared_problems', type: 'count', width: 10 },
  { key: 'issues_found', sql: 'o.issues_found', type: 'count', width: 10 },
  { key: 'completed', sql: 'o.completed', type: 'count', width: 8 },
  { key: 'not_completed', sql: 'o.not_completed', type: 'count', width: 8 },
  { key: 'completion_rate', sql: 'o.completion_rate', type: 'rate', width: 8 },
  { key: 'completion_rate_source', sql: 'o.completion_rate_source', type: 'code', width: 16 },
  { key: 'money_recovered', sql: 'o.money_recovered', type: 'money', width: 20 },
  { key: 'money_other', sql: 'o.money_other', type: 'money', width: 20 },
  { key: 'warnings_count', sql: 'o.warnings_count', type: 'count', width: 7 },
  ...(perFile
    ? [{ key: 'format', sql: 'd.format', type: 'code', width: 12 } as SheetColumn, { key: 'path', sql: firstPath, type: 'text', width: 40 } as SheetColumn]
    : [{ key: 'files', sql: 'o.files', type: 'count', width: 7 } as SheetColumn]),
  { key: 'title', sql: 'o.title', type: 'text', width: 60 },
];

/**
 * The sheets, in order. Problems, measures and quantities list each publication once (the same
 * bulletin saved as .txt, .docx and .pdf counts once, as in 通报概览, search and compare); 文件概览
 * and 提示 have every file.
 */
export const SHEETS: SheetSpec[] = [
  {
    name: '通报概览', table: 'publication_overview', columns: overviewColumns(false),
    from: 'FROM publication_overview o JOIN bulletins b ON b.id = o.bulletin_id ORDER BY o.bulletin_id',
  },
  {
    name: '文件概览', table: 'bulletin_overview', columns: overviewColumns(true),
    from: 'FROM bulletin_overview o JOIN bulletins b ON b.id = o.bulletin_id JOIN documents d ON d.id = b.document_id ORDER BY o.bulletin_id',
  },
  {
    name: '问题', table: 'issues',
    columns: [
      { key: 'id', sql: 'i.id', type: 'id', width: 10 },
      { key: 'bulletin_id', sql: 'b.id', type: 'id', width: 10 },
      { key: 'unit', sql: unitName, type: 'text', width: 30 },
      { key: 'region', sql: 'b.region', type: 'text', width: 12 },
      { key: 'level', sql: 'b.level', type: 'code', width: 7 },
      { key: 'year', sql: 'b.year', type: 'year', width: 7 },
      { key: 'number', sql: 'i.number', type: 'id', width: 8 },
      { key: 'category', sql: 'c.title', type: 'text', width: 24 },
      { key: 'problem', sql: 'i.problem', type: 'text', width: 60 },
      { key: 'status', sql: 'i.status', type: 'code', width: 10 },
      { key: 'status_phrase', sql: 'i.status_phrase', type: 'text', width: 12 },
      { key: 'outcome', sql: 'i.outcome', type: 'text', width: 50 },
      { key: 'themes', sql: "(SELECT string_agg(t.label, '、' ORDER BY t.theme) FROM issue_themes t WHERE t.issue_id = i.id)", type: 'text', width: 24 },
    ],
    from: `FROM publications b LEFT JOIN units u ON u.id = b.unit_id JOIN issues i ON i.bulletin_id = b.id
      LEFT JOIN categories c ON c.id = i.category_id ORDER BY b.id, i.number`,
  },
  {
    name: '整改措施', table: 'measures',
    columns: [
      { key: 'issue_id', sql: 'i.id', type: 'id', width: 10 },
      { key: 'bulletin_id', sql: 'b.id', type: 'id', width: 10 },
      { key: 'unit', sql: unitName, type: 'text', width: 30 },
      { key: 'year', sql: 'b.year', type: 'year', width: 7 },
      { key: 'number', sql: 'i.number', type: 'id', width: 8 },
      { key: 'ordinal', sql: 'm.ordinal', type: 'id', width: 8 },
      { key: 'text', sql: 'm.text', type: 'text', width: 80 },
    ],
    // CROSS JOIN: SQLite keeps this join order (bulletins, then each one's problems by their key,
    // then each problem's measures by theirs), so rows come in order without sorting them all;
    // PostgreSQL plans it as the inner join it is
    from: `FROM publications b CROSS JOIN issues i CROSS JOIN measures m LEFT JOIN units u ON u.id = b.unit_id
      WHERE i.bulletin_id = b.id AND m.issue_id = i.id ORDER BY b.id, i.number, m.ordinal`,
  },
  {
    name: '数量与金额', table: 'quantities',
    columns: [
      { key: 'bulletin_id', sql: 'b.id', type: 'id', width: 10 },
      { key: 'unit_name', sql: unitName, type: 'text', width: 30 },
      { key: 'year', sql: 'b.year', type: 'year', width: 7 },
      { key: 'issue_id', sql: 'q.issue_id', type: 'id', width: 10 },
      { key: 'number', sql: 'i.number', type: 'id', width: 8 },
      { key: 'kind', sql: 'q.kind', type: 'code', width: 7 },
      { key: 'role', sql: 'q.role', type: 'code', width: 8 },
      { key: 'value', sql: 'q.value', type: 'number', width: 20 },
      { key: 'unit', sql: 'q.unit', type: 'text', width: 8 },
      { key: 'approx', sql: 'q.approx', type: 'text', width: 7 },
      { key: 'text', sql: 'q.text', type: 'text', width: 24 },
    ],
    from: `FROM publications b LEFT JOIN units u ON u.id = b.unit_id JOIN quantities q ON q.bulletin_id = b.id
      LEFT JOIN issues i ON i.id = q.issue_id ORDER BY b.id, q.id`,
  },
  {
    name: '提示', table: 'warnings',
    columns: [
      { key: 'bulletin_id', sql: 'b.id', type: 'id', width: 10 },
      { key: 'unit', sql: unitName, type: 'text', width: 30 },
      { key: 'year', sql: 'b.year', type: 'year', width: 7 },
      { key: 'warning', sql: 'w.code', type: 'warning', width: 22 },
      { key: 'code', sql: 'w.code', type: 'text', width: 22 },
      { key: 'message', sql: 'w.message', type: 'message', width: 60 },
      { key: 'path', sql: firstPath, type: 'text', width: 40 },
      { key: 'title', sql: 'b.title', type: 'text', width: 50 },
    ],
    from: `FROM warnings w JOIN bulletins b ON b.id = w.bulletin_id LEFT JOIN units u ON u.id = b.unit_id
      ORDER BY w.bulletin_id, w.code, w.message`,
  },
];

export const sheetSql = (s: SheetSpec) => `SELECT ${s.columns.map((c) => (c.sql ? `${c.sql} AS ${c.key}` : c.key)).join(', ')} ${s.from}`;
export const sheetHeaders = (s: SheetSpec) => s.columns.map((c) => columnLabel(s.table, c.key));
/** Width of a text in Excel's character units: a CJK or full-width character takes about two. */
const displayWidth = (s: string) => [...s].reduce((w, ch) => w + (ch.codePointAt(0)! >= 0x2e80 ? 2 : 1), 0);
/** A column's width: its set width, or wider when its header needs it (with room for the filter button). */
export const columnWidths = (s: SheetSpec) => sheetHeaders(s).map((h, i) => Math.max(s.columns[i]!.width, displayWidth(h) + 3));

/** Excel's limits: rows a sheet (the header included), characters a cell. */
export const EXCEL_MAX_ROWS = 1_048_576;
const EXCEL_MAX_CELL = 32_767;
const CUT = '…[cut]';

/** A text as a cell can hold it: lone surrogates (not XML) replaced, cut at Excel's 32,767 characters. */
function cellText(v: string): string {
  let s = v.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/g, '\ufffd');
  if (s.length > EXCEL_MAX_CELL) {
    s = s.slice(0, EXCEL_MAX_CELL - CUT.length);
    if (/[\ud800-\udbff]$/.test(s)) s = s.slice(0, -1);
    s += CUT;
  }
  return s;
}
/**
 * A string cell: written as an inline string (<c t="inlineStr"><is>…) — exceljs writes a plain
 * string without shared strings as t="str", a formula's cached result, which the format does not
 * define without a formula. (Control characters XML cannot hold are left out by exceljs.)
 */
const inline = (s: string) => ({ richText: [{ text: cellText(s) }] });

type Cell = number | { richText: Array<{ text: string }> } | null;

function toCell(v: unknown, c: SheetColumn): Cell {
  if (v == null) return null;
  if (c.type === 'text') return inline(typeof v === 'string' ? v : String(v));
  if (c.type === 'code') {
    const s = String(v);
    return inline(VALUE_LABELS[c.codes ?? c.key]?.[s] ?? s);
  }
  if (c.type === 'warning') return inline(warningLabel(String(v)));
  if (c.type === 'message') return inline(warningMessage(String(v)));
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : inline(String(v));
}

// exceljs's sheet stream (its StreamBuf) says nothing when the zip behind it falls behind: it
// writes on into the PassThrough archiver reads it from, which then holds the whole sheet's XML
// (~40 MB per 100,000 rows). So after each batch the writer waits while that PassThrough holds more
// than BACKLOG bytes: memory stays flat (and the export is faster: the zip runs as rows come).
const BACKLOG = 8 * 1024 * 1024;
interface Pipe { writableLength?: number; _writableState?: { length: number }; once(e: 'drain', f: () => void): unknown; off(e: 'drain', f: () => void): unknown }
const pipesOf = (ws: ExcelJS.Worksheet): Pipe[] | undefined => (ws as unknown as { stream?: { pipes?: Pipe[] } }).stream?.pipes;
const pending = (p: Pipe) => p.writableLength ?? p._writableState?.length ?? 0;
async function drained(ws: ExcelJS.Worksheet): Promise<void> {
  for (;;) {
    const full = (pipesOf(ws) ?? []).find((p) => pending(p) > BACKLOG);
    if (!full) return;
    await new Promise<void>((resolve) => {
      const done = () => { clearTimeout(timer); full.off('drain', done); resolve(); };
      const timer = setTimeout(done, 50);
      full.once('drain', done);
    });
  }
}

export interface WorkbookResult {
  file: string;
  /** an earlier zhenggai.xlsx was replaced */
  replaced: boolean;
  /** other files in the folder, left as they were */
  kept: string[];
  sheets: Array<{ name: string; rows: number }>;
  /** the writer could see the zip's backlog (memory bounded); false would mean exceljs changed */
  bounded: boolean;
}

/**
 * Write DIR/zhenggai.xlsx: a sheet per SHEETS entry (a sheet that would pass Excel's 1,048,576 rows
 * goes on in 整改措施 (2) …), each with its Chinese header row, frozen, an autofilter over its
 * rows and set column widths. Written to a .part file renamed into place.
 */
export async function exportWorkbook(db: Store, out: string, o: { maxRows?: number } = {}): Promise<WorkbookResult> {
  if (existsSync(out) && !statSync(out).isDirectory()) throw new ExportError(`--out ${out} is a file, not a folder`);
  mkdirSync(out, { recursive: true });
  const before = readdirSync(out);
  const path = join(out, WORKBOOK_FILE);
  const tmp = `${path}.part`;
  const maxData = Math.max(1, (o.maxRows ?? EXCEL_MAX_ROWS) - 1);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useStyles: true, useSharedStrings: false });
  wb.creator = 'zhenggai';
  const sheets: WorkbookResult['sheets'] = [];
  let bounded = true;
  try {
    for (const spec of SHEETS) {
      const headers = sheetHeaders(spec).map(inline);
      const widths = columnWidths(spec);
      let part = 0;
      let ws: ExcelJS.Worksheet | null = null;
      let rows = 0;
      const open = () => {
        part++;
        const name = part === 1 ? spec.name : `${spec.name} (${part})`;
        const sheet = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
        sheet.columns = spec.columns.map((c, i) => ({ key: c.key, width: widths[i], style: FORMATS[c.type] ? { numFmt: FORMATS[c.type] } : {} }));
        const head = sheet.addRow(headers);
        head.font = { bold: true };
        head.commit();
        if (!Array.isArray(pipesOf(sheet))) bounded = false;
        sheets.push({ name, rows: 0 });
        ws = sheet;
        rows = 0;
      };
      const close = () => {
        if (!ws) return;
        ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows + 1, column: spec.columns.length } };
        ws.commit();
        sheets[sheets.length - 1]!.rows = rows;
        ws = null;
      };
      open();
      const kindAt = spec.columns.findIndex((c) => c.key === 'kind');
      await db.stream(sheetSql(spec), [], async (batch) => {
        for (const r of batch) {
          if (rows === maxData) { close(); open(); }
          const row = ws!.addRow(spec.columns.map((c, i) => toCell(r[i], c)));
          // a quantity's value: yuan in the 元 format when the quantity is money
          if (kindAt >= 0 && r[kindAt] === 'money') {
            spec.columns.forEach((c, i) => { if (c.type === 'number' && typeof r[i] === 'number') row.getCell(i + 1).numFmt = MONEY; });
          }
          row.commit();
          rows++;
        }
        await drained(ws!);
      });
      close();
    }
    await wb.commit();
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  renameSync(tmp, path);
  return { file: WORKBOOK_FILE, replaced: before.includes(WORKBOOK_FILE), kept: before.filter((f) => f !== WORKBOOK_FILE), sheets, bounded };
}
