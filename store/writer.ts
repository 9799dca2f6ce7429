// Writes records into the dataset, one transaction per document. The record arrives as a
// DocPayload (store/rows.ts: everything that does not need the database, computed where the
// record was made); each child table is one INSERT … SELECT over jsonb_each of its rows.
// Identity is the sha256 of the bytes: unchanged files are skipped (another path of the
// same bytes is recorded as such); --reprocess re-derives documents whose rules changed.
import { SEARCH_TEXTS_SQL, STATS_COLUMNS, searchRow, type DB } from './db.js';
import type { DocPayload } from './rows.js';
import { FINGERPRINT_SCOPES, REPLACED_SCOPES, addPublicationSync, refreshGroupsSync, scopeOf, type Scope, type ScopeRow } from './groups.js';

export type WriteStatus = 'ingested' | 'unchanged' | 'reprocessed';

export interface Versions { pipeline: string; rules: string }

/** INSERT … SELECT over the JSON array bound to :rows (`v(n)` is column n of a row). jsonb_each, not
 * json_each: its rows are binary JSON, so `->>` reads them without turning each back into text
 * and parsing it again (a fifth less statement time). */
const v = (n: number) => `value->>${n}`;

export class Writer {
  private s;
  /** [theme, label, rule] written by this writer (themeNames runs only for one it has not) */
  private themesSeen = new Set<string>();
  constructor(private db: DB, private versions: Versions) {
    const p = (sql: string) => db.prepare(sql);
    const each = (table: string, columns: string, values: string, verb = 'INSERT') => p(`${verb} INTO ${table} (${columns}) SELECT ${values} FROM jsonb_each(:rows)`);
    const issueId = (n: number) => `:issueBase + ${v(n)} + 1`;
    this.s = {
      findDoc: p('SELECT id, rules_hash, pipeline_version FROM documents WHERE sha256 = ?'),
      paths: p('SELECT path FROM document_paths WHERE document_id = ?').pluck(),
      addPath: p('INSERT OR IGNORE INTO document_paths (document_id, path) VALUES (?, ?)'),
      delDoc: p('DELETE FROM documents WHERE id = ?'),
      // the scopes (store/groups.ts) a replaced document's bulletin touches, and a new one's
      replacedScopes: p(REPLACED_SCOPES),
      fingerprintScopes: p(FINGERPRINT_SCOPES),
      // the search table is contentless: a document's entries go with FTS5's 'delete' command and
      // the tokens they were made of, computed again from the stored problems
      ftsOf: p(`${SEARCH_TEXTS_SQL} JOIN bulletins b ON b.id = i.bulletin_id WHERE b.document_id = ?`),
      delFts: p("INSERT INTO issues_fts (issues_fts, rowid, problem, measures, outcome) VALUES ('delete', ?, ?, ?, ?)"),
      lastId: p('SELECT last FROM id_counters WHERE name = ?').pluck(),
      setLastId: p('INSERT INTO id_counters (name, last) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET last = excluded.last'),
      insDoc: p('INSERT INTO documents (sha256, format, encoding, size, text, pipeline_version, rules_hash, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      merge: p('SELECT into_name FROM unit_merges WHERE from_name = ?').pluck(),
      findUnit: p('SELECT id FROM units WHERE name = ?').pluck(),
      insUnit: p('INSERT INTO units (name, region, level) VALUES (?, ?, ?)'),
      insAlias: p('INSERT OR IGNORE INTO unit_aliases (unit_id, alias, source) VALUES (?, ?, ?)'),
      insBulletin: p(`INSERT INTO bulletins (document_id, unit_id, title, issuer, unit_name, region, level, inspection_kind, team, round,
        inspection_start, inspection_end, feedback_date, as_of_date, years_implied, year, published_date, doc_number, publisher, phones, emails, region_code, fingerprint)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      maxCategory: p('SELECT coalesce(max(id), 0) FROM categories').pluck(),
      stats: p(`INSERT INTO bulletin_stats (bulletin_id, ${STATS_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      maxIssue: p('SELECT coalesce(max(id), 0) FROM issues').pluck(),
      totals: each('declared_totals', 'bulletin_id, key, value', `:bid, ${v(0)}, ${v(1)}`),
      categories: each('categories', 'id, bulletin_id, ordinal, title, span_start, span_end, rule', `:catBase + key + 1, :bid, ${v(0)}, ${v(1)}, ${v(2)}, ${v(3)}, ${v(4)}`),
      issues: each('issues', 'id, bulletin_id, number, category_id, category_ordinal, problem, outcome, status, status_phrase, status_rule, span_start, span_end, rule, unit',
        `:issueBase + key + 1, :bid, ${v(0)}, :catBase + ${v(1)} + 1, ${[2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map(v).join(', ')}`),
      measures: each('measures', 'issue_id, ordinal, text', `${issueId(0)}, ${v(1)}, ${v(2)}`),
      notes: each('issue_notes', 'issue_id, ordinal, text', `${issueId(0)}, ${v(1)}, ${v(2)}`),
      // each rule id once (rules), each quantity with the number of its rule
      ruleIds: p(`INSERT OR IGNORE INTO rules (rule) SELECT DISTINCT ${v(8)} FROM jsonb_each(:rows)`),
      quantities: each('quantity_rows', 'id, bulletin_id, issue_id, value, unit, kind, approx, text, span_start, span_end, rule_id, role',
        `:quantityBase + key + 1, :bid, ${issueId(0)}, ${[1, 2, 3, 4, 5, 6, 7].map(v).join(', ')}, (SELECT r.id FROM rules r WHERE r.rule = ${v(8)}), ${v(9)}`),
      cited: each('documents_cited', 'issue_id, title', `${issueId(0)}, ${v(1)}`),
      // each theme's label and rule as the rules give them now (written only when they changed)
      themeNames: p(`INSERT INTO themes (theme, label, rule) SELECT DISTINCT ${v(1)}, ${v(2)}, ${v(3)} FROM jsonb_each(:rows) WHERE true
        ON CONFLICT (theme) DO UPDATE SET label = excluded.label, rule = excluded.rule WHERE label <> excluded.label OR rule <> excluded.rule`),
      themes: each('issue_theme_tags', 'issue_id, theme_id, keyword', `${issueId(0)}, (SELECT th.id FROM themes th WHERE th.theme = ${v(1)}), ${v(4)}`, 'INSERT OR IGNORE'),
      fts: each('issues_fts', 'rowid, problem, measures, outcome', `${issueId(0)}, ${v(1)}, ${v(2)}, ${v(3)}`),
      warnings: each('warnings', 'bulletin_id, code, message, rule', `:bid, ${v(0)}, ${v(1)}, ${v(2)}`),
    };
  }

  /** Is this content already in the dataset (and current)? Lets the batch skip parsing. */
  known(sha256: string, reprocess: boolean): 'absent' | 'current' | 'stale' {
    const row = this.s.findDoc.get(sha256) as { rules_hash: string; pipeline_version: string } | undefined;
    if (!row) return 'absent';
    if (reprocess && (row.rules_hash !== this.versions.rules || row.pipeline_version !== this.versions.pipeline)) return 'stale';
    return 'current';
  }

  /** Record another path for known bytes. */
  addPath(sha256: string, path: string): void {
    const row = this.s.findDoc.get(sha256) as { id: number } | undefined;
    if (row) this.s.addPath.run(row.id, path);
  }

  /** What this writer remembers of the dataset's rows, forgotten when a write or a commit fails (its rows may be gone). */
  forget(): void {
    this.themesSeen.clear();
  }

  /** Write one document (see toPayload() in store/rows.ts). */
  write(doc: DocPayload, opts: { reprocess?: boolean } = {}): WriteStatus {
    try {
      return this.writeDoc(doc, opts);
    } catch (e) {
      this.forget();
      throw e;
    }
  }

  private writeDoc(doc: DocPayload, opts: { reprocess?: boolean }): WriteStatus {
    // IMMEDIATE: take the write lock before the first read, so another writer (a second
    // ingest, `units merge`) makes this wait (busy_timeout) rather than fail on a stale snapshot
    return this.db.transaction((): WriteStatus => {
      const row = this.s.findDoc.get(doc.sha256) as { id: number; rules_hash: string; pipeline_version: string } | undefined;
      let status: WriteStatus = 'ingested';
      let paths: string[] = [];
      const scopes: Scope[] = [];
      if (row) {
        const stale = row.rules_hash !== this.versions.rules || row.pipeline_version !== this.versions.pipeline;
        if (!opts.reprocess || !stale) {
          this.s.addPath.run(row.id, doc.path);
          return 'unchanged';
        }
        paths = this.s.paths.all(row.id) as string[];
        for (const r of this.s.replacedScopes.all(row.id) as ScopeRow[]) scopes.push(scopeOf(r));
        for (const i of this.s.ftsOf.all(row.id) as Array<{ id: number; problem: string; measures: string; outcome: string }>) this.s.delFts.run(i.id, ...searchRow(i));
        this.s.delDoc.run(row.id);
        status = 'reprocessed';
      }
      const docId = Number(this.s.insDoc.run(doc.sha256, doc.format, doc.encoding, doc.size, Buffer.from(doc.textZ), this.versions.pipeline, this.versions.rules, Buffer.from(doc.record)).lastInsertRowid);
      for (const p of new Set([...paths, doc.path])) this.s.addPath.run(docId, p);
      const bid = this.insertBulletin(docId, doc);
      // the groups compare sums (store/groups.ts): a new bulletin is added to its group; one that
      // replaces another has the groups of both units, and of the other files of the same
      // bulletins (which of them counts may have changed), computed again
      if (status === 'ingested') addPublicationSync(this.db, bid);
      else {
        for (const r of this.s.fingerprintScopes.all(doc.fingerprint) as ScopeRow[]) scopes.push(scopeOf(r));
        refreshGroupsSync(this.db, scopes);
      }
      return status;
    }).immediate();
  }

  private unitId(u: DocPayload['unit']): number | null {
    if (!u) return null;
    const name = (this.s.merge.get(u.name) as string | undefined) ?? u.name;
    const id = (this.s.findUnit.get(name) as number | undefined) ?? Number(this.s.insUnit.run(name, u.region, u.level).lastInsertRowid);
    if (u.renameRule) this.s.insAlias.run(id, u.canonical, u.renameRule);
    if (u.unitName && u.unitName !== name) this.s.insAlias.run(id, u.unitName, 'bulletin.unit');
    for (const a of u.aliases) if (a !== name) this.s.insAlias.run(id, a, 'bulletin.unit_aliases');
    return id;
  }

  private insertBulletin(docId: number, doc: DocPayload): number {
    const bid = Number(this.s.insBulletin.run(docId, this.unitId(doc.unit), ...doc.bulletin, doc.fingerprint).lastInsertRowid);
    // ids of this document's categories and issues follow the largest so far (the writer holds the write lock)
    const catBase = this.s.maxCategory.get() as number;
    // issue ids are never used twice (the search index may keep entries of a re-derived one)
    const issueBase = Math.max(this.s.maxIssue.get() as number, (this.s.lastId.get('issues') as number | undefined) ?? 0);
    if (doc.stats[0]) this.s.setLastId.run('issues', issueBase + doc.stats[0]);
    const r = doc.rows;
    const run = (st: { run: (p: object) => unknown }, rows: string, extra: object = {}) => { if (rows !== '[]') st.run({ rows, bid, ...extra }); };
    run(this.s.totals, r.totals);
    run(this.s.categories, r.categories, { catBase });
    run(this.s.issues, r.issues, { catBase, issueBase });
    run(this.s.measures, r.measures, { issueBase });
    run(this.s.notes, r.notes, { issueBase });
    if (r.quantities !== '[]') {
      this.s.ruleIds.run({ rows: r.quantities });
      // quantity ids follow the largest ever given (the table is kept in bulletin order: no max(id) to read)
      const quantityBase = (this.s.lastId.get('quantities') as number | undefined) ?? 0;
      const n = (this.s.quantities.run({ rows: r.quantities, bid, issueBase, quantityBase }) as { changes: number }).changes;
      this.s.setLastId.run('quantities', quantityBase + n);
    }
    run(this.s.cited, r.cited, { issueBase });
    // each theme's label and rule, when they are new to this writer (they come from the rules, the same for a whole batch)
    if (r.themes !== '[]') {
      const names = (JSON.parse(r.themes) as unknown[][]).map((t) => JSON.stringify(t.slice(1, 4)));
      if (names.some((n) => !this.themesSeen.has(n))) {
        this.s.themeNames.run({ rows: r.themes });
        for (const n of names) this.themesSeen.add(n);
      }
    }
    run(this.s.themes, r.themes, { issueBase });
    run(this.s.fts, r.fts, { issueBase });
    run(this.s.warnings, r.warnings);
    // the figures compare and the report read, computed with the record (rows.ts statsOf)
    this.s.stats.run(bid, ...doc.stats);
    return bid;
  }
}
