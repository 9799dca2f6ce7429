// `npm run bench [-- --n 1000]`: a benchmark, not a test. Generates a corpus of varied
// synthetic bulletins (80% .txt, 10% .docx with Word list numbering, 10% .pdf), ingests it
// with --jobs = cores into a fresh database, and measures in the same run the baselines:
// single-thread extraction of the same texts (what an ingest must do at the least, before it
// writes anything), and pdf.js's own page-text extraction of the PDFs; what ingest adds to that
// extraction, part by part (test/bench/parts.ts, CPU ms a txt document), and substring search on
// the txt dataset (the median of test/bench/parts.ts's 20 queries).
// Then OCR (`--no-ocr` skips it): the seed's 18 pages printed and scanned (test/make-scan.ts, 150
// dpi grey JPEGs; needs pdftoppm) read by the CLI, in seconds per page, with the score of the
// record and the peak RSS, one page at a time (ZHENGGAI_OCR_JOBS=1: onnxruntime on every core) and
// two at once (ZHENGGAI_OCR_JOBS=2: one onnxruntime thread each on 2 cores); and, as the peer, Debian's tesseract (chi_sim) on the same page images
// when it is installed, its text given to `extract` the same way (scores by ../shared/tools/score.mjs
// when it is there).
// Prints a table and, last, one JSON line. The txt figures are medians of three runs.
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir, availableParallelism } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn, spawnSync } from 'node:child_process';
import { getDocumentProxy, extractTextItems } from 'unpdf';
import { synthBulletin } from './synth.js';
import { ingestParts, SUBSTRING_QUERIES } from './parts.js';
import { makeDocx } from '../make-docx.js';
import { extractBytes } from '../../stages/extract.js';
import { PDF_OPTIONS } from '../../readers/pdf.js';

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

// --- what ingest adds to extraction, part by part, on the txt records (test/bench/parts.ts), and
// substring search (the median of its queries, 20 a page) on the txt dataset
const txtRecords = [];
for (const f of files(dirs.txt)) txtRecords.push(await extractBytes(new Uint8Array(readFileSync(f)), f));
const parts = await ingestParts(txtRecords);
txtRecords.length = 0;
const substringMs = await (async () => {
  const { openStore } = await import('../../store/store.js');
  const { search } = await import('../../store/queries.js');
  const conn = await openStore(txt.db, { readonly: true });
  const times: number[] = [];
  for (const q of SUBSTRING_QUERIES) { const t = performance.now(); await search(conn, q, { limit: 20 }); times.push(performance.now() - t); }
  await conn.close();
  return median(times);
})();

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

// --- OCR: the seed's scan through the CLI (engine start included) against tesseract on the same pages
const r2 = (x: number) => Math.round(x * 100) / 100;
interface OcrFigures { pages: number; seconds: number; score: number | null; peakRssMb: number | null; cpu?: number }
const OCR_SKIP = process.argv.includes('--no-ocr') ? 'skipped (--no-ocr)' : null;
const ocrDir = join(work, 'ocr');
mkdirSync(ocrDir);
const { scanPages, imagePdf } = await import('../make-scan.js');
type Scanned = { pages: Awaited<ReturnType<typeof scanPages>> } | { error: string };
const seedPages: Scanned | null = OCR_SKIP ? null : await scanPages(join(root, 'fixtures', 'xinye-kexie-2024', 'bulletin.pdf')).then((pages) => ({ pages }), (e: Error) => ({ error: e.message }));
const scorer = join(root, '..', 'shared', 'tools', 'score.mjs');
const expected = join(root, 'fixtures', 'xinye-kexie-2024', 'expected.json');
/** the record's score against the seed's expected record, by the shared scorer when it is there */
function score(recordJson: string, name: string): number | null {
  if (!existsSync(scorer)) return null;
  const file = join(ocrDir, `${name}.json`);
  writeFileSync(file, recordJson);
  const r = spawnSync(process.execPath, [scorer, expected, file, '--quiet'], { encoding: 'utf8' });
  const m = /score: ([\d.]+)/.exec(r.stdout);
  return m ? Number(m[1]) : null;
}
/**
 * resident memory of a process and all its descendants, in bytes (Linux /proc; null elsewhere);
 * `cpu` gets each one's CPU seconds so far (user + system, its ended threads included)
 */
