// Enclosed numbering characters (⑴ ⒈ ㈠ ❶ ➀ ⓵ ㊀ …) to the forms the structure rules read
// (（1） 1. （一） ①): one table, rules/numbering.json, so a numbering style is one rule whatever
// characters it was printed in.
import { loadRules } from './rules.js';

interface Range { id: string; first: string; last: string; value: number; as: string; examples: Array<[string, string]> }

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

let table: Map<string, string> | null = null;
let anyRe: RegExp | null = null;

/** Every enclosed numeral and what it becomes. */
export function enclosedTable(): Map<string, string> {
  if (table) return table;
  table = new Map();
  for (const r of loadRules<{ enclosed: Range[] }>('numbering.json').enclosed) {
    const a = r.first.codePointAt(0)!;
    const b = r.last.codePointAt(0)!;
    for (let c = a; c <= b; c++) {
      const n = r.value + (c - a);
      const form = r.as.replace('{n}', String(n)).replace('{cn}', CN[n] ?? String(n)).replace('{circled}', CIRCLED[n - 1] ?? `（${n}）`);
      table.set(String.fromCodePoint(c), form);
    }
  }
  return table;
}

/** The text with every enclosed numeral rewritten to its canonical form. */
export function canonicalNumbering(t: string): string {
  const m = enclosedTable();
  anyRe ??= new RegExp(`[${[...m.keys()].join('')}]`, 'gu');
  return t.replace(anyRe, (c) => m.get(c) ?? c);
}
