// The shared vocabulary every stage reads: structure rules (headings, labels, category and
// problem heads), status words and measure labels. Loaded from rules/*.json only here, so
// segmentation, the issue reader and the status reader depend on this module and not on
// each other (no import cycle between stages/segment/segment.ts, stages/issues/issue.ts and
// stages/issues/status.ts).
import { loadRules, rx, pattern, type RegexRule } from './rules.js';
import type { Status } from './record.js';

export interface StructureRules {
  /** category: a heading numbered by this rule names a category whatever its words (第一方面：X) */
  headings: Array<RegexRule & { level: number; category?: boolean }>;
  labels: Record<'problem' | 'measures' | 'measures_inline' | 'status' | 'deadline' | 'cause', RegexRule>;
  series: RegexRule;
  outcome: RegexRule;
  note_start: RegexRule;
  category: RegexRule;
  category_label: RegexRule;
  category_cell: RegexRule;
  unit_line: RegexRule;
  problem_about: RegexRule;
  problem_about_line: RegexRule;
  problem_lead: RegexRule;
  problem_list: RegexRule;
  answer_item: RegexRule;
  series_marker: RegexRule;
  lead_marker: RegexRule;
  bracket_status_tail: RegexRule;
  problem_ordinal: RegexRule;
  category_count: RegexRule;
  count_tail: RegexRule;
  status_roll: RegexRule;
  conclusion: RegexRule;
  problem_kind: RegexRule;
  part_title_tail: RegexRule;
  bullet: RegexRule;
  problem_ref: RegexRule;
  problem_tail: RegexRule;
  problem_end: RegexRule;
  problem_label_end: RegexRule;
  org_part: RegexRule;
  problem_part: RegexRule;
  closing: RegexRule;
  closing_contact: RegexRule;
  opening_team: RegexRule;
  run_in_measures: RegexRule;
  signature: RegexRule;
  work_heading: RegexRule;
  bracket_status: RegexRule;
  bracket_status_head: RegexRule;
  mark_head: RegexRule;
  problem_marker: RegexRule;
  problem_label_line: RegexRule;
  annex: RegexRule;
  toc_entry: RegexRule;
  found_problems_title: RegexRule;
  answer_title: RegexRule;
  answer_label: RegexRule;
  inline_category: RegexRule;
  toc_title: RegexRule;
  status_roll_rest: RegexRule;
  shared_answer: RegexRule;
  qa_question: RegexRule;
  group_title: RegexRule;
  series_start: RegexRule;
  series_first: RegexRule;
  sub_problem: RegexRule;
  table_intro: RegexRule;
  problem_sentence: RegexRule;
  series_first_any: RegexRule;
  photo_caption: RegexRule;
  totals_row: RegexRule;
  status_by_name: RegexRule;
  status_name: RegexRule;
  status_rest: RegexRule;
  opening: RegexRule;
  title_line: RegexRule;
  front_noise: RegexRule;
  /** decisions made by the layout logic rather than one regex: id + what it decides */
  decisions: Record<string, { id: string; $note: string }>;
}
export const structureRules = () => loadRules<StructureRules>('structure.json');

/** The id of a layout decision (rules/structure.json decisions): ids are data, never made up in code. */
export function decisionId(name: string): string {
  const d = structureRules().decisions[name];
  if (!d) throw new Error(`rules/structure.json has no decision "${name}"`);
  return d.id;
}

export interface StatusRules {
  field_values: Array<RegexRule & { status: Status }>;
  phrases: Array<RegexRule & { status: Status; scope: 'any' | 'tail' }>;
  not_status: RegexRule;
  group_heading: RegexRule;
  plan_start: RegexRule;
  /** a legend line saying what marks mean, and a mark it explains (stages/issues/legend.ts) */
  legend: RegexRule;
  legend_mark: RegexRule;
  field_subject: RegexRule;
  /** a count of problems over a group of them (stages/reconcile/group-lead.ts) */
  group_count: RegexRule;
  measures_lead: RegexRule;
  progress_sentence: RegexRule;
  outcome_status: { id: string };
  inferences: Array<{ id: string }>;
}
export const statusRules = () => loadRules<StatusRules>('status.json');

/** Does a field value read as a status (完成, 阶段性完成, 长期坚持 …)? */
export function isStatusValue(v: string): boolean {
  return statusRules().field_values.some((f) => rx(f).test(v));
}

