// The one per-document object that flows through every stage (after unified/vfile):
// stages read and add fields, and report through `message()` instead of logging or throwing.
import type { Format, Warning } from './record.js';

export type Severity = 'info' | 'warning' | 'error';

export interface Message {
  ruleId: string;
  stage: string;
  severity: Severity;
  message: string;
  span?: [number, number];
  /** Becomes a record warning with this code when severity is warning/error. */
  code?: string;
}

export interface Paragraph {
  start: number;
  end: number;
  text: string;
}

export interface ReadResult {
  format: Format;
  encoding: string | null;
  /** Text as the reader produced it: paragraphs separated by newlines. */
  text: string;
  /** Metadata a reader found outside the text (web-page meta tags, disclosure tables). */
  meta: { title?: string; published_date?: string; doc_number?: string; publisher?: string };
}

export class Doc {
  messages: Message[] = [];
  constructor(
    readonly path: string,
    readonly sha256: string,
    readonly read: ReadResult,
    /** The normalized text: every span of the record points into it. */
    readonly text: string,
    readonly paragraphs: Paragraph[],
  ) {}

  message(m: Message): void {
    this.messages.push(m);
  }

  warnings(): Warning[] {
    return this.messages
      .filter((m) => m.severity !== 'info' && m.code)
      .map((m) => ({ code: m.code!, message: m.message, rule: m.ruleId, span: m.span ?? null }));
  }
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
