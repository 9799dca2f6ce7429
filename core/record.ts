// The `zhenggai.bulletin/1` record: one zod schema, every type derived from it.
// See docs/record.md and the shared spec bulletin-json.md.
import { z } from 'zod';
import { loadRules } from './rules.js';

export const SCHEMA_ID = 'zhenggai.bulletin/1';

const span = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]).refine(([s, e]) => e >= s, {
  message: 'span end before start',
});

export const QuantityKind = z.enum(['count', 'money', 'percent', 'duration']);
/** The hedge words (余, 不少于, 左右 …): rules/quantities.json `hedges`, the list the quantity rule is built from too. */
export const HEDGE_WORDS = loadRules<{ hedges: Array<{ word: string }> }>('quantities.json').hedges.map((h) => h.word) as [string, ...string[]];
export const Approx = z.enum(HEDGE_WORDS);

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
  /** where its rectification is stated, when away from the problem (problems listed in one part, answered in another by 针对第N个问题：) */
  answer_span: span.nullable().optional(),
  /** the unit the problem is listed under, where one bulletin covers several (a round's digest: （一）区教育局 ⏎ 1.…); null: the bulletin's own unit */
  unit: z.string().nullable().optional(),
  /** where the status phrase was read, recorded when the status is decided (in the problem, or the heading over its group) */
  status_span: span.nullable().optional(),
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
  /** the region's GB/T 2260 code (the deepest division the gazetteer has: province, city or county), additive */
  region_code: z.string().regex(/^\d{6}$/).nullable().optional(),
  /** the region as a path of divisions (a township by name, under its county), additive */
  region_path: z.object({ province: z.string().nullable(), city: z.string().nullable(), county: z.string().nullable(), township: z.string().nullable() }).nullable().optional(),
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
  // date fields the text gives to the month only (2023年9月至11月, 2024年4月上旬): the month, the part of it
  // written (上旬, 底 …) and the words, where the field itself stays null (additive)
  approximate_dates: z.partialRecord(z.enum(['inspection_start', 'inspection_end', 'feedback_date', 'as_of_date']), z.object({ value: z.string().regex(/^\d{4}-\d{2}$/), part: z.string().nullable(), text: z.string() })).optional(),
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

