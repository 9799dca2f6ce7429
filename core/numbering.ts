// Enclosed numbering characters (⑴ ⒈ ㈠ ❶ ➀ ⓵ ㊀ …) to the forms the structure rules read
// (（1） 1. （一） ①): one table, rules/numbering.json, so a numbering style is one rule whatever
// characters it was printed in.
import { loadRules, punct, type RuleExample } from './rules.js';
import { writeChineseNumeral } from './numerals.js';

interface Range { id: string; first: string; last: string; value: number; as: string; examples: RuleExample[] }
interface AsciiRoman { id: string; case: 'upper' | 'lower'; form: string; as: string; examples: Array<{ text: string; value: string }> }
interface NumberingRules { enclosed: Range[]; line_head: Range[]; kept: { first: string; last: string }; ascii_roman: AsciiRoman[] }
const rules = () => loadRules<NumberingRules>('numbering.json');

let table: Map<string, string> | null = null;
let anyRe: RegExp | null = null;
let headTable: Map<string, string> | null = null;
let headRe: RegExp | null = null;

/** The circled digit of a value (① … ⑳: the forms kept as they are), or the value in brackets past them. */
function circledOf(n: number): string {
  const { first, last } = rules().kept;
  const c = first.codePointAt(0)! + n - 1;
  return n >= 1 && c <= last.codePointAt(0)! ? String.fromCodePoint(c) : punct('open_paren')[0] + String(n) + punct('close_paren')[0];
}

function rangeTable(ranges: Range[]): Map<string, string> {
  const t = new Map<string, string>();
  for (const r of ranges) {
    const a = r.first.codePointAt(0)!;
    const b = r.last.codePointAt(0)!;
    for (let c = a; c <= b; c++) {
      const n = r.value + (c - a);
      t.set(String.fromCodePoint(c), r.as.replace('{n}', String(n)).replace('{cn}', writeChineseNumeral(n)).replace('{circled}', circledOf(n)));
    }
  }
  return t;
}

/** Every enclosed numeral and what it becomes. */
export function enclosedTable(): Map<string, string> {
  return (table ??= rangeTable(rules().enclosed));
}

/** Numerals rewritten only at the head of a line, before a numbering mark (Roman Ⅰ、 but not Ⅱ型). */
export function lineHeadTable(): Map<string, string> {
  return (headTable ??= rangeTable(rules().line_head));
}

const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii', 'xiii', 'xiv', 'xv', 'xvi', 'xvii', 'xviii', 'xix', 'xx'];
let romanForms: Array<{ rule: AsciiRoman; re: RegExp; names: string[] }> | null = null;

/**
 * Roman numerals typed in ASCII at the head of a line (I. II., (i) (ii), i. ii.), rewritten as
 * rules/numbering.json's ascii_roman says: a form only where the document has its first and second
 * numerals at the heads of lines (a lone I. or (i) may be a letter of a list).
 */
export function asciiRomanNumbering(t: string): string {
  romanForms ??= rules().ascii_roman.map((rule) => {
    const names = rule.case === 'upper' ? ROMAN.map((x) => x.toUpperCase()) : ROMAN;
    const alt = [...names].sort((a, b) => b.length - a.length).join('|');
    return { rule, names, re: new RegExp(rule.form.replace('{{roman}}', alt), 'gm') };
  });
  for (const { rule, re, names } of romanForms) {
    if (!/[IVXivx]/.test(t)) break;
    const heads = new Set([...t.matchAll(re)].map((m) => m[2]));
    if (!heads.has(names[0]) || !heads.has(names[1])) continue;
    t = t.replace(re, (_all, sp: string, numeral: string, mark: string | undefined) => {
      const n = names.indexOf(numeral) + 1;
      return sp + rule.as.replace('{cn}', writeChineseNumeral(n)).replace('{n}', String(n)).replace('{mark}', typeof mark === 'string' ? mark : '');
    });
  }
  return t;
}

/** The text with every enclosed numeral rewritten to its canonical form (and ASCII Roman numerals at line heads, asciiRomanNumbering). */
export function canonicalNumbering(t: string): string {
  t = asciiRomanNumbering(t);
  const m = enclosedTable();
  anyRe ??= new RegExp(`[${[...m.keys()].join('')}]`, 'gu');
  const h = lineHeadTable();
  headRe ??= new RegExp(`^([\\s${punct('ideographic_space')}]*)([${[...h.keys()].join('')}])(?=[${punct('enum_comma')}${punct('dot')}${punct('close_paren')}\\s])`, 'gmu');
  return t.replace(anyRe, (c) => m.get(c) ?? c).replace(headRe, (_all, sp: string, c: string) => sp + (h.get(c) ?? c));
}
