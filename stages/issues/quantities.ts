// Quantities: numbers with measure words, money normalized to yuan, hedges kept.
// pattern() builds one regex from rules/quantities.json; extract() reads matches
// and refuses years, ordinals, set terms and the article 一 (see rules file).
import { rx, type RegexRule } from '../../core/rules.js';
import { loadRules } from '../../core/rules.js';
import { parseNumber, round, notACount } from '../../core/numerals.js';
import { tokenBoundaries } from '../../core/tokens.js';
import type { Quantity } from '../../core/record.js';

interface QuantityRules {
  classifiers: Record<'count' | 'duration' | 'money' | 'percent', string[]>;
  hedges: Hedge[];
  set_terms: string[];
  count_end_chars: string;
  phase_followers: string[];
  money_roles: Array<RegexRule & { role: 'recovered' | 'fined' | 'involved' }>;
  year_duration: { before: RegexRule; after: RegexRule };
  ordinal_list: RegexRule;
}

const rules = () => loadRules<QuantityRules>('quantities.json');

/** A hedge word (rules/quantities.json `hedges`): where it stands, and what after it makes it none. */
export interface Hedge {
  word: string;
  where: Array<'before' | 'before_gap' | 'inside' | 'after'>;
  not_followed_by?: string;
  examples: Array<{ text: string; quantity: string }>;
  not_examples?: string[];
}
const hedgesAt = (where: Hedge['where'][number]) => rules().hedges.filter((h) => h.where.includes(where)).map((h) => h.word);
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\%]/g, '\\$&');
const alt = (xs: string[]) => [...xs].sort((a, b) => b.length - a.length).map(esc).join('|');

let compiled: { re: RegExp; kindOf: Map<string, Quantity['kind']>; setTerms: RegExp; gap: RegExp; notAfter: Map<string, RegExp> } | null = null;

export function pattern() {
  if (compiled) return compiled;
  const r = rules();
  const kindOf = new Map<string, Quantity['kind']>();
  for (const [k, us] of Object.entries(r.classifiers)) for (const u of us) kindOf.set(u, k as Quantity['kind']);
  const units = alt([...kindOf.keys()]);
  const cn = '[一二两三四五六七八九十][零〇一二两三四五六七八九十百千]*';
  const re = new RegExp(
    `(?<pre>${alt(hedgesAt('before'))})?` +
      // 1,260.5 (thousands separators, ASCII or full-width after width folding) before plain
      // digits, so the match starts at the 1
      // a number starts a run of digits or numerals, never inside one: each run is tried once,
      // so a run of 64k digits costs linear time, not quadratic
      `(?<num>(?<![\\d.])(?<!\\d[,，])(?:\\d{1,3}(?:[,，]\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)|(?<![零〇一二两三四五六七八九十百千])${cn})` +
      `(?<h1>${alt(hedgesAt('inside'))})?(?<mult>[千万亿]{0,2})(?<h2>${alt(hedgesAt('inside'))})?` +
      `(?<unit>${units})(?<post>${alt(hedgesAt('after'))})?`,
    'g',
  );
  const setTerms = new RegExp(alt(r.set_terms), 'g');
  const gap = new RegExp(`(${alt(hedgesAt('before_gap'))})[\\u4e00-\\u9fff]{1,4}$`);
  const notAfter = new Map(r.hedges.filter((h) => h.not_followed_by).map((h) => [h.word, new RegExp(h.not_followed_by!)]));
  compiled = { re, kindOf, setTerms, gap, notAfter };
  return compiled;
}

/** What a money amount is (recovered, fined, involved), from the words before it in its clause. */
export function moneyRole(before: string): 'recovered' | 'fined' | 'involved' | 'other' {
  const clause = before.split(/[。；;！？\n]/).pop() ?? '';
  for (const r of rules().money_roles) if (rx(r).test(clause)) return r.role;
  return 'other';
}

