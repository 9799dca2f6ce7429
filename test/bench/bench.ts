// `npm run bench [-- --n 1000]`: a benchmark, not a test. Generates a corpus of varied
// synthetic bulletins (80% .txt, 10% .docx with Word list numbering, 10% .pdf), ingests it
// with --jobs = cores into a fresh database, and measures in the same run the baselines:
// single-thread extraction of the same texts (what an ingest must do at the least, before it
// writes anything), and pdf.js's own page-text extraction of the PDFs.
// Then OCR: the shipped scanned PDF read by the CLI (`--no-ocr` skips it), in seconds per page.
// Prints a table and, last, one JSON line. The txt figures are medians of three runs.
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, availableParallelism } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { getDocumentProxy, extractTextItems } from 'unpdf';
import { synthBulletin } from './synth.js';
import { makeDocx } from '../make-docx.js';
import { extractBytes } from '../../pipeline/extract.js';
import { PDF_OPTIONS } from '../../pipeline/readers/pdf.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const arg = (name: string, d: number) => { const i = process.argv.indexOf(name); return i > 0 ? Number(process.argv[i + 1]) : d; };
const N = arg('--n', 1000);
const jobs = arg('--jobs', availableParallelism());
const work = mkdtempSync(join(tmpdir(), 'zhenggai-bench-'));
const dirs = { txt: join(work, 'txt'), docx: join(work, 'docx'), pdf: join(work, 'pdf') };
for (const d of Object.values(dirs)) mkdirSync(d);

// --- corpus (the CLI bundle is built first so no run pays for it)
const { ensureBuilt } = (await import(join(root, 'bin', 'build.mjs'))) as { ensureBuilt: (n: string) => Promise<string> };
await ensureBuilt('cli');
await ensureBuilt('worker');
const seedPdf = readFileSync(join(root, 'fixtures', 'xinye-kexie-2024', 'bulletin.pdf'));
let bytes = 0;
for (let i = 0; i < N; i++) {
  const { text } = synthBulletin(i);
  if (i % 10 === 8) writeFileSync(join(dirs.docx, `b${i}.docx`), makeDocx(text));
  else if (i % 10 === 9) {
    // distinct bytes (so each is a new document) of a real published PDF: no CJK font here to typeset new ones
    writeFileSync(join(dirs.pdf, `b${i}.pdf`), Buffer.concat([seedPdf, Buffer.from(`\n%bench ${i}\n`)]));
  } else {
    const b = Buffer.from(text);
    bytes += b.length;
    writeFileSync(join(dirs.txt, `b${i}.txt`), b);
  }
}
const files = (d: string) => readdirSync(d).map((f) => join(d, f));
const nTxt = files(dirs.txt).length;
const nPdf = files(dirs.pdf).length;
const nDocx = files(dirs.docx).length;

// --- baselines (single thread, in this process)
const time = async (f: () => unknown | Promise<unknown>) => { const t = performance.now(); await f(); return (performance.now() - t) / 1000; };
await extractBytes(new TextEncoder().encode(synthBulletin(0).text), 'warm.txt'); // start-up (jieba's dictionary, rules) is not per-document work
// This machine's speed varies by ±10% from one run to the next: the txt figures are the median
// of three runs (baseline and ingest alike), all three shown in the table.
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const baseTxts: number[] = [];
for (let i = 0; i < 3; i++) baseTxts.push(await time(async () => { for (const f of files(dirs.txt)) await extractBytes(new Uint8Array(readFileSync(f)), f); }));
const baseTxt = median(baseTxts);
const basePdf = await time(async () => {
  for (const f of files(dirs.pdf)) {
    const pdf = await getDocumentProxy(new Uint8Array(readFileSync(f)), PDF_OPTIONS as never);
    await extractTextItems(pdf);
    await pdf.loadingTask.destroy();
  }
});

// --- zhenggai ingest, per format, each into a fresh database
// Each ingest is the real CLI in its own process (wall time includes its start-up; its
// peak RSS covers the main thread and the worker threads).
interface Summary { ingested: number; unchanged: number; failed: number; seconds: number; peak_rss_mb: number }
const run = async (dir: string, db = join(work, `${Math.random().toString(36).slice(2)}.db`), extra: string[] = []) => {
  const t = performance.now();
  const out = await new Promise<string>((resolve, reject) => {
    const p = spawn(process.execPath, [join(root, 'bin', 'zhenggai.mjs'), 'ingest', dir, '--db', db, '--jobs', String(jobs), '--quiet', '--json', ...extra]);
    let buf = '';
    p.stdout.on('data', (d) => (buf += d));
    p.on('error', reject);
    p.on('close', () => resolve(buf));
  });
  const s = JSON.parse(out.trim().split('\n').pop()!) as Summary;
  return { seconds: (performance.now() - t) / 1000, s, db };
};
const txtRuns: Array<Awaited<ReturnType<typeof run>>> = [];
for (let i = 0; i < 3; i++) txtRuns.push(await run(dirs.txt)); // each into a fresh database
const txt = txtRuns.find((r) => r.seconds === median(txtRuns.map((x) => x.seconds)))!;
const pdf = await run(dirs.pdf);
const docx = await run(dirs.docx);
const again = await run(dirs.txt, txt.db);
const grouped = await run(dirs.txt, undefined, ['--commit-every', '100']);
const peakRss = Math.max(...txtRuns.map((r) => r.s.peak_rss_mb), pdf.s.peak_rss_mb, docx.s.peak_rss_mb);

