// OCR of scans and pictures: a scanned (image-only) PDF of a fixture must give that fixture's
// record, its structure exactly and its text within a few misread characters; pictures are
// sniffed by content; --no-ocr restores pdf_no_text; a page over its time limit is left out
// with a warning.
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync, mkdtempSync, copyFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractBytes } from '../stages/extract.js';
import { compareRecord } from './golden.js';
import { FIXTURES } from './fixtures.js';
import type { BulletinRecord } from '../core/record.js';
import { ctcDecode } from '../readers/ocr-engine.js';
import { findBoxes } from '../readers/ocr-boxes.js';
import { recInputs } from '../readers/ocr-pixels.js';
import { boxesToLines } from '../readers/ocr.js';
import { ocrShape } from '../readers/ocr-readers.js';
import { readBytes } from '../readers/index.js';
import { availableParallelism } from 'node:os';

const dir = join(FIXTURES, 'xuchang-jiaotong-2024');
// the scanned form of fixtures/xuchang-jiaotong-2024, kept out of fixtures/ so that ingesting
// the fixtures (the README's main command, the dataset tests) does not OCR
const SCAN = join(FIXTURES, '..', 'test', 'scans', 'xuchang-jiaotong-2024.pdf');
const scanned = () => new Uint8Array(readFileSync(SCAN));

/** similarity of two strings: 1 - edit distance / longer length */
function similarity(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const t = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = t;
    }
  }
  return 1 - d[b.length]! / Math.max(a.length, b.length, 1);
}

describe('a scanned PDF (no text layer), read by OCR', () => {
  let rec: BulletinRecord;
  beforeAll(async () => {
    rec = await extractBytes(scanned(), 'scanned.pdf');
  }, 300_000);
  it('says it was read by OCR, with its mean confidence', () => {
    expect(rec.source).toMatchObject({ format: 'pdf', ocr: true });
    expect(rec.source.ocr_confidence).toBeGreaterThan(0.9);
  });
  it('gives the fixture\'s record: every structural field exact, texts within a few misread characters', () => {
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
    const diffs = compareRecord(expected, rec);
    // numbers, statuses, categories, quantities, dates, unit, totals: exact
    const structural = diffs.filter((d) => !/\.(problem|measures\[\d+\]|outcome)$/.test(d.path));
    expect(structural).toEqual([]);
    expect(diffs.length).toBeLessThanOrEqual(4);
    for (const d of diffs) expect(similarity(String(d.expected), String(d.got)), d.path).toBeGreaterThan(0.9);
  });
  it('a page pdf.js must draw (text in embedded fonts, not one picture) is drawn and read on Node 20 too', async () => {
    // the seed's first page, through OCR as a page whose text layer had no Chinese would be
    const { getDocumentProxy } = await import('unpdf');
    const { PDF_OPTIONS } = await import('../readers/pdf.js');
    const { ocrPdfPages } = await import('../readers/ocr.js');
    const pdf = await getDocumentProxy(new Uint8Array(readFileSync(join(FIXTURES, 'xinye-kexie-2024', 'bulletin.pdf'))), PDF_OPTIONS as never);
    try {
      const read = await ocrPdfPages(pdf as never, [0], { ocrJobs: 1, ocrPageTimeoutMs: 60_000 });
      expect(read.warnings).toEqual([]);
      const text = (read.lines.get(0) ?? []).map((l) => l.text).join('');
      expect(text).toContain('附件8');
      expect(text).toContain('新野县科学技术协会');
    } finally {
      await pdf.loadingTask.destroy();
    }
  }, 120_000);
  it('--no-ocr restores pdf_no_text', async () => {
    const err = await extractBytes(scanned(), 'scanned.pdf', { ocr: false }).catch((e) => e);
    expect(err.code).toBe('pdf_no_text');
    expect(err.message).toMatch(/--no-ocr/);
  });
});

