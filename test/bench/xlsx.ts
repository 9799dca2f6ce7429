// `npx tsx test/bench/xlsx.ts [--n 20000] [--db FILE]`: a benchmark, not a test. Builds a dataset of
// N synthetic bulletins (test/bench/synth.ts, ingested by the CLI; or takes --db, one built before),
// then runs `export --format xlsx` and the CSV export, each in its own process, and prints their
// seconds and peak RSS (VmHWM from /proc, sampled) and the workbook's rows and size, last as one
// JSON line (the folder it worked in removed): {docs, xlsx_s, xlsx_peak_rss_mb, xlsx_mb, csv_s, csv_peak_rss_mb}.
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, statSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { synthBulletin } from './synth.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = join(root, 'bin', 'zhenggai.mjs');
const argOf = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const N = Number(argOf('--n') ?? 20000);
const work = mkdtempSync(join(tmpdir(), 'zhenggai-xlsx-'));
const r1 = (x: number) => Math.round(x * 10) / 10;

/** Run the CLI: wall seconds, peak RSS in MB, stdout. */
function run(args: string[]): Promise<{ seconds: number; peakMb: number; stdout: string }> {
  const t = performance.now();
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    let peak = 0;
    const sample = () => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${p.pid}/status`, 'utf8'));
        if (m) peak = Math.max(peak, Number(m[1]) / 1024);
      } catch { /* exited */ }
    };
    const timer = setInterval(sample, 25);
    p.stdout.on('data', (d: Buffer) => { out += d; sample(); });
    p.on('error', reject);
    p.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0) reject(new Error(`zhenggai ${args.join(' ')} exited ${code}`));
      else resolve({ seconds: (performance.now() - t) / 1000, peakMb: peak, stdout: out });
    });
  });
}

let db = argOf('--db');
if (!db) {
  db = join(work, 'bench.db');
  const corpus = join(work, 'corpus');
  mkdirSync(corpus);
  for (let i = 0; i < N; i++) writeFileSync(join(corpus, `b${i}.txt`), synthBulletin(i).text);
  const ing = await run(['ingest', corpus, '--db', db, '--quiet']);
  console.log(`ingest: ${N} bulletins in ${r1(ing.seconds)} s (${ing.stdout.trim()})`);
}
const xlsx = await run(['export', '--db', db, '--out', join(work, 'xlsx'), '--format', 'xlsx']);
const xlsxMb = statSync(join(work, 'xlsx', 'zhenggai.xlsx')).size / 1e6;
console.log(`export --format xlsx: ${r1(xlsx.seconds)} s, peak RSS ${Math.round(xlsx.peakMb)} MB, ${r1(xlsxMb)} MB: ${xlsx.stdout.trim()}`);
const csv = await run(['export', '--db', db, '--out', join(work, 'csv')]);
console.log(`export (CSV): ${r1(csv.seconds)} s, peak RSS ${Math.round(csv.peakMb)} MB`);
const docs = argOf('--db') ? Number(/文件概览 (\d+)/.exec(xlsx.stdout)?.[1]) : N;
rmSync(work, { recursive: true, force: true });
console.log(JSON.stringify({ docs, xlsx_s: r1(xlsx.seconds), xlsx_peak_rss_mb: Math.round(xlsx.peakMb), xlsx_mb: r1(xlsxMb), csv_s: r1(csv.seconds), csv_peak_rss_mb: Math.round(csv.peakMb) }));
