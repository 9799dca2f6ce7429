// Word 97–2003 .doc (and WPS Office .wps saved in the same binary format) → paragraphs.
// The OLE compound file is opened with word-extractor's reader; the Word binary is then read
// here (MS-DOC): the piece table gives the main text, the paragraph properties (PAPX in FKP
// pages) give each paragraph's list (ilfo, ilvl), style and table cell, and the list tables
// (PlfLst, PlfLfo) and the style sheet (STSH) give the numbers Word shows, computed with the
// same rules as a .docx's (word-numbering.ts). Fields show their result, not their code.
// Where the binary tables cannot be read, word-extractor's own text is used (no list numbers),
// with a warning; a file that is not a Word document is unsupported_format with a hint.
import { createRequire } from 'node:module';
import { ZhenggaiError } from '../core/errors.js';
import { tableLines } from './tables.js';
import { Numbering, type Level, type NumberingModel } from './word-numbering.js';
import type { ReadResult } from '../core/doc.js';

const require = createRequire(import.meta.url);

interface OleDoc { read(): Promise<void>; stream(name: string): NodeJS.ReadableStream }

async function openOle(bytes: Uint8Array): Promise<{ word: Buffer; table: Buffer | null }> {
  const OleCompoundDoc = require('word-extractor/lib/ole-compound-doc.js') as new (reader: unknown) => OleDoc;
  const BufferReader = require('word-extractor/lib/buffer-reader.js') as new (b: Buffer) => unknown;
  const ole = new OleCompoundDoc(new BufferReader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
  try {
    await ole.read();
  } catch (e) {
    throw new ZhenggaiError('doc_corrupt', `not a readable OLE compound file: ${(e as Error).message}`);
  }
  const streamOf = async (name: string): Promise<Buffer | null> => {
    let s: NodeJS.ReadableStream;
    try {
      s = ole.stream(name);
    } catch {
      return null;
    }
    if (!s) return null;
    return await new Promise<Buffer | null>((resolve) => {
      const chunks: Buffer[] = [];
      s.on('data', (c: Buffer) => chunks.push(c));
      s.on('error', () => resolve(null));
      s.on('end', () => resolve(Buffer.concat(chunks)));
    });
  };
  const word = await streamOf('WordDocument');
  if (!word) {
    throw new ZhenggaiError('unsupported_format', 'an OLE file without a WordDocument stream (an old WPS, Excel or PowerPoint file?): save it as .docx or PDF and try again');
  }
  if (word.length < 0x200 || word.readUInt16LE(0) !== 0xa5ec) throw new ZhenggaiError('unsupported_format', 'not a Word 97–2003 document (an older Word or WPS format?): save it as .docx or PDF and try again');
  const flags = word.readUInt16LE(0x0a);
  if (flags & 0x0100) throw new ZhenggaiError('doc_encrypted', 'the .doc is password-protected: save it without a password and try again');
  const table = await streamOf(flags & 0x0200 ? '1Table' : '0Table');
  return { word, table };
}

/** fc/lcb pairs of the FIB, by their index in FibRgFcLcb97 (MS-DOC 2.5.6). */
function fibPairs(word: Buffer): (i: number) => { fc: number; lcb: number } {
  const csw = word.readUInt16LE(32);
  const cslwAt = 34 + csw * 2;
  const cslw = word.readUInt16LE(cslwAt);
  const blob = cslwAt + 2 + cslw * 4 + 2;
  const count = word.readUInt16LE(cslwAt + 2 + cslw * 4);
  return (i) => (i < count && blob + i * 8 + 8 <= word.length ? { fc: word.readUInt32LE(blob + i * 8), lcb: word.readUInt32LE(blob + i * 8 + 4) } : { fc: 0, lcb: 0 });
}
const FIB = { stshf: 1, plcfBtePapx: 13, clx: 33, plfLst: 73, plfLfo: 74 } as const;

interface Piece { cpStart: number; cpEnd: number; fc: number; compressed: boolean }

function readPieces(table: Buffer, fc: number, lcb: number): Piece[] {
  let pos = fc;
  const end = fc + lcb;
  while (pos < end && table[pos] === 0x01) pos += 3 + table.readInt16LE(pos + 1); // Prc: skip
  if (table[pos] !== 0x02) throw new Error('no piece table');
  const size = table.readUInt32LE(pos + 1);
  const base = pos + 5;
  const n = (size - 4) / 12;
  const pieces: Piece[] = [];
  for (let i = 0; i < n; i++) {
    const raw = table.readUInt32LE(base + (n + 1) * 4 + i * 8 + 2);
    const compressed = (raw & 0x40000000) !== 0;
    const fcv = raw & 0x3fffffff;
    pieces.push({ cpStart: table.readUInt32LE(base + i * 4), cpEnd: table.readUInt32LE(base + (i + 1) * 4), fc: compressed ? fcv / 2 : fcv, compressed });
  }
  return pieces;
}

const cp1252 = new TextDecoder('windows-1252');

/** The main text, one character per CP, and the file offset of each CP. */
function mainText(word: Buffer, pieces: Piece[], ccpText: number): { text: string; fcOf: (cp: number) => number } {
  let text = '';
  for (const p of pieces) {
    if (p.cpStart >= ccpText) break;
    const n = Math.min(p.cpEnd, ccpText) - p.cpStart;
    text += p.compressed ? cp1252.decode(word.subarray(p.fc, p.fc + n)) : word.subarray(p.fc, p.fc + n * 2).toString('utf16le');
  }
  const fcOf = (cp: number): number => {
    for (const p of pieces) if (cp >= p.cpStart && cp < p.cpEnd) return p.fc + (cp - p.cpStart) * (p.compressed ? 1 : 2);
    return -1;
  };
  return { text, fcOf };
}

interface Sprms { ilfo?: number; ilvl?: number; inTable?: boolean; rowEnd?: boolean }

/** The paragraph sprms this reader needs (list, level, table), from a grpprl. */
function readSprms(buf: Buffer, start: number, end: number, into: Sprms = {}): Sprms {
  let pos = start;
  while (pos + 2 <= end) {
    const sprm = buf.readUInt16LE(pos);
    pos += 2;
    const spra = sprm >> 13;
    let size: number;
    switch (spra) {
      case 0: case 1: size = 1; break;
      case 2: case 4: case 5: size = 2; break;
      case 3: size = 4; break;
      case 7: size = 3; break;
      default:
        if (sprm === 0xd608) size = buf.readUInt16LE(pos) + 1; // sprmTDefTable: a 2-byte size
        else if (sprm === 0xc615) size = buf[pos] === 255 ? 1 + buf[pos + 1]! * 4 + 1 + buf[pos + 2 + buf[pos + 1]! * 4]! * 3 + 1 : buf[pos]! + 1;
        else size = (buf[pos] ?? 0) + 1;
    }
    if (pos + size > end) break;
    switch (sprm) {
      case 0x460b: into.ilfo = buf.readInt16LE(pos); break; // sprmPIlfo
      case 0x260a: into.ilvl = buf[pos]!; break; // sprmPIlvl
      case 0x2416: into.inTable = buf[pos] !== 0; break; // sprmPFInTable
      case 0x2417: into.rowEnd = buf[pos] !== 0; break; // sprmPFTtp
      case 0x6649: into.inTable = buf.readInt32LE(pos) > 0; break; // sprmPItap
      case 0x244b: into.rowEnd = buf[pos] !== 0; break; // sprmPFInnerTtp
      default: break;
    }
    pos += size;
  }
  return into;
}

interface PapxRun { fcStart: number; fcEnd: number; istd: number; sprms: Sprms }

function readPapx(word: Buffer, table: Buffer, fc: number, lcb: number): PapxRun[] {
  const runs: PapxRun[] = [];
  const n = (lcb - 4) / 8;
  for (let i = 0; i < n; i++) {
    const pn = table.readUInt32LE(fc + (n + 1) * 4 + i * 4) & 0x3fffff;
    const page = pn * 512;
    if (page + 512 > word.length) continue;
    const crun = word[page + 511]!;
    for (let k = 0; k < crun; k++) {
      const fcStart = word.readUInt32LE(page + k * 4);
      const fcEnd = word.readUInt32LE(page + (k + 1) * 4);
      const bOffset = word[page + (crun + 1) * 4 + k * 13]!;
      if (!bOffset) { runs.push({ fcStart, fcEnd, istd: 0, sprms: {} }); continue; }
      let at = page + bOffset * 2;
      let len = word[at]! * 2 - 1;
      at += 1;
      if (len < 0) { len = word[at]! * 2; at += 1; }
      const istd = len >= 2 ? word.readUInt16LE(at) : 0;
      runs.push({ fcStart, fcEnd, istd, sprms: len > 2 ? readSprms(word, at + 2, Math.min(at + len, page + 511)) : {} });
    }
  }
  return runs.sort((a, b) => a.fcStart - b.fcStart);
}

// MSONFC (MS-DOC 2.9.170) → the w:numFmt names word-numbering.ts formats
const NFC: Record<number, string> = {
  0x00: 'decimal', 0x01: 'upperRoman', 0x02: 'lowerRoman', 0x03: 'upperLetter', 0x04: 'lowerLetter', 0x05: 'ordinal',
  0x0a: 'japaneseCounting', 0x0e: 'decimalFullWidth', 0x0f: 'decimalHalfWidth', 0x12: 'decimalEnclosedCircle', 0x13: 'decimalFullWidth',
  0x16: 'decimalZero', 0x17: 'bullet', 0x1a: 'decimalEnclosedFullstop', 0x1b: 'decimalEnclosedParen', 0x1c: 'decimalEnclosedCircleChinese',
  0x1d: 'ideographEnclosedCircle', 0x1e: 'ideographTraditional', 0x1f: 'ideographZodiac', 0x21: 'taiwaneseCounting', 0x23: 'taiwaneseCountingThousand',
  0x24: 'taiwaneseDigital', 0x25: 'chineseCounting', 0x26: 'chineseLegalSimplified', 0x27: 'chineseCountingThousand', 0xff: 'none',
};

/** One LVL (LVLF, grpprlPapx, grpprlChpx, xst) at pos: the level and where the next starts. */
function readLvl(t: Buffer, pos: number): { level: Level; next: number } {
  const start = t.readInt32LE(pos);
  const nfc = t[pos + 4]!;
  const flags = t[pos + 5]!;
  const fLegal = (flags & 0x04) !== 0;
  const fNoRestart = (flags & 0x08) !== 0;
  const cbChpx = t[pos + 24]!;
  const cbPapx = t[pos + 25]!;
  const restartLim = t[pos + 26]!;
  let at = pos + 28 + cbPapx + cbChpx;
  const cch = t.readUInt16LE(at);
  const xst = t.subarray(at + 2, at + 2 + cch * 2).toString('utf16le');
  at += 2 + cch * 2;
  // placeholders are the characters 0–8 (the level whose number goes there)
  const text = [...xst].map((c) => (c.charCodeAt(0) < 9 ? `%${c.charCodeAt(0) + 1}` : c)).join('');
  return { level: { start, fmt: NFC[nfc] ?? 'decimal', text, restart: fNoRestart ? restartLim : null, isLgl: fLegal, pStyle: null }, next: at };
}

function readLists(t: Buffer, fib: ReturnType<typeof fibPairs>): Pick<NumberingModel, 'abstracts' | 'nums'> {
  const abstracts: NumberingModel['abstracts'] = new Map();
  const nums: NumberingModel['nums'] = new Map();
  const lst = fib(FIB.plfLst);
  if (lst.lcb > 2) {
    const cLst = t.readInt16LE(lst.fc);
    const lstfs: Array<{ lsid: number; simple: boolean; styles: number[] }> = [];
    for (let i = 0; i < cLst; i++) {
      const at = lst.fc + 2 + i * 28;
      const styles: number[] = [];
      for (let k = 0; k < 9; k++) styles.push(t.readUInt16LE(at + 8 + k * 2));
      lstfs.push({ lsid: t.readInt32LE(at), simple: (t[at + 26]! & 0x01) !== 0, styles });
    }
    let pos = lst.fc + 2 + cLst * 28;
    for (const l of lstfs) {
      const levels = new Map<number, Level>();
      for (let k = 0; k < (l.simple ? 1 : 9); k++) {
        const { level, next } = readLvl(t, pos);
        if (l.styles[k] !== undefined && l.styles[k] !== 0x0fff) level.pStyle = String(l.styles[k]);
        levels.set(k, level);
        pos = next;
      }
      abstracts.set(String(l.lsid), { id: String(l.lsid), levels, numStyleLink: null, styleLink: null });
    }
  }
  const lfo = fib(FIB.plfLfo);
  if (lfo.lcb > 4) {
    const count = t.readUInt32LE(lfo.fc);
    const lfos: Array<{ lsid: number; clfolvl: number }> = [];
    for (let i = 0; i < count; i++) {
      const at = lfo.fc + 4 + i * 16;
      lfos.push({ lsid: t.readInt32LE(at), clfolvl: t[at + 12]! });
    }
    let pos = lfo.fc + 4 + count * 16;
    lfos.forEach((l, i) => {
      const starts = new Map<number, number>();
      const levels = new Map<number, Level>();
      pos += 4; // cp
      for (let k = 0; k < l.clfolvl; k++) {
        const iStartAt = t.readInt32LE(pos);
        const flags = t.readUInt32LE(pos + 4);
        pos += 8;
        const ilvl = flags & 0x0f;
        if (flags & 0x10) starts.set(ilvl, iStartAt);
        if (flags & 0x20) {
          const { level, next } = readLvl(t, pos);
          levels.set(ilvl, level);
          pos = next;
        }
      }
      nums.set(String(i + 1), { id: String(i + 1), abstractId: String(l.lsid), starts, levels });
    });
  }
  return { abstracts, nums };
}

/** Paragraph styles' list properties and base styles (STSH). */
function readStyles(t: Buffer, fib: ReturnType<typeof fibPairs>): NumberingModel['styles'] {
  const styles: NumberingModel['styles'] = new Map();
  const { fc, lcb } = fib(FIB.stshf);
  if (lcb < 4) return styles;
  const cbStshi = t.readUInt16LE(fc);
  const cstd = t.readUInt16LE(fc + 2);
  const cbBase = t.readUInt16LE(fc + 4);
  let pos = fc + 2 + cbStshi;
  const end = fc + lcb;
  for (let istd = 0; istd < cstd && pos + 2 <= end; istd++) {
    const cbStd = t.readUInt16LE(pos);
    const std = pos + 2;
    pos = std + cbStd;
    if (!cbStd) continue;
    const stk = t.readUInt16LE(std + 2) & 0x0f;
    const istdBase = t.readUInt16LE(std + 2) >> 4;
    if (stk !== 1) continue; // paragraph styles only
    const cch = t.readUInt16LE(std + cbBase);
    let upx = std + cbBase + 2 + cch * 2 + 2;
    if ((upx - std) % 2) upx++;
    const cbUpx = t.readUInt16LE(upx);
    const sprms = cbUpx > 2 ? readSprms(t, upx + 4, Math.min(upx + 2 + cbUpx, pos)) : {};
    styles.set(String(istd), {
      numId: sprms.ilfo === undefined ? null : String(Math.max(0, sprms.ilfo)),
      ilvl: sprms.ilvl ?? null,
      basedOn: istdBase === 0x0fff ? null : String(istdBase),
    });
  }
  return styles;
}

/** The lines of a .doc, numbered paragraphs with the labels Word shows, tables flattened or read as ledgers. */
export function docLines(word: Buffer, table: Buffer): string[] {
  const fib = fibPairs(word);
  const ccpText = word.readUInt32LE(0x4c);
  const clx = fib(FIB.clx);
  const pieces = readPieces(table, clx.fc, clx.lcb);
  const { text, fcOf } = mainText(word, pieces, ccpText);
  const bte = fib(FIB.plcfBtePapx);
  const papx = readPapx(word, table, bte.fc, bte.lcb);
  const numbering = new Numbering({ ...readLists(table, fib), styles: readStyles(table, fib) });
  const papxAt = (fc: number): PapxRun | undefined => {
    let lo = 0;
    let hi = papx.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = papx[mid]!;
      if (fc < r.fcStart) hi = mid - 1;
      else if (fc >= r.fcEnd) lo = mid + 1;
      else return r;
    }
    return undefined;
  };
  const out: string[] = [];
  let rows: string[][] = [];
  let row: string[] = [];
  let cell: string[] = [];
  const flushTable = () => {
    if (row.length) rows.push(row);
    if (rows.length) out.push(...tableLines(rows));
    rows = [];
    row = [];
    cell = [];
  };
  let start = 0;
  for (let cp = 0; cp < text.length; cp++) {
    const ch = text.charCodeAt(cp);
    if (ch !== 0x0d && ch !== 0x07) continue;
    const run = papxAt(fcOf(cp));
    const props = run?.sprms ?? {};
    const label = ch === 0x0d || !props.rowEnd ? numbering.label({ numId: props.ilfo === undefined ? null : String(Math.max(0, props.ilfo)), ilvl: props.ilvl ?? null, style: run ? String(run.istd) : null }) : null;
    const lines = visible(text.slice(start, cp)).split('\n').map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim()).filter(Boolean);
    if (label && lines.length) lines[0] = label + lines[0];
    start = cp + 1;
    if (props.inTable || ch === 0x07) {
      if (ch === 0x07 && props.rowEnd) { rows.push(row); row = []; cell = []; continue; }
      cell.push(...lines);
      if (ch === 0x07) { row.push(cell.join(' ')); cell = []; }
      continue;
    }
    flushTable();
    out.push(...lines);
  }
  flushTable();
  return out;
}

