// `zhenggai export --format xlsx` (issue 22: analysts work in Excel and WPS 表格): the workbook
// of the shipped fixtures (and one hostile bulletin), read back with exceljs, the library that
// wrote it, and its sheet XML read as it is: sheets and Chinese headers, 通报概览 equal to the
// view publication_overview, numbers as numbers with their formats, statuses in Chinese, a cell
// starting with =HYPERLINK( a string and never a formula.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { ingest } from '../app/batch.js';
import { openStore, type Store } from '../store/store.js';
import { columnLabel, VALUE_LABELS } from '../app/export.js';
import { warningLabel, warningMessage } from '../app/labels.js';
import { columnWidths, exportWorkbook, SHEETS, sheetHeaders, WORKBOOK_FILE } from '../app/export-xlsx.js';
import { FIXTURES } from './fixtures.js';
import { startPg, type PgServer } from './pg-server.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = (...a: string[]) => spawnSync(process.execPath, [join(root, 'bin', 'zhenggai.mjs'), ...a], { encoding: 'utf8', timeout: 120_000, cwd: root });
const dir = mkdtempSync(join(tmpdir(), 'zg-xlsx-'));
const HOSTILE = '=HYPERLINK("http://x")乡村振兴\u001b]0;pwned\u0007项目推进缓慢';
let dbPath: string;
let db: Store;
let wb: ExcelJS.Workbook;

/** A cell's value as a plain value: inline strings come back as rich text runs. */
function val(c: ExcelJS.Cell): unknown {
  const v = c.value as unknown;
  if (v && typeof v === 'object' && 'richText' in v) return (v as { richText: Array<{ text: string }> }).richText.map((r) => r.text).join('');
  return v ?? null;
}
/** A sheet's rows (after the header) as objects keyed by the English column names. */
function rowsOf(ws: ExcelJS.Worksheet, table = SHEETS.find((s) => ws.name.startsWith(s.name))!) {
  const out: Array<Record<string, unknown>> = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    out.push(Object.fromEntries(table.columns.map((c, i) => [c.key, val(row.getCell(i + 1))])));
  });
  return out;
}
async function readWorkbook(file: string) {
  const w = new ExcelJS.Workbook();
  await w.xlsx.readFile(file);
  return w;
}

beforeAll(async () => {
  // the seed town bulletin with a problem that starts like a formula (and carries escape codes)
  mkdirSync(join(dir, 'in'));
  const seed = readFileSync(join(FIXTURES, 'yuehe-town-2024', 'bulletin.txt'), 'utf8');
  expect(seed).toContain('乡村振兴项目推进缓慢');
  writeFileSync(join(dir, 'in', 'hostile.txt'), seed.replace('乡村振兴项目推进缓慢', HOSTILE));
  dbPath = join(dir, 'z.db');
  const s = await ingest([FIXTURES, join(dir, 'in')], { db: dbPath, jobs: 1 });
  expect(s.failed).toBe(0);
  db = await openStore(dbPath, { readonly: true });
  const r = await exportWorkbook(db, join(dir, 'out'));
  expect(r.bounded).toBe(true); // the writer sees the zip's backlog: memory stays flat
  wb = await readWorkbook(join(dir, 'out', WORKBOOK_FILE));
}, 120_000);
afterAll(async () => { await db?.close(); });

