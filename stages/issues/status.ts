// Status per problem, with the words it was read from and the rule id.
import { rx, pattern, punct } from '../../core/rules.js';
import { statusRules, structureRules, phraseStatus } from '../../core/vocabulary.js';
import type { Status } from '../../core/record.js';

export { isStatusValue, isLeadStatus } from '../../core/vocabulary.js';

/** What the status is read from: the parts of one problem block (stages/issues/issue.ts). */
export interface StatusInput {
  measures: string[];
  outcome: string | null;
  notes: string[];
  /** progress sentences (目前…) inside measures: read for status, not for method words */
  progress: string[];
  statusField: string | null;
}

export interface StatusReading {
  status: Status;
  phrase: string | null;
  rule: string | null;
}

/** A status phrase without the stop before it and the comma or colon after it (。下一步， → 下一步). */
const bare = (phrase: string) => phrase.replace(pattern('^[{{p.clause_end}}{{p.comma}}\\s]+'), '').replace(pattern('[{{p.comma}}{{p.colon}}]$'), '');

export function readStatus(parts: StatusInput): StatusReading {
  const r = statusRules();
  if (parts.statusField) {
    const value = parts.statusField.replace(rx(r.field_subject), '');
    for (const f of r.field_values) if (rx(f).test(value)) return { status: f.status, phrase: parts.statusField, rule: f.id };
    // a status said in a sentence of its own (整改已全部完成) rather than a field's word: read as a phrase
    const said = phraseStatus(value);
    if (said) return { status: said.status, phrase: parts.statusField, rule: said.rule };
  }
  const notStatus = rx(r.not_status, 'g');
  const clean = (s: string) => s.replace(notStatus, punct('ideographic_space'));
  // what will be done (下一步，将常态化开展…) says where the work stands only when nothing else does:
  // the problem's own words are read first (not done, then done), then with its plans
  const plan = rx(r.plan_start);
  // a deadline field (完成时限：立行立改，长期坚持) says when the work is due, not where it stands
  const deadline = rx(structureRules().labels.deadline);
  const notesRead = parts.notes.filter((n) => !deadline.test(n));
  const stated = notesRead.filter((n) => !plan.test(n));
  // (…and only where nothing else says it: 整改时限：长期坚持 may be all a ledger gives)
  const passes = [...(stated.length < notesRead.length ? [stated, notesRead] : [notesRead]), ...(notesRead.length < parts.notes.length ? [parts.notes] : [])];
  for (const notes of passes) {
    const tail = clean([...notes, parts.outcome ?? '', ...parts.progress].join('\n'));
    const all = clean([...parts.measures, parts.outcome ?? '', ...notes].join('\n'));
    for (const done of [false, true]) {
      for (const p of r.phrases) {
        if ((p.status === 'completed') !== done) continue;
        const m = rx(p, 'm').exec(p.scope === 'tail' ? tail : all);
        if (m) return done ? { status: 'completed', phrase: m[0], rule: p.id } : { status: p.status, phrase: bare(m[0]), rule: p.id };
      }
    }
  }
  if (parts.outcome) {
    // the outcome's first words, after its label (整改成效：…)
    const o = parts.outcome.replace(pattern('^[^{{p.comma}}{{p.full_stop}}{{p.colon}}]{1,8}[{{p.colon}}]\\s*'), '');
    const cut = o.search(pattern('[{{p.comma}}{{p.full_stop}}]'));
    return { status: 'completed', phrase: o.slice(0, cut > 0 ? cut : Math.min(o.length, 8)) || null, rule: r.outcome_status.id };
  }
  return { status: 'unknown', phrase: null, rule: null };
}
