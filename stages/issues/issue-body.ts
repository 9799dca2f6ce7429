// The paragraphs of one problem block after its title, one at a time: a status field, a
// deadline or cause note, a problem label, the measures label, the outcome (通过整改…), the
// measures (一是…, 1.…, plain paragraphs) and the notes.
import { pattern, punct, rx } from '../../core/rules.js';
import { structureRules, statusRules, isStatusValue, isLeadStatus, isStatusLine, statusOnly, saysStatus } from '../../core/vocabulary.js';
import { seriesMarkers } from './series.js';
import { issueReaderRules, punctChars } from './issue-rules.js';

/** What the paragraphs have said so far. */
export interface BodyReading {
  /** the problem's words (a 问题：X paragraph may give them when the title did not) */
  problem: string;
  measures: string[];
  notes: string[];
  outcome: string | null;
  statusField: string | null;
  /** a 一是… series may continue over paragraphs (二是 heads the next one) */
  lastMarker: number;
  /** the measures so far are whole paragraphs with no markers */
  plain: boolean;
  /** the reader's list the last measure was an item of (a problem's measures as a <ul>, a Word list) */
  measureList?: string | null;
  /** the paragraph after the one being read (a series after the clause's subject may go on in it: 部党组一是…； ⏎ 二是…) */
  next?: string;
}

/** Read each paragraph into the reading; `lists`: the reader's list each paragraph is an item of (null: none). */
export function readBodies(bodies: string[], st: BodyReading, lists: Array<string | null> = []): void {
  bodies.forEach((body, i) => {
    const list = lists[i] ?? null;
    const before = st.measures.length;
    st.next = bodies[i + 1];
    readBody(body, st, list);
    if (st.measures.length > before) st.measureList = list;
  });
}

/** A paragraph that is only a field's label (整改措施, 整改状态：), its colon or not. */
function bareLabel(body: string): boolean {
  const t = body.trim();
  if (!t || t.length > 10) return false;
  const { labels } = structureRules();
  const words = t.replace(pattern('[{{p.colon}}]$'), '');
  if (pattern('[{{p.colon}}]').test(words)) return false;
  const w = `${words}${punct('colon').charAt(0)}`;
  return [labels.measures, labels.deadline].some((r) => rx(r).exec(w)?.[0].length === w.length) || pattern('^(?:{{status_label}})\\s*[{{p.colon}}]$').test(w);
}