describe('pictures, sniffed by their content', () => {
  let page: Buffer;
  beforeAll(async () => {
    // the scan's first page as a picture (an image-only page renders without any font)
    const { getDocumentProxy, renderPageAsImage } = await import('unpdf');
    const { PDF_OPTIONS } = await import('../readers/pdf.js');
    const pdf = await getDocumentProxy(scanned(), PDF_OPTIONS as never);
    const png = await renderPageAsImage(pdf, 1, { canvasImport: () => import('@napi-rs/canvas'), scale: 1.5 });
    const sharp = (await import('sharp')).default;
    // the title, the opening and the first part: a third of the page
    const meta = await sharp(Buffer.from(png)).metadata();
    page = await sharp(Buffer.from(png)).extract({ left: 0, top: 0, width: meta.width!, height: Math.round(meta.height! * 0.3) }).png().toBuffer();
  }, 120_000);
  it('a PNG, a JPEG and a TIFF named anything: the bulletin\'s title and opening read', async () => {
    const sharp = (await import('sharp')).default;
    const forms: Array<[string, Buffer]> = [
      ['photo.png', page],
      ['photo.dat', await sharp(page).jpeg({ quality: 80 }).toBuffer()],
      ['scan.tif', await sharp(page).tiff().toBuffer()],
    ];
    for (const [name, bytes] of forms) {
      const rec = await extractBytes(new Uint8Array(bytes), name);
      expect(rec.source, name).toMatchObject({ format: 'image', ocr: true });
      expect(rec.bulletin.title, name).toBe('中共许昌市交通运输局党组关于巡察整改进展情况的通报');
      expect(rec.bulletin.unit, name).toBe('许昌市交通运输局');
      expect(rec.bulletin.inspection_start, name).toBe('2024-02-26');
    }
  }, 240_000);
  it('a page over its time limit is left out with a warning; nothing read at all is a clear error', async () => {
    const err = await extractBytes(new Uint8Array(page), 'slow.png', { ocrPageTimeoutMs: 1 }).catch((e) => e);
    expect(err.code).toBe('empty_file');
    const pdfErr = await extractBytes(scanned(), 'slow.pdf', { ocrPageTimeoutMs: 1 }).catch((e) => e);
    expect(pdfErr.code).toBe('pdf_no_text');
  }, 120_000);
  it('--no-ocr refuses a picture with a hint; a broken picture is image_corrupt', async () => {
    expect((await extractBytes(new Uint8Array(page), 'a.png', { ocr: false }).catch((e) => e)).code).toBe('unsupported_format');
    const broken = new Uint8Array(page.subarray(0, 200));
    expect((await extractBytes(broken, 'a.png').catch((e) => e)).code).toBe('image_corrupt');
  }, 60_000);
});

describe('a scan through the command line and the batch', () => {
  const root = join(FIXTURES, '..');
  const cli = (...args: string[]) => spawnSync(process.execPath, [join(root, 'bin', 'zhenggai.mjs'), ...args], { cwd: root, encoding: 'utf8', timeout: 280_000 });
  it('extract reports each OCR page on stderr; a scan has the OCR document limit, not --timeout (a 5 s limit does not stop a two-page scan)', () => {
    const r = cli('extract', '--timeout', '5000', SCAN);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/OCR page 1 of 2/);
    expect(r.stderr).toMatch(/OCR page 2 of 2/);
    expect(JSON.parse(r.stdout).source.ocr).toBe(true);
    const off = cli('extract', '--no-ocr', SCAN);
    expect(off.status).toBe(1);
    expect(off.stderr).toMatch(/pdf_no_text/);
  }, 300_000);
  it('ingest reads a scan with the same limits, and stores it as read by OCR', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'zg-ocr-'));
    copyFileSync(SCAN, join(tmp, 'scanned.pdf'));
    const db = join(tmp, 'z.db');
    const r = cli('ingest', tmp, '--db', db, '--timeout', '5000', '--quiet');
    expect(r.status, r.stderr + r.stdout).toBe(0);
    expect(r.stdout).toMatch(/^1 ingested/);
    const q = cli('query', '--db', db, 'SELECT count(*) AS n FROM issues');
    expect(q.stdout).toMatch(/\b11\b/);
  }, 300_000);
  it('one time limit for the whole scan, never re-armed page by page: --ocr-timeout stops a two-page scan that takes longer', () => {
    // 1.5 s: more than reading the PDF takes before OCR starts (under --timeout's 1 s), less than
    // loading the models and reading two dense pages (3 s and more, and faster OCR came near 3 s)
    const r = cli('extract', '--timeout', '1000', '--ocr-timeout', '1500', SCAN);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/timeout: over 1500 ms/);
  }, 300_000);
  it('a scan whose OCR process dies (a native abort) fails alone with worker_crashed; the text beside it lands', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'zg-ocr-crash-'));
    copyFileSync(SCAN, join(tmp, 'scanned.pdf'));
    copyFileSync(join(FIXTURES, 'yuehe-town-2024', 'bulletin.txt'), join(tmp, 'yuehe.txt'));
    const db = join(tmp, 'z.db');
    const r = spawnSync(process.execPath, [join(root, 'bin', 'zhenggai.mjs'), 'ingest', tmp, '--db', db, '--json'], { cwd: root, encoding: 'utf8', timeout: 280_000, env: { ...process.env, ZHENGGAI_OCR_CRASH_TEST: '1' } });
    expect(r.status).toBe(1);
    const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(events.find((e) => e.path?.endsWith('scanned.pdf'))).toMatchObject({ status: 'failed', code: 'worker_crashed' });
    expect(events.find((e) => e.path?.endsWith('yuehe.txt'))).toMatchObject({ status: 'ingested' });
    expect(events.at(-1)).toMatchObject({ event: 'summary', ingested: 1, failed: 1 });
    expect(cli('errors', '--db', db).stdout).toMatch(/worker_crashed\s+\S*scanned\.pdf/);
  }, 300_000);
});