/**
 * The status a heading states for the problems under it (一、已完成整改的问题（9个） → completed,
 * 三、需长期坚持的问题 → long_term), with the words that state it; null for any other heading.
 */
export function groupStatus(body: string): { status: Status; phrase: string; rule: string } | null {
  const rules = statusRules();
  const m = rx(rules.group_heading).exec(body.trim());
  if (!m) return null;
  const phrase = m[1]!.replace(pattern('(?:{{attributive_particle}})$'), '').trim();
  const parts = phrase.replace(pattern('^(?:{{need_word}})'), '').split(pattern('[{{p.enum_comma}}]')).map((x) => x.trim()).filter(Boolean);
  if (!parts.length || parts.some((x) => x.length > 6)) return null;
  const statusOf = (x: string) => rules.field_values.find((f) => rx(f).test(x))?.status ?? null;
  const first = statusOf(parts[0]!);
  if (!first || parts.some((x) => !statusOf(x))) return null;
  return { status: first, phrase, rule: rules.group_heading.id };
}

/** The status some words say by the status phrases (取得阶段性成效 → in progress), not-done ones first; null when none. */
export function phraseStatus(t: string): { status: Status; phrase: string; rule: string } | null {
  const phrases = statusRules().phrases;
  for (const done of [false, true]) {
    for (const p of phrases) {
      if ((p.status === 'completed') !== done) continue;
      const m = rx(p).exec(t);
      if (m && m[0].trim()) return { status: p.status, phrase: m[0].trim(), rule: p.id };
    }
  }
  return null;
}

/** Is the first clause under a measures label a status (整改情况：已完成。…)? */
export function isLeadStatus(clause: string): boolean {
  return rx(statusRules().measures_lead).test(clause);
}

/** 整改进展：已完成。 / 整改状态：阶段性完成 — a status field line (its label also reads as a measures label). */
export function isStatusLine(t: string): boolean {
  const m = rx(structureRules().labels.status).exec(t);
  if (!m || m.index !== 0) return false;
  return isStatusValue(m[1]!.trim());
}

/** Does a paragraph say how its problem stands (已完成整改, 正在推进中, 长期坚持, 整改状态：…)? */
let statusRes: RegExp[] | null = null;
export function saysStatus(t: string): boolean {
  statusRes ??= statusRules().phrases.map((p) => rx(p));
  return isStatusLine(t) || rx(structureRules().labels.status).test(t) || statusRes.some((re) => re.test(t));
}

/** A short paragraph that only says how its problem stands (已整改完成。/ 目前正在推进。): a status, not a measure. */
export const statusOnly = (t: string): boolean => t.length <= 30 && saysStatus(t);

/** The quote marks a title may be wrapped in, as (open, close) pairs: rules/punctuation.json quote_pairs, read two by two. */
const quotePairs = (): Array<[string, string]> => {
  const chars = [...loadRules<{ sets: Record<string, { chars: string }> }>('punctuation.json').sets.quote_pairs!.chars];
  return Array.from({ length: chars.length / 2 }, (_, i) => [chars[2 * i]!, chars[2 * i + 1]!]);
};

export function stripQuotes(s: string): string {
  let t = s.trim();
  for (const [o, c] of quotePairs()) {
    if (t.startsWith(o) && t.endsWith(c) && t.length >= 2) {
      const inner = t.slice(1, -1);
      // only strip if the outer pair really encloses the whole (no unbalanced inner close first)
      if (balanced(inner, o, c)) t = inner.trim();
    }
  }
  return t;
}

function balanced(s: string, o: string, c: string): boolean {
  if (o === c) return true;
  let d = 0;
  for (const ch of s) {
    if (ch === o) d++;
    else if (ch === c && --d < 0) return false;
  }
  return true;
}

/** Layout patterns (rules/structure.json page_number, line_head). */
const layout = () => loadRules<{ page_number: RegexRule; line_head: RegexRule }>('structure.json');
/** Page numbers: — 3 —, -3-, 第3页 共8页, 3/8 (rules/structure.json layout.page_number). */
export const isPageNumber = (line: string) => rx(layout().page_number).test(line);
/** A line that starts a paragraph (numbering, 一是, 整改情况：). */
export const startsParagraph = (line: string) => rx(layout().line_head).test(line);


/** Does a labelled value read as a document number (rules/metadata.json doc_number_value)? */
export function isDocNumber(s: string | undefined): s is string {
  return !!s && rx(loadRules<{ doc_number_value: RegexRule }>('metadata.json').doc_number_value).test(s);
}

export type { RegexRule };
