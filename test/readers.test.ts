// Bad inputs get a clear error code; good ones in every format give the same record.
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractFile, extractBytes } from '../stages/extract.js';
import { ZhenggaiError } from '../core/errors.js';
import { decodeText } from '../readers/decode.js';
import { sniff } from '../readers/index.js';
import { writeHostileSet, zipBomb, seedText, predefinedCMapPdf, textlessPdf } from './hostile.js';
import { FIXTURES } from './fixtures.js';

const codeOf = async (p: Promise<unknown>) => {
  try { await p; return 'ok'; } catch (e) { return e instanceof ZhenggaiError ? e.code : `not a ZhenggaiError: ${e}`; }
};

describe('decoding', () => {
  it('BOM, strict UTF-8, else GB18030; UTF-16 with BOM', () => {
    const s = '巡察整改情况';
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(s)]))).toEqual({ text: s, encoding: 'utf-8' });
    const u16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...s].map((c) => c.charCodeAt(0))).buffer)]);
    expect(decodeText(u16)).toEqual({ text: s, encoding: 'utf-16le' });
    const gbk = readFileSync(join(FIXTURES, 'xinye-kexie-2024', 'bulletin.gbk.txt'));
    expect(decodeText(gbk).encoding).toBe('gb18030');
  });
  it('sniffs content, not extensions', () => {
    expect(sniff(new TextEncoder().encode('%PDF-1.7'))).toBe('pdf');
    expect(sniff(new Uint8Array([0x50, 0x4b, 3, 4]))).toBe('zip');
    expect(sniff(new TextEncoder().encode('<!DOCTYPE html><html>'))).toBe('html');
  });
  it('a DOCX named .doc and a web page named .txt are read for what they are', async () => {
    const docx = new Uint8Array(readFileSync(join(FIXTURES, 'xinye-kexie-2024', 'bulletin.docx')));
    expect((await extractBytes(docx, 'renamed.doc')).source.format).toBe('docx');
    const html = new Uint8Array(readFileSync(join(FIXTURES, 'xinye-kexie-2024', 'bulletin.html')));
    const rec = await extractBytes(html, 'renamed.txt');
    expect(rec.source.format).toBe('html');
    expect(rec.issues.length).toBe(31);
  });
  it('a PDF with no text layer is pdf_no_text, not an empty record', async () => {
    expect(await codeOf(extractBytes(textlessPdf(), 'scan.pdf'))).toBe('pdf_no_text');
  });
  it('a PDF named .txt is read as a PDF', async () => {
    const bytes = new Uint8Array(readFileSync(join(FIXTURES, 'xinye-kexie-2024', 'bulletin.pdf')));
    const rec = await extractBytes(bytes, 'renamed.txt');
    expect(rec.source.format).toBe('pdf');
    expect(rec.issues.length).toBe(31);
  });
});

describe('hostile inputs', () => {
  let files: Record<string, string>;
  beforeAll(() => { files = writeHostileSet(mkdtempSync(join(tmpdir(), 'zg-hostile-'))); });
  const cases: Array<[string, string]> = [
    ['empty.txt', 'empty_file'],
    ['random.pdf', 'pdf_corrupt'],
    ['truncated.pdf', 'pdf_corrupt'],
    ['encrypted.pdf', 'pdf_encrypted'],
    ['binary.txt', 'binary_input'],
    ['old-word.doc', 'doc_corrupt'], // an OLE header over random bytes: a broken .doc
  ];
  for (const [name, code] of cases) {
    it(`${name} → ${code}`, async () => {
      const t = Date.now();
      expect(await codeOf(extractFile(files[name]!))).toBe(code);
      expect(Date.now() - t).toBeLessThan(10_000);
    });
  }
  it('a DOCX zip bomb is refused before it is inflated', async () => {
    expect(await codeOf(extractBytes(zipBomb(), 'bomb.docx'))).toBe('docx_too_large');
  }, 30_000); // building the 210 MB bomb takes seconds on a busy machine; refusing it does not
  it('a file over the size limit is refused without reading it', async () => {
    expect(await codeOf(extractFile(files['news.txt']!, { maxBytes: 100 }))).toBe('too_large');
  });
  it('mojibake is flagged as suspicious text', async () => {
    const rec = await extractFile(files['mojibake.txt']!);
    expect(rec.warnings.map((w) => w.code)).toContain('suspicious_encoding');
  });
  it('a news article is not forced into problems', async () => {
    const rec = await extractFile(files['news.txt']!);
    expect(rec.issues).toEqual([]);
    expect(rec.warnings.map((w) => w.code)).toContain('not_a_bulletin');
  });
  it('an HTML page full of scripts keeps only its text', async () => {
    const rec = await extractFile(files['scripts.html']!);
    expect(rec.text).not.toMatch(/alert|var a/);
    expect(rec.warnings.map((w) => w.code)).toContain('not_a_bulletin');
  });
  it('the same bytes give the same sha256 whatever the name', async () => {
    const a = await extractBytes(new TextEncoder().encode(seedText()), 'a.txt');
    const b = await extractBytes(new TextEncoder().encode(seedText()), 'b.txt');
    expect(a.source.sha256).toBe(b.source.sha256);
  });
});

