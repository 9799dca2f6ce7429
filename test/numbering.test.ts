// Every enclosed numeral in the Unicode blocks that hold them is in rules/numbering.json with
// its value, and a bulletin numbered with them reads like one numbered with （1） 1. （一） ①.
import { describe, it, expect } from 'vitest';
import { canonicalNumbering, enclosedTable, lineHeadTable } from '../core/numbering.js';
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
  for (const r of loadRules<{ enclosed: Array<{ id: string; examples: Array<{ text: string; value: string }> }> }>('numbering.json').enclosed) {
    it(`${r.id}: its examples`, () => {
      expect(r.examples.length).toBeGreaterThan(0);
      for (const ex of r.examples) expect(canonicalNumbering(ex.text)).toBe(ex.value);
    });
  }
  it('normalized text numbers with the canonical forms, inside paragraphs too', () => {
    expect(normalize('㈠党的建设方面\n⒈关于学习不深入的问题\n整改措施：⑴制定计划；⑵开展培训。\n❷关于')).toBe('（一）党的建设方面\n1.关于学习不深入的问题\n整改措施：（1）制定计划；（2）开展培训。\n②关于');
  });
});

describe('numbering: Roman numerals at the head of a line', () => {
  it('every Roman numeral of Number Forms (Ⅰ–Ⅻ, ⅰ–ⅻ) is in the line-head table with its value', () => {
    const values: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };
    for (const [a, b] of [[0x2160, 0x216b], [0x2170, 0x217b]] as const) {
      for (let c = a; c <= b; c++) {
        const ch = String.fromCodePoint(c);
        // Unicode's compatibility form spells the value in Latin letters (Ⅻ → XII)
        const latin = ch.normalize('NFKC').toUpperCase();
        const roman = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'].indexOf(latin) + 1;
        const form = lineHeadTable().get(ch);
        expect(form, `U+${c.toString(16)}`).toBeDefined();
        expect(values[form!], `${ch} → ${form}`).toBe(roman);
      }
    }
  });
  for (const r of loadRules<{ line_head: Array<{ id: string; examples: Array<{ text: string; value: string }> }> }>('numbering.json').line_head) {
    it(`${r.id}: its examples`, () => {
      for (const ex of r.examples) expect(canonicalNumbering(ex.text)).toBe(ex.value);
    });
  }
  it('a Roman numeral inside a sentence or before a word stays', () => {
    expect(normalize('Ⅰ、党的建设方面\n患者多为Ⅱ型糖尿病\nⅡ级响应启动')).toBe('一、党的建设方面\n患者多为Ⅱ型糖尿病\nⅡ级响应启动');
  });
});
