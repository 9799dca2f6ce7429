// `zhenggai explain FILE`: the bulletin's outline as the pipeline read it, with the rule id
// and the line of every decision — title, unit and region with the span each came from;
// parts, categories, groups, problems with their measures, outcome and status; declared
// totals and each mismatch. For staff who check a record, and for us when a bulletin is misread.
import type { Doc, Message } from '../core/doc.js';
import type { Issue } from '../core/record.js';
import { printable } from './format.js';
import { foundFor } from '../stages/reconcile/reconcile.js';
import { LEVEL_LABEL, STATUS_LABEL, type Lang } from './labels.js';

export interface ExplainLine { line: number | null; what: string; rule: string; text: string; span: [number, number] | null; value?: string | number | null }
export interface ExplainTotal { key: string; declared: number; found: number | null; match: boolean | null; rule: string | null; line: number | null; text: string | null }
export interface Explanation {
  path: string;
  sha256: string;
  bulletin: Record<string, { value: unknown; rule: string | null; line: number | null; span: [number, number] | null; text: string | null }>;
  outline: ExplainLine[];
  issues: Array<{ number: number; label: string | null; line: number; rule: string; numbering_rule: string | null; category: number | null; problem: string; measures: number; outcome: boolean; status: Issue['status']; status_phrase: string | null; status_rule: string | null; quantities: number }>;
  totals: ExplainTotal[];
  warnings: Array<{ code: string; rule: string | null; line: number | null; message: string }>;
  /** the typed document's blocks other than plain paragraphs: what the reader saw (core/blocks.ts) */
  blocks: Array<{ kind: string; line: number | null; level: number | null; emphasis: boolean; rows: number | null; text: string }>;
}

const FIELDS = ['title', 'issuer', 'unit', 'region', 'region_code', 'level', 'inspection_kind', 'team', 'round', 'inspection_start', 'inspection_end', 'feedback_date', 'as_of_date', 'published_date', 'doc_number'] as const;

export function explain(doc: Doc): Explanation {
  const rec = doc.record!;
  const line = (span: [number, number] | null | undefined) => (span ? doc.lineOf(span[0]) : null);
  const slice = (span: [number, number] | null | undefined) => (span ? doc.text.slice(span[0], span[1]) : null);
  const bulletin: Explanation['bulletin'] = {};
  const prov = rec.provenance.bulletin;
  for (const f of FIELDS) {
    const p = prov[f];
    bulletin[f] = { value: (rec.bulletin as Record<string, unknown>)[f] ?? null, rule: p?.rule ?? null, line: line(p?.span), span: p?.span ?? null, text: slice(p?.span) };
  }
  for (const f of ['contact.phones', 'contact.emails']) {
    const p = prov[f];
    const v = f === 'contact.phones' ? rec.bulletin.contact.phones : rec.bulletin.contact.emails;
    if (v.length) bulletin[f] = { value: v, rule: p?.rule ?? null, line: line(p?.span), span: p?.span ?? null, text: slice(p?.span) };
  }
  const structural = new Set(['segment']);
  const outline: ExplainLine[] = doc.decisions()
    .filter((m) => structural.has(m.stage) || m.decision === 'title_noise')
    .map((m: Message) => {
      // a problem is shown with the problem text as read, not its whole first line
      const issue = m.decision === 'problem' ? rec.issues.find((i) => i.number === m.value) : undefined;
      const text = issue ? `problem ${issue.number}${issue.label ? ` (printed ${issue.label})` : ''}: ${issue.problem}` : m.message;
      return { line: line(m.span), what: m.decision!, rule: m.ruleId, text, span: m.span ?? null, value: m.value ?? null };
    })
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const issues = rec.issues.map((i) => ({
    number: i.number, label: i.label, line: doc.lineOf(i.span[0]), rule: i.rule, numbering_rule: i.numbering_rule, category: i.category,
    problem: i.problem, measures: i.measures.length, outcome: i.outcome !== null, status: i.status, status_phrase: i.status_phrase, status_rule: i.status_rule, quantities: i.quantities.length,
  }));
  const totals: ExplainTotal[] = Object.entries(rec.summary).map(([key, declared]) => {
    const hit = rec.provenance.summary[key]?.[0];
    const f = foundFor(key, doc.summary, doc.issues, doc.structure!.categories.length);
    return { key, declared, found: f, match: f === null ? null : f === declared, rule: hit?.rule ?? null, line: line(hit?.span), text: hit?.text ?? null };
  });
  const warnings = rec.warnings.map((w) => ({ code: w.code, rule: w.rule ?? null, line: line(w.span ?? null), message: w.message }));
  const blocks = doc.blocks.filter((b) => b.kind !== 'paragraph' || b.emphasis).map((b) => ({
    kind: b.kind, line: line(b.span), level: b.level ?? b.depth ?? null, emphasis: !!b.emphasis, rows: b.rows?.length ?? null,
    text: b.kind === 'front_matter' ? Object.entries(b.fields ?? {}).map(([k, v]) => `${k}: ${v}`).join('; ') : b.text.split('\n')[0]!,
  }));
  return { path: doc.path, sha256: doc.sha256, bulletin, outline, issues, totals, warnings, blocks };
}


