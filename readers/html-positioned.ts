// A page whose text is a PDF's laid out line by line: pdf2htmlEX's output (<div class="t m0 x1 h2 y3f
// ff1 fs0 …">, left/bottom and the font size in class rules, the size scaled by the m0 matrix, spacer
// spans <span class="_ _1"></span> in justified lines) or a PDF.js viewer's text layer (<span
// style="left:12%;top:30%;font-size:calc(var(--scale-factor)*16px)">). Each box of text is placed by
// its style; the boxes are read as the PDF reader reads a text layer (positioned-lines.ts: lines by y
// then x, paragraphs from first-line indents and line ends, a ledger table by its columns), and the
// positioned boxes are replaced by what they say as a page would write it: <h1>/<h2> for a heading in
// a larger face, <p> a paragraph, <table> a ledger's rows of cells. Any other page is left as it is.
import { parse, type HTMLElement, type Node } from 'node-html-parser';
import { emWidth } from './pdf-words.js';
import { classRuleBodies } from './html-hidden.js';
import { positionedDocument, type PosItem } from './positioned-lines.js';

/** Declarations by property name. */
type Decls = Map<string, string>;

/** A stylesheet's top-level rules on one class (`.x1{left:89.8px}`, `div.t{…}`), each with its place in the sheet (later wins). */
export function classRules(css: string): Map<string, Array<{ at: number; decls: Decls }>> {
  const out = new Map<string, Array<{ at: number; decls: Decls }>>();
  classRuleBodies(css).forEach(({ cls, body }, at) => out.set(cls, [...(out.get(cls) ?? []), { at, decls: declsOf(body) }]));
  return out;
}

/** `a:b;c:d` → declarations (property names lower-cased). */
function declsOf(s: string): Decls {
  const d: Decls = new Map();
  for (const part of s.split(';')) {
    const k = part.indexOf(':');
    if (k > 0) d.set(part.slice(0, k).trim().toLowerCase(), part.slice(k + 1).trim());
  }
  return d;
}

/** An element's own style: its classes' rules in the sheet's order, then its style attribute. */
function styleOf(e: HTMLElement, rules: ReturnType<typeof classRules>): Decls {
  const found = (e.getAttribute('class') ?? '').split(/\s+/).flatMap((c) => rules.get(c) ?? []).sort((a, b) => a.at - b.at);
  const d: Decls = new Map();
  for (const r of found) for (const [k, v] of r.decls) d.set(k, v);
  for (const [k, v] of declsOf(e.getAttribute('style') ?? '')) d.set(k, v);
  return d;
}

/** A length in px: px, pt, a percent of `whole`, or a PDF.js calc(var(--scale-factor)*Npx). */
function lengthOf(v: string | undefined, whole = 0): number | null {
  if (!v) return null;
  const s = v.replace(/\s+/g, '').toLowerCase();
  const calc = /^calc\(var\(--[\w-]+\)\*(-?[\d.]+)px\)$/.exec(s) ?? /^calc\((-?[\d.]+)px\*var\(--[\w-]+\)\)$/.exec(s);
  if (calc) return Number(calc[1]);
  const m = /^(-?[\d.]+)(px|pt|%)?$/.exec(s);
  if (!m) return null;
  const n = Number(m[1]);
  if (!Number.isFinite(n)) return null;
  return m[2] === 'pt' ? (n * 4) / 3 : m[2] === '%' ? (n / 100) * whole : n;
}

