// One PDF line's text from its text items, with word spaces told from letter spacing.
//
// A page set with letter spacing (wide tracking, or a justified line stretched between every two
// glyphs) has its glyphs apart from each other: pdf.js writes a space inside an item for a gap of
// 0.1–0.6 em ("2 0 2 3") and starts a new item beyond (one item a glyph). A gap is a word space
// only when it is clearly wider than the line's letter spacing (its usual gap between two glyphs):
// in an ordinary line glyphs touch, so its spaces are word spaces as they stand; in a letter-spaced
// line the gaps between single glyphs close up (2023, 0377-67923158, an e-mail address) and only a
// wider gap stays a space.
import type { Placed } from './pdf-columns.js';

/** Ideographs, kana, hangul, CJK and full-width punctuation: a glyph an em wide. */
const WIDE = /[\u1100-\u11ff\u2014\u2018\u2019\u201c\u201d\u2026\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
const LATIN = /[A-Za-z0-9]/;

/** A glyph's usual advance in ems (a proportional Latin font's, an ideograph's): only an estimate. */
export function emWidth(ch: string): number {
  if (WIDE.test(ch)) return 1;
  if (/[0-9]/.test(ch)) return 0.55;
  if (/[.,:;'!|iIjlft]/.test(ch)) return 0.3;
  if (/[-()[\]r"/]/.test(ch)) return 0.35;
  if (/[mwMW@%&]/.test(ch)) return 0.85;
  if (/[A-Z#?]/.test(ch)) return 0.65;
  return 0.5;
}

/** A run of glyphs with no space inside, and the gap (in ems) and kind of the separator after it. */
interface Token { text: string; after?: { gap: number; spaces: string | null } }

/** One item → its tokens; a space inside it stands for the item's mean gap between its space-separated glyphs. */
function itemTokens(str: string, width: number, size: number): { tokens: Token[]; lead: string; trail: string; gap: number } {
  const runs = str.split(/( +)/);
  const lead = runs[0] === '' && runs.length > 1 ? runs[1]! : '';
  const trail = runs[runs.length - 1] === '' && runs.length > 1 ? runs[runs.length - 2]! : '';
  const words = runs.filter((r, k) => k % 2 === 0 && r);
  const spaceRuns = runs.filter((r, k) => k % 2 === 1).length;
  const glyphs = [...str.replace(/ /g, '')].reduce((s, c) => s + emWidth(c), 0);
  const gap = spaceRuns ? Math.max(0, (width / size - glyphs) / spaceRuns) : 0;
  const tokens: Token[] = [];
  let k = runs[0] === '' ? 2 : 0;
  for (; k < runs.length; k += 2) {
    if (!runs[k]) continue;
    const sep = runs[k + 1];
    tokens.push({ text: runs[k]!, ...(sep && runs[k + 2] ? { after: { gap, spaces: sep } } : {}) });
  }
  return { tokens: words.length ? tokens : [], lead, trail, gap };
}

/** The line's tokens left to right, each with the separator to the next. */
export function lineTokens(items: Placed[]): Token[] {
  const out: Token[] = [];
  let prev: { right: number; size: number; trail: string; gap: number } | null = null;
  let right = -Infinity;
  for (const it of items) {
    const size = it.fontSize || 1;
    const { tokens, lead, trail, gap } = itemTokens(it.str, it.width, size);
    if (!tokens.length) continue;
    const last = out[out.length - 1];
    if (last && prev) {
      const between = Math.max(0, it.x - prev.right) / Math.max(prev.size, size);
      const spaces = prev.trail || lead ? prev.trail + lead : null;
      last.after = { gap: between + (prev.trail ? prev.gap : 0) + (lead ? gap : 0), spaces };
    }
    out.push(...tokens);
    right = Math.max(right, it.x + it.width);
    prev = { right, size, trail, gap };
  }
  return out;
}

/**
 * The line's letter spacing in ems: the median gap between two glyphs when most glyphs of the
 * line stand apart (a letter-spaced line), null when they mostly touch (an ordinary line), or
 * undefined when the line has too few glyphs to tell (its page's spacing goes for it).
 */
export function letterSpacing(tokens: Token[]): number | null | undefined {
  let touching = 0;
  const open: number[] = [];
  tokens.forEach((t, k) => {
    touching += [...t.text].length - 1;
    const next = tokens[k + 1];
    // (a space where ideographs meet Latin letters or digits tells nothing: word processors set one there)
    if (!t.after || !next || WIDE.test(t.text.slice(-1)) !== WIDE.test(next.text[0]!)) return;
    // (items that touch are a run split by the producer, not glyphs apart: pdf.js writes a space from 0.1 em)
    if (t.after.spaces !== null || t.after.gap >= 0.1) open.push(t.after.gap);
    else touching++;
  });
  if (open.length < 2 && open.length + touching < 3) return undefined;
  if (open.length < 2 || open.length < (open.length + touching) * 0.6) return null;
  open.sort((a, b) => a - b);
  return open[Math.floor(open.length / 2)]!;
}

/** A page's letter spacing: its lines' median where most lines that tell are letter-spaced, else null. */
export function pageLetterSpacing(lines: Placed[][]): number | null {
  const told = lines.map((items) => letterSpacing(lineTokens(items.filter((i) => i.str.trim())))).filter((L) => L !== undefined);
  const spaced = told.filter((L): L is number => L !== null).sort((a, b) => a - b);
  return spaced.length && spaced.length >= told.length * 0.6 ? spaced[Math.floor(spaced.length / 2)]! : null;
}

/** The gap (in ems) a word space needs in a line of letter spacing L: clearly wider than L. */
export const wordGap = (L: number) => L + Math.max(0.3, L * 0.6);

/** The separator's text: a word space, or nothing where the gap is letter spacing. */
function separator(a: Token, b: Token, L: number | null): string {
  const after = a.after!;
  const single = [...a.text].length === 1 && [...b.text].length === 1;
  // an ordinary line's own spaces stand, and so do spaces between words set tight inside a
  // letter-spaced line; a space between two single glyphs of a letter-spaced line is letter spacing
  if (after.spaces !== null && (L === null || !single)) return after.spaces;
  if (after.gap <= wordGap(L ?? 0)) return '';
  return after.spaces ?? (LATIN.test(a.text.slice(-1)) && LATIN.test(b.text[0]!) ? ' ' : '');
}

/** Items of one line (left to right, spacers and overlays already out) → its text; `page` the page's letter spacing. */
export function joinItems(items: Placed[], page: number | null = null): string {
  const tokens = lineTokens(items);
  const own = letterSpacing(tokens);
  const L = own === undefined ? page : own;
  let text = '';
  tokens.forEach((t, k) => {
    text += t.text;
    if (t.after && tokens[k + 1]) text += separator(t, tokens[k + 1]!, L);
  });
  return text;
}
