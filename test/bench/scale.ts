// `npm run bench:scale -- --n N [--jobs J] [--chunks 5]`: a benchmark, not a test. Ingests N
// varied synthetic bulletins into one dataset in chunks (the CLI, --jobs = cores), printing each
// chunk's rate, the database size and ingest's CPU per document by thread role; then, in the same
// run, single-thread extraction of a sample (its wall and CPU time) and what ingest adds to it, part
// by part (test/bench/parts.ts: search tokens, substring grams, compression, rows, the copy from
// worker to writer, writer, GC pauses); then times search (p50 of 20 word queries and of 20 substring
// queries), compare by unit and by unit,year, the report (seconds and size), the web app's pages
// and the export (seconds and peak RSS, its own process). Prints a table per step and, last, one
// JSON line:
// {docs, ingest_rate_first, ingest_rate_last, db_bytes_per_text_byte, search_ms, compare_ms,
//  report_s, report_mb, export_s, export_peak_rss_mb, ingest_vs_extract, extract_parallel_vs_extract,
//  ingest_cpu_vs_extract, ingest_cpu_vs_extract_one_sample, ingest_cpu_vs_extract_cpu, serve_page_ms_max, substring_search_ms,
//  substring_search_ms_max, serve_substring_page_ms, ingest_cpu_ms: {parse, main, other, total},
//  ingest_parts_ms: {extract, tokens, grams, compression, rows, copy, writer, gc}}
// (extract_parallel_vs_extract: the same sample extracted in a process per core at once, set
// against one thread's time ÷ cores: what the cores give extraction alone, with no dataset;
// ingest_cpu_vs_extract: the CPU time of ingest's threads, read from /proc, against one thread's
// extraction time: a floor under ingest_vs_extract, whatever the scheduling; the extraction time
// taken just before and right after each chunk (the sample, one thread, in a process of its own), their mean set against
// that chunk's CPU, so that both are read on the machine as it runs then (its speed drifts by a
// fifth within a run here, and one sample read minutes away from most of the ingest moved the
// ratio by as much: ingest_cpu_vs_extract_one_sample is that single sample's figure, as before);
// ingest_cpu_vs_extract_cpu: the same against the extraction's CPU time, V8's helper threads
// included as they are in ingest's: on a machine busy with other work, whose waits for a core
// inflate wall time, the steadier of the two).
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, readdirSync, existsSync, statSync, rmSync } from 'node:fs';
import { tmpdir, availableParallelism } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { synthBulletin } from './synth.js';
import { extractBytes } from '../../stages/extract.js';
import { ingestParts, SUBSTRING_QUERIES } from './parts.js';
import type { BulletinRecord } from '../../core/record.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const arg = (name: string, d: number) => { const i = process.argv.indexOf(name); return i > 0 ? Number(process.argv[i + 1]) : d; };
const N = arg('--n', 20000);
const CHUNKS = arg('--chunks', 5);
const jobs = arg('--jobs', availableParallelism());
const work = mkdtempSync(join(tmpdir(), 'zhenggai-scale-'));
const db = join(work, 'scale.db');
const r2 = (x: number) => Math.round(x * 100) / 100;
const cli = join(root, 'bin', 'zhenggai.mjs');

const { ensureBuilt } = (await import(join(root, 'bin', 'build.mjs'))) as { ensureBuilt: (n: string) => Promise<string> };
for (const e of ['cli', 'worker', 'query']) await ensureBuilt(e);