function readBody(body: string, st: BodyReading, list: string | null): void {
  const r = structureRules();
  // a paragraph that is only a status in brackets (【持续推进】 under a card's title): the status
  // a field's label alone, without its colon or its value there (a page's <h5>整改措施</h5> over the list of measures;
  // 整改状态： left when its value in brackets was read as the status): a label, no measure
  if (bareLabel(body)) return;
  // — or a status label with its value in brackets (整改状态：【持续推进】, a page's tag after its label)
  const labelled = rx(r.labels.status).exec(body);
  const valued = labelled?.index === 0 ? body.slice(labelled[0].length - labelled[1]!.length) : body;
  const tag = rx(r.bracket_status).exec(valued);
  if (tag && tag[0].length >= valued.trim().length) { st.statusField ??= tag[1]!; return; }
  // (an answer's label, 答：, is no part of what was done)
  let raw = withoutStatusField(body.replace(rx(r.answer_label), ''), st);
  if (raw === null) return;
  // the next item of the list the measures are in is another measure, whatever it says of the work
  // (对…96个问题逐一复核，其余15个正在推进中), unless it is what came of it or only a status
  // (its number, （2） after （1）, is no part of it, as the first item's is not: readMeasures)
  if (list !== null && list === st.measureList && rx(r.outcome).exec(raw)?.index !== 0 && !isStatusLine(raw) && !(raw.length <= 16 && statusOnly(raw))) {
    listMeasure(raw, st);
    return;
  }
  // a paragraph after the list the measures are in, not in it, that only says where the work stands (专业结构调整需长期坚持，…):
  // a note, as a status sentence after the measures is
  if (st.measureList != null && list !== st.measureList && saysStatus(raw) && !seriesMarkers(raw).length && !rx(r.labels.measures).test(raw) && rx(r.outcome).exec(raw)?.index !== 0) { st.notes.push(raw); return; }
  if (rx(r.labels.deadline).test(raw) || rx(r.labels.cause).test(raw)) { st.notes.push(raw); return; }
  // a sentence that points at the problem's table of measures (…具体落实情况见下表。) is none of them
  if (rx(r.table_intro).test(raw)) return;
  if (problemLabel(raw, st)) return;
  // a status field whose value is a sentence, not a status word (整改进度：学会服务站须由…): where the work stands, a note
  const field = rx(r.labels.status).exec(raw);
  if (field && field.index === 0 && !rx(r.labels.measures).test(raw) && !seriesMarkers(raw).length) { st.notes.push(raw); return; }
  // (what came of it may be said first: measures under their label or in a series after the result are still measures)
  const measuresAfter = rx(r.labels.measures).test(raw) || seriesMarkers(raw, st.lastMarker).some((m) => m.at === 0);
  raw = withoutMeasuresLabel(raw, st);
  if (!raw) return;
  // an answer that says its status first, in a sentence of its own (已整改完毕。镇党委修订…): the status, the rest the measures
  const lead = st.measures.length || st.statusField ? null : pattern('^([^{{p.comma}}{{p.full_stop}}{{p.semicolon}}{{p.colon}}]{2,12})[{{p.full_stop}}]\\s*(?=\\S)').exec(raw);
  if (lead && statusOnly(lead[1]!) && !rx(r.outcome).test(lead[1]!)) { st.statusField = lead[1]!; raw = raw.slice(lead[0].length); }
  if (st.outcome !== null && !measuresAfter) { st.notes.push(raw); return; }
  // outcome inside this paragraph? what stands before it is read for measures
  const outcomeRe = rx(r.outcome, 'g');
  outcomeRe.lastIndex = 0;
  const om = outcomeRe.exec(raw);
  // what came of it said first and the measures after it in the same paragraph (经过整改，X。具体做法是：（1）…；（2）…):
  // the result ends at the sentence before the series
  if (om && om.index === 0) {
    const series = seriesMarkers(raw).filter((m) => m.at > 0);
    const stopAt = series.length >= 2 ? raw.lastIndexOf(punctChars('full_stop'), series[0]!.at) : -1;
    if (stopAt > 0) {
      readOutcome(raw.slice(0, stopAt + 1), om, st);
      readMeasures(raw.slice(stopAt + 1).trim(), false, false, st);
      return;
    }
  }
  const before = om ? raw.slice(0, om.index).trim() : raw;
  if (om) readOutcome(raw, om, st);
  if (!before) return;
  readMeasures(before, raw === before, om !== null, st);
}

/**
 * The next item of the list the measures are in: a measure, less its number (1. （2） ①, or the next of a series the
 * measures before it began, 1.1.2 after 1.1.1), and less what came of the work where a sentence of its own at its end
 * says it (…。通过整改，X), as a paragraph of no list is read.
 */
function listMeasure(raw: string, st: BodyReading): void {
  const item = rx(issueReaderRules().item).exec(raw);
  const mark = item ? null : seriesMarkers(raw, st.lastMarker).find((m) => m.at === 0 && m.len < raw.length);
  if (mark) st.lastMarker = mark.k;
  const measure = item && item[0].length < raw.length ? raw.slice(item[0].length) : mark ? raw.slice(mark.len) : raw;
  const om = st.outcome === null ? rx(structureRules().outcome).exec(measure) : null;
  const before = om ? measure.slice(0, om.index).trim() : '';
  if (!om || !pattern('[{{p.full_stop}}{{p.semicolon}}]$').test(before)) { st.measures.push(measure); return; }
  st.measures.push(before);
  readOutcome(measure, om, st);
}

/**
 * The first status field whose value is a status (完成情况 inside the measures label 整改完成情况：1.… is
 * none) is the status: the paragraph without it, or null when nothing is left to read.
 */
