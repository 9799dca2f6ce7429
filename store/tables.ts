// The tables a document fills, one declaration each (store/table-spec.ts says how to read one):
// the columns in the dataset's order, each with its type, where its value comes from in the
// record, and the note the export writes for it. The payload (store/rows.ts), both stores'
// INSERTs (store/table-sql.ts) and the export's notes come from here. Adding a column to one of
// these tables: declare it here, and add it to the dataset in one migration per store
// (store/sqlite/NNN_*.sql, store/pg/NNN_*.sql); nothing else.
import type { BulletinRecord, Category, Issue, Quantity, ThemeTag, Warning } from '../core/record.js';
import { bulletinId, database, int, json, lookup, pgExpr, real, ref, rowId, table, text, writer, type AnyTable } from './table-spec.js';
import { fingerprint, ftsRows, gramRows, statsOf, yearOf, type Stats } from './record-values.js';

export const DOCUMENTS = table('documents', 'One row per distinct input file content (sha256). The normalized text every span points into.', {
  id: database('bigint'),
  sha256: writer('text', 'SHA-256 of the file bytes: the document identity'),
  format: writer('text', 'txt, docx, doc, pdf, html or image'),
  encoding: writer('text', 'what the bytes were decoded as (txt/html)'),
  size: writer('bigint', 'the file’s size in bytes'),
  text: writer('text', 'normalized text; span_start/span_end elsewhere are UTF-16 offsets into it (stored compressed in a SQLite dataset; in SQL: zg_text(text))'),
  pipeline_version: writer('text', 'zhenggai version that derived the rows'),
  rules_hash: writer('text', 'hash of rules/ at derivation; --reprocess re-derives when it changes'),
  record: writer('jsonb', 'the validated zhenggai.bulletin/1 record, less its text (stored compressed in a SQLite dataset, as jsonb on PostgreSQL; in SQL: zg_record(record, text); the export writes its JSON as record_json)'),
  ingested_at: database('text'),
});

export const BULLETINS = table<BulletinRecord>('bulletins', 'One row per bulletin: metadata read from the title, opening and closing.', {
  id: database('bigint'),
  document_id: writer('bigint'),
  unit_id: writer('bigint', 'the unit (units.id) the bulletin is about, after renames and merges'),
  title: text((r) => r.bulletin.title),
  issuer: text((r) => r.bulletin.issuer),
  unit_name: text((r) => r.bulletin.unit, 'unit as the bulletin names it'),
  region: text((r) => r.bulletin.region),
  level: text((r) => r.bulletin.level),
  inspection_kind: text((r) => r.bulletin.inspection_kind),
  team: text((r) => r.bulletin.team, 'inspection team as named'),
  round: text((r) => r.bulletin.round, 'e.g. 十四届县委第三轮, when stated'),
  inspection_start: text((r) => r.bulletin.inspection_start, 'ISO date'),
  inspection_end: text((r) => r.bulletin.inspection_end, 'ISO date'),
  feedback_date: text((r) => r.bulletin.feedback_date, 'ISO date the team gave its feedback'),
  as_of_date: text((r) => r.bulletin.as_of_date, 'ISO date of the progress figures (截至…)'),
  years_implied: json((r) => r.bulletin.years_implied, 'JSON array: the date fields whose year came from context'),
  year: int(yearOf, 'year of the inspection (else feedback, as-of or publication)'),
  published_date: text((r) => r.bulletin.published_date),
  doc_number: text((r) => r.bulletin.doc_number),
  publisher: text((r) => r.source.publisher),
  phones: json((r) => r.bulletin.contact.phones, 'JSON array of the bulletin’s own contact phones'),
  emails: json((r) => r.bulletin.contact.emails, 'JSON array'),
  fingerprint: text(fingerprint, 'the same bulletin in another format (txt/docx/pdf/html) has the same fingerprint'),
  region_code: text((r) => r.bulletin.region_code, 'the region’s GB/T 2260 code (from the gazetteer); NULL where none is sure'),
}, { rows: (rec) => [rec] });

export const DECLARED_TOTALS = table<[string, number]>('declared_totals', 'Totals the bulletin declares about itself (problems, completed, long_term, measures, money_recovered…). Compare with issues to check the bulletin.', {
  bulletin_id: bulletinId(),
  key: text((t) => t[0], 'problems, completed, in_progress, long_term, not_completed, tasks, measures, rules, aspects, completion_rate (0..1), money_recovered (yuan), people_*, clues_transferred …'),
  value: real((t) => t[1]),
}, { many: true, rows: (rec) => Object.entries(rec.summary) });

