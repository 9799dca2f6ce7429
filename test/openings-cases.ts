// The openings batteries' shared frame: each case is an opening (title line and first paragraphs) with
// the bulletin fields and declared totals written by hand from it; the case is run as a whole bulletin
// (the opening, then as many problems as it declares) and its fields compared. A case the code misreads
// today is marked `fails` with what is misread, its expectations never weakened.
import { describe, it, expect } from 'vitest';
import { extractBytes } from '../stages/extract.js';

export interface OpeningCase { name: string; text: string; want: Record<string, unknown>; summary: Record<string, number>; n?: number; tail?: string; fails?: string }

/** the opening, then N problems numbered 1..N (as many as the declared count), then any tail */
const body = (n: number) => '\n一、问题整改情况\n' + Array.from({ length: n }, (_, i) => `${i + 1}.关于“三会一课制度执行不严格”的问题。\n整改情况：一是建立制度；二是加强督导。通过整改，制度更加规范。\n`).join('');

export function runOpenings(title: string, cases: OpeningCase[]): void {
  describe(title, () => {
    for (const c of cases) {
      const run = async () => {
        const n = c.n ?? c.summary.problems ?? 1;
        const rec = await extractBytes(new TextEncoder().encode(c.text + body(n) + (c.tail ?? '')), 'opening-battery.txt');
        const b = rec.bulletin as Record<string, unknown>;
        // aliases are a set: order is not asserted
        const norm = (k: string, v: unknown) => (k === 'unit_aliases' && Array.isArray(v) ? [...v].sort() : v);
        const got = Object.fromEntries(Object.keys(c.want).map((k) => [k, norm(k, b[k])]));
        const want = Object.fromEntries(Object.entries(c.want).map(([k, v]) => [k, norm(k, v)]));
        expect(got).toEqual(want);
        expect(rec.summary).toMatchObject(c.summary);
      };
      if (c.fails) it.fails(`${c.name} — misread: ${c.fails}`, run);
      else it(c.name, run);
    }
  });
}
