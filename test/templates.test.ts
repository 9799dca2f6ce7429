// Generality across structure: five templates that lay a bulletin out differently (labelled
// blocks, three levels, run-in problems, unnumbered problems before their measures, bare labels
// numbered again per 第N方面 with totals after the list), 40 bulletins each, with vocabulary
// of their own; every problem's exact status, category and measure count is checked.
import { describe, it, expect } from 'vitest';
import { extractBytes } from '../stages/extract.js';
import { TEMPLATES, templateBulletin } from './bench/templates.js';

describe('synthetic bulletins in five structural templates', () => {
  for (const t of TEMPLATES) {
    it(`${t}: 40 bulletins give their exact problems, statuses, categories and totals`, async () => {
      const failures: string[] = [];
      for (let seed = 0; seed < 40; seed++) {
        const { text, truth } = templateBulletin(t, seed);
        const rec = await extractBytes(new TextEncoder().encode(text), `${t}-${seed}.txt`);
        const got = {
          unit: rec.bulletin.unit, region: rec.bulletin.region, level: rec.bulletin.level, team: rec.bulletin.team,
          categories: rec.categories.map((c) => c.title),
          issues: rec.issues.map((i) => ({ number: i.number, category: i.category, problem: i.problem, measures: i.measures.length, status: i.status })),
          summary: { problems: rec.summary.problems, completed: rec.summary.completed },
        };
        const want = { unit: truth.unit, region: truth.region, level: truth.level, team: truth.team, categories: truth.categories, issues: truth.issues, summary: truth.summary };
        if (JSON.stringify(got) !== JSON.stringify(want)) {
          const bad = want.issues.find((w, k) => JSON.stringify(w) !== JSON.stringify(got.issues[k]));
          const where = Object.keys(want).filter((k) => JSON.stringify((want as Record<string, unknown>)[k]) !== JSON.stringify((got as Record<string, unknown>)[k]));
          failures.push(`seed ${seed} (${where.join(', ')}): ${bad ? `want ${JSON.stringify(bad)} got ${JSON.stringify(got.issues[want.issues.indexOf(bad)] ?? null)}` : `want ${JSON.stringify(where.map((k) => (want as Record<string, unknown>)[k]))} got ${JSON.stringify(where.map((k) => (got as Record<string, unknown>)[k]))}`}`);
        }
        const warnings = rec.warnings.filter((w) => w.code !== 'status_unknown');
        if (warnings.length) failures.push(`seed ${seed}: warnings ${JSON.stringify(warnings.map((w) => w.message))}`);
      }
      expect(failures.slice(0, 6)).toEqual([]);
    }, 60_000);
  }
});
