// A group commit (a pool's, store/sink-group.ts, and --commit-every N) writes its documents with no savepoint
// each (store/sink-local.ts): a document that fails must still leave the group's others written,
// once, with their search entries, and nothing of its own.
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { extractBytes } from '../stages/extract.js';
import { toPayload, type DocPayload } from '../store/rows.js';
import { LocalSink } from '../store/sink-local.js';
import { GroupedSink } from '../store/sink-group.js';
import { FIXTURES } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'zg-group-'));
const names = ['xinye-kexie-2024', 'henan-nongye-2023', 'luoyang-gongjiao-2024', 'yuehe-town-2024'];
let docs: DocPayload[] = [];

beforeAll(async () => {
  docs = await Promise.all(names.map(async (n) => {
    const bytes = new Uint8Array(readFileSync(join(FIXTURES, n, 'bulletin.txt')));
    return toPayload(await extractBytes(bytes, `${n}.txt`), bytes.length);
  }));
}, 60_000);

/** A payload whose issue rows are not JSON: its write fails at the issues' INSERT, after its document and bulletin rows. */
const broken = (d: DocPayload): DocPayload => ({ ...d, sha256: 'f'.repeat(64), rows: { ...d.rows, issues: '[{"issue": 0,' } });

const sink = (db: string, commitEvery = 1) => new LocalSink({ db, versions: { pipeline: 't', rules: 't' }, reprocess: false, commitEvery, runOptions: {} });

function contents(db: string) {
  const d = new Database(db, { readonly: true });
  const r = {
    shas: (d.prepare('SELECT sha256 FROM documents ORDER BY id').all() as Array<{ sha256: string }>).map((x) => x.sha256),
    bulletins: (d.prepare('SELECT count(*) AS n FROM bulletins').get() as { n: number }).n,
    issues: (d.prepare('SELECT count(*) AS n FROM issues').get() as { n: number }).n,
    // every issue has its entries in the substring index, once: a character of its problem finds it
    searchable: (d.prepare('SELECT id, problem FROM issues').all() as Array<{ id: number; problem: string }>).filter((i) => {
      const ch = [...i.problem].find((c) => /\p{Script=Han}/u.test(c));
      const ids = (d.prepare('SELECT rowid AS id FROM issues_fts_grams WHERE issues_fts_grams MATCH ?').all(`"${ch}" OR zhenggaiall`) as Array<{ id: number }>).map((r) => r.id);
      return ids.filter((x) => x === i.id).length === 1;
    }).length,
  };
  d.close();
  return r;
}

