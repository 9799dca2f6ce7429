// DOCX → paragraphs. document.xml is read with an XML parser and walked in document order:
// one line per paragraph (a soft line break w:br starts a new line), table rows flattened
// or read as a ledger (tables.ts), text boxes as lines of their own, deleted text and field
// codes left out. Word's automatic list numbering is not in the text: each numbered paragraph
// gets the label Word shows (word-numbering.ts). The zip is checked (declared sizes and ratio)
// before anything is inflated; an XML part with a DTD is refused (Word never writes one).
import { unzipSync, strFromU8 } from 'fflate';
import { DOMParser, type Element as XElement } from '@xmldom/xmldom';
import { ZhenggaiError } from '../core/errors.js';
import { tableLines, gridOf, headerRows } from './tables.js';
import { nestedGrid, type NestedCell } from './nested-tables.js';
import { headlessGrid, ledgerHeader } from './headless-tables.js';
import { Numbering, modelFromXml, xmlParagraphRef, kids, kid, wAttr, W_NS, CounterOutOfRange } from './word-numbering.js';
import type { ReadResult } from '../core/doc.js';
import type { ReaderBlock } from '../core/blocks.js';
import { rx } from '../core/rules.js';
import { readerPatterns } from './reader-rules.js';
import { label } from './table-cells.js';
import { statusWord } from './table-headers.js';
import { labelled, noteLines, NOTE_PARTS } from './docx-print.js';

export interface DocxLimits { maxUncompressed: number; maxRatio: number }
export const DEFAULT_DOCX_LIMITS: DocxLimits = { maxUncompressed: 200 * 1024 * 1024, maxRatio: 200 };

export function checkZip(bytes: Uint8Array, limits: DocxLimits = DEFAULT_DOCX_LIMITS): void {
  let total = 0;
  let names = 0;
  try {
    unzipSync(bytes, {
      filter: (f) => {
        names++;
        total += f.originalSize;
        if (f.originalSize > limits.maxUncompressed || (f.size > 0 && f.originalSize / f.size > limits.maxRatio && f.originalSize > 10 * 1024 * 1024)) {
          throw new ZhenggaiError('docx_too_large', `${f.name} expands to ${f.originalSize} bytes from ${f.size} (cap ${limits.maxUncompressed}, ratio ${limits.maxRatio})`);
        }
        return false;
      },
    });
  } catch (e) {
    if (e instanceof ZhenggaiError) throw e;
    throw new ZhenggaiError('docx_corrupt', `not a readable zip: ${(e as Error).message}`);
  }
  if (total > limits.maxUncompressed) throw new ZhenggaiError('docx_too_large', `content expands to ${total} bytes (cap ${limits.maxUncompressed})`);
  if (!names) throw new ZhenggaiError('docx_corrupt', 'empty zip');
}

function parseXml(bytes: Uint8Array | undefined, name: string): XElement | null {
  if (!bytes) return null;
  const xml = strFromU8(bytes);
  if (/<!DOCTYPE|<!ENTITY/i.test(xml.slice(0, 4096))) throw new ZhenggaiError('docx_corrupt', `${name} carries a DTD: not a Word part`);
  let failed: string | null = null;
  let doc: ReturnType<DOMParser['parseFromString']>;
  try {
    doc = new DOMParser({
      onError: (level: string, msg: string) => {
        if (level !== 'warning' && !failed) failed = msg;
      },
    }).parseFromString(xml, 'text/xml');
  } catch (e) {
    throw new ZhenggaiError('docx_corrupt', `${name} is not well-formed XML: ${String((e as Error).message).split('\n')[0]}`);
  }
  if (failed) throw new ZhenggaiError('docx_corrupt', `${name} is not well-formed XML: ${String(failed).split('\n')[0]}`);
  return (doc.documentElement as unknown as XElement) ?? null;
}

