// The typed document (after Docling's DoclingDocument, kept small): what a reader knows of its
// text's structure that the text itself no longer shows. A Word heading style, an HTML <h3>, a
// paragraph set wholly in bold, a PDF line in a larger font, a table's rows and cells, a page's
// running header, a saved article's front matter.
//
// Readers say what they saw as `ReaderBlock`s, in document order, each with the text it gave;
// the normalize stage places each on the normalized paragraphs (`alignBlocks`) so every block
// has its span in the one text every span points into, and fills the paragraphs no reader
// block covers as plain paragraph blocks. Blocks a reader dropped from the text (running
// headers, front matter) keep a null span. Segmentation reads the headings from here.
import { z } from 'zod';
import { loadRules, pattern, rx, type RegexRule } from './rules.js';
/** A normalized paragraph as blocks are placed on it (Doc.paragraphs). */
interface Paragraph { start: number; end: number; text: string }

export const BLOCK_KINDS = ['heading', 'paragraph', 'list_item', 'table', 'page_header', 'page_footer', 'front_matter'] as const;

export const BlockSchema = z.object({
  kind: z.enum(BLOCK_KINDS),
  /** the text as the reader gave it: its lines, joined by \n */
  text: z.string(),
  /** a heading's level as the format states it (1 = top: h1, Word's Heading 1 / outline level 0, the largest PDF font) */
  level: z.number().int().min(1).max(9).optional(),
  /** a list item's nesting (0 = top: Word's ilvl) */
  depth: z.number().int().min(0).max(9).optional(),
  /** the numbering as printed, where the format adds it (Word's automatic numbering; none for a bullet) */
  numbering: z.string().optional(),
  /** the list a list item is in, where the format names it (Word's w:numId): items of another list are another list */
  list: z.string().optional(),
  /** the whole paragraph is bold (<strong>, Word's w:b on every run, **…** in Markdown): a heading in all but name */
  emphasis: z.boolean().optional(),
  /** the mark that sets a plain-text line apart as a heading (the bracket pair of 【X】, the symbol of ■ X): a heading the text does not number or style */
  mark: z.string().optional(),
  /** a table's rows, each its cells' texts, spans resolved (every position a merged cell covers holds its text) */
  rows: z.array(z.array(z.string())).optional(),
  /** a table's header rows (the first N of rows) */
  header_rows: z.number().int().min(0).optional(),
  /** front matter's fields (YAML keys, a page's 发布机构/发布时间 …) */
  fields: z.record(z.string(), z.string()).optional(),
  /** the page (1-based) of a PDF page header or footer */
  page: z.number().int().min(1).optional(),
  /** [start, end) in the normalized text; null where the block is not in it (dropped, or not found) */
  span: z.tuple([z.number().int(), z.number().int()]).nullable(),
  /** the normalized paragraphs the block covers, [first, last]; null with span */
  paras: z.tuple([z.number().int(), z.number().int()]).nullable(),
});
export type Block = z.infer<typeof BlockSchema>;
export type BlockKind = Block['kind'];
/** A block as a reader reports it: no place in the normalized text yet. */
export type ReaderBlock = Omit<Block, 'span' | 'paras'>;

/** How far ahead of the last placed block a block's first line is looked for (paragraphs). */
const WINDOW = 400;
const compact = (s: string) => s.replace(/\s+/g, '');

/**
 * Place the reader's blocks on the normalized paragraphs. `normalizeLine` is the normalization
 * of one line of reader text (so a block's first line is found as the text now reads). A block
 * is found at the paragraph that starts with its first line's first characters, looked for in
 * order after the block placed before it; a block of several lines (a table) ends at the
 * paragraph that starts with its last line. Every paragraph no block covers becomes a
 * paragraph block, so the result covers the text in order.
 */
