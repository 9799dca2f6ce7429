// Field-by-field comparison of a record against a hand-checked expected record.
// Shared by the golden test and `npm run fixtures:update`.
import type { BulletinRecord } from '../core/record.js';

export interface Mismatch { path: string; expected: unknown; got: unknown; known?: string }

export const norm = (s: unknown) =>
  String(s ?? '')
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/[“”"‘’']/g, '')
    .replace(/[。；;，,]+$/u, '');

const qkey = (q: { value: number; unit: string; kind: string; approx?: string | null }) => `${q.kind}:${q.value}:${q.unit}`;

function multisetDiff(exp: string[], got: string[]): { missing: string[]; extra: string[] } {
  const pool = new Map<string, number>();
  for (const k of exp) pool.set(k, (pool.get(k) ?? 0) + 1);
  const extra: string[] = [];
  for (const k of got) {
    const n = pool.get(k) ?? 0;
    if (n > 0) pool.set(k, n - 1);
    else extra.push(k);
  }
  const missing = [...pool].flatMap(([k, n]) => Array<string>(n).fill(k));
  return { missing, extra };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function compareRecord(exp: any, got: BulletinRecord): Mismatch[] {
  const out: Mismatch[] = [];
  const known: Record<string, string> = exp.$known_gaps ?? {};
  const add = (path: string, expected: unknown, g: unknown) => out.push({ path, expected, got: g, known: known[path] });
  if (got.schema !== exp.schema) add('schema', exp.schema, got.schema);
  for (const [k, v] of Object.entries(exp.bulletin ?? {})) {
    const a = (got.bulletin as Record<string, unknown>)[k];
    if (k === 'contact') {
      const c = v as { phones: string[]; emails: string[] };
      for (const f of ['phones', 'emails'] as const) {
        if (JSON.stringify([...c[f]].sort()) !== JSON.stringify([...got.bulletin.contact[f]].sort())) add(`bulletin.contact.${f}`, c[f], got.bulletin.contact[f]);
      }
    } else if (k === 'unit_aliases') {
      const missing = (v as string[]).filter((x) => !got.bulletin.unit_aliases.map(norm).includes(norm(x)));
      if (missing.length) add('bulletin.unit_aliases', v, a);
    } else if (v === null ? a !== null : norm(a) !== norm(v)) add(`bulletin.${k}`, v, a ?? null);
  }
  for (const [k, v] of Object.entries(exp.summary ?? {})) if (got.summary[k] !== v) add(`summary.${k}`, v, got.summary[k] ?? null);
  if (exp.categories) {
    if (exp.categories.length !== got.categories.length) add('categories.length', exp.categories.length, got.categories.length);
    for (const c of exp.categories) {
      const a = got.categories.find((x) => x.ordinal === c.ordinal);
      if (!a || norm(a.title) !== norm(c.title)) add(`categories[${c.ordinal}].title`, c.title, a?.title ?? null);
    }
  }
  if (exp.issues) {
    const byNum = new Map(got.issues.map((i) => [i.number, i]));
    const expNums = exp.issues.map((i: { number: number }) => i.number);
    const extra = got.issues.filter((i) => !expNums.includes(i.number)).map((i) => i.number);
    if (extra.length) add('issues.extra', [], extra);
    for (const e of exp.issues) {
      const a = byNum.get(e.number);
      const p = `issues[${e.number}]`;
      if (!a) { add(p, 'present', 'missing'); continue; }
      if ('category' in e && a.category !== e.category) add(`${p}.category`, e.category, a.category);
      if (norm(a.problem) !== norm(e.problem)) add(`${p}.problem`, e.problem, a.problem);
      if (e.measures) {
        if (e.measures.length !== a.measures.length) add(`${p}.measures.length`, e.measures.length, a.measures.length);
        else e.measures.forEach((m: string, k: number) => { if (norm(m) !== norm(a.measures[k])) add(`${p}.measures[${k}]`, m, a.measures[k]); });
      }
      if ('outcome' in e && norm(e.outcome) !== norm(a.outcome)) add(`${p}.outcome`, e.outcome, a.outcome);
      // exact: in_progress is not long_term
      if (e.status && e.status !== a.status) add(`${p}.status`, e.status, a.status);
      if (e.quantities) {
        const d = multisetDiff(e.quantities.map(qkey), a.quantities.map(qkey));
        if (d.missing.length || d.extra.length) add(`${p}.quantities`, d.missing, d.extra);
      }
    }
  }
  if (exp.bulletin_quantities) {
    const d = multisetDiff(exp.bulletin_quantities.map(qkey), got.quantities.map(qkey));
    if (d.missing.length || d.extra.length) add('quantities', d.missing, d.extra);
  }
  for (const q of [...got.quantities, ...got.issues.flatMap((i) => i.quantities)]) {
    if (got.text.slice(q.span[0], q.span[1]) !== q.text) add(`span ${q.span}`, q.text, got.text.slice(q.span[0], q.span[1]));
  }
  return out;
}

export function formatDiff(file: string, ms: Mismatch[]): string {
  const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
  return [`${file}: ${ms.length} field(s) differ`, ...ms.map((m) => `  ${m.path}${m.known ? ` (known gap: ${m.known})` : ''}\n    expected: ${show(m.expected)}\n    got:      ${show(m.got)}`)].join('\n');
}
