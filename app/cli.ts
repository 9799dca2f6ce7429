// zhenggai command line. Exit codes: 0 ok, 1 some input failed, 2 usage error.
import { DEFAULT_OCR_MAX_PAGES, DEFAULT_OCR_PAGE_TIMEOUT_MS, DEFAULT_OCR_TIMEOUT_MS } from '../readers/ocr-limits.js';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { toZhenggaiError, ZhenggaiError } from '../core/errors.js';
import type { FileEvent } from './batch.js';
import { printable } from './format.js';
// commands import what they use when they run: `zhenggai --help` loads no parser
const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

const program = new Command();
program
  .name('zhenggai')
  .description('Turn inspection-rectification bulletins (巡视/巡察整改情况通报) into a normalized SQLite dataset')
  .version('0.1.0')
  .exitOverride()
  .showHelpAfterError();

// --db: a SQLite file (the embedded default) or a PostgreSQL server shared by a team; ZHENGGAI_DB
// sets it for every command
const defaultDb = () => process.env.ZHENGGAI_DB || 'zhenggai.db';
const dbOption = () => new Option('--db <file|url>', 'dataset: a SQLite file, or postgresql://user@host:port/db (default: $ZHENGGAI_DB, else zhenggai.db)')
  .default(defaultDb(), process.env.ZHENGGAI_DB ? '$ZHENGGAI_DB' : 'zhenggai.db');
const shown = async (db: string) => (await import('../store/store.js')).printableTarget(db);
// status and level values (completed, county …) in Chinese (已完成, 县级 …) in tables and CSV;
// JSON keeps the dataset's values, for programs
const langOption = () => new Option('--lang <lang>', 'status and level values in Chinese (zh: 已完成, 县级 …) or as the dataset has them (en: completed, county …) in tables and CSV; JSON keeps the dataset\'s (default: zh when LC_ALL, LC_MESSAGES or LANG starts with zh_CN)').choices(['zh', 'en']);
const langOf = async (o: { lang?: string }) => (await import('./labels.js')).cliLang(o.lang);
/** rows for a person: status and level in the chosen language (JSON: the dataset's values) */
async function shownRows<R extends Record<string, unknown>>(rows: R[], o: { lang?: string; format: string }): Promise<R[]> {
  if (o.format === 'json') return rows;
  const { localizeValues } = await import('./labels.js');
  return localizeValues(rows, await langOf(o));
}

// Option values are checked where they are read: a bad one is a usage error (exit 2) that says
// what is wrong, never a silent default or an internal error.
const intAtLeast = (min: number, what: string) => (v: string): string => {
  if (!/^\d+$/.test(v.trim()) || Number(v) < min) throw new InvalidArgumentError(`${what}: a whole number${min > 0 ? ` of at least ${min}` : ''}, not ${JSON.stringify(v)}`);
  return String(Number(v));
};
const year = (v: string): string => {
  if (!/^\d{4}$/.test(v.trim()) || Number(v) < 1949 || Number(v) > 2100) throw new InvalidArgumentError(`a year such as 2024, not ${JSON.stringify(v)}`);
  return v.trim();
};
const positive = intAtLeast(1, 'expected');

/** OCR settings of extract/explain; each OCR page is reported on stderr (a long scan shows its progress). */
function ocrOptions(o: { ocr: boolean; ocrPageTimeout: string; ocrTimeout: string; ocrMaxPages: string }) {
  return {
    enabled: o.ocr,
    pageTimeoutMs: Number(o.ocrPageTimeout),
    timeoutMs: Number(o.ocrTimeout),
    maxPages: Number(o.ocrMaxPages),
    onPage: (path: string, page: number, pages: number) => process.stderr.write(`zhenggai: ${printable(path)}: OCR page ${page} of ${pages}\n`),
  };
}

