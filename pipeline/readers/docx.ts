// DOCX → paragraphs with mammoth (HTML conversion keeps paragraphs, lists and tables).
// Word's automatic list numbering is not in the text: it is recomputed from
// numbering.xml (format, level text, start) and put back in front of each list item.
// The zip is checked (declared sizes and ratio) before anything is inflated.
import mammoth from 'mammoth';
import { unzipSync, strFromU8 } from 'fflate';
import { parse, type HTMLElement, type Node } from 'node-html-parser';
import { ZhenggaiError } from '../errors.js';
import { tableLines } from './tables.js';
import type { ReadResult } from '../doc.js';

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

const CN = '〇一二三四五六七八九十';
function cnNumber(n: number): string {
  if (n <= 10) return n === 10 ? '十' : CN[n]!;
  if (n < 20) return '十' + CN[n - 10];
  if (n < 100) return CN[Math.floor(n / 10)] + '十' + (n % 10 ? CN[n % 10] : '');
  return String(n);
}
function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'chineseCounting': case 'chineseCountingThousand': case 'ideographTraditional': case 'japaneseCounting': case 'taiwaneseCounting': case 'chineseLegalSimplified':
      return cnNumber(n);
    case 'decimalEnclosedCircle': case 'decimalEnclosedCircleChinese':
      return String.fromCharCode(0x2460 + n - 1);
    case 'decimalFullWidth': return String(n);
    case 'upperLetter': return String.fromCharCode(64 + n);
    case 'lowerLetter': return String.fromCharCode(96 + n);
    case 'upperRoman': case 'lowerRoman': return String(n);
    default: return String(n);
  }
}

