// The passes that run after the problem list is read (stages/segment/segment.ts): headings the reader
// saw that the text does not number, units of a round's digest, status groups, and answers that
// name their problem by number. Each traces its decision with its rule id.
import { pattern, rx } from '../../core/rules.js';
import { decisionId, groupStatus, isStatusLine, phraseStatus, statusOnly } from '../../core/vocabulary.js';
import { clip, cnOrdinal, spanOf, type CategoryBlock, type Frame, type Layout, type ProblemBlock } from './model.js';
import { categoryTitle } from './headings.js';
import { markedHeadings } from './marked-lines.js';

/** Per paragraph: 1 where it is one of a problem's own paragraphs. */
function insideProblems(n: number, problems: ProblemBlock[]): Uint8Array {
  const inside = new Uint8Array(n);
  for (const p of problems) for (let i = p.first; i <= p.last; i++) inside[i] = 1;
  return inside;
}

/** The rank of a line that counts the problems under it (rules/structure.json category.with_count): after every reader rank. */
const COUNTED = 11;

/**
 * Headings the reader saw that the text does not number (a Word heading style, an HTML <h4>, a
 * paragraph wholly in bold, a PDF line in a larger font): headings in the body, placed among the
 * numbered levels. A reader level whose other headings are numbered takes their level; one that
 * never is goes half a level under the numbered heading these mostly follow (a bold problem
 * line under （一）X方面 is 2.5), or, with no numbered heading before, is ranked on its own.
 * Labels (整改措施：), status lines and long sentences are no headings, bold or not.
 */