/** A unit of a bulletin that covers several (a round's digest), with the totals it states for that unit. */
export const UnitTotals = z.object({ unit: z.string().min(1), category: z.number().int(), problems_found: z.number().int().min(0), summary: z.record(z.string(), z.number()), span });

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
    /** per unit, where the bulletin covers several (additive: absent or empty for a one-unit bulletin) */
    units: z.array(UnitTotals).optional(),
    warnings: z.array(Warning),
    provenance: RecordProvenance,
  })
  .superRefine((rec, ctx) => {
    // Every span must slice the record's own text (the path names the quantity, so a bad one can be dropped alone).
    const check = (q: z.infer<typeof Quantity>, path: Array<string | number>) => {
      if (rec.text.slice(q.span[0], q.span[1]) !== q.text) ctx.addIssue({ code: 'custom', path, message: `quantity span ${q.span} does not slice to ${JSON.stringify(q.text)}` });
    };
    rec.quantities.forEach((q, k) => check(q, ['quantities', k]));
    rec.issues.forEach((i, n) => i.quantities.forEach((q, k) => check(q, ['issues', n, 'quantities', k])));
    rec.issues.forEach((i, n) => { if (i.span[1] > rec.text.length) ctx.addIssue({ code: 'custom', path: ['issues', n, 'span'], message: `span ${i.span} beyond text` }); });
    rec.categories.forEach((c, n) => { if (c.span[1] > rec.text.length) ctx.addIssue({ code: 'custom', path: ['categories', n, 'span'], message: `span ${c.span} beyond text` }); });
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
export type UnitTotals = z.infer<typeof UnitTotals>;
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

/** A value left out of a record because the schema does not allow it: where it was, and what it was. */
export interface DroppedValue { path: string; value: unknown; reason: string }

type Key = string | number;
function comparePaths(a: Key[], b: Key[]): number {
  for (let k = 0; k < Math.min(a.length, b.length); k++) {
    if (a[k] === b[k]) continue;
    return typeof a[k] === 'number' && typeof b[k] === 'number' ? (a[k] as number) - (b[k] as number) : String(a[k]) < String(b[k]) ? -1 : 1;
  }
  return a.length - b.length;
}
const at = (root: unknown, path: readonly Key[]): unknown => path.reduce<unknown>((o, k) => (o as Record<Key, unknown> | undefined)?.[k], root);
const clip = (v: unknown) => { const s = JSON.stringify(v) ?? String(v); return s.length > 80 ? `${s.slice(0, 80)}…` : s; };
/** `issues.3.quantities.0.approx: "不低于" left out (Invalid option: …)` */
export const describeDropped = (d: DroppedValue): string => `${d.path}: ${clip(d.value)} left out (${d.reason.slice(0, 160)})`;

/**
 * Validate a record, and where it fails, degrade instead of dropping the document: the
 * offending value is left out (a nullable field becomes null, an item of a list is removed,
 * a key of the declared totals is deleted) and the record is validated again. Each value left
 * out is returned (the caller warns `record_value_dropped`); a record that still fails, or
 * whose failure is in no value that can be left out (its text, its source), throws.
 */
export function validateOrDegrade(rec: unknown): { record: BulletinRecord; dropped: DroppedValue[] } {
  const dropped: DroppedValue[] = [];
  let cur = rec;
  for (let round = 0; round < 64; round++) {
    const r = BulletinRecord.safeParse(cur);
    if (r.success) return { record: r.data, dropped };
    if (round === 0) cur = structuredClone(rec); // the caller's object is not changed
    let progress = false;
    // last path first, so that removing an item does not move the items the other issues name;
    // an issue inside an item already removed is gone with it
    const issues = r.error.issues.map((i) => ({ path: i.path as Key[], message: i.message })).sort((a, b) => comparePaths(b.path, a.path));
    const gone: string[] = [];
    for (const issue of issues) {
      const p = issue.path.join('.');
      if (gone.some((g) => p === g || p.startsWith(`${g}.`))) continue;
      const d = leaveOut(cur, issue.path, issue.message);
      if (d) { dropped.push(d); gone.push(d.path); progress = true; }
    }
    if (!progress) break;
  }
  return { record: validateRecord(cur), dropped }; // throws, naming what is still wrong
}

/** Containers whose items can go one by one without making the record wrong. */
const LISTS = new Set(['issues', 'quantities', 'categories', 'measures', 'notes', 'documents', 'themes', 'unit_aliases', 'phones', 'emails', 'years_implied', 'warnings']);

function leaveOut(root: unknown, path: Key[], reason: string): DroppedValue | null {
  if (!path.length) return null;
  // 1. the field itself, where it may be null (a date, a status phrase, a quantity's approx)
  const leaf = path[path.length - 1]!;
  const parent = at(root, path.slice(0, -1)) as Record<Key, unknown> | undefined;
  if (parent && typeof leaf === 'string' && !Array.isArray(parent) && parent[leaf] !== null && parent[leaf] !== undefined) {
    const value = parent[leaf];
    if (NULLABLE.has(leaf) && path[0] !== 'provenance' && path[0] !== 'summary') {
      parent[leaf] = null;
      return { path: path.join('.'), value, reason };
    }
  }
  // a declared total, or the provenance of one field or total: each key is optional
  const mapKey = path[0] === 'summary' ? 2 : path[0] === 'provenance' ? 3 : 0;
  if (mapKey && path.length >= mapKey) {
    const map = at(root, path.slice(0, mapKey - 1)) as Record<Key, unknown> | undefined;
    const key = path[mapKey - 1]!;
    if (map && typeof map === 'object' && key in map) {
      const value = map[key];
      delete map[key];
      return { path: path.slice(0, mapKey).join('.'), value, reason };
    }
  }
  // 2. the nearest item of a list that holds it (a quantity, a category, a problem: in that order of depth)
  for (let k = path.length - 1; k >= 1; k--) {
    const key = path[k];
    const list = path[k - 1];
    if (typeof key !== 'number' || typeof list !== 'string' || !LISTS.has(list)) continue;
    const arr = at(root, path.slice(0, k));
    if (!Array.isArray(arr) || key >= arr.length) continue;
    const [value] = arr.splice(key, 1);
    return { path: path.slice(0, k + 1).join('.'), value, reason };
  }
  return null;
}

/** Fields that the schema lets be null: a bad value there becomes null rather than taking its item with it. */
const NULLABLE = new Set(['approx', 'role', 'outcome', 'status_phrase', 'status_rule', 'label', 'numbering_rule', 'category',
  'title', 'issuer', 'unit', 'region', 'level', 'inspection_kind', 'team', 'round', 'inspection_start', 'inspection_end',
  'feedback_date', 'as_of_date', 'published_date', 'doc_number', 'encoding', 'publisher', 'ocr_confidence']);
