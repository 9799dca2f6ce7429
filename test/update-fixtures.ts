// `npm run fixtures:update [NAME…]`: after a deliberate rule change, rewrite the compared
// fields of expected.json from the current output of each fixture's bulletin.txt (or its
// first input), printing the field-level diff so the change is reviewed before commit.
// Notes ($note) and known gaps ($known_gaps) are kept.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractFile } from '../stages/extract.js';
import { compareRecord, formatDiff } from './golden.js';
import { fixtureCases } from './fixtures.js';

const only = process.argv.slice(2);
let changed = 0;
for (const c of fixtureCases()) {
  if (only.length && !only.includes(c.name)) continue;
  const input = c.inputs.find((f) => f.endsWith('bulletin.txt')) ?? c.inputs[0];
  if (!input) continue;
  const path = join(c.dir, 'expected.json');
  const old = JSON.parse(readFileSync(path, 'utf8'));
  const rec = await extractFile(input);
  const diff = compareRecord(old, rec);
  if (!diff.length) { console.log(`${c.name}: unchanged`); continue; }
  console.log(formatDiff(c.name, diff));
  const q = (x: { value: number; unit: string; kind: string; approx: string | null }) => ({ value: x.value, unit: x.unit, kind: x.kind, approx: x.approx });
  const next = {
    schema: rec.schema,
    ...(old.$note ? { $note: old.$note } : {}),
    ...(old.$known_gaps ? { $known_gaps: old.$known_gaps } : {}),
    bulletin: Object.fromEntries(Object.keys(old.bulletin ?? rec.bulletin).map((k) => [k, (rec.bulletin as Record<string, unknown>)[k] ?? null])),
    summary: rec.summary,
    categories: rec.categories.map((x) => ({ ordinal: x.ordinal, title: x.title })),
    bulletin_quantities: rec.quantities.map(q),
    issues: rec.issues.map((i) => ({ number: i.number, category: i.category, problem: i.problem, measures: i.measures, outcome: i.outcome, status: i.status, quantities: i.quantities.map(q) })),
  };
  writeFileSync(path, JSON.stringify(next, null, 2) + '\n');
  changed++;
}
console.log(`${changed} expected record(s) rewritten: review \`git diff fixtures/\` before committing`);
