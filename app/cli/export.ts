// `zhenggai export` and `zhenggai report`: the dataset written out (a CSV per table and view, an
// Excel workbook, a self-contained HTML report with charts).
import { Option, type Command } from 'commander';
import { printable } from '../format.js';
import { dbOption, intAtLeast, rawCsvOption, withDb, year } from './options.js';

export function registerExportCommands(program: Command): void {
  exportCommand(program);
  reportCommand(program);
}

function exportCommand(program: Command): void {
  program
    .command('export')
    .description('write one CSV per table and view plus metadata.json (Datasette and spreadsheets), or with --format xlsx one Excel workbook, zhenggai.xlsx, of the overviews, problems, measures, quantities and warnings with Chinese headers')
    .addOption(dbOption())
    .requiredOption('--out <dir>', 'folder to write (new, or one holding an earlier export: only its own files are replaced)')
    .addOption(new Option('--format <f>', 'csv: a CSV per table and view and metadata.json; xlsx: the workbook zhenggai.xlsx (Excel, WPS 表格)').choices(['csv', 'xlsx']).default('csv'))
    .addOption(rawCsvOption())
    .option('--chinese-headers', 'CSV header rows with the columns\' Chinese names (the dataset and metadata.json keep the English ones)')
    .addOption(new Option('--headers <lang>', 'CSV header rows in Chinese (zh, as --chinese-headers) or English (en, the default)').choices(['zh', 'en']))
    .action(async (o: { db: string; out: string; format: 'csv' | 'xlsx'; rawCsv?: boolean; chineseHeaders?: boolean; headers?: 'zh' | 'en' }) => {
      if (o.headers === 'zh') o.chineseHeaders = true;
      if (o.format === 'xlsx' && (o.rawCsv || o.chineseHeaders)) throw Object.assign(new Error(`${o.rawCsv ? '--raw-csv' : '--chinese-headers'} is for --format csv (the workbook has Chinese headers, and its text cells are never formulas)`), { name: 'UsageError' });
      if (o.format === 'xlsx') {
        const { exportWorkbook } = await import('../export-xlsx.js');
        const { join } = await import('node:path');
        const w = await withDb(o.db, (db) => exportWorkbook(db, o.out));
        process.stdout.write(`${printable(join(o.out, w.file))}${w.replaced ? ' (replaced)' : ''}: ${w.sheets.map((s) => `${s.name} ${s.rows}`).join(', ')} rows${w.kept.length ? `; ${w.kept.length} other file(s) there left as they were` : ''}\n`);
        return;
      }
      const { exportDataset } = await import('../export.js');
      const { basename } = await import('node:path');
      const { isServerUrl } = await import('../../store/store.js');
      const name = isServerUrl(o.db) ? new URL(o.db).pathname.replace(/^\//, '') || 'zhenggai' : basename(o.db).replace(/\.db$/, '');
      const r = await withDb(o.db, (db) => exportDataset(db, o.out, name, { rawCsv: o.rawCsv, chineseHeaders: o.chineseHeaders }));
      process.stdout.write(`${r.files.length} files → ${printable(o.out)}${r.replaced.length ? ` (${r.replaced.length} from an earlier export replaced)` : ''}${r.kept.length ? `; ${r.kept.length} other file(s) there left as they were` : ''}\n`);
    });
}

function reportCommand(program: Command): void {
  program
    .command('report')
    .description('write a self-contained HTML report with charts (completion over years, themes per unit, money, declared vs found)')
    .addOption(dbOption())
    .option('--out <file>', 'HTML file to write', 'report.html')
    .option('--title <text>', 'report title')
    .option('--unit <name>', 'only this unit (full name, part of it, or an alias)')
    .option('--region <name>', 'only this region (or part of its name)')
    .option('--level <level>', 'only this level (central, provincial, municipal, county, township, or 中央, 省级, 市级, 县级, 乡镇)')
    .option('--from <year>', 'from this year', year)
    .option('--to <year>', 'to this year', year)
    .option('--top <n>', 'units shown by name in charts and tables; the rest are summed as 其他 (others)', intAtLeast(1, '--top'), '15')
    .option('--force', 'write over an existing file that is not a report of ours')
    .action(async (o: { db: string; out: string; title?: string; unit?: string; region?: string; level?: string; from?: string; to?: string; top: string; force?: boolean }) => {
      const { buildReport, REPORT_MARK } = await import('../report.js');
      const { checkOutFile } = await import('../safe-out.js');
      checkOutFile(o.out, { db: o.db, force: !!o.force, ours: (head) => head.includes(REPORT_MARK) });
      const { writeFileSync, renameSync } = await import('node:fs');
      const { levelCode } = await import('../labels.js');
      const html = await withDb(o.db, (db) => buildReport(db, { title: o.title, unit: o.unit, region: o.region, level: o.level && levelCode(o.level), from: o.from ? Number(o.from) : undefined, to: o.to ? Number(o.to) : undefined, top: Number(o.top) }));
      const tmp = `${o.out}.part-${process.pid}`;
      writeFileSync(tmp, html);
      renameSync(tmp, o.out);
      process.stdout.write(`report → ${printable(o.out)}\n`);
    });
}