describe('export --format xlsx', () => {
  it('has a sheet per view with Chinese headers, frozen, filtered, with set widths', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['通报概览', '文件概览', '问题', '整改措施', '数量与金额', '提示']);
    for (const spec of SHEETS) {
      const ws = wb.getWorksheet(spec.name)!;
      const head = (ws.getRow(1).values as unknown[]).slice(1).map((v) => val({ value: v } as ExcelJS.Cell));
      expect(head, spec.name).toEqual(sheetHeaders(spec));
      // every header is Chinese (no English column name left)
      for (const h of head) expect(String(h), `${spec.name}: ${h}`).toMatch(/[\u4e00-\u9fff]/);
      expect(ws.getRow(1).font?.bold).toBe(true);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const last = String.fromCharCode(64 + spec.columns.length);
      expect(ws.autoFilter, spec.name).toBe(`A1:${last}${ws.rowCount}`);
      // each column its set width, wider where its header needs it
      const widths = columnWidths(spec);
      spec.columns.forEach((c, i) => {
        expect(ws.getColumn(i + 1).width, `${spec.name} ${c.key}`).toBe(widths[i]);
        expect(widths[i]).toBeGreaterThanOrEqual(c.width);
        expect(widths[i]).toBeGreaterThanOrEqual(2 * head[i]!.toString().length);
      });
    }
    const head = (ws: string) => sheetHeaders(SHEETS.find((s) => s.name === ws)!);
    expect(head('通报概览')).toEqual(expect.arrayContaining(['单位', '年份', '查找到的问题数', '完成率', '追回金额（元）', '文件数']));
    expect(head('问题')).toEqual(expect.arrayContaining(['单位', '年份', '问题序号', '问题', '整改状态', '整改成效']));
    expect(head('整改措施')).toContain('整改措施');
    expect(head('数量与金额')).toEqual(expect.arrayContaining(['单位名称', '计量单位', '数值', '类型', '金额用途']));
  });

  it('通报概览 has one row per publication, equal to SELECT … FROM publication_overview', async () => {
    const view = await db.all<Record<string, unknown>>('SELECT * FROM publication_overview ORDER BY bulletin_id');
    const sheet = rowsOf(wb.getWorksheet('通报概览')!);
    expect(sheet.length).toBe(view.length);
    expect(view.length).toBeGreaterThan(30);
    const coded = new Set(['level', 'completion_rate_source']);
    view.forEach((v, k) => {
      const row = sheet[k]!;
      for (const [col, x] of Object.entries(v)) {
        if (col === 'same_as_bulletin') continue; // NULL on every publication
        expect(col in row, col).toBe(true);
        const want = x == null ? null : coded.has(col) ? VALUE_LABELS[col]![String(x)] : x;
        expect(row[col], `${col} of bulletin ${v.bulletin_id}`).toEqual(want);
      }
    });
    // dates are text, as the dataset has them
    const dated = sheet.find((r) => r.feedback_date != null)!;
    expect(dated.feedback_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const lone = (await db.all<{ n: number }>('SELECT count(*) AS n FROM bulletin_overview'))[0]!.n;
    expect(wb.getWorksheet('文件概览')!.rowCount - 1).toBe(lone);
  });

  it('numbers are numbers: money with the 元 thousands format, rates as percentages', () => {
    const ws = wb.getWorksheet('通报概览')!;
    const at = (key: string) => SHEETS[0]!.columns.findIndex((c) => c.key === key) + 1;
    let money: ExcelJS.Cell | undefined;
    ws.eachRow((row, n) => { if (n > 1 && !money && Number(val(row.getCell(at('money_recovered')))) > 10_000) money = row.getCell(at('money_recovered')); });
    expect(money!.type).toBe(ExcelJS.ValueType.Number);
    expect(money!.numFmt).toBe('#,##0.00"元"');
    const rate = ws.getRow(2).getCell(at('completion_rate'));
    expect(rate.type).toBe(ExcelJS.ValueType.Number);
    expect(rate.numFmt).toBe('0.0%');
    expect(ws.getRow(2).getCell(at('year')).type).toBe(ExcelJS.ValueType.Number);
    // a quantity's value: the 元 format on money, none on counts
    const q = wb.getWorksheet('数量与金额')!;
    const qcol = (key: string) => SHEETS[4]!.columns.findIndex((c) => c.key === key) + 1;
    const kinds = new Map<string, ExcelJS.Cell>();
    q.eachRow((row, n) => { if (n > 1) kinds.set(String(val(row.getCell(qcol('kind')))), row.getCell(qcol('value'))); });
    expect(kinds.get('金额')!.type).toBe(ExcelJS.ValueType.Number);
    expect(kinds.get('金额')!.numFmt).toBe('#,##0.00"元"');
    expect(kinds.get('数量')!.type).toBe(ExcelJS.ValueType.Number);
    expect(kinds.get('数量')!.numFmt ?? 'General').not.toMatch(/元/);
  });

  it('问题 has each publication’s problems with unit, year and status in Chinese; 整改措施 their measures', async () => {
    const issues = rowsOf(wb.getWorksheet('问题')!);
    const n = (await db.all<{ n: number }>('SELECT count(*) AS n FROM issues i JOIN publications b ON b.id = i.bulletin_id'))[0]!.n;
    expect(issues.length).toBe(n);
    expect(issues.map((r) => r.status)).toContain('已完成');
    expect(issues.every((r) => ['已完成', '正在整改', '长期整改', '未注明'].includes(String(r.status)))).toBe(true);
    const seed = issues.find((r) => r.unit === '新野县科学技术协会' && r.year === 2024 && r.number === 28)!;
    expect(seed.problem).toMatch(/^党费收缴不规范/);
    expect(seed.status).toBe('已完成');
    const measures = rowsOf(wb.getWorksheet('整改措施')!);
    const m = (await db.all<{ n: number }>('SELECT count(*) AS n FROM measures m JOIN issues i ON i.id = m.issue_id JOIN publications b ON b.id = i.bulletin_id'))[0]!.n;
    expect(measures.length).toBe(m);
    expect(measures.filter((r) => r.issue_id === seed.id).map((r) => r.ordinal)).toEqual(expect.arrayContaining([1, 2]));
  });

  it('提示 has every file’s warnings, their kinds and messages said in Chinese as the web app says them', async () => {
    const warnings = await db.all<{ bulletin_id: number; code: string; message: string }>('SELECT bulletin_id, code, message FROM warnings ORDER BY bulletin_id, code, message');
    const sheet = rowsOf(wb.getWorksheet('提示')!);
    expect(sheet.map((r) => [r.bulletin_id, r.code, r.warning, r.message])).toEqual(warnings.map((w) => [w.bulletin_id, w.code, warningLabel(w.code), warningMessage(w.message)]));
    expect(sheet.map((r) => r.message)).toContain('自报已完成整改 30 个，读出 5 个');
    expect(sheet.find((r) => r.code === 'declared_total_mismatch')!.warning).toMatch(/[\u4e00-\u9fff]/);
  });

  it('a problem starting with =HYPERLINK( is a string cell, never a formula', async () => {
    const ws = wb.getWorksheet('问题')!;
    const col = SHEETS[2]!.columns.findIndex((c) => c.key === 'problem') + 1;
    const cells: ExcelJS.Cell[] = [];
    ws.eachRow((row, n) => { if (n > 1 && String(val(row.getCell(col))).startsWith('=HYPERLINK(')) cells.push(row.getCell(col)); });
    expect(cells.length).toBe(1);
    expect(cells[0]!.type).not.toBe(ExcelJS.ValueType.Formula);
    expect(cells[0]!.formula).toBeUndefined();
    // the text as the dataset has it, less the escape and bell characters XML cannot carry
    const stored = (await db.all<{ problem: string }>("SELECT problem FROM issues WHERE problem LIKE '=HYPERLINK(%'"))[0]!.problem;
    expect(stored).toMatch(/\u001b/);
    expect(val(cells[0]!)).toBe(stored.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ''));
    // and in the file itself: no formula anywhere, the text an inline string
    const zip = unzipSync(readFileSync(join(dir, 'out', WORKBOOK_FILE)));
    const sheets = Object.keys(zip).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
    expect(sheets).toHaveLength(6);
    for (const f of sheets) expect(strFromU8(zip[f]!), f).not.toMatch(/<f[ >]/);
    expect(strFromU8(zip['xl/worksheets/sheet3.xml']!)).toMatch(/t="inlineStr"><is><r><t[^>]*>=HYPERLINK\(/);
  });

  it('a sheet past the row limit goes on in another, no row lost', async () => {
    const out = join(dir, 'small');
    const r = await exportWorkbook(db, out, { maxRows: 200 });
    const parts = r.sheets.filter((s) => s.name.startsWith('整改措施'));
    expect(parts.map((s) => s.name).slice(0, 3)).toEqual(['整改措施', '整改措施 (2)', '整改措施 (3)']);
    expect(parts.every((s) => s.rows <= 199)).toBe(true);
    const w = await readWorkbook(join(out, WORKBOOK_FILE));
    const all = w.worksheets.filter((ws) => ws.name.startsWith('整改措施')).flatMap((ws) => rowsOf(ws, SHEETS[3]));
    expect(all).toEqual(rowsOf(wb.getWorksheet('整改措施')!));
  });

  it('the command: writes zhenggai.xlsx, says what is in it, keeps other files; CSV options are for CSV', () => {
    const out = join(dir, 'cli');
    mkdirSync(out);
    writeFileSync(join(out, 'mine.txt'), 'keep');
    const r = cli('export', '--db', dbPath, '--out', out, '--format', 'xlsx');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/zhenggai\.xlsx: 通报概览 \d+, 文件概览 \d+, 问题 \d+, 整改措施 \d+, 数量与金额 \d+, 提示 \d+ rows; 1 other file/);
    expect(readdirSync(out).sort()).toEqual(['mine.txt', 'zhenggai.xlsx']);
    const again = cli('export', '--db', dbPath, '--out', out, '--format', 'xlsx');
    expect(again.stdout).toMatch(/\(replaced\)/);
    expect(cli('export', '--db', dbPath, '--out', out, '--format', 'xlsx', '--raw-csv').status).toBe(2);
    expect(cli('export', '--db', dbPath, '--out', out, '--format', 'ods').status).toBe(2);
  });

  it('--chinese-headers: CSV header rows in Chinese, the rows as they were', () => {
    const out = join(dir, 'csv-zh');
    expect(cli('export', '--db', dbPath, '--out', out, '--chinese-headers').status).toBe(0);
    const lines = readFileSync(join(out, 'publication_overview.csv'), 'utf8').split('\n');
    expect(lines[0]).toMatch(/^\ufeff通报编号,单位,地区,层级,年份,巡视巡察组,自报问题数,查找到的问题数/);
    expect(readFileSync(join(out, 'quantities.csv'), 'utf8').split('\n')[0]).toContain(`,${columnLabel('quantities', 'unit')},`);
    expect(columnLabel('quantities', 'unit')).toBe('计量单位');
    const en = join(dir, 'csv-en');
    expect(cli('export', '--db', dbPath, '--out', en).status).toBe(0);
    const enLines = readFileSync(join(en, 'publication_overview.csv'), 'utf8').split('\n');
    expect(enLines[0]).toMatch(/^\ufeffbulletin_id,unit,region/);
    expect(lines.slice(1)).toEqual(enLines.slice(1));
    expect(readFileSync(join(out, 'metadata.json'), 'utf8')).toBe(readFileSync(join(en, 'metadata.json'), 'utf8'));
    // --headers zh is the same as --chinese-headers
    const zh = join(dir, 'csv-zh2');
    expect(cli('export', '--db', dbPath, '--out', zh, '--headers', 'zh').status).toBe(0);
    expect(readFileSync(join(zh, 'publication_overview.csv'), 'utf8')).toBe(readFileSync(join(out, 'publication_overview.csv'), 'utf8'));
    // no two columns of a file under one Chinese name
    for (const f of readdirSync(out).filter((x) => x.endsWith('.csv'))) {
      const head = readFileSync(join(out, f), 'utf8').split('\n')[0]!.replace(/^\ufeff/, '').split(',');
      expect(new Set(head).size, `${f}: ${head.join(',')}`).toBe(head.length);
    }
  });
});