/** CPU seconds of a process by thread role (Linux /proc; the batch names its threads: core/thread-name.ts). */
/** main: the batch's own thread, which hands out the tasks and writes the dataset */
interface Cpu { parse: number; main: number; other: number; total: number }
const TICK = 100; // USER_HZ, 100 on Linux
/** utime + stime in ticks from a /proc stat line (fields 14 and 15; the name in parentheses may hold spaces) */
const ticks = (stat: string) => { const f = stat.slice(stat.lastIndexOf(')') + 2).split(' '); return Number(f[11]) + Number(f[12]); };
function cpuByRole(pid: number, threads: Map<number, { name: string; ticks: number }>): Cpu | null {
  try {
    const total = ticks(readFileSync(`/proc/${pid}/stat`, 'utf8')); // the whole process, threads that ended included
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        threads.set(Number(tid), { name: readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim(), ticks: ticks(readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8')) });
      } catch { /* the thread ended */ }
    }
    const cpu: Cpu = { parse: 0, main: 0, other: 0, total: total / TICK };
    for (const [tid, t] of threads) {
      const role = tid === pid ? 'main' : t.name === 'zg-parse' ? 'parse' : null;
      if (role) cpu[role] += t.ticks / TICK;
    }
    cpu.other = Math.max(0, cpu.total - cpu.parse - cpu.main);
    return cpu;
  } catch {
    return null; // exited, or not Linux
  }
}

/** Run the CLI; wall seconds, the peak RSS (VmHWM from /proc, sampled) of its process and its CPU by thread role (sampled, last reading). */
function run(args: string[]): Promise<{ seconds: number; peakMb: number; stdout: string; cpu: Cpu | null }> {
  const t = performance.now();
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    let peak = 0;
    let cpu: Cpu | null = null;
    const threads = new Map<number, { name: string; ticks: number }>();
    const sample = () => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${p.pid}/status`, 'utf8'));
        if (m) peak = Math.max(peak, Number(m[1]) / 1024);
      } catch { /* exited */ }
    };
    const timer = setInterval(sample, 25);
    // threads' CPU less often (a reading opens two files per thread, on the cores being measured)
    const cpuTimer = setInterval(() => { cpu = cpuByRole(p.pid!, threads) ?? cpu; }, 200);
    p.stdout.on('data', (d: Buffer) => { out += d; sample(); });
    p.on('error', reject);
    p.on('exit', (code) => {
      clearInterval(timer);
      clearInterval(cpuTimer);
      if (code !== 0 && code !== 1) reject(new Error(`zhenggai ${args[0]} exited ${code}`));
      else resolve({ seconds: (performance.now() - t) / 1000, peakMb: peak, stdout: out, cpu });
    });
  });
}
const dbBytes = () => ['', '-wal', '-shm'].reduce((s, x) => s + (existsSync(db + x) ? statSync(db + x).size : 0), 0);

// --- corpus, in chunks
let textBytes = 0;
const per = Math.ceil(N / CHUNKS);
const chunkDirs: string[] = [];
for (let c = 0; c < CHUNKS; c++) {
  const d = join(work, `chunk${c}`);
  mkdirSync(d);
  for (let i = c * per; i < Math.min(N, (c + 1) * per); i++) {
    const b = Buffer.from(synthBulletin(i).text);
    textBytes += b.length;
    writeFileSync(join(d, `b${i}.txt`), b);
  }
  chunkDirs.push(d);
}
console.log(`corpus: ${N} bulletins, ${(textBytes / 1e6).toFixed(1)} MB of text, in ${CHUNKS} chunks (${work}); --jobs ${jobs}`);

// the sample extracted on one thread: ~400 of the corpus's bulletins, spread over it
const sample = Math.min(N, 400);
const seeds = Array.from({ length: sample }, (_, i) => String(i * Math.max(1, Math.floor(N / sample))));
/** A child extracting the sample (test/bench/extract-share.ts), started; `go` runs it and gives its milliseconds. */
function extractChild() {
  const c = spawn(process.execPath, [...process.execArgv, join(root, 'test', 'bench', 'extract-share.ts'), ...seeds], { stdio: ['pipe', 'pipe', 'inherit'] });
  const out: string[] = [];
  let buf = '';
  const waiters: Array<() => void> = [];
  c.stdout!.on('data', (d: Buffer) => { buf += d; let k; while ((k = buf.indexOf('\n')) >= 0) { out.push(buf.slice(0, k)); buf = buf.slice(k + 1); waiters.splice(0).forEach((w) => w()); } });
  const line = async (n: number) => { while (out.length < n) await new Promise<void>((r) => waiters.push(r)); return out[n - 1]!; };
  return { ready: () => line(1), go: async () => { c.stdin!.write('go\n'); return Number(await line(2)); } };
}
/** One thread's extraction of the sample now, ms a document (after one document to warm up, as below). */
async function extractNow(): Promise<number> {
  const c = extractChild();
  await c.ready();
  return (await c.go()) / sample;
}

// --- ingest chunk by chunk into one dataset
const rates: number[] = [];
/** each chunk's CPU seconds, and its documents' extraction time read just before and right after it (seconds) */
const paired = { cpu: 0, extract: 0 };
let ingestSeconds = 0;
const ingestCpu: Cpu = { parse: 0, main: 0, other: 0, total: 0 };
let cpuRead = true;
for (const [c, d] of chunkDirs.entries()) {
  const before = await extractNow();
  const r = await run(['ingest', d, '--db', db, '--jobs', String(jobs), '--quiet']);
  const n = Math.min(N, (c + 1) * per) - c * per;
  ingestSeconds += r.seconds;
  rates.push(n / r.seconds);
  console.log(`chunk ${c + 1}/${CHUNKS}: ${n} docs in ${r2(r.seconds)} s = ${Math.round(n / r.seconds)} docs/s; database ${(dbBytes() / 1e6).toFixed(1)} MB (${r.stdout.trim()})`);
  if (r.cpu) {
    for (const k of Object.keys(ingestCpu) as Array<keyof Cpu>) ingestCpu[k] += r.cpu[k];
    const ms = (x: number) => r2((x * 1000) / n);
    // the main thread's cost (handing out tasks, and the writer) against the parsers' (which does
    // not depend on the dataset's size): how the cost of a write grows with the dataset, whatever
    // the machine's speed does meanwhile
    console.log(`  CPU ms per document: parse ${ms(r.cpu.parse)}, main (tasks and writer) ${ms(r.cpu.main)}, other threads ${ms(r.cpu.other)} = ${ms(r.cpu.total)}; main ÷ parse ${r2(r.cpu.main / r.cpu.parse)}`);
    // the machine's speed drifts by a fifth or more within a minute here: the extraction read on
    // both sides of the chunk, and their mean set against it
    const after = await extractNow();
    const e = (before + after) / 2;
    paired.cpu += r.cpu.total;
    paired.extract += (e / 1000) * n;
    console.log(`  one thread's extraction just before and right after: ${r2(before)} and ${r2(after)} ms per document; this chunk's CPU ÷ their mean ${r2(r.cpu.total / ((e / 1000) * n))}`);
  } else cpuRead = false;
}

// --- single-thread extraction of a sample, in this process, scaled to N
const texts = seeds.map((x) => Buffer.from(synthBulletin(Number(x)).text));
await extractBytes(new Uint8Array(texts[0]!), 'warm.txt');
const records: BulletinRecord[] = [];
const cpuNow = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
const te = performance.now();
const ce = cpuNow();
for (const [i, b] of texts.entries()) records.push(await extractBytes(new Uint8Array(b), `s${i}.txt`));
const extractPerDoc = (performance.now() - te) / 1000 / sample;
// its CPU time too (this thread and V8's helper threads, as ingest's is counted): on a busy
// machine wall time also counts the waits for a core, so CPU is set against CPU
const extractCpuPerDoc = (cpuNow() - ce) / sample;
const extractAll = extractPerDoc * N;
console.log(`extract (1 thread): ${r2(extractPerDoc * 1000)} ms per document (CPU ${r2(extractCpuPerDoc * 1000)} ms) → ${r2(extractAll)} s for ${N}; ingest took ${r2(ingestSeconds)} s with --jobs ${jobs}`);
// what ingest adds to extraction, part by part, on the same sample (test/bench/parts.ts)
const parts = await ingestParts(records);
records.length = 0;
console.log(`ingest's parts, CPU ms per document (1 thread, this process): extraction ${r2(extractCpuPerDoc * 1000)}; payload ${r2(parts.payload)} = search tokens ${r2(parts.tokens)}${parts.grams === null ? '' : ` + substring grams ${r2(parts.grams)}`} + compression ${r2(parts.compression)} + rows ${r2(parts.rows)}; the copy from worker to writer ${r2(parts.copy)} (${r2(parts.payload_kb)} KB a payload); writer ${r2(parts.writer)} (a fresh dataset); GC pauses ${r2(parts.gc)}`);

// --- extraction alone on every core at once (a process per core, the same sample each): what
// ingest_vs_extract would be with no dataset at all. One thread's extraction has the other cores
// for its garbage collection and compiler threads; with every core extracting, it does not.
const children = Array.from({ length: jobs }, extractChild);
await Promise.all(children.map((c) => c.ready())); // every child warm
const parallelMs = Math.max(...(await Promise.all(children.map((c) => c.go()))));
const parallelFloor = parallelMs / 1000 / (extractPerDoc * sample);
console.log(`extract alone, ${jobs} processes at once: ${r2(parallelMs / 1000)} s for ${jobs} × ${sample} documents (${r2(parallelMs / sample / jobs)} ms per document) → ${r2(parallelFloor)} × one thread's time ÷ ${jobs}`);
// ingest's CPU (every thread of the CLI, start-up included) against one thread's extraction: wall
// time on `jobs` cores is at least CPU ÷ jobs, so this is a floor under ingest_vs_extract
const cpuVsExtractOne = cpuRead ? ingestCpu.total / extractAll : null;
const cpuVsExtract = cpuRead ? paired.cpu / paired.extract : null;
if (cpuVsExtract !== null) {
  const share = (x: number) => `${Math.round((100 * x) / ingestCpu.total)}%`;
  console.log(`ingest CPU: ${r2(ingestCpu.total)} s = ${r2(cpuVsExtract)} × one thread's extraction time read on both sides of each chunk (${r2(cpuVsExtractOne!)} × the one sample above), ${r2(ingestCpu.total / (extractCpuPerDoc * N))} × its CPU time (parse ${share(ingestCpu.parse)}, main ${share(ingestCpu.main)}, other threads ${share(ingestCpu.other)})`);
}

// --- queries on the dataset, in this process (the CLI's own functions, a warm connection)
const { openStore } = await import('../../store/store.js');
const { search, compare } = await import('../../store/queries.js');
const { buildReport } = await import('../../app/report.js');
const conn = await openStore(db, { readonly: true });
const words = ['党费', '违规报销', '三会一课', '公务接待', '津贴补贴', '选人用人', '意识形态', '八项规定', '资金', '财务', '整改', '监督', '项目', '培训', '档案', '采购', '安全', '信访', '学习', '考核'];
const times: number[] = [];
for (const w of words) {
  const t = performance.now();
  await search(conn, w, { limit: 20 });
  times.push(performance.now() - t);
}
const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const searchMs = p50(times);
console.log(`search: p50 ${r2(searchMs)} ms over ${words.length} queries (max ${r2(Math.max(...times))} ms)`);
// substring terms (test/bench/parts.ts), most found in few problems or none
const substrings = SUBSTRING_QUERIES;
const subTimes: number[] = [];
const subRows: string[] = [];
for (const w of substrings) {
  const t = performance.now();
  const found = await search(conn, w, { limit: 20 });
  subTimes.push(performance.now() - t);
  subRows.push(`${w} ${Math.round(subTimes[subTimes.length - 1]!)} ms (${found.length})`);
}
const substringMs = p50(subTimes);
console.log(`substring search: p50 ${r2(substringMs)} ms over ${substrings.length} queries (max ${r2(Math.max(...subTimes))} ms): ${subRows.join(', ')}`);
const timed = async (f: () => Promise<unknown>) => { const t = performance.now(); const v = await f(); return { ms: performance.now() - t, v }; };
const byUnit = await timed(() => compare(conn, { by: ['unit'] }));
const byUnitYear = await timed(() => compare(conn, { by: ['unit', 'year'] }));
const compareMs = Math.max(byUnit.ms, byUnitYear.ms);
console.log(`compare --by unit: ${Math.round(byUnit.ms)} ms (${(byUnit.v as unknown[]).length} rows); --by unit,year: ${Math.round(byUnitYear.ms)} ms (${(byUnitYear.v as unknown[]).length} rows)`);
const rep = await timed(() => buildReport(conn));
const reportMb = Buffer.byteLength(rep.v as string) / 1e6;
console.log(`report: ${r2(rep.ms / 1000)} s, ${r2(reportMb)} MB`);
// --- the web app's pages (zhenggai serve), in this process: each page's time, best of 3
const { createApp } = await import('../../app/serve.js');
const app = createApp(conn);
const someUnit = (await conn.get<{ name: string }>('SELECT u.name FROM units u JOIN bulletins b ON b.unit_id = u.id GROUP BY u.id ORDER BY count(*) DESC LIMIT 1'))!.name;
const someBulletin = (await conn.get<{ id: number }>('SELECT max(id) AS id FROM bulletins'))!.id;
const pages = ['/', `/search?q=${encodeURIComponent('党费')}`, `/search?q=${encodeURIComponent('违规报销')}&year=2023&status=completed`, `/search?theme=party_dues&page=3`,
  `/unit/${encodeURIComponent(someUnit)}`, `/bulletin/${someBulletin}`, '/compare?by=unit', '/compare?by=unit,year'];
const pageMs: Record<string, number> = {};
for (const path of pages) {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const r = await app.request(path);
    await r.text();
    if (r.status !== 200) throw new Error(`${path}: ${r.status}`);
    best = Math.min(best, performance.now() - t);
  }
  pageMs[path] = Math.round(best);
}
console.log(`web app pages (best of 3, ms): ${JSON.stringify(pageMs)}`);
// the search page for a substring term found nowhere (its count and facets read every match)
let substringPageMs = Infinity;
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  const r = await app.request(`/search?q=${encodeURIComponent('"津贴"')}`);
  await r.text();
  substringPageMs = Math.min(substringPageMs, performance.now() - t);
}
console.log(`web app search page for a substring term found nowhere ("津贴", best of 3): ${Math.round(substringPageMs)} ms`);
await conn.close();

