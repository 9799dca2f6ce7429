// Quantities: numbers with measure words, money normalized to yuan, hedges kept.
// pattern() builds one regex from rules/quantities.json; extract() reads matches
// and refuses years, ordinals, set terms and the article 一 (see rules file).
import { rx, pattern as vocabPattern, expandRe, punct, type RegexRule } from '../../core/rules.js';
import { loadRules } from '../../core/rules.js';
import { parseNumber, parseChineseNumeral, round, notACount } from '../../core/numerals.js';
import { tokenBoundaries } from '../../core/tokens.js';
import type { Quantity } from '../../core/record.js';

interface QuantityRules {
  classifiers: Record<'count' | 'duration' | 'money' | 'percent', string[]>;
  hedges: Hedge[];
  set_terms: string[];
  count_end_chars: string;
  phase: { unit: string; followers: string[] };
  money_roles: Array<RegexRule & { role: 'recovered' | 'fined' | 'involved' }>;
  year_duration: { unit: string; before: RegexRule; after: RegexRule; date_after: RegexRule };
  ordinal_list: RegexRule;
  token_before: RegexRule;
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
  const re = new RegExp(
    `(?<pre>${alt(hedgesAt('before'))})?` +
      // 1,260.5 (thousands separators, ASCII or full-width after width folding) before plain
      // digits, so the match starts at the 1
      // a number starts a run of digits or numerals, never inside one: each run is tried once,
      // so a run of 64k digits costs linear time, not quadratic
      expandRe('(?<num>(?<![\\d.])(?<!\\d[{{p.comma}}])(?:\\d{1,3}(?:[{{p.comma}}]\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)|(?<![{{n.numeral}}])[{{n.lead}}][{{n.numeral}}]*)') +
      `(?<h1>${alt(hedgesAt('inside'))})?` + expandRe('(?<mult>[{{n.multiplier}}]{0,2})') + `(?<h2>${alt(hedgesAt('inside'))})?` +
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
  const clause = before.split(vocabPattern('[{{p.wide_sentence_end}}{{p.semicolon}}\\n]')).pop() ?? '';
  for (const r of rules().money_roles) if (rx(r).test(clause)) return r.role;
  return 'other';
}

/** A match of the quantity regex as read: its groups, where it starts, its words (an after-hedge that starts a word left out). */
interface Match { g: Record<string, string | undefined>; start: number; text: string; numStart: number; isDigits: boolean }

function readMatch(m: RegExpMatchArray, slice: string, notAfter: Map<string, RegExp>): Match {
  const g: Record<string, string | undefined> = { ...m.groups };
  const start = m.index!;
  let text = m[0];
  // an after-hedge that is the start of a word (上下联动, 以下几个方面) is no hedge: left out of the match
  if (g.post && notAfter.get(g.post)?.test(slice.slice(start + text.length, start + text.length + 8))) {
    text = text.slice(0, -g.post.length);
    g.post = undefined;
  }
  return { g, start, text, numStart: start + (g.pre?.length ?? 0), isDigits: /^\d/.test(g.num!) };
}

/** 2024年, 2023年度, 2025年） are years: 年 is a duration only of under 100 years and in context (连续3年, 3年来, 近3年). */
function isYear(q: Match, slice: string): boolean {
  const { g, start, text, numStart, isDigits } = q;
  const yd = rules().year_duration;
  if (!isDigits && !vocabPattern('^[{{n.lead}}]+$').test(g.num!)) return true;
  if (g.num!.length >= 4 || rx(yd.date_after).test(slice.slice(start + text.length, start + text.length + 1))) return true;
  if (isDigits && Number(g.num) >= 100) return true;
  const closesSpan = rx(yd.after).test(slice.slice(start + text.length, start + text.length + 2));
  const measuresTime = rx(yd.before).test(slice.slice(Math.max(0, numStart - 2), numStart));
  return !g.pre && !closesSpan && !measuresTime && !g.h1;
}

/** A number in Chinese numerals that is no count: said twice, inside a short quoted name, not a word of its own, or the article 一. */
function numeralNoCount(q: Match, slice: string, endChars: string): boolean {
  const { g, start, text, numStart } = q;
  // 一项一项落实, 一个一个过: said twice, a manner, not a count
  if (notACount(slice, start, text)) return true;
  // a numeral inside a short quoted name (“两场联动”, “四议两公开”, “一村一警一法律顾问”) is part of the name
  if (inShortQuote(slice, start, start + text.length)) return true;
  // The numeral must start a word (统一, 万一 are words) and the phrase must end one (一次性):
  // jieba on a window around the phrase (the context a word boundary depends on)
  const endPos = start + text.length;
  const w0 = Math.max(0, numStart - 8);
  const bounds = tokenBoundaries(slice.slice(w0, Math.min(slice.length, endPos + 8)));
  // (a hedge may be one word with the numeral: 近三年)
  if (!bounds.has(numStart - w0) && !(g.pre && bounds.has(start - w0))) return true;
  if (!bounds.has(endPos - w0) && !(g.post && bounds.has(endPos - w0 - g.post.length))) return true;
  // The article 一: counted only where the phrase ends (召开会议一次，), not before a noun (一项日常性工作).
  return g.num!.length === 1 && parseChineseNumeral(g.num!) === 1 && !g.mult && !endChars.includes(slice[endPos] ?? '\n');
}

/** Is the match no quantity: an ordinal, part of a longer token, a set term, a year, a numeral that is no count, a phase? */
function noQuantity(q: Match, slice: string, blocked: Array<[number, number]>): boolean {
  const r = rules();
  const { g, start, text, numStart } = q;
  // Ordinals and parts of longer tokens: 第3次, ICP备12345678号, 1.2.3, 二〇二四年
  if (rx(r.token_before).test(slice.slice(Math.max(0, numStart - 1), numStart))) return true;
  // …and the later numbers of a list of ordinals (第1、2、4个问题)
  if (rx(r.ordinal_list).test(slice.slice(Math.max(0, numStart - 40), numStart))) return true;
  if (blocked.some(([s, e]) => numStart < e && start + text.length > s)) return true;
  if (g.unit === r.year_duration.unit && isYear(q, slice)) return true;
  if (!q.isDigits && numeralNoCount(q, slice, r.count_end_chars)) return true;
  // 二期建设, 一期工程, 二期乡村旅游示范项目: a phase, not a count (the follower ends the phrase the phase heads)
  if (g.unit === r.phase.unit) {
    const phrase = slice.slice(start + text.length, start + text.length + 12).split(vocabPattern('[\\s{{p.comma}}{{p.full_stop}}{{p.semicolon}}{{p.enum_comma}}{{p.colon}}]'))[0]!;
    if (r.phase.followers.some((w) => phrase.includes(w))) return true;
  }
  return false;
}

/** Extract every quantity in text[from, to); spans are offsets into `text`. */
export function extract(text: string, from = 0, to = text.length, onNotANumber?: (text: string, span: [number, number]) => void): Quantity[] {
  const { re, kindOf, setTerms, gap, notAfter } = pattern();
  const slice = text.slice(from, to);
  const blocked: Array<[number, number]> = [];
  for (const m of slice.matchAll(setTerms)) blocked.push([m.index!, m.index! + m[0].length]);
  const out: Quantity[] = [];
  re.lastIndex = 0;
  for (const m of slice.matchAll(re)) {
    const q = readMatch(m, slice, notAfter);
    if (noQuantity(q, slice, blocked)) continue;
    const { g, start, text: text0, numStart, isDigits } = q;
    const kind = kindOf.get(g.unit!)!;
    const n = parseNumber(g.num!.replace(vocabPattern('[{{p.comma}}]', 'g'), '') + (g.mult ?? ''));
    // a run of digits too long to be a number (10^309 and up) is no quantity: said, not kept
    if (n !== null && !Number.isFinite(n)) { onNotANumber?.(text0, [from + start, from + start + text0.length]); continue; }
    if (n === null || (!isDigits && g.mult && !vocabPattern('^[{{n.lead}}]').test(g.num!))) continue;
    const approx = (g.pre ?? g.h1 ?? g.h2 ?? g.post ?? null) as Quantity['approx'];
    out.push({
      value: round(n),
      // money is kept in yuan (万元, 亿元 read as 元): the money classifier
      unit: kind === 'money' ? rules().classifiers.money[0]! : g.unit!,
      kind,
      approx: approx ?? (gap.exec(slice.slice(Math.max(0, numStart - 8), numStart))?.[1] as Quantity['approx'] | undefined) ?? null,
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
  const open = Math.max(...[...punct('double_open_quote')].map((q) => text.lastIndexOf(q, s)));
  if (open < 0 || s - open > 12) return false;
  const close = vocabPattern('[{{p.double_close_quote}}]');
  if (close.test(text.slice(open + 1, s))) return false;
  const m = close.exec(text.slice(e, e + 12));
  return m !== null && (m.index + e) - open <= 13;
}
