// Numbers as written in bulletins: digits with decimals, Chinese numerals
// (三十一, 两, 一百零五, 二〇二四), and digit/Chinese mixes with 万/亿 (1.2万, 3千).
// The numerals are one table, rules/numbering.json `numerals`.
import { loadRules, pattern, rx, type RegexRule } from './rules.js';

interface NumeralTable { digits: Record<string, number>; units: Record<string, number>; big_units: Record<string, number> }
const table = () => loadRules<{ numerals: NumeralTable }>('numbering.json').numerals;

/** Parse a Chinese numeral (三十一 → 31, 十 → 10, 一百零五 → 105, 二〇二四 → 2024). Returns null if not one. */
export function parseChineseNumeral(s: string): number | null {
  if (!s) return null;
  const { digits: DIGIT, units: SMALL_UNIT, big_units: BIG_UNIT } = table();
  if ([...s].every((c) => c in DIGIT) && s.length > 1) {
    // positional digits: 二〇二四
    return Number([...s].map((c) => DIGIT[c]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const c of s) {
    if (c in DIGIT) {
      digit = DIGIT[c]!;
    } else if (c in SMALL_UNIT) {
      section += (digit ?? 1) * SMALL_UNIT[c]!;
      digit = null;
    } else if (c in BIG_UNIT) {
      section += digit ?? 0;
      total += (section || 1) * BIG_UNIT[c]!;
      section = 0;
      digit = null;
    } else return null;
  }
  return total + section + (digit ?? 0);
}

/** The value of a unit numeral (十 10, 千 1000, 万 10000, 亿 100000000), or undefined. */
export function numeralUnit(c: string): number | undefined {
  const { units, big_units } = table();
  return units[c] ?? big_units[c];
}

/** The power of ten a multiplier after digits stands for (千 3, 万 4, 亿 8). */
const exponentOf = (unit: string): number => Math.round(Math.log10(numeralUnit(unit) ?? 1));

/** Parse digits or Chinese numerals with an optional 万/亿/千 multiplier: "1.2万" → 12000, "三" → 3. */
export function parseNumber(s: string): number | null {
  const m = pattern('^(\\d+(?:\\.\\d+)?)([{{n.multiplier}}]*)$').exec(s);
  if (m) {
    // the multipliers move the decimal point in the digits (38.7亿 = 3870000000 exactly, not 3870000000.0000005)
    let exp = 0;
    for (const u of m[2]!) exp += exponentOf(u);
    const [int, frac = ''] = m[1]!.split('.');
    const shift = Math.min(exp, frac.length);
    const digits = `${int}${frac.slice(0, shift)}${'0'.repeat(exp - shift)}`;
    const rest = frac.slice(shift);
    return round(Number(rest ? `${digits}.${rest}` : digits));
  }
  return parseChineseNumeral(s);
}

/** A number in Chinese numerals as bulletins write it, up to 99 (三, 十二, 二十): the first character of each value in the table. */
export function writeChineseNumeral(n: number): string {
  const { digits, units } = table();
  const of = (v: number) => Object.keys(digits).find((c) => digits[c] === v)!;
  const ten = Object.keys(units).find((c) => units[c] === 10)!;
  if (n < 0 || n >= 100 || !Number.isInteger(n)) return String(n);
  if (n < 10) return of(n);
  if (n < 20) return `${ten}${n % 10 ? of(n % 10) : ''}`;
  return `${of(Math.floor(n / 10))}${ten}${n % 10 ? of(n % 10) : ''}`;
}

/** Avoid 66.57 * 10000 = 665699.9999999999 */
export function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

interface MannerRules { tail: RegexRule; one: RegexRule; negation: RegexRule }
const manner = () => loadRules<{ manner: MannerRules }>('quantities.json').manner;

/**
 * 一项一项落实, 一个一个过 (said twice), 一个也不能少, 一项都不放过 (一 + measure word + 也/都 + a
 * negation): a manner of speaking, not a count (rules/quantities.json `manner`).
 */
export function notACount(text: string, index: number, match: string): boolean {
  const r = manner();
  const tail = rx(r.tail).exec(match)?.[0];
  if (!tail) return false;
  const end = index + match.length;
  if (text.startsWith(tail, end) || text.slice(Math.max(0, end - 2 * tail.length), end - tail.length) === tail) return true;
  return rx(r.one).test(tail) && rx(r.negation).test(text.slice(end, end + 2));
}