describe('group commit without savepoints', () => {
  it('a document that fails inside a group leaves the others written once, searchable, and nothing of its own', async () => {
    const db = join(dir, 'a.db');
    const s = sink(db);
    s.beginGroup();
    expect(s.writeInGroup(docs[0]!)).toBe('ingested');
    expect(s.writeInGroup(docs[1]!)).toBe('ingested');
    expect(() => s.writeInGroup(broken(docs[2]!))).toThrow();
    expect(s.writeInGroup(docs[2]!)).toBe('ingested');
    expect(s.writeInGroup(docs[0]!)).toBe('unchanged'); // the replayed group is there before the next document
    s.commitGroup();
    await s.finish({ ingested: 3, unchanged: 1, reprocessed: 0, failed: 1 });
    const c = contents(db);
    expect(c.shas).toEqual([docs[0]!.sha256, docs[1]!.sha256, docs[2]!.sha256]);
    expect(c.bulletins).toBe(3);
    const issues = docs.slice(0, 3).reduce((n, d) => n + (JSON.parse(d.rows.issues!) as unknown[]).length, 0);
    expect(c.issues).toBe(issues);
    expect(c.searchable).toBe(issues);
  });

  it('--commit-every N: a failed document between others costs only itself', async () => {
    const db = join(dir, 'b.db');
    const s = sink(db, 3);
    expect(s.writeSync(docs[0]!)).toBe('ingested');
    expect(() => s.writeSync(broken(docs[1]!))).toThrow();
    expect(s.writeSync(docs[1]!)).toBe('ingested');
    expect(s.writeSync(docs[3]!)).toBe('ingested');
    await s.finish({ ingested: 3, unchanged: 0, reprocessed: 0, failed: 1 });
    expect(contents(db).shas).toEqual([docs[0]!.sha256, docs[1]!.sha256, docs[3]!.sha256]);
  });

  it("a group's documents make one new segment in each FTS5 table, not one each", async () => {
    // an FTS5 data row's id holds its segment's number in its bits from 37 up (0: the table's own records)
    const segments = (db: string) => {
      const d = new Database(db, { readonly: true });
      const n = ['issues_fts', 'issues_fts_grams'].map((t) => (d.prepare(`SELECT count(DISTINCT id >> 37) AS n FROM ${t}_data WHERE id >> 37 > 0`).get() as { n: number }).n);
      d.close();
      return n;
    };
    const a = join(dir, 'd1.db');
    const one = sink(a);
    for (const d of docs) one.writeSync(d);
    await one.finish({ ingested: 4, unchanged: 0, reprocessed: 0, failed: 0 });
    expect(segments(a)).toEqual([4, 4]);
    const b = join(dir, 'd2.db');
    const g = sink(b);
    g.beginGroup();
    for (const d of docs) g.writeInGroup(d);
    g.commitGroup();
    await g.finish({ ingested: 4, unchanged: 0, reprocessed: 0, failed: 0 });
    expect(segments(b)).toEqual([1, 1]);
  });

  it('the same documents written one transaction each give the same rows', async () => {
    const a = join(dir, 'c1.db');
    const b = join(dir, 'c2.db');
    const one = sink(a);
    for (const d of docs) one.writeSync(d);
    await one.finish({ ingested: 4, unchanged: 0, reprocessed: 0, failed: 0 });
    const g = sink(b);
    g.beginGroup();
    for (const d of docs) g.writeInGroup(d);
    g.commitGroup();
    await g.finish({ ingested: 4, unchanged: 0, reprocessed: 0, failed: 0 });
    expect(contents(b)).toEqual(contents(a));
  });

  it('a pool\'s writer settles each document only once its group has committed; a failed one alone, with its own error', async () => {
    const db = join(dir, 'e.db');
    const g = new GroupedSink(sink(db), { groupDocs: 3, groupMs: 60_000 });
    const settled: string[] = [];
    const track = (p: Promise<string>, name: string) => p.then((s) => { settled.push(`${name} ${s}`); }, (e: Error) => { settled.push(`${name} failed: ${e.message.slice(0, 20)}`); });
    const a = track(g.write(docs[0]!), 'a');
    const bad = track(g.write(broken(docs[1]!)), 'bad');
    await bad;
    expect(settled).toHaveLength(1); // the failed one at once, the other still waits for the commit
    expect(settled[0]).toMatch(/^bad failed/);
    const b = track(g.write(docs[1]!), 'b');
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toHaveLength(1);
    expect(contents(db).shas).toEqual([]); // nothing committed yet
    const c = track(g.write(docs[2]!), 'c'); // the third: the group commits
    await Promise.all([a, b, c]);
    expect(settled.slice(1)).toEqual(['a ingested', 'b ingested', 'c ingested']);
    expect(contents(db).shas).toEqual([docs[0]!.sha256, docs[1]!.sha256, docs[2]!.sha256]);
    // a group left open commits after groupMs, or before anything else is written (a failure recorded, the end)
    const d = g.write(docs[3]!);
    g.failed('x.txt', null, 'corrupt', 'unreadable');
    expect(await d).toBe('ingested');
    await g.finish({ ingested: 4, unchanged: 0, reprocessed: 0, failed: 2 });
    expect(contents(db).shas).toHaveLength(4);
  });

  it('a pool\'s writer commits a group after groupMs, and a commit that fails fails each of its documents', async () => {
    const db = join(dir, 'f.db');
    const local = sink(db);
    const g = new GroupedSink(local, { groupDocs: 100, groupMs: 30 });
    expect(await g.write(docs[0]!)).toBe('ingested'); // settled by the timer alone
    expect(contents(db).shas).toEqual([docs[0]!.sha256]);
    const commit = local.commitGroup.bind(local);
    local.commitGroup = () => { commit(); throw new Error('disk full'); };
    const both = [g.write(docs[1]!), g.write(docs[2]!)].map((p) => p.then(() => 'ok', (e: Error) => e.message));
    expect(await Promise.all(both)).toEqual(['not committed: disk full', 'not committed: disk full']);
    local.commitGroup = commit;
    await g.finish({ ingested: 1, unchanged: 0, reprocessed: 0, failed: 2 });
  });
});
