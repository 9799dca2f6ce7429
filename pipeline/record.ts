// The `zhenggai.bulletin/1` record: one zod schema, every type derived from it.
// See README "The record" and the shared spec bulletin-json.md.
import { z } from 'zod';

export const SCHEMA_ID = 'zhenggai.bulletin/1';

const span = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]).refine(([s, e]) => e >= s, {
  message: 'span end before start',
});

export const QuantityKind = z.enum(['count', 'money', 'percent', 'duration']);
export const Approx = z.enum(['余', '多', '近', '约', '不少于', '至少', '超过', '超', '以上', '达']);

export const Quantity = z.object({
  value: z.number().finite(),
  unit: z.string().min(1),
  kind: QuantityKind,
  approx: Approx.nullable(),
  text: z.string().min(1),
  span,
  rule: z.string().min(1), // stable id of the rule that produced it
  // money only: recovered (清退/追缴/挽回…), fined (罚款), involved (涉及资金…) or other (投入, 安排…)
  role: z.enum(['recovered', 'fined', 'involved', 'other']).nullable(),
});

export const Status = z.enum(['completed', 'in_progress', 'long_term', 'unknown']);

export const ThemeTag = z.object({ theme: z.string(), label: z.string(), rule: z.string(), keyword: z.string() });

export const Issue = z.object({
  number: z.number().int(),
  category: z.number().int().nullable(),
  problem: z.string().min(1),
  measures: z.array(z.string()),
  outcome: z.string().nullable(),
  notes: z.array(z.string()),
  status: Status,
  status_phrase: z.string().nullable(),
  status_rule: z.string().nullable(),
  documents: z.array(z.string()),
  themes: z.array(ThemeTag),
  quantities: z.array(Quantity),
  span,
  rule: z.string(), // why the block is a problem: a rule id (problem.about, label.problem, layout.before_measures …)
  label: z.string().nullable(), // the numbering as printed (1. / （一） …), kept when problems are renumbered
  numbering_rule: z.string().nullable(), // the numbering style's rule (head.num …), null when unnumbered
});

export const Category = z.object({ ordinal: z.number().int(), title: z.string(), span, rule: z.string() });

export const Level = z.enum(['central', 'provincial', 'municipal', 'county', 'township']);

export const Bulletin = z.object({
  title: z.string().nullable(),
  issuer: z.string().nullable(),
  unit: z.string().nullable(),
  unit_aliases: z.array(z.string()),
  region: z.string().nullable(),
  level: Level.nullable(),
  inspection_kind: z.enum(['巡视', '巡察']).nullable(),
  team: z.string().nullable(),
  round: z.string().nullable(),
  inspection_start: z.string().nullable(),
  inspection_end: z.string().nullable(),
  feedback_date: z.string().nullable(),
  as_of_date: z.string().nullable(),
  contact: z.object({ phones: z.array(z.string()), emails: z.array(z.string()) }),
  // date fields whose year was not written but taken from the nearest dated context
  years_implied: z.array(z.enum(['inspection_start', 'inspection_end', 'feedback_date', 'as_of_date'])),
  // Web-page metadata (disclosure table / meta tags); null when the source has none.
  published_date: z.string().nullable(),
  doc_number: z.string().nullable(),
});

// Declared totals: only the keys the bulletin declares are present.
export const Summary = z.record(z.string(), z.number().finite());

export const Warning = z.object({
  code: z.string().min(1),
  message: z.string(),
  rule: z.string().nullable().optional(),
  span: span.nullable().optional(),
});

/** Where a value came from: the rule that produced it and its span in `text` (null: not read from one span). */
export const Provenance = z.object({ rule: z.string(), span: span.nullable() });
export const RecordProvenance = z.object({
  bulletin: z.record(z.string(), Provenance),
  summary: z.record(z.string(), z.array(z.object({ rule: z.string(), span, text: z.string() }))),
});

export const Format = z.enum(['txt', 'docx', 'doc', 'pdf', 'html', 'image']);

export const Source = z.object({
  path: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  format: Format,
  encoding: z.string().nullable(),
  publisher: z.string().nullable(),
  /** read by OCR (a scanned PDF page, a picture) */
  ocr: z.boolean(),
  /** the OCR's mean confidence over its pages (0..1), null when nothing was OCR'd */
  ocr_confidence: z.number().min(0).max(1).nullable(),
});

export const BulletinRecord = z
  .object({
    schema: z.literal(SCHEMA_ID),
    source: Source,
    text: z.string(),
    bulletin: Bulletin,
    summary: Summary,
    categories: z.array(Category),
    issues: z.array(Issue),
    quantities: z.array(Quantity),
    warnings: z.array(Warning),
    provenance: RecordProvenance,
  })
  .superRefine((rec, ctx) => {
    // Every span must slice the record's own text.
    const all = [...rec.quantities, ...rec.issues.flatMap((i) => i.quantities)];
    for (const q of all) {
      if (rec.text.slice(q.span[0], q.span[1]) !== q.text) {
        ctx.addIssue({ code: 'custom', message: `quantity span ${q.span} does not slice to ${JSON.stringify(q.text)}` });
      }
    }
    for (const s of [...rec.issues.map((i) => i.span), ...rec.categories.map((c) => c.span)]) {
      if (s[1] > rec.text.length) ctx.addIssue({ code: 'custom', message: `span ${s} beyond text` });
    }
  });

export type Quantity = z.infer<typeof Quantity>;
export type Issue = z.infer<typeof Issue>;
export type ThemeTag = z.infer<typeof ThemeTag>;
export type Category = z.infer<typeof Category>;
export type Bulletin = z.infer<typeof Bulletin>;
export type Summary = z.infer<typeof Summary>;
export type Warning = z.infer<typeof Warning>;
export type Source = z.infer<typeof Source>;
export type Provenance = z.infer<typeof Provenance>;
export type Format = z.infer<typeof Format>;
export type Status = z.infer<typeof Status>;
export type Level = z.infer<typeof Level>;
export type BulletinRecord = z.infer<typeof BulletinRecord>;

/** Validate a record before it is printed or written; throws a readable error (a bug, never user input). */
export function validateRecord(rec: unknown): BulletinRecord {
  const r = BulletinRecord.safeParse(rec);
  if (!r.success) {
    const msg = r.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`).join('; ');
    throw new Error(`invalid ${SCHEMA_ID} record: ${msg}`);
  }
  return r.data;
}