export const CATEGORIES = table<Category>('categories', 'Problem categories (（一）“X”方面) in bulletin order.', {
  id: rowId('categories'),
  bulletin_id: bulletinId(),
  ordinal: int((c) => c.ordinal),
  title: text((c) => c.title),
  span_start: int((c) => c.span[0]),
  span_end: int((c) => c.span[1]),
  rule: text((c) => c.rule),
}, { many: true, rows: (rec) => rec.categories });

type IssueRow = { i: Issue; category: number | null };
export const ISSUES = table<IssueRow>('issues', 'One row per problem the bulletin lists.', {
  id: rowId('issues'),
  bulletin_id: bulletinId(),
  number: int((x) => x.i.number, 'the bulletin’s own numbering (in order where it restarts)'),
  category_id: ref('categories', 'category', (x) => x.category, 'the category (categories.id) it is listed under'),
  category_ordinal: int((x) => x.i.category),
  problem: text((x) => x.i.problem),
  outcome: text((x) => x.i.outcome),
  status: text((x) => x.i.status, 'completed, in_progress, long_term or unknown'),
  status_phrase: text((x) => x.i.status_phrase, 'the words the status was read from'),
  status_rule: text((x) => x.i.status_rule, 'id of the status rule'),
  span_start: int((x) => x.i.span[0]),
  span_end: int((x) => x.i.span[1]),
  rule: text((x) => x.i.rule, 'the segmentation rule that found the problem'),
  unit: text((x) => x.i.unit, 'the unit a round’s digest lists it under; NULL: the bulletin’s own'),
}, {
  many: true,
  rows: (rec) => {
    const index = new Map(rec.categories.map((c, k) => [c.ordinal, k]));
    return rec.issues.map((i) => ({ i, category: i.category !== null ? index.get(i.category) ?? null : null }));
  },
});

/** Each item of a problem's list (measures, notes, quantities, …) with the problem's index. */
const perIssue = <T>(list: (i: Issue) => T[]) => (rec: BulletinRecord) => rec.issues.flatMap((i, k) => list(i).map((x, n) => ({ k, n, x })));
const issueRef = <T extends { k: number | null }>() => ref<T>('issues', 'issue', (r) => r.k);

export const MEASURES = table<{ k: number; n: number; x: string }>('measures', 'Rectification measures of a problem (一是…二是…).', {
  issue_id: issueRef(),
  ordinal: int((r) => r.n + 1),
  text: text((r) => r.x),
}, { many: true, rows: perIssue((i) => i.measures) });

export const ISSUE_NOTES = table<{ k: number; n: number; x: string }>('issue_notes', 'Follow-up paragraphs that belong to a problem.', {
  issue_id: issueRef(),
  ordinal: int((r) => r.n + 1),
  text: text((r) => r.x),
}, { many: true, rows: perIssue((i) => i.notes) });

export const RULES = table('rules', 'Each rule id a quantity was read by, once (quantities gives them with each row).', {
  id: database('bigint'),
  rule: writer('text', 'a rule id (rules/*.json), as in the record'),
}, { dictionary: { key: 'rule', update: false } });

type QuantityRow = { k: number | null; q: Quantity };
export const QUANTITY_ROWS = table<QuantityRow>('quantity_rows', 'Numbers with measure words (the view quantities gives them with their rule ids).', {
  id: rowId('quantities'),
  bulletin_id: bulletinId(),
  issue_id: issueRef(),
  value: real((r) => r.q.value),
  unit: text((r) => r.q.unit),
  kind: text((r) => r.q.kind),
  approx: text((r) => r.q.approx),
  text: text((r) => r.q.text),
  span_start: int((r) => r.q.span[0]),
  span_end: int((r) => r.q.span[1]),
  rule_id: lookup('rules', 'rule', (r) => r.q.rule),
  role: text((r) => r.q.role),
}, {
  many: true,
  // a problem's quantities, then those outside any problem, in reading order
  rows: (rec) => [...rec.issues.flatMap((i, k) => i.quantities.map((q) => ({ k, q }))), ...rec.quantities.map((q) => ({ k: null, q }))],
});

export const THEMES = table('themes', 'Each theme id with its label and rule, as rules/themes.json had them at the last ingest.', {
  id: database('bigint'),
  theme: writer('text', 'id in rules/themes.json'),
  label: writer('text'),
  rule: writer('text'),
}, { dictionary: { key: 'theme', update: true } });

