// Recurring problems: the same problem stated again in another bulletin (a unit's page lists them).
import { pattern } from '../../core/rules.js';

/**
 * Groups of problems in different bulletins that say the same thing: their first clauses (a
 * problem's own heading, before the first ，。；) share at least 60% of the shorter one's
 * two-character pieces (三会一课制度落实不严格 / 三会一课制度执行不严格; 党费收缴不及时 / 党费收缴不规范).
 */
export function recurringProblems<T extends { bulletin_id: number; problem: string }>(problems: T[]): T[][] {
  const pieces = problems.map((p) => {
    const head = (p.problem.split(pattern('[{{p.comma}}{{p.full_stop}}{{p.semicolon}}]'))[0] ?? '').replace(pattern('[\\s{{p.curly_quotes}}\'"{{p.open_paren}}{{p.close_paren}}{{p.enum_comma}}{{p.colon}}]', 'g'), '');
    const set = new Set<string>();
    for (let i = 0; i + 2 <= head.length; i++) set.add(head.slice(i, i + 2));
    return set;
  });
  const parent = problems.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < problems.length; i++) {
    for (let j = i + 1; j < problems.length; j++) {
      if (problems[i]!.bulletin_id === problems[j]!.bulletin_id) continue;
      const a = pieces[i]!;
      const b = pieces[j]!;
      if (a.size < 4 || b.size < 4) continue;
      let shared = 0;
      for (const x of a) if (b.has(x)) shared++;
      if (shared / Math.min(a.size, b.size) >= 0.6) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, T[]>();
  problems.forEach((p, i) => { const r = find(i); groups.set(r, [...(groups.get(r) ?? []), p]); });
  return [...groups.values()].filter((g) => new Set(g.map((p) => p.bulletin_id)).size > 1);
}
