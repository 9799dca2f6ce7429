// `zhenggai search`, `compare` and `query`: reading the dataset (problems by words, figures by
// group, one read-only SQL statement with its output bounded).
import { CommanderError, type Command } from 'commander';
import { printable } from '../format.js';
import { dbOption, formatOption, intAtLeast, langOption, rawCsvOption, readDb, shownRows, withDb, year } from './options.js';

export function registerSearchCommands(program: Command): void {
  searchCommand(program);
  compareCommand(program);
  queryCommand(program);
}

function searchCommand(program: Command): void {
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
      const { search, searchQuery, UsageError } = await import('../../store/queries.js');
      const { formatRows } = await import('../format.js');
      const unknown = words.find((w) => /^--[A-Za-z]|^-[A-Za-z]$/.test(w));
      if (unknown) throw new UsageError(`unknown option ${unknown} (to leave out a word, write NOT ${unknown.replace(/^-+/, '')})`);
      searchQuery(words.join(' ')); // a query of exclusions only: a usage error before the dataset is opened
      const mark: [string, string] = o.format === 'table' && process.stdout.isTTY ? ['\x1b[1;31m', '\x1b[0m'] : ['【', '】'];
      const rows = await withDb(o.db, (db) => search(db, words.join(' '), { unit: o.unit, year: o.year ? Number(o.year) : undefined, from: o.from ? Number(o.from) : undefined, to: o.to ? Number(o.to) : undefined, limit: Number(o.limit) }, mark));
      process.stdout.write(formatRows(await shownRows(rows, o), o.format, ['unit', 'year', 'number', 'status', 'snippet', 'path'], { rawCsv: o.rawCsv }));
      if (o.format === 'table') process.stderr.write(`${rows.length} problem(s)\n`);
    });
}

function compareCommand(program: Command): void {
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
      const { compare, COMPARE_KEYS } = await import('../../store/queries.js');
      const { formatRows } = await import('../format.js');
      const by = o.by.split(',').map((k) => k.trim());
      const bad = by.filter((k) => !(COMPARE_KEYS as readonly string[]).includes(k));
      if (bad.length) throw new CommanderError(2, 'zhenggai.usage', `--by: unknown key(s) ${bad.join(', ')}; use ${COMPARE_KEYS.join(', ')}`);
      const { levelCode } = await import('../labels.js');
      const rows = await withDb(o.db, (db) => compare(db, { by: by as never, unit: o.unit, region: o.region, level: o.level && levelCode(o.level), from: o.from ? Number(o.from) : undefined, to: o.to ? Number(o.to) : undefined }));
      process.stdout.write(formatRows(await shownRows(rows, o), o.format, undefined, { rawCsv: o.rawCsv }));
    });
}

function queryCommand(program: Command): void {
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
      const { queryLimited } = await import('../../store/queries.js');
      const { formatBounded } = await import('../query-output.js');
      const { isServerUrl } = await import('../../store/store.js');
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
        const workerFile = await (await import('../../bin/build.mjs')).ensureBuilt('query');
        // SQLite: in a process of its own, killed at the time limit; PostgreSQL: checked by its own
        // parser, then a read-only transaction with a statement timeout, read through a cursor
        const r = server
          ? await (await import('../../store/pg.js')).queryServer(server as import('../../store/pg.js').PgStore, sql, { ...limits, timeoutMs: fetchMs() })
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
}
