// Several problems in one paragraph, each given a line of its own: problems named and answered
// one after another, and a category's problems stated as a series and answered by number; and a
// problem written on one line of fields, each field given a line of its own.
import { pattern, punct, rx } from '../../core/rules.js';
import { structureRules } from '../../core/vocabulary.js';
import { layout } from './normalize-rules.js';

/**
 * Several problems in one paragraph, each named and answered (针对“A”问题，一是…。针对B的问题，…):
 * in a paragraph that starts with a problem so named, each later one starts a paragraph.
 */
export function splitProblemLeads(lines: string[]): string[] {
  const lead = rx(structureRules().problem_lead);
  const next = rx(layout().run_on.problem_lead, 'g');
  return lines.flatMap((l) => {
    if (l.length < 60 || !lead.test(l)) return [l];
    const cuts = [...l.matchAll(next)].map((m) => m.index!);
    if (!cuts.length) return [l];
    return [0, ...cuts].map((c, k) => l.slice(c, cuts[k] ?? l.length).trim()).filter(Boolean);
  });
}

/**
 * A category's problems stated as a series in one paragraph (存在问题：一是X；二是Y。) and answered by
 * their number in the next (整改情况：针对问题一，…；针对问题二，…): each item and each answer a line.
 */
export function splitProblemLists(lines: string[]): string[] {
  const list = rx(structureRules().problem_list);
  const item = rx(layout().run_on.series_item, 'g');
  const answer = rx(layout().run_on.answer_item, 'g');
  const cut = (l: string, re: RegExp) => {
    const at = [...l.matchAll(re)].map((m) => m.index! + m[0].length).filter((i) => i > 0 && i < l.length);
    return at.length ? [0, ...at].map((c, k) => l.slice(c, at[k] ?? l.length).trim()).filter(Boolean) : [l];
  };
  let inList = false;
  // a run-in heading before the list, in one paragraph ((一)关于X方面。巡视指出：一是…；二是…): the heading a line of its own
  const stop = punct('full_stop');
  const runIn = (l: string): number => {
    for (let k = 0; k < Math.min(l.length, 80); k++) if (stop.includes(l[k]!) && list.test(l.slice(k + 1).trimStart())) return k + 1;
    return -1;
  };
  return lines.flatMap((l) => {
    const at = list.test(l) ? -1 : runIn(l);
    if (at > 0) { inList = true; return [l.slice(0, at), ...cut(l.slice(at).trimStart(), item)]; }
    if (list.test(l)) { inList = true; return cut(l, item); }
    if (inList && [...l.matchAll(answer)].length + (rx(structureRules().answer_item).test(l) ? 1 : 0) >= 2) { inList = false; return cut(l, answer); }
    inList = false;
    return [l];
  });
}

/**
 * A problem written on one line of fields (1.问题：X；整改措施：①…；责任单位：…；整改状态：已完成,
 * or with | between them): a line with two field separators or more is cut before each field, a
 * ； staying with the words before it and a bar going.
 */
export function splitInlineFields(lines: string[]): string[] {
  const re = rx(layout().normalize.inline_field);
  const semicolon = pattern('^\\s*[{{p.semicolon}}]');
  return lines.flatMap((l) => {
    const cuts = [...l.matchAll(re)];
    if (cuts.length < 2) return [l];
    const out: string[] = [];
    let at = 0;
    for (const m of cuts) {
      const sep = semicolon.test(m[0]) ? m[0].trim() : '';
      out.push(l.slice(at, m.index!).trim() + sep);
      at = m.index! + m[0].length;
    }
    out.push(l.slice(at).trim());
    return out.filter(Boolean);
  });
}
