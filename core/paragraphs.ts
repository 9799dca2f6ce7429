// The normalized text as paragraphs (one per non-empty line), each with its offsets in the text.

/** A paragraph of the normalized text: [start, end) in it, and its words. */
export interface Paragraph {
  start: number;
  end: number;
  text: string;
}

/** Split text into non-empty lines with their offsets. */
export function paragraphsOf(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 10) {
      let s = start;
      let e = i;
      while (s < e && /\s/.test(text[s]!)) s++;
      while (e > s && /\s/.test(text[e - 1]!)) e--;
      if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
      start = i + 1;
    }
  }
  return out;
}
