// What ingest adds to extraction, part by part, per document: measured by `npm run bench:scale` on
// its single-thread sample (records already extracted), in this process, in CPU milliseconds
// (process.cpuUsage: this thread and V8's helper threads, steadier than wall time on a busy
// machine). The parts are those of a parsing worker's payload (store/rows.ts toPayload): the
// search tokens (jieba), the substring index's grams, the compression of the text and the record,
// the rest of the rows (the record's JSON, each table's JSON array); the copy of the payload from
// the parsing worker to the batch's thread, which writes (a structured clone, as postMessage makes
// it); the writer's CPU writing the payloads into a fresh dataset in groups of 8 (as a pool's
// group commit), and the garbage collector's pauses over all of it (V8's gc performance entries). The real ingest's threads are read from /proc by scale.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { PerformanceObserver } from 'node:perf_hooks';
import type { BulletinRecord } from '../../core/record.js';
import * as rows from '../../store/rows.js';
import { LocalSink } from '../../store/sink-local.js';

/**
 * Substring queries (matched as parts of the text, not as jieba words): single characters, phrases
 * in quotes, traditional characters, AND/OR/exclusion; most found in few synthetic problems or
 * none, the case that read every problem before the gram index.
 */
export const SUBSTRING_QUERIES = ['党', '费', '7', '杞', '尉', '鑫', '龘', '"党费"', '"津贴"', '"违规报销"', '"8437元"', '"量子计算"', '"黨費"', '"县科协财务管理办法"',
  '"清退违规发放资金"', '"津贴" OR 鑫', '"违规报销" -"差旅费"', '科协 "财务管理"', '"巡察" 尉', '"不存在的词"'];

export interface Parts { payload: number; tokens: number; grams: number | null; compression: number; rows: number; copy: number; writer: number; gc: number; payload_kb: number }

const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

/** CPU ms per item of f over items (after a warm-up over the first 20). */
function perItem<T>(items: T[], f: (x: T) => unknown): number {
  for (const x of items.slice(0, 20)) f(x);
  const t = cpu();
  for (const x of items) f(x);
  return (cpu() - t) / items.length;
}

export async function ingestParts(records: BulletinRecord[]): Promise<Parts> {
  let gcMs = 0;
  const obs = new PerformanceObserver((l) => { for (const e of l.getEntries()) gcMs += e.duration; });
  obs.observe({ entryTypes: ['gc'] });
  const size = (r: BulletinRecord) => Buffer.byteLength(r.text);
  // what each part costs alone, then the whole payload (whose remainder is the rows)
  const tokens = perItem(records, (r) => rows.ftsRows(r));
  const gramRows = (rows as Record<string, unknown>).gramRows as ((r: BulletinRecord) => unknown) | undefined;
  const grams = gramRows ? perItem(records, (r) => gramRows(r)) : null;
  const json = records.map((r) => JSON.stringify({ ...r, text: undefined }));
  let k = 0;
  const compression = perItem(records, (r) => rows.compressDocument(r.text, json[k++ % json.length]!));
  // gc entries arrive on the event loop: each phase's are read after a turn of it
  const gcSince = async () => { await new Promise((r) => setImmediate(r)); const g = gcMs; gcMs = 0; return g; };
  await gcSince();
  const t = cpu();
  const docs = records.map((r) => rows.toPayload(r, size(r)));
  const payload = (cpu() - t) / records.length;
  const payloadGc = (await gcSince()) / records.length;
  const bytes = docs.reduce((s, d) => s + serialize(d).length, 0) / docs.length;
  let i = 0;
  const copy = perItem(docs, () => structuredClone(docs[i++ % docs.length]));
  const dir = mkdtempSync(join(tmpdir(), 'zhenggai-parts-'));
  const sink = new LocalSink({ db: join(dir, 'parts.db'), versions: { pipeline: 'bench', rules: 'parts' }, reprocess: false, commitEvery: 1, runOptions: {} });
  await gcSince();
  const w = cpu();
  for (let g = 0; g < docs.length; g += 8) {
    sink.beginGroup();
    for (const d of docs.slice(g, g + 8)) sink.writeInGroup(d);
    sink.commitGroup();
  }
  const writer = (cpu() - w) / docs.length;
  const writerGc = (await gcSince()) / docs.length;
  await sink.finish({ ingested: docs.length, unchanged: 0, reprocessed: 0, failed: 0 });
  rmSync(dir, { recursive: true, force: true });
  obs.disconnect();
  return {
    payload, tokens, grams, compression, rows: Math.max(0, payload - tokens - (grams ?? 0) - compression), copy, writer,
    gc: payloadGc + writerGc, payload_kb: bytes / 1024,
  };
}