program
  .command('extract')
  .description('print the zhenggai.bulletin/1 record of each FILE as JSON (several files: one JSON object per line)')
  .argument('<files...>', 'bulletin files (.txt .docx .doc .pdf .html, or pictures read by OCR)')
  .option('--pretty', 'indent the JSON')
  .option('--max-bytes <n>', 'refuse files larger than this', intAtLeast(1, '--max-bytes'), String(DEFAULT_MAX_BYTES))
  .option('--timeout <ms>', 'time limit per document', intAtLeast(1, '--timeout'), '60000')
  .option('--no-ocr', 'do not read scanned PDF pages and pictures by OCR (a scanned PDF fails with pdf_no_text)')
  .option('--ocr-page-timeout <ms>', 'time limit of one OCR page', intAtLeast(1, '--ocr-page-timeout'), String(DEFAULT_OCR_PAGE_TIMEOUT_MS))
  .option('--ocr-timeout <ms>', 'time limit of a whole document read by OCR, from its start (it replaces --timeout once OCR starts)', intAtLeast(1, '--ocr-timeout'), String(DEFAULT_OCR_TIMEOUT_MS))
  .option('--ocr-max-pages <n>', 'read at most this many pages of a scan by OCR (the rest: warning ocr_pages_skipped)', intAtLeast(1, '--ocr-max-pages'), String(DEFAULT_OCR_MAX_PAGES))
  .action(async (files: string[], o: { pretty?: boolean; maxBytes: string; timeout: string; ocr: boolean; ocrPageTimeout: string; ocrTimeout: string; ocrMaxPages: string }) => {
    // each document in a worker thread: the time limit stops it even when it is one file
    const { ExtractThread } = await import('./extract-thread.js');
    const thread = new ExtractThread(Number(o.timeout), 1024, ocrOptions(o));
    let failed = 0;
    for (const f of files) {
      try {
        const rec = await thread.run(f, Number(o.maxBytes), 'record');
        process.stdout.write(JSON.stringify(rec, null, o.pretty ? 2 : undefined) + '\n');
      } catch (e) {
        const z = toZhenggaiError(e, f);
        failed++;
        process.stderr.write(`zhenggai: ${printable(f)}: ${z.code}: ${printable(z.message)}\n`);
      }
    }
    await thread.close();
    process.exitCode = failed ? 1 : 0;
  });

program
  .command('explain')
  .description('show how FILE was read: its outline with the rule id and line of every decision (title, unit and region with their spans; parts, categories, problems with measures, outcome and status; declared totals and each mismatch)')
  .argument('<file>', 'a bulletin file (.txt .docx .doc .pdf .html, or a picture read by OCR)')
  .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
  .option('--max-bytes <n>', 'refuse files larger than this', intAtLeast(1, '--max-bytes'), String(DEFAULT_MAX_BYTES))
  .option('--timeout <ms>', 'time limit for the document', intAtLeast(1, '--timeout'), '60000')
  .option('--no-ocr', 'do not read scanned PDF pages and pictures by OCR (a scanned PDF fails with pdf_no_text)')
  .option('--ocr-page-timeout <ms>', 'time limit of one OCR page', intAtLeast(1, '--ocr-page-timeout'), String(DEFAULT_OCR_PAGE_TIMEOUT_MS))
  .option('--ocr-timeout <ms>', 'time limit of a whole document read by OCR, from its start (it replaces --timeout once OCR starts)', intAtLeast(1, '--ocr-timeout'), String(DEFAULT_OCR_TIMEOUT_MS))
  .option('--ocr-max-pages <n>', 'read at most this many pages of a scan by OCR (the rest: warning ocr_pages_skipped)', intAtLeast(1, '--ocr-max-pages'), String(DEFAULT_OCR_MAX_PAGES))
  .addOption(langOption())
  .action(async (file: string, o: { format: 'text' | 'json'; maxBytes: string; timeout: string; ocr: boolean; ocrPageTimeout: string; ocrTimeout: string; ocrMaxPages: string; lang?: string }) => {
    const { ExtractThread } = await import('./extract-thread.js');
    const { formatExplanation } = await import('./explain.js');
    const thread = new ExtractThread(Number(o.timeout), 1024, ocrOptions(o));
    try {
      const e = await thread.run<import('./explain.js').Explanation>(file, Number(o.maxBytes), 'explain');
      process.stdout.write(o.format === 'json' ? JSON.stringify(e, null, 2) + '\n' : formatExplanation(e, { lang: await langOf(o) }));
      process.exitCode = 0;
    } catch (err) {
      const z = toZhenggaiError(err, file);
      process.stderr.write(`zhenggai: ${printable(file)}: ${z.code}: ${printable(z.message)}\n`);
      process.exitCode = 1;
    } finally {
      await thread.close();
    }
  });

