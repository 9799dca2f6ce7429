// jieba word boundaries (with the domain user dictionary in rules/userdict.txt).
// Loaded once per process (or worker) on first use: ~0.2 s, never per document.
import type { Jieba } from '@node-rs/jieba';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { rulePath } from './rules.js';

// require(), not import: importing this CommonJS package from ESM makes Node scan its 28 KB
// platform loader for export names, long enough that each thread JIT-compiles the scanner
const require = createRequire(import.meta.url);

let jieba: Jieba | null = null;

export function getJieba(): Jieba {
  if (!jieba) {
    // the dictionary file that @node-rs/jieba/dict.js exports, read alone: dict.js also
    // reads the 6 MB IDF table, which keyword extraction needs and we do not (each worker loads this)
    const { Jieba: J } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    jieba = J.withDict(readFileSync(require.resolve('@node-rs/jieba/dict.txt')));
    jieba.loadDict(readFileSync(rulePath('userdict.txt')));
  }
  return jieba;
}

export function cut(text: string): string[] {
  return getJieba().cut(text, false);
}

const FIELD_SEP = '\u0001';
const searchable = /[\p{Script=Han}A-Za-z0-9]/u;
const seen = new Map<string, boolean>();
/**
 * Does a token have a Han character, a letter or a digit (not punctuation alone)? The common
 * cases without the Unicode-property regex, which cost more than jieba's cut itself: a token
 * starting with a CJK Unified Ideograph is one; others are tested once and remembered.
 */
function isSearchable(t: string): boolean {
  const c = t.charCodeAt(0);
  if (c >= 0x4e00 && c <= 0x9fff) return true;
  let v = seen.get(t);
  if (v === undefined) {
    v = searchable.test(t);
    if (seen.size < 100_000) seen.set(t, v);
  }
  return v;
}

/** Search tokens: jieba's search-mode cut, CJK/alphanumeric tokens only, for FTS5 (space-joined). */
export function searchTokens(text: string): string[] {
  return getJieba()
    .cutForSearch(text, true)
    .filter(isSearchable);
}

/**
 * searchTokens() of many texts in one jieba call: the texts are joined with a control
 * character, which jieba keeps as a token of its own and never joins to a word, so each
 * text's tokens are exactly those of its own cut. (One call instead of three per issue.)
 */
export function searchTokensMany(texts: string[]): string[][] {
  if (texts.some((t) => t.includes(FIELD_SEP))) return texts.map(searchTokens);
  const out: string[][] = [[]];
  for (const t of getJieba().cutForSearch(texts.join(FIELD_SEP), true)) {
    if (t === FIELD_SEP) out.push([]);
    else if (isSearchable(t)) out[out.length - 1]!.push(t);
  }
  if (out.length !== texts.length) return texts.map(searchTokens); // never expected; stay correct
  return out;
}

/** Offsets (UTF-16) at which jieba starts a token in `text`, plus text.length. */
export function tokenBoundaries(text: string): Set<number> {
  const out = new Set<number>();
  let pos = 0;
  for (const tok of cut(text)) {
    out.add(pos);
    pos += tok.length;
  }
  out.add(pos);
  return out;
}
