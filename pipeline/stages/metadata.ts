// Stage 6, metadata: title, issuer, unit (+ aliases), region, level, team, round, dates,
// contact, published date and doc number; each field traced to the span it came from.
import type { Stage } from './index.js';
import { readMetadata, publishedInText, docNumberInText } from '../../extractors/metadata.js';
import { toSimplified } from '../normalize.js';

export const metadataStage: Stage = {
  name: 'metadata',
  run(doc) {
    const meta = readMetadata(doc, doc.structure!, doc.outside);
    // the page's own lines (发布时间：…) are read before normalization drops them, in simplified script (發佈時間 is 发布时间)
    const raw = toSimplified(doc.raw.text);
    doc.bulletin = { ...meta, published_date: doc.raw.meta.published_date ?? publishedInText(raw), doc_number: doc.raw.meta.doc_number ?? docNumberInText(raw) ?? docNumberInText(doc.text) };
  },
};
