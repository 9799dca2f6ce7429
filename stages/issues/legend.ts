// Statuses given by marks a legend explains: a 问题清单 whose problems are led by a mark
// (★1.X ☆2.X ▲10.X, or unnumbered ★X) and a line saying what each mark means (说明：标注“★”的为
// 已完成整改的问题，标注“☆”的为正在整改的问题…). The problem's own words may say nothing of its
// status: the mark, read through the legend, is its status.
import { rx } from '../../core/rules.js';
import { statusRules, phraseStatus, structureRules } from '../../core/vocabulary.js';
import type { Paragraph } from '../../core/doc.js';
import type { Status } from '../../core/record.js';
import type { ProblemBlock } from '../../core/segmentation.js';

const rules = statusRules;

export interface LegendEntry { status: Status; meaning: string }

/** A legend is a line, not a paragraph of prose. */
const LEGEND_LENGTH = 240;

/**
 * The marks a paragraph explains, each with the status its words give it: the words from after
 * the mark to the next mark's quote. Two marks or more with a status each, or one in a line
 * labelled as a legend (说明：/注：); else none.
 */
export function legendIn(text: string): Map<string, LegendEntry> {
  const out = new Map<string, LegendEntry>();
  if (text.length > LEGEND_LENGTH) return out;
  const marks = [...text.matchAll(rx(rules().legend_mark, 'g'))].filter((m) => m[1]);
  marks.forEach((m, k) => {
    const end = k + 1 < marks.length ? marks[k + 1]!.index! : text.length;
    const meaning = text.slice(m.index! + m[0].length, end);
    const said = phraseStatus(meaning);
    if (said && !out.has(m[1]!)) out.set(m[1]!, { status: said.status, meaning: meaning.trim() });
  });
  const labelled = rx(rules().legend).test(text);
  return out.size >= 2 || (labelled && out.size === 1) ? out : new Map();
}

/** The legend of a document: the first paragraph that is one, and its index. */
export function legendOf(paragraphs: readonly Paragraph[]): { marks: Map<string, LegendEntry>; rule: string; para: number } | null {
  for (let i = 0; i < paragraphs.length; i++) {
    const marks = legendIn(paragraphs[i]!.text);
    if (marks.size) return { marks, rule: rules().legend.id, para: i };
  }
  return null;
}

/**
 * The mark a problem is led by, where it has one: the mark before its numbering (★1.X, read as its
 * tag) or, unnumbered, the mark that is its label (★X).
 */
export function problemMark(b: ProblemBlock): string | null {
  if (b.tag?.rule === structureRules().mark_head.id) return b.tag.phrase;
  const label = b.label?.trim() ?? '';
  const m = label ? rx(rules().legend_mark).exec(label) : null;
  return m && m[0] === label ? m[1]! : null;
}
