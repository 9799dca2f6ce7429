// Provenance holds on every fixture and every format: each status phrase lies in its problem's
// span, each bulletin field's span holds the value read from it, each declared total's span
// slices to the statement it was read from (issue 20, item 8: what explain and serve point at is
// where the value came from).
import { describe, it, expect } from 'vitest';
import { extractFile } from '../pipeline/extract.js';
import { fixtureCases } from './fixtures.js';

describe('provenance slices to what it names', () => {
  for (const c of fixtureCases()) {
    for (const input of c.inputs) {
      it(`${c.name}/${input.split('/').pop()}`, async () => {
        const rec = await extractFile(input);
        const bad: string[] = [];
        for (const i of rec.issues) {
          if (i.status_phrase && !rec.text.slice(i.span[0], i.span[1]).includes(i.status_phrase)) bad.push(`issue ${i.number} status phrase ${i.status_phrase}`);
        }
        for (const [k, p] of Object.entries(rec.provenance.bulletin)) {
          if (!p.span) continue;
          const v = (rec.bulletin as Record<string, unknown>)[k];
          const t = rec.text.slice(p.span[0], p.span[1]).replace(/\s/g, '');
          // a name read from the text begins there (dates and codes are written otherwise than stored)
          if (typeof v === 'string' && /^[\u4e00-\u9fff]/.test(v) && !t.includes(v.replace(/\s/g, '').slice(0, 2))) bad.push(`${k} = ${v} from “${t.slice(0, 30)}”`);
        }
        for (const [k, hits] of Object.entries(rec.provenance.summary)) {
          for (const h of hits) if (rec.text.slice(h.span[0], h.span[1]) !== h.text) bad.push(`summary.${k} span does not slice to ${h.text}`);
        }
        expect(bad).toEqual([]);
      }, 30_000);
    }
  }
});
