// The pipeline: read → normalize → segment → extract → reconcile → validate.
// One Doc object flows through the stages; they add messages instead of throwing.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { ZhenggaiError } from './errors.js';
import { DEFAULT_MAX_BYTES } from './readers/index.js';
import { readBytes, type ReadOptions } from './readers/index.js';
import { normalize } from './normalize.js';
import { Doc, paragraphsOf, type ReadResult } from './doc.js';
import { segment, type Segmentation } from './segment.js';
import { readIssue } from '../extractors/issue.js';
import { readStatus } from '../extractors/status.js';
import { citedDocuments } from '../extractors/documents.js';
import { extract as extractQuantities } from '../extractors/quantities.js';
import { extractTotals } from '../extractors/totals.js';
import { readMetadata, publishedInText, docNumberInText } from '../extractors/metadata.js';
import { reconcile } from '../extractors/reconcile.js';
import { tagThemes } from '../extractors/themes.js';
import { mojibakeScore } from './readers/decode.js';
import { SCHEMA_ID, validateRecord, type BulletinRecord, type Issue } from './record.js';

export { PIPELINE_VERSION } from './version.js';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Pieces of text outside every issue (for totals, top-level quantities, as-of date). */
function outside(text: string, spans: Array<[number, number]>): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  let pos = 0;
  for (const [s, e] of [...spans].sort((a, b) => a[0] - b[0])) {
    if (s > pos) out.push({ text: text.slice(pos, s), start: pos });
    pos = Math.max(pos, e);
  }
  if (pos < text.length) out.push({ text: text.slice(pos), start: pos });
  return out;
}

export function buildIssues(doc: Doc, seg: Segmentation): Issue[] {
  const issues: Issue[] = [];
  for (const b of seg.problems) {
    const paras = doc.paragraphs.slice(b.first, b.last + 1);
    const span: [number, number] = [paras[0]!.start, paras[paras.length - 1]!.end];
    const parts = readIssue(paras, b.headStart, doc.text);
    if (!parts.problem) {
      doc.message({ ruleId: b.rule, stage: 'issues', severity: 'warning', code: 'problem_text_missing', message: `problem ${b.number}: no problem text found`, span });
    }
    const st = readStatus(parts);
    const category = seg.categories.find((c) => c.ordinal === b.category)?.title ?? null;
    issues.push({
      number: b.number,
      category: b.category,
      problem: parts.problem || doc.text.slice(b.headStart, paras[0]!.end),
      measures: parts.measures,
      outcome: parts.outcome,
      notes: parts.notes,
      status: st.status,
      status_phrase: st.phrase,
      status_rule: st.rule,
      documents: citedDocuments(doc.text.slice(span[0], span[1])),
      themes: tagThemes(parts.problem, { category, measures: parts.measures }),
      quantities: extractQuantities(doc.text, span[0], span[1]),
      span,
      rule: b.rule,
    });
  }
  return issues;
}

export function extractFromText(path: string, hash: string, read: ReadResult): BulletinRecord {
  const text = normalize(read.text);
  const doc = new Doc(path, hash, read, text, paragraphsOf(text));
  if (mojibakeScore(text) > 0.7) {
    doc.message({ ruleId: 'decode.mojibake', stage: 'read', severity: 'warning', code: 'suspicious_encoding', message: 'the text looks like mojibake (UTF-8 read as GBK and saved again?)' });
  }
  const seg = segment(doc);
  const issues = buildIssues(doc, seg);
  const out = outside(text, issues.map((i) => i.span));
  const { summary } = extractTotals(out);
  const meta = readMetadata(doc, seg, out);
  const quantities = out.flatMap((p) => extractQuantities(text, p.start, p.start + p.text.length));
  const categories = seg.categories.map((c) => ({ ordinal: c.ordinal, title: c.title, span: [doc.paragraphs[c.para]!.start, doc.paragraphs[c.para]!.end] as [number, number], rule: c.rule }));
  reconcile(doc, summary, issues, seg);

  const record = {
    schema: SCHEMA_ID,
    source: { path, sha256: hash, format: read.format, encoding: read.encoding, publisher: read.meta.publisher ?? null },
    text,
    bulletin: { ...meta, published_date: read.meta.published_date ?? publishedInText(read.text), doc_number: read.meta.doc_number ?? docNumberInText(read.text) },
    summary,
    categories,
    issues,
    quantities,
    warnings: doc.warnings(),
  };
  return validateRecord(record);
}

export async function extractBytes(bytes: Uint8Array, path: string, opts: ReadOptions = {}, hash = sha256(bytes)): Promise<BulletinRecord> {
  const read = await readBytes(bytes, path, opts);
  return extractFromText(path, hash, read);
}

export async function extractFile(path: string, opts: ReadOptions = {}): Promise<BulletinRecord> {
  const st = await stat(path);
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (st.size > max) throw new ZhenggaiError('too_large', `${st.size} bytes is over the ${max}-byte limit (--max-bytes)`, path);
  const bytes = new Uint8Array(await readFile(path));
  return extractBytes(bytes, path, opts);
}
