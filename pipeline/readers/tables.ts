// Tables in DOCX and HTML bulletins: flattened row by row; a rectification ledger
// (整改台账: 序号 | 问题 | 整改措施 | 完成情况 …) is rewritten as labelled paragraphs
// (N.问题：… / 整改措施：… / 整改状态：…) so the problems in it are read like any others.

const COLS: Array<[key: 'no' | 'problem' | 'measures' | 'status' | 'deadline', re: RegExp]> = [
  ['no', /^(?:序号|编号|序)$/],
  ['problem', /(?:反馈问题|存在问题|问题描述|具体问题|问题表现|^问题)/],
  ['measures', /(?:整改措施|整改情况|整改落实情况|整改举措|落实情况|整改进展情况)/],
  ['status', /(?:完成情况|整改状态|整改进展|进展情况|整改结果|是否完成)/],
  ['deadline', /(?:整改时限|完成时限|时限)/],
];

/** Rows of cells → lines. A ledger becomes labelled paragraphs; any other table, one line per row. */
export function tableLines(rows: string[][]): string[] {
  const clean = rows.map((r) => r.map((c) => c.replace(/\s+/g, ' ').trim())).filter((r) => r.some(Boolean));
  const headerAt = clean.findIndex((r) => r.some((c) => COLS[1]![1].test(c)) && r.some((c) => COLS[2]![1].test(c)));
  if (headerAt < 0) return clean.map((r) => r.filter(Boolean).join(' '));
  const header = clean[headerAt]!;
  const col: Partial<Record<(typeof COLS)[number][0], number>> = {};
  header.forEach((h, i) => {
    for (const [key, re] of COLS) if (col[key] === undefined && re.test(h)) { col[key] = i; break; }
  });
  const out = clean.slice(0, headerAt).map((r) => r.filter(Boolean).join(' '));
  let n = 0;
  for (const r of clean.slice(headerAt + 1)) {
    const filled = r.filter(Boolean);
    if (filled.length <= 1 || new Set(filled).size === 1) { if (filled[0]) out.push(filled[0]); continue; } // a merged row: a category
    const problem = col.problem !== undefined ? r[col.problem] : '';
    if (!problem) { out.push(filled.join(' ')); continue; }
    n++;
    const no = col.no !== undefined && /^\d+$/.test(r[col.no] ?? '') ? r[col.no] : String(n);
    out.push(`${no}.问题：${problem}`);
    if (col.measures !== undefined && r[col.measures]) out.push(`整改措施：${r[col.measures]}`);
    if (col.status !== undefined && r[col.status]) out.push(`整改状态：${r[col.status]}`);
    if (col.deadline !== undefined && r[col.deadline]) out.push(`整改时限：${r[col.deadline]}`);
  }
  return out;
}

/**
 * A table pasted into plain text arrives as lines of cells: tab-separated (copied from Excel or a
 * Word table) or a Markdown table (| 序号 | 问题 | … | with a |---| rule). Runs of such lines
 * (≥ 3 cells each) that hold a ledger header are rewritten like a DOCX/HTML ledger; other text,
 * and tables that are not a ledger, stay as they are.
 */
export function textLedgers(text: string): string {
  if (!text.includes('\t') && !text.includes('|')) return text;
  const lines = text.split(/\r?\n/);
  const cellsOf = (l: string): string[] | null => {
    const t = l.trim();
    if (t.startsWith('|') && t.endsWith('|') && t.length > 2) return t.slice(1, -1).split('|').map((c) => c.trim());
    if (l.includes('\t')) return l.split('\t').map((c) => c.trim());
    return null;
  };
  const rule = (cells: string[]) => cells.every((c) => /^:?-{2,}:?$/.test(c));
  const isRow = (l: string) => { const c = cellsOf(l); return !!c && (rule(c) || c.filter(Boolean).length >= 3); };
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    if (!isRow(lines[i]!)) { out.push(lines[i]!); i++; continue; }
    let j = i;
    while (j < lines.length && isRow(lines[j]!)) j++;
    const rows = lines.slice(i, j).map((l) => cellsOf(l)!).filter((c) => !rule(c));
    const header = rows.some((r) => r.some((c) => COLS[1]![1].test(c)) && r.some((c) => COLS[2]![1].test(c)));
    out.push(...(header ? tableLines(rows) : lines.slice(i, j)));
    i = j;
  }
  return out.join('\n');
}
