// Word's automatic numbering, read as Word shows it: lists built here from numbering.xml /
// styles.xml written by hand (style-linked levels, overrides, restarts, every format), and the
// LibreOffice-made .docx/.doc fixtures, whose records must equal their text's.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { docxLines } from '../readers/docx.js';
import { formatNumber, roman, chineseCounting } from '../readers/word-numbering.js';
import { extractBytes } from '../stages/extract.js';
import { compareRecord } from './golden.js';
import { FIXTURES } from './fixtures.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const lvl = (ilvl: number, fmt: string, text: string, extra = '') => `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;
const p = (text: string, numId?: number, ilvl?: number, style?: string) => {
  const np = numId === undefined ? '' : `<w:numPr>${ilvl === undefined ? '' : `<w:ilvl w:val="${ilvl}"/>`}<w:numId w:val="${numId}"/></w:numPr>`;
  const ps = style ? `<w:pStyle w:val="${style}"/>` : '';
  return `<w:p>${ps || np ? `<w:pPr>${ps}${np}</w:pPr>` : ''}<w:r><w:t>${text}</w:t></w:r></w:p>`;
};
function lines(body: string, numbering: string, styles = ''): string[] {
  return docxLines({
    'word/document.xml': strToU8(`<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
    'word/numbering.xml': strToU8(`<?xml version="1.0"?><w:numbering ${W}>${numbering}</w:numbering>`),
    'word/styles.xml': strToU8(`<?xml version="1.0"?><w:styles ${W}>${styles}</w:styles>`),
  });
}

describe('Word numbering formats', () => {
  it('writes each numFmt as Word shows it', () => {
    expect([1, 4, 9, 14, 40, 1994].map(roman)).toEqual(['I', 'IV', 'IX', 'XIV', 'XL', 'MCMXCIV']);
    expect(formatNumber(14, 'lowerRoman')).toBe('xiv');
    expect([1, 10, 11, 20, 21, 99, 105, 110].map(chineseCounting)).toEqual(['一', '十', '十一', '二十', '二十一', '九十九', '一百零五', '一百一十']);
    expect(formatNumber(3, 'ideographTraditional')).toBe('丙');
    expect(formatNumber(3, 'decimalEnclosedCircle')).toBe('③');
    expect(formatNumber(3, 'decimalEnclosedCircleChinese')).toBe('③');
    expect(formatNumber(7, 'decimalZero')).toBe('07');
    expect(formatNumber(12, 'decimalZero')).toBe('12');
    expect(formatNumber(2, 'upperLetter')).toBe('B');
    expect(formatNumber(28, 'lowerLetter')).toBe('bb');
    expect(formatNumber(5, 'chineseLegalSimplified')).toBe('伍');
    expect(formatNumber(3, 'taiwaneseCountingThousand')).toBe('三');
    expect(formatNumber(3, 'none')).toBe('');
  });
});

describe('Word numbering semantics', () => {
  it('one counter per list, continued through the document; several lists side by side', () => {
    const num = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}</w:abstractNum>
      <w:abstractNum w:abstractNumId="1">${lvl(0, 'decimal', '%1.')}</w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>`;
    expect(lines(p('部分', 1, 0) + p('问题甲', 2, 0) + p('问题乙', 2, 0) + p('正文') + p('部分', 1, 0) + p('问题丙', 2, 0), num))
      .toEqual(['一、部分', '1.问题甲', '2.问题乙', '正文', '二、部分', '3.问题丙']);
  });
  it('a lower level restarts when a higher one advances; w:lvlRestart 0 never restarts', () => {
    const num = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '（%1）')}${lvl(1, 'decimal', '%2.')}${lvl(2, 'decimal', '(%3)', '<w:lvlRestart w:val="0"/>')}</w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    expect(lines(p('甲', 1, 0) + p('a', 1, 1) + p('x', 1, 2) + p('b', 1, 1) + p('乙', 1, 0) + p('c', 1, 1) + p('y', 1, 2), num))
      .toEqual(['（一）甲', '1.a', '(1)x', '2.b', '（二）乙', '1.c', '(2)y']);
  });
  it('multi-level text %1.%2 and w:isLgl (all levels in Arabic digits)', () => {
    const num = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'upperRoman', '%1.')}${lvl(1, 'decimal', '%1.%2')}${lvl(2, 'decimal', '%1.%2.%3', '<w:isLgl/>')}</w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    expect(lines(p('a', 1, 0) + p('b', 1, 1) + p('c', 1, 2) + p('d', 1, 0) + p('e', 1, 1), num)).toEqual(['I.a', 'I.1b', '1.1.1c', 'II.d', 'II.1e']);
  });
  it('w:lvlOverride/w:startOverride restarts a list where its w:num is first used; a w:num without one continues its abstract', () => {
    const num = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'decimal', '%1.')}</w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>`;
    expect(lines(p('a', 1, 0) + p('b', 1, 0) + p('c', 2, 0) + p('d', 2, 0) + p('e', 3, 0), num)).toEqual(['1.a', '2.b', '1.c', '2.d', '3.e']);
  });
  it('numbering inherited from a paragraph style (w:basedOn chain), a style linked to a level, numId 0 removing it', () => {
    const num = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'none', '%1', '<w:pStyle w:val="H1"/>')}${lvl(1, 'chineseCounting', '%2、', '<w:pStyle w:val="H2"/>')}${lvl(2, 'chineseCounting', '（%3）', '<w:pStyle w:val="H3"/>')}</w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    const styles = `<w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="H2"><w:basedOn w:val="H1"/></w:style>
      <w:style w:type="paragraph" w:styleId="H3"><w:pPr><w:numPr><w:ilvl w:val="2"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>`;
    const body = p('中共某某局党组关于巡察整改情况的通报', undefined, undefined, 'H1') + p('整改情况', undefined, undefined, 'H2') + p('思想方面', undefined, undefined, 'H3') + p('作风方面', undefined, undefined, 'H3')
      + '<w:p><w:pPr><w:pStyle w:val="H2"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>不编号</w:t></w:r></w:p>' + p('下一步打算', undefined, undefined, 'H2');
    // the title's level shows nothing (numFmt none): never "1."
    expect(lines(body, num, styles)).toEqual(['中共某某局党组关于巡察整改情况的通报', '一、整改情况', '（一）思想方面', '（二）作风方面', '不编号', '二、下一步打算']);
  });
  it('w:numStyleLink: a list whose levels live in the abstract its numbering style points to', () => {
    const num = `<w:abstractNum w:abstractNumId="0"><w:styleLink w:val="ProblemList"/>${lvl(0, 'decimal', '%1．')}</w:abstractNum>
      <w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="ProblemList"/></w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>`;
    const styles = `<w:style w:type="numbering" w:styleId="ProblemList"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>`;
    expect(lines(p('a', 2, 0) + p('b', 2, 0), num, styles)).toEqual(['1．a', '2．b']);
  });
  it('bullets carry no label; deleted text, field codes and hidden runs are not text; a soft break starts a line', () => {
    const num = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'bullet', '•')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    const body = p('要点', 1, 0)
      + '<w:p><w:r><w:t>保留</w:t></w:r><w:del><w:r><w:delText>删除</w:delText></w:r></w:del><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:br/><w:t>下一行</w:t></w:r></w:p>';
    expect(lines(body, num)).toEqual(['要点', '保留', '下一行']);
  });
  it('refuses a part with a DTD (entity expansion) and a part that is not XML', async () => {
    const zip = (doc: string) => zipSync({ 'word/document.xml': strToU8(doc) });
    const codeOf = async (b: Uint8Array) => extractBytes(b, 'x.docx').then(() => 'ok', (e: { code?: string }) => e.code);
    expect(await codeOf(zip(`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><w:document ${W}><w:body><w:p><w:r><w:t>&a;</w:t></w:r></w:p></w:body></w:document>`))).toBe('docx_corrupt');
    expect(await codeOf(zip('<w:document><w:body><w:p>'))).toBe('docx_corrupt');
  });
});

describe('LibreOffice-made Word files (test/make-fodt.ts → soffice)', () => {
  for (const [name, what] of [['henan-nongye-2023', 'problems numbered through the document'], ['wucheng-wenlvti-2024', 'problems restarting in each category']] as const) {
    for (const ext of ['docx', 'doc']) {
      it(`${name}.${ext}: style-linked headings (the title's level shows nothing), ${what}: the same record as the text`, async () => {
        const dir = join(FIXTURES, name);
        const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
        const rec = await extractBytes(new Uint8Array(readFileSync(join(dir, `bulletin.${ext}`))), `bulletin.${ext}`);
        expect(rec.source.format).toBe(ext);
        expect(compareRecord(expected, rec)).toEqual([]);
        // the numbers are Word's, not typed: no digit label is in the file's text
        expect(rec.text).toMatch(/^一、/m);
        expect(rec.warnings.map((w) => w.code)).not.toContain('doc_lists_unread');
      });
    }
  }
});

