// `npx tsx test/bench/writer.ts [--n 800] [--runs 3]`: a benchmark of the SQLite writer alone, not a
// test. The records of N synthetic bulletins are extracted once; then, per run: their payloads are
// built (store/rows.ts toPayload, what a parsing worker does), written into a fresh dataset in
// groups of 8 documents a commit (a pool's group commit), and written again with
// --reprocess under another rules hash (each document replaced, its groups computed again).
// Prints each step's CPU milliseconds per document (this process's user + system time: steadier
// than wall time on a busy machine; the median of the runs) and one JSON line.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { synthBulletin } from './synth.js';
import { extractBytes } from '../../stages/extract.js';
import { toPayload, type DocPayload } from '../../store/rows.js';
import { LocalSink } from '../../store/sink-local.js';
import type { BulletinRecord } from '../../core/record.js';

const arg = (name: string, d: number) => { const i = process.argv.indexOf(name); return i > 0 ? Number(process.argv[i + 1]) : d; };
const N = arg('--n', 800);
const RUNS = arg('--runs', 3);
const GROUP = 8;
const work = mkdtempSync(join(tmpdir(), 'zhenggai-writer-'));
const records: BulletinRecord[] = [];
for (let i = 0; i < N; i++) records.push(await extractBytes(new TextEncoder().encode(synthBulletin(i).text), `b${i}.txt`));

/** CPU milliseconds this process has used (its threads: the writer runs in this one). */
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const perDoc = (ms: number) => Math.round((ms / N) * 1000) / 1000;

async function writeAll(db: string, docs: DocPayload[], rules: string, reprocess: boolean): Promise<number> {
  const sink = new LocalSink({ db, versions: { pipeline: 'bench', rules }, reprocess, commitEvery: 1, runOptions: {} });
  const t = cpu();
  for (let i = 0; i < docs.length; i += GROUP) {
    sink.beginGroup();
    for (const d of docs.slice(i, i + GROUP)) await sink.writeInGroup(d);
    sink.commitGroup();
  }
  const ms = cpu() - t;
  await sink.finish({ ingested: docs.length, unchanged: 0, reprocessed: 0, failed: 0 });
  return ms;
}

const payload: number[] = [];
const write: number[] = [];
const rewrite: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const t = cpu();
  const docs = records.map((r) => toPayload(r, r.text.length));
  payload.push(cpu() - t);
  const db = join(work, `run${run}.db`);
  write.push(await writeAll(db, docs, 'a', false));
  rewrite.push(await writeAll(db, docs, 'b', true));
}
rmSync(work, { recursive: true, force: true });
const out = { docs: N, payload_ms_per_doc: perDoc(median(payload)), write_ms_per_doc: perDoc(median(write)), reprocess_ms_per_doc: perDoc(median(rewrite)) };
console.log(`payloads ${out.payload_ms_per_doc} ms/doc (runs ${payload.map(perDoc).join(', ')}); write ${out.write_ms_per_doc} ms/doc (runs ${write.map(perDoc).join(', ')}); reprocess ${out.reprocess_ms_per_doc} ms/doc (runs ${rewrite.map(perDoc).join(', ')})`);
console.log(JSON.stringify(out));
