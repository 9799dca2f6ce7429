// A table laid out in columns of spaces (a PDF's text copied with its layout): its rows rewritten as
// tab-separated cells, so it is read as a pasted spreadsheet is (readers/tables.ts textLedgers).
import { rx } from '../core/rules.js';
import { structureRules } from '../core/vocabulary.js';
import { readerPatterns } from './reader-rules.js';
import { roleOf } from './table-cells.js';

/** Display width: CJK and full-width characters take two columns (as a PDF's text laid out in columns counts them). */
function widthOf(s: string): number {
  let w = 0;
  for (const ch of s) { const c = ch.codePointAt(0)!; w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ? 2 : 1; }
  return w;
}

/** A line's cells where runs of two spaces or more separate them, each with the display column it starts at. */
function spacedCells(line: string): Array<{ at: number; text: string }> {
  const out: Array<{ at: number; text: string }> = [];
  for (const m of line.matchAll(/\S+(?: \S+)*/g)) out.push({ at: widthOf(line.slice(0, m.index)), text: m[0] });
  return out;
}

/**
 * A table laid out in columns of spaces (a PDF's text copied with its layout: 序号  问题  整改措施
 * 完成情况, a cell's wrapped lines indented to its column): a header line of a ledger, then rows
 * that start with their number, their cells placed by the display column they start at, lines
 * indented to a column continuing that column's cell, and lines of one cell at the margin
 * (（一）X方面) as category rows. Rewritten as tab-separated rows, so it is read like a pasted
 * spreadsheet; text that is no such table stays as it is.
 */
export function spacedLedgers(text: string): string {
  const lines = text.split(/\r?\n/);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    // (a line of tab-separated cells is read as such, whatever spaces it holds: trailing ones, an indent)
    const head = lines[i]!.trim().includes('  ') && !lines[i]!.trim().includes('\t') ? spacedCells(lines[i]!) : [];
    const roles = head.map((c) => roleOf(c.text));
    if (head.length < 3 || !roles.includes('problem') || !roles.includes('measures') || head.some((c) => c.text.length > 12)) { out.push(lines[i]!); continue; }
    // the table's left margin: its header's first column (a copy indented every line starts there, not at 0)
    const margin = head[0]!.at;
    const cols = head.map((c) => c.at);
    const colOf = (at: number) => { let best = 0; cols.forEach((c, k) => { if (Math.abs(c - at) < Math.abs(cols[best]! - at)) best = k; }); return best; };
    const near = (at: number) => cols.some((c) => Math.abs(c - at) <= 3);
    const rows: string[][] = [head.map((c) => c.text)];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const l = lines[j]!;
      if (!l.trim()) { continue; }
      const cells = spacedCells(l);
      const first = cells[0]!;
      if (Math.abs(first.at - margin) <= 1 && /^\d{1,3}$/.test(first.text) && cells.length >= 2) {
        const row = head.map(() => '');
        for (const c of cells) { const k = colOf(c.at); row[k] = row[k] ? `${row[k]}${c.text}` : c.text; }
        rows.push(row);
      } else if (first.at > margin + 1 && rows.length > 1 && cells.every((c) => near(c.at))) {
        const row = rows[rows.length - 1]!;
        for (const c of cells) { const k = colOf(c.at); row[k] = row[k] ? `${row[k]}${c.text}` : c.text; }
      } else if (Math.abs(first.at - margin) <= 1 && cells.length === 1 && first.text.length <= 40 && !rx(readerPatterns().cell_sentence_end).test(first.text) && structureRules().headings.some((h) => h.level <= 2 && rx(h).test(first.text))) {
        rows.push(head.map(() => first.text));
      } else break;
    }
    if (rows.length < 2) { out.push(lines[i]!); continue; }
    out.push(...rows.map((r) => r.join('\t')));
    i = j - 1;
  }
  return out.join('\n');
}