describe('pdf character maps', () => {
  it('reads Chinese set in a non-embedded font through a predefined CMap (UniGB-UCS2-H)', async () => {
    const title = '中共某某县科学技术协会党组关于巡察整改情况的通报';
    const rec = await extractBytes(predefinedCMapPdf(title, '根据县委统一部署，2024年3月4日至4月26日，县委第一巡察组对县科协党组进行了巡察。'), 'cmap.pdf');
    expect(rec.bulletin.title).toBe(title);
    expect(rec.bulletin).toMatchObject({ team: '县委第一巡察组', inspection_start: '2024-03-04', inspection_end: '2024-04-26' });
  });
});

describe('docx with Word list numbering', () => {
  it('numbers come from numbering.xml, not from the text', async () => {
    const { unzipSync, strFromU8 } = await import('fflate');
    const bytes = new Uint8Array(readFileSync(join(FIXTURES, 'nanyang-weijianwei-2024', 'bulletin.docx')));
    const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
    expect(xml).not.toMatch(/>\s*\d+\.关于/); // no typed digits in the document
    expect(xml).toMatch(/<w:numPr>/);
    const rec = await extractBytes(bytes, 'list.docx');
    expect(rec.issues.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rec.categories.map((c) => c.ordinal)).toEqual([1, 2, 3]);
  });
});

describe('html pages', () => {
  it('reads the charset, the disclosure table and the article body, not the footer', async () => {
    const body = seedText().split('\n').map((l) => `<p>${l}</p>`).join('');
    const page = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"><title>通报_某网站</title></head><body>
      <div class="nav"><a>首页</a> &gt; <a>通知公告</a></div>
      <table class="xxgk"><tr><td>索引号：</td><td>11411329MB1234567X/2024-01234</td><td>发布机构：</td><td>新野县科学技术协会</td></tr>
      <tr><td>成文日期：</td><td>2024-08-31</td><td>文号：</td><td>新科协〔2024〕12号</td></tr></table>
      <div id="zoom">${body}</div>
      <div class="footer">主办单位：新野县人民政府 联系电话：0377-66200000</div></body></html>`;
    const rec = await extractBytes(new TextEncoder().encode(page.replace('charset=gbk', 'charset=utf-8')), 'page.html');
    expect(rec.source.format).toBe('html');
    expect(rec.bulletin.published_date).toBe('2024-08-31');
    expect(rec.bulletin.doc_number).toBe('新科协〔2024〕12号');
    expect(rec.source.publisher).toBe('新野县科学技术协会');
    expect(rec.bulletin.contact.phones).toEqual(['0377-66269828']);
    expect(rec.issues.length).toBe(31);
  });
  it('an empty 文号 cell: the document number is the 索引号, never the title on the next line', async () => {
    const body = seedText().split('\n').map((l) => `<p>${l}</p>`).join('');
    const page = `<html><head><meta charset="utf-8"><title>通报_某网站</title></head><body>
      <table class="xxgk"><tr><td>索引号：</td><td>11411329MB1234567X/2024-01234</td><td>发布机构：</td><td>新野县科学技术协会</td></tr>
      <tr><td>发布日期：</td><td>2024-08-31</td><td>文号：</td><td></td></tr></table>
      <div class="article"><h1>中共新野县科学技术协会党组关于巡察整改情况的通报</h1>${body}</div></body></html>`;
    const rec = await extractBytes(new TextEncoder().encode(page), 'page.html');
    expect(rec.bulletin.doc_number).toBe('11411329MB1234567X/2024-01234');
    expect(rec.bulletin.published_date).toBe('2024-08-31');
  });
  it('decodes a GBK page declared in its meta tag', async () => {
    const rec = await extractFile(join(FIXTURES, 'xinye-kexie-2024', 'bulletin.gbk.html'));
    expect(rec.source.encoding).toBe('gb18030');
    expect(rec.bulletin.published_date).toBe('2024-09-02');
    expect(rec.bulletin.title).toBe('中共新野县科学技术协会党组关于巡察整改情况的通报');
  });
});
