// What the commands share: the options several take (--db, --lang, --format, --raw-csv, the OCR
// limits), how option values are checked, and opening the dataset read-only.
// Commands import what they use when they run: `zhenggai --help` loads no parser.
import { DEFAULT_OCR_MAX_PAGES, DEFAULT_OCR_PAGE_TIMEOUT_MS, DEFAULT_OCR_TIMEOUT_MS } from '../../readers/ocr-limits.js';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { printable } from '../format.js';

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

// --db: a SQLite file (the embedded default) or a PostgreSQL server shared by a team; ZHENGGAI_DB
// sets it for every command
export const defaultDb = () => process.env.ZHENGGAI_DB || 'zhenggai.db';
export const dbOption = () => new Option('--db <file|url>', 'dataset: a SQLite file, or postgresql://user@host:port/db (default: $ZHENGGAI_DB, else zhenggai.db)')
  .default(defaultDb(), process.env.ZHENGGAI_DB ? '$ZHENGGAI_DB' : 'zhenggai.db');
/** The dataset as a person reads its name (a server's URL without its password). */
export const shown = async (db: string) => (await import('../../store/store.js')).printableTarget(db);
// status and level values (completed, county …) in Chinese (已完成, 县级 …) in tables and CSV;
// JSON keeps the dataset's values, for programs
export const langOption = () => new Option('--lang <lang>', 'status and level values in Chinese (zh: 已完成, 县级 …) or as the dataset has them (en: completed, county …) in tables and CSV; JSON keeps the dataset\'s (default: zh when LC_ALL, LC_MESSAGES or LANG starts with zh_CN)').choices(['zh', 'en']);
export const langOf = async (o: { lang?: string }) => (await import('../labels.js')).cliLang(o.lang);
/** rows for a person: status and level in the chosen language (JSON: the dataset's values) */
export async function shownRows<R extends Record<string, unknown>>(rows: R[], o: { lang?: string; format: string }): Promise<R[]> {
  if (o.format === 'json') return rows;
  const { localizeValues } = await import('../labels.js');
  return localizeValues(rows, await langOf(o));
}
export const formatOption = () => new Option('--format <f>', 'output format').choices(['table', 'csv', 'json']).default('table');
export const rawCsvOption = () => new Option('--raw-csv', 'write CSV cells as they are (by default a cell starting with = + - @ gets a leading \' so spreadsheets do not run it)');

// Option values are checked where they are read: a bad one is a usage error (exit 2) that says
// what is wrong, never a silent default or an internal error.
export const intAtLeast = (min: number, what: string) => (v: string): string => {
  if (!/^\d+$/.test(v.trim()) || Number(v) < min) throw new InvalidArgumentError(`${what}: a whole number${min > 0 ? ` of at least ${min}` : ''}, not ${JSON.stringify(v)}`);
  return String(Number(v));
};
export const year = (v: string): string => {
  if (!/^\d{4}$/.test(v.trim()) || Number(v) < 1949 || Number(v) > 2100) throw new InvalidArgumentError(`a year such as 2024, not ${JSON.stringify(v)}`);
  return v.trim();
};

/** The OCR options of extract, explain and ingest (--no-ocr and its limits), added to a command. */
export function withOcrOptions(command: Command): Command {
  return command
    .option('--no-ocr', 'do not read scanned PDF pages and pictures by OCR (a scanned PDF fails with pdf_no_text)')
    .option('--ocr-page-timeout <ms>', 'time limit of one OCR page', intAtLeast(1, '--ocr-page-timeout'), String(DEFAULT_OCR_PAGE_TIMEOUT_MS))
    .option('--ocr-timeout <ms>', 'time limit of a whole document read by OCR, from its start (it replaces --timeout once OCR starts)', intAtLeast(1, '--ocr-timeout'), String(DEFAULT_OCR_TIMEOUT_MS))
    .option('--ocr-max-pages <n>', 'read at most this many pages of a scan by OCR (the rest: warning ocr_pages_skipped)', intAtLeast(1, '--ocr-max-pages'), String(DEFAULT_OCR_MAX_PAGES));
}
export interface OcrFlags { ocr: boolean; ocrPageTimeout: string; ocrTimeout: string; ocrMaxPages: string }

/** OCR settings of extract/explain; each OCR page is reported on stderr (a long scan shows its progress). */
export function ocrSettings(o: OcrFlags) {
  return {
    enabled: o.ocr,
    pageTimeoutMs: Number(o.ocrPageTimeout),
    timeoutMs: Number(o.ocrTimeout),
    maxPages: Number(o.ocrMaxPages),
    onPage: (path: string, page: number, pages: number) => process.stderr.write(`zhenggai: ${printable(path)}: OCR page ${page} of ${pages}\n`),
  };
}

export async function readDb(target: string) {
  const { openStore } = await import('../../store/store.js');
  return openStore(target, { readonly: true });
}

/** Run fn on the dataset opened read-only, then close it (a server connection would keep the process alive). */
export async function withDb<T>(target: string, fn: (db: import('../../store/store.js').Store) => Promise<T>): Promise<T> {
  const db = await readDb(target);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}