describe('.doc and .wps', () => {
  const doc = () => new Uint8Array(readFileSync(join(FIXTURES, 'henan-nongye-2023', 'bulletin.doc')));
  const codeOf = async (b: Uint8Array, name: string) => extractBytes(b, name).then(() => 'ok', (e: { code?: string }) => e.code);
  it('is sniffed by its OLE signature, whatever its name (.wps saved by WPS in Word format, a .doc renamed .txt)', async () => {
    for (const name of ['x.wps', 'x.txt', 'x']) expect((await extractBytes(doc(), name)).source.format).toBe('doc');
  });
  it('an OLE file that is not a Word document is unsupported_format with a hint', async () => {
    const b = doc();
    // rename the WordDocument stream in the OLE directory (UTF-16 name): an OLE file of another kind
    const name = Buffer.from('WordDocument', 'utf16le');
    const at = Buffer.from(b).indexOf(name);
    expect(at).toBeGreaterThan(0);
    b.set(Buffer.from('XordDocument', 'utf16le'), at);
    const err = await extractBytes(b, 'sheet.wps').catch((e) => e);
    expect(err.code).toBe('unsupported_format');
    expect(err.message).toMatch(/\.docx or PDF/);
  });
  it('a password-protected .doc is doc_encrypted; a truncated one a clear error', async () => {
    const b = doc();
    // the FIB flags sit at offset 0x0A of the WordDocument stream, which starts at a sector
    const fib = Buffer.from(b).indexOf(Buffer.from([0xec, 0xa5]));
    b[fib + 0x0b] = b[fib + 0x0b]! | 0x01;
    expect(await codeOf(b, 'locked.doc')).toBe('doc_encrypted');
    expect(await codeOf(doc().subarray(0, 2000), 'cut.doc')).toMatch(/^(doc_corrupt|unsupported_format)$/);
  });
});
