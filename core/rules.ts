// Rule tables are data (rules/*.json, rules/userdict.txt); this module locates, loads and
// compiles them.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { rootPath } from './paths.js';
import { createHash } from 'node:crypto';

const here = rootPath('rules');

export function rulePath(name: string): string {
  return join(here, name);
}

const cache = new Map<string, unknown>();
export function loadRules<T>(name: string): T {
  let v = cache.get(name);
  if (v === undefined) {
    v = JSON.parse(readFileSync(rulePath(name), 'utf8'));
    cache.set(name, v);
  }
  return v as T;
}

/** Hash of every rule file: stored with each document so a rule change can be re-derived. */
export function rulesHash(): string {
  const h = createHash('sha256');
  for (const f of readdirSync(here).filter((f) => /\.(json|txt)$/.test(f)).sort()) {
    h.update(f);
    h.update(readFileSync(join(here, f)));
  }
  return h.digest('hex').slice(0, 16);
}

/**
 * A rule's example (test/rules.test.ts checks each one): text the rule matches, or text with
 * what the rule extracts from it, Recognizers-Text style:
 * - `match`: the text of its first match; `span`: where that match stands in the text, [start, end);
 * - `groups`: the value of each capture group named (by number or name; null: the group takes no part);
 * - `value`: what the stage reads from the match (a date, a total, a level…), where the rule file has a reader.
 */
export type RuleExample = string | { text: string; match?: string; span?: [number, number]; groups?: Record<string, string | null>; value?: unknown };

// Compile the regex rules kept as data ({ id, re, examples }).
export interface RegexRule {
  id: string;
  re: string;
  flags?: string;
  examples?: RuleExample[];
  [k: string]: unknown;
}

const esc = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * A rule's regex with its {{list}} names expanded from rules/vocabulary.json (longest word first),
 * {{p.set}} from rules/punctuation.json and {{n.set}} from rules/numbering.json's numerals (both
 * inside a character class).
 */
export function expandRe(re: string): string {
  if (!re.includes('{{')) return re;
  const vocab = loadRules<Record<string, unknown>>('vocabulary.json');
  return re.replace(/\{\{(?:([pn])\.)?(\w+)\}\}/g, (_m, p: string | undefined, name: string) => {
    if (p === 'p') return punct(name);
    if (p === 'n') return numeralSet(name);
    const list = vocab[name];
    if (!Array.isArray(list)) throw new Error(`rules/vocabulary.json has no list "${name}"`);
    return [...(list as string[])].sort((a, b) => b.length - a.length).map(esc).join('|');
  });
}

/** A punctuation set of rules/punctuation.json, escaped for a character class ({{p.NAME}} in a pattern). */
export function punct(name: string): string {
  const set = loadRules<{ sets: Record<string, { chars: string }> }>('punctuation.json').sets[name];
  if (!set) throw new Error(`rules/punctuation.json has no set "${name}"`);
  return [...set.chars].map((c) => (/[\\\]^\-[]/.test(c) ? `\\${c}` : c)).join('');
}

/** A set of Chinese numeral characters of rules/numbering.json (numerals.sets), for a character class ({{n.NAME}} in a pattern). */
export function numeralSet(name: string): string {
  const set = loadRules<{ numerals: { sets: Record<string, { chars: string }> } }>('numbering.json').numerals.sets[name];
  if (!set) throw new Error(`rules/numbering.json has no numeral set "${name}"`);
  return set.chars;
}

/** A word list of rules/vocabulary.json, in its order. */
export function vocabularyList(name: string): string[] {
  const list = loadRules<Record<string, unknown>>('vocabulary.json')[name];
  if (!Array.isArray(list)) throw new Error(`rules/vocabulary.json has no list "${name}"`);
  return list as string[];
}

const patterns = new Map<string, RegExp>();
/**
 * A regex the code writes in terms of the vocabulary: {{list}} from rules/vocabulary.json (as
 * an alternation), {{p.set}} from rules/punctuation.json and {{n.set}} from rules/numbering.json
 * (inside a character class), so the words themselves stay in rules/. Compiled once per pattern
 * and flags.
 */
export function pattern(re: string, flags = ''): RegExp {
  const key = `${flags}/${re}`;
  let r = patterns.get(key);
  if (!r) patterns.set(key, (r = new RegExp(expandRe(re), flags)));
  if (r.global || r.sticky) r.lastIndex = 0;
  return r;
}

const compiled = new WeakMap<RegexRule, Map<string, RegExp>>();

/** The compiled RegExp of a rule (cached per rule object and flags; callers using /g must reset lastIndex or use matchAll). */
export function rx(rule: RegexRule, extraFlags = ''): RegExp {
  let byFlags = compiled.get(rule);
  if (!byFlags) compiled.set(rule, (byFlags = new Map()));
  let r = byFlags.get(extraFlags);
  if (!r) {
    r = new RegExp(expandRe(rule.re), (rule.flags ?? '') + extraFlags);
    byFlags.set(extraFlags, r);
  }
  return r;
}