/** A paragraph style's heading level (Heading N, 标题 N, or an outline level) and bold, inherited through w:basedOn. */
interface StyleInfo { name: string; outline: number | null; bold: boolean | null; basedOn: string | null }
const isOn = (el: XElement | null) => !!el && !['0', 'false', 'off'].includes(wAttr(el, 'val') ?? '');

export function stylesOf(styles: XElement | null): Map<string, StyleInfo> {
  const out = new Map<string, StyleInfo>();
  for (const st of kids(styles, 'style')) {
    const id = wAttr(st, 'styleId');
    if (id === null) continue;
    const ol = wAttr(kid(kid(st, 'pPr'), 'outlineLvl'), 'val');
    const b = kid(kid(st, 'rPr'), 'b');
    out.set(id, { name: wAttr(kid(st, 'name'), 'val') ?? id, outline: ol === null ? null : Number(ol), bold: b ? isOn(b) : null, basedOn: wAttr(kid(st, 'basedOn'), 'val') });
  }
  return out;
}

/** A line less a list number typed before a tab (1.⇥ （二）⇥ 一、⇥: as Word sets its own label), which is no cell of a row. */
const unlabelled = (line: string) => line.replace(/^[(\uff08]?[0-9A-Za-z\u4e00-\u9fa5]{1,3}[.\uff0e\u3001)\uff09]\s*\t/, '');

/** Block content (body, table cell, text box, content control) → lines, in document order. */
class Walker {
  lines: string[] = [];
  /** the headings, paragraphs (bold or plain), list items (numbered or bulleted) and tables of the body, in order (core/blocks.ts) */
  found: ReaderBlock[] = [];
  /** how deep in table cells the walk is (0: the body, a text box) */
  private inCell = 0;
  /** the tables found in the cell being read (null: in none), and how many of its lines they gave */
  private nested: string[][][] | null = null;
  private nestedLines = 0;
  /** the header of the last ledger table of the body: a later table of its rows with no header goes on under it */
  private ledgerHead: string[] | null = null;
  constructor(private numbering: Numbering, private styles: Map<string, StyleInfo> = new Map()) {}

  /** A style's heading level (1-based) and bold, following w:basedOn. */
  private styleOf(id: string | null): { level: number | null; bold: boolean } {
    let level: number | null = null;
    let bold: boolean | null = null;
    for (let hops = 0; id && hops < 20; hops++) {
      const st = this.styles.get(id);
      if (!st) break;
      if (level === null) {
        const named = rx(readerPatterns().heading_style).exec(st.name.trim());
        level = named ? Number(named[1]) : st.outline !== null && st.outline < 9 ? st.outline + 1 : null;
      }
      bold ??= st.bold;
      id = st.basedOn;
    }
    return { level, bold: bold ?? false };
  }

  blocks(parent: XElement, out: string[] = this.lines): string[] {
    for (const el of kids(parent)) {
      switch (el.localName) {
        case 'p': this.paragraph(el, out); break;
        case 'tbl': this.table(el, out); break;
        case 'sdt': this.blocks(kid(el, 'sdtContent') ?? el, out); break;
        case 'customXml': case 'smartTag': case 'ins': case 'moveTo': this.blocks(el, out); break;
        case 'AlternateContent': { const c = kid(el, 'Choice') ?? kid(el, 'Fallback'); if (c) this.blocks(c, out); break; }
        default: break; // sectPr, bookmarks, deleted blocks …
      }
    }
    return out;
  }