export function readerHeadings(L: Layout, f: Frame): void {
  const { doc, paras, headings, r } = L;
  const labels = [r.labels.measures, r.labels.problem, r.labels.status, r.labels.deadline].map((x) => rx(x));
  // (words: where a mark sets the heading apart, its words without the mark, from `start`)
  type Cand = { para: number; rank: number; words?: { words: string; start: number } };
  const cands: Cand[] = [];
  const textLevels = new Map<number, number[]>();
  for (const b of doc.blocks) {
    if (!b.paras || b.paras[0] !== b.paras[1] || b.mark) continue;
    const rank = b.kind === 'heading' ? b.level! : b.kind === 'paragraph' && b.emphasis ? 10 : 0;
    if (!rank) continue;
    const i = b.paras[0];
    if (i < f.bodyStart || i >= f.closing) continue;
    const h = headings[i];
    if (h) { if (!h.unitLine) textLevels.set(rank, [...(textLevels.get(rank) ?? []), h.level]); continue; }
    const t = paras[i]!.text;
    // (a heading that names the next steps, 下一步工作打算, is a part's title, not a status however its words read)
    const nextSteps = b.kind === 'heading' && rx(r.org_part).test(t) && t.length <= 20;
    if (t.length > (b.kind === 'heading' ? 240 : 160) || t.length < 4 || labels.some((re) => re.test(t)) || (!nextSteps && (statusOnly(t) || isStatusLine(t)))) continue;
    // (one that names an area of problems, X方面, over numbered problems stands over them as a line counting them does)
    cands.push({ para: i, rank: categoryTitle(t) !== null && headings.slice(i + 1, f.closing).some((x) => x) ? COUNTED : rank });
  }
  // a line set apart by a mark (【X方面】, ■ X方面; a plain text's reader gives it as a marked heading): a heading where it
  // heads, not where it is a bullet or a tag
  const taken = new Set(cands.map((c) => c.para));
  cands.push(...markedHeadings(L, f, (i) => headings[i] !== null || taken.has(i), COUNTED + 1));
  // a line naming an area with the count of its problems (全面从严治党方面（3个问题）), numbered or not by the reader: a heading
  const counted = rx(r.category_count);
  const seen = new Set(cands.map((c) => c.para));
  for (let i = f.bodyStart; i < f.closing; i++) if (!headings[i] && !seen.has(i) && counted.test(paras[i]!.text)) cands.push({ para: i, rank: COUNTED });
  cands.sort((a, b) => a.para - b.para);
  if (!cands.length) return;
  const mode = (xs: number[]) => { const c = new Map<number, number>(); for (const x of xs) c.set(x, (c.get(x) ?? 0) + 1); return [...c].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0]; };
  // the level of the numbered heading before each candidate, or 0 (candidates have no heading yet)
  // (and the shallowest before it: the level of the parts it is in)
  const before = new Map<number, number>();
  const top = new Map<number, number>();
  let last = 0;
  let shallowest = 0;
  const byPara = new Map(cands.map((c) => [c.para, c]));
  for (let i = f.bodyStart; i < f.closing; i++) {
    if (byPara.has(i)) { before.set(i, last); top.set(i, shallowest); }
    else if (headings[i]) { last = headings[i]!.level; shallowest = shallowest ? Math.min(shallowest, last) : last; }
  }
  const level = new Map<number, number>();
  const ranks = [...new Set(cands.map((c) => c.rank))].sort((a, b) => a - b);
  for (const rank of ranks) {
    const own = textLevels.get(rank);
    if (own?.length) { level.set(rank, mode(own)); continue; }
    // a line with its count of problems stands half a level over the numbered headings that follow it (the problems it counts)
    if (rank === COUNTED) {
      // (a numbered heading after it at the level of the parts it is in, 三、 after 二、, is none of the problems it counts)
      const next = cands.filter((c) => c.rank === rank).flatMap((c) => { const x = nextLevel(L, c.para, f.closing); return x > top.get(c.para)! ? [x] : []; });
      if (next.length) { level.set(rank, mode(next) - 0.5); continue; }
    }
    // a marked line (■ X方面) stands half a level over the numbered headings right under it, else half a level under the parts it is in
    if (rank > COUNTED) {
      const next = cands.filter((c) => c.rank === rank && headings[c.para + 1]).flatMap((c) => { const x = nextLevel(L, c.para, f.closing); return x > top.get(c.para)! ? [x] : []; });
      const parts = mode(cands.filter((c) => c.rank === rank).map((c) => top.get(c.para)!));
      level.set(rank, next.length ? mode(next) - 0.5 : parts ? parts + 0.5 : ranks.indexOf(rank) + 1);
      continue;
    }
    const prev = mode(cands.filter((c) => c.rank === rank).map((c) => before.get(c.para)!));
    level.set(rank, prev ? prev + 0.5 : ranks.indexOf(rank) + 1);
  }
  const counters = new Map<number, number>();
  for (let i = f.bodyStart; i < f.closing; i++) {
    const c = byPara.get(i);
    const lv = c ? level.get(c.rank)! : headings[i]?.level;
    if (lv === undefined) continue;
    for (const k of [...counters.keys()]) if (k > lv) counters.delete(k);
    const n = (counters.get(lv) ?? 0) + 1;
    counters.set(lv, n);
    if (!c) continue;
    const p = paras[i]!;
    headings[i] = { para: i, level: lv, ordinal: n, bodyStart: c.words?.start ?? p.start, body: c.words?.words ?? p.text, label: '', rule: decisionId('reader_heading') };
    doc.decide('segment', 'layout', decisionId('reader_heading'), [p.start, p.end], `heading from the reader (level ${lv}): ${clip(p.text)}`, lv);
  }
}

/**
 * The level of the numbered heading after paragraph `i` (0: none before `end`), counted from the top of the
 * reader's list it is an item of: where items of that list at a shallower depth come first (第一项问题：… over
 * its （1）…（3）, Word's levels of one list, the problems' label no heading), the heading stands that many levels
 * under them, and a line over the list stands over its top items.
 */
