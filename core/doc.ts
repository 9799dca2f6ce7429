// The one per-document object that flows through every stage (after unified/vfile). It is
// created when a file is read, holds the raw and the normalized text, and keeps each
// stage's result; stages report through `message()` (warnings) and `decide()` (traced
// decisions) instead of logging or throwing.
import type { BulletinRecord, Format, Issue, Quantity, UnitTotals, Warning } from './record.js';
import type { Segmentation } from './segmentation.js';
import type { MetadataRead, TotalHit } from './results.js';
import type { Block, ReaderBlock } from './blocks.js';

export type Severity = 'info' | 'warning' | 'error';

/** What a traced decision is about (the outline `zhenggai explain` prints). */
export type DecisionKind =
  | 'title' | 'title_noise' | 'opening' | 'part' | 'category' | 'group' | 'problem' | 'org_point'
  | 'measures' | 'outcome' | 'status' | 'totals' | 'closing' | 'signature' | 'field' | 'layout' | 'marker';

export interface Message {
  ruleId: string;
  stage: string;
  severity: Severity;
  message: string;
  span?: [number, number];
  /** Becomes a record warning with this code when severity is warning/error. */
  code?: string;
  /** Set on traced decisions (severity info): what was decided, and the value it gave. */
  decision?: DecisionKind;
  value?: string | number | null;
}

export { paragraphsOf, type Paragraph } from './paragraphs.js';
import type { Paragraph } from './paragraphs.js';

export interface ReadResult {
  format: Format;
  encoding: string | null;
  /** Text as the reader produced it: paragraphs separated by newlines. */
  text: string;
  /** Metadata a reader found outside the text (web-page meta tags, disclosure tables). */
  meta: { title?: string; published_date?: string; doc_number?: string; publisher?: string };
  /** Set when pages were read by OCR: how many, and the mean confidence (0..1). */
  ocr?: { pages: number; confidence: number };
  /** The structure the reader saw, in document order (headings, tables, page headers …): core/blocks.ts. */
  blocks?: ReaderBlock[];
  /** What the reader has to say about the file (ids in rules/readers.json). */
  warnings?: Array<{ id: string; code: string; message: string }>;
}

/** A piece of text outside every issue, with its offset (totals, top-level quantities, as-of date). */
export interface Piece { text: string; start: number }

export class Doc {
  messages: Message[] = [];
  // stage results, in stage order (each set by its stage; see stages/)
  read?: ReadResult;
  text = '';
  paragraphs: Paragraph[] = [];
  /** the typed document: the reader's blocks placed on the normalized text, every paragraph in one */
  blocks: Block[] = [];
  structure?: Segmentation;
  issues: Issue[] = [];
  outside: Piece[] = [];
  summary: Record<string, number> = {};
  /** per unit of a bulletin covering several: the totals stated at the head of its list */
  units: UnitTotals[] = [];
  totalHits: TotalHit[] = [];
  bulletin?: MetadataRead;
  quantities: Quantity[] = [];
  record?: BulletinRecord;
  private lineStarts: number[] | null = null;

  constructor(
    readonly path: string,
    readonly sha256: string,
    /** the file's bytes (dropped once read, so a Doc does not hold them through the pipeline) */
    public bytes: Uint8Array | null = null,
  ) {}

  /** The reader's result; a stage after `read` may rely on it. */
  get raw(): ReadResult {
    if (!this.read) throw new Error('Doc.read is not set: the read stage has not run');
    return this.read;
  }

  message(m: Message): void {
    this.messages.push(m);
  }

  /** Trace a decision: what was decided, by which rule id, from which span of the normalized text. */
  decide(stage: string, decision: DecisionKind, ruleId: string, span: [number, number] | undefined, message: string, value: string | number | null = null): void {
    this.messages.push({ ruleId, stage, severity: 'info', message, span, decision, value });
  }

  /**
   * A decision a later stage revises (a status the reconcile stage reads from a group's figures):
   * the trace of it (the first with that decision and value) says what was finally decided, where,
   * by which rule and stage; explain and the provenance checks read that one.
   */
  redecide(stage: string, decision: DecisionKind, ruleId: string, span: [number, number] | undefined, message: string, value: string | number | null): void {
    const m: Message = { ruleId, stage, severity: 'info', message, span, decision, value };
    const at = this.messages.findIndex((x) => x.decision === decision && x.value === value);
    if (at >= 0) this.messages[at] = m;
    else this.messages.push(m);
  }

  decisions(): Message[] {
    return this.messages.filter((m) => m.decision !== undefined);
  }

  warnings(): Warning[] {
    return this.messages
      .filter((m) => m.severity !== 'info' && m.code)
      .map((m) => ({ code: m.code!, message: m.message, rule: m.ruleId, span: m.span ?? null }));
  }

  /** 1-based line of an offset in the normalized text. */
  lineOf(offset: number): number {
    if (!this.lineStarts) {
      this.lineStarts = [0];
      for (let i = 0; i < this.text.length; i++) if (this.text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    }
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}
