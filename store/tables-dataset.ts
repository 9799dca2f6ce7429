// The dataset's other tables (kept by ingest runs, unit merges and the group statistics, not
// filled from a record) and its views, declared as store/tables.ts declares a document's: the
// columns each table has and the notes the export writes. exportNotes() gives metadata.json's
// descriptions of them all.
import { database, writer, table, type AnyTable, type View } from './table-spec.js';
import { BULLETINS, BULLETIN_STATS, CATEGORIES, DECLARED_TOTALS, DICTIONARIES, DOCUMENTS, DOCUMENTS_CITED, ISSUES, ISSUE_NOTES, ISSUE_THEME_TAGS, MEASURES, QUANTITY_ROWS, SEARCH, GRAMS, WARNINGS } from './tables.js';

export const DOCUMENT_PATHS = table('document_paths', 'Every path the same bytes were seen at.', {
  document_id: writer('bigint'),
  path: writer('text'),
  first_seen: database('text'),
}, { pg: { name: 'document_paths', columns: [{ name: 'id', ...database('bigint') }, { name: 'document_id', ...writer('bigint') }, { name: 'path', ...writer('text') }, { name: 'first_seen', ...database('text') }] } });

export const UNITS = table('units', 'Inspected units, one row per canonical full name (short forms expanded, 县X/市X qualified with the region, manual merges applied).', {
  id: database('bigint'),
  name: writer('text', 'canonical full name'),
  region: writer('text', 'administrative area the unit belongs to'),
  level: writer('text', 'central, provincial, municipal, county or township'),
});

export const UNIT_ALIASES = table('unit_aliases', 'Other names of a unit and where each came from.', {
  unit_id: writer('bigint'),
  alias: writer('text'),
  source: writer('text', 'bulletin.unit, bulletin.unit_aliases, a rename rule’s id or manual'),
});

export const UNIT_MERGES = table('unit_merges', 'Manual merges (zhenggai units merge A B); applied again on every ingest; zhenggai units unmerge A undoes one.', {
  from_name: writer('text'),
  into_name: writer('text'),
  created_at: database('text'),
  undo: writer('text', 'JSON: the merged unit as it was (id, region, level, aliases), the aliases the merge gave the other unit, and the merges into it that it re-pointed: what units unmerge puts back'),
});

export const GROUP_STATS = table('group_stats', 'The per-bulletin figures summed per group of publications (one unit, spelling of its name, region, level and year), kept at ingest: what compare and the report add up.', {
  unit_id: writer('bigint'),
  unit_name: writer('text'),
  issuer: writer('text', 'only when the group has neither unit nor unit_name'),
  region: writer('text'),
  level: writer('text'),
  year: writer('int'),
  bulletins: writer('int'),
  problems: writer('int'),
  problems_declared: writer('int', 'the problems found in the bulletins that declare a count'),
  completed: writer('int'),
  money_recovered: writer('real', 'recovered money of the bulletins that do not declare it (those that do count by their declaration, declared_money_recovered)'),
  money_other: writer('real'),
  declared_problems: writer('real'),
  declared_money_recovered: writer('real'),
  declared_rules: writer('real'),
  mismatches: writer('int'),
  themes: writer('text', 'JSON [[label, bulletins, problems, completed, money_recovered, money_other], …]; label null: problems with no theme'),
});

export const INGEST_RUNS = table('ingest_runs', 'One row per ingest run, with its counts and options.', {
  id: database('bigint'),
  started_at: writer('text'),
  ended_at: writer('text'),
  ingested: writer('int'),
  unchanged: writer('int'),
  reprocessed: writer('int'),
  failed: writer('int'),
  options: writer('text'),
});

export const INGEST_ERRORS = table('ingest_errors', 'Files that failed in a run, with an error code.', {
  run_id: writer('bigint'),
  path: writer('text'),
  sha256: writer('text'),
  code: writer('text'),
  message: writer('text'),
});

/** SQLite only: the largest issue and quantity ids ever given, so that none is used twice (its search index keeps entries of re-derived problems). */
export const ID_COUNTERS = table('id_counters', 'The largest issue and quantity ids ever given (SQLite).', {
  name: writer('text'),
  last: writer('bigint'),
});

/** Every table, in the order a document's references need. */
export const TABLES: Array<AnyTable> = [DOCUMENTS, DOCUMENT_PATHS, UNITS, UNIT_ALIASES, UNIT_MERGES, BULLETINS, DECLARED_TOTALS, CATEGORIES, ISSUES, MEASURES, ISSUE_NOTES,
  DICTIONARIES.rules!, QUANTITY_ROWS, DICTIONARIES.themes!, ISSUE_THEME_TAGS, DOCUMENTS_CITED, WARNINGS, BULLETIN_STATS, GROUP_STATS, INGEST_RUNS, INGEST_ERRORS, ID_COUNTERS, SEARCH, GRAMS]
  ;

export const VIEWS: View[] = [
  { name: 'quantities', note: 'Numbers with measure words; money in yuan.', notes: { issue_id: 'NULL for quantities outside any problem', kind: 'count, money (yuan), percent or duration', approx: '余 多 近 约 不少于 至少 超过 … when the text hedges', rule: 'id of the rule that read it', role: 'money only: recovered (清退/追缴/追回/挽回…), fined (罚款), involved (涉及资金…) or other' } },
  { name: 'issue_themes', note: 'View: theme tags of problems (rules/themes.json), with the label, the rule and the keyword each came from (issue_theme_tags joined with themes).' },
  { name: 'publications', note: 'View: the bulletins, one row per publication (the earliest ingested file stands for it).' },
  { name: 'publication_overview', note: 'View — start here: one row per publication (the same bulletin saved as .txt, .docx, .pdf and .html counts once; files says how many copies) with declared problems, problems found, completed, not completed, completion rate and where it came from, money recovered and other money, warnings.', notes: { completion_rate: 'completed ÷ problems found, or the rate the bulletin declares when it lists no problems (see completion_rate_source)', completion_rate_source: 'problems (counted from the problems) or declared (the bulletin’s own figure)', money_recovered: 'yuan recovered (清退/追缴/追回/挽回…): the declared total, else the sum of such amounts', money_other: 'yuan in other amounts: fines, amounts involved, funds spent', declared_problems: 'the count the bulletin declares (NULL: none declared)' } },
  { name: 'bulletin_overview', note: 'View: the same as publication_overview but one row per file (copies of one publication repeat; same_as_bulletin names the first).' },
];

/** metadata.json's description of each table and view: its note, and the notes of its columns. */
export function exportNotes(): Record<string, { description: string; columns?: Record<string, string> }> {
  const out: Record<string, { description: string; columns?: Record<string, string> }> = {};
  for (const t of TABLES) {
    const columns = Object.fromEntries(t.columns.filter((c) => c.note).map((c) => [c.name, c.note!]));
    out[t.name] = Object.keys(columns).length ? { description: t.note, columns } : { description: t.note };
  }
  for (const v of VIEWS) out[v.name] = v.notes ? { description: v.note, columns: v.notes } : { description: v.note };
  return out;
}
