// Declared totals: what the bulletin says about itself (N个问题, 已完成N个, 完成率N%, 追缴N万元…).
// Searched outside the problems; the first match of the first rule of each key wins.
import { loadRules, expandRe, pattern as vocabPattern, rx, type RegexRule } from '../../core/rules.js';
import { parseNumber, round, notACount, numeralUnit } from '../../core/numerals.js';
import type { TotalHit } from '../../core/results.js';

export type { TotalHit };

interface TotalRule extends RegexRule { key: string; percent?: boolean; money?: boolean; sum?: boolean; reject?: string[]; /** figures of different wording in one sentence add up (诫勉谈话1人，批评教育4人) */ add_in_sentence?: boolean; /** which N holds the value (default: the first) */ group?: number }
interface TotalsRules { rules: TotalRule[]; number: RegexRule; money: RegexRule; candidate: RegexRule; article: RegexRule; breakdown: RegexRule; part: { keys: string[]; before: RegexRule; after: RegexRule }; done_of: { bare: RegexRule; classifier: RegexRule; keys: Record<string, string>; problem_keys: string[] } }
const totalsRules = () => loadRules<TotalsRules>('totals.json');

/**
 * A total rule's regex, global: N in it stands for a number and M for an amount of money
 * (rules/totals.json number and money), each starting a run of digits or numerals, never inside
 * one: each run is tried once per rule, so a long run costs linear time, not quadratic.
 */
export function compileTotal(rule: RegexRule): RegExp {
  const r = totalsRules();
  return new RegExp(expandRe(rule.re).replace(/N/g, expandRe(r.number.re)).replace(/M/g, expandRe(r.money.re)), 'g');
}

let compiled: Array<{ rule: TotalRule; re: RegExp }> | null = null;
/** Every total rule with its regex, in order. */
export function pattern(): Array<{ rule: TotalRule; re: RegExp }> {
  compiled ??= totalsRules().rules.map((rule) => ({ rule, re: compileTotal(rule) }));
  return compiled;
}

const noSeparators = (s: string) => s.replace(vocabPattern('[{{p.comma}}]', 'g'), '');

/**
 * The value a total rule reads from its match: money in yuan (M is four groups: the number, 余/多,
 * 万/亿, 余/多; a rule with M in two alternatives has two such runs), a rate as a fraction (its last
 * group: a rate after a count, 已完成整改问题11个，占84.6%), else the number of its first N (or of the N
 * its `group` names); null where there is none.
 */
export function readTotal(rule: TotalRule, m: RegExpMatchArray): number | null {
  let v: number | null;
  if (rule.money) {
    let k = 1;
    while (k < m.length && m[k] === undefined) k += 4;
    if (k >= m.length) return null;
    v = Number(noSeparators(m[k]!)) * (m[k + 2] ? numeralUnit(m[k + 2]!) ?? 1 : 1);
  } else if (rule.percent) v = Number(noSeparators(m.slice(1).filter((x) => x !== undefined).pop() ?? '')) / 100;
  else v = parseNumber(noSeparators((rule.group ? m[rule.group] : m.slice(1).find((x) => x !== undefined)) ?? ''));
  return v === null || !Number.isFinite(v) ? null : round(v);
}

