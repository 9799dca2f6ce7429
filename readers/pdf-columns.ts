// Text set in two columns on a PDF page (a newspaper-style bulletin): the page's text items
// grouped into regions read one after another, so each column is read top to bottom before the
// next, instead of a line of the left column running into the line beside it.
//
// A gutter is a vertical strip near the middle of the page that no text item crosses on the
// rows of a band, with text on both sides of it on most of those rows, the gap there clearly wider
// than the row's usual gap between items (on a page set with letter spacing the gaps between
// glyphs line up down the page, and are no gutter), and no other wide gap on
// those rows (a table's rows have gaps between several columns: a table is no two columns). Rows
// with an item across the gutter (the title, a heading set across the page) are read as they are,
// between the bands.

/** What a text item gives the column finder: its place, width and size. */
export interface Placed { x: number; y: number; width: number; fontSize: number; str: string }

/** A line of items on one baseline. */
export interface Row<T extends Placed> { y: number; size: number; items: T[] }

/** Group items by baseline, top of the page first (PDF y grows upwards). */
export function rowsOf<T extends Placed>(items: T[]): Array<Row<T>> {
  const rows: Array<Row<T>> = [];
  // a footnote's citation set small above the line (…加重基层负担②): no text of the line's
  const sizes = items.filter((i) => i.str.trim()).map((i) => i.fontSize).sort((a, b) => a - b);
  const median = sizes[Math.floor(sizes.length / 2)] ?? 0;
  // (a circled number set small; digits or * set small only where raised above a line of larger text beside them,
  // so a table's small 序号 cells stay)
  const raised = (it: T) => items.some((o) => o !== it && o.fontSize > it.fontSize * 1.2 && it.y - o.y > o.fontSize * 0.2 && it.y - o.y < o.fontSize && Math.abs(o.x + o.width - it.x) < o.fontSize * 2);
  const citation = (it: T) => it.fontSize < median * 0.75 && (/^[\u2460-\u2473]$/.test(it.str.trim()) || (/^[\d*]{1,2}$/.test(it.str.trim()) && raised(it)));
  for (const it of items) {
    if (!it.str || citation(it)) continue;
    const row = rows.find((r) => Math.abs(r.y - it.y) < Math.max(2, Math.max(r.size, it.fontSize) * 0.35));
    if (row) { row.items.push(it); row.size = Math.max(row.size, it.fontSize); } else rows.push({ y: it.y, size: it.fontSize, items: [it] });
  }
  return rows.sort((a, b) => b.y - a.y);
}

/**
 * Whether a row has text on both sides of x with a gutter between: a gap at x clearly wider than
 * the row's usual gap between two items. On a page set with letter spacing every glyph stands
 * apart and the gaps line up down the page: such a gap, as wide as the others, is no gutter.
 */
function gutterGap(m: { size: number; solid: Placed[]; gaps: number[] }, x: number): boolean {
  const k = m.solid.findIndex((i) => i.x >= x);
  if (k <= 0) return false;
  const at = m.solid[k]!.x - Math.max(...m.solid.slice(0, k).map((i) => i.x + i.width));
  const others = m.gaps.filter((_, j) => j !== k - 1).map((g) => Math.max(0, g)).sort((a, b) => a - b);
  const usual = others[Math.floor(others.length / 2)] ?? 0;
  return at > 2 * usual + 0.5 * m.size;
}

/** The x of the page's gutter between two columns of text, or null. */
function gutterOf<T extends Placed>(rows: Array<Row<T>>): number | null {
  const items = rows.flatMap((r) => r.items).filter((i) => i.str.trim());
  if (items.length < 20 || rows.length < 10) return null;
  const left = Math.min(...items.map((i) => i.x));
  const right = Math.max(...items.map((i) => i.x + i.width));
  const width = right - left;
  if (width <= 0) return null;
  // each row's items left to right and its usual gap between two items (letter spacing, word spaces)
  const measured = rows.map((r) => {
    const solid = r.items.filter((i) => i.str.trim()).sort((a, b) => a.x - b.x);
    const gaps = solid.slice(1).map((i, k) => i.x - (solid[k]!.x + solid[k]!.width));
    return { size: r.size, solid, gaps };
  });
  let best: { x: number; both: number } | null = null;
  for (let x = left + width * 0.35; x <= left + width * 0.65; x += Math.max(1, width / 200)) {
    let both = 0;
    let crossing = 0;
    for (const m of measured) {
      if (m.solid.some((i) => i.x < x && i.x + i.width > x)) { crossing++; continue; }
      if (gutterGap(m, x)) both++;
    }
    // most rows hold text on both sides, few cross (the title, a heading across the page)
    if (both >= rows.length * 0.5 && crossing <= rows.length * 0.2 && (!best || both > best.both)) best = { x, both };
  }
  if (!best) return null;
  // one wide gap a row, the gutter's: rows with gaps between several columns are a table's
  const gx = best.x;
  const split = rows.filter((r) => { const s = r.items.filter((i) => i.str.trim()); return s.some((i) => i.x + i.width <= gx) && s.some((i) => i.x >= gx); });
  const tableLike = split.filter((r) => {
    const s = [...r.items].filter((i) => i.str.trim()).sort((a, b) => a.x - b.x);
    let gaps = 0;
    for (let k = 1; k < s.length; k++) if (s[k]!.x - (s[k - 1]!.x + s[k - 1]!.width) > 2 * r.size) gaps++;
    return gaps >= 2;
  }).length;
  return tableLike <= split.length * 0.2 ? gx : null;
}

/**
 * A page's rows in reading order, as groups of items each read as one line: where the page has two
 * columns, the rows of a band between full-width rows give their left halves first, then their
 * right halves; elsewhere (one column, a table) the rows as they are.
 */
export function readingRows<T extends Placed>(items: T[]): Array<Row<T> & { dx: number; dRight: number; columnStart?: boolean }> {
  const rows = rowsOf(items);
  const gutter = gutterOf(rows);
  if (gutter === null) return rows.map((r) => ({ ...r, dx: 0, dRight: 0 }));
  // each column's lines measured as if they ran the page's width: the right column's start is the
  // page's margin, the left column's right edge the page's (paragraphs are told by indents and short lines)
  const solid = items.filter((i) => i.str.trim());
  const leftStart = Math.min(...solid.map((i) => i.x));
  const pageRight = Math.max(...solid.map((i) => i.x + i.width));
  const rightStart = Math.min(...solid.filter((i) => i.x >= gutter).map((i) => i.x));
  const leftRight = Math.max(...solid.filter((i) => i.x + i.width <= gutter).map((i) => i.x + i.width));
  const out: Array<Row<T> & { dx: number; dRight: number; columnStart?: boolean }> = [];
  let band: Array<Row<T>> = [];
  const flush = () => {
    const half = (keep: (i: T) => boolean, dx: number, dRight: number) => band.map((r) => ({ ...r, items: r.items.filter(keep), dx, dRight })).filter((r) => r.items.some((i) => i.str.trim())).map((r, k) => ({ ...r, columnStart: k === 0 }));
    out.push(...half((i) => i.x + i.width / 2 < gutter, 0, pageRight - leftRight), ...half((i) => i.x + i.width / 2 >= gutter, leftStart - rightStart, 0));
    band = [];
  };
  for (const r of rows) {
    const crosses = r.items.some((i) => i.str.trim() && i.x < gutter && i.x + i.width > gutter);
    if (crosses) { flush(); out.push({ ...r, dx: 0, dRight: 0 }); } else band.push(r);
  }
  flush();
  return out;
}
