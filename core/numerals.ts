// Numbers as written in bulletins: digits with decimals, Chinese numerals
// (三十一, 两, 一百零五, 二〇二四), and digit/Chinese mixes with 万/亿 (1.2万, 3千).

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNIT: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** Parse a Chinese numeral (三十一 → 31, 十 → 10, 一百零五 → 105, 二〇二四 → 2024). Returns null if not one. */
export function parseChineseNumeral(s: string): number | null {
  if (!s) return null;
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

/** Parse digits or Chinese numerals with an optional 万/亿/千 multiplier: "1.2万" → 12000, "三" → 3. */
export function parseNumber(s: string): number | null {
  const m = /^(\d+(?:\.\d+)?)([千万亿]*)$/.exec(s);
  if (m) {
    // the multipliers move the decimal point in the digits (38.7亿 = 3870000000 exactly, not 3870000000.0000005)
    let exp = 0;
    for (const u of m[2]!) exp += u === '千' ? 3 : u === '万' ? 4 : 8;
    const [int, frac = ''] = m[1]!.split('.');
    const shift = Math.min(exp, frac.length);
    const digits = `${int}${frac.slice(0, shift)}${'0'.repeat(exp - shift)}`;
    const rest = frac.slice(shift);
    return round(Number(rest ? `${digits}.${rest}` : digits));
  }
  return parseChineseNumeral(s);
}

/** Avoid 66.57 * 10000 = 665699.9999999999 */
export function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/**
 * 一项一项落实, 一个一个过 (said twice), 一个也不能少, 一项都不放过 (一 + measure word + 也/都 + a
 * negation): a manner of speaking, not a count.
 */
export function notACount(text: string, index: number, match: string): boolean {
  const tail = /[零〇一二两三四五六七八九十百千]+\s*[个项条件次家名人]$/.exec(match)?.[0];
  if (!tail) return false;
  const end = index + match.length;
  if (text.startsWith(tail, end) || text.slice(Math.max(0, end - 2 * tail.length), end - tail.length) === tail) return true;
  return /^一\s*[个项条件次家名人]$/.test(tail) && /^[也都](?:不|没|未|无)/.test(text.slice(end, end + 2));
}