function nextLevel(L: Layout, i: number, end: number): number {
  const items = new Map<number, { depth: number; list: string | undefined }>();
  for (const b of L.doc.blocks) if (b.kind === 'list_item' && b.paras && b.paras[0] > i && b.paras[0] < end) items.set(b.paras[0], { depth: b.depth ?? 0, list: b.list });
  let top: { depth: number; list: string | undefined } | null = null;
  for (let j = i + 1; j < end; j++) {
    const item = items.get(j);
    const h = L.headings[j];
    if (h) return Math.max(1, h.level - (item && top && top.list === item.list && top.depth < item.depth ? item.depth - top.depth : 0));
    if (item && (!top || item.depth < top.depth)) top = item;
  }
  return 0;
}

/**
 * A bulletin covering several units (a round's digest) lists each unit's problems under its name:
 * categories that name units (rules unit_line: 区教育局, 某某镇党委 …), two at least and every
 * category one, are units.
 */
export function unitCategories(L: Layout, categories: CategoryBlock[]): void {
  const re = rx(L.r.unit_line);
  const named = categories.filter((c) => c.rule === L.r.unit_line.id || re.test(c.title));
  if (named.length < 2 || named.length !== categories.length) return;
  for (const c of named) {
    c.unit = true;
    L.doc.decide('segment', 'layout', decisionId('unit_category'), spanOf(L, c.para), `the problems under it are the unit ${c.title}'s`, c.ordinal);
  }
}

/**
 * Headings that state the status of the problems under them (一、已完成整改的问题（9个））: each
 * problem under one takes that status. Under: after the heading and before the next heading of
 * its level or above.
 */
export function statusGroups(L: Layout, f: Frame, problems: ProblemBlock[]): void {
  const stack: Array<{ level: number; group: ProblemBlock['group'] | null }> = [];
  let k = 0;
  for (let i = f.bodyStart; i < f.closing && k < problems.length; i++) {
    const h = L.headings[i];
    if (problems[k]!.first === i) {
      const g = [...stack].reverse().find((x) => x.group)?.group;
      if (g) problems[k]!.group = g;
      k++;
      if (h) while (stack.length && stack[stack.length - 1]!.level >= h.level) stack.pop();
      continue;
    }
    if (!h) continue;
    while (stack.length && stack[stack.length - 1]!.level >= h.level) stack.pop();
    const gs = groupStatus(h.body);
    const at = gs ? L.doc.text.indexOf(gs.phrase, h.bodyStart) : -1;
    stack.push({ level: h.level, group: gs && at >= 0 ? { ...gs, span: [at, at + gs.phrase.length] } : null });
    if (gs) L.doc.decide('segment', 'group', gs.rule, spanOf(L, i), `problems under it are ${gs.status}: ${clip(h.body)}`);
  }
}

/**
 * A sentence outside the problems that gives their statuses by number (上述问题中，第1、2、4个问题已
 * 完成整改，第3、6个问题正在整改中): each problem it names takes that status.
 */
