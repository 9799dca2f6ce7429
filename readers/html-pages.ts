// An article laid out in several sibling boxes of one kind: a print view a script cut into pages
// (<div class="page"> each with a running header and a footer 第N页 共N页), a CMS whose content
// stands in several <div>s of one class. The block html.ts picks for its prose is one of them; the
// article is the run of boxes from the first to the last that hold prose. What repeats at the top
// or bottom of every box (a running header or footer: the same words, its numbers aside) is page
// furniture and goes; a paragraph a box's end cut in the middle of a sentence (its last block ends
// with no sentence stop, the next box's first block starts no paragraph) is joined again.
import type { HTMLElement, Node } from 'node-html-parser';
import { loadRules, rx, type RegexRule } from '../core/rules.js';
import { startsParagraph } from '../core/vocabulary.js';
import { readerPatterns } from './reader-rules.js';

const sentenceStop = () => rx(loadRules<{ patterns: { sentence_stop: RegexRule } }>('readers.json').patterns.sentence_stop);

/** How many levels above the picked block the boxes may stand. */
const LEVELS = 3;
/** Chinese characters of its own paragraphs that make a box hold a part of the article. */
const PROSE = 50;
/** A part holds at least this share of the prose the fullest part holds. */
const SHARE = 8;
/** A running header or footer is a line, not a paragraph. */
const FURNITURE_LENGTH = 80;

