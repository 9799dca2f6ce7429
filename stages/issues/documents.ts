// Documents cited in 《…》 (nested brackets kept: 《党委（党组）意识形态工作责任制实施办法》).
import { pattern } from '../../core/rules.js';

export function citedDocuments(s: string): string[] {
  const out: string[] = [];
  for (const m of s.matchAll(pattern('[{{p.book_open}}]([^{{p.book_open}}{{p.book_close}}\\n]{2,80})[{{p.book_close}}]', 'g'))) if (!out.includes(m[1]!)) out.push(m[1]!);
  return out;
}
