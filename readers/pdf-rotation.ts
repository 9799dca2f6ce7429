// A PDF page's text items in the page's reading orientation, before lines, columns and tables are
// made of them (pdf.ts, pdf-columns.ts, pdf-tables.ts).
//
// A landscape page is often stored as a portrait page turned by /Rotate 90 (or 270, or a page
// printed upside down with 180), and a landscape table is often drawn turned on an unrotated
// portrait page (a `cm` rotation): in the page's own coordinates its text then runs bottom to top
// or top to bottom, and read as it stands every glyph is a line of its own. Each item's transform
// tells the direction its text runs in; through the page's viewport (which applies /Rotate) that
// is its direction on the screen. The page is read turned so that most of its text runs left to
// right (pdf.js's getViewport with that rotation), each item placed where it stands then, y
// growing upwards as in PDF space. Text that runs another way on the same page (a note set along
// the margin, the portrait page number of a turned table) is read in its own orientation after
// the page's main text; text set at a slant (a diagonal watermark, a seal's ring of characters)
// is no reading text and is left out.
import { getResolvedPDFJS, type getDocumentProxy, type StructuredTextItem } from 'unpdf';
import { pageBorders, type BorderPage, type Borders, type Ops } from './pdf-borders.js';

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;
type Matrix = [number, number, number, number, number, number];

/** The pdf.js text item fields read here. */
export interface RawTextItem { str?: string; transform: number[]; width: number; height: number; fontName: string; dir: string; hasEOL: boolean }

/** a·b as pdf.js composes transforms (b applied first). */
function multiply(a: readonly number[], b: readonly number[]): Matrix {
  return [
    a[0]! * b[0]! + a[2]! * b[1]!, a[1]! * b[0]! + a[3]! * b[1]!,
    a[0]! * b[2]! + a[2]! * b[3]!, a[1]! * b[2]! + a[3]! * b[3]!,
    a[0]! * b[4]! + a[2]! * b[5]! + a[4]!, a[1]! * b[4]! + a[3]! * b[5]! + a[5]!,
  ];
}

/** How far a slant may stray from a right angle and still be read as that direction (a skewed scan's text layer). */
const SLANT = 10;

/**
 * The quarter turn (0–3, clockwise on the screen) an item's text runs in on a page shown with
 * `view` (its viewport transform, y down), or null for text at a slant (or with no size).
 */
export function quarterOf(view: readonly number[], transform: readonly number[]): number | null {
  const m = multiply(view, transform);
  if (Math.hypot(m[0], m[1]) < 1e-6) return null;
  const deg = (Math.atan2(m[1], m[0]) * 180) / Math.PI;
  const q = Math.round(deg / 90);
  if (Math.abs(deg - q * 90) > SLANT) return null;
  return ((q % 4) + 4) % 4;
}

/** A group's share of the page: its characters other than spaces. */
const weight = (items: RawTextItem[]) => items.reduce((s, i) => s + (i.str ?? '').replace(/\s/g, '').length, 0);

/**
 * A page's items grouped by the direction their text runs in on the screen, the group with the
 * most text first, each with the rotation (degrees, for getViewport) that turns it upright;
 * text at a slant dropped (a page without text: no group). An unrotated page whose text is
 * upright gives one group and rotation 0.
 */
export function directionGroups(items: RawTextItem[], pageRotate: number, view: readonly number[]): Array<{ rotation: number; quarter: number; items: RawTextItem[] }> {
  const groups = new Map<number, RawTextItem[]>();
  for (const it of items) {
    const q = quarterOf(view, it.transform);
    if (q === null) continue;
    const g = groups.get(q);
    if (g) g.push(it); else groups.set(q, [it]);
  }
  const sorted = [...groups].filter(([, its]) => weight(its) > 0).sort((a, b) => weight(b[1]) - weight(a[1]) || a[0] - b[0]);
  return sorted.map(([q, its]) => ({ rotation: (((pageRotate - q * 90) % 360) + 360) % 360, quarter: q, items: its }));
}

/** Items placed in a viewport's frame: x from the left, y up from the bottom, as PDF space has them. */
export function placeItems(items: RawTextItem[], view: readonly number[], height: number, styles: Record<string, { fontFamily?: string }>): StructuredTextItem[] {
  return items.map((item) => {
    const m = multiply(view, item.transform);
    return {
      str: item.str ?? '',
      x: m[4],
      y: height - m[5],
      width: item.width,
      height: item.height,
      fontSize: Math.hypot(m[2], m[3]),
      fontFamily: styles[item.fontName]?.fontFamily ?? '',
      dir: item.dir,
      hasEOL: item.hasEOL,
    };
  });
}

