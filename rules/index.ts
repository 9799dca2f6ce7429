// Rule tables are data (JSON/text beside this file); this module only locates and loads them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rootPath } from '../pipeline/paths.js';
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';

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
