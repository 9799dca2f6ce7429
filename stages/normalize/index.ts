// Stage 2, normalize: the reader's text → the normalized text every span points into, and
// its paragraphs (normalize.ts runs the steps in order: characters.ts width folding and
// punctuation, lines.ts page and web chrome, run-on.ts run-on lines, wraps.ts hard wraps…).
import type { Stage } from '../stage.js';
import { normalize } from './normalize.js';
import { paragraphsOf } from '../../core/doc.js';
import { alignBlocks, hardLines } from '../../core/blocks.js';
import { mojibakeScore } from '../../readers/decode.js';
import { checkOf } from '../../core/checks.js';

export const normalizeStage: Stage = {
  name: 'normalize',
  run(doc) {
    doc.text = normalize(doc.raw.text, () => hardLines(doc.raw.blocks ?? [], normalize));
    doc.paragraphs = paragraphsOf(doc.text);
    doc.blocks = alignBlocks(doc.raw.blocks ?? [], doc.paragraphs, normalize);
    if (mojibakeScore(doc.text) > 0.7) {
      const c = checkOf('mojibake');
      doc.message({ ruleId: c.id, stage: 'normalize', severity: 'warning', code: c.code, message: 'the text looks like mojibake (UTF-8 read as GBK and saved again?)' });
    }
  },
};
