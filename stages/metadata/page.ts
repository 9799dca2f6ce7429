// What a saved web page prints around the bulletin, read from the text as read (normalization
// drops such lines as web chrome): the publication date and the document number.
import { rx } from '../../core/rules.js';
import { isDocNumber } from '../../core/vocabulary.js';
import { metadataRules } from './rules.js';
import { foldWidth } from '../normalize/characters.js';

export { isDocNumber };

/**
 * The publication date a saved web page prints above the bulletin (发布时间：2024-04-18 09:30,
 * 成文日期：…), when the reader found none in the page's markup. Read from the text as read
 * (normalization drops such lines as web chrome), in its first lines only.
 */
export function publishedInText(raw: string): string | null {
  const r = metadataRules();
  // (full-width digits read as digits: 发布时间：２０２２-１０-２４ is a copy's 2022-10-24)
  const lines = raw.split(/\r?\n/, 15).map(foldWidth);
  // a labelled date, or else the date in brackets after the title (…的通报（2024年9月2日）)
  const m = rx(r.published).exec(lines.join('\n'))
    ?? lines.map((l) => (rx(r.about).test(l) ? rx(r.title_date).exec(l) : null)).find((x) => x) ?? null;
  if (!m?.groups) return null;
  const { y, m: mo, d } = m.groups as { y: string; m: string; d: string };
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The date a printed document was issued, from its 版记 (GB/T 9704): the printing office and
 * 2023年11月22日印发 on one of the last lines (rules/metadata.json issued_date), or a sheet's 填报日期 (filled_date). Null where none.
 */
export function issuedInText(raw: string): string | null {
  const lines = raw.split(/\r?\n/).map((l) => foldWidth(l).trim()).filter((l) => l);
  for (const line of lines.slice(-12).reverse()) {
    // (or the date a sheet was filled in, under its table: 填报日期：2024年9月20日)
    const m = rx(metadataRules().issued_date).exec(line) ?? rx(metadataRules().filled_date).exec(line);
    if (!m?.groups) continue;
    const { y, m: mo, d } = m.groups as { y: string; m: string; d: string };
    const month = Number(mo);
    const day = Number(d);
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  return null;
}

/**
 * 文号/索引号 from a disclosure table copied as text, or a document number printed bare on a
 * line of its own or run into the title (宛科协党〔2024〕7号), in the first lines as read.
 */
export function docNumberInText(raw: string): string | null {
  const r = metadataRules();
  const lines = raw.split(/\r?\n/, 20).map(foldWidth);
  // a 文号 before a 索引号, wherever each stands (the rule's alternatives in that order)
  const found = [...lines.join('\n').matchAll(rx(r.doc_number, 'g'))].filter((x) => isDocNumber(x[1]));
  const m = found.find((x) => !rx(r.doc_index_label).test(x[0])) ?? found[0];
  if (m) return m[1]!;
  const bare = rx(r.doc_number_bare);
  for (const line of lines.slice(0, 6)) {
    const b = bare.exec(line);
    if (b) return b[1]!.replace(/\s+/g, '');
  }
  return null;
}
