// Every enclosed numeral in the Unicode blocks that hold them is in rules/numbering.json with
// its value, and a bulletin numbered with them reads like one numbered with （1） 1. （一） ①.
import { describe, it, expect } from 'vitest';
import { canonicalNumbering, enclosedTable } from '../core/numbering.js';
import { loadRules } from '../core/rules.js';
import { normalize } from '../stages/normalize/normalize.js';

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const CN = '零一二三四五六七八九十';
/** The value a canonical form stands for: （12） 12. （十） ③ 0 */
function valueOf(form: string): number | null {
  const m = /^(?:（(\d+)）|(\d+)\.|（([一二三四五六七八九十])）|(\d+))$/.exec(form);
  if (m) return Number(m[1] ?? m[2] ?? m[4] ?? CN.indexOf(m[3]!));
  const k = CIRCLED.indexOf(form);
  return form.length === 1 && k >= 0 ? k + 1 : null;
}
/** What Unicode says a character is worth: its compatibility decomposition ((12), 12., 12, (一), 一). */
function unicodeValue(c: string): number | null {
  const d = c.normalize('NFKC');
  const m = /^\(?(\d+)\)?\.?$/.exec(d);
  if (m) return Number(m[1]);
  const k = /^\(?([一二三四五六七八九十])\)?$/.exec(d);
  return k ? CN.indexOf(k[1]!) : null;
}

describe('numbering: one table of enclosed numerals', () => {
  const table = enclosedTable();
  it('every numeral of Enclosed Alphanumerics and Enclosed CJK is in the table with its value (the circled ①…⑳ kept as they are)', () => {
    const missing: string[] = [];
    const blocks: Array<[number, number]> = [[0x2460, 0x24ff], [0x3200, 0x32ff]];
    for (const [a, b] of blocks) {
      for (let c = a; c <= b; c++) {
        const ch = String.fromCodePoint(c);
        const v = unicodeValue(ch);
        if (v === null) continue; // letters, months, ideographs that are not numerals
        if (/[\u3260-\u327f\u32c0-\u32ff]/.test(ch)) continue; // circled Hangul, months, hours: no numbering
        if (CIRCLED.includes(ch)) continue;
        const form = table.get(ch);
        if (form === undefined) { missing.push(`${ch} U+${c.toString(16)}`); continue; }
        expect(valueOf(form), `${ch} → ${form}`).toBe(v);
      }
    }
    expect(missing).toEqual([]);
  });
  it('the dingbat numerals (no compatibility form) are in the table with their values', () => {
    const runs: Array<[number, number]> = [[0x2776, 1], [0x2780, 1], [0x278a, 1]];
    for (const [start, v0] of runs) {
      for (let k = 0; k < 10; k++) expect(valueOf(table.get(String.fromCodePoint(start + k))!), `U+${(start + k).toString(16)}`).toBe(v0 + k);
    }
  });
  for (const r of loadRules<{ enclosed: Array<{ id: string; examples: Array<[string, string]> }> }>('numbering.json').enclosed) {
    it(`${r.id}: its examples`, () => {
      expect(r.examples.length).toBeGreaterThan(0);
      for (const [from, to] of r.examples) expect(canonicalNumbering(from)).toBe(to);
    });
  }
  it('normalized text numbers with the canonical forms, inside paragraphs too', () => {
    expect(normalize('㈠党的建设方面\n⒈关于学习不深入的问题\n整改措施：⑴制定计划；⑵开展培训。\n❷关于')).toBe('（一）党的建设方面\n1.关于学习不深入的问题\n整改措施：（1）制定计划；（2）开展培训。\n②关于');
  });
});