  /**
   * A table: its rows flattened or read as a ledger (tables.ts); one whose cells hold tables of their own
   * (a category's cell beside a table of its problems) read through those tables (nested-tables.ts).
   */
  private table(el: XElement, out: string[]): void {
    const rows = this.rows(el);
    const read = nestedGrid(rows) ?? gridOf(rows);
    // (a table of a ledger's rows with no header row: the last ledger's header, or its columns' roles: headless-tables.ts)
    const grid = this.inCell ? read : headlessGrid(read, this.ledgerHead) ?? read;
    if (!this.inCell) this.ledgerHead = ledgerHeader(grid) ?? this.ledgerHead;
    const lines = tableLines(grid);
    if (out === this.lines) this.found.push({ kind: 'table', text: lines.join('\n'), rows: grid, header_rows: headerRows(grid) });
    // (a table inside a cell: the cell's, as a grid of its own)
    this.nested?.push(grid);
    this.nestedLines += lines.length;
    out.push(...lines);
  }

  private rows(tbl: XElement): NestedCell[][] {
    const rows: NestedCell[][] = [];
    const eachRow = (parent: XElement) => {
      for (const el of kids(parent)) {
        if (el.localName === 'tr') rows.push(this.cells(el));
        else if (el.localName === 'sdt') eachRow(kid(el, 'sdtContent') ?? el);
        else if (el.localName === 'customXml') eachRow(el);
      }
    };
    eachRow(tbl);
    return rows;
  }

  private cells(tr: XElement): NestedCell[] {
    const out: NestedCell[] = [];
    const eachCell = (parent: XElement) => {
      for (const el of kids(parent)) {
        if (el.localName === 'tc') {
          // a cell's paragraphs stay lines (a measures cell lists one measure a paragraph); gridSpan and
          // a vertical merge that continues the cell above are the cell's spans
          const pr = kid(el, 'tcPr');
          const span = Number(wAttr(kid(pr, 'gridSpan'), 'val') ?? 1);
          const vm = kid(pr, 'vMerge');
          // (the tables inside it, each read once: its numbered paragraphs count once)
          const outside = { nested: this.nested, lines: this.nestedLines };
          this.nested = [];
          this.nestedLines = 0;
          this.inCell++;
          const lines = this.blocks(el, []);
          this.inCell--;
          const tables = this.nested;
          const textOutside = lines.length > this.nestedLines;
          ({ nested: this.nested, lines: this.nestedLines } = outside);
          out.push({ text: lines.join('\n'), colspan: Number.isFinite(span) ? span : 1, continues: !!vm && wAttr(vm, 'val') !== 'restart', ...(tables.length ? { tables, text_outside: textOutside } : {}) });
        }
        else if (el.localName === 'sdt') eachCell(kid(el, 'sdtContent') ?? el);
        else if (el.localName === 'customXml') eachCell(el);
      }
    };
    eachCell(tr);
    return out;
  }

  private paragraph(p: XElement, out: string[]): void {
    const pPr = kid(p, 'pPr');
    const ref = xmlParagraphRef(pPr);
    const item = this.numbering.item(ref);
    const label = item?.label ?? null;
    const boxes: string[] = [];
    const text = this.inline(p, boxes);
    out.push(...boxes);
    const lines = text.split('\n').flatMap((l) => this.fields(l)).map((l) => this.spaces(l));
    let first = true;
    const mine: string[] = [];
    for (const l of lines) {
      if (!l) continue;
      mine.push(first && label ? labelled(label, l) : l);
      first = false;
    }
    out.push(...mine);
    if (out !== this.lines || !mine.length) return;
    // what Word says of the paragraph: a heading (its style or outline level), a list item, all bold
    const style = this.styleOf(ref.style);
    const ol = wAttr(kid(pPr, 'outlineLvl'), 'val');
    const level = ol !== null && Number(ol) < 9 ? Number(ol) + 1 : style.level;
    const blockText = mine.join('\n');
    if (level !== null) this.found.push({ kind: 'heading', text: blockText, level: Math.min(9, Math.max(1, level)), ...(label ? { numbering: label } : {}) });
    // (an item of a bulleted list as of a numbered one: a problem's measures are often bullets)
    else if (item) this.found.push({ kind: 'list_item', text: blockText, ...(label ? { numbering: label } : {}), depth: Math.min(9, item.ilvl), list: item.list });
    else if (this.allBold(p, style.bold)) this.found.push({ kind: 'paragraph', text: blockText, emphasis: true });
    // (a plain paragraph too: Word keeps its paragraphs apart, normalization joins none of them to another)
    else this.found.push({ kind: 'paragraph', text: blockText });
  }

