// Declared totals: what the bulletin says about itself (N个问题, 已完成N个, 完成率N%, 追缴N万元…).
// Searched outside the problems; the first match of the first rule of each key wins.
import { loadRules } from '../../core/rules.js';
import { expandRe, rx, type RegexRule } from '../../core/rules.js';

const articleRule = () => loadRules<{ article: RegexRule }>('totals.json').article;
import { parseNumber, round, notACount } from '../../core/numerals.js';

interface TotalRule extends RegexRule { key: string; percent?: boolean; money?: boolean; sum?: boolean; reject?: string[]; /** figures of different wording in one sentence add up (诫勉谈话1人，批评教育4人) */ add_in_sentence?: boolean; /** which N holds the value (default: the first) */ group?: number }

// digits may carry thousands separators (1,260.5万元)
const D = '\\d{1,3}(?:[,，]\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?';
// a number starts a run of digits or numerals, never inside one: each run is tried once per
// rule, so a long run costs linear time, not quadratic
const N = `((?<![\\d.])(?<!\\d[,，])(?:${D})|(?<![零〇一二两三四五六七八九十百千])[零〇一二两三四五六七八九十百千]+)`;
const M = `((?<![\\d.])(?<!\\d[,，])(?:${D}))(余|多)?([万亿])?(余|多)?元`;

let compiled: Array<{ rule: TotalRule; re: RegExp }> | null = null;
const breakdownRule = () => loadRules<{ breakdown: RegexRule }>('totals.json').breakdown;
export function pattern() {
  compiled ??= loadRules<{ rules: TotalRule[] }>('totals.json').rules.map((rule) => ({
    rule,
    re: new RegExp(expandRe(rule.re).replace(/N/g, N).replace(/M/g, M), 'g'),
  }));
  return compiled;
}

export type { TotalHit } from '../../core/results.js';
import type { TotalHit } from '../../core/results.js';

/** Declared totals in the given text pieces (each with its offset in the document). */
// Only sentences with a number before a measure word (or a rate/amount) can declare a total.
const CANDIDATE = /[\d零〇一二两三四五六七八九十百千]\s*(?:个|项|条|次|人|名|件|期|家|大项|类|方面|子项|%|万|亿|元|场)/;

function candidateSentences(pieces: Array<{ text: string; start: number }>): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  for (const p of pieces) {
    let s = 0;
    for (const m of p.text.matchAll(/[。！？\n]/g)) {
      const e = m.index! + 1;
      if (CANDIDATE.test(p.text.slice(s, e))) out.push({ text: p.text.slice(s, e), start: p.start + s });
      s = e;
    }
    if (s < p.text.length && CANDIDATE.test(p.text.slice(s))) out.push({ text: p.text.slice(s), start: p.start + s });
  }
  return out;
}

/**
 * @param front where given, tells whether an offset lies outside the parts that hold the problems
 * (the opening, organizational parts, the closing): a key stated there wins over the same key
 * stated inside them (a round's per-unit counts, a category's own count).
 * @param keys where given, only these keys are read (the segmenter's evidence needs three)
 */
export function extractTotals(all: Array<{ text: string; start: number }>, front?: (offset: number) => boolean, keys?: ReadonlySet<string>): { summary: Record<string, number>; hits: TotalHit[] } {
  const pieces = candidateSentences(all);
  const summary: Record<string, number> = {};
  const hits: TotalHit[] = [];
  const decided = new Set<string>();
  // where each kept hit ends, with its value: the same number is one key's, not two (正在整改和需长期坚持的2个
  // is the open problems, read by total.open_combined before total.long_term could take its 长期坚持的2个)
  const taken = new Map<number, number>();
  // The bulletin's own figures are stated before its problems (the opening, an organizational part,
  // the lead of the problems part): a key stated there is read there first, by any of its rules, and
  // only a key stated nowhere there is read from the rest (a round's per-unit counts, a problem's
  // 移交的6条问题线索). Sums (money) add up every statement.
  const passes = front ? [{ pieces: pieces.filter((p) => front(p.start)), sums: false }, { pieces, sums: true }] : [{ pieces, sums: true }];
  for (const pass of passes) {
    for (const { rule, re } of pattern()) {
      if (rule.sum ? !pass.sums : decided.has(rule.key)) continue;
      if (keys && !keys.has(rule.key)) continue;
      const found = matchRule(rule, re, pass.pieces, taken);
      if (!found.length) continue;
      for (const h of found) { delete h.sentence; if (!rule.sum) taken.set(h.index + h.text.length, h.value); }
      hits.push(...found);
      if (rule.sum) summary[rule.key] = round((summary[rule.key] ?? 0) + found.reduce((s, h) => s + h.value, 0));
      else {
        // several statements of one key (反馈…31个具体问题 twice): the last is the up-to-date one
        summary[rule.key] = found[found.length - 1]!.value;
        decided.add(rule.key);
      }
    }
  }
  return { summary, hits };
}