/** Only sentences with a number before a measure word (or a rate/amount) can declare a total. */
function candidateSentences(pieces: Array<{ text: string; start: number }>): Array<{ text: string; start: number }> {
  const candidate = rx(totalsRules().candidate);
  const out: Array<{ text: string; start: number }> = [];
  for (const p of pieces) {
    let s = 0;
    for (const m of p.text.matchAll(vocabPattern('[{{p.wide_sentence_end}}\\n]', 'g'))) {
      const e = m.index! + 1;
      if (candidate.test(p.text.slice(s, e))) out.push({ text: p.text.slice(s, e), start: p.start + s });
      s = e;
    }
    if (s < p.text.length && candidate.test(p.text.slice(s))) out.push({ text: p.text.slice(s), start: p.start + s });
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
  doneOf(summary, hits);
  totalOfParts(summary, hits);
  return { summary, hits };
}

/**
 * A sum's figure that is the other figures of its key added up (追回…136.52万元 in the summary, 128.76万元 and
 * 7.76万元 where each was recovered) is their total, stated once more: counted once, the parts left out
 * (two parts at least; a figure the same as one other is no total of parts).
 */
function totalOfParts(summary: Record<string, number>, hits: TotalHit[]): void {
  const sums = new Set(pattern().filter(({ rule }) => rule.sum).map(({ rule }) => rule.key));
  for (const key of sums) {
    const of = hits.filter((h) => h.key === key);
    if (of.length < 3) continue;
    const whole = of.find((h) => Math.abs(of.reduce((n, o) => n + (o === h ? 0 : o.value), 0) - h.value) < 0.5);
    if (!whole) continue;
    summary[key] = whole.value;
    for (const o of of) if (o !== whole) hits.splice(hits.indexOf(o), 1);
  }
}

/**
 * A bare done figure (已完成102项) counts what the count stated just before it counts (明确整改任务113项。
 * 截至…，已完成102项: tasks), where the measure word is the same and the bulletin counts its problems too
 * (rules/totals.json done_of): the figure moves to that key's done figure. Only the bulletin's one done
 * figure, and only to a key not stated otherwise.
 */
function doneOf(summary: Record<string, number>, hits: TotalHit[]): void {
  const r = totalsRules().done_of;
  const done = hits.filter((x) => x.key === 'completed');
  const h = done.length === 1 ? done[0]! : null;
  if (!h || !compileTotal(r.bare).test(h.text)) return;
  // the tasks (or measures) are a layer under problems the bulletin counts: else they are its items
  if (!r.problem_keys.some((k) => k in summary)) return;
  const counts = hits.filter((x) => x.index < h.index && (x.key in r.keys || r.problem_keys.includes(x.key))).sort((a, b) => a.index - b.index);
  const last = counts[counts.length - 1];
  const to = last ? r.keys[last.key] : undefined;
  if (!last || !to || to in summary) return;
  const classifier = (t: string) => rx(r.classifier).exec(t)?.[0];
  if (classifier(last.text) !== classifier(h.text)) return;
  summary[to] = summary[h.key]!;
  delete summary[h.key];
  h.key = to;
}

/**
 * A count qualified as a part of a whole (剩余15项整改任务, 3个问题阶段性完成: rules/totals.json part) is no
 * total of a key that counts wholes (problems, tasks, measures…), whatever rule reads it.
 */
function isPart(rule: TotalRule, text: string, at: number, hit: string): boolean {
  const p = totalsRules().part;
  if (!p.keys.includes(rule.key)) return false;
  return rx(p.before).test(text.slice(Math.max(0, at - 8), at)) || rx(p.after).test(text.slice(at + hit.length, at + hit.length + 8));
}

/** The statements one rule reads in the pieces (a breakdown by unit in one sentence left out where others state the key). */
function matchRule(rule: TotalRule, re: RegExp, pieces: Array<{ text: string; start: number }>, taken: Map<number, number>): TotalHit[] {
  const found: TotalHit[] = [];
  for (const piece of pieces) {
    for (const m of piece.text.matchAll(re)) {
      if (rule.reject?.includes(m[0])) continue;
      if (notACount(piece.text, m.index!, m[0])) continue;
      if (isPart(rule, piece.text, m.index!, m[0])) continue;
      // 每一项整改任务, 这一个问题: 一 after a determiner is an article, never a total
      if (rx(totalsRules().article).test(piece.text.slice(Math.max(0, m.index! - 1), m.index! + 3))) continue;
      const v = readTotal(rule, m);
      if (v === null) continue;
      const end = piece.start + m.index! + m[0].length;
      if (taken.has(end) && taken.get(end) === v && !rule.sum) continue;
      found.push({ key: rule.key, value: v, rule: rule.id, index: piece.start + m.index!, text: m[0], sentence: piece.start });
    }
  }
  // one sentence stating a key twice or more:
  // - parts after 其中 (反馈问题8个，其中…问题3个、…问题5个): the figure before them stands;
  // - the same words each time (区财政局收到问题3个…；区住建局收到问题3个…): a breakdown by unit, not the
  //   bulletin's own figure, left out;
  // - different words (诫勉谈话1人，批评教育4人): parts that add up where the key says so, else the first
  // a sum's figures: those of its breakdown after 其中 (追缴资金17.32亿元，其中追缴…14.41亿元、…) are parts of the figure before it
  if (rule.sum && found.length > 1) {
    const textAt = new Map(pieces.map((p) => [p.start, p.text]));
    const parts = rx(totalsRules().breakdown);
    return found.filter((h) => {
      const m = parts.exec(textAt.get(h.sentence!) ?? '');
      return !m || h.index - h.sentence! < m.index || !found.some((o) => o.sentence === h.sentence && o.index - o.sentence! < m.index);
    });
  }
  if (!rule.sum && found.length) {
    const bySentence = new Map<number, TotalHit[]>();
    for (const h of found) bySentence.set(h.sentence!, [...(bySentence.get(h.sentence!) ?? []), h]);
    const textAt = new Map(pieces.map((p) => [p.start, p.text]));
    const parts = rx(totalsRules().breakdown);
    const out: TotalHit[] = [];
    for (const [start, hs] of bySentence) {
      if (hs.length < 2) { out.push(...hs); continue; }
      const m = parts.exec(textAt.get(start) ?? '');
      const before = m ? hs.filter((h) => h.index - start < m.index) : [];
      if (before.length) { out.push(before[before.length - 1]!); continue; }
      const wording = new Set(hs.map((h) => h.text.replace(vocabPattern('[\\d.{{p.comma}}]+', 'g'), '#')));
      if (wording.size === 1) continue;
      if (!rule.add_in_sentence) { out.push(hs[0]!); continue; }
      const last = hs[hs.length - 1]!;
      out.push({ ...hs[0]!, value: round(hs.reduce((n, h) => n + h.value, 0)), text: (textAt.get(start) ?? '').slice(hs[0]!.index - start, last.index - start + last.text.length) });
    }
    return out.sort((a, b) => a.index - b.index);
  }
  return found;
}