  /**
   * A line's spaces, a run of them one. A body paragraph's tabs stay where they part three texts or more:
   * columns typed at tab stops (序号⇥问题⇥整改措施⇥完成情况, a row a paragraph) are a table typed so, read as a
   * spreadsheet's pasted rows are (tables.ts textLedgers); a line that is no such row has its tabs read as spaces
   * in normalization. Tabs parting two texts are a space (X⇥2023年6月, X⇥⇥Y aligned), and so are a table cell's:
   * its columns are the table's own.
   */
  private spaces(line: string): string {
    const cells = unlabelled(line.trim()).split('\t');
    if (this.inCell || cells.filter((c) => c.trim()).length < 3) return line.replace(/[ \t\u00a0]+/g, ' ').trim();
    return line.replace(/[ \u00a0]+/g, ' ').replace(/ ?\t ?/g, '\t').trim();
  }

  /**
   * A line whose last tab stands before a short status word (X。⇥已完成, a dot leader to a right-aligned tab
   * stop as a table of contents is set): the status is a field of its own, a second column, written on a line
   * of its own under the status label as a ledger's status cell is (tables.ts); a body paragraph's, not a table
   * cell's, whose columns are the table's own.
   */
  private fields(line: string): string[] {
    const tab = line.lastIndexOf('\t');
    if (tab < 0 || this.inCell) return [line];
    const before = line.slice(0, tab).trim();
    const word = line.slice(tab + 1).trim();
    // (not the last cell of a row typed in columns: 1⇥问题⇥已完成; a number typed before a tab is no cell: 1.⇥X。⇥已完成)
    return before && !/\S\s*\t/.test(unlabelled(before)) && statusWord(word) ? [before, `${label().status}${word}`] : [line];
  }

  /** Is every run with text in the paragraph bold (its own w:b, or the paragraph style's)? */
  private allBold(p: XElement, styleBold: boolean): boolean {
    let runs = 0;
    let chars = 0;
    const visit = (el: XElement): boolean => {
      for (const c of kids(el)) {
        if (c.localName === 'r') {
          const t = kids(c, 't').map((x) => x.textContent ?? '').join('');
          if (!t.trim()) continue;
          runs++;
          chars += t.trim().length;
          const b = kid(kid(c, 'rPr'), 'b');
          if (!(b ? isOn(b) : styleBold)) return false;
        } else if (['hyperlink', 'ins', 'smartTag', 'fldSimple', 'customXml', 'sdt', 'sdtContent'].includes(c.localName ?? '')) {
          if (!visit(c)) return false;
        }
      }
      return true;
    };
    return visit(p) && runs > 0 && chars <= 160;
  }

  /** The text of a paragraph's runs; text boxes found inside go to `boxes` as lines of their own. */
  private inline(el: XElement, boxes: string[]): string {
    let s = '';
    for (const c of kids(el)) {
      switch (c.localName) {
        case 'pPr': case 'rPr': case 'del': case 'moveFrom': case 'delText': case 'instrText': case 'delInstrText':
        case 'footnoteReference': case 'endnoteReference': case 'commentReference': case 'annotationRef':
          break;
        case 'r':
          if (kid(kid(c, 'rPr'), 'vanish')) break; // hidden text
          s += this.inline(c, boxes);
          break;
        case 't': if (c.namespaceURI === W_NS) s += c.textContent ?? ''; break; // DrawingML's a:t is not the document's text
        case 'tab': case 'ptab': s += '\t'; break;
        case 'br': case 'cr': s += '\n'; break;
        case 'noBreakHyphen': s += '-'; break;
        case 'softHyphen': break;
        case 'sym': {
          const ch = wAttr(c, 'char');
          const code = ch ? parseInt(ch, 16) : NaN;
          if (Number.isFinite(code) && code >= 0x20 && code < 0xf000) s += String.fromCodePoint(code);
          break;
        }
        case 'txbxContent': boxes.push(...this.blocks(c, [])); break;
        case 'AlternateContent': { const ch = kid(c, 'Choice') ?? kid(c, 'Fallback'); if (ch) s += this.inline(ch, boxes); break; }
        default: s += this.inline(c, boxes); // hyperlink, ins, smartTag, fldSimple, drawing …
      }
    }
    return s;
  }
}

