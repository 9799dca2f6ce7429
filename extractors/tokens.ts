// jieba word boundaries (with the domain user dictionary in rules/userdict.txt).
// Loaded once per process (or worker) on first use: ~0.2 s, never per document.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { readFileSync } from 'node:fs';
import { rulePath } from '../pipeline/rules.js';

let jieba: Jieba | null = null;

export function getJieba(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    jieba.loadDict(readFileSync(rulePath('userdict.txt')));
  }
  return jieba;
}

export function cut(text: string): string[] {
  return getJieba().cut(text, false);
}

/** Search tokens: jieba's search-mode cut, CJK/alphanumeric tokens only, for FTS5 (space-joined). */
export function searchTokens(text: string): string[] {
  return getJieba()
    .cutForSearch(text, true)
    .filter((t) => /[\p{Script=Han}A-Za-z0-9]/u.test(t));
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
