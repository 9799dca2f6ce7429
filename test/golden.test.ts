// Golden fixtures: every fixtures/*/bulletin.* against its hand-checked expected.json,
// field by field. A mismatch prints the field path, the expected and the got value.
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { extractFile } from '../stages/extract.js';
import { compareRecord, formatDiff } from './golden.js';
import { fixtureCases, FIXTURES } from './fixtures.js';

const cases = fixtureCases();

describe('golden fixtures', () => {
  it('finds the fixtures', () => {
    expect(cases.length).toBeGreaterThanOrEqual(5);
  });
  it('every fixture folder has its expected record and an input', () => {
    const dirs = readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(dirs.filter((d) => !existsSync(join(FIXTURES, d, 'expected.json')))).toEqual([]);
    expect(cases.filter((c) => !c.inputs.length).map((c) => c.name)).toEqual([]);
  });
  for (const c of cases) {
    const expected = JSON.parse(readFileSync(join(c.dir, 'expected.json'), 'utf8'));
    for (const input of c.inputs) {
      it(relative(FIXTURES, input), async () => {
        const rec = await extractFile(input);
        const diff = compareRecord(expected, rec).filter((m) => !m.known);
        if (diff.length) throw new Error(formatDiff(relative(FIXTURES, input), diff));
      }, 30_000);
    }
  }
});
