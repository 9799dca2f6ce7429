// A problem's title at the head of its block: "关于“X”问题。rest", "针对X的问题，rest",
// "X不到位：整改情况…", and where what was done starts after it.
import { pattern, rx } from '../../core/rules.js';
import { structureRules, stripQuotes } from '../../core/vocabulary.js';
import { issueReaderRules, openQuotes, closeQuotes, punctChars } from './issue-rules.js';

export interface ProblemTitle {
  problem: string;
  /** where the rest starts (an index into the head) */
  restAt: number;
}

/** The first sentence of the head from `from` on (up to its full stop, which is left out). */
const firstSentence = (head: string, from: number) => {
  const stop = head.indexOf(punctChars('full_stop'), from);
  return stop < 0 ? head.slice(from) : head.slice(from, stop);
};

/** Split "关于“X”问题。rest" / "X不到位。rest" into the problem and where the rest starts (index into head). */
export function splitProblem(head: string): ProblemTitle {
  const r = structureRules();
  // 针对X的问题，一是…: the problem is named up to 的问题, what was done follows in the same paragraph
  const lead = rx(r.problem_lead).exec(head);
  if (lead?.groups?.plain) return { problem: lead.groups.plain.trim(), restAt: lead[0].length };
  // 问：巡察指出“X”，整改情况如何？: the problem is what the question quotes, the answer follows
  if (lead?.groups?.asked) return { problem: lead.groups.asked.trim(), restAt: lead[0].length };
  // 巡视指出，X。…: the problem is the sentence the inspection pointed out
  if (lead?.groups?.pointed) return { problem: lead.groups.pointed.trim(), restAt: lead[0].length };
  const about = rx(r.problem_about).exec(head);
  const s = about ? about[0].length : 0;
  // (a title that is a quote alone, “X”的问题, reads as one after 关于)
  if (openQuotes().includes(head[s] ?? '')) {
    const quoted = quotedTitle(head, s);
    if (quoted && (about || quotedAlone(head, quoted))) return quoted;
  }
  return unquotedTitle(head, s, about !== null);
}

/** A title with no 关于 that is a quote and its 的问题 alone (“X”的问题。): not a quote inside longer words. */
function quotedAlone(head: string, t: ProblemTitle): boolean {
  const rest = head.slice(0, t.restAt).trim();
  return rx(issueReaderRules().quoted_alone).test(rest) && t.problem.length >= 4;
}

/**
 * 关于“X”…: the closing quote is the first quote mark followed by 问题/的问题/the end of the
 * sentence (any quote mark: straight quotes turned curly may face the wrong way). `s`: where the
 * opening quote stands.
 */
function quotedTitle(head: string, s: number): ProblemTitle | null {
  const r = structureRules();
  const own = issueReaderRules();
  const tailRe = rx(r.problem_tail);
  const open = openQuotes();
  const close = closeQuotes();
  const closes: number[] = [];
  for (let i = s + 1; i < head.length; i++) if (close.includes(head[i]!) || open.includes(head[i]!)) closes.push(i);
  const sentenceEnd = (i: number) => {
    const m = tailRe.exec(head.slice(i + 1))!;
    const after = head.slice(i + 1 + m[0].length);
    return {
      ok: (m[0].length > 0 && rx(own.quote_tail).test(m[0])) || i + 1 === head.length,
      // …and the title ends there: a stop, the end, or the measures' first marker, not more words
      // (关于“基层“微腐败”问题仍然易发多发”的问题: the first 问题 is inside the quote)
      ends: pattern('[{{p.stop}}{{p.colon}}{{p.semicolon}}]$').test(m[0]) || !after || rx(own.title_next).test(after),
      len: m[0].length,
    };
  };
  for (const strict of [true, false]) {
    for (const c of closes) {
      const e = sentenceEnd(c);
      if (e.ok && (e.ends || !strict)) return { problem: head.slice(s + 1, c).trim(), restAt: c + 1 + e.len };
    }
  }
  // the quote closes inside the title and the title runs on to 问题
  // (关于“三会一课”制度落实不严格的问题): the problem is the whole title, inner quotes kept
  const lastClose = closes.filter((c) => close.includes(head[c]!)).pop();
  if (lastClose !== undefined && !rx(r.problem_end).test(firstSentence(head, s))) return { problem: head.slice(s + 1, lastClose).trim(), restAt: lastClose + 1 + sentenceEnd(lastClose).len };
  return null;
}

/** Unquoted: up to (的)问题 before the first full stop, or the first sentence. `s`: where the title's words start. */
function unquotedTitle(head: string, s: number, about: boolean): ProblemTitle {
  const r = structureRules();
  const stop = head.indexOf(punctChars('full_stop'), s);
  const sentence = firstSentence(head, s);
  // a title whose problem is then spelled out in items (X的问题：（1）…；（2）…。): the title, the items describe it
  const items = pattern('(?:{{title_particle}})(?:{{problem_word}})[{{p.colon}}]\\s*(?=[{{p.open_paren}}]\\d)').exec(sentence);
  if (items && items.index > 0) return { problem: stripQuotes(sentence.slice(0, items.index).trim()), restAt: stop < 0 ? head.length : stop + 1 };
  const m = rx(r.problem_end).exec(sentence);
  // (with no 关于, only 的问题/等问题 closes a title: X存在问题, …，存在X的问题, …，工程存在X等问题 keep their words)
  const closes = m && (about || (pattern('^(?:{{title_particle}})').test(m[0]) && !pattern('(?:{{exist_word}})[^{{p.comma}}]*$').test(sentence.slice(0, m.index))));
  let problem = closes ? sentence.slice(0, m.index) : sentence;
  problem = problem.replace(pattern('[{{p.colon}}{{p.semicolon}}{{p.comma}}]$'), '');
  if (!about) {
    // bare label "X不到位：整改情况…" : a colon-introduced measures label ends the problem
    const lab = rx(r.problem_label_end).exec(problem);
    if (lab) {
      problem = problem.slice(0, lab.index).replace(pattern('[{{p.full_stop}}{{p.wide_semicolon}}{{p.wide_comma}}]$'), '');
      return { problem: stripQuotes(problem), restAt: s + lab.index };
    }
  }
  return { problem: stripQuotes(problem.trim()), restAt: stop < 0 ? head.length : stop + 1 };
}

/** Does the text open a quote (关于“…) that it does not close? */
export function unclosedQuote(s: string): boolean {
  const open = (s.match(pattern('[{{p.cn_open_quote}}]', 'g')) ?? []).length;
  const close = (s.match(pattern('[{{p.cn_close_quote}}]', 'g')) ?? []).length;
  return rx(issueReaderRules().about_quote).test(s) && open > close;
}

/** A quoted title broken over two lines (关于“…、⏎…”问题。): does `next` close it? */
export const closesQuotedTitle = (next: string): boolean => rx(issueReaderRules().quote_close_line).test(next);