/** The visible text of a paragraph: field results without their codes, no object anchors. */
function visible(s: string): string {
  let out = '';
  const stack: boolean[] = []; // per open field: are we in its result yet?
  for (const c of s) {
    const code = c.charCodeAt(0);
    if (code === 0x13) { stack.push(false); continue; }
    if (code === 0x14) { if (stack.length) stack[stack.length - 1] = true; continue; }
    if (code === 0x15) { stack.pop(); continue; }
    if (stack.length && !stack[stack.length - 1]) continue; // field code
    if (code === 0x0b || code === 0x0c || code === 0x0e) { out += '\n'; continue; } // line, page, column break
    if (code === 0x1e) { out += '-'; continue; }
    if (code === 0x09) { out += ' '; continue; }
    if (code < 0x20 || code === 0x1f) continue; // object anchors (0x01, 0x08), soft hyphen …
    out += c;
  }
  return out;
}

export async function readDoc(bytes: Uint8Array): Promise<ReadResult> {
  const { word, table } = await openOle(bytes);
  const warnings: NonNullable<ReadResult['warnings']> = [];
  const noLists = (why: string) => warnings.push({ id: 'read.doc.no_lists', code: 'doc_lists_unread', message: `${why}: its text is read without Word's list numbers` });
  let lines: string[] | null = null;
  if (table) {
    try {
      lines = docLines(word, table);
    } catch (e) {
      noLists(`the .doc's paragraph and list tables could not be read (${(e as Error).message})`);
    }
  } else noLists('the .doc has no table stream');
  if (!lines) {
    try {
      const WordExtractor = require('word-extractor') as new () => { extract(b: Buffer): Promise<{ getBody(): string }> };
      const d = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      lines = d.getBody().split('\n').map((l) => l.trim()).filter(Boolean);
    } catch (e) {
      throw new ZhenggaiError('doc_corrupt', `the .doc cannot be read: ${(e as Error).message}`);
    }
  }
  const text = lines.join('\n');
  if (!text.trim()) throw new ZhenggaiError('empty_file', 'the .doc holds no text');
  return { format: 'doc', encoding: null, text, meta: {}, ...(warnings.length ? { warnings } : {}) };
}
