// Stage 6, metadata: title, issuer, unit (+ aliases), region, level, team, round, dates,
// contact, published date and doc number; each field traced to the span it came from.
import type { Stage } from '../stage.js';
import { readMetadata, publishedInText, docNumberInText } from './metadata.js';
import { issuedInText } from './page.js';
import { toSimplified } from '../normalize/normalize.js';
import { placeOf, gazetteerRule } from './gazetteer.js';
import type { Level } from '../../core/record.js';

const LEVEL_OF_KIND: Record<string, Level> = { province: 'provincial', city: 'municipal', county: 'county' };

export const metadataStage: Stage = {
  name: 'metadata',
  run(doc) {
    // the page's own lines (发布时间：…) are read before normalization drops them, in simplified script (發佈時間 is 发布时间)
    const raw = toSimplified(doc.raw.text);
    // (else a printed document's 版记: …2023年11月22日印发 at its end)
    const published = doc.raw.meta.published_date ?? publishedInText(raw) ?? issuedInText(raw);
    const meta = readMetadata(doc, doc.structure!, doc.outside, published);
    // the region's place in the national gazetteer: from the unit, else its region, issuer, title,
    // the publisher a page names, the opening (a unit whose title leaves its area out: 县科协)
    const opening = doc.structure!.opening.map((p) => p.text).join('');
    const place = meta.level === 'central' ? null : placeOf([meta.unit, meta.region, meta.issuer, meta.title, doc.raw.meta.publisher, opening]);
    if (place) {
      meta.region_code = place.code;
      meta.region_path = place.path;
      const name = place.path.township ?? place.division.name;
      meta.region ??= name;
      meta.level ??= place.path.township ? 'township' : LEVEL_OF_KIND[place.division.kind]!;
      // a city the gazetteer lists as a county (林州市, 巩义市: county-level cities) is a county's rank
      if (meta.level === 'municipal' && place.division.kind === 'county' && meta.region === place.division.name) meta.level = 'county';
      const at = doc.text.indexOf(place.division.name);
      meta.provenance.region_code = { rule: gazetteerRule(), span: at >= 0 && at < 4000 ? [at, at + place.division.name.length] : null };
    } else {
      meta.region_code = null;
      meta.region_path = null;
    }
    doc.bulletin = { ...meta, published_date: published, doc_number: doc.raw.meta.doc_number ?? docNumberInText(raw) ?? docNumberInText(doc.text) };
  },
};