export function alignBlocks(blocks: readonly ReaderBlock[], paras: readonly Paragraph[], normalizeLine: (s: string) => string): Block[] {
  const keys = paras.map((p) => compact(p.text));
  const keyOf = (line: string) => compact(normalizeLine(line).split('\n').find((l) => l.trim()) ?? '').slice(0, 24);
  const matches = (i: number, k: string) => k.length > 0 && (keys[i]!.startsWith(k) || (keys[i]!.length >= 4 && k.startsWith(keys[i]!)));
  const find = (k: string, from: number, to: number) => {
    for (let i = from; i < Math.min(to, paras.length); i++) if (matches(i, k)) return i;
    return -1;
  };
  const out: Block[] = [];
  let cursor = 0;
  const plain = (upTo: number) => {
    for (; cursor < upTo; cursor++) out.push({ kind: 'paragraph', text: paras[cursor]!.text, span: [paras[cursor]!.start, paras[cursor]!.end], paras: [cursor, cursor] });
  };
  const lastOf = (lines: string[], first: number, bound: number) => {
    if (lines.length <= 1) return first;
    const at = find(keyOf(lines[lines.length - 1]!), first + 1, Math.min(bound, first + lines.length + 8));
    return at > first ? at : Math.min(bound - 1, first + lines.length - 1);
  };
  // a list item of several paragraphs and where the items nested in it (a problem's list of measures) are looked for
  let item: { depth: number; next: number; last: number } | null = null;
  for (const b of blocks) {
    // (a plain paragraph the reader gives says only where it starts and ends, which hardLines reads: the
    // paragraphs no block covers are plain paragraphs here)
    if (b.kind === 'paragraph' && !b.emphasis) continue;
    const lines = b.text.split('\n').filter((l) => l.trim());
    const dropped = b.kind === 'page_header' || b.kind === 'page_footer' || b.kind === 'front_matter';
    if (item && b.kind === 'list_item' && (b.depth ?? 0) > item.depth && lines.length) {
      const inner = find(keyOf(lines[0]!), item.next, item.last + 1);
      if (inner >= 0) {
        const last = lastOf(lines, inner, item.last + 1);
        out.push({ ...b, span: [paras[inner]!.start, paras[last]!.end], paras: [inner, last] });
        item.next = last + 1;
        continue;
      }
    }
    const first = dropped || !lines.length ? -1 : find(keyOf(lines[0]!), cursor, cursor + WINDOW);
    if (first < 0) { out.push({ ...b, span: null, paras: null }); continue; }
    const last = lastOf(lines, first, paras.length);
    plain(first);
    out.push({ ...b, span: [paras[first]!.start, paras[last]!.end], paras: [first, last] });
    cursor = last + 1;
    item = b.kind === 'list_item' && last > first ? { depth: b.depth ?? 0, next: first + 1, last } : null;
  }
  plain(paras.length);
  return out;
}

/**
 * The reader's list each of `n` paragraphs is an item of (null: none): a run of one-paragraph list
 * items at one depth, one after another (a <ul> of measures, a Word list), is one list; where the
 * reader names its lists, an item of another list starts another (a problem's bulleted measures
 * after the numbered problem are not the problems' list).
 */
export function listsOf(blocks: readonly Block[], n: number): Array<string | null> {
  const out: Array<string | null> = new Array(n).fill(null);
  let run: { id: string; depth: number; end: number; list: string | undefined } | null = null;
  for (const b of blocks) {
    if (b.kind !== 'list_item' || !b.paras || b.paras[0] !== b.paras[1] || b.paras[0] >= n) continue;
    const [i] = b.paras;
    const depth = b.depth ?? 0;
    if (!run || run.depth !== depth || run.end !== i - 1 || run.list !== b.list) run = { id: `${depth}@${i}`, depth, end: i, list: b.list };
    run.end = i;
    out[i] = run.id;
  }
  return out;
}

/**
 * The lines normalization keeps apart, as compact normalized text: `starts` are never joined to the
 * line before them, `ends` never to the line after. A block the reader gives as a paragraph of its
 * own (a heading, a paragraph, a list item: a Word paragraph, an HTML <p> or <li>, a heading or a line
 * in bold of any reader) starts with its first line and ends with its last, whatever their
 * punctuation says; the lines inside it (a soft line break, a <br>) may still be a wrap. Plain text
 * and PDF lines give no paragraphs but their headings and bold lines: their wraps are read from the text.
 */
export interface HardLines { starts: Set<string>; ends: Set<string> }

/** A line that ends a sentence or a clause (。！？；：, a closing quote after them) or a bracket. */
const stops = () => pattern('(?:[{{p.wide_sentence_end}}{{p.wide_semicolon}}{{p.wide_colon}}][{{p.end_quote}}]?|[{{p.close_paren}}{{p.close_bracket}}])$');

export function hardLines(blocks: readonly ReaderBlock[], normalizeLine: (s: string) => string): HardLines {
  const out: HardLines = { starts: new Set(), ends: new Set() };
  const seen = new Map<string, string>();
  const key = (line: string) => {
    let k = seen.get(line);
    if (k === undefined) seen.set(line, (k = compact(normalizeLine(line))));
    return k;
  };
  const add = ([first, last]: [string, string]) => {
    if (first) out.starts.add(first);
    if (last) out.ends.add(last);
  };
  const body: Array<[string, string]> = [];
  for (const b of blocks) {
    if (!(b.kind === 'heading' || b.kind === 'paragraph' || b.kind === 'list_item')) continue;
    const lines = b.text.split('\n').filter((l) => l.trim());
    if (!lines.length) continue;
    const bounds: [string, string] = [key(lines[0]!), key(lines[lines.length - 1]!)];
    if (b.kind === 'heading' || b.emphasis) add(bounds);
    else body.push(bounds);
  }
  // paragraphs that mostly stop inside a sentence are a wrap's lines, one a paragraph (a PDF saved as Word
  // line by line): where they start and end is no paragraph's, the text's wraps are read as plain text's are
  const long = body.filter(([, last]) => last.length >= 15);
  const wrapped = long.length >= 8 && long.filter(([, last]) => !stops().test(last)).length > long.length / 2;
  if (!wrapped) body.forEach(add);
  return out;
}