/** Extract every quantity in text[from, to); spans are offsets into `text`. */
export function extract(text: string, from = 0, to = text.length, onNotANumber?: (text: string, span: [number, number]) => void): Quantity[] {
  const { re, kindOf, setTerms, gap, notAfter } = pattern();
  const endChars = rules().count_end_chars;
  const slice = text.slice(from, to);
  const blocked: Array<[number, number]> = [];
  for (const m of slice.matchAll(setTerms)) blocked.push([m.index!, m.index! + m[0].length]);

  const out: Quantity[] = [];
  re.lastIndex = 0;
  for (const m of slice.matchAll(re)) {
    const g: Record<string, string | undefined> = { ...m.groups };
    let start = m.index!;
    let text0 = m[0];
    // an after-hedge that is the start of a word (上下联动, 以下几个方面) is no hedge: left out of the match
    if (g.post && notAfter.get(g.post)?.test(slice.slice(start + text0.length, start + text0.length + 8))) {
      text0 = text0.slice(0, -g.post.length);
      g.post = undefined;
    }
    const numStart = start + (g.pre?.length ?? 0);
    const prev = slice[numStart - 1];
    const unit = g.unit!;
    const kind = kindOf.get(unit)!;
    const isDigits = /^\d/.test(g.num!);
    // Ordinals and parts of longer tokens: 第3次, ICP备12345678号, 1.2.3, 二〇二四年
    if (prev === '第' || (prev && /[A-Za-z0-9.\-_/]/.test(prev))) continue;
    // …and the later numbers of a list of ordinals (第1、2、4个问题)
    if (rx(rules().ordinal_list).test(slice.slice(Math.max(0, numStart - 40), numStart))) continue;
    if (blocked.some(([s, e]) => numStart < e && start + text0.length > s)) continue;
    // Years and dates: 2024年, 2023年度, 2025年） ; 年 only as a duration of < 100 years.
    if (unit === '年') {
      const next = slice[start + text0.length];
      if (!isDigits && !/^[一二两三四五六七八九十]+$/.test(g.num!)) continue;
      if (g.num!.length >= 4 || next === '月' || next === '度' || next === '份' || next === '底' || next === '初') continue;
      if (isDigits && Number(g.num) >= 100) continue;
      const yd = rules().year_duration;
      const closesSpan = rx(yd.after).test(slice.slice(start + text0.length, start + text0.length + 2));
      const measuresTime = rx(yd.before).test(slice.slice(Math.max(0, numStart - 2), numStart));
      if (!g.pre && !closesSpan && !measuresTime && !g.h1) continue;
    }
    if (!isDigits) {
      // 一项一项落实, 一个一个过: said twice, a manner, not a count
      if (notACount(slice, start, text0)) continue;
      // a numeral inside a short quoted name (“两场联动”, “四议两公开”, “一村一警一法律顾问”) is part of the name
      if (inShortQuote(slice, start, start + text0.length)) continue;
      // The numeral must start a word (统一, 万一 are words) and the phrase must end one (一次性):
      // jieba on a window around the phrase (the context a word boundary depends on)
      const endPos = start + text0.length;
      const w0 = Math.max(0, numStart - 8);
      const bounds = tokenBoundaries(slice.slice(w0, Math.min(slice.length, endPos + 8)));
      // (a hedge may be one word with the numeral: 近三年)
      if (!bounds.has(numStart - w0) && !(g.pre && bounds.has(start - w0))) continue;
      if (!bounds.has(endPos - w0) && !(g.post && bounds.has(endPos - w0 - g.post.length))) continue;
      // The article 一: counted only where the phrase ends (召开会议一次，), not before a noun (一项日常性工作).
      if (g.num === '一' && !g.mult) {
        const next = slice[endPos] ?? '\n';
        if (!endChars.includes(next)) continue;
      }
    }
    // 二期建设, 一期工程, 二期乡村旅游示范项目: a phase, not a count (the follower ends the phrase the phase heads)
    if (unit === '期') {
      const phrase = slice.slice(start + text0.length, start + text0.length + 12).split(/[\s，。；、：,;:]/)[0]!;
      if (rules().phase_followers.some((w) => phrase.includes(w))) continue;
    }
    const n = parseNumber(g.num!.replace(/[,，]/g, '') + (g.mult ?? ''));
    // a run of digits too long to be a number (10^309 and up) is no quantity: said, not kept
    if (n !== null && !Number.isFinite(n)) { onNotANumber?.(text0, [from + start, from + start + text0.length]); continue; }
    if (n === null || (!isDigits && g.mult && !/^[一二两三四五六七八九十]/.test(g.num!))) continue;
    const approx = (g.pre ?? g.h1 ?? g.h2 ?? g.post ?? null) as Quantity['approx'];
    let hedge = approx;
    if (!hedge) {
      const before = slice.slice(Math.max(0, numStart - 8), numStart);
      const gm = gap.exec(before);
      if (gm) hedge = gm[1]!;
    }
    out.push({
      value: round(n),
      unit: kind === 'money' ? '元' : unit,
      kind,
      approx: hedge,
      text: text0,
      span: [from + start, from + start + text0.length],
      rule: `qty.${kind}.${isDigits ? 'digits' : 'cn'}`,
      role: kind === 'money' ? moneyRole(slice.slice(Math.max(0, start - 24), start)) : null,
    });
  }
  return out;
}

/** Is [s, e) inside a quotation of at most 12 characters (a slogan or a name, not a sentence)? */
function inShortQuote(text: string, s: number, e: number): boolean {
  const open = Math.max(text.lastIndexOf('“', s), text.lastIndexOf('"', s));
  if (open < 0 || s - open > 12) return false;
  const between = text.slice(open + 1, s);
  if (/[”"]/.test(between)) return false;
  const m = /[”"]/.exec(text.slice(e, e + 12));
  return m !== null && (m.index + e) - open <= 13;
}
