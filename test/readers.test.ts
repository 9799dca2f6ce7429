// Bad inputs get a clear error code; good ones in every format give the same record.
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractFile, extractBytes } from '../pipeline/extract.js';
import { ZhenggaiError } from '../pipeline/errors.js';
import { decodeText } from '../pipeline/readers/decode.js';
import { sniff } from '../pipeline/readers/index.js';
import { writeHostileSet, zipBomb, seedText } from './hostile.js';
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
    ['old-word.doc', 'unsupported_format'],
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
  });
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