program
  .command('ingest')
  .description('ingest files and folders (recursively) into the SQLite dataset; unchanged files are skipped by content hash')
  .argument('<paths...>', 'files or folders')
  .addOption(dbOption())
  .option('-j, --jobs <n>', 'parallel workers (default: the number of cores)', intAtLeast(1, '--jobs'))
  .option('--reprocess', 're-derive documents whose rules or pipeline version changed')
  .option('--max-bytes <n>', 'refuse files larger than this', intAtLeast(1, '--max-bytes'), String(DEFAULT_MAX_BYTES))
  .option('--timeout <ms>', 'time limit per document', intAtLeast(1, '--timeout'), '60000')
  .option('--commit-every <n>', 'documents per commit (each still atomic); 1 = one transaction per document (a PostgreSQL dataset always commits each document)', intAtLeast(1, '--commit-every'), '1')
  .addOption(new Option('--sync <mode>', 'normal: a commit survives the process being killed (a power cut may undo the last ones, which a rerun ingests again); full: every commit is also flushed to disk, slower').choices(['normal', 'full']).default('normal'))
  .option('--max-memory <mb>', 'heap limit per worker; a document over it fails with out_of_memory', intAtLeast(1, '--max-memory'), '1024')
  .option('--json', 'write NDJSON events (one per file, then a summary)')
  .option('-q, --quiet', 'print only the summary line')
  .option('--no-ocr', 'do not read scanned PDF pages and pictures by OCR (a scanned PDF fails with pdf_no_text)')
  .option('--ocr-page-timeout <ms>', 'time limit of one OCR page', intAtLeast(1, '--ocr-page-timeout'), String(DEFAULT_OCR_PAGE_TIMEOUT_MS))
  .option('--ocr-timeout <ms>', 'time limit of a whole document read by OCR, from its start (it replaces --timeout once OCR starts)', intAtLeast(1, '--ocr-timeout'), String(DEFAULT_OCR_TIMEOUT_MS))
  .option('--ocr-max-pages <n>', 'read at most this many pages of a scan by OCR (the rest: warning ocr_pages_skipped)', intAtLeast(1, '--ocr-max-pages'), String(DEFAULT_OCR_MAX_PAGES))
  .action(async (paths: string[], o: { db: string; jobs?: string; reprocess?: boolean; maxBytes: string; timeout: string; commitEvery: string; sync: 'normal' | 'full'; maxMemory: string; json?: boolean; quiet?: boolean; ocr: boolean; ocrPageTimeout: string; ocrTimeout: string; ocrMaxPages: string }) => {
    // nothing to read at all (a mistyped path): say so, and create no dataset
    const { existsSync } = await import('node:fs');
    if (!paths.some((p) => existsSync(p))) throw Object.assign(new Error(`no such file or folder: ${paths.join(', ')}`), { name: 'UsageError' });
    const tty = process.stderr.isTTY && !o.json && !o.quiet;
    let bar: import('cli-progress').SingleBar | null = null;
    let failures = 0;
    let done = 0;
    const t0 = Date.now();
    const onStart = async (total: number) => {
      if (!tty) return;
      const { SingleBar, Presets } = await import('cli-progress');
      bar = new SingleBar({ format: '{bar} {value}/{total} files | {rate} docs/s | ETA {eta}s | {failures} failed', stream: process.stderr }, Presets.shades_classic);
      bar.start(total, 0, { rate: '0', failures: 0 });
    };
    const onFile = (e: FileEvent) => {
      done++;
      if (e.status === 'failed') failures++;
      if (o.json) process.stdout.write(JSON.stringify(e) + '\n');
      else if (bar) (bar as import('cli-progress').SingleBar).update(done, { rate: (done / Math.max(0.001, (Date.now() - t0) / 1000)).toFixed(1), failures });
      else if (!o.quiet) process.stderr.write(printable(`${e.status.padEnd(11)} ${e.path}${e.code ? `  ${e.code}: ${e.message}` : ''}${e.problems_not_found ? '  (declared problems not found)' : ''}`) + '\n');
    };
    const { ingest } = await import('./batch.js');
    const summary = await ingest(paths, {
      db: o.db,
      jobs: o.jobs ? Number(o.jobs) : undefined,
      reprocess: o.reprocess,
      maxBytes: Number(o.maxBytes),
      timeoutMs: Number(o.timeout),
      ocr: o.ocr,
      ocrPageTimeoutMs: Number(o.ocrPageTimeout),
      ocrTimeoutMs: Number(o.ocrTimeout),
      ocrMaxPages: Number(o.ocrMaxPages),
      commitEvery: Number(o.commitEvery),
      syncFull: o.sync === 'full',
      maxMemoryMb: Number(o.maxMemory),
      onFile,
      onStart: (n) => void onStart(n),
    });
    (bar as import('cli-progress').SingleBar | null)?.stop();
    if (o.json) process.stdout.write(JSON.stringify(summary) + '\n');
    else {
      process.stdout.write(`${summary.ingested} ingested, ${summary.unchanged} unchanged, ${summary.reprocessed} reprocessed, ${summary.failed} failed in ${summary.seconds}s → ${await shown(o.db)}\n`);
      // never a silent zero: bulletins read without the problems they declare are said, and listed by errors
      if (summary.problems_not_found) process.stdout.write(`${summary.problems_not_found} bulletin${summary.problems_not_found > 1 ? 's' : ''}: declared problems not found (zhenggai errors lists them)\n`);
      // and nothing skipped without a word: files in the folders that are no document type
      if (summary.skipped) process.stdout.write(`${summary.skipped} file${summary.skipped > 1 ? 's' : ''} in the folders skipped, not a document type (${Object.entries(summary.skipped_types).map(([x, n]) => `${x} ${n}`).join(', ')}): name a file to try it anyway\n`);
    }
    process.exitCode = summary.failed ? 1 : 0;
  });