describe('export --format xlsx from PostgreSQL', () => {
  let server: PgServer | null = null;
  afterAll(() => server?.stop());
  it('gives the workbook the SQLite dataset gives, cell for cell', async () => {
    server = await startPg();
    if (!server) return; // no server here (under CI startPg fails instead)
    const url = await server.createDb('xlsx');
    const lite = join(dir, 'pg-lite.db');
    const [a, b] = await Promise.all([ingest([FIXTURES], { db: lite, jobs: 1 }), ingest([FIXTURES], { db: url, jobs: 1 })]);
    expect(b.ingested).toBe(a.ingested);
    for (const [target, out] of [[url, 'pg'], [lite, 'pg-lite']] as const) {
      const s = await openStore(target, { readonly: true });
      try { await exportWorkbook(s, join(dir, out)); } finally { await s.close(); }
    }
    const [p, l] = await Promise.all([readWorkbook(join(dir, 'pg', WORKBOOK_FILE)), readWorkbook(join(dir, 'pg-lite', WORKBOOK_FILE))]);
    for (const spec of SHEETS) {
      expect(rowsOf(p.getWorksheet(spec.name)!), spec.name).toEqual(rowsOf(l.getWorksheet(spec.name)!));
    }
    expect(existsSync(join(dir, 'pg', WORKBOOK_FILE))).toBe(true);
  }, 240_000);
});