export function statusRoll(L: Layout, f: Frame, problems: ProblemBlock[]): void {
  if (problems.length < 2) return;
  const { paras, r, doc } = L;
  const inside = insideProblems(paras.length, problems);
  const byNumber = new Map(problems.map((p) => [p.number, p]));
  const roll = rx(r.status_roll, 'g');
  for (let i = f.bodyStart; i < paras.length; i++) {
    if (inside[i]) continue;
    const p = paras[i]!;
    // every number the paragraph names, and the roll lines next to it (a table of statuses by number, a line
    // per problem): a roll counts in a category only when all of them fall in it
    const numbersIn = (t: string) => [...t.matchAll(roll)].flatMap((m) => m[1]!.split(pattern('[^\\d{{n.ordinal}}]+')).filter(Boolean).map(cnOrdinal));
    let [from, to] = [i, i];
    while (from - 1 >= f.bodyStart && !inside[from - 1] && numbersIn(paras[from - 1]!.text).length) from--;
    while (to + 1 < paras.length && !inside[to + 1] && numbersIn(paras[to + 1]!.text).length) to++;
    const all = paras.slice(from, to + 1).flatMap((q) => numbersIn(q.text));
    for (const m of p.text.matchAll(roll)) {
      // (a status said two ways, 需长期坚持、久久为功: the first)
      const said = m[2]!.trim();
      // (or said of its work in a clause after it: 第2个问题中，人才引进工作正在推进中)
      const gs = groupStatus(`${said}的问题`) ?? groupStatus(`${said.split(pattern('[{{p.enum_comma}}]'))[0]!}的问题`) ?? (pattern('[{{p.comma}}]').test(said) ? phraseStatus(said) : null);
      if (!gs) continue;
      const numbers = m[1]!.split(pattern('[^\\d{{n.ordinal}}]+')).filter(Boolean).map(cnOrdinal);
      const named = rollTargets(i, numbers, all, problems, byNumber);
      if (!named.length) continue;
      const at = p.start + m.index! + m[0].indexOf(gs.phrase);
      for (const b of named) b.group = { status: gs.status, phrase: gs.phrase, span: [at, at + gs.phrase.length], rule: r.status_roll.id };
      doc.decide('segment', 'group', r.status_roll.id, [p.start + m.index!, p.start + m.index! + m[0].length], `problems ${numbers.join(', ')} are ${gs.status}: ${clip(m[0])}`);
    }
    rollRest(L, i, problems);
  }
}

/**
 * The problems a roll names: by their number in the document, or, where the roll follows a category
 * whose own list it counts (上述3个问题中，第1个、第3个问题…, the category's problems not numbered
 * from 1 in the document), by their place in that category.
 */
function rollTargets(i: number, numbers: number[], all: number[], problems: ProblemBlock[], byNumber: Map<number, ProblemBlock>): ProblemBlock[] {
  const before = problems.filter((b) => b.first < i);
  const last = before[before.length - 1];
  const mine = last ? before.filter((b) => b.category === last.category && last.category !== null) : [];
  const inCategory = mine.length > 0 && mine[0]!.number !== 1 && all.every((n) => n >= 1 && n <= mine.length) && !all.every((n) => mine.some((b) => b.number === n));
  if (inCategory) return numbers.map((n) => mine[n - 1]!);
  return numbers.map((n) => byNumber.get(n)).filter((b): b is ProblemBlock => !!b);
}

/** 其余正在推进 after statuses by number: the problems of that part (up to this paragraph, after the last roll or category) not named take it. */
function rollRest(L: Layout, i: number, problems: ProblemBlock[]): void {
  const { paras, r, doc } = L;
  const p = paras[i]!;
  if (!rx(r.status_roll).test(p.text)) return;
  const m = rx(r.status_roll_rest).exec(p.text);
  const gs = m ? groupStatus(`${m[1]!.trim()}的问题`) : null;
  if (!m || !gs) return;
  const before = problems.filter((b) => b.last < i);
  const last = before[before.length - 1];
  if (!last) return;
  // the part: problems of the last one's category, after any earlier roll line
  const prevRoll = paras.findLastIndex((q, k) => k < i && rx(r.status_roll).test(q.text));
  const mine = before.filter((b) => b.category === last.category && b.first > prevRoll);
  const at = p.start + m.index! + m[0].indexOf(gs.phrase);
  const rest = mine.filter((b) => !b.group);
  for (const b of rest) b.group = { status: gs.status, phrase: gs.phrase, span: [at, at + gs.phrase.length], rule: r.status_roll_rest.id };
  if (rest.length) doc.decide('segment', 'group', r.status_roll_rest.id, [p.start + m.index!, p.start + m.index! + m[0].length], `problems ${rest.map((b) => b.number).join(', ')} (the rest) are ${gs.status}: ${clip(m[0])}`);
}

/**
 * Answers to a category's problems by their number in it (整改情况：针对问题一，… ⏎ 针对问题二，…): each,
 * with the paragraphs after it up to the next answer or heading, is the Nth problem's of its category.
 */