/** A skew below this (radians, about 0.1°) moves a line's end by less than a point: left as it is. */
const MIN_SKEW = 0.0017;

/**
 * How far a group's text leans from its reading direction (radians, counter-clockwise with y up):
 * the median over its items, each counted by its characters. A scanned page's OCR text layer
 * follows the scan's skew, each line (or word) set along its own slanted baseline.
 */
export function skewOf(items: RawTextItem[], view: readonly number[]): number {
  const leans: Array<[number, number]> = [];
  for (const it of items) {
    const n = (it.str ?? '').replace(/\s/g, '').length;
    const m = multiply(view, it.transform);
    if (!n || Math.hypot(m[0], m[1]) < 1e-6) continue;
    const rad = Math.atan2(m[1], m[0]);
    leans.push([-(rad - Math.round(rad / (Math.PI / 2)) * (Math.PI / 2)), n]);
  }
  leans.sort((a, b) => a[0] - b[0]);
  const half = leans.reduce((s, [, n]) => s + n, 0) / 2;
  let seen = 0;
  for (const [lean, n] of leans) if ((seen += n) >= half) return lean;
  return 0;
}

/**
 * Items of a page whose text leans by `skew` turned back upright about the page's origin: the words
 * of one slanted line then share a y, as on a straight page (else a long line's right end, a third
 * of a line higher, was taken into the line above).
 */
export function deskew(items: StructuredTextItem[], skew: number): StructuredTextItem[] {
  if (Math.abs(skew) < MIN_SKEW) return items;
  const c = Math.cos(skew), s = Math.sin(skew);
  return items.map((i) => ({ ...i, x: i.x * c + i.y * s, y: -i.x * s + i.y * c }));
}

/** unpdf's reading of an unrotated page: the items' own coordinates. */
function asIs(items: RawTextItem[], styles: Record<string, { fontFamily?: string }>): StructuredTextItem[] {
  return items.map((item) => {
    const [, , c, d, e, f] = item.transform;
    return { str: item.str ?? '', x: e!, y: f!, width: item.width, height: item.height, fontSize: Math.hypot(c!, d!), fontFamily: styles[item.fontName]?.fontFamily ?? '', dir: item.dir, hasEOL: item.hasEOL };
  });
}

/** A page read in its orientations: its groups of items (the main text first), and the rules it draws in the main text's frame. */
export interface OrientedPage { groups: StructuredTextItem[][]; borders(): Promise<Borders> }

/**
 * Each page's text items in its reading orientation: a list of groups a page, the page's main
 * text first, then any text that runs another way, each read upright. An unrotated page of
 * upright text keeps its items' own coordinates (as unpdf's extractTextItems gives them). Its
 * rules (pdf-borders.ts) are read only when asked for: pdf.js then loads the page's drawing.
 */
export async function orientedPages(pdf: PdfDocument): Promise<OrientedPage[]> {
  const pages: OrientedPage[] = [];
  for (let p = 1; p <= pdf.numPages; p++) {
    const page = await pdf.getPage(p);
    const content = await page.getTextContent();
    const styles = content.styles as Record<string, { fontFamily?: string }>;
    const items = (content.items as RawTextItem[]).filter((i) => i.str != null);
    const groups = directionGroups(items, page.rotate, page.getViewport({ scale: 1 }).transform);
    // (an unrotated page of upright text: its items and rules in the page's own coordinates)
    const plain = (g: (typeof groups)[number] | undefined) => !g || (page.rotate === 0 && g.quarter === 0);
    const frame = (g: (typeof groups)[number] | undefined) => {
      if (plain(g)) { const [x0 = 0, y0 = 0, , y1 = 0] = page.view; return { transform: [1, 0, 0, -1, -x0, y1], height: y1 - y0, origin: [x0, y0] }; }
      const vp = page.getViewport({ scale: 1, rotation: g!.rotation });
      return { transform: vp.transform, height: vp.height, origin: [0, 0] };
    };
    pages.push({
      groups: groups.map((g) => {
        const f = frame(g);
        return deskew(plain(g) ? asIs(g.items, styles) : placeItems(g.items, f.transform, f.height, styles), skewOf(g.items, f.transform));
      }),
      borders: async () => {
        const { OPS } = (await getResolvedPDFJS()) as unknown as { OPS: Ops };
        const f = frame(groups[0]);
        const b = await pageBorders(page as unknown as BorderPage, OPS, f.transform, f.height);
        const [dx = 0, dy = 0] = f.origin;
        return { h: b.h.map((r) => ({ ...r, y: r.y + dy, x0: r.x0 + dx, x1: r.x1 + dx })), v: b.v.map((r) => ({ ...r, x: r.x + dx, y0: r.y0 + dy, y1: r.y1 + dy })) };
      },
    });
  }
  return pages;
}
