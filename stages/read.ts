// Stage 1, read: the file's bytes → text as the reader produced it (format sniffed from the
// bytes: txt in any of its encodings, docx, doc, pdf, html), with metadata found outside the text.
import type { Stage } from './stage.js';
import { readBytes } from '../readers/index.js';

export const read: Stage = {
  name: 'read',
  async run(doc, opts) {
    if (!doc.bytes) throw new Error('read: the Doc has no bytes');
    doc.read = await readBytes(doc.bytes, doc.path, opts);
    for (const w of doc.read.warnings ?? []) doc.message({ ruleId: w.id, stage: 'read', severity: 'warning', code: w.code, message: w.message });
    doc.bytes = null; // the text is what the later stages need
  },
};
