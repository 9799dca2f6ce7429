// `zhenggai export --out DIR`: one CSV per table and view, plus a Datasette-style
// metadata.json (title, description, per-table and per-column descriptions), so the
// database and the CSVs open directly in Datasette and in spreadsheets.
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, renameSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { BOM, csvSafe } from './format.js';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { Store } from '../store/store.js';
import { exportNotes } from '../store/tables-dataset.js';
import { STATUS_LABEL, LEVEL_LABEL } from './labels.js';

/** Each table's and view's description and column notes, from the table declarations (store/tables.ts, store/tables-dataset.ts). */
export const DESCRIPTIONS: Record<string, { description: string; columns?: Record<string, string> }> = exportNotes();

/**
 * Chinese names of the columns, for analysts (issue 22): the workbook's headers (`export --format
 * xlsx`, app/export-xlsx.ts) and `export --chinese-headers`. The dataset, its CSVs by default and
 * metadata.json keep the English names. Keyed by column name, or by TABLE.column where one name
 * means different things in different tables (that key wins); a column without one keeps its name.
 */
export const COLUMN_LABELS: Record<string, string> = {
  // identities and links
  id: '编号', 'documents.id': '文档编号', 'bulletins.id': '通报编号', 'publications.id': '通报编号', 'issues.id': '问题编号', 'units.id': '单位编号',
  'categories.id': '类别编号', 'quantities.id': '数量编号', 'rules.id': '规则编号', 'themes.id': '主题编号', 'ingest_runs.id': '运行编号',
  bulletin_id: '通报编号', document_id: '文档编号', issue_id: '问题编号', unit_id: '单位编号', theme_id: '主题编号', run_id: '运行编号',
  category_id: '类别编号', same_as_bulletin: '同一通报的首个文件（通报编号）',
  // documents and files
  sha256: 'SHA-256', format: '文件格式', encoding: '编码', size: '文件大小（字节）', text: '文本', 'documents.text': '规范化文本',
  pipeline_version: '程序版本', rules_hash: '规则哈希', record: '记录（JSON）', record_json: '记录（JSON）', ingested_at: '导入时间',
  path: '文件路径', first_seen: '首次发现时间', files: '文件数', fingerprint: '指纹（同一通报相同）',
  // units
  unit: '单位', name: '名称', 'units.name': '单位名称', unit_name: '单位名称', 'bulletins.unit_name': '通报所写单位名称',
  'group_stats.unit_name': '通报所写单位名称', region: '地区', level: '层级', alias: '别称', source: '来源',
  from_name: '原名称', into_name: '并入名称', created_at: '创建时间', 'unit_merges.undo': '撤销合并所需信息（JSON）',
  // bulletins
  title: '标题', 'categories.title': '类别标题', 'documents_cited.title': '引用文件', issuer: '发文单位', inspection_kind: '巡视巡察类型',
  team: '巡视巡察组', round: '轮次', inspection_start: '巡视巡察开始日期', inspection_end: '巡视巡察结束日期', feedback_date: '反馈日期',
  as_of_date: '截至日期', years_implied: '年份由上下文推断的日期', year: '年份', published_date: '发布日期', doc_number: '文号',
  publisher: '发布单位', phones: '联系电话', emails: '电子邮箱',
  key: '项目', 'declared_totals.key': '自报项目', value: '数值', 'declared_totals.value': '自报数值',
  // problems, measures, quantities
  ordinal: '序号', 'measures.ordinal': '措施序号', 'categories.ordinal': '类别序号', category: '问题类别', category_ordinal: '类别序号',
  number: '问题序号', problem: '问题', outcome: '整改成效', status: '整改状态', status_phrase: '状态原文', status_rule: '状态规则',
  'measures.text': '整改措施', measure: '整改措施', 'issue_notes.text': '补充说明', 'quantities.text': '原文',
  span_start: '起始位置', span_end: '结束位置', rule: '规则', 'issues.rule': '识别规则',
  'quantities.unit': '计量单位', kind: '类型', approx: '约数', role: '金额用途',
  theme: '主题代码', label: '主题', themes: '主题', 'bulletin_stats.themes': '主题统计（JSON）', 'group_stats.themes': '主题统计（JSON）', keyword: '关键词',
  // checks
  code: '代码', 'warnings.code': '提示代码', 'ingest_errors.code': '错误代码', warning: '提示', message: '说明',
  // figures
  problems: '问题数', declared_problems: '自报问题数', issues_found: '查找到的问题数', completed: '已完成', not_completed: '未完成',
  completion_rate: '完成率', completion_rate_source: '完成率来源', money_recovered: '追回金额（元）', money_other: '其他金额（元）',
  warnings_count: '提示数', declared_rules: '自报制度数', declared_money_recovered: '自报追回金额（元）', mismatches: '自报不符项数',
  bulletins: '通报数', problems_declared: '自报问题数的通报所列问题数',
  // ingest runs
  started_at: '开始时间', ended_at: '结束时间', ingested: '新导入', unchanged: '未变', reprocessed: '重新处理', failed: '失败', options: '选项',
};