/** The statements one rule reads in the pieces (a breakdown by unit in one sentence left out where others state the key). */
function matchRule(rule: TotalRule, re: RegExp, pieces: Array<{ text: string; start: number }>, taken: Map<number, number>): TotalHit[] {
  const found: TotalHit[] = [];
  for (const piece of pieces) {
    for (const m of piece.text.matchAll(re)) {
      if (rule.reject?.includes(m[0])) continue;
      if (notACount(piece.text, m.index!, m[0])) continue;
      // 每一项整改任务, 这一个问题: 一 after a determiner is an article, never a total
      if (rx(articleRule()).test(piece.text.slice(Math.max(0, m.index! - 1), m.index! + 3))) continue;
      let v: number | null;
      if (rule.money) {
        // M is four groups (number, 余/多, 万/亿, 余/多); a rule with M in two alternatives has two such runs
        let k = 1;
        while (k < m.length && m[k] === undefined) k += 4;
        if (k >= m.length) continue;
        v = Number(m[k]!.replace(/[,，]/g, '')) * (m[k + 2] === '万' ? 1e4 : m[k + 2] === '亿' ? 1e8 : 1);
      } else if (rule.percent) {
        v = Number(m[1]!.replace(/[,，]/g, '')) / 100;
      } else {
        v = parseNumber(((rule.group ? m[rule.group] : m.slice(1).find((x) => x !== undefined)) ?? '').replace(/[,，]/g, ''));
      }
      if (v === null || !Number.isFinite(v)) continue;
      const end = piece.start + m.index! + m[0].length;
      if (taken.has(end) && taken.get(end) === round(v) && !rule.sum) continue;
      found.push({ key: rule.key, value: round(v), rule: rule.id, index: piece.start + m.index!, text: m[0], sentence: piece.start });
    }
  }
  // one sentence stating a key twice or more:
  // - parts after 其中 (反馈问题8个，其中…问题3个、…问题5个): the figure before them stands;
  // - the same words each time (区财政局收到问题3个…；区住建局收到问题3个…): a breakdown by unit, not the
  //   bulletin's own figure, left out;
  // - different words (诫勉谈话1人，批评教育4人): parts that add up where the key says so, else the first
  if (!rule.sum && found.length) {
    const bySentence = new Map<number, TotalHit[]>();
    for (const h of found) bySentence.set(h.sentence!, [...(bySentence.get(h.sentence!) ?? []), h]);
    const textAt = new Map(pieces.map((p) => [p.start, p.text]));
    const parts = rx(breakdownRule());
    const out: TotalHit[] = [];
    for (const [start, hs] of bySentence) {
      if (hs.length < 2) { out.push(...hs); continue; }
      const m = parts.exec(textAt.get(start) ?? '');
      const before = m ? hs.filter((h) => h.index - start < m.index) : [];
      if (before.length) { out.push(before[before.length - 1]!); continue; }
      const wording = new Set(hs.map((h) => h.text.replace(/[\d.,，]+/g, '#')));
      if (wording.size === 1) continue;
      if (!rule.add_in_sentence) { out.push(hs[0]!); continue; }
      const last = hs[hs.length - 1]!;
      out.push({ ...hs[0]!, value: round(hs.reduce((n, h) => n + h.value, 0)), text: (textAt.get(start) ?? '').slice(hs[0]!.index - start, last.index - start + last.text.length) });
    }
    return out.sort((a, b) => a.index - b.index);
  }
  return found;
}