program
  .command('errors')
  .description("list an ingest run's failures (the last run by default)")
  .addOption(dbOption())
  .option('--run <id>', 'another run than the last', intAtLeast(1, '--run'))
  .addOption(new Option('--format <f>', 'output format').choices(['table', 'json']).default('table'))
  .addOption(langOption())
  .action(async (o: { db: string; run?: string; format: 'table' | 'json'; lang?: string }) => {
    const db = await readDb(o.db);
    try {
      const last = await db.get<{ id: number | null }>('SELECT max(id) AS id FROM ingest_runs');
      const run = o.run ? Number(o.run) : last?.id;
      if (!run) { process.stdout.write(o.format === 'json' ? '[]\n' : 'no ingest runs\n'); return; }
      if (!(await db.get('SELECT 1 AS x FROM ingest_runs WHERE id = ?', [run]))) {
        const runs = await db.get<{ ids: string | null }>('SELECT string_agg(CAST(id AS TEXT), \',\' ORDER BY id) AS ids FROM ingest_runs');
        process.stderr.write(`zhenggai errors: run ${run} does not exist (runs: ${runs?.ids ?? 'none'})\n`);
        process.exitCode = 1;
        return;
      }
      const rows = await db.all<{ path: string; code: string; message: string }>('SELECT path, code, message FROM ingest_errors WHERE run_id = ? ORDER BY path', [run]);
      // read, but without the problems they declare (none found, or another count): in the dataset, whatever run read them
      const unread = await db.all<{ path: string; code: string; message: string }>(`SELECT min(p.path) AS path, w.code, w.message FROM warnings w
        JOIN bulletins b ON b.id = w.bulletin_id JOIN document_paths p ON p.document_id = b.document_id
        WHERE (w.code = 'no_problems_found' OR w.rule = 'reconcile.problems')
          AND NOT EXISTS (SELECT 1 FROM warnings x WHERE x.bulletin_id = b.id AND x.code = 'not_a_bulletin')
        GROUP BY b.id, w.code, w.message ORDER BY min(p.path), w.code`);
      if (o.format === 'json') { process.stdout.write(JSON.stringify({ run, failed: rows.length, errors: rows, problems_not_found: unread }, null, 2) + '\n'); return; }
      process.stdout.write(`run ${run}: ${rows.length} failed\n`);
      for (const r of rows) process.stdout.write(printable(`${r.code.padEnd(18)} ${r.path}  ${r.message}`) + '\n');
      const bulletins = new Set(unread.map((r) => r.path)).size;
      if (bulletins) {
        // the warnings' messages name statuses (declared 3 in progress …): said in Chinese with --lang zh
        const { warningMessage } = await import('./labels.js');
        const zh = (await langOf(o)) === 'zh';
        process.stdout.write(`\n${bulletins} bulletin${bulletins > 1 ? 's' : ''} read without the problems they declare (in the dataset, any run):\n`);
        for (const r of unread) process.stdout.write(printable(`${r.code.padEnd(24)} ${r.path}  ${zh ? warningMessage(r.message) : r.message}`) + '\n');
      }
    } finally {
      await db.close();
    }
  });

const formatOption = () => new Option('--format <f>', 'output format').choices(['table', 'csv', 'json']).default('table');
const rawCsvOption = () => new Option('--raw-csv', 'write CSV cells as they are (by default a cell starting with = + - @ gets a leading \' so spreadsheets do not run it)');

async function readDb(target: string) {
  const { openStore } = await import('../store/store.js');
  return openStore(target, { readonly: true });
}