/** The Chinese name of TABLE's column (its English name when it has none). */
export const columnLabel = (table: string, column: string) => COLUMN_LABELS[`${table}.${column}`] ?? COLUMN_LABELS[column] ?? column;

/**
 * Coded values as the workbook shows them (the CSVs keep the codes): by the kind of value, each
 * code with its Chinese name; a code not listed is shown as it is. (Warning codes and messages:
 * rules/labels.json, through app/labels.ts, as the web app shows them.)
 */
export const VALUE_LABELS: Record<string, Record<string, string>> = {
  status: STATUS_LABEL,
  level: LEVEL_LABEL,
  completion_rate_source: { problems: '按所列问题计算', declared: '通报自报' },
  kind: { count: '数量', money: '金额', percent: '百分比', duration: '时长' },
  role: { recovered: '追回', fined: '罚款', involved: '涉及', other: '其他' },
  format: { txt: '文本', docx: 'Word (.docx)', doc: 'Word 97–2003 (.doc)', pdf: 'PDF', html: '网页', image: '图片' },
};

/**
 * The order rows are exported in (a key of each table, index-backed where one exists), so that an
 * export is the same file whichever database it came from; views keep their own order.
 */
const EXPORT_ORDER: Record<string, string> = {
  documents: 'id', document_paths: 'document_id, path', units: 'id', unit_aliases: 'unit_id, alias', unit_merges: 'from_name',
  bulletins: 'id', declared_totals: 'bulletin_id, key', categories: 'id', issues: 'id', measures: 'issue_id, ordinal',
  issue_notes: 'issue_id, ordinal', quantities: 'bulletin_id, id', rules: 'id', issue_themes: 'issue_id, theme', issue_theme_tags: 'issue_id, theme_id', themes: 'theme', documents_cited: 'issue_id, title',
  warnings: 'bulletin_id, code, message', bulletin_stats: 'bulletin_id', publication_overview: 'bulletin_id', bulletin_overview: 'bulletin_id', group_stats: 'unit_id NULLS FIRST, unit_name NULLS FIRST, issuer NULLS FIRST, region NULLS FIRST, level NULLS FIRST, year NULLS FIRST', ingest_runs: 'id', ingest_errors: 'run_id, path',
};

export interface ExportResult { files: string[]; replaced: string[]; kept: string[] }

/**
 * One CSV per table and view, streamed row by row (memory does not grow with the dataset), and
 * metadata.json. Into a new folder, or into one holding an earlier export: only our own files
 * (TABLE.csv, metadata.json) are written over, anything else is left and reported.
 */
