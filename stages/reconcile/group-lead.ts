// Statuses a group's own figures give (属于立行立改的问题13个，已整改到位12个，另有1个问题的后续工作
// 正在推进, under the group's heading): its problems that say nothing of their status are completed
// where the figures tie exactly (rules/status.json status.group_lead_figures). The bulletin's words for that group,
// read as such, never a guess: figures that are not the group's, or that do not tie, change nothing.
import type { Doc } from '../../core/doc.js';
import type { Issue } from '../../core/record.js';
import type { Segmentation } from '../../core/segmentation.js';
import { loadRules, rx } from '../../core/rules.js';
import { extractTotals } from '../totals/totals.js';
import { parseNumber } from '../../core/numerals.js';
import { statusRules } from '../../core/vocabulary.js';

const RULE = loadRules<{ inferences: Array<{ id: string }> }>('status.json').inferences.find((r) => r.id === 'status.group_lead_figures')!.id;
const KEYS: ReadonlySet<string> = new Set(['problems', 'completed', 'in_progress', 'long_term', 'not_completed']);
const isOpen = (i: Issue) => i.status === 'in_progress' || i.status === 'long_term';

/** The counts of problems some paragraphs state (问题13个, 4个问题: rules/status.json group_count). */
function problemCounts(pieces: Array<{ text: string; start: number }>): number[] {
  const out: number[] = [];
  for (const p of pieces) for (const m of p.text.matchAll(rx(statusRules().group_count, 'g'))) { const v = parseNumber(m[1] ?? m[2]!); if (v !== null) out.push(v); }
  return out;
}

/**
 * The groups of problems a bulletin lists one after another with words between them (a heading,
 * a lead paragraph): each a run of problems with no other paragraph between two of them.
 */
function runsOf(seg: Segmentation): Array<{ from: number; to: number }> {
  const runs: Array<{ from: number; to: number }> = [];
  seg.problems.forEach((b, k) => {
    const last = runs[runs.length - 1];
    if (last && seg.problems[k - 1]!.last + 1 >= b.first) last.to = k;
    else runs.push({ from: k, to: k });
  });
  return runs;
}

/** Paragraphs before a group's first problem read for its figures: its lead, under its heading. */
const LEAD_PARAGRAPHS = 3;

/**
 * The problems given their status by their group's lead figures (each traced, and an info message a group). Only a group among
 * others: a bulletin's figures for all of its problems are its declared totals, checked against
 * the problems (reconcile), never a source of their statuses.
 */
export function statusFromGroupLead(doc: Doc, seg: Segmentation, issues: Issue[]): void {
  if (seg.problems.length !== issues.length) return;
  const runs = runsOf(seg);
  runs.forEach((run, r) => {
    const mine = issues.slice(run.from, run.to + 1);
    const unknown = mine.filter((i) => i.status === 'unknown');
    if (mine.length < 2 || mine.length === issues.length || !unknown.length) return;
    const first = seg.problems[run.from]!.first;
    const after = r > 0 ? seg.problems[runs[r - 1]!.to]!.last + 1 : 0;
    const lead = doc.paragraphs.slice(Math.max(after, first - LEAD_PARAGRAPHS), first).map((p) => ({ text: p.text, start: p.start }));
    if (!lead.length) return;
    const done = extractTotals(lead, undefined, KEYS).hits.find((h) => h.key === 'completed');
    // the figures are this group's: a problem count among them is the number of its problems
    if (!done || !problemCounts(lead).includes(mine.length)) return;
    const said = mine.filter((i) => i.status === 'completed').length;
    const open = mine.filter(isOpen).length;
    if (said + unknown.length !== done.value || open !== mine.length - done.value) return;
    for (const i of unknown) {
      i.status = 'completed';
      i.status_phrase = done.text;
      i.status_rule = RULE;
      i.status_span = [done.index, done.index + done.text.length];
      doc.redecide('reconcile', 'status', RULE, i.status_span, `problem ${i.number}: completed (${done.text}), from the figures over its group`, i.number);
    }
    doc.message({ ruleId: RULE, stage: 'reconcile', severity: 'info', span: [done.index, done.index + done.text.length], message: `problems ${unknown.map((i) => i.number).join(', ')} read as completed: the figures over their group (${done.text}) leave them done` });
  });
}