/** Run fn on the dataset opened read-only, then close it (a server connection would keep the process alive). */
async function withDb<T>(target: string, fn: (db: import('../store/store.js').Store) => Promise<T>): Promise<T> {
  const db = await readDb(target);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

program
  .command('search')
  .description('find problems by words (Chinese full-text search over problems, measures and outcomes)')
  .argument('<words...>', 'what to look for, e.g. 党费 or 违规报销; AND (or a space) between words all required, OR (or |) between alternatives, -word or NOT word to leave out; traditional characters are read as simplified')
  .addOption(dbOption())
  // -收缴 is a word to leave out, not an option
  .allowUnknownOption()
  .option('--unit <name>', 'only this unit (any part of its name or of an alias)')
  .option('--year <year>', 'only this year', year)
  .option('--from <year>', 'from this year', year)
  .option('--to <year>', 'to this year', year)
  .option('--limit <n>', 'at most this many', intAtLeast(1, '--limit'), '200')
  .addOption(formatOption())
  .addOption(rawCsvOption())
  .addOption(langOption())
  .action(async (words: string[], o: { db: string; unit?: string; year?: string; from?: string; to?: string; limit: string; format: 'table' | 'csv' | 'json'; rawCsv?: boolean; lang?: string }) => {
    const { search, searchQuery, UsageError } = await import('../store/queries.js');
    const { formatRows } = await import('./format.js');
    const unknown = words.find((w) => /^--[A-Za-z]|^-[A-Za-z]$/.test(w));
    if (unknown) throw new UsageError(`unknown option ${unknown} (to leave out a word, write NOT ${unknown.replace(/^-+/, '')})`);
    searchQuery(words.join(' ')); // a query of exclusions only: a usage error before the dataset is opened
    const mark: [string, string] = o.format === 'table' && process.stdout.isTTY ? ['\x1b[1;31m', '\x1b[0m'] : ['【', '】'];
    const rows = await withDb(o.db, (db) => search(db, words.join(' '), { unit: o.unit, year: o.year ? Number(o.year) : undefined, from: o.from ? Number(o.from) : undefined, to: o.to ? Number(o.to) : undefined, limit: Number(o.limit) }, mark));
    process.stdout.write(formatRows(await shownRows(rows, o), o.format, ['unit', 'year', 'number', 'status', 'snippet', 'path'], { rawCsv: o.rawCsv }));
    if (o.format === 'table') process.stderr.write(`${rows.length} problem(s)\n`);
  });

program
  .command('compare')
  .description('compare units, regions, levels, years or themes: problems, completed, completion rate, declared vs found, money, rules, themes')
  .addOption(dbOption())
  .option('--by <keys>', 'group by one or more of unit, region, level, year, theme (comma-separated)', 'unit')
  .option('--unit <name>', 'only this unit (full name, part of it, or an alias)')
  .option('--region <name>', 'only this region (or part of its name)')
  .option('--level <level>', 'only this level (central, provincial, municipal, county, township, or 中央, 省级, 市级, 县级, 乡镇)')
  .option('--from <year>', 'from this year', year)
  .option('--to <year>', 'to this year', year)
  .addOption(formatOption())
  .addOption(rawCsvOption())
  .addOption(langOption())
  .action(async (o: { db: string; by: string; unit?: string; region?: string; level?: string; from?: string; to?: string; format: 'table' | 'csv' | 'json'; rawCsv?: boolean; lang?: string }) => {
    const { compare, COMPARE_KEYS } = await import('../store/queries.js');
    const { formatRows } = await import('./format.js');
    const by = o.by.split(',').map((k) => k.trim());
    const bad = by.filter((k) => !(COMPARE_KEYS as readonly string[]).includes(k));
    if (bad.length) throw new CommanderError(2, 'zhenggai.usage', `--by: unknown key(s) ${bad.join(', ')}; use ${COMPARE_KEYS.join(', ')}`);
    const { levelCode } = await import('./labels.js');
    const rows = await withDb(o.db, (db) => compare(db, { by: by as never, unit: o.unit, region: o.region, level: o.level && levelCode(o.level), from: o.from ? Number(o.from) : undefined, to: o.to ? Number(o.to) : undefined }));
    process.stdout.write(formatRows(await shownRows(rows, o), o.format, undefined, { rawCsv: o.rawCsv }));
  });

program
  .command('query')
  .description('run one read-only SQL statement on the dataset (opened read-only, in a process stopped after --timeout); its output bounded by --limit, --max-bytes-out and --timeout')
  .argument('<sql>', 'e.g. "SELECT * FROM publications"')
  .addOption(dbOption())
  .addOption(formatOption())
  .addOption(rawCsvOption())
  .option('--limit <n>', 'at most this many rows (a note says how many were left out)', intAtLeast(1, '--limit'), '1000')
  .option('--timeout <ms>', 'stop after this long: the statement, fetching its rows and formatting them', intAtLeast(1, '--timeout'), '10000')
  .option('--max-bytes-out <n>', 'at most this many bytes of output (a note says rows were left out)', intAtLeast(1, '--max-bytes-out'), String(64 * 1024 * 1024))
  .option('--max-cell <n>', 'cut a text cell longer than this many characters (a binary one: bytes); a cut text ends with …[cut]', intAtLeast(1, '--max-cell'), String(1024 * 1024))
  .action(async (sql: string, o: { db: string; format: 'table' | 'csv' | 'json'; rawCsv?: boolean; limit: string; timeout: string; maxBytesOut: string; maxCell: string }) => {
    const t0 = Date.now();
    const { queryLimited } = await import('../store/queries.js');
    const { formatBounded } = await import('./query-output.js');
    const { isServerUrl } = await import('../store/store.js');
    // one deadline for all: the statement and its fetch stop a little before it (a tenth of
    // --timeout, at most a second), leaving that to format what came
    const timeout = Number(o.timeout);
    const deadline = t0 + timeout;
    const fetchMs = () => Math.max(1, deadline - Math.min(1000, Math.floor(timeout / 10)) - Date.now());
    const limits = { limit: Number(o.limit), maxBytes: Number(o.maxBytesOut), maxCell: Number(o.maxCell) };
    // a missing or foreign dataset: said before the statement runs
    const server = isServerUrl(o.db) ? await readDb(o.db) : null;
    if (!server) await (await readDb(o.db)).close();
    try {
      const workerFile = await (await import('../bin/build.mjs')).ensureBuilt('query');
      // SQLite: in a process of its own, killed at the time limit; PostgreSQL: checked by its own
      // parser, then a read-only transaction with a statement timeout, read through a cursor
      const r = server
        ? await (await import('../store/pg.js')).queryServer(server as import('../store/pg.js').PgStore, sql, { ...limits, timeoutMs: fetchMs() })
        : await queryLimited(o.db, sql, { ...limits, timeoutMs: fetchMs(), workerFile });
      const f = await formatBounded(r.rows, r.columns, o.format, { rawCsv: o.rawCsv, maxBytes: limits.maxBytes, deadline, workerFile });
      process.stdout.write(f.text);
      const note = (m: string) => process.stderr.write(`zhenggai query: ${m}\n`);
      if (r.cellsCut) note(`${r.cellsCut} cell(s) longer than ${o.maxCell} characters (bytes if binary) cut (--max-cell); a cut text ends with …[cut]`);
      if (r.bytesCut || f.bytesCut) note(`output stopped at ${o.maxBytesOut} bytes (--max-bytes-out): ${f.shown} rows shown, more were left out`);
      else if (r.truncated) note(`only the first ${o.limit} rows (--limit); more were left out`);
      if (r.timedOut || f.timedOut) {
        note(`stopped after ${o.timeout} ms (--timeout)${f.timedOut && o.format === 'table' && !f.text ? `, formatting the table of ${r.rows.length} rows; nothing shown (--format csv or json is faster)` : f.shown ? `; ${f.shown} rows shown` : ''}`);
        process.exitCode = 1;
      }
    } catch (e) {
      const err = e as Error;
      if (err.name === 'DatasetError') throw err;
      process.stderr.write(`zhenggai query: ${printable(err.message)}\n`);
      process.exitCode = 2;
    } finally {
      await server?.close();
    }
  });

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
      const { exportWorkbook } = await import('./export-xlsx.js');
      const { join } = await import('node:path');
      const w = await withDb(o.db, (db) => exportWorkbook(db, o.out));
      process.stdout.write(`${printable(join(o.out, w.file))}${w.replaced ? ' (replaced)' : ''}: ${w.sheets.map((s) => `${s.name} ${s.rows}`).join(', ')} rows${w.kept.length ? `; ${w.kept.length} other file(s) there left as they were` : ''}\n`);
      return;
    }
    const { exportDataset } = await import('./export.js');
    const { basename } = await import('node:path');
    const { isServerUrl } = await import('../store/store.js');
    const name = isServerUrl(o.db) ? new URL(o.db).pathname.replace(/^\//, '') || 'zhenggai' : basename(o.db).replace(/\.db$/, '');
    const r = await withDb(o.db, (db) => exportDataset(db, o.out, name, { rawCsv: o.rawCsv, chineseHeaders: o.chineseHeaders }));
    process.stdout.write(`${r.files.length} files → ${printable(o.out)}${r.replaced.length ? ` (${r.replaced.length} from an earlier export replaced)` : ''}${r.kept.length ? `; ${r.kept.length} other file(s) there left as they were` : ''}\n`);
  });

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
    const { buildReport, REPORT_MARK } = await import('./report.js');
    const { checkOutFile } = await import('./safe-out.js');
    checkOutFile(o.out, { db: o.db, force: !!o.force, ours: (head) => head.includes(REPORT_MARK) });
    const { writeFileSync, renameSync } = await import('node:fs');
    const { levelCode } = await import('./labels.js');
    const html = await withDb(o.db, (db) => buildReport(db, { title: o.title, unit: o.unit, region: o.region, level: o.level && levelCode(o.level), from: o.from ? Number(o.from) : undefined, to: o.to ? Number(o.to) : undefined, top: Number(o.top) }));
    const tmp = `${o.out}.part-${process.pid}`;
    writeFileSync(tmp, html);
    renameSync(tmp, o.out);
    process.stdout.write(`report → ${printable(o.out)}\n`);
  });

