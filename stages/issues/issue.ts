// Inside one problem block: the problem as quoted, the measures (一是…二是…),
// the outcome (通过整改…), follow-up notes and explicit status fields.
import { rx } from '../../core/rules.js';
import { structureRules, statusRules, stripQuotes, isStatusValue, isLeadStatus, isStatusLine, statusOnly, saysStatus } from '../../core/vocabulary.js';
import { parseChineseNumeral } from '../../core/numerals.js';
import type { StatusInput } from './status.js';
import type { Paragraph } from '../../core/doc.js';

export interface IssueParts extends StatusInput {
  problem: string;
}

const OPEN_Q = '“‘"「';
const CLOSE_Q = '”’"」';

const firstSentence = (head: string, from: number) => {
  const stop = head.indexOf('。', from);
  return stop < 0 ? head.slice(from) : head.slice(from, stop);
};

/** Split "关于“X”问题。rest" / "X不到位。rest" into the problem and where the rest starts (index into head). */
export function splitProblem(head: string): { problem: string; restAt: number } {
  const r = structureRules();
  // 针对X的问题，一是…: the problem is named up to 的问题, what was done follows in the same paragraph
  const lead = rx(r.problem_lead).exec(head);
  if (lead?.groups?.plain) return { problem: lead.groups.plain.trim(), restAt: lead[0].length };
  const about = rx(r.problem_about).exec(head);
  let s = about ? about[0].length : 0;
  if (about && OPEN_Q.includes(head[s] ?? '')) {
    // quoted: the closing quote is the first quote mark followed by 问题/的问题/the end of the
    // sentence (any quote mark: straight quotes turned curly may face the wrong way)
    const tailRe = rx(r.problem_tail);
    const closes: number[] = [];
    for (let i = s + 1; i < head.length; i++) if (CLOSE_Q.includes(head[i]!) || OPEN_Q.includes(head[i]!)) closes.push(i);
    const sentenceEnd = (i: number) => {
      const m = tailRe.exec(head.slice(i + 1))!;
      const after = head.slice(i + 1 + m[0].length);
      return {
        ok: (m[0].length > 0 && /问题|情况|整改|[。.：:；;]/.test(m[0])) || i + 1 === head.length,
        // …and the title ends there: a stop, the end, or the measures' first marker, not more words
        // (关于“基层“微腐败”问题仍然易发多发”的问题: the first 问题 is inside the quote)
        ends: /[。.：:；;]$/.test(m[0]) || !after || /^(?:[，,；;。\s]|[一二三四五六七八九十]是|[①②③])/.test(after),
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
    const lastClose = closes.filter((c) => CLOSE_Q.includes(head[c]!)).pop();
    if (lastClose !== undefined && !rx(r.problem_end).test(firstSentence(head, s))) return { problem: head.slice(s + 1, lastClose).trim(), restAt: lastClose + 1 + sentenceEnd(lastClose).len };
  }
  // unquoted: up to (的)问题 before the first full stop, or the first sentence
  const stop = head.indexOf('。', s);
  const sentence = firstSentence(head, s);
  const m = rx(r.problem_end).exec(sentence);
  let problem = about && m ? sentence.slice(0, m.index) : sentence;
  problem = problem.replace(/[：:；;，,]$/, '');
  if (!about) {
    // bare label "X不到位：整改情况…" : a colon-introduced measures label ends the problem
    const lab = rx(r.problem_label_end).exec(problem);
    if (lab) {
      problem = problem.slice(0, lab.index).replace(/[。；，]$/, '');
      return { problem: stripQuotes(problem), restAt: s + lab.index };
    }
  }
  return { problem: stripQuotes(problem.trim()), restAt: stop < 0 ? head.length : stop + 1 };
}

interface Marker { at: number; len: number; k: number }

const ORDINAL_WORDS: Record<string, number> = { 首先: 1, 其次: 2, 再次: 3 };

/** 一是/二是… markers that count up (a series may restart at 一是). */
export function seriesMarkers(s: string, after = 0): Marker[] {
  const re = rx(structureRules().series, 'g');
  const out: Array<Marker & { word: boolean }> = [];
  let last = after;
  for (const m of s.matchAll(re)) {
    const circled = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫'.indexOf(m[0]);
    const word = m[0].replace(/是.*$/, '').replace(/^第/, '').replace(/[（()），,、.．:：]/g, '');
    // 首先…其次…再次 count as 1, 2, 3, and 最后 as the next
    const ordinal = ORDINAL_WORDS[word] ?? (word === '最后' && last > 0 ? last + 1 : undefined);
    // a decimal outline's item (1.1.2) counts by its last number
    const decimal = /^\d{1,2}(?:[.．]\d{1,2}){1,2}$/.test(m[0].trim()) ? Number(m[0].trim().split(/[.．]/).pop()) : undefined;
    const k = ordinal ?? decimal ?? (circled >= 0 ? circled + 1 : /^\d+$/.test(word) ? Number(word) : parseChineseNumeral(word) ?? 0);
    // must start a clause: paragraph start or after punctuation
    const before = s[m.index! - 1];
    if (m.index! > 0 && !/[。；;，,：:、）)\s]/.test(before ?? '')) continue;
    if (k === last + 1 || (k === 1 && last > 0)) {
      out.push({ at: m.index!, len: m[0].length, k, word: ordinal !== undefined });
      last = k;
    }
  }
  // 首先 alone (首先要…) is a word, not a series: ordinal words count only when two or more are found
  const words = out.filter((x) => x.word);
  const kept = words.length === 1 ? out.filter((x) => !x.word) : out;
  return kept.map(({ at, len, k }) => ({ at, len, k }));
}


/** Does the text open a quote (关于“…) that it does not close? */
function unclosedQuote(s: string): boolean {
  const open = (s.match(/[“‘「]/g) ?? []).length;
  const close = (s.match(/[”’」]/g) ?? []).length;
  return /关于\s*[“‘"「]/.test(s) && open > close;
}

/**
 * `wholeHead`: the problem's first paragraph is a block of its own in the reader's structure (a
 * heading, a paragraph in bold): all of it states the problem, over every sentence it has.
 */
export function readIssue(paras: Paragraph[], headStart: number, text: string, opts: { wholeHead?: boolean; statusTag?: string } = {}): IssueParts {
  const r = structureRules();
  // a quoted title broken over two lines (关于“…、⏎…”问题。): the head runs on until the quote closes
  let headParas = 1;
  let headText = text.slice(headStart, paras[0]!.end);
  // a status in brackets before the problem's words (1.【已完成】X), or before its numbering (given): its status
  let statusField: string | null = opts.statusTag ?? null;
  const headTag = rx(r.bracket_status).exec(headText);
  if (headTag) { statusField ??= headTag[1]!; headText = headText.slice(headTag[0].length); headStart += headTag[0].length; }
  while (headParas < Math.min(paras.length, 3) && unclosedQuote(headText) && /[”"’][^。]{0,12}问题/.test(paras[headParas]!.text)) {
    headText += paras[headParas]!.text;
    headParas++;
  }
  let { problem, restAt } = splitProblem(headText);
  if (opts.wholeHead) {
    const whole = headText.replace(/[。；;：:\s]+$/, '');
    if (whole.startsWith(problem) && restAt < headText.length) { problem = whole; restAt = headText.length; }
  }
  const bodies: string[] = [];
  let headRest = headText.slice(restAt).trim().replace(/^[，,；;：:]+\s*/, '');
  // 1.关于“X”的问题（已完成）: a status in brackets after the title
  const bracket = rx(r.bracket_status).exec(headRest);
  if (bracket) { statusField = bracket[1]!; headRest = headRest.slice(bracket[0].length).trim(); }
  // 1）X【已完成】: a status in brackets ending a one-line problem is its status, not its words
  const tail = rx(r.bracket_status_tail).exec(problem);
  if (tail && tail.index > 0) { statusField ??= tail[1]!; problem = problem.slice(0, tail.index).replace(/[。；，\s]+$/, ''); }
  if (headRest) bodies.push(headRest);
  for (const p of paras.slice(headParas)) bodies.push(p.text);
  // the statement may go on after the title (（1）重点项目推进缓慢；（2）…。整改情况：一是…), over a
  // wrapped line or two: what stands before a measures label later in a paragraph, with no
  // measures label or 一是 before it, describes the problem (a note)
  let description: string | null = null;
  for (let b = 0; b < Math.min(bodies.length, 4); b++) {
    if (rx(r.labels.measures).test(bodies[b]!)) {
      // sub-problems as paragraphs of their own before the label (（1）…； ⏎ （2）…。 ⏎ 整改情况：)
      if (b > 0 && !isStatusLine(bodies[b]!) && bodies.slice(0, b).every((x) => /^[（(]\d{1,2}[）)]/.test(x) && !/[一二三四五六七八九十]是/.test(x))) {
        description = bodies.slice(0, b).join('');
        bodies.splice(0, b);
      }
      break;
    }
    const late = rx(r.labels.measures_inline).exec(bodies[b]!);
    const before = late ? bodies[b]!.slice(0, late.index) : bodies[b]!;
    if (/(?:^|[。；，：])[一二三四五六七八九十]是/.test(before)) break;
    if (!late) continue;
    const cut = late.index + late[0].length;
    description = [...bodies.slice(0, b), bodies[b]!.slice(0, cut)].join('').trim();
    bodies.splice(0, b + 1, bodies[b]!.slice(cut).trim());
    break;
  }

  const measures: string[] = [];
  const notes: string[] = [];
  const progress: string[] = [];
  let outcome: string | null = null;
  const measuresLabel = rx(r.labels.measures);
  const statusLabelAll = rx(r.labels.status, 'g');
  const deadline = rx(r.labels.deadline);
  const cause = rx(r.labels.cause);
  const outcomeRe = rx(r.outcome, 'g');
  const problemLabel = rx(r.labels.problem);
  let problemText = problem;
  let lastMarker = 0; // a 一是… series may continue over paragraphs (二是 heads the next one)
  /** the measures so far are whole paragraphs with no markers */
  let plain = false;
  const progressStart = rx(statusRules().progress_sentence);
  const noteStart = rx(r.note_start);

  for (let raw of bodies) {
    // the first status field whose value is a status (完成情况 inside the measures label 整改完成情况：1.… is none)
    const st = [...raw.matchAll(statusLabelAll)].find((m) => isStatusValue(m[1]!.trim())) ?? null;
    if (st) {
      // a status field is not part of the measure, nor is the rest of its sentence (整改状态：未完成，持续推进中。)
      statusField = st[1]!.trim();
      const after = raw.slice(st.index! + st[0].length);
      const stop = after.search(/[。；;]/);
      const rest = stop >= 0 && stop <= 20 ? after.slice(stop + 1) : after.replace(/^[。；;，,]/, '');
      // a paragraph that opens with the status field says how the problem stands: what follows is a note, not a measure
      // (what came of it, 通过整改，…, is read as the outcome as ever)
      if (!raw.slice(0, st.index).trim() && rest.trim() && measures.length && !rx(r.outcome).test(rest.trim())) { notes.push(rest.trim()); continue; }
      raw = (raw.slice(0, st.index) + rest).trim();
      if (raw.replace(/[。；\s]/g, '').length < 4) continue;
    }
    if (deadline.test(raw) || cause.test(raw)) { notes.push(raw); continue; }
    // 问题：X in a following paragraph (problem label under a numbered heading)
    const pl = problemLabel.exec(raw);
    if (pl && !measures.length) {
      // 问题：X under a bare number is the problem; 问题表现：… under a titled problem describes it
      if (problemText === '' || problemText.length < 4) problemText = raw.slice(pl[0].length).replace(/[。]$/, '');
      else notes.push(raw);
      continue;
    }
    const labelled = measuresLabel.test(raw);
    raw = raw.replace(measuresLabel, '');
    if (labelled) {
      // 整改情况：已完成。制定… — the status said first is not the start of a measure
      const lead = /^([^，。；,;：:]{2,8})[。，；,;]\s*/.exec(raw);
      if (lead && isLeadStatus(lead[1]!)) {
        statusField ??= lead[1]!;
        raw = raw.slice(lead[0].length);
      }
    }
    if (!raw) continue;
    if (outcome !== null) { notes.push(raw); continue; }
    // outcome inside this paragraph?
    outcomeRe.lastIndex = 0;
    const om = outcomeRe.exec(raw);
    const before = om ? raw.slice(0, om.index).trim() : raw;
    // a result field (整改成效：X, 【整改成效】X, a table's 整改成效 column) is X: the label is no part of the result
    if (om) {
      outcome = (/[：:]$/.test(om[0]) ? raw.slice(om.index + om[0].length) : raw.slice(om.index)).trim();
      // a result field that says its status first (整改成效：该问题已完成整改。通过整改，…): that is the status, the rest the outcome
      const lead = /^([^。；]{2,20})[。；]\s*(?=\S)/.exec(outcome);
      if (lead && statusOnly(lead[1]!)) { statusField ??= lead[1]!; outcome = outcome.slice(lead[0].length).trim(); }
      // the result ends where a sentence saying where the work stands begins (…明显减少。目前，二期工程正在施工中 /
      // …有所缓解。人才队伍建设是一项长期任务，…): that sentence is a note
      const later = [...outcome.matchAll(rx(statusRules().progress_sentence, 'g'))].find((m) => m.index! > 0 && m[0].trim());
      let at = later ? later.index! + (later[0].length - later[0].trimStart().length) : -1;
      for (let k = outcome.indexOf('。') + 1; k > 0 && k < outcome.length && (at < 0 || k < at); k = outcome.indexOf('。', k) + 1) {
        const next = outcome.slice(k, outcome.indexOf('。', k) < 0 ? outcome.length : outcome.indexOf('。', k) + 1);
        if (saysStatus(next) && !rx(r.outcome).test(next)) { at = k; break; }
      }
      if (at > 0) {
        notes.push(outcome.slice(at).trim());
        outcome = outcome.slice(0, at).trim();
      }
    }
    if (!before) continue;
    // numbered measure paragraphs under a problem heading: 1.完善制度… / （1）… / ①…
    const marks = seriesMarkers(before, lastMarker);
    const item = /^(?:\d{1,2}[.．、](?!\d)|[（(](?:\d{1,2}|[一二三四五六七八九十]{1,2})[）)]|[①②③④⑤⑥⑦⑧⑨⑩])\s*/.exec(before);
    if (item && raw === before && marks.length <= 1) {
      plain = false;
      measures.push(before.slice(item[0].length));
      // （1）/① items count on as a series: （2） in a later paragraph (a wrapped line) continues it
      if (marks.length === 1 && marks[0]!.at === 0) lastMarker = marks[0]!.k;
      continue;
    }
    if (marks.length) {
      plain = false;
      lastMarker = marks[marks.length - 1]!.k;
      const lead = before.slice(0, marks[0]!.at).trim();
      if (lead && measures.length === 0 && lead.length > 12) measures.push(lead);
      else if (lead && measures.length) measures[measures.length - 1] += lead;
      marks.forEach((m, k) => {
        const end = k + 1 < marks.length ? marks[k + 1]!.at : before.length;
        measures.push(before.slice(m.at + m.len, end).trim());
      });
    } else if (measures.length === 0) {
      measures.push(before);
      plain = true;
    } else if (plain && !om && progressStart.exec(before)?.index !== 0 && !isStatusLine(before) && !statusOnly(before) && !noteStart.test(before)) {
      // measures written as paragraphs with no markers, one after another: each is a measure
      // (one saying where the work stands, 目前…/截至…, or what came of it or why, 通过…/由于…, is a note)
      measures.push(before);
    } else {
      notes.push(before);
    }
  }
  const progressRe = rx(statusRules().progress_sentence, 'g');
  for (const m of measures) for (const s of m.matchAll(progressRe)) progress.push(s[0].trim());
  if (description) notes.unshift(description);
  // a measure split off a series keeps its words, not the separator after them (；，)
  const bullet = rx(r.bullet);
  return { problem: problemText, measures: measures.map((m) => m.replace(bullet, '').replace(/[；;，,、\s]+$/, '')).filter((m) => m.length > 0), outcome, notes, progress, statusField };
}