/**
 * The seed's scan (fixtures/xinye-kexie-2024, 18 pages): made by test/make-scan.ts (pdftoppm, from
 * Debian's poppler-utils), or where pdftoppm is missing its pages drawn by pdf.js at the same
 * 150 dpi and saved the same way (grey JPEG), each on a page of its own.
 */
async function seedScan(): Promise<Uint8Array> {
  const { scanPages, imagePdf } = await import('./make-scan.js');
  const src = join(FIXTURES, 'xinye-kexie-2024', 'bulletin.pdf');
  // (ZHENGGAI_TEST_NO_PDFTOPPM=1 takes the second way where pdftoppm is installed)
  if (!process.env.ZHENGGAI_TEST_NO_PDFTOPPM && !spawnSync('pdftoppm', ['-v']).error) return new Uint8Array(imagePdf(await scanPages(src)));
  // unpdf's pdf.js transfers font data with ArrayBuffer.prototype.transferToFixedLength (Node 22):
  // without it, Node 20 draws these pages blank or never finishes
  type Transfer = { transferToFixedLength?: (this: ArrayBuffer, n?: number) => ArrayBuffer };
  (ArrayBuffer.prototype as Transfer).transferToFixedLength ??= function (n) {
    const out = structuredClone(this, { transfer: [this] });
    return n === undefined || n === out.byteLength ? out : out.slice(0, n);
  };
  const { getDocumentProxy, renderPageAsImage } = await import('unpdf');
  const { PDF_OPTIONS } = await import('../readers/pdf.js');
  const sharp = (await import('sharp')).default;
  const pdf = await getDocumentProxy(new Uint8Array(readFileSync(src)), PDF_OPTIONS as never);
  const pages = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const png = await renderPageAsImage(pdf, n, { canvasImport: () => import('@napi-rs/canvas'), scale: 150 / 72 });
    const { data, info } = await sharp(Buffer.from(png)).flatten({ background: '#ffffff' }).greyscale().jpeg({ quality: 70 }).toBuffer({ resolveWithObject: true });
    pages.push({ jpeg: data, width: info.width, height: info.height });
  }
  return new Uint8Array(imagePdf(pages));
}

describe('the pages of a scan read at once, up to --jobs', () => {
  it('how many at once: at most the jobs, the pages and what memory holds; onnxruntime\'s threads split among them', () => {
    const cores = availableParallelism();
    expect(ocrShape({ ocrJobs: 2 }, 18)).toEqual({ readers: 2, threads: Math.max(1, Math.floor(cores / 2)) });
    expect(ocrShape({ ocrJobs: 4 }, 1)).toEqual({ readers: 1, threads: cores });
    expect(ocrShape({ ocrJobs: 1 }, 18)).toEqual({ readers: 1, threads: cores });
    // a pool's worker: one page at a time, its share of the cores
    expect(ocrShape({ ocrJobs: 1, ocrThreads: 1 }, 18)).toEqual({ readers: 1, threads: 1 });
    expect(ocrShape({ ocrJobs: 10_000 }, 10_000).readers).toBeLessThan(10_000);
  });
  it('the two-page scan: the same text, warnings and confidence two pages at once as one by one; pages told in order, both at once', async () => {
    const told = (jobs: number) => {
      const at: Array<[number, number]> = [];
      const t0 = performance.now();
      return { at, t0, opts: { ocrJobs: jobs, onOcrPage: (p: number) => { at.push([p, performance.now()]); } } };
    };
    const one = told(1);
    const two = told(2);
    const a = await readBytes(scanned(), 'scanned.pdf', one.opts);
    const t1 = performance.now();
    const b = await readBytes(scanned(), 'scanned.pdf', two.opts);
    const t2 = performance.now();
    expect(b).toEqual(a);
    expect(a.ocr).toMatchObject({ pages: 2 });
    expect(one.at.map((x) => x[0])).toEqual([1, 2]);
    expect(two.at.map((x) => x[0])).toEqual([1, 2]);
    // one by one, page 2 starts once page 1 is read; two at once, as soon as page 1 is handed over
    expect(one.at[1]![1] - one.at[0]![1]).toBeGreaterThan((t1 - one.t0) / 5);
    expect(two.at[1]![1] - two.at[0]![1]).toBeLessThan((t2 - t1) / 5);
  }, 300_000);
  it('two at once keep --ocr-max-pages and the page time limit', async () => {
    const first = await readBytes(scanned(), 'scanned.pdf', { ocrJobs: 2, ocrMaxPages: 1 });
    expect(first.warnings?.map((w) => w.code)).toContain('ocr_pages_skipped');
    // page 1 read, page 2 (the contact and the signature's date) not
    expect(first.text).toContain('三、下一步工作打算');
    expect(first.text).not.toContain('2024年11月12日');
    const late = await readBytes(scanned(), 'slow.pdf', { ocrJobs: 2, ocrPageTimeoutMs: 1 }).catch((e) => e);
    expect(late.code).toBe('pdf_no_text');
  }, 300_000);
  it('the seed\'s 18-page scan: the same record read two pages at once as one by one', async () => {
    const bytes = await seedScan();
    const one = await extractBytes(bytes, 'seed-scan.pdf', { ocrJobs: 1 });
    const two = await extractBytes(bytes, 'seed-scan.pdf', { ocrJobs: 2 });
    expect(one.source.ocr).toBe(true);
    expect(one.issues.length).toBeGreaterThan(5);
    expect(two).toEqual(one);
  }, 900_000);
});