const unitsCmd = program
  .command('units')
  .description('list units with their aliases and bulletin counts; `units merge A B` joins two, `units unmerge A` parts them again')
  .addOption(dbOption())
  .addOption(formatOption())
  .addOption(rawCsvOption())
  .addOption(langOption())
  .action(async (o: { db: string; format: 'table' | 'csv' | 'json'; rawCsv?: boolean; lang?: string }) => {
    const { units } = await import('../store/queries.js');
    const { formatRows } = await import('./format.js');
    process.stdout.write(formatRows(await shownRows(await withDb(o.db, units), o), o.format, undefined, { rawCsv: o.rawCsv }));
  });
/**
 * A change to the dataset by hand (units merge, unmerge): said, then asked on a terminal; off a
 * terminal (a script, a pipe) it needs --yes, so that none is made by accident.
 */
async function confirmed(command: string, what: string, o: { yes?: boolean }): Promise<boolean> {
  if (o.yes) return true;
  if (!interactive()) throw new CommanderError(2, 'zhenggai.usage', `${command} changes the dataset, and this is no terminal to ask on: ${printable(what)}; add --yes to go ahead (--dry-run only says it)`);
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(`${printable(what)}\nGo ahead? [y/N] `);
    return /^(y|yes|是|确定|确认)$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}
