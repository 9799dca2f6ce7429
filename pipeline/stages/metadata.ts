// Stage 6, metadata: title, issuer, unit (+ aliases), region, level, team, round, dates,
// contact, published date and doc number; each field traced to the span it came from.
import type { Stage } from './index.js';
import { readMetadata, publishedInText, docNumberInText } from '../../extractors/metadata.js';

export const metadataStage: Stage = {
  name: 'metadata',
  run(doc) {
    const meta = readMetadata(doc, doc.structure!, doc.outside);
    doc.bulletin = { ...meta, published_date: doc.raw.meta.published_date ?? publishedInText(doc.raw.text), doc_number: doc.raw.meta.doc_number ?? docNumberInText(doc.raw.text) ?? docNumberInText(doc.text) };
  },
};