/** The scale a transform sets (matrix(a,b,…) or scale(s)): 1 where none. */
function scaleOf(v: string | undefined): number {
  if (!v) return 1;
  const m = /matrix\(\s*(-?[\d.e-]+)\s*,\s*(-?[\d.e-]+)/i.exec(v);
  if (m) return Math.hypot(Number(m[1]), Number(m[2])) || 1;
  const s = /scale\(\s*(-?[\d.]+)/i.exec(v);
  return s ? Math.abs(Number(s[1])) || 1 : 1;
}

/** A box of text placed by its style: where it stands and what it holds. */
interface Box { el: HTMLElement; style: Decls }

/** The elements placed by left and top/bottom that hold text and no such element inside them. */
function boxesOf(root: HTMLElement, rules: ReturnType<typeof classRules>): Box[] {
  const placed: Box[] = [];
  for (const el of root.querySelectorAll('*')) {
    if (!el.text.trim()) continue;
    const style = styleOf(el, rules);
    if (style.has('left') && (style.has('bottom') || style.has('top'))) placed.push({ el, style });
  }
  const set = new Set(placed.map((b) => b.el));
  return placed.filter((b) => !b.el.querySelectorAll('*').some((c) => set.has(c)));
}

/** A box's runs of text, parted where a spacer inside it opens a gap wider than 1.5 em (two cells on one line), each with its offset and width. */
function runsOfBox(box: Box, size: number, scale: number, rules: ReturnType<typeof classRules>): Array<{ dx: number; width: number; str: string }> {
  const ls = lengthOf(box.style.get('letter-spacing')) ?? 0;
  const runs: Array<{ dx: number; width: number; str: string }> = [{ dx: 0, width: 0, str: '' }];
  const add = (s: string) => {
    const r = runs[runs.length - 1]!;
    r.str += s;
    r.width += [...s].reduce((w, ch) => w + emWidth(ch) * size + ls * scale, 0);
  };
  const walk = (n: Node) => {
    if (n.nodeType === 3) { add(n.text.replace(/\s+/g, ' ')); return; }
    if (n.nodeType !== 1) return;
    const e = n as HTMLElement;
    const st = styleOf(e, rules);
    const gap = ((lengthOf(st.get('width')) ?? 0) + (lengthOf(st.get('margin-left')) ?? 0)) * scale;
    if (!e.text.trim() && gap) {
      const r = runs[runs.length - 1]!;
      if (gap > size * 1.5 && r.str.trim()) runs.push({ dx: r.dx + r.width + gap, width: 0, str: '' });
      else r.width += gap;
      return;
    }
    for (const c of e.childNodes) walk(c);
  };
  for (const c of box.el.childNodes) walk(c);
  return runs.filter((r) => r.str.trim());
}

/** The page a box stands on: its nearest ancestor that holds three boxes or more. */
function pageOf(el: HTMLElement, count: Map<HTMLElement, number>): HTMLElement | null {
  for (let p = el.parentNode; p; p = p.parentNode) if ((count.get(p) ?? 0) >= 3) return p;
  return null;
}

/** The pages of placed boxes on a page, in document order, each with its boxes; null where the page is no such layout. */
function placedPages(root: HTMLElement, rules: ReturnType<typeof classRules>): Array<{ page: HTMLElement; boxes: Box[] }> | null {
  const boxes = boxesOf(root, rules);
  if (boxes.length < 12) return null;
  const count = new Map<HTMLElement, number>();
  for (const b of boxes) for (let p = b.el.parentNode; p; p = p.parentNode) count.set(p, (count.get(p) ?? 0) + 1);
  const pages = new Map<HTMLElement, Box[]>();
  for (const b of boxes) {
    const p = pageOf(b.el, count);
    if (p) pages.set(p, [...(pages.get(p) ?? []), b]);
  }
  // (a few placed marks elsewhere on the page, a floating button or badge, are no page of text)
  const kept = [...pages].filter(([, bs]) => bs.length >= 5).map(([page, bs]) => ({ page, boxes: bs }));
  const cjk = kept.reduce((n, p) => n + p.boxes.reduce((m, b) => m + (b.el.text.match(/[\u4e00-\u9fff]/g)?.length ?? 0), 0), 0);
  return kept.reduce((n, p) => n + p.boxes.length, 0) >= 12 && cjk >= 200 ? kept : null;
}

/** A page's boxes as positioned items, y growing upwards (a box placed by top is set below the one above it). */
function itemsOf(page: HTMLElement, boxes: Box[], rules: ReturnType<typeof classRules>): PosItem[] {
  // (percents are of the page's box: the nearest box around the text that gives its width and height, a PDF.js page's)
  let width = 1000;
  let height = 1414;
  for (let p: HTMLElement | null = page; p; p = p.parentNode) {
    const ps = styleOf(p, rules);
    const w = lengthOf(ps.get('width'));
    const h = lengthOf(ps.get('height'));
    if (w && h) { width = w; height = h; break; }
  }
  const items: PosItem[] = [];
  for (const box of boxes) {
    const s = box.style;
    const scale = scaleOf(s.get('transform'));
    const size = (lengthOf(s.get('font-size')) ?? 16) * scale;
    const x = lengthOf(s.get('left'), width);
    const y = s.has('bottom') ? lengthOf(s.get('bottom'), height) : -(lengthOf(s.get('top'), height) ?? NaN);
    if (x === null || y === null || !Number.isFinite(y) || size <= 0) continue;
    const font = s.get('font-family')?.split(',')[0]?.replace(/["']/g, '').trim();
    for (const r of runsOfBox(box, size, scale, rules)) items.push({ x: x + r.dx, y, width: r.width, fontSize: size, str: r.str, ...(font ? { fontFamily: font } : {}) });
  }
  return items;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The read document as a page would write it: headings, paragraphs, each run of ledger rows (cells parted by tabs) a table. */
function documentHtml(text: string, headings: Array<{ text: string; level: number }>): string {
  const out: string[] = [];
  let table: string[][] = [];
  const flush = () => {
    if (!table.length) return;
    const cols = Math.max(...table.map((r) => r.length));
    const row = (r: string[], k: number) => {
      // (a category row: its words in the first cell alone, across the table)
      if (k > 0 && r[0] && r.slice(1).every((c) => !c.trim())) return `<tr><td colspan="${cols}">${esc(r[0])}</td></tr>`;
      const tag = k === 0 ? 'th' : 'td';
      return `<tr>${r.map((c) => `<${tag}>${esc(c.trim())}</${tag}>`).join('')}</tr>`;
    };
    out.push(`<table>${table.map(row).join('')}</table>`);
    table = [];
  };
  let h = 0;
  for (const line of text.split('\n')) {
    if (line.includes('\t')) { table.push(line.split('\t')); continue; }
    flush();
    if (h < headings.length && headings[h]!.text === line.trim()) {
      const level = Math.min(6, headings[h++]!.level);
      out.push(`<h${level}>${esc(line.trim())}</h${level}>`);
    } else if (line.trim()) out.push(`<p>${esc(line.trim())}</p>`);
  }
  flush();
  return out.join('\n');
}

/**
 * Reads a page's positioned text in place: where twenty boxes of text or more stand placed by their
 * style on pages of their own, the first page's box gets the document they say, the other pages are
 * emptied. Returns whether it did.
 */
export function readPositioned(root: HTMLElement, css: string): boolean {
  const rules = classRules(css);
  const pages = placedPages(root, rules);
  if (!pages) return false;
  const read = positionedDocument(pages.map((p) => itemsOf(p.page, p.boxes, rules)));
  if (!read.text.trim()) return false;
  const headings = read.blocks.flatMap((b) => (b.kind === 'heading' ? [{ text: b.text, level: b.level ?? 1 }] : []));
  pages[0]!.page.set_content(parse(documentHtml(read.text, headings)).childNodes);
  for (const p of pages.slice(1)) p.page.set_content('');
  return true;
}