/**
 * What a plain-text reader can tell of its structure: Markdown headings (# …) and lines wholly in
 * bold (**…**), YAML front matter (--- key: value ---) with its fields, and lines set apart by a
 * mark (markedLine: 【X方面】, ■ X方面) as headings with their mark. Everything else is a
 * paragraph, and tables pasted as text are read in normalization (textLedgers).
 */
export function textBlocks(text: string): ReaderBlock[] {
  const out: ReaderBlock[] = [];
  let body = text.replace(/^\uFEFF/, '');
  const fm = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(body);
  if (fm) {
    const fields: Record<string, string> = {};
    for (const line of fm[1]!.split(/\r?\n/)) {
      const m = /^\s*([\w\u4e00-\u9fff-]{1,40})\s*:\s*(.*?)\s*$/.exec(line);
      if (m && m[2]) fields[m[1]!] = m[2].replace(/^["']|["']$/g, '');
    }
    out.push({ kind: 'front_matter', text: fm[1]!, fields });
    body = body.slice(fm[0].length);
  }
  const lines = body.split(/\r?\n/).map((l) => l.trim());
  const width = wrapWidth(lines);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const h = /^(#{1,6})\s+(.+)$/.exec(line);
    if (h) { out.push({ kind: 'heading', text: h[2]!.replace(/\*\*|__/g, '').trim(), level: h[1]!.length }); continue; }
    const b = pattern('^(?:\\*\\*|__)([^*_].*?)(?:\\*\\*|__)[{{p.colon}}{{p.full_stop}}]?$').exec(line);
    if (b && !/\*\*|__/.test(b[1]!)) { out.push({ kind: 'paragraph', text: b[1]!.trim(), emphasis: true }); continue; }
    const marked = markedRun(lines, i, width);
    if (marked) { out.push({ kind: 'heading', text: marked.lines.join('\n'), mark: marked.mark }); i += marked.lines.length - 1; }
  }
  return out;
}

type MarkedRule = { marked_line: RegexRule };
/**
 * A line set apart as a heading by a mark (rules/marks.json marked_line): wholly in one pair of
 * full-width brackets (【X方面】 〔X〕 ［X］) or led by a heading symbol (■ X方面), short and with no
 * sentence in it. Its mark (the bracket pair, or the symbol) and its words; null for any other line.
 * The form only: a status tag 【已完成】 or a bullet ● X has it too (stages/segment/marked-lines.ts decides).
 */
export function markedLine(line: string): { mark: string; words: string } | null {
  const m = rx(loadRules<MarkedRule>('marks.json').marked_line).exec(line.trim());
  if (!m) return null;
  const g = m.groups!;
  if (g.bracketed !== undefined) { const t = line.trim(); return { mark: t[0]! + t[t.length - 1]!, words: g.bracketed.trim() }; }
  return { mark: g.mark!, words: g.marked!.trim() };
}

/** The width a text was hard-wrapped at (the length most of its long lines have), or 0 where it was not. */
function wrapWidth(lines: readonly string[]): number {
  const long = lines.filter((l) => l.length >= 16);
  const count = new Map<number, number>();
  for (const l of long) count.set(l.length, (count.get(l.length) ?? 0) + 1);
  const top = [...count].sort((a, b) => b[1] - a[1])[0];
  return top && top[1] >= 5 && top[1] >= long.length * 0.3 ? top[0] : 0;
}

/**
 * The marked heading that starts at line i: the line itself, or, where it is cut at the text's wrap
 * width (or opens a bracket it does not close), with the lines that carry it on (at most three).
 */
function markedRun(lines: readonly string[], i: number, width: number): { mark: string; lines: string[] } | null {
  const first = lines[i]!;
  const bracket = pattern('^[{{p.open_bracket}}]').test(first);
  const opens = bracket && !pattern('[{{p.close_bracket}}]').test(first);
  // (a line in brackets that closes them is whole, whatever its length)
  const cut = (l: string) => opens || (!bracket && width > 0 && l.length >= width);
  if (!cut(first)) { const m = markedLine(first); return m ? { mark: m.mark, lines: [first] } : null; }
  const run = [first];
  for (let k = i + 1; k < lines.length && k <= i + 2 && lines[k] && cut(run[run.length - 1]!); k++) {
    run.push(lines[k]!);
    if (opens && pattern('[{{p.close_bracket}}]').test(lines[k]!)) break;
  }
  const m = run.length > 1 ? markedLine(run.join('')) : null;
  return m ? { mark: m.mark, lines: run } : null;
}
