// A bulletin as the web app's /bulletin/ID page shows it, a page of its text at a time: the
// page's text, the marks that fall in it (cut at its edges), the problems and warnings it holds,
// and the record's fields and totals. A bulletin of 50 MB is 90 pages of 200,000 characters; the
// page that shows one is a small fraction of it. The whole text and record are read (the record
// is compressed with the text as its dictionary), so with the web app's SQLite pool
// (store/sqlite-pool.ts) this runs in one of its threads, and only the page travels back.
import type { Store } from './interface.js';
import type { BulletinRecord } from '../core/record.js';
import { marksOf, marksInPage, type Mark } from './marks.js';
import { plainText } from './db.js';
import { recordJson } from './rows.js';

/** Characters of text a page shows. */
export const PAGE_CHARS = 200_000;

export interface BulletinPage {
  id: number;
  unit: string | null;
  path: string | null;
  bulletin: BulletinRecord['bulletin'];
  summary: BulletinRecord['summary'];
  /** the text's length, and the page shown: its number (from 1), how many there are, where it starts and ends */
  length: number;
  page: number;
  pages: number;
  start: number;
  end: number;
  /** the page's text */
  text: string;
  /** the marks in it, counted from `start`, cut at the page's edges; each problem's mark is a link target (issue-ID) */
  marks: Mark[];
  /** every problem of the bulletin, and those in the page */
  issueCount: number;
  issues: Array<{ id: number | null; number: number; problem: string; status: string; measures: number; themes: string[] }>;
  /** every warning, and those to show with the page: the ones without a place, and those in it */
  warningCount: number;
  warnings: Array<{ code: string; message: string; sentence: string | null }>;
}

/**
 * Where the pages of a text start: each at most `size` characters after the one before, moved
 * back to just after a line break when there is one in the last tenth of the page (a page does
 * not end mid-sentence when it need not), and never between the two halves of a surrogate pair.
 */
export function pageStarts(text: string, size: number): number[] {
  const starts = [0];
  for (let from = 0; from + size < text.length;) {
    let s = from + size;
    const nl = text.lastIndexOf('\n', s - 1);
    if (nl >= 0 && nl + 1 > s - Math.floor(size / 10)) s = nl + 1;
    else if (/[\udc00-\udfff]/.test(text[s]!)) s--;
    starts.push(s);
    from = s;
  }
  return starts;
}

/** Which page: a number (from 1), or the one where a problem (its id) starts; and the page's size in characters. */
export interface PageOptions { page?: number; issue?: number; size?: number }

/**
 * Bulletin `id` at page `page` (from 1; past the last: the last), or at the page where problem
 * `issue` (its id) starts when no page is asked; undefined when there is no such bulletin.
 */
export async function bulletinPage(db: Store, id: number, o: PageOptions = {}): Promise<BulletinPage | undefined> {
  const size = Math.max(100, o.size ?? PAGE_CHARS);
  const sqlite = db.dialect === 'sqlite';
  // SQLite: the stored (compressed) columns, inflated here once (zg_record would inflate the text a second time)
  const row = await db.get<{ id: number; text: unknown; record: unknown; unit: string | null; path: string | null }>(`SELECT b.id,
      ${sqlite ? 'd.text AS text, d.record AS record' : 'zg_text(d.text) AS text, zg_record(d.record, d.text) AS record'},
      COALESCE(u.name, b.unit_name) AS unit, (SELECT min(path) FROM document_paths p WHERE p.document_id = d.id) AS path
      FROM bulletins b JOIN documents d ON d.id = b.document_id LEFT JOIN units u ON u.id = b.unit_id WHERE b.id = ?`, [id]);
  if (!row) return undefined;
  const text = (sqlite ? plainText(row.text) : String(row.text ?? '')) ?? '';
  const json = !sqlite ? String(row.record) : row.record instanceof Uint8Array ? recordJson(row.record, text) : null;
  if (json == null) throw new Error(`bulletin ${row.id}: its record cannot be read`);
  const rec = JSON.parse(json) as BulletinRecord;
  const issueIds = (await db.arrays('SELECT id FROM issues WHERE bulletin_id = ? ORDER BY id', [row.id])).map((r) => Number(r[0]));
  const starts = pageStarts(text, size);
  const pageOf = (pos: number) => { let p = 0; while (p + 1 < starts.length && starts[p + 1]! <= pos) p++; return p + 1; };
  let page = Math.min(Math.max(1, o.page ?? 1), starts.length);
  if (o.page === undefined && o.issue !== undefined) {
    const k = issueIds.indexOf(o.issue);
    if (k >= 0 && rec.issues[k]) page = pageOf(rec.issues[k]!.span[0]);
  }
  const start = starts[page - 1]!;
  const end = page < starts.length ? starts[page]! : text.length;
  // a span in the page (one of no width too); a bulletin of one page holds them all
  const inPage = (span: readonly [number, number] | null | undefined) => !!span && (starts.length === 1 || (span[0] < end && Math.max(span[1], span[0] + 1) > start));
  const marks = marksOf({ ...rec, text }, [start, end]).map((m) => (m.issue !== undefined && issueIds[m.issue] !== undefined ? { ...m, anchor: `issue-${issueIds[m.issue]}` } : m));
  const issues = rec.issues.flatMap((i, k) => (inPage(i.span) ? [{
    id: issueIds[k] ?? null, number: i.number, problem: i.problem, status: i.status, measures: i.measures.length, themes: [...new Set(i.themes.map((t) => t.label))],
  }] : []));
  const warnings = rec.warnings.filter((w) => !w.span || inPage(w.span)).map((w) => ({ code: w.code, message: w.message, sentence: w.span ? text.slice(w.span[0], w.span[1]) : null }));
  return {
    id: row.id, unit: row.unit, path: row.path, bulletin: rec.bulletin, summary: rec.summary,
    length: text.length, page, pages: starts.length, start, end, text: text.slice(start, end),
    marks: marksInPage(marks, start, end), issueCount: rec.issues.length, issues, warningCount: rec.warnings.length, warnings,
  };
}