export function linkItemAnswers(L: Layout, f: Frame, problems: ProblemBlock[], categories: CategoryBlock[]): void {
  const { paras, headings, r, doc } = L;
  const re = rx(r.answer_item);
  const inside = insideProblems(paras.length, problems);
  for (let i = f.bodyStart; i < f.closing; i++) {
    const m = inside[i] ? null : re.exec(paras[i]!.text);
    if (!m) continue;
    const cat = [...categories].reverse().find((c) => c.para < i);
    const mine = problems.filter((p) => p.category === (cat?.ordinal ?? null) && p.first < i && (!cat || p.first > cat.para));
    const target = mine[cnOrdinal((m[1] ?? m[2])!) - 1];
    if (!target || target.answer) continue;
    let last = i;
    while (last + 1 < f.closing && !inside[last + 1] && !headings[last + 1] && !re.test(paras[last + 1]!.text)) last++;
    target.answer = { first: i, last, headStart: paras[i]!.start + m[0].length, rule: r.answer_item.id };
    doc.decide('segment', 'measures', r.answer_item.id, [paras[i]!.start, paras[last]!.end], `answers problem ${target.number}: ${clip(paras[i]!.text)}`, target.number);
  }
}

/**
 * One answer to the problems listed before it (主要问题：1.X；2.Y；3.Z。 ⏎ 整改情况：针对上述问题，…):
 * its paragraphs, up to the next heading or problem, are the shared measures of each problem of that
 * list with none of its own (a problem of one line, in the same category, right before it).
 */
export function sharedAnswers(L: Layout, f: Frame, problems: ProblemBlock[]): void {
  const { paras, headings, r, doc } = L;
  const bareLabel = (t: string) => { const m = rx(r.labels.measures).exec(t); return !!m && !t.slice(m[0].length).trim(); };
  const inside = insideProblems(paras.length, problems);
  const re = rx(r.shared_answer);
  for (let i = f.bodyStart; i < f.closing; i++) {
    const m = inside[i] || headings[i] ? null : re.exec(paras[i]!.text);
    if (!m) continue;
    const before = problems.filter((b) => b.last < i);
    const lastOne = before[before.length - 1];
    // (a label alone on its line between the list and the answer, 整改情况： ⏎ 针对上述问题，…, goes with the list)
    if (!lastOne || (lastOne.last !== i - 1 && !(lastOne.last === i - 2 && bareLabel(paras[i - 1]!.text)))) continue;
    // the list: problems of one line each (and a bare label), back from the last, in its category
    const list: ProblemBlock[] = [];
    for (let k = before.length - 1; k >= 0; k--) {
      const b = before[k]!;
      const oneLine = b.last === b.first || (b.last === b.first + 1 && bareLabel(paras[b.last]!.text));
      if (b.category !== lastOne.category || !oneLine || b.answer || (list.length && b.last !== list[list.length - 1]!.first - 1)) break;
      list.push(b);
    }
    if (list.length < 2) continue;
    let last = i;
    while (last + 1 < f.closing && !inside[last + 1] && !headings[last + 1] && !rx(r.status_roll).test(paras[last + 1]!.text)) last++;
    const labelEnd = rx(r.labels.measures).exec(paras[i]!.text)?.[0].length ?? 0;
    for (const b of list) b.answer = { first: i, last, headStart: paras[i]!.start + labelEnd, rule: r.shared_answer.id, shared: true };
    doc.decide('segment', 'measures', r.shared_answer.id, [paras[i]!.start, paras[last]!.end], `answers problems ${list.map((b) => b.number).reverse().join(', ')} together: ${clip(paras[i]!.text)}`);
  }
}

/**
 * A category's problems listed in one paragraph (反馈问题：A（已完成）；B（持续推进）；C。) and answered by the
 * measures paragraph right after the list (整改措施：一是…), with no 针对上述问题 to say so: that answer is the
 * list's, shared, not the last item's alone.
 */
