// `zhenggai ingest` and `zhenggai errors`: files into the dataset (app/batch.ts, with a progress bar
// on a terminal), and what a run could not read.
import { Option, type Command } from 'commander';
import type { FileEvent } from '../batch.js';
import { printable } from '../format.js';
import { dbOption, DEFAULT_MAX_BYTES, intAtLeast, langOf, langOption, readDb, shown, withOcrOptions, type OcrFlags } from './options.js';

export function registerIngestCommands(program: Command): void {
  ingestCommand(program);
  errorsCommand(program);
}

function ingestCommand(program: Command): void {
  const ingestCmd = program
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
    .option('-q, --quiet', 'print only the summary line');
  withOcrOptions(ingestCmd)
    .action(async (paths: string[], o: { db: string; jobs?: string; reprocess?: boolean; maxBytes: string; timeout: string; commitEvery: string; sync: 'normal' | 'full'; maxMemory: string; json?: boolean; quiet?: boolean } & OcrFlags) => {
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
      const { ingest } = await import('../batch.js');
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
}

function errorsCommand(program: Command): void {
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
          const { warningMessage } = await import('../labels.js');
          const zh = (await langOf(o)) === 'zh';
          process.stdout.write(`\n${bulletins} bulletin${bulletins > 1 ? 's' : ''} read without the problems they declare (in the dataset, any run):\n`);
          for (const r of unread) process.stdout.write(printable(`${r.code.padEnd(24)} ${r.path}  ${zh ? warningMessage(r.message) : r.message}`) + '\n');
        }
      } finally {
        await db.close();
      }
    });
}
