// Generality on bulletins the rules were not written against: 200 synthetic bulletins with
// varied units, years, numbering, labels, paragraph layout, status fields and punctuation width.
import { describe, it, expect } from 'vitest';
import { extractBytes } from '../stages/extract.js';
import { synthBulletin } from './bench/synth.js';

describe('synthetic bulletins', () => {
  it('every one gives its known problems, categories, statuses, totals and money', async () => {
    const failures: string[] = [];
    for (let seed = 0; seed < 200; seed++) {
      const { text, truth } = synthBulletin(seed);
      const rec = await extractBytes(new TextEncoder().encode(text), `synth-${seed}.txt`);
      const done = rec.issues.filter((i) => i.status === 'completed').length;
      const money = rec.issues.flatMap((i) => i.quantities).filter((q) => q.kind === 'money').reduce((s, q) => s + q.value, 0);
      const got = { unit: rec.bulletin.unit, region: rec.bulletin.region, year: Number(rec.bulletin.inspection_start?.slice(0, 4)), problems: rec.issues.length, categories: rec.categories.length, completed: done, notDone: rec.issues.length - done, money: Math.round(money) };
      const want = { ...truth, money: Math.round(truth.money) };
      if (JSON.stringify(got) !== JSON.stringify(want)) failures.push(`seed ${seed}: want ${JSON.stringify(want)} got ${JSON.stringify(got)}`);
      if (rec.summary.problems !== truth.problems || rec.summary.completed !== truth.completed) failures.push(`seed ${seed}: summary ${JSON.stringify(rec.summary)}`);
      if (rec.warnings.length) failures.push(`seed ${seed}: warnings ${JSON.stringify(rec.warnings.map((w) => w.message))}`);
    }
    expect(failures.slice(0, 10)).toEqual([]);
  }, 60_000);
});