const interactive = () => !!process.stdin.isTTY && !!process.stderr.isTTY;

/** --db of `units merge`/`units unmerge`: before or after the subcommand (the parent command takes it in the first place); the dataset must exist. */
async function unitsDb(o: { db?: string }): Promise<import('../store/store.js').Store> {
  const dbPath = o.db ?? (unitsCmd.opts() as { db?: string }).db ?? defaultDb();
  const { openStore, isServerUrl } = await import('../store/store.js');
  const { existsSync } = await import('node:fs');
  if (!isServerUrl(dbPath) && !existsSync(dbPath)) throw new CommanderError(2, 'zhenggai.usage', `no dataset at ${dbPath} (--db)`);
  return openStore(dbPath);
}

unitsCmd
  .command('merge')
  .description('record that unit A is unit B (a renamed unit, a name the rules missed); kept across re-ingest, undone by `units unmerge A`. Says what will move and asks on a terminal; elsewhere it needs --yes')
  .argument('<from>', 'unit name or alias to merge away')
  .argument('<into>', 'unit name or alias to keep')
  .option('--db <file|url>', 'dataset: a SQLite file or postgresql://… (default: $ZHENGGAI_DB, else zhenggai.db)')
  .option('--dry-run', 'say what would move, change nothing')
  .option('-y, --yes', 'merge without asking (needed when not run on a terminal)')
  .action(async (from: string, into: string, o: { db?: string; dryRun?: boolean; yes?: boolean }) => {
    const { mergeUnits } = await import('../store/queries.js');
    const db = await unitsDb(o);
    try {
      // publications and files: one bulletin saved as .txt and .pdf is one publication in two files
      const what = (r: { publications: number; bulletins: number }) => `${r.publications} publication(s) in ${r.bulletins} file(s)`;
      if (!o.dryRun && !o.yes) {
        const plan = await mergeUnits(db, from, into, { dryRun: true });
        if (!(await confirmed('units merge', `merge ${plan.from} → ${plan.into}: ${what(plan)} will move (undo: zhenggai units unmerge ${plan.from})`, o))) {
          process.stdout.write('not merged: nothing changed\n');
          process.exitCode = 1;
          return;
        }
      }
      const r = await mergeUnits(db, from, into, { dryRun: o.dryRun });
      process.stdout.write(printable(o.dryRun ? `would merge ${r.from} → ${r.into}: ${what(r)} would move (nothing changed; run again without --dry-run)` : `${r.from} → ${r.into}: ${what(r)} moved`) + '\n');
    } finally {
      await db.close();
    }
  });
unitsCmd
  .command('unmerge')
  .description('undo `units merge NAME …`: NAME is its own unit again, with its bulletins (those ingested since the merge too) and aliases. Asks on a terminal; elsewhere it needs --yes')
  .argument('<name>', 'the unit that was merged away (its name, or an alias it had)')
  .option('--db <file|url>', 'dataset: a SQLite file or postgresql://… (default: $ZHENGGAI_DB, else zhenggai.db)')
  .option('--dry-run', 'say what would move back, change nothing')
  .option('-y, --yes', 'unmerge without asking (needed when not run on a terminal)')
  .action(async (name: string, o: { db?: string; dryRun?: boolean; yes?: boolean }) => {
    const { unmergeUnit } = await import('../store/queries.js');
    const db = await unitsDb(o);
    try {
      const what = (r: { publications: number; bulletins: number }) => `${r.publications} publication(s) in ${r.bulletins} file(s)`;
      if (!o.dryRun && !o.yes) {
        const plan = await unmergeUnit(db, name, { dryRun: true });
        if (!(await confirmed('units unmerge', `unmerge ${plan.unit} from ${plan.from}: ${what(plan)} will move back`, o))) {
          process.stdout.write('not unmerged: nothing changed\n');
          process.exitCode = 1;
          return;
        }
      }
      const r = await unmergeUnit(db, name, { dryRun: o.dryRun });
      const legacy = r.recorded ? '' : ` (a merge from before zhenggai kept what undoing needs: the unit's region, level and aliases were read again from its bulletins)`;
      process.stdout.write(printable(o.dryRun ? `would unmerge ${r.unit} from ${r.from}: ${what(r)} would move back (nothing changed; run again without --dry-run)` : `${r.unit} unmerged from ${r.from}: ${what(r)} moved back${legacy}`) + '\n');
    } finally {
      await db.close();
    }
  });

