// What segmentation finds, as the Doc carries it: headings, categories, problem blocks, the
// readings of the problem list that were scored, and the result. Types only: the steps that
// find them are in stages/segment/.
import type { Paragraph } from './paragraphs.js';
import type { Status } from './record.js';

export interface ReadingScore {
  id: string;
  /** rule id of the reading (rules/structure.json decisions) */
  rule: string;
  problems: number;
  categories: number;
  score: number;
  /** each term of the score, for explain */
  terms: { count: number; aspects: number; support: number; single: number; numbering: number; prior: number };
  chosen: boolean;
}

export interface Heading {
  para: number;
  level: number;
  ordinal: number;
  /** offset in text where the heading's words start (after the marker) */
  bodyStart: number;
  body: string;
  /** the numbering as printed (一、 / （一） / 1. …), or the whole line for a unit line */
  label: string;
  rule: string;
  /** a line naming a unit (round digests): a category without numbering */
  unitLine?: boolean;
  /** a status in brackets before the numbering (【已完成】1.X): its words, where, and the rule */
  tag?: StatusTag;
}

/** A problem's status stated in brackets at its head (【已完成】1.X), or the mark before its numbering (★1.X) a legend may explain. */
export interface StatusTag { phrase: string; span: [number, number]; rule: string }

export interface CategoryBlock {
  ordinal: number;
  title: string;
  para: number;
  rule: string;
  /** the category names a unit (a round's digest: （一）区教育局): its problems are that unit's */
  unit?: boolean;
  /** where it is named, when that is less than its paragraph (a label at the head of a problem: 1.【政治建设】X) */
  span?: [number, number];
}

export interface ProblemBlock {
  number: number;
  category: number | null;
  /** paragraph indexes [first, last] */
  first: number;
  last: number;
  /** where the problem's own words start (after numbering / 问题：) */
  headStart: number;
  /** why this block is a problem: a rule id (problem.about, label.problem, layout.*) */
  rule: string;
  /** the numbering rule (head.num …) and the label as printed, when numbered */
  numbering: string | null;
  label: string | null;
  /** the paragraph of a totals sentence that ended this block, if one did */
  endedByTotals?: number;
  /** where the problem is answered by its number away from where it is stated (针对第N个问题：…): paragraphs [first, last], its words after the reference */
  answer?: { first: number; last: number; headStart: number; rule: string; /** one answer to several problems listed before it (针对上述问题，…) */ shared?: boolean };
  /** its status in brackets before its numbering (【已完成】1.X) */
  tag?: StatusTag;
  /** the status a heading over it states for its group (三、需长期坚持的问题), with that phrase's span */
  group?: { status: Status; phrase: string; span: [number, number]; rule: string };
}

export interface Segmentation {
  title: Paragraph[];
  opening: Paragraph[];
  /** first paragraph of the closing (contact, 欢迎…监督), or paragraphs.length */
  closing: number;
  /** first paragraph of an attachment after the bulletin (附件 ⏎ 整改台账), if one holds content */
  annex?: number;
  categories: CategoryBlock[];
  problems: ProblemBlock[];
  /** paragraph indexes of organizational/other parts (their numbered points are not problems) */
  orgParas: Set<number>;
  /** the readings of the problem list that were scored, the chosen one marked (one when the default needed no check) */
  readings: ReadingScore[];
  /**
   * per paragraph: where the bulletin states its own figures, before its problems: outside the
   * parts that hold them (opening, organizational parts, closing) or in the lead of such a part,
   * before its first heading or labelled problem
   */
  front: boolean[];
}
