// The contact the closing gives: phones (in one written form) and emails.
import { rx } from '../../core/rules.js';
import type { Doc } from '../../core/doc.js';
import type { Segmentation } from '../segment/segment.js';
import { metadataRules } from './rules.js';
import { structureRules } from '../../core/vocabulary.js';

/** Where the contact is read from: the closing, and a contact label in a paragraph after the last problem. */
function contactText(doc: Doc, seg: Segmentation): { text: string; from: number } {
  const r = metadataRules();
  // (a contact run on after the next-step sentences, with no 欢迎…监督 line of its own)
  // (the bulletin's own problems: an attachment after it, 附件 ⏎ 整改台账, comes after its contact)
  const end = Math.min(seg.closing, seg.annex ?? seg.closing);
  const before = seg.problems.filter((p) => p.first < end);
  const after = before.length ? before[before.length - 1]!.last + 1 : seg.opening.length;
  const early: string[] = [];
  let from = doc.paragraphs[seg.closing]?.start ?? doc.text.length;
  for (let i = Math.max(after, 0); i < end; i++) {
    const p = doc.paragraphs[i]!;
    const m = rx(r.contact_label).exec(p.text);
    if (!m) continue;
    early.push(p.text.slice(m.index));
    from = Math.min(from, p.start + m.index);
  }
  // (a bulletin made as a sheet gives its closing words with the prose above the ledger: 欢迎…监督。如有意见建议，请通过电子邮箱X反映)
  const first = seg.problems[0]?.first ?? end;
  for (let i = 0; i < Math.min(first, end); i++) {
    const p = doc.paragraphs[i]!;
    if (!rx(structureRules().closing).test(p.text)) continue;
    early.push(p.text);
    from = Math.min(from, p.start);
  }
  return { text: [...early, ...doc.paragraphs.slice(seg.closing).map((p) => p.text)].join('\n'), from };
}

/** Phones and emails of the closing; `from` is where the text they were read from starts. */
export function contactOf(doc: Doc, seg: Segmentation): { phones: string[]; emails: string[]; from: number } {
  const r = metadataRules();
  const { text: tail, from } = contactText(doc, seg);
  const phones: string[] = [];
  const emails: string[] = [];
  for (const m of tail.matchAll(rx(r.phone, 'g'))) {
    const raw = m[1]!;
    // bare 7–8 digit numbers and 5-digit service numbers (12388) count only right after a phone label
    if (/^(?:\d{7,8}|\d{5})$/.test(raw) && !rx(r.phone_label).test(tail.slice(Math.max(0, m.index! - 8), m.index!))) continue;
    // one written form: 0377-66269828 for （0377）66269828, 0377—66269828, 0377 66269828
    const p = raw.replace(rx(r.phone_area), '$1-').replace(rx(r.phone_dash, 'g'), '-');
    if (!phones.includes(p)) phones.push(p);
  }
  for (const m of tail.matchAll(rx(r.email, 'g'))) if (!emails.includes(m[0])) emails.push(m[0]);
  return { phones, emails, from };
}
