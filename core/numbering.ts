// Enclosed numbering characters (⑴ ⒈ ㈠ ❶ ➀ ⓵ ㊀ …) to the forms the structure rules read
// (（1） 1. （一） ①): one table, rules/numbering.json, so a numbering style is one rule whatever
// characters it was printed in.
import { loadRules, punct } from './rules.js';

interface Range { id: string; first: string; last: string; value: number; as: string; examples: Array<[string, string]> }

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

let table: Map<string, string> | null = null;
let anyRe: RegExp | null = null;
let headTable: Map<string, string> | null = null;
let headRe: RegExp | null = null;

/** A number in Chinese numerals, up to 99 (十二, 二十). */
const cnOf = (n: number): string => (n <= 10 ? (CN[n] ?? String(n)) : n < 20 ? `${CN[10]}${CN[n - 10]}` : n < 100 ? `${CN[Math.floor(n / 10)]}${CN[10]}${n % 10 ? CN[n % 10] : ''}` : String(n));

function rangeTable(ranges: Range[]): Map<string, string> {
  const t = new Map<string, string>();
  for (const r of ranges) {
    const a = r.first.codePointAt(0)!;
    const b = r.last.codePointAt(0)!;
    for (let c = a; c <= b; c++) {
      const n = r.value + (c - a);
      t.set(String.fromCodePoint(c), r.as.replace('{n}', String(n)).replace('{cn}', cnOf(n)).replace('{circled}', CIRCLED[n - 1] ?? `（${n}）`));
    }
  }
  return t;
}

/** Every enclosed numeral and what it becomes. */
export function enclosedTable(): Map<string, string> {
  return (table ??= rangeTable(loadRules<{ enclosed: Range[] }>('numbering.json').enclosed));
}

/** Numerals rewritten only at the head of a line, before a numbering mark (Roman Ⅰ、 but not Ⅱ型). */
export function lineHeadTable(): Map<string, string> {
  return (headTable ??= rangeTable(loadRules<{ line_head: Range[] }>('numbering.json').line_head));
}

/** The text with every enclosed numeral rewritten to its canonical form. */
export function canonicalNumbering(t: string): string {
  const m = enclosedTable();
  anyRe ??= new RegExp(`[${[...m.keys()].join('')}]`, 'gu');
  const h = lineHeadTable();
  headRe ??= new RegExp(`^([\\s${punct('ideographic_space')}]*)([${[...h.keys()].join('')}])(?=[${punct('enum_comma')}${punct('dot')}${punct('close_paren')}\\s])`, 'gmu');
  return t.replace(anyRe, (c) => m.get(c) ?? c).replace(headRe, (_all, sp: string, c: string) => sp + (h.get(c) ?? c));
}
