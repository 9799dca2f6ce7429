// Every regex rule kept as data carries examples; each example must match its rule,
// and every rule id is unique (ids travel with what the rules produce).
import { describe, it, expect } from 'vitest';
import { expandRe } from '../core/rules.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'rules');
type Rule = { id: string; re: string; flags?: string; examples?: string[]; not_examples?: string[]; not_examples_prefix?: boolean };

function collect(node: unknown, out: Rule[]): void {
  if (Array.isArray(node)) node.forEach((n) => collect(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.id === 'string' && typeof o.re === 'string') out.push(o as unknown as Rule);
    for (const v of Object.values(o)) collect(v, out);
  }
}

const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
const all: Array<Rule & { file: string }> = [];
for (const f of files) {
  const rules: Rule[] = [];
  collect(JSON.parse(readFileSync(join(dir, f), 'utf8')), rules);
  all.push(...rules.map((r) => ({ ...r, file: f })));
}

describe('rule tables', () => {
  it('have negative examples where a wrong match costs most', () => {
    // the rules that decide structure and identity carry text they must not match
    for (const id of ['title.noise', 'unit.area_committee', 'status.done', 'category.title', 'head.num']) {
      const r = all.find((x) => x.id === id);
      expect(r?.not_examples?.length ?? 0, `${id} has no not_examples`).toBeGreaterThan(0);
    }
  });
  it('have unique ids', () => {
    const ids = all.map((r) => r.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
  for (const r of all) {
    it(`${r.file} ${r.id} matches its examples`, () => {
      expect(r.examples?.length ?? 0, `${r.id} has no example`).toBeGreaterThan(0);
      // totals use N for a number and M for money
      const re = new RegExp(expandRe(r.re).replace(/N/g, '(\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千]+)').replace(/M/g, '(\\d+(?:\\.\\d+)?)(余|多)?([万亿])?(余|多)?元'));
      for (const ex of r.examples ?? []) {
        const text = ex.replace(/N/g, '12').replace(/X/g, '某某');
        expect(re.test(text), `${r.id} should match ${JSON.stringify(text)}`).toBe(true);
      }
      // negative examples: text the rule must not match (whole-line rules) or must not take
      // whole (a prefix rule such as title.noise must leave the title where it is)
      for (const ex of r.not_examples ?? []) {
        const text = ex.replace(/N/g, '12').replace(/X/g, '某某');
        const m = re.exec(text);
        expect(m === null || (r.not_examples_prefix === true && m[0].length === 0), `${r.id} must not match ${JSON.stringify(text)}`).toBe(true);
      }
    });
  }
});
