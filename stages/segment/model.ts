// The segmentation's model: what it finds (headings, categories, problem blocks, the result) and
// what its steps share (the Layout and the Frame), with the small helpers every step uses.
// stages/segment/segment.ts runs the steps; stages/segment/passes.ts holds the passes after the reading.
import { parseChineseNumeral } from '../../core/numerals.js';
import type { StructureRules } from '../../core/vocabulary.js';
import type { Doc, Paragraph } from '../../core/doc.js';
import type { Heading } from '../../core/segmentation.js';
export type { Heading, CategoryBlock, ProblemBlock, Segmentation } from '../../core/segmentation.js';

/** What every step reads: the Doc, its paragraphs, their headings, the rules. */
export interface Layout {
  doc: Doc;
  paras: Paragraph[];
  headings: Array<Heading | null>;
  r: StructureRules;
  /** the paragraphs of a table of contents (headings.ts tocLines): no part of the title, the opening or the outline */
  toc?: Set<number>;
}

export const spanOf = (L: Layout, i: number): [number, number] => [L.paras[i]!.start, L.paras[i]!.end];
export const clip = (s: string, n = 24) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** Where the body starts and ends: title block, opening paragraphs, closing. */
export interface Frame { title: Paragraph[]; opening: Paragraph[]; bodyStart: number; closing: number }

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
export const cnOrdinal = (s: string): number => (/^\d+$/.test(s) ? Number(s) : s.length === 1 && CIRCLED.includes(s) ? CIRCLED.indexOf(s) + 1 : parseChineseNumeral(s) ?? 0);
