// Markdown footnotes (a wiki, Typora or Git export): a citation [^2] in the text, its definition
// [^2]: … on a line of its own, usually at the end of the file. The citation is no word of the
// sentence it stands in; what a table row cites is a note of that row's problem (the definition
// leaves the end of the file for the row, readers/tables.ts); a definition cited from anywhere
// else stays where it is, its text without the [^2]: label.

/** A definition's first line: [^id]: text. */
const DEF = /^\s{0,3}\[\^([^\]\s]{1,24})\]:[ \t]*(.*)$/;
/** A citation: [^id] not followed by the colon of a definition. */
const CITE = /\[\^([^\]\s]{1,24})\](?!:)/g;

export interface Footnotes {
  /** the lines, citations out, definitions cited only from table rows out, other definitions as their text */
  lines: string[];
  /** the texts each line (by its index in `lines`) cites, for the table rows that cite any */
  notes: Map<number, string[]>;
}

/** Read the footnotes of a file's lines; `isRow`: is a line a table's row? Null when it defines none that it cites. */
export function footnotes(lines: readonly string[], isRow: (line: string) => boolean): Footnotes | null {
  // the definitions, each with the lines it takes (its text goes on in lines indented under it)
  const defs = new Map<string, { text: string; from: number; to: number }>();
  for (let i = 0; i < lines.length; i++) {
    const m = DEF.exec(lines[i]!);
    if (!m) continue;
    let to = i + 1;
    const text = [m[2]!.trim()];
    while (to < lines.length && /^(?: {2,}|\t)\S/.test(lines[to]!)) text.push(lines[to++]!.trim());
    defs.set(m[1]!, { text: text.join(''), from: i, to });
    i = to - 1;
  }
  const defined = (id: string) => defs.has(id);
  const defAt = new Map<number, string>();
  for (const [id, d] of defs) for (let k = d.from; k < d.to; k++) defAt.set(k, id);
  // where each definition is cited from: table rows only, or elsewhere too
  const fromRow = new Map<string, boolean>();
  lines.forEach((l, i) => {
    if (defAt.has(i)) return;
    for (const m of l.matchAll(CITE)) if (defined(m[1]!)) fromRow.set(m[1]!, (fromRow.get(m[1]!) ?? true) && isRow(l));
  });
  if (!fromRow.size) return null;
  const out: string[] = [];
  const notes = new Map<number, string[]>();
  lines.forEach((l, i) => {
    const id = defAt.get(i);
    if (id !== undefined) {
      // (a definition no one cites stays as it is; a cited one's later lines are joined to its first)
      if (!fromRow.has(id)) out.push(l);
      else if (!fromRow.get(id) && i === defs.get(id)!.from) out.push(defs.get(id)!.text);
      return;
    }
    const ids = [...l.matchAll(CITE)].map((m) => m[1]!).filter(defined);
    if (!ids.length) { out.push(l); return; }
    if (isRow(l)) notes.set(out.length, ids.map((id) => defs.get(id)!.text).filter(Boolean));
    out.push(l.replace(CITE, (all, id: string) => (defined(id) ? '' : all)));
  });
  return { lines: out, notes };
}
