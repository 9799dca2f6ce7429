// Inside one problem block: the problem as quoted, the measures (一是…二是…),
// the outcome (通过整改…), follow-up notes and explicit status fields. In three steps: the head
// (the problem's title, and a status in brackets beside it), a description of the problem
// standing before the measures, then each paragraph after them (issue-body.ts).
import { pattern, rx } from '../../core/rules.js';
import { structureRules, statusRules, isStatusLine, saysStatus } from '../../core/vocabulary.js';
import type { StatusInput } from './status.js';
import type { Paragraph } from '../../core/doc.js';
import { splitProblem, unclosedQuote, closesQuotedTitle } from './problem-title.js';
import { readBodies, type BodyReading } from './issue-body.js';
import { issueReaderRules } from './issue-rules.js';

export interface IssueParts extends StatusInput {
  problem: string;
}

interface IssueOptions {
  /** the problem's first paragraph is a block of its own in the reader's structure */
  wholeHead?: boolean;
  /** a status in brackets found before the problem's numbering */
  statusTag?: string;
  /** the reader's list each of `paras` is an item of (null: none) */
  lists?: Array<string | null>;
  /** where in `paras` the problem's answer starts, when it is answered apart (针对第N个问题：…): no paragraph of it describes the problem */
  answerAt?: number;
}

/**
 * `wholeHead`: the problem's first paragraph is a block of its own in the reader's structure (a
 * heading, a paragraph in bold): all of it states the problem, over every sentence it has.
 */
export function readIssue(paras: Paragraph[], headStart: number, text: string, opts: IssueOptions = {}): IssueParts {
  const head = readHead(paras, headStart, text, opts);
  const bodies = head.bodies;
  // each body's list: the head's rest is in none, the paragraphs after it in theirs
  const lists = [...(head.bodies.length > paras.length - head.headParas ? [null] : []), ...(opts.lists ?? []).slice(head.headParas)];
  const count = bodies.length;
  const firstIsRest = head.bodies.length > paras.length - head.headParas;
  const description = takeDescription(bodies, firstIsRest, opts.answerAt === undefined ? Infinity : opts.answerAt - head.headParas + (firstIsRest ? 1 : 0));
  const st: BodyReading = { problem: head.problem, measures: [], notes: [], outcome: null, statusField: head.statusField, lastMarker: 0, plain: false };
  // (the description is taken off the front of the bodies)
  readBodies(bodies, st, opts.lists ? lists.slice(count - bodies.length) : []);
  const progress: string[] = [];
  const progressRe = rx(statusRules().progress_sentence, 'g');
  for (const m of st.measures) for (const s of m.matchAll(progressRe)) progress.push(s[0].trim());
  if (description) st.notes.unshift(description);
  // a measure split off a series keeps its words, not the separator after them (；，)
  const bullet = rx(structureRules().bullet);
  const measures = st.measures.map((m) => m.replace(bullet, '').replace(pattern('[{{p.semicolon}}{{p.comma}}{{p.enum_comma}}\\s]+$'), '')).filter((m) => m.length > 0);
  return { problem: st.problem, measures, outcome: st.outcome, notes: st.notes, progress, statusField: st.statusField };
}

/**
 * The head: the problem's title, a status in brackets before or after it, and the paragraphs to
 * read after it (the rest of the head's paragraph first, when there is one).
 */
