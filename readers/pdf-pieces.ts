// A table's row as its cells' pieces of text, where pdf.js ran them together or a font split them.
//
// pdf.js writes the runs of two cells side by side as one item, a space between them, where their
// font is one and the gap small (a cell's padding is a fraction of a character); and a line set in
// a main font with a fallback font for some glyphs comes as many items, one per change of font,
// touching each other. So an item is cut at a space where a column's bound falls, and items that
// touch are one run of text: a run across a bound is a line across the table (a category row).
import type { Placed, Row } from './pdf-columns.js';
import { emWidth } from './pdf-words.js';

/** Items closer than this (in ems) touch: one run of text; cells side by side stand further apart. */
const TOUCH = 1 / 3;
/** The pieces that start after a cut: a run of their own whatever the space reckoned before them. */
const afterCut = new WeakSet<object>();

/**
 * An item cut at its spaces (`at` says at which: the space's left and right x), each piece placed
 * by its glyphs' widths (an ideograph an em, a digit about half), the spaces sharing what is left.
 */
export function cutItem<T extends Placed>(i: T, at: (left: number, right: number) => boolean = () => true): T[] {
  if (!/\S +\S/.test(i.str)) return [i];
  const size = i.fontSize || 1;
  const glyphs = [...i.str];
  const ems = glyphs.map((c) => (c === ' ' ? 0 : emWidth(c)));
  const total = ems.reduce((a, b) => a + b, 0);
  const scale = size * total > i.width ? i.width / total : size;
  const space = Math.max(0, (i.width - scale * total) / glyphs.filter((c) => c === ' ').length);
  const pieces: T[] = [];
  let piece: { x: number; str: string; right: number } | null = null;
  let x = i.x;
  glyphs.forEach((c, k) => {
    const w = c === ' ' ? space : scale * ems[k]!;
    if (c === ' ') {
      if (piece && at(piece.right, x + w)) { pieces.push({ ...i, x: piece.x, width: piece.right - piece.x, str: piece.str }); piece = null; } else if (piece) piece.str += c;
    } else if (!piece) piece = { x, str: c, right: x + w };
    else { piece.str += c; piece.right = x + w; }
    x += w;
  });
  const last = piece as { x: number; str: string; right: number } | null;
  if (last) pieces.push({ ...i, x: last.x, width: last.right - last.x, str: last.str });
  for (const p of pieces.slice(1)) afterCut.add(p);
  return pieces;
}

/** A row with each item that runs over a column's bound cut there at a space. */
export function cutAtBounds<T extends Placed>(r: Row<T>, bounds: number[]): Row<T> {
  const size = r.size || 1;
  const over = (i: T) => bounds.some((b) => i.x < b - 1 && i.x + i.width > b + 1);
  const items = r.items.flatMap((i) => (over(i) ? cutItem(i, (left, right) => bounds.some((b) => b >= left - 1 && b <= right + size * 0.5)) : [i]));
  return { ...r, items };
}

/** The row's runs of touching items, left to right: [x, right]. */
export function runsOf<T extends Placed>(r: Row<T>): Array<{ x: number; right: number; items: T[] }> {
  const out: Array<{ x: number; right: number; items: T[] }> = [];
  for (const i of r.items.filter((i) => i.str.trim()).sort((a, b) => a.x - b.x)) {
    const last = out[out.length - 1];
    const lead = i.str.length - i.str.trimStart().length;
    const x = i.x + (lead ? (i.width / i.str.length) * lead : 0);
    if (last && !afterCut.has(i) && x - last.right < (i.fontSize || r.size) * TOUCH) { last.right = Math.max(last.right, i.x + i.width); last.items.push(i); } else out.push({ x, right: i.x + i.width, items: [i] });
  }
  return out;
}

/** Whether a row has a run of text across a column's bound by more than a character: a line across the table. */
export const acrossBounds = <T extends Placed>(r: Row<T>, bounds: number[]) => runsOf(r).some((run) => bounds.some((b) => run.x < b - r.size && run.right > b + r.size));