function withoutStatusField(raw: string, st: BodyReading): string | null {
  const r = structureRules();
  const field = [...raw.matchAll(rx(r.labels.status, 'g'))].find((m) => isStatusValue(m[1]!.trim())) ?? null;
  if (!field) return raw;
  // a status field is not part of the measure, nor is the rest of its sentence (整改状态：未完成，持续推进中。)
  st.statusField = field[1]!.trim();
  const after = raw.slice(field.index! + field[0].length);
  const stop = after.search(pattern('[{{p.full_stop}}{{p.semicolon}}]'));
  const rest = stop >= 0 && stop <= 20 ? after.slice(stop + 1) : after.replace(pattern('^[{{p.full_stop}}{{p.semicolon}}{{p.comma}}]'), '');
  // a paragraph that opens with the status field says how the problem stands: what follows is a note, not a measure
  // (what came of it, 通过整改，…, is read as the outcome as ever)
  if (!raw.slice(0, field.index).trim() && rest.trim() && st.measures.length && !rx(r.outcome).test(rest.trim())) { st.notes.push(rest.trim()); return null; }
  const left = (raw.slice(0, field.index) + rest).trim();
  return left.replace(pattern('[{{p.full_stop}}{{p.wide_semicolon}}\\s]', 'g'), '').length < 4 ? null : left;
}

/** 问题：X in a following paragraph (a problem label under a numbered heading): read, true. */
function problemLabel(raw: string, st: BodyReading): boolean {
  const pl = rx(structureRules().labels.problem).exec(raw);
  if (!pl || st.measures.length) return false;
  // 问题：X under a bare number is the problem; 问题表现：… under a titled problem describes it
  if (st.problem === '' || st.problem.length < 4) st.problem = raw.slice(pl[0].length).replace(pattern('[{{p.full_stop}}]$'), '');
  else st.notes.push(raw);
  return true;
}

/** The paragraph without its measures label (整改情况：), and without a status said first under it (整改情况：已完成。制定…). */
function withoutMeasuresLabel(raw: string, st: BodyReading): string {
  const label = rx(structureRules().labels.measures);
  const labelled = label.test(raw);
  let rest = raw.replace(label, '');
  if (labelled) {
    const lead = pattern('^([^{{p.comma}}{{p.full_stop}}{{p.semicolon}}{{p.colon}}]{2,8})[{{p.full_stop}}{{p.comma}}{{p.semicolon}}]\\s*').exec(rest);
    if (lead && isLeadStatus(lead[1]!)) {
      st.statusField ??= lead[1]!;
      rest = rest.slice(lead[0].length);
    }
  }
  return rest;
}

/** A clause that is only a status other than done (暂未完成, 正在推进): its value read as the status fields are. */
const notCompleted = (clause: string): boolean => statusOnly(clause) && statusRules().field_values.some((f) => f.status !== 'completed' && rx(f).test(clause));

/** The outcome from where `om` found it to the paragraph's end, less a status said first and the sentences after it that say where the work stands. */
function readOutcome(raw: string, om: RegExpExecArray, st: BodyReading): void {
  // a result field (整改成效：X, 【整改成效】X, a table's 整改成效 column) is X: the label is no part of the result
  let outcome = (pattern('[{{p.colon}}]$').test(om[0]) ? raw.slice(om.index + om[0].length) : raw.slice(om.index)).trim();
  // a result field that says its status first (整改成效：该问题已完成整改。通过整改，…): that is the status, the rest the outcome
  const lead = pattern('^([^{{p.full_stop}}{{p.wide_semicolon}}]{2,20})[{{p.full_stop}}{{p.wide_semicolon}}]\\s*(?=\\S)').exec(outcome);
  if (lead && statusOnly(lead[1]!)) { st.statusField ??= lead[1]!; outcome = outcome.slice(lead[0].length).trim(); }
  // a result field that gives only a status (成效：暂未完成。), or one not done and why (成效：暂未完成，原因是…): no result
  const only = outcome.replace(pattern('[{{p.full_stop}}{{p.semicolon}}]$'), '');
  const notDone = pattern('^([^{{p.comma}}{{p.full_stop}}{{p.semicolon}}]{2,8})[{{p.comma}}]\\s*(?=\\S)').exec(outcome);
  if (only && only.length <= 6 && isStatusValue(only)) { st.statusField ??= only; st.outcome = null; return; }
  if (notDone && notCompleted(notDone[1]!)) {
    st.statusField ??= notDone[1]!;
    st.notes.push(outcome.slice(notDone[0].length).trim());
    st.outcome = null;
    return;
  }
  const at = statusSentenceAt(outcome);
  if (at > 0) {
    st.notes.push(outcome.slice(at).trim());
    outcome = outcome.slice(0, at).trim();
  }
  st.outcome = outcome;
}

