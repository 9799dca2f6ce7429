// Status per problem, with the words it was read from and the rule id.
import { loadRules } from '../pipeline/rules.js';
import { rx, type RegexRule } from '../pipeline/rules.js';
import type { Status } from '../pipeline/record.js';
import type { IssueParts } from './issue.js';

interface StatusRules {
  field_values: Array<RegexRule & { status: Status }>;
  phrases: Array<RegexRule & { status: Status; scope: 'any' | 'tail' }>;
  not_status: RegexRule;
  measures_lead: RegexRule;
}
const statusRules = () => loadRules<StatusRules>('status.json');

/** Does a field value read as a status (完成, 阶段性完成, 长期坚持 …)? */
export function isStatusValue(v: string): boolean {
  return statusRules().field_values.some((f) => rx(f).test(v));
}

/** Is the first clause under a measures label a status (整改情况：已完成。…)? */
export function isLeadStatus(clause: string): boolean {
  return rx(statusRules().measures_lead).test(clause);
}

export interface StatusReading {
  status: Status;
  phrase: string | null;
  rule: string | null;
}

export function readStatus(parts: IssueParts): StatusReading {
  const r = statusRules();
  if (parts.statusField) {
    for (const f of r.field_values) if (rx(f).test(parts.statusField)) return { status: f.status, phrase: parts.statusField, rule: f.id };
  }
  const notStatus = rx(r.not_status, 'g');
  const clean = (s: string) => s.replace(notStatus, '　');
  const tail = clean([...parts.notes, parts.outcome ?? '', ...parts.progress].join('\n'));
  const all = clean([...parts.measures, parts.outcome ?? '', ...parts.notes].join('\n'));
  for (const p of r.phrases) {
    if (p.status === 'completed') continue;
    const m = rx(p, 'm').exec(p.scope === 'tail' ? tail : all);
    if (m) return { status: p.status, phrase: m[0].replace(/^[。；，！\s]+/, '').replace(/[，,：:]$/, ''), rule: p.id };
  }
  for (const p of r.phrases) {
    if (p.status !== 'completed') continue;
    const m = rx(p, 'm').exec(p.scope === 'tail' ? tail : all);
    if (m) return { status: 'completed', phrase: m[0], rule: p.id };
  }
  if (parts.outcome) {
    // the outcome's first words, after its label (整改成效：…)
    const o = parts.outcome.replace(/^[^，,。：:]{1,8}[：:]\s*/, '');
    const cut = o.search(/[，,。]/);
    return { status: 'completed', phrase: o.slice(0, cut > 0 ? cut : Math.min(o.length, 8)) || null, rule: 'status.outcome' };
  }
  return { status: 'unknown', phrase: null, rule: null };
}