program
  .command('serve')
  .description('a read-only web app over the dataset: overview, search, units over the years, each bulletin with every extracted part marked, compare')
  .addOption(dbOption())
  .option('--port <n>', 'port to listen on (0: any free port)', intAtLeast(0, '--port'), '8080')
  .option('--host <address>', 'address to listen on (another than 127.0.0.1/localhost makes the data reachable from other machines)', '127.0.0.1')
  .option('--allow-host <name>', 'a host name the app answers to besides localhost, 127.0.0.1, [::1] and --host (repeatable; any other Host header gets 421)', (v: string, all: string[]) => [...all, v], [] as string[])
  .action(async (o: { db: string; port: string; host: string; allowHost: string[] }) => {
    const { isServerUrl, openStore } = await import('../store/store.js');
    const { createApp, listen, hostName } = await import('./serve.js');
    const bad = o.allowHost.find((h) => !hostName(h));
    if (bad !== undefined) throw Object.assign(new Error(`--allow-host ${bad}: not a host name`), { name: 'UsageError' });
    // SQLite: read in worker threads, off the event loop (PostgreSQL's client is asynchronous already)
    const db = isServerUrl(o.db) ? await openStore(o.db, { readonly: true }) : await (await import('../store/sqlite-pool.js')).SqlitePool.open(o.db);
    if (!['127.0.0.1', 'localhost', '::1'].includes(o.host)) process.stderr.write(`zhenggai serve: warning: listening on ${o.host}: anyone who can reach this machine can read the dataset (there is no login)\n`);
    // listening on every address: the machine's own addresses are its host names too (an address
    // typed in the browser is never a rebinding); names other than those need --allow-host
    const wildcard = ['0.0.0.0', '::', '[::]'].includes(o.host);
    const own = wildcard ? Object.values((await import('node:os')).networkInterfaces()).flat().map((a) => a?.address).filter((a): a is string => !!a) : [];
    const hosts = [o.host, ...own, ...o.allowHost];
    const app = createApp(db, { hosts });
    await new Promise<void>((resolve, reject) => {
      const server = listen(app, { port: Number(o.port), hostname: o.host }, (info) => {
        const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
        process.stdout.write(`zhenggai serve: http://${host}:${info.port}/ (${printable(db.label)}, read-only; Ctrl-C stops)\n`);
        if (wildcard || o.allowHost.length) process.stdout.write(`zhenggai serve: answers to the host names ${[...new Set(['localhost', '127.0.0.1', '[::1]', ...hosts.map((h) => hostName(h)).filter(Boolean)])].join(', ')} (others get 421)\n`);
      });
      server.on('error', (e: Error) => reject(new Error(`cannot listen on ${o.host}:${o.port}: ${e.message}`)));
      const stop = () => { server.close(); void db.close(); resolve(); };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    }).catch(async (e: Error) => { await db.close(); throw Object.assign(new Error(e.message), { name: 'UsageError' }); });
  });

program
  .command('migrate')
  .description('copy a SQLite dataset into a PostgreSQL server (an empty database, or one holding no documents yet)')
  .requiredOption('--from <file>', 'the SQLite dataset')
  .requiredOption('--to <url>', 'postgresql://user@host:port/db')
  .action(async (o: { from: string; to: string }) => {
    const { isServerUrl } = await import('../store/store.js');
    if (!isServerUrl(o.to)) throw new CommanderError(2, 'zhenggai.usage', `--to: a postgresql://… URL, not ${JSON.stringify(o.to)}`);
    const { migrateToPg } = await import('../store/migrate.js');
    const r = await migrateToPg(o.from, o.to, (table, n) => process.stderr.write(`${table}: ${n} rows\n`));
    process.stdout.write(`${r.documents} documents, ${r.rows} rows → ${await shown(o.to)} in ${r.seconds}s\n`);
  });

export async function main(argv: string[]): Promise<number> {
  // `zhenggai extract … | head`: a closed pipe ends the output quietly
  process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0); });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      if (e.code === 'zhenggai.usage') process.stderr.write(`error: ${e.message}\n`);
      return 2;
    }
    // expected failures (the dataset cannot be opened …) say what is wrong; anything else is a bug
    const err = e as Error;
    process.stderr.write(err?.name === 'DatasetError' || err?.name === 'ZhenggaiError' || err?.name === 'UsageError' ? `zhenggai: ${printable(err.message)}\n` : `zhenggai: internal error (a bug): ${err?.stack ?? e}\n`);
    if (err?.name === 'UsageError') return 2;
    return 1;
  }
}

export { program };