/**
 * Where the result ends: where a sentence saying where the work stands begins (…明显减少。目前，二期
 * 工程正在施工中 / …有所缓解。人才队伍建设是一项长期任务，…); -1 when none does.
 */
function statusSentenceAt(outcome: string): number {
  const stop = punctChars('full_stop');
  const later = [...outcome.matchAll(rx(statusRules().progress_sentence, 'g'))].find((m) => m.index! > 0 && m[0].trim());
  let at = later ? later.index! + (later[0].length - later[0].trimStart().length) : -1;
  for (let k = outcome.indexOf(stop) + 1; k > 0 && k < outcome.length && (at < 0 || k < at); k = outcome.indexOf(stop, k) + 1) {
    const next = outcome.slice(k, outcome.indexOf(stop, k) < 0 ? outcome.length : outcome.indexOf(stop, k) + 1);
    if (saysStatus(next) && !rx(structureRules().outcome).test(next)) { at = k; break; }
  }
  return at;
}

/**
 * Measures in a paragraph (`before`: its text before any outcome; `whole`: no outcome cut it):
 * a numbered measure paragraph, a series run into it, a plain paragraph; else a note.
 */
function readMeasures(before: string, whole: boolean, hadOutcome: boolean, st: BodyReading): void {
  const { measures } = st;
  // numbered measure paragraphs under a problem heading: 1.完善制度… / （1）… / ①…
  const marks = seriesMarkers(before, st.lastMarker, st.next);
  const item = rx(issueReaderRules().item).exec(before);
  if (item && whole && marks.length <= 1) {
    st.plain = false;
    measures.push(before.slice(item[0].length));
    // （1）/① items count on as a series: （2） in a later paragraph (a wrapped line) continues it
    if (marks.length === 1 && marks[0]!.at === 0) st.lastMarker = marks[0]!.k;
    return;
  }
  if (marks.length) {
    st.plain = false;
    st.lastMarker = marks[marks.length - 1]!.k;
    const lead = before.slice(0, marks[0]!.at).trim();
    // (words that introduce the series, 针对上述问题，院党委统筹制定整改措施：, are no measure)
    const intro = pattern('[{{p.colon}}]$').test(lead) || rx(structureRules().shared_answer).test(lead);
    if (lead && measures.length === 0 && lead.length > 12 && !intro) measures.push(lead);
    else if (lead && measures.length) measures[measures.length - 1] += lead;
    marks.forEach((m, k) => {
      const end = k + 1 < marks.length ? marks[k + 1]!.at : before.length;
      measures.push(before.slice(m.at + m.len, end).trim());
    });
  } else if (measures.length === 0 && statusLead(before)) {
    // 此项整改仍在推进：剩余2个岗位正按程序招聘。 — where the work stands, said before any measure: a note
    st.notes.push(before);
  } else if (measures.length === 0) {
    measures.push(before);
    st.plain = true;
  } else if (st.plain && !hadOutcome && isPlainMeasure(before)) {
    // measures written as paragraphs with no markers, one after another: each is a measure
    measures.push(before);
  } else {
    st.notes.push(before);
  }
}

/** A paragraph that opens with a status and a colon (此项整改仍在推进：…, 该问题已整改完成：…): it says how the problem stands. */
function statusLead(p: string): boolean {
  const colon = pattern('[{{p.colon}}]').exec(p);
  return !!colon && colon.index > 0 && statusOnly(p.slice(0, colon.index)) && !rx(structureRules().labels.measures).test(p.slice(0, colon.index + 1));
}

/** A paragraph after plain measures is another one, unless it says where the work stands (目前…/截至…), its status, or what came of it or why (通过…/由于…). */
function isPlainMeasure(p: string): boolean {
  return rx(statusRules().progress_sentence).exec(p)?.index !== 0 && !isStatusLine(p) && !statusOnly(p) && !rx(structureRules().note_start).test(p);
}