// --- export in its own process (its peak RSS is the figure)
const exp = await run(['export', '--db', db, '--out', join(work, 'export')]);
console.log(`export: ${r2(exp.seconds)} s, peak RSS ${Math.round(exp.peakMb)} MB`);

const result = {
  docs: N,
  ingest_rate_first: Math.round(rates[0]!),
  ingest_rate_last: Math.round(rates[rates.length - 1]!),
  db_bytes_per_text_byte: r2(dbBytes() / textBytes),
  search_ms: r2(searchMs),
  compare_ms: Math.round(compareMs),
  report_s: r2(rep.ms / 1000),
  report_mb: r2(reportMb),
  export_s: r2(exp.seconds),
  export_peak_rss_mb: Math.round(exp.peakMb),
  ingest_vs_extract: r2(ingestSeconds / (extractAll / jobs)),
  // the same ratio for extraction alone on every core (the same cold sample): what the cores give it
  extract_parallel_vs_extract: r2(parallelFloor),
  // ingest's CPU seconds, all threads, ÷ one thread's extraction time (null: not on Linux)
  ingest_cpu_vs_extract: cpuVsExtract === null ? null : r2(cpuVsExtract),
  // the same against the one sample extracted after the whole ingest
  ingest_cpu_vs_extract_one_sample: cpuVsExtractOne === null ? null : r2(cpuVsExtractOne),
  // the same against the extraction's CPU time (its V8 helper threads included, as ingest's are):
  // steadier on a machine busy with other work, whose waits for a core inflate wall time
  ingest_cpu_vs_extract_cpu: cpuRead ? r2(ingestCpu.total / (extractCpuPerDoc * N)) : null,
  serve_page_ms_max: Math.max(...Object.values(pageMs)),
  substring_search_ms: r2(substringMs),
  substring_search_ms_max: r2(Math.max(...subTimes)),
  serve_substring_page_ms: Math.round(substringPageMs),
  // CPU ms per document of ingest's threads (/proc, all chunks) and of each part of what it adds to
  // extraction (this process, the sample: test/bench/parts.ts)
  ingest_cpu_ms: cpuRead ? { parse: r2((ingestCpu.parse * 1000) / N), main: r2((ingestCpu.main * 1000) / N), other: r2((ingestCpu.other * 1000) / N), total: r2((ingestCpu.total * 1000) / N) } : null,
  ingest_parts_ms: { extract: r2(extractCpuPerDoc * 1000), tokens: r2(parts.tokens), grams: parts.grams === null ? null : r2(parts.grams), compression: r2(parts.compression), rows: r2(parts.rows), copy: r2(parts.copy), writer: r2(parts.writer), gc: r2(parts.gc) },
};
if (!process.env.KEEP) rmSync(work, { recursive: true, force: true }); // KEEP=1 keeps the corpus and the dataset
console.log(JSON.stringify(result));
