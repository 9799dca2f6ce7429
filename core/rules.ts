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

// Compile the regex rules kept as data ({ id, re, examples }).
export interface RegexRule {
  id: string;
  re: string;
  flags?: string;
  examples?: string[];
  [k: string]: unknown;
}

const esc = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A rule's regex with its {{list}} names expanded from rules/vocabulary.json (longest word first). */
export function expandRe(re: string): string {
  if (!re.includes('{{')) return re;
  const vocab = loadRules<Record<string, unknown>>('vocabulary.json');
  return re.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => {
    const list = vocab[name];
    if (!Array.isArray(list)) throw new Error(`rules/vocabulary.json has no list "${name}"`);
    return [...(list as string[])].sort((a, b) => b.length - a.length).map(esc).join('|');
  });
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