describe('the OCR engine\'s own steps (no model)', () => {
  it('the detector\'s map → one box a text line, top to bottom, in the page\'s pixels', () => {
    // a 64×32 map of a page 128×64: two lines of "text" (probability 0.9)
    const w = 64, h = 32;
    const prob = new Float32Array(w * h);
    for (let y = 5; y < 9; y++) for (let x = 4; x < 60; x++) prob[y * w + x] = 0.9;
    for (let y = 20; y < 24; y++) for (let x = 4; x < 30; x++) prob[y * w + x] = 0.9;
    const found = findBoxes(prob, w, h, 2, 2, 128, 64);
    expect(found).toHaveLength(2);
    const [a, b] = found.map((f) => f.box);
    // top-left first, clockwise; grown around the region (x 4..59, y 5..8), scaled by 2
    expect(a![0]![0]).toBeLessThan(8);
    expect(a![1]![0]).toBeGreaterThan(118);
    expect(a![0]![1]).toBeLessThan(10);
    expect(a![3]![1]).toBeGreaterThan(16);
    expect(b![0]![1]).toBeGreaterThan(a![3]![1]);
    // the recognizer's crop has more margin than the box
    expect(found[0]!.crop[3]![1] - found[0]!.crop[0]![1]).toBeGreaterThan(a![3]![1] - a![0]![1]);
  });
  it('a box is cut from the page 48 pixels high, as wide as its shape says (squeezed to 0.8), in 3 planes', () => {
    const img = { data: new Uint8Array(400 * 100).fill(255), width: 400, height: 100, channels: 1 };
    const [piece] = recInputs(img, [[0, 0], [400, 0], [400, 100], [0, 100]]);
    expect(piece!.width).toBe(Math.round((0.8 * 48 * 400) / 100));
    expect(piece!.data.length).toBe(3 * 48 * piece!.width);
    expect(piece!.data.every((v) => Math.abs(v - 1) < 1e-6)).toBe(true);
  });
  it('greedy CTC: blanks and repeats dropped, a repeat after a blank kept', () => {
    const dict = ['', 'a', 'b'];
    // steps: a a blank a b → "aab"
    const steps = [1, 1, 0, 1, 2];
    const probs = new Float32Array(steps.length * 3);
    steps.forEach((k, t) => { probs[t * 3 + k] = 0.9; });
    expect(ctcDecode(probs, steps.length, 3, dict)).toMatchObject({ text: 'aab', n: 3 });
  });
  it('a line\'s height is its longest box\'s, and heights within a quarter of the page\'s common one are that one', () => {
    const box = (x0: number, y0: number, x1: number, y1: number) => [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
    const lines = boxesToLines([
      { text: '见和建议，请及时向我们反映。', mean: 0.99, box: box(10, 10, 500, 44) },
      { text: '28；电子邮箱', mean: 0.99, box: box(10, 60, 200, 94) },
      { text: 'xinyekexie@163.com', mean: 0.99, box: box(210, 60, 400, 102) },
      { text: '中共新野县科学技术协会党组', mean: 0.99, box: box(10, 120, 500, 170) },
      { text: '整改情况：一是加强对', mean: 0.99, box: box(10, 190, 500, 226) },
    ]);
    expect(lines.map((l) => l.text)).toEqual(['见和建议，请及时向我们反映。', '28；电子邮箱xinyekexie@163.com', '中共新野县科学技术协会党组', '整改情况：一是加强对']);
    expect(lines.map((l) => l.bottom - l.top)).toEqual([34, 34, 50, 34]);
  });
});