/** The lines of a Word document, each numbered paragraph with the label Word shows. */
export function docxLines(files: Record<string, Uint8Array>): string[] {
  return docxRead(files).lines;
}

/** The lines of a Word document and the blocks Word marks (headings, list items, bold paragraphs, tables). */
export function docxRead(files: Record<string, Uint8Array>): { lines: string[]; blocks: ReaderBlock[] } {
  const doc = parseXml(files['word/document.xml'], 'word/document.xml');
  const body = kid(doc, 'body');
  if (!doc || !body) throw new ZhenggaiError('docx_corrupt', 'word/document.xml has no body: not a Word document');
  const styles = parseXml(files['word/styles.xml'], 'word/styles.xml');
  const numbering = new Numbering(modelFromXml(parseXml(files['word/numbering.xml'], 'word/numbering.xml'), styles));
  const w = new Walker(numbering, stylesOf(styles));
  // (the notes the body cites, after it: docx-print.ts)
  const notes = noteLines(body, files, parseXml);
  const lines = [...w.blocks(body), ...notes];
  return { lines, blocks: [...w.found, ...notes.map((text) => ({ kind: 'paragraph' as const, text }))] };
}

export async function readDocx(bytes: Uint8Array, limits?: DocxLimits): Promise<ReadResult> {
  checkZip(bytes, limits);
  let files: Record<string, Uint8Array>;
  const names: string[] = [];
  try {
    files = unzipSync(bytes, { filter: (f) => { names.push(f.name); return ['word/document.xml', 'word/numbering.xml', 'word/styles.xml', ...NOTE_PARTS].includes(f.name as never); } });
  } catch (e) {
    throw new ZhenggaiError('docx_corrupt', `cannot unzip: ${(e as Error).message}`);
  }
  if (!files['word/document.xml']) {
    // a zip that is no Word document at all is another format, not a broken .docx
    const kind = names.includes('xl/workbook.xml') ? 'an Excel workbook (.xlsx): save the bulletin as .docx, PDF or text'
      : names.includes('ppt/presentation.xml') ? 'a PowerPoint file (.pptx): save the bulletin as .docx, PDF or text'
      : names.includes('content.xml') ? 'an OpenDocument file (.odt/.ods): save it as .docx'
      : names.some((n) => n.startsWith('word/')) ? null
      : 'a zip archive, not a Word document: unpack it and ingest its folder';
    if (kind) throw new ZhenggaiError('unsupported_format', kind);
    throw new ZhenggaiError('docx_corrupt', 'no word/document.xml: not a Word document');
  }
  let lines: string[];
  let blocks: ReaderBlock[];
  try {
    ({ lines, blocks } = docxRead(files));
  } catch (e) {
    // bounds a crafted file hits before it could take the process down: a list counter past
    // Word's own limit, XML nested deeper than the stack (reading it recurses)
    if (e instanceof CounterOutOfRange) throw new ZhenggaiError('docx_corrupt', e.message);
    if (e instanceof RangeError && /call stack/i.test(e.message)) throw new ZhenggaiError('docx_corrupt', 'the document XML is nested too deeply to be a Word document');
    throw e;
  }
  return { format: 'docx', encoding: null, text: lines.join('\n'), meta: {}, blocks };
}