function readHead(paras: Paragraph[], headStart: number, text: string, opts: IssueOptions): { problem: string; statusField: string | null; bodies: string[]; headParas: number } {
  const r = structureRules();
  let headText = text.slice(headStart, paras[0]!.end);
  // a status in brackets before the problem's words (1.【已完成】X), or before its numbering (given): its status
  let statusField: string | null = opts.statusTag ?? null;
  const headTag = rx(r.bracket_status).exec(headText);
  if (headTag) { statusField ??= headTag[1]!; headText = headText.slice(headTag[0].length); }
  // a quoted title broken over two lines (关于“…、⏎…”问题。): the head runs on until the quote closes
  let headParas = 1;
  while (headParas < Math.min(paras.length, 3) && unclosedQuote(headText) && closesQuotedTitle(paras[headParas]!.text)) {
    headText += paras[headParas]!.text;
    headParas++;
  }
  let { problem, restAt } = splitProblem(headText);
  if (opts.wholeHead) {
    const whole = headText.replace(pattern('[{{p.full_stop}}{{p.semicolon}}{{p.colon}}\\s]+$'), '');
    if (whole.startsWith(problem) && restAt < headText.length) { problem = whole; restAt = headText.length; }
  }
  let headRest = headText.slice(restAt).trim().replace(pattern('^[{{p.comma}}{{p.semicolon}}{{p.colon}}]+\\s*'), '');
  // 1.关于“X”的问题（已完成）: a status in brackets after the title
  const bracket = rx(r.bracket_status).exec(headRest);
  if (bracket) { statusField = bracket[1]!; headRest = headRest.slice(bracket[0].length).trim(); }
  // 第一，X / 其二，X / 首先，X: the ordinal word numbers the problem, it is none of its words
  const ordinal = rx(r.problem_ordinal).exec(problem);
  if (ordinal && ordinal[0].length < problem.length) problem = problem.slice(ordinal[0].length);
  // 1）X【已完成】: a status in brackets ending a one-line problem is its status, not its words
  const tail = rx(r.bracket_status_tail).exec(problem);
  if (tail && tail.index > 0) { statusField ??= tail[1]!; problem = problem.slice(0, tail.index).replace(pattern('[{{p.full_stop}}{{p.wide_semicolon}}{{p.wide_comma}}\\s]+$'), ''); }
  const bodies = [...(headRest ? [headRest] : []), ...paras.slice(headParas).map((p) => p.text)];
  // 问题1：X。整改情况：Y（已整改）: a status in brackets ending the problem's last paragraph is its status, not a measure's words
  const last = bodies.length - 1;
  const end = last >= 0 && !statusField ? rx(r.bracket_status_tail).exec(bodies[last]!) : null;
  if (end && end.index > 0) { statusField = end[1]!; bodies[last] = bodies[last]!.slice(0, end.index); }
  return { problem, statusField, bodies, headParas };
}

/**
 * The statement may go on after the title (（1）重点项目推进缓慢；（2）…。整改情况：一是…), over a
 * wrapped line or two: what stands before a measures label later in a paragraph, with no
 * measures label or 一是 before it, describes the problem (a note). Taken off the bodies.
 */
function takeDescription(bodies: string[], firstIsRest = false, answerFrom = Infinity): string | null {
  const r = structureRules();
  const own = issueReaderRules();
  for (let b = 0; b < Math.min(bodies.length, 10); b++) {
    if (rx(r.labels.measures).test(bodies[b]!)) {
      // sub-problems as paragraphs of their own before the label (（1）…； ⏎ 2.…。 ⏎ 整改情况：)
      const subProblems = bodies.slice(0, b).every((x) => rx(r.sub_problem).test(x) && !rx(own.series_in).test(x));
      // (never the paragraphs of an answer given apart: 针对第2个问题：①…；②… ⏎ 整改进展：… are what was done)
      if (b > 0 && b <= answerFrom && !isStatusLine(bodies[b]!) && subProblems) return bodies.splice(0, b).join('');
      // the rest of the problem's own paragraph, before a measures label in the next (（一）X。Y。⏎ 整改措施：…):
      // Y describes the problem (not a result said first, a status, or a series of measures)
      const rest = bodies[0]!;
      if (b === 1 && firstIsRest && !isStatusLine(bodies[b]!) && !rx(r.outcome).test(rest) && !saysStatus(rest) && !rx(own.series_in).test(rest) && !rx(r.series).test(rest)) return bodies.splice(0, 1).join('');
      return null;
    }
    if (b >= 4) return null;
    const late = rx(r.labels.measures_inline).exec(bodies[b]!);
    const before = late ? bodies[b]!.slice(0, late.index) : bodies[b]!;
    if (rx(own.series_clause).test(before)) return null;
    if (!late) continue;
    const cut = late.index + late[0].length;
    const description = [...bodies.slice(0, b), bodies[b]!.slice(0, cut)].join('').trim();
    bodies.splice(0, b + 1, bodies[b]!.slice(cut).trim());
    return description;
  }
  return null;
}