export const ISSUE_THEME_TAGS = table<{ k: number; n: number; x: ThemeTag }>('issue_theme_tags', 'Theme tags of problems: the theme (its number in themes) and the keyword it was read from.', {
  issue_id: issueRef(),
  theme_id: lookup('themes', 'theme', (r) => r.x.theme, { label: (r) => r.x.label, rule: (r) => r.x.rule }),
  keyword: text((r) => r.x.keyword, 'the word it was read from'),
}, { many: true, firstPerKey: ['issue_id', 'theme_id'], rows: perIssue((i) => i.themes) });

export const DOCUMENTS_CITED = table<{ k: number; n: number; x: string }>('documents_cited', 'Documents a problem cites in 《…》.', {
  issue_id: issueRef(),
  title: text((r) => r.x),
}, { many: true, rows: perIssue((i) => i.documents) });

/** The search index: each problem's jieba tokens (SQLite FTS5, contentless; PostgreSQL a tsvector in issue_search). */
type SearchRow = { k: number; f: [string, string, string] };
const searchRef = ref<SearchRow>('issues', 'issue', (r) => r.k);
export const SEARCH = table<SearchRow>('issues_fts', 'Full-text search over jieba tokens of problems, measures and outcomes (contentless: only the index is kept).', {
  rowid: searchRef,
  problem: text((r) => r.f[0]),
  measures: text((r) => r.f[1]),
  outcome: text((r) => r.f[2]),
}, {
  many: true,
  searchIndex: true,
  rows: (rec) => ftsRows(rec).map((f, k) => ({ k, f })),
  pg: {
    name: 'issue_search',
    columns: [
      { name: 'issue_id', ...searchRef },
      { name: 'tokens', ...pgExpr('text', "array_to_tsvector(array_remove(string_to_array(concat_ws(' ', v->>'problem', v->>'measures', v->>'outcome'), ' '), ''))") },
    ],
  },
});

/** The substring index: each problem's grams (store/grams.ts; SQLite FTS5, contentless; PostgreSQL a tsvector in issue_grams). */
type GramRow = { k: number; g: string };
const gramRef = ref<GramRow>('issues', 'issue', (r) => r.k);
export const GRAMS = table<GramRow>('issues_fts_grams', 'Substring search over problems, measures and outcomes: each problem’s characters and pairs of adjacent characters (contentless: only the index is kept).', {
  rowid: gramRef,
  grams: text((r) => r.g),
}, {
  many: true,
  searchIndex: true,
  rows: (rec) => gramRows(rec).map((g, k) => ({ k, g })),
  pg: {
    name: 'issue_grams',
    columns: [
      { name: 'issue_id', ...gramRef },
      { name: 'grams', ...pgExpr('text', "array_to_tsvector(array_remove(string_to_array(v->>'grams', ' '), ''))") },
    ],
  },
});

export const WARNINGS = table<Warning>('warnings', 'What the pipeline found suspicious: declared totals that do not match the problems, unknown statuses, not a bulletin, mojibake.', {
  bulletin_id: bulletinId(),
  code: text((w) => w.code),
  message: text((w) => w.message),
  rule: text((w) => w.rule),
}, { many: true, rows: (rec) => rec.warnings });

export const BULLETIN_STATS = table<Stats>('bulletin_stats', 'Each bulletin’s figures, kept at ingest: its problems, completed, money and themes, and the totals it declares.', {
  bulletin_id: bulletinId(),
  problems: int((s) => s.problems),
  completed: int((s) => s.completed),
  money_recovered: real((s) => s.money_recovered, 'the recovered money of its problems (yuan)'),
  money_other: real((s) => s.money_other, 'their other money: fines, amounts involved, funds spent'),
  themes: text((s) => s.themes, 'JSON [[label, problems, completed, money_recovered, money_other], …] in the order first met; label null: the problems with no theme'),
  declared_problems: real((s) => s.declared_problems, 'the bulletin’s own totals (NULL: not declared)'),
  declared_rules: real((s) => s.declared_rules),
  declared_money_recovered: real((s) => s.declared_money_recovered),
  mismatches: int((s) => s.mismatches, 'its declared_total_mismatch warnings'),
}, { rows: (rec) => [statsOf(rec)] });

/** A document's rows, in the order they are written (after its documents and bulletins rows). */
export const DOCUMENT_TABLES: Array<AnyTable> = [DECLARED_TOTALS, CATEGORIES, ISSUES, MEASURES, ISSUE_NOTES, QUANTITY_ROWS, DOCUMENTS_CITED, ISSUE_THEME_TAGS, SEARCH, GRAMS, WARNINGS]
  ;
/** The dictionaries a document's rows look names up in. */
export const DICTIONARIES: Record<string, AnyTable> = { rules: RULES, themes: THEMES };

