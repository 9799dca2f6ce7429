// Generality: the same bulletin reworded or reformatted must give the same record.
import { describe, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractBytes } from '../pipeline/extract.js';
import { compareRecord, formatDiff } from './golden.js';
import { FIXTURES } from './fixtures.js';
import { VARIANTS, NOISY, MEASURE_STYLES, toTraditional } from './variants.js';

const BASES = ['xinye-kexie-2024', 'nanyang-weijianwei-2024', 'xixia-wenlv-2024'];

describe('variants of the fixtures', () => {
  for (const base of BASES) {
    const text = readFileSync(join(FIXTURES, base, 'bulletin.txt'), 'utf8').replace(/\r\n/g, '\n');
    const expected = JSON.parse(readFileSync(join(FIXTURES, base, 'expected.json'), 'utf8'));
    it(`${base}: traditional-script mirror`, async () => {
      const rec = await extractBytes(new TextEncoder().encode(await toTraditional(text)), `${base}-tw.txt`);
      const diff = compareRecord(expected, rec).filter((m) => !m.known);
      if (diff.length) throw new Error(formatDiff(`${base} (traditional)`, diff));
    });
    for (const [name, f] of Object.entries({ ...VARIANTS, ...NOISY, ...MEASURE_STYLES })) {
      it(`${base}: ${name}`, async () => {
        const rec = await extractBytes(new TextEncoder().encode(f(text)), `${base}-variant.txt`);
        const diff = compareRecord(expected, rec).filter((m) => !m.known);
        if (diff.length) throw new Error(formatDiff(`${base} (${name})`, diff));
      });
    }
  }
});
