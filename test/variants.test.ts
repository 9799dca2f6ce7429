// Generality: the same bulletin reworded or reformatted must give the same record.
import { describe, it, afterAll } from 'vitest';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { extractBytes } from '../pipeline/extract.js';
import { compareRecord, formatDiff } from './golden.js';
import { FIXTURES } from './fixtures.js';
import { VARIANTS, NOISY, MEASURE_STYLES, toTraditional } from './variants.js';

// every fixture with a text version
const BASES = readdirSync(FIXTURES).filter((f) => existsSync(join(FIXTURES, f, 'bulletin.txt')));
// variants that do not make sense for a fixture (with why): not gaps of the pipeline
const NOT_APPLICABLE: Record<string, string[]> = {
  // their problems are already （1） under groups 1.: renumbering the groups （1） too erases the nesting
  'minzhengju-nested-2023': ['numbering （1）'],
  'henan-renminyiyuan-2023': ['numbering （1）'],
  // its unnumbered problems are known by the 整改情况： label that follows each: without the
  // label (or the line breaks) a problem sentence and its measures paragraph cannot be told apart
  // unnumbered problems (known by the label after them) and unnumbered unit lines: with the
  // line breaks lost nothing in the text marks where they start
  'baokang-xianwei-2023': ['no measures label', 'line breaks lost'],
  'xigong-round3-2023': ['line breaks lost'],
  // YAML front matter is front matter only on lines of its own
  'xuhui-jiaoyuju-2024': ['line breaks lost'],
  // already a PDF's hard-wrapped text layer: wrapping it again at another width is no copy anyone makes
  'xinxiang-shuili-2024': ['hard-wrapped at 33 characters'],
};

/**
 * Variants that erase a boundary no reader can recover: with the line breaks lost, where an
 * outcome ends and a follow-up note begins (通过整改，…。目前此项工作…) is not in the text. The
 * structure (problems, their measure count, status, categories, totals, metadata) is compared;
 * the text of outcomes and measures is not.
 */
const BOUNDARIES_LOST = new Set(['line breaks lost']);
const recoverable = (name: string) => (m: { path: string }) => !BOUNDARIES_LOST.has(name) || !/\.outcome$|\.measures\[\d+\]$/.test(m.path);

/** Variants that change nothing in a fixture test nothing: they are reported once and dropped. */
const unchanged: string[] = [];

describe('variants of the fixtures', () => {
  afterAll(() => {
    if (unchanged.length) console.info(`variants that change nothing, dropped (${unchanged.length}):\n  ${unchanged.join('\n  ')}`);
  });
  for (const base of BASES) {
    const text = readFileSync(join(FIXTURES, base, 'bulletin.txt'), 'utf8').replace(/\r\n/g, '\n');
    const expected = JSON.parse(readFileSync(join(FIXTURES, base, 'expected.json'), 'utf8'));
    it(`${base}: traditional-script mirror`, async () => {
      const rec = await extractBytes(new TextEncoder().encode(await toTraditional(text)), `${base}-tw.txt`);
      const diff = compareRecord(expected, rec).filter((m) => !m.known);
      if (diff.length) throw new Error(formatDiff(`${base} (traditional)`, diff));
    });
    for (const [name, f] of Object.entries({ ...VARIANTS, ...NOISY, ...MEASURE_STYLES })) {
      if (NOT_APPLICABLE[base]?.includes(name)) continue;
      if (f(text) === text) { unchanged.push(`${base}: ${name}`); continue; }
      it(`${base}: ${name}`, async () => {
        const rec = await extractBytes(new TextEncoder().encode(f(text)), `${base}-variant.txt`);
        const diff = compareRecord(expected, rec).filter((m) => !m.known).filter(recoverable(name));
        if (diff.length) throw new Error(formatDiff(`${base} (${name})`, diff));
      });
    }
  }
});
