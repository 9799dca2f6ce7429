// Declared totals against what the problems say: every mismatch is a warning,
// never a silent correction. Also flags documents that are not bulletins at all.
import type { Doc } from '../../core/doc.js';
import type { Segmentation } from '../segment/segment.js';
import type { Issue } from '../../core/record.js';
import { loadRules, rx, type RegexRule } from '../../core/rules.js';
import { statusFromGroupLead } from './group-lead.js';

/**
 * A bulletin that sorts its open problems only as long-term (已完成整改26个，长期整改5个, no
 * in-progress figure) says what its open problems are: where the open ones number exactly the
 * declared long-term figure, each is long-term. The status keeps its own phrase; its rule says
 * the class came from the declared totals (rules/status.json inferences).
 */
export function statusFromDeclared(summary: Record<string, number>, issues: Issue[]): number {
  if (summary.long_term === undefined || summary.in_progress !== undefined || summary.not_completed !== undefined) return 0;
  const open = issues.filter((i) => i.status === 'in_progress' || i.status === 'long_term');
  if (!open.length || open.length !== summary.long_term) return 0;
  if (summary.completed !== undefined && summary.completed !== issues.filter((i) => i.status === 'completed').length) return 0;
  let n = 0;
  for (const i of open) {
    if (i.status === 'long_term') continue;
    i.status = 'long_term';
    i.status_rule = DECLARED_LONG_TERM;
    n++;
  }
  return n;
}
const DECLARED_LONG_TERM = loadRules<{ inferences: Array<{ id: string }> }>('status.json').inferences.find((r) => r.id === 'status.declared_long_term')!.id;

export { checkOf } from '../../core/checks.js';
import { checkOf } from '../../core/checks.js';

/**
 * What a declared total is checked against: the count found for its key, or null where the
 * record has nothing to compare it with (tasks, measures, money…). An open figure declared
 * alone (in progress only, or long-term only) counts both open statuses. Used by reconcile
 * below and by `zhenggai explain`.
 */
export function foundFor(key: string, summary: Record<string, number>, issues: Issue[], categories: number): number | null {
  const n = (s: Issue['status']) => issues.filter((i) => i.status === s).length;
  switch (key) {
    case 'problems': return issues.length;
    case 'completed': return n('completed');
    case 'in_progress': return summary.long_term === undefined ? n('in_progress') + n('long_term') : n('in_progress');
    case 'long_term': return summary.in_progress === undefined ? n('in_progress') + n('long_term') : n('long_term');
    case 'not_completed': return n('in_progress') + n('long_term');
    case 'aspects': return categories || null;
    default: return null;
  }
}

export function reconcile(doc: Doc, summary: Record<string, number>, issues: Issue[], seg: Segmentation): void {
  statusFromGroupLead(doc, seg, issues);
  const inferred = statusFromDeclared(summary, issues);
  if (inferred) doc.message({ ruleId: DECLARED_LONG_TERM, stage: 'reconcile', severity: 'info', message: `${inferred} open problem(s) read as long-term: the bulletin declares its ${summary.long_term} open problems long-term` });
  const warn = (check: string, message: string) => { const c = checkOf(check); doc.message({ ruleId: c.id, stage: 'reconcile', severity: 'warning', code: c.code, message }); };
  const count = (s: Issue['status']) => issues.filter((i) => i.status === s).length;
  const done = count('completed');
  const ongoing = count('in_progress');
  const long = count('long_term');
  const unknown = count('unknown');

  const words = loadRules<{ checks: { not_a_bulletin: { inspection: RegexRule; rectification: RegexRule } } }>('checks.json').checks.not_a_bulletin;
  const isBulletin = rx(words.inspection).test(doc.text.slice(0, 3000)) && rx(words.rectification).test(doc.text);
  if (!isBulletin) {
    warn('not_a_bulletin', 'no inspection (巡视/巡察) rectification wording: this does not read like a bulletin');
    return;
  }
  if (!issues.length) {
    // never a silent zero: say what was seen and tried, and that a declared count went unfound
    warn('no_content', `no problems found${Object.keys(summary).length ? '' : ' and no declared totals'}: ${noProblemsSeen(doc, seg)}`);
    if (summary.problems !== undefined && summary.problems > 0) warn('problems', `declared ${summary.problems} problems, found 0`);
    return;
  }
  // The declared problem count can be stated per problem (具体问题) or per task; compare what is comparable.
  if (summary.problems !== undefined && summary.problems !== issues.length && summary.tasks !== issues.length) {
    warn('problems', `declared ${summary.problems} problems, found ${issues.length}`);
  }
  // completed and the open figures, each against foundFor (the counts explain shows); an open
  // figure declared alone counts both open statuses, and a not-completed figure is checked only
  // when neither in-progress nor long-term is declared
  const found = (key: string) => foundFor(key, summary, issues, seg.categories.length);
  const alone = !(summary.in_progress !== undefined && summary.long_term !== undefined);
  const checks: Array<[string, string, boolean]> = [
    ['completed', 'completed', true],
    ['in_progress', 'in progress', true],
    ['long_term', 'long-term', true],
    ['not_completed', 'not completed', summary.in_progress === undefined && summary.long_term === undefined],
  ];
  for (const [key, what, applies] of checks) {
    const f = found(key);
    if (!applies || summary[key] === undefined || f === null || summary[key] === f) continue;
    const open = key !== 'completed' && (alone || key === 'not_completed') ? ` not completed (${ongoing} in progress, ${long} long-term)` : '';
    warn(key, `declared ${summary[key]} ${what}, found ${f}${open}`);
  }
  if (unknown) warn('unknown_status', `${unknown} problem(s) with no status wording: ${issues.filter((i) => i.status === 'unknown').map((i) => i.number).join(', ')}`);
  const aspects = found('aspects');
  if (aspects !== null && summary.aspects !== undefined && summary.aspects !== aspects) {
    warn('aspects', `declared ${summary.aspects} aspects, found ${aspects} categories`);
  }
}

/** What the segmenter saw and tried when it found no problem: the heading lines and the readings, for the warning. */
function noProblemsSeen(doc: Doc, seg: Segmentation): string {
  const heads = doc.decisions().filter((m) => m.decision === 'part' || m.decision === 'category' || m.decision === 'org_point').slice(0, 6)
    .map((m) => doc.text.slice(m.span![0], Math.min(m.span![1], m.span![0] + 20)));
  const tried = (seg.readings ?? []).map((r) => `${r.id} ${r.problems}`).join(', ');
  return `headings seen: ${heads.length ? heads.join(' / ') : 'none'}; readings tried: ${tried || 'none'}`;
}
