// `npm run fixtures:gaps NAME…`: for a new fixture whose expected.json was written by hand
// from its text, record what the pipeline misreads today as $known_gaps (path → what it
// got), so the fixture lands with its failing result shown and the golden test stays
// green. Fixing the rules then removes the gaps one by one (`--clear` drops those that
// now pass). The expected values are never touched.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractFile } from '../stages/extract.js';
import { compareRecord } from './golden.js';
import { fixtureCases } from './fixtures.js';

const args = process.argv.slice(2);
const clear = args.includes('--clear');
const names = args.filter((a) => !a.startsWith('--'));
for (const c of fixtureCases()) {
  if (names.length && !names.includes(c.name)) continue;
  const path = join(c.dir, 'expected.json');
  const exp = JSON.parse(readFileSync(path, 'utf8'));
  const old: Record<string, string> = exp.$known_gaps ?? {};
  delete exp.$known_gaps;
  const gaps: Record<string, string> = {};
  for (const input of c.inputs) {
    const rec = await extractFile(input);
    for (const d of compareRecord(exp, rec)) {
      if (clear && !(d.path in old)) continue; // --clear never adds a gap
      gaps[d.path] ??= old[d.path] ?? `misread (${input.slice(c.dir.length + 1)}): got ${JSON.stringify(d.got)}`.slice(0, 240);
    }
  }
  const { schema, $note, ...rest } = exp;
  writeFileSync(path, JSON.stringify({ schema, $note, ...(Object.keys(gaps).length ? { $known_gaps: gaps } : {}), ...rest }, null, 1) + '\n');
  console.log(`${c.name}: ${Object.keys(gaps).length} known gap(s)${clear ? ` (was ${Object.keys(old).length})` : ''}`);
}
