// Writes validated records into the dataset, one transaction per document.
// Identity is the sha256 of the bytes: unchanged files are skipped (another path of the
// same bytes is recorded as such); --reprocess re-derives documents whose rules changed.
import { createHash } from 'node:crypto';
import type { DB } from './db.js';
import { validateRecord, type BulletinRecord } from '../pipeline/record.js';
import { canonicalUnit, successorName } from '../extractors/units.js';
import { searchTokens } from '../extractors/tokens.js';

/** FTS5 rows of a record's issues: jieba search tokens, space-joined (problem, measures, outcome). */
export type FtsRows = Array<[string, string, string]>;
export function ftsRows(rec: BulletinRecord): FtsRows {
  return rec.issues.map((i) => [searchTokens(i.problem).join(' '), searchTokens(i.measures.join('\n')).join(' '), searchTokens(i.outcome ?? '').join(' ')]);
}

const norm = (s: string | null) => (s ?? '').normalize('NFKC').replace(/[\s“”"‘’'「」]/g, '');

/** What makes two files the same bulletin whatever their format: title, unit, dates, problems, totals. */
export function fingerprint(rec: BulletinRecord): string {
  const b = rec.bulletin;
  const key = [norm(b.title), norm(b.unit), b.inspection_start, b.feedback_date, rec.issues.map((i) => `${i.number}:${norm(i.problem)}`), Object.entries(rec.summary).sort()];
  return createHash('sha256').update(JSON.stringify(key)).digest('hex').slice(0, 32);
}

export type WriteStatus = 'ingested' | 'unchanged' | 'reprocessed';

export interface Versions { pipeline: string; rules: string }

export class Writer {
  private s;
  constructor(private db: DB, private versions: Versions) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      findDoc: p('SELECT id, rules_hash, pipeline_version FROM documents WHERE sha256 = ?'),
      addPath: p('INSERT OR IGNORE INTO document_paths (document_id, path) VALUES (?, ?)'),
      delDoc: p('DELETE FROM documents WHERE id = ?'),
      delFts: p('DELETE FROM issues_fts WHERE rowid IN (SELECT i.id FROM issues i JOIN bulletins b ON b.id = i.bulletin_id WHERE b.document_id = ?)'),
      insDoc: p('INSERT INTO documents (sha256, format, encoding, size, text, pipeline_version, rules_hash, record_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      merge: p('SELECT into_name FROM unit_merges WHERE from_name = ?'),
      findUnit: p('SELECT id FROM units WHERE name = ?'),
      insUnit: p('INSERT INTO units (name, region, level) VALUES (?, ?, ?)'),
      insAlias: p('INSERT OR IGNORE INTO unit_aliases (unit_id, alias, source) VALUES (?, ?, ?)'),
      insBulletin: p(`INSERT INTO bulletins (document_id, unit_id, title, issuer, unit_name, region, level, inspection_kind, team, round,
        inspection_start, inspection_end, feedback_date, as_of_date, years_implied, year, published_date, doc_number, publisher, phones, emails, fingerprint)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      insTotal: p('INSERT INTO declared_totals (bulletin_id, key, value) VALUES (?, ?, ?)'),
      insCat: p('INSERT INTO categories (bulletin_id, ordinal, title, span_start, span_end, rule) VALUES (?, ?, ?, ?, ?, ?)'),
      insIssue: p(`INSERT INTO issues (bulletin_id, number, category_id, category_ordinal, problem, outcome, status, status_phrase, status_rule, span_start, span_end, rule)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      insMeasure: p('INSERT INTO measures (issue_id, ordinal, text) VALUES (?, ?, ?)'),
      insNote: p('INSERT INTO issue_notes (issue_id, ordinal, text) VALUES (?, ?, ?)'),
      insQty: p('INSERT INTO quantities (bulletin_id, issue_id, value, unit, kind, approx, text, span_start, span_end, rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      insCited: p('INSERT INTO documents_cited (issue_id, title) VALUES (?, ?)'),
      insTheme: p('INSERT OR IGNORE INTO issue_themes (issue_id, theme, label, rule, keyword) VALUES (?, ?, ?, ?, ?)'),
      insWarn: p('INSERT INTO warnings (bulletin_id, code, message, rule) VALUES (?, ?, ?, ?)'),
      insFts: p('INSERT INTO issues_fts (rowid, problem, measures, outcome) VALUES (?, ?, ?, ?)'),
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

  /** Write one record; `fts` may be computed elsewhere (in a worker) to keep jieba off the writer thread. */
  write(rec: BulletinRecord, size: number, opts: { reprocess?: boolean; fts?: FtsRows; validated?: boolean } = {}): WriteStatus {
    if (!opts.validated) validateRecord(rec); // never write an invalid record (the pipeline validates before it returns one)
    return this.db.transaction((): WriteStatus => {
      const row = this.s.findDoc.get(rec.source.sha256) as { id: number; rules_hash: string; pipeline_version: string } | undefined;
      let status: WriteStatus = 'ingested';
      let paths: string[] = [];
      if (row) {
        const stale = row.rules_hash !== this.versions.rules || row.pipeline_version !== this.versions.pipeline;
        if (!opts.reprocess || !stale) {
          this.s.addPath.run(row.id, rec.source.path);
          return 'unchanged';
        }
        paths = (this.db.prepare('SELECT path FROM document_paths WHERE document_id = ?').all(row.id) as Array<{ path: string }>).map((r) => r.path);
        this.s.delFts.run(row.id);
        this.s.delDoc.run(row.id);
        status = 'reprocessed';
      }
      // record_json holds the record without its text (the text column has it)
      const docId = Number(this.s.insDoc.run(rec.source.sha256, rec.source.format, rec.source.encoding, size, rec.text, this.versions.pipeline, this.versions.rules, JSON.stringify({ ...rec, text: undefined })).lastInsertRowid);
      for (const p of new Set([...paths, rec.source.path])) this.s.addPath.run(docId, p);
      this.insertBulletin(docId, rec, opts.fts ?? ftsRows(rec));
      return status;
    })();
  }

  private unitId(rec: BulletinRecord): number | null {
    const b = rec.bulletin;
    const canonical = canonicalUnit(b.unit, b.region);
    if (!canonical) return null;
    const renamed = successorName(canonical);
    let name = renamed.name;
    const merged = this.s.merge.get(name) as { into_name: string } | undefined;
    if (merged) name = merged.into_name;
    let row = this.s.findUnit.get(name) as { id: number } | undefined;
    if (!row) row = { id: Number(this.s.insUnit.run(name, b.region, b.level).lastInsertRowid) };
    if (renamed.rule) this.s.insAlias.run(row.id, canonical, renamed.rule);
    if (b.unit && b.unit !== name) this.s.insAlias.run(row.id, b.unit, 'bulletin.unit');
    for (const a of b.unit_aliases) if (a !== name) this.s.insAlias.run(row.id, a, 'bulletin.unit_aliases');
    return row.id;
  }

  private insertBulletin(docId: number, rec: BulletinRecord, fts: FtsRows): void {
    const b = rec.bulletin;
    const year = Number((b.inspection_start ?? b.feedback_date ?? b.as_of_date ?? b.published_date ?? '').slice(0, 4)) || null;
    const bid = Number(this.s.insBulletin.run(docId, this.unitId(rec), b.title, b.issuer, b.unit, b.region, b.level, b.inspection_kind, b.team, b.round,
      b.inspection_start, b.inspection_end, b.feedback_date, b.as_of_date, JSON.stringify(b.years_implied), year, b.published_date, b.doc_number, rec.source.publisher,
      JSON.stringify(b.contact.phones), JSON.stringify(b.contact.emails), fingerprint(rec)).lastInsertRowid);
    for (const [k, v] of Object.entries(rec.summary)) this.s.insTotal.run(bid, k, v);
    const catIds = new Map<number, number>();
    for (const c of rec.categories) catIds.set(c.ordinal, Number(this.s.insCat.run(bid, c.ordinal, c.title, c.span[0], c.span[1], c.rule).lastInsertRowid));
    const qty = (issueId: number | null, q: BulletinRecord['quantities'][number]) =>
      this.s.insQty.run(bid, issueId, q.value, q.unit, q.kind, q.approx, q.text, q.span[0], q.span[1], q.rule);
    rec.issues.forEach((i, k) => {
      const iid = Number(this.s.insIssue.run(bid, i.number, i.category !== null ? catIds.get(i.category) ?? null : null, i.category, i.problem, i.outcome,
        i.status, i.status_phrase, i.status_rule, i.span[0], i.span[1], i.rule).lastInsertRowid);
      i.measures.forEach((m, k) => this.s.insMeasure.run(iid, k + 1, m));
      i.notes.forEach((n, k) => this.s.insNote.run(iid, k + 1, n));
      for (const q of i.quantities) qty(iid, q);
      for (const d of i.documents) this.s.insCited.run(iid, d);
      for (const t of i.themes) this.s.insTheme.run(iid, t.theme, t.label, t.rule, t.keyword);
      const [p, m, o] = fts[k]!;
      this.s.insFts.run(iid, p, m, o);
    });
    for (const q of rec.quantities) qty(null, q);
    for (const w of rec.warnings) this.s.insWarn.run(bid, w.code, w.message, w.rule ?? null);
  }
}