// --- CLI start-up to the first file event
async function startup(): Promise<number> {
  const db = join(work, `startup-${Math.random().toString(36).slice(2)}.db`);
  const t = performance.now();
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [join(root, 'bin', 'zhenggai.mjs'), 'ingest', files(dirs.txt)[0]!, '--db', db, '--json']);
    p.stdout.once('data', () => resolve(performance.now() - t));
    p.on('error', reject);
  });
}
const starts: number[] = [];
for (let i = 0; i < 3; i++) starts.push(await startup());
const startupMs = starts.sort((a, b) => a - b)[1]!;

// --- OCR: the shipped two-page scan through the CLI (engine start included), seconds per page
async function ocrRun(): Promise<number> {
  const t = performance.now();
  await new Promise<void>((resolve, reject) => {
    const p = spawn(process.execPath, [join(root, 'bin', 'zhenggai.mjs'), 'extract', join(root, 'test', 'scans', 'xuchang-jiaotong-2024.pdf')], { stdio: 'ignore' });
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`OCR run exited ${code}`))));
    p.on('error', reject);
  });
  return (performance.now() - t) / 1000;
}
const ocrSeconds = process.argv.includes('--no-ocr') ? null : await ocrRun();
const OCR_PAGES = 2;

const r2 = (x: number) => Math.round(x * 100) / 100;
const rows: Array<[string, string]> = [
  ['corpus', `${N} bulletins: ${nTxt} txt (${(bytes / 1e6).toFixed(1)} MB), ${nDocx} docx, ${nPdf} pdf in ${work}`],
  ['jobs', String(jobs)],
  ['baseline txt (extraction alone, 1 thread)', `${r2(baseTxt)} s = ${Math.round(nTxt / baseTxt)} docs/s (median of ${baseTxts.map(r2).join(', ')} s)`],
  ['ingest txt → SQLite', `${r2(txt.seconds)} s = ${Math.round(nTxt / txt.seconds)} docs/s (median of ${txtRuns.map((r) => r2(r.seconds)).join(', ')} s; ${txt.s.ingested} ingested, ${txt.s.failed} failed)`],
  ['baseline pdf (pdf.js text items, 1 thread)', `${r2(basePdf)} s = ${r2(nPdf / basePdf)} docs/s`],
  ['ingest pdf → SQLite', `${r2(pdf.seconds)} s = ${r2(nPdf / pdf.seconds)} docs/s (${pdf.s.failed} failed)`],
  ['ingest docx → SQLite', `${r2(docx.seconds)} s = ${r2(nDocx / docx.seconds)} docs/s (${docx.s.failed} failed)`],
  ['ingest txt, --commit-every 100', `${r2(grouped.seconds)} s = ${Math.round(nTxt / grouped.seconds)} docs/s`],
  ['re-ingest the txt (all unchanged)', `${r2(again.seconds)} s (${again.s.unchanged} unchanged, ${again.s.ingested} new)`],
  ['peak RSS of an ingest (main + worker threads)', `${Math.round(peakRss)} MB`],
  ['CLI start-up to first file (median of 3)', `${Math.round(startupMs)} ms`],
  ['OCR: a scanned PDF (2 pages, engine start included)', ocrSeconds === null ? 'skipped (--no-ocr)' : `${r2(ocrSeconds)} s = ${r2(ocrSeconds / OCR_PAGES)} s per page`],
];
const w = Math.max(...rows.map((r) => r[0].length));
for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`);
if (!process.env.KEEP) rmSync(work, { recursive: true, force: true }); // KEEP=1 keeps the corpus and databases
console.log(JSON.stringify({
  txt_docs_per_s: Math.round(nTxt / txt.seconds),
  // ingest wall time ÷ (single-thread extraction ÷ cores): what the dataset path costs on top
  ingest_vs_extract: r2(txt.seconds / (baseTxt / jobs)),
  pdf_ratio_vs_reader: r2(pdf.seconds / basePdf),
  peak_rss_mb: Math.round(peakRss),
  startup_ms: Math.round(startupMs),
  ocr_s_per_page: ocrSeconds === null ? null : r2(ocrSeconds / OCR_PAGES),
}));