/** The tables and views to export (not the search index nor bookkeeping) and each one's columns. */
async function objectsOf(db: Store): Promise<Array<{ name: string; type: string; columns: string[] }>> {
  const list = db.dialect === 'pg'
    ? await db.all<{ name: string; type: string }>(`SELECT table_name AS name, CASE table_type WHEN 'VIEW' THEN 'view' ELSE 'table' END AS type
        FROM information_schema.tables WHERE table_schema = current_schema() AND table_name NOT IN ('issue_search', 'issue_grams', 'zhenggai_migrations', 'quantity_rows') ORDER BY 2, 1`)
    : await db.all<{ name: string; type: string }>("SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'issues_fts%' AND name NOT IN ('id_counters', 'quantity_rows') ORDER BY type, name");
  const out = [];
  for (const x of list) {
    const columns = db.dialect === 'pg'
      ? (await db.all<{ c: string }>('SELECT column_name AS c FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position', [x.name])).map((r) => r.c)
      : (await db.all<{ name: string }>(`SELECT name FROM pragma_table_info(?)`, [x.name])).map((r) => r.name);
    out.push({ ...x, columns });
  }
  return out;
}

export async function exportDataset(db: Store, out: string, dbName = 'zhenggai', o: { rawCsv?: boolean; chineseHeaders?: boolean } = {}): Promise<ExportResult> {
  if (existsSync(out) && !statSync(out).isDirectory()) throw new ExportError(`--out ${out} is a file, not a folder`);
  mkdirSync(out, { recursive: true });
  const objects = await objectsOf(db);
  const ours = new Set([...objects.map((x) => `${x.name}.csv`), 'metadata.json']);
  const before = readdirSync(out);
  const replaced = before.filter((f) => ours.has(f));
  const kept = before.filter((f) => !ours.has(f));
  const files: string[] = [];
  const cell = (v: unknown) => (v == null ? '' : typeof v === 'string' ? (o.rawCsv ? v : csvSafe(v)) : Buffer.isBuffer(v) ? v.toString('base64') : String(v));
  for (const { name, columns } of objects) {
    // the stored record (compressed in SQLite, jsonb on a server) is exported as its JSON text;
    // PostgreSQL's bookkeeping id of a path is not part of the dataset
    const cols = columns.filter((c) => !(name === 'document_paths' && c === 'id' && db.dialect === 'pg'));
    const sql = `SELECT ${cols.map((c) => (name === 'documents' && c === 'record' ? 'zg_record(record, text) AS record_json' : name === 'documents' && c === 'text' ? 'zg_text(text) AS text' : `"${c}"`)).join(', ')} FROM "${name}"${EXPORT_ORDER[name] ? ` ORDER BY ${EXPORT_ORDER[name]}` : ''}`;
    const path = join(out, `${name}.csv`);
    const tmp = `${path}.part`;
    const fd = openSync(tmp, 'w');
    try {
      const header = cols.map((c) => (name === 'documents' && c === 'record' ? 'record_json' : c));
      writeSync(fd, BOM + stringify([o.chineseHeaders ? header.map((c) => columnLabel(name, c)) : header]));
      // rows arrive a batch at a time and go out in small writes (at most 500 rows or about 64K
      // characters): each string written stays in the young generation, so memory stays flat
      // however large the dataset
      let chunk: string[][] = [];
      let chars = 0;
      await db.stream(sql, [], (rows) => {
        for (const row of rows) {
          const cells = row.map(cell);
          chunk.push(cells);
          for (const c of cells) chars += c.length;
          if (chunk.length === 500 || chars > 65_536) { writeSync(fd, stringify(chunk)); chunk = []; chars = 0; }
        }
      });
      if (chunk.length) writeSync(fd, stringify(chunk));
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
    files.push(`${name}.csv`);
  }
  const tables: Record<string, unknown> = {};
  for (const { name } of objects) if (DESCRIPTIONS[name]) tables[name] = DESCRIPTIONS[name];
  const metadata = {
    title: 'zhenggai: inspection-rectification bulletins',
    description: 'Published Party inspection-rectification bulletins (巡视/巡察整改情况通报) turned into tables: bulletins, units, problems, measures, statuses, quantities, declared totals and warnings. Start with the view publications (one row per publication) or bulletin_overview.',
    databases: { [dbName]: { tables } },
  };
  writeFileSync(join(out, 'metadata.json'), JSON.stringify(metadata, null, 2) + '\n');
  files.push('metadata.json');
  return { files, replaced, kept };
}

export class ExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatasetError';
  }
}
