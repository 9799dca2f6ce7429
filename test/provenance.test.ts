// Provenance holds on every fixture and every format: each status phrase lies in its problem's
// span, each bulletin field's span holds the value read from it, each declared total's span
// slices to the statement it was read from (issue 20, item 8: what explain and serve point at is
// where the value came from).
import { describe, it, expect } from 'vitest';
import { extractFileDoc } from '../stages/extract.js';
import { marksOf } from '../store/marks.js';
import { fixtureCases } from './fixtures.js';

describe('provenance slices to what it names', () => {
  for (const c of fixtureCases()) {
    for (const input of c.inputs) {
      it(`${c.name}/${input.split('/').pop()}`, async () => {
        const doc = await extractFileDoc(input);
        const rec = doc.record!;
        const bad: string[] = [];
        // explain (the traced decision) and serve (the page's marks) point at the one recorded status span
        const decided = doc.decisions().filter((m) => m.decision === 'status');
        const marked = marksOf(rec).filter((m) => m.kind === 'status');
        for (const i of rec.issues) {
          if (!i.status_span) continue;
          const d = decided.find((m) => m.value === i.number);
          if (JSON.stringify(d?.span) !== JSON.stringify(i.status_span)) bad.push(`issue ${i.number}: explain points at ${JSON.stringify(d?.span)}, the record at ${JSON.stringify(i.status_span)}`);
          if (!marked.some((m) => m.start === i.status_span![0] && m.end === i.status_span![1])) bad.push(`issue ${i.number}: serve marks no status at ${JSON.stringify(i.status_span)}`);
        }
        for (const i of rec.issues) {
          // the status phrase is where the record says it was read: in the problem, or in the heading over its group
          if (i.status_phrase && (!i.status_span || rec.text.slice(i.status_span[0], i.status_span[1]) !== i.status_phrase)) bad.push(`issue ${i.number} status phrase ${i.status_phrase} at ${JSON.stringify(i.status_span)}`);
          const within = (sp: [number, number] | null | undefined) => !!sp && !!i.status_span && i.status_span[0] >= sp[0] && i.status_span[1] <= sp[1];
          // (a status given for a group of problems, by the heading over them, by number after them or by the figures over them, is read there)
          if (i.status_phrase && i.status_rule !== 'status.group' && i.status_rule !== 'status.group_lead_figures' && i.status_rule !== 'status.roll' && i.status_rule !== 'status.roll_rest' && i.status_rule !== 'status.by_name' && i.status_rule !== 'status.rest' && !within(i.span) && !within(i.answer_span)) bad.push(`issue ${i.number} status phrase ${i.status_phrase} outside its problem and its answer`);
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