export function listAnswers(L: Layout, problems: ProblemBlock[]): void {
  const { paras, r, doc } = L;
  const label = rx(r.labels.measures);
  for (let k = 0; k < problems.length; k++) {
    const run = [problems[k]!];
    while (k + run.length < problems.length) {
      const next = problems[k + run.length]!;
      if (next.rule !== r.problem_list.id || next.category !== run[0]!.category || next.first !== run[run.length - 1]!.last + 1) break;
      run.push(next);
    }
    const last = run[run.length - 1]!;
    const single = run.slice(0, -1).every((b) => b.last === b.first && !b.answer);
    if (run.length >= 2 && run[0]!.rule === r.problem_list.id && single && !last.answer && last.last > last.first && label.test(paras[last.first + 1]!.text)) {
      const answer = { first: last.first + 1, last: last.last, headStart: paras[last.first + 1]!.start + (label.exec(paras[last.first + 1]!.text)?.[0].length ?? 0), rule: r.problem_list.id, shared: true };
      last.last = last.first;
      for (const b of run) b.answer = { ...answer };
      doc.decide('segment', 'measures', r.problem_list.id, [paras[answer.first]!.start, paras[answer.last]!.end], `answers problems ${run.map((b) => b.number).join(', ')} together: ${clip(paras[answer.first]!.text)}`);
    }
    k += run.length - 1;
  }
}

/** Character pairs of a text (for matching a problem's name as a status sentence gives it). */
const pairsOf = (t: string) => new Set(Array.from({ length: Math.max(0, t.length - 1) }, (_, k) => t.slice(k, k + 2)));

/**
 * Statuses given by the problems' names after them (截至目前，上述问题中，关于X的问题和关于Y的问题已取得阶段性
 * 成效；关于Z的问题需长期坚持；其余问题均已整改完成): each name is matched to the problem whose words it
 * shares most (two thirds of its character pairs at least), and 其余 gives the rest that status.
 */
export function statusByName(L: Layout, f: Frame, problems: ProblemBlock[]): void {
  if (problems.length < 2) return;
  const { paras, r, doc } = L;
  const inside = insideProblems(paras.length, problems);
  const heads = problems.map((b) => pairsOf(doc.text.slice(b.headStart, paras[b.first]!.end)));
  for (let i = f.bodyStart; i < paras.length; i++) {
    if (inside[i]) continue;
    const p = paras[i]!;
    let named = 0;
    for (const m of p.text.matchAll(rx(r.status_by_name, 'g'))) {
      const gs = groupStatus(`${m[2]!.trim()}的问题`) ?? phraseStatus(m[2]!);
      if (!gs) continue;
      const at = p.start + m.index! + m[0].lastIndexOf(gs.phrase);
      for (const n of m[1]!.matchAll(rx(r.status_name, 'g'))) {
        const want = pairsOf(n[1]!);
        let best = -1;
        let bestScore = 0;
        heads.forEach((h, k) => { let c = 0; for (const x of want) if (h.has(x)) c++; const sc = want.size ? c / want.size : 0; if (sc > bestScore) { bestScore = sc; best = k; } });
        if (best < 0 || bestScore < 0.66) continue;
        problems[best]!.group = { status: gs.status, phrase: gs.phrase, span: [at, at + gs.phrase.length], rule: r.status_by_name.id };
        named++;
        doc.decide('segment', 'group', r.status_by_name.id, [p.start + m.index!, p.start + m.index! + m[0].length], `problem ${problems[best]!.number} is ${gs.status}, by its name: ${clip(n[0])}`);
      }
    }
    if (!named) continue;
    const rest = rx(r.status_rest).exec(p.text);
    const gs = rest ? groupStatus(`${rest[1]!.trim()}的问题`) : null;
    if (!rest || !gs) continue;
    const at = p.start + rest.index! + rest[0].lastIndexOf(gs.phrase);
    for (const b of problems) if (!b.group) b.group = { status: gs.status, phrase: gs.phrase, span: [at, at + gs.phrase.length], rule: r.status_rest.id };
  }
}
