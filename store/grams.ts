// The substring index: each problem's grams, the characters and pairs of adjacent characters of its
// problem, each of its measures and its outcome (SQLite: the FTS5 table issues_fts_grams,
// PostgreSQL: issue_grams, a tsvector). A term of the search matched as a substring (党, a phrase
// in quotes, a word jieba does not keep) is looked up by its own grams: every problem that holds
// the term holds all of them, so the problems found are a superset of those that match, and each
// is then tested against its text as before (store/search.ts). The index narrows the reading; it
// never decides what matches.
//
// A gram is one or two characters of a run: the characters between whitespace and ASCII
// punctuation (which SQLite's ascii tokenizer splits at; its ASCII letters are folded to lower
// case, which only adds candidates). A problem with more grams than MAX_GRAMS (a page-long
// paragraph of distinct pairs: a PostgreSQL tsvector holds at most 1 MB) keeps one gram, ALL,
// which every query also looks up: it is read as a candidate for every term.

/** The gram every query also matches: the problems whose grams were too many to keep. */
export const ALL = 'zhenggaiall';
export const MAX_GRAMS = 60_000;

/** Non-ASCII whitespace (what JavaScript's \s holds past ASCII: the Zs characters, the line and paragraph separators, U+FEFF). */
const WIDE_SPACE = new Set([0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]);

/** Is a character (its code point) part of a run: not whitespace, not ASCII punctuation, not U+FFFD or a lone surrogate. */
function inRun(code: number): boolean {
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  if (code === 0xfffd || (code >= 0xd800 && code <= 0xdfff) || (code >= 0x2000 && code <= 0x200a)) return false;
  return !WIDE_SPACE.has(code);
}

/** The runs of a text: its characters (code points) between the ones no gram holds. */
function runs(text: string): string[][] {
  const out: string[][] = [];
  let run: string[] = [];
  for (const c of text) {
    if (inRun(c.codePointAt(0)!)) { run.push(c); continue; }
    if (run.length) out.push(run);
    run = [];
  }
  if (run.length) out.push(run);
  return out;
}

/** A code point's UTF-16 code units onto `out`. */
function pushUnits(out: number[], c: number): void {
  if (c < 0x10000) out.push(c);
  else out.push(0xd800 + ((c - 0x10000) >> 10), 0xdc00 + ((c - 0x10000) & 0x3ff));
}

/**
 * A problem's grams, space-joined: every character and pair of adjacent characters of each text's
 * runs, each once, in the order first met (one pass over the UTF-16 code units: it runs for every
 * problem ingested). Grams of the Basic Multilingual Plane are kept as numbers, a character as its
 * code and a pair as (first << 16 | second), which no character's code can be (a run's first
 * character is never below U+0030); those with a character past it as strings; the output is
 * built from code units at the end. Not a string a gram: a third less time than with strings.
 */
export function gramsOf(texts: Array<string | null | undefined>): string {
  const seen = new Set<number>();
  const wide = new Set<string>();
  const units: number[] = [];
  let n = 0;
  const fresh = (key: number | string) => {
    if (typeof key === 'number' ? seen.has(key) || !seen.add(key) : wide.has(key) || !wide.add(key)) return false;
    n++;
    return true;
  };
  for (const t of texts) {
    if (!t) continue;
    let prev = -1;
    for (let i = 0; i < t.length; i++) {
      let code = t.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < t.length) {
        const low = t.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) { code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00); i++; }
      }
      if (!inRun(code)) { prev = -1; continue; }
      if (fresh(code < 0x10000 ? code : String.fromCodePoint(code))) { pushUnits(units, code); units.push(0x20); }
      if (prev >= 0 && fresh(code < 0x10000 && prev < 0x10000 ? (prev << 16) | code : String.fromCodePoint(prev, code))) {
        pushUnits(units, prev);
        pushUnits(units, code);
        units.push(0x20);
      }
      prev = code;
    }
  }
  if (n > MAX_GRAMS) return ALL;
  let out = '';
  const end = units.length - 1; // the last space
  for (let k = 0; k < end; k += 8192) out += String.fromCharCode(...units.slice(k, Math.min(k + 8192, end)));
  return out;
}

/**
 * The grams a substring term is looked up by (all of them required), or null when it has none
 * (a term of ASCII punctuation alone: it is matched by reading the problems). A run of one
 * character is that character; a longer run its pairs.
 */
export function termGrams(term: string): string[] | null {
  const out = new Set<string>();
  for (const r of runs(term)) {
    if (r.length === 1) out.add(r[0]!);
    for (let i = 0; i + 1 < r.length; i++) out.add(r[i]! + r[i + 1]!);
  }
  return out.size ? [...out] : null;
}

/** FTS5 query of a term's grams (each in quotes: none holds a quote). */
export const gramFts = (grams: string[]) => grams.map((g) => `"${g}"`).join(' AND ');
/** PostgreSQL tsquery of a term's grams (none holds a quote or a backslash). */
export const gramTsQuery = (grams: string[]) => grams.map((g) => `'${g}'`).join(' & ');