const L = (n: number | null) => (n === null ? '     ' : `L${n}`.padEnd(5));
/** display width: CJK and full-width characters take two columns */
const width = (s: string) => { let w = 0; for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1; return w; };
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));
/** cut to a display width */
const clip = (s: string, n: number) => { if (width(s) <= n) return s; let out = ''; for (const ch of s) { if (width(out + ch) > n - 1) break; out += ch; } return `${out}…`; };

/** Explain as text; with lang zh the problems' statuses and the level read as staff read them (已完成, 县级 …). */
export function formatExplanation(e: Explanation, o: { lang?: Lang } = {}): string {
  const zh = o.lang === 'zh';
  const out: string[] = [];
  const put = (s: string) => out.push(printable(s));
  put(`${e.path}  (sha256 ${e.sha256.slice(0, 12)}…)`);
  put('');
  put('bulletin');
  for (const [k, v] of Object.entries(e.bulletin)) {
    if (v.value === null) continue;
    const value = Array.isArray(v.value) ? v.value.join(', ') : zh && k === 'level' ? LEVEL_LABEL[String(v.value)] ?? String(v.value) : String(v.value);
    put(`  ${pad(k, 16)} ${L(v.line)} ${pad(clip(value, 44), 44)}  ${v.rule ?? '(reader metadata)'}${v.text && v.text !== value ? `  ← “${clip(v.text, 30)}”` : ''}`);
  }
  put('');
  const kinds = new Map<string, number>();
  for (const b of e.blocks) { const k = b.emphasis ? 'bold paragraph' : b.kind; kinds.set(k, (kinds.get(k) ?? 0) + 1); }
  put(`typed document${e.blocks.length ? `: ${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')}` : ': plain paragraphs (the reader marked no heading, table or page header)'}`);
  for (const b of e.blocks) {
    const what = b.emphasis ? 'bold' : `${b.kind}${b.level !== null ? ` ${b.level}` : ''}${b.rows !== null ? ` (${b.rows} rows)` : ''}`;
    put(`  ${L(b.line)} ${pad(what, 18)} ${clip(b.text, 60)}${b.line === null ? '  (not in the text)' : ''}`);
  }
  put('');
  put('outline');
  const byLine = new Map<number, typeof e.issues[number]>();
  for (const i of e.issues) byLine.set(i.line, i);
  for (const o of e.outline) {
    const indent = o.what === 'category' ? '    ' : o.what === 'group' ? '      ' : o.what === 'problem' ? '        ' : o.what === 'org_point' ? '    ' : '  ';
    // the readings of the problem list and the choice among them are shown whole: their scores say why the winner won
    if (o.rule.startsWith('reading.')) put(`${L(o.line)}${indent}${o.text}  [${o.rule}]`);
    else put(`${L(o.line)}${indent}${pad(clip(o.text, 66 - indent.length), 66 - indent.length)}  ${o.rule}`);
    if (o.what === 'problem' && o.line !== null) {
      const i = byLine.get(o.line);
      if (i) put(`    ${indent}  measures ${i.measures} · outcome ${i.outcome ? 'yes' : '–'} · ${zh ? STATUS_LABEL[i.status] ?? i.status : i.status}${i.status_phrase ? ` (${clip(i.status_phrase, 16)})` : ''} ${i.status_rule ?? ''} · quantities ${i.quantities}${i.numbering_rule ? ` · numbered ${i.numbering_rule}` : ''}`);
    }
  }
  put('');
  put('declared totals');
  if (!e.totals.length) put('  (none declared)');
  for (const t of e.totals) {
    const check = t.match === null ? '' : t.match ? `found ${t.found} ✓` : `found ${t.found} ✗ mismatch`;
    put(`  ${pad(`${t.key} = ${t.declared}`, 28)} ${L(t.line)} ${pad(t.rule ?? '', 26)} ${pad(check, 22)}${t.text ? `  “${clip(t.text, 30)}”` : ''}`);
  }
  put('');
  put(`warnings${e.warnings.length ? '' : ': none'}`);
  for (const w of e.warnings) put(`  ${L(w.line)} ${w.code}  ${w.rule ?? ''}  ${w.message}`);
  return out.join('\n') + '\n';
}
