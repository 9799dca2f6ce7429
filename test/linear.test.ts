// Long runs inside a bulletin cost linear time: a run of 64k digits, Chinese numerals or
// letters in a problem, a measure, the organizational part, the opening or the closing. Every
// regex that can start inside such a run starts only at its beginning (a lookbehind), so a
// failing match is tried once per run, not once per character (quadratic: 5–100 s at 64k).
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractBytes } from '../stages/extract.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const seed = readFileSync(join(root, 'fixtures/yuehe-town-2024/bulletin.txt'), 'utf8');
const PLACES: Array<[string, string]> = [['a problem', '乡村振兴项目推进缓慢'], ['a measure', '对全镇12个产业项目逐一排查'], ['the organizational part', '召开专题会议6次'], ['the opening', '县委第四巡察组对我镇党委'], ['the closing', '欢迎广大干部群众']];
const RUNS: Array<[string, string]> = [['digits', '1'], ['Chinese numerals', '一二三四五六七八九十百千'], ['一', '一'], ['letters', 'a']];

describe('long runs cost linear time', () => {
  for (const [place, anchor] of PLACES) {
    it(`64k-character runs in ${place}`, async () => {
      await extractBytes(new TextEncoder().encode(seed), 'warm.txt');
      for (const [name, run] of RUNS) {
        const text = seed.replace(anchor, anchor + run.repeat(Math.ceil(64000 / run.length)).slice(0, 64000) + '的');
        const t = performance.now();
        const rec = await extractBytes(new TextEncoder().encode(text), 'run.txt');
        const ms = performance.now() - t;
        // linear is ~50 ms here; quadratic was 5–100 s: the bound leaves room for a busy machine
        expect(ms, `${name} in ${place}`).toBeLessThan(4000);
        expect(rec.issues.length).toBe(9);
      }
    }, 60_000);
  }
});
