// Limits set before anything is allocated (issue 21): a file that would take gigabytes to
// decode, render or label fails alone with its code (or is read within bounds), never takes
// the process down.
import { describe, it, expect } from 'vitest';
import { readBytes } from '../readers/index.js';
import { ZhenggaiError } from '../core/errors.js';
import { buildPdf, pngOf, docxWith, W_NS_ATTR as W, bigCounterDocx, bigPagePdf, blankPagesPdf } from './hostile.js';
import { formatNumber, MAX_COUNTER } from '../readers/word-numbering.js';
import { OCR_PAGE_PIXELS } from '../readers/ocr.js';

const code = async (p: Promise<unknown>) => { try { await p; return 'ok'; } catch (e) { return e instanceof ZhenggaiError ? e.code : `thrown: ${(e as Error).message}`; } };

describe('limits before allocation', () => {
  it('a picture of 16000×16000 is image_too_large from its header, by name or renamed .txt', async () => {
    const png = pngOf(16000, 16000);
    expect(png.length).toBeLessThan(40_000);
    expect(await code(readBytes(png, 'page-1.png'))).toBe('image_too_large');
    expect(await code(readBytes(png, 'notes.txt'))).toBe('image_too_large');
  });
  it('a blank 4960×7016 picture (600 dpi A4) is scaled to the OCR budget and read: no text, empty_file', async () => {
    const png = pngOf(4960, 7016, 7016);
    expect(png.length).toBeLessThan(200_000);
    expect(await code(readBytes(png, 'scan.png'))).toBe('empty_file');
  }, 180_000);
  it('a Word list that starts at 2,600,000,000 in upperLetter is docx_corrupt, not gigabytes of letters', async () => {
    const numbering = `<w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="2600000000"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
    const p = (t: string) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>${t}</w:t></w:r></w:p>`;
    const doc = docxWith(`<w:document ${W}><w:body>${p('关于巡察整改')}${p('第二段')}</w:body></w:document>`, numbering);
    expect(doc.length).toBeLessThan(5000);
    expect(await code(readBytes(doc, 'x.docx'))).toBe('docx_corrupt');
    expect(() => formatNumber(MAX_COUNTER + 1, 'upperRoman')).toThrow(/beyond Word/);
    expect(formatNumber(28, 'upperLetter')).toBe('BB');
  });
  it('Word XML nested deeper than the stack is docx_corrupt, not internal', async () => {
    const depth = 60_000;
    const xml = `<w:document ${W}><w:body><w:p>${'<w:hyperlink>'.repeat(depth)}<w:r><w:t>深</w:t></w:r>${'</w:hyperlink>'.repeat(depth)}</w:p></w:body></w:document>`;
    expect(await code(readBytes(docxWith(xml), 'deep.docx'))).toBe('docx_corrupt');
  });
  it('a page whose MediaBox is 2480×3508 pt is rendered within the pixel budget (read as a blank scan: pdf_no_text)', async () => {
    const content = '0 0 1 rg 10 10 100 100 re f';
    const pdf = buildPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 2480 3508] /Contents 4 0 R >>', `<< /Length ${content.length} >>\nstream\n${content}\nendstream`]);
    expect(pdf.length).toBeLessThan(1000);
    const before = process.memoryUsage().rss;
    expect(await code(readBytes(pdf, 'big-page.pdf'))).toBe('pdf_no_text');
    // at 144 dpi it would be 4960×7016 = 35 MP (140 MB a canvas); the budget keeps it under 6 MP
    expect(OCR_PAGE_PIXELS).toBeLessThanOrEqual(6_000_000);
    expect(process.memoryUsage().rss - before).toBeLessThan(1.5e9);
  }, 180_000);
  it('a scan of many blank pages reads only --ocr-max-pages of them', async () => {
    const n = 40;
    const content = '0 0 1 rg 10 10 100 100 re f';
    const objs = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${Array.from({ length: n }, (_, k) => `${k + 4} 0 R`).join(' ')}] /Count ${n} >>`, `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
      ...Array.from({ length: n }, () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 3 0 R >>')];
    const seen: number[] = [];
    const t0 = Date.now();
    expect(await code(readBytes(buildPdf(objs), 'blank.pdf', { ocrMaxPages: 2, onOcrPage: (p, of) => seen.push(p, of) }))).toBe('pdf_no_text');
    expect(seen).toEqual([1, 2, 2, 2]);
    expect(Date.now() - t0).toBeLessThan(120_000);
  }, 180_000);
});

describe('names in human output', () => {
  it('a file named with a newline and U+202E prints on one line, escaped, in progress lines and in errors', async () => {
    const { spawnSync } = await import('node:child_process');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join, dirname } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { fileURLToPath } = await import('node:url');
    const root = join(dirname(fileURLToPath(import.meta.url)), '..');
    const dir = mkdtempSync(join(tmpdir(), 'zg-names-'));
    const name = 'a\nfailed     forged\u202egnp.txt';
    writeFileSync(join(dir, name), '');
    const db = join(dir, 'z.db');
    const run = (...a: string[]) => spawnSync(process.execPath, [join(root, 'bin', 'zhenggai.mjs'), ...a], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    const r = run('ingest', dir, '--db', db);
    const lines = r.stderr.split('\n').filter((l) => l.includes('forged'));
    expect(lines.length).toBe(1);
    expect(lines[0]).toContain('a\\u000afailed');
    expect(lines[0]).toContain('\\u202egnp.txt');
    expect(r.stderr).not.toMatch(/[\u202e]/);
    const e = run('errors', '--db', db).stdout;
    expect(e.split('\n').filter((l) => l.includes('forged')).length).toBe(1);
    expect(e).not.toMatch(/[\u202e]/);
  }, 60_000);
});