interface Lvl { fmt: string; text: string; start: number }
const attr = (s: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(s)?.[1];

/** The labels Word shows in front of ordered list paragraphs, in document order. */
export function listLabels(files: Record<string, Uint8Array>): string[] {
  const numXml = files['word/numbering.xml'] ? strFromU8(files['word/numbering.xml']) : '';
  const docXml = files['word/document.xml'] ? strFromU8(files['word/document.xml']) : '';
  const stylesXml = files['word/styles.xml'] ? strFromU8(files['word/styles.xml']) : '';
  const abstract = new Map<string, Map<string, Lvl>>();
  for (const m of numXml.matchAll(/<w:abstractNum\b[^>]*w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
    const lv = new Map<string, Lvl>();
    for (const l of m[2]!.matchAll(/<w:lvl\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
      const body = l[2]!;
      lv.set(l[1]!, {
        fmt: attr(/<w:numFmt[^>]*>/.exec(body)?.[0] ?? '', 'w:val') ?? 'decimal',
        text: attr(/<w:lvlText[^>]*>/.exec(body)?.[0] ?? '', 'w:val') ?? '%1.',
        start: Number(attr(/<w:start[^>]*>/.exec(body)?.[0] ?? '', 'w:val') ?? 1),
      });
    }
    abstract.set(m[1]!, lv);
  }
  const nums = new Map<string, string>();
  for (const m of numXml.matchAll(/<w:num\b[^>]*w:numId="(\d+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const a = attr(/<w:abstractNumId[^>]*>/.exec(m[2]!)?.[0] ?? '', 'w:val');
    if (a) nums.set(m[1]!, a);
  }
  const styleNum = new Map<string, { numId: string; ilvl: string }>();
  for (const m of stylesXml.matchAll(/<w:style\b[^>]*w:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g)) {
    const np = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(m[2]!);
    if (np) styleNum.set(m[1]!, { numId: attr(/<w:numId[^>]*>/.exec(np[1]!)?.[0] ?? '', 'w:val') ?? '', ilvl: attr(/<w:ilvl[^>]*>/.exec(np[1]!)?.[0] ?? '', 'w:val') ?? '0' });
  }
  const counters = new Map<string, number[]>();
  const labels: string[] = [];
  for (const p of docXml.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)) {
    const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(p[1]!)?.[1] ?? '';
    const np = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(pPr);
    let numId = np ? attr(/<w:numId[^>]*>/.exec(np[1]!)?.[0] ?? '', 'w:val') : undefined;
    let ilvl = np ? attr(/<w:ilvl[^>]*>/.exec(np[1]!)?.[0] ?? '', 'w:val') ?? '0' : '0';
    if (!numId) {
      const st = attr(/<w:pStyle[^>]*>/.exec(pPr)?.[0] ?? '', 'w:val');
      const sn = st ? styleNum.get(st) : undefined;
      if (sn) { numId = sn.numId; ilvl = np ? ilvl : sn.ilvl; }
    }
    if (!numId || numId === '0') continue;
    const absId = nums.get(numId);
    const lv = absId ? abstract.get(absId) : undefined;
    const level = lv?.get(ilvl);
    if (!lv || !level || level.fmt === 'bullet' || level.fmt === 'none') continue;
    const c = counters.get(absId!) ?? [];
    const i = Number(ilvl);
    c[i] = (c[i] ?? (level.start - 1)) + 1;
    for (let k = i + 1; k < c.length; k++) c[k] = undefined as unknown as number;
    counters.set(absId!, c);
    labels.push(level.text.replace(/%(\d)/g, (_m, d) => {
      const k = Number(d) - 1;
      const l2 = lv.get(String(k));
      return formatNumber(c[k] ?? l2?.start ?? 1, l2?.fmt ?? 'decimal');
    }));
  }
  return labels;
}

function blockText(el: HTMLElement): string {
  return el.text.replace(/\s+/g, ' ').trim();
}

/** Walk mammoth's HTML: one line per paragraph, list item (with its Word label) and table row. */
function htmlToLines(html: string, labels: string[]): string[] {
  const root = parse(html);
  const out: string[] = [];
  let li = 0;
  const walk = (nodes: Node[]) => {
    for (const node of nodes) {
      const el = node as HTMLElement;
      const tag = el.rawTagName?.toLowerCase();
      if (!tag) { const t = node.text.trim(); if (t) out.push(t); continue; }
      if (tag === 'ol' || tag === 'ul') {
        for (const item of el.childNodes as HTMLElement[]) {
          if (item.rawTagName?.toLowerCase() !== 'li') continue;
          const own = item.childNodes.filter((c) => !['ol', 'ul'].includes((c as HTMLElement).rawTagName?.toLowerCase() ?? ''));
          const text = own.map((c) => c.text).join('').replace(/\s+/g, ' ').trim();
          const label = tag === 'ol' ? labels[li++] ?? '' : '';
          if (text) out.push(label + text);
          walk(item.childNodes.filter((c) => ['ol', 'ul'].includes((c as HTMLElement).rawTagName?.toLowerCase() ?? '')));
        }
      } else if (tag === 'table') {
        out.push(...tableLines(el.querySelectorAll('tr').map((tr) => tr.querySelectorAll('td,th').map(blockText))));
      } else if (/^(p|h[1-6])$/.test(tag)) {
        const t = blockText(el);
        if (t) out.push(t);
      } else walk(el.childNodes);
    }
  };
  walk(root.childNodes);
  return out;
}

export async function readDocx(bytes: Uint8Array, limits?: DocxLimits): Promise<ReadResult> {
  checkZip(bytes, limits);
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => ['word/document.xml', 'word/numbering.xml', 'word/styles.xml'].includes(f.name) });
  } catch (e) {
    throw new ZhenggaiError('docx_corrupt', `cannot unzip: ${(e as Error).message}`);
  }
  if (!files['word/document.xml']) throw new ZhenggaiError('docx_corrupt', 'no word/document.xml: not a Word document');
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { ignoreEmptyParagraphs: true })).value;
  } catch (e) {
    throw new ZhenggaiError('docx_corrupt', `mammoth cannot read it: ${(e as Error).message}`);
  }
  return { format: 'docx', encoding: null, text: htmlToLines(html, listLabels(files)).join('\n'), meta: {} };
}
