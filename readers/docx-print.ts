// What a printed Word page shows that document.xml keeps apart from the body's runs:
//  - the gap after a list's number: Word sets a tab (or a space, w:suff) after the label it draws,
//    a character the paragraph's text does not hold; written with no gap, 4. before 12345政务服务…
//    reads 4.12345 (a decimal), so a space keeps the two apart where they would run into one token;
//  - the footnotes and endnotes (word/footnotes.xml, word/endnotes.xml) the body cites: a page prints
//    them at its foot, and what they say is read (a note defines a short name, 以下简称“X”; gives a
//    figure). They are given after the body, each a line led by its mark (①), in the order the body
//    cites them; a citation inside deleted or moved-away text cites nothing.
import type { Element as XElement } from '@xmldom/xmldom';
import { kids, wAttr, W_NS } from './word-numbering.js';

/** A list label joined to its paragraph's first line as printed. */
export function labelled(label: string, line: string): string {
  // (a label ending in a digit or a point before a digit, a letter before a letter: one token when run together)
  const runs = (/[0-9.\uff0e]$/.test(label) && /^[0-9\uff10-\uff19]/.test(line)) || (/[A-Za-z]$/.test(label) && /^[A-Za-z]/.test(line));
  return runs ? `${label} ${line}` : label + line;
}

/** The parts the notes are in. */
export const NOTE_PARTS = ['word/footnotes.xml', 'word/endnotes.xml'] as const;

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const mark = (n: number) => (n <= CIRCLED.length ? CIRCLED[n - 1]! : `注${n}：`);
const GONE = new Set(['del', 'moveFrom']);

/** The ids the body cites of one kind of note (footnoteReference, endnoteReference), in order; none inside deleted text. */
function cited(body: XElement, ref: string): string[] {
  const out: string[] = [];
  const walk = (el: XElement) => {
    for (const c of kids(el)) {
      if (GONE.has(c.localName ?? '')) continue;
      if (c.localName === ref) {
        const id = wAttr(c, 'id');
        if (id !== null && !out.includes(id)) out.push(id);
      } else walk(c);
    }
  };
  walk(body);
  return out;
}

/** A note's text: its paragraphs' runs (its own reference mark, w:footnoteRef, is no text), one line a paragraph. */
function noteText(note: XElement): string[] {
  const lines: string[] = [];
  const runText = (el: XElement): string => {
    let s = '';
    for (const c of kids(el)) {
      if (GONE.has(c.localName ?? '') || c.localName === 'instrText') continue;
      if (c.localName === 't' && c.namespaceURI === W_NS) s += c.textContent ?? '';
      else if (c.localName === 'tab') s += ' ';
      else s += runText(c);
    }
    return s;
  };
  for (const p of kids(note)) {
    if (p.localName !== 'p') continue;
    const t = runText(p).replace(/[ \t\u00a0]+/g, ' ').trim();
    if (t) lines.push(t);
  }
  return lines;
}

/**
 * The lines of the notes the body cites, after the body: each note's first line led by its mark.
 * `parse` reads a part as the reader reads every part (checked, no DTD).
 */
export function noteLines(body: XElement, files: Record<string, Uint8Array>, parse: (bytes: Uint8Array | undefined, name: string) => XElement | null): string[] {
  const out: string[] = [];
  for (const [part, ref, tag] of [[NOTE_PARTS[0], 'footnoteReference', 'footnote'], [NOTE_PARTS[1], 'endnoteReference', 'endnote']] as const) {
    if (!files[part]) continue;
    const ids = cited(body, ref);
    if (!ids.length) continue;
    const root = parse(files[part], part);
    const notes = new Map(kids(root, tag).filter((n) => !wAttr(n, 'type') || wAttr(n, 'type') === 'normal').map((n) => [wAttr(n, 'id') ?? '', n]));
    let n = 0;
    for (const id of ids) {
      const note = notes.get(id);
      if (!note) continue;
      const lines = noteText(note);
      n++;
      if (lines.length) out.push(mark(n) + lines[0], ...lines.slice(1));
    }
  }
  return out;
}

