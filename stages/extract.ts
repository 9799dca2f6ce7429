// The pipeline: a Doc is created when a file is read and flows through the stages in order
// (stages/: read → normalize → segment → issues → totals → metadata → reconcile);
// the record is assembled from what they left on it and validated before anyone sees it.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { ZhenggaiError } from '../core/errors.js';
import { DEFAULT_MAX_BYTES, type ReadOptions } from '../readers/index.js';
import { Doc } from '../core/doc.js';
import { runStages } from './index.js';
import { SCHEMA_ID, validateOrDegrade, describeDropped, type BulletinRecord } from '../core/record.js';
import { checkOf } from '../core/checks.js';

export { PIPELINE_VERSION } from '../core/version.js';
export { buildIssues } from './issues/index.js';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The record from a Doc the stages have run on. */
export function assemble(doc: Doc): BulletinRecord {
  const seg = doc.structure!;
  const bulletin = doc.bulletin!;
  const { provenance, ...fields } = bulletin;
  const record = {
    schema: SCHEMA_ID,
    source: { path: doc.path, sha256: doc.sha256, format: doc.raw.format, encoding: doc.raw.encoding, publisher: doc.raw.meta.publisher ?? null, ocr: !!doc.raw.ocr, ocr_confidence: doc.raw.ocr?.confidence ?? null },
    text: doc.text,
    bulletin: fields,
    summary: doc.summary,
    categories: seg.categories.map((c) => ({ ordinal: c.ordinal, title: c.title, span: c.span ?? ([doc.paragraphs[c.para]!.start, doc.paragraphs[c.para]!.end] as [number, number]), rule: c.rule })),
    issues: doc.issues,
    quantities: doc.quantities,
    ...(doc.units.length ? { units: doc.units } : {}),
    warnings: doc.warnings(),
    provenance: {
      bulletin: provenance,
      summary: Object.fromEntries(Object.keys(doc.summary).map((k) => [k, doc.decisions().filter((m) => m.stage === 'totals' && m.value === k).map((m) => ({ rule: m.ruleId, span: m.span!, text: doc.text.slice(m.span![0], m.span![1]) }))])),
    },
  };
  // a value the rules produced that the schema does not allow is left out with a warning,
  // never the whole document (only a record that still fails is an internal error)
  const { record: valid, dropped } = validateOrDegrade(record);
  if (dropped.length) {
    const c = checkOf('value_dropped');
    for (const d of dropped) {
      const w = { ruleId: c.id, stage: 'assemble', severity: 'warning' as const, code: c.code, message: describeDropped(d) };
      doc.message(w);
      valid.warnings.push({ code: c.code, message: w.message, rule: c.id, span: null });
    }
  }
  doc.record = valid;
  return doc.record;
}

/** Read and extract, keeping the Doc (its messages and traced decisions: `zhenggai explain`). */
export async function extractBytesDoc(bytes: Uint8Array, path: string, opts: ReadOptions = {}, hash = sha256(bytes)): Promise<Doc> {
  const doc = new Doc(path, hash, bytes);
  await runStages(doc, opts);
  assemble(doc);
  return doc;
}

export async function extractBytes(bytes: Uint8Array, path: string, opts: ReadOptions = {}, hash = sha256(bytes)): Promise<BulletinRecord> {
  return (await extractBytesDoc(bytes, path, opts, hash)).record!;
}

async function readChecked(path: string, opts: ReadOptions): Promise<Uint8Array> {
  const st = await stat(path);
  // only regular files: a FIFO would block forever, /dev/zero would never end
  if (!st.isFile()) throw new ZhenggaiError(st.isDirectory() ? 'unreadable' : 'not_a_file', st.isDirectory() ? 'a folder, not a file' : undefined, path);
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (st.size > max) throw new ZhenggaiError('too_large', `${st.size} bytes is over the ${max}-byte limit (--max-bytes)`, path);
  return new Uint8Array(await readFile(path));
}

export async function extractFile(path: string, opts: ReadOptions = {}): Promise<BulletinRecord> {
  return extractBytes(await readChecked(path, opts), path, opts);
}

export async function extractFileDoc(path: string, opts: ReadOptions = {}): Promise<Doc> {
  return extractBytesDoc(await readChecked(path, opts), path, opts);
}