const tagOf = (e: Node) => (e as HTMLElement).rawTagName?.toLowerCase() ?? '';
const elements = (e: HTMLElement) => e.childNodes.filter((c): c is HTMLElement => c.nodeType === 1);
const compact = (e: Node) => e.text.replace(/\s+/g, '');
const HEADING = /^h[1-6]$/;
const LEAF_BLOCKS = new Set(['p', 'div', 'li', 'dd', 'blockquote', 'section', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** An element's kind: its tag and classes, the numbers in a class name aside (page-1 and page-2 are one kind). */
export function kindOf(e: HTMLElement): string {
  const classes = (e.getAttribute('class') ?? '').split(/\s+/).filter(Boolean).map((c) => c.replace(/\d+/g, '#')).sort();
  return [tagOf(e), ...classes].join('.');
}

/** The words of a line with its numbers aside (第1页 共4页 and 第2页 共4页 read alike). */
const shape = (e: Node) => compact(e).replace(/\d+/g, '#');

/** The blocks at a box's top and bottom: its first and last elements, and theirs, a few levels down. */
function edges(box: HTMLElement): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (const pick of [(l: HTMLElement[]) => l[0], (l: HTMLElement[]) => l[l.length - 1]]) {
    let e: HTMLElement | undefined = box;
    for (let depth = 0; depth < LEVELS && e; depth++) {
      e = pick(elements(e));
      if (e && !out.includes(e)) out.push(e);
    }
  }
  return out;
}

/**
 * The running headers and footers of boxes: an edge block whose words (numbers aside) stand at an
 * edge of every box, a line (short, no sentence stop in it).
 */
export function furniture(boxes: HTMLElement[]): HTMLElement[] {
  if (boxes.length < 2) return [];
  const stop = sentenceStop();
  const shapes = boxes.map((b) => new Set(edges(b).map(shape)));
  const out: HTMLElement[] = [];
  for (const box of boxes) {
    for (const e of edges(box)) {
      const s = shape(e);
      if (!s || s.length > FURNITURE_LENGTH || stop.test(e.text) || out.some((o) => o === e || isInside(e, o))) continue;
      if (shapes.every((set) => set.has(s))) out.push(e);
    }
  }
  return out;
}

function isInside(e: HTMLElement, outer: HTMLElement): boolean {
  for (let p = e.parentNode; p; p = p.parentNode) if (p === outer) return true;
  return false;
}

/** The most prose a box or a block in it holds (prose: a block's own paragraphs, as html.ts scores them). */
function boxProse(box: HTMLElement, prose: (e: HTMLElement) => number): number {
  return Math.max(prose(box), ...box.querySelectorAll('div,td,section,article').map(prose));
}

/** The sibling boxes of one kind that hold the article with `best`, from the lowest level where two or more do. */
function boxesOf(best: HTMLElement, prose: (e: HTMLElement) => number): HTMLElement[] | null {
  let node: HTMLElement = best;
  for (let level = 0; level <= LEVELS; level++) {
    const parent = node.parentNode;
    if (!parent || ['body', 'html', ''].includes(tagOf(node))) return null;
    const kind = kindOf(node);
    const same = elements(parent).filter((e) => kindOf(e) === kind);
    // (a part holds prose of its own beside the others': a site footer of a layout's rows, with a few lines, is no part)
    const amounts = same.map((e) => boxProse(e, prose));
    const least = Math.max(PROSE, Math.max(...amounts) / SHARE);
    const full = same.filter((_, k) => amounts[k]! >= least);
    if (full.length >= 2) {
      // boxes with little prose beside them (a last page holding the signature) count when they have the others' furniture
      let first = same.indexOf(full[0]!);
      let last = same.indexOf(full[full.length - 1]!);
      const shared = furniture(full).map(shape);
      const furnished = (e: HTMLElement | undefined) => !!e && shared.length > 0 && shared.every((s) => edges(e).some((x) => shape(x) === s));
      while (furnished(same[first - 1]) && adjacent(same[first - 1]!, same[first]!)) first--;
      while (furnished(same[last + 1]) && adjacent(same[last]!, same[last + 1]!)) last++;
      return same.slice(first, last + 1);
    }
    if (tagOf(parent) === 'body') return null;
    node = parent;
  }
  return null;
}

/** Do two elements stand next to each other (nothing but blank text between)? */
function adjacent(a: HTMLElement, b: HTMLElement): boolean {
  const sibs = a.parentNode?.childNodes ?? [];
  const between = sibs.slice(sibs.indexOf(a) + 1, sibs.indexOf(b));
  return between.every((n) => n.nodeType !== 1 && !n.text.trim());
}

/** The first or last block of a box that holds text and no block of its own (its paragraph). */
function edgeParagraph(box: HTMLElement, end: 'first' | 'last'): HTMLElement | null {
  const leaves = box.querySelectorAll('*').filter((e) => LEAF_BLOCKS.has(tagOf(e)) && compact(e)
    && !e.querySelectorAll('*').some((d) => LEAF_BLOCKS.has(tagOf(d)) || tagOf(d) === 'table'));
  const e = end === 'first' ? leaves[0] : leaves[leaves.length - 1];
  return e && !e.closest('table') ? e : null;
}

/** A heading, or a paragraph all in bold: it ends where it stands. */
function isHeading(e: HTMLElement): boolean {
  if (HEADING.test(tagOf(e))) return true;
  const bold = e.querySelectorAll('strong,b').map(compact).join('');
  return bold.length > 0 && bold.length >= compact(e).length;
}

/** Join the paragraph a box's end cut to its rest at the next box's top. */
function joinCut(a: HTMLElement, b: HTMLElement): boolean {
  const end = rx(readerPatterns().pdf_paragraph_end);
  const tail = a.text.trim();
  const head = b.text.trim();
  if (!tail || !head || end.test(tail) || startsParagraph(head) || isHeading(a) || isHeading(b)) return false;
  a.set_content([...a.childNodes, ...b.childNodes]);
  b.remove();
  return true;
}

/**
 * The article's element when it stands in several boxes with `best` (else `best`): their parent, kept
 * from the first box to the last, the boxes' furniture left out and their cut paragraphs joined.
 */
export function wholeArticle(best: HTMLElement, prose: (e: HTMLElement) => number): HTMLElement {
  const boxes = boxesOf(best, prose);
  if (!boxes) return best;
  const parent = boxes[0]!.parentNode!;
  const kids = parent.childNodes;
  const from = kids.indexOf(boxes[0]!);
  const to = kids.indexOf(boxes[boxes.length - 1]!);
  for (const n of [...kids.slice(0, from), ...kids.slice(to + 1)]) parent.removeChild(n);
  for (const e of furniture(boxes)) e.remove();
  for (let k = 0; k + 1 < boxes.length; k++) {
    const a = edgeParagraph(boxes[k]!, 'last');
    const b = edgeParagraph(boxes[k + 1]!, 'first');
    if (a && b) joinCut(a, b);
  }
  return parent;
}