function treeRss(pid: number, cpu?: Map<number, number>): number | null {
  try {
    let sum = 0;
    const todo = [pid];
    while (todo.length) {
      const p = todo.pop()!;
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      sum += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
      try {
        const stat = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ');
        cpu?.set(p, (Number(stat[11]) + Number(stat[12])) / 100); // utime, stime in clock ticks (100 a second)
      } catch { /* gone */ }
      for (const t of readdirSync(`/proc/${p}/task`)) {
        try { todo.push(...readFileSync(`/proc/${p}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number)); } catch { /* gone */ }
      }
    }
    return sum;
  } catch {
    return null;
  }
}
/** run a command; its wall time, stdout, the peak RSS of its process tree and the CPU seconds its processes used (sampled every 50 ms) */
async function timed(cmd: string, args: string[], env: Record<string, string> = {}): Promise<{ seconds: number; stdout: string; peak: number | null; cpu: number }> {
  const t = performance.now();
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, ...env } });
    let out = '';
    let peak: number | null = null;
    const cpu = new Map<number, number>();
    const sample = setInterval(() => { const r = treeRss(p.pid!, cpu); if (r !== null) peak = Math.max(peak ?? 0, r); }, 50);
    p.stdout.on('data', (d) => (out += d));
    p.on('error', (e) => { clearInterval(sample); reject(e); });
    p.on('close', (code) => {
      clearInterval(sample);
      if (code !== 0) reject(new Error(`${cmd} exited ${code}`));
      else resolve({ seconds: (performance.now() - t) / 1000, stdout: out, peak, cpu: [...cpu.values()].reduce((a, b) => a + b, 0) });
    });
  });
}
const cli = join(root, 'bin', 'zhenggai.mjs');
let ocr: OcrFigures | null = null;
let ocr2: OcrFigures | null = null;
let sameRecord: boolean | null = null;
let tess: OcrFigures | null = null;
let ocrNote = OCR_SKIP;
let tessNote: string | null = OCR_SKIP;
let tessTimes: number[] = [];
let ocrTimes: number[] = [];
let ocr2Times: number[] = [];
if (seedPages && 'error' in seedPages) ocrNote = tessNote = `skipped: the seed's scan cannot be made (${seedPages.error.split('\n')[0]}; test/make-scan.ts needs pdftoppm: apt-get install poppler-utils)`;
else if (seedPages) {
  const { pages } = seedPages;
  const scanFile = join(ocrDir, 'seed-scan.pdf');
  writeFileSync(scanFile, imagePdf(pages));
  // pages one at a time (jobs 1) and two at once (jobs 2), each twice: one pair before the peer's
  // runs and one after, the faster counting, as for the peer (a machine shared with other work is
  // slower at some moments than at others). The record must be the same either way.
  const read = (jobs: number) => timed(process.execPath, [cli, 'extract', scanFile], { ZHENGGAI_OCR_JOBS: String(jobs) });
  const figures = (r: Awaited<ReturnType<typeof read>>, name: string): OcrFigures => ({ pages: pages.length, seconds: r.seconds, score: score(r.stdout, name), peakRssMb: r.peak === null ? null : Math.round(r.peak / 1e6), cpu: r.cpu });
  const first = [await read(1), await read(2)] as const;
  ocr = figures(first[0], 'ocr');
  ocr2 = figures(first[1], 'ocr-jobs2');
  sameRecord = first[0].stdout === first[1].stdout;
  // the peer: the same page images, one tesseract run over the list (its model loads once, as ours does)
  const langs = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
  if (langs.error || !/^chi_sim$/m.test(langs.stdout)) tessNote = 'skipped: Debian\'s tesseract with chi_sim is not installed (apt-get install tesseract-ocr tesseract-ocr-chi-sim)';
  else {
    const list = pages.map((p, i) => { const f = join(ocrDir, `page-${String(i + 1).padStart(2, '0')}.jpg`); writeFileSync(f, p.jpeg); return f; });
    writeFileSync(join(ocrDir, 'pages.txt'), list.join('\n') + '\n');
    // as installed (OpenMP threads on every core), and on one thread (OMP_THREAD_LIMIT=1): OpenMP's
    // threads wait spinning, and on a machine that is busy besides, tesseract then takes 4× as
    // long as on one thread. The peer's time is the faster of the two.
    const tessRuns: Array<Awaited<ReturnType<typeof timed>>> = [];
    for (const limit of [undefined, '1']) tessRuns.push(await timed('tesseract', [join(ocrDir, 'pages.txt'), 'stdout', '-l', 'chi_sim'], limit ? { OMP_THREAD_LIMIT: limit } : {}));
    const t = tessRuns.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    tessTimes = tessRuns.map((r) => r.seconds);
    // tesseract puts a space between CJK characters (and their full-width punctuation): taken out
    const cjk = '\\u2018\\u2019\\u201c\\u201d\\u2026\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef';
    const text = t.stdout.replace(new RegExp(`(?<=[${cjk}]) +(?=[${cjk}])`, 'gu'), '').replace(/\f/g, '\n');
    const txt = join(ocrDir, 'tesseract.txt');
    writeFileSync(txt, text);
    const rec = spawnSync(process.execPath, [cli, 'extract', txt], { encoding: 'utf8', maxBuffer: 64 << 20 });
    tess = { pages: pages.length, seconds: t.seconds, score: rec.status === 0 ? score(rec.stdout, 'tesseract') : 0, peakRssMb: t.peak === null ? null : Math.round(t.peak / 1e6), cpu: t.cpu };
  }
  const again = [await read(2), await read(1)] as const;
  sameRecord = sameRecord && again[0].stdout === again[1].stdout && again[1].stdout === first[0].stdout;
  const best = (f: OcrFigures, runs: ReadonlyArray<Awaited<ReturnType<typeof read>>>) => {
    const fast = runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    f.seconds = fast.seconds;
    f.cpu = fast.cpu;
    f.peakRssMb = Math.max(...runs.map((r) => (r.peak === null ? 0 : Math.round(r.peak / 1e6))));
  };
  best(ocr, [first[0], again[1]]);
  best(ocr2, [first[1], again[0]]);
  ocrTimes = [first[0].seconds, again[1].seconds];
  ocr2Times = [first[1].seconds, again[0].seconds];
}
const perPage = (f: OcrFigures | null) => (f ? r2(f.seconds / f.pages) : null);
const scored = (f: OcrFigures) => (f.score === null ? 'no score (../shared/tools/score.mjs not there)' : `score ${f.score}`);
const ocrRatio = ocr && tess ? r2(ocr.seconds / ocr.pages / (tess.seconds / tess.pages)) : null;
const cpuPerPage = (f: OcrFigures | null) => (f?.cpu === undefined ? null : r2(f.cpu / f.pages));

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
  ['what ingest adds to extraction, CPU ms a txt document', `payload ${r2(parts.payload)} (search tokens ${r2(parts.tokens)}, substring grams ${r2(parts.grams ?? 0)}, compression ${r2(parts.compression)}, rows ${r2(parts.rows)}), the copy from worker to writer ${r2(parts.copy)}, writer ${r2(parts.writer)}, GC pauses ${r2(parts.gc)}`],
  ['substring search on the txt dataset (median of 20 queries)', `${r2(substringMs)} ms`],
  ['CLI start-up to first file (median of 3)', `${Math.round(startupMs)} ms`],
  ['OCR: the seed\'s scan, 150 dpi (engine start included), a page at a time', ocr ? `${r2(ocr.seconds)} s for ${ocr.pages} pages = ${perPage(ocr)} s per page (runs: ${ocrTimes.map((x) => r2(x / ocr!.pages)).join(', ')}), CPU ${cpuPerPage(ocr)} s a page, ${scored(ocr)}, peak RSS ${ocr.peakRssMb ?? '?'} MB` : ocrNote!],
  ['OCR: the same, two pages at once (jobs 2)', ocr2 ? `${r2(ocr2.seconds)} s = ${perPage(ocr2)} s per page (runs: ${ocr2Times.map((x) => r2(x / ocr2!.pages)).join(', ')}), CPU ${cpuPerPage(ocr2)} s a page, peak RSS ${ocr2.peakRssMb ?? '?'} MB, ${sameRecord ? 'the same record' : 'A DIFFERENT RECORD'}` : ocrNote!],
  ['OCR peer: Debian\'s tesseract chi_sim, same pages', tess ? `${r2(tess.seconds)} s = ${perPage(tess)} s per page (as installed ${r2(tessTimes[0]! / tess.pages)}, one thread ${r2(tessTimes[1]! / tess.pages)}), CPU ${cpuPerPage(tess)} s a page, ${scored(tess)}, peak RSS ${tess.peakRssMb ?? '?'} MB` : tessNote!],
  ['OCR time vs tesseract\'s', ocrRatio === null ? '-' : `${ocrRatio}×`],
];
const w = Math.max(...rows.map((r) => r[0].length));
for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`);
if (!process.env.KEEP) rmSync(work, { recursive: true, force: true }); // KEEP=1 keeps the corpus and databases
console.log(JSON.stringify({
  txt_docs_per_s: Math.round(nTxt / txt.seconds),
  // ingest wall time ÷ (single-thread extraction ÷ cores): what the dataset path costs on top
  ingest_vs_extract: r2(txt.seconds / (baseTxt / jobs)),
  // CPU ms a txt document of what ingest adds to extraction (test/bench/parts.ts), and substring search
  ingest_parts_ms: { tokens: r2(parts.tokens), grams: r2(parts.grams ?? 0), compression: r2(parts.compression), rows: r2(parts.rows), copy: r2(parts.copy), writer: r2(parts.writer), gc: r2(parts.gc) },
  substring_search_ms: r2(substringMs),
  pdf_ratio_vs_reader: r2(pdf.seconds / basePdf),
  peak_rss_mb: Math.round(peakRss),
  startup_ms: Math.round(startupMs),
  ocr_s_per_page: perPage(ocr),
  ocr_score: ocr?.score ?? null,
  ocr_peak_rss_mb: ocr?.peakRssMb ?? null,
  ocr_cpu_s_per_page: cpuPerPage(ocr),
  ocr_s_per_page_jobs2: perPage(ocr2),
  ocr_cpu_s_per_page_jobs2: cpuPerPage(ocr2),
  ocr_peak_rss_mb_jobs2: ocr2?.peakRssMb ?? null,
  ocr_jobs2_same_record: sameRecord,
  tesseract_s_per_page: perPage(tess),
  tesseract_score: tess?.score ?? null,
  ocr_vs_tesseract: ocrRatio,
}));
