// Substring search through the gram index (store/grams.ts, issue 24): the problems found, their
// order, totals and facets are those of reading every problem (findProblems' `plain`), for single
// characters, pairs, phrases, terms found nowhere, traditional characters, ASCII, punctuation and
// AND/OR/exclusion; the index holds exactly each problem's grams, after ingest, after a document
// is re-derived, and after the migration fills it for a dataset that had none.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ingest } from '../app/batch.js';
import { openStore, type Store } from '../store/store.js';
import { openDb } from '../store/db.js';
import { findProblems, problemFacets, PROBLEM_SORTS } from '../store/queries.js';
import { ALL, MAX_GRAMS, gramsOf, termGrams } from '../store/grams.js';
import { toPayload } from '../store/rows.js';
import { LocalSink } from '../store/sink-local.js';
import { extractBytes } from '../stages/extract.js';
import { FIXTURES, fixtureCases } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'zg-substring-'));
const dbPath = join(dir, 'z.db');
let db: Store;

beforeAll(async () => {
  const s = await ingest([FIXTURES], { db: dbPath, jobs: 1 });
  expect(s.failed).toBe(0);
  db = await openStore(dbPath, { readonly: true });
}, 180_000);
afterAll(async () => { await db?.close(); });

/** Each problem's texts: problem, measures (one per line), outcome. */
function texts(d: Database.Database): Array<{ id: number; problem: string; measures: string; outcome: string }> {
  return d.prepare(`SELECT i.id, i.problem, COALESCE((SELECT group_concat(text, char(10)) FROM (SELECT m.text FROM measures m WHERE m.issue_id = i.id ORDER BY m.ordinal)), '') AS measures,
    COALESCE(i.outcome, '') AS outcome FROM issues i ORDER BY i.id`).all() as Array<{ id: number; problem: string; measures: string; outcome: string }>;
}

/** Substrings of the problems' texts, picked at fixed strides: 1 to 6 characters, some with punctuation, digits or ASCII. */
function sampleTerms(d: Database.Database): string[] {
  const all = texts(d).map((t) => [...`${t.problem}\n${t.measures}\n${t.outcome}`]);
  const out = new Set<string>();
  for (let k = 0; k < all.length; k += 7) {
    const cs = all[k]!;
    for (const len of [1, 2, 3, 4, 6]) {
      const at = (k * 31 + len * 17) % Math.max(1, cs.length - len);
      const s = cs.slice(at, at + len).join('');
      if (!/[\s"]/.test(s)) out.add(s);
    }
  }
  return [...out];
}

/** The same problems, in the same order, with the same total and facets, through the index and by reading every problem. */
async function same(q: string, o: Parameters<typeof findProblems>[2] = {}): Promise<number> {
  const a = await findProblems(db, q, { limit: 100_000, count: true, ...o });
  const b = await findProblems(db, q, { limit: 100_000, count: true, ...o, plain: true });
  expect(a.rows.map((r) => r.id), `${q} ${JSON.stringify(o)}`).toEqual(b.rows.map((r) => r.id));
  expect(a.total, q).toBe(b.total);
  expect(a.words, q).toEqual(b.words);
  return a.rows.length;
}

describe('substring search through the gram index finds what reading every problem finds', () => {
  const fixed = [
    // single characters: frequent, rare, found nowhere; a digit, an ASCII letter, full-width punctuation
    '党', '费', '的', '鑫', '龘', '2', 'A', 'a', '"，"', '"、"',
    // pairs and phrases in quotes (a word jieba keeps, in quotes, is matched as a substring), found nowhere too
    '"党费"', '"津贴"', '"违规报销"', '"三会一课"', '"三会 一课"', '"量子计算"', '"不存在的词语组合"', '"2023年"', '"PPP"', '"ppp"',
    // traditional characters (read as simplified too); ASCII punctuation alone (no gram: read every problem); an astral character
    '"黨費"', '違規', '"收繳"', '"."', '"-"', '"3.5"', '"𠀀"',
    // AND, OR, exclusion, a word beside a substring
    '党 费', '"党费" "收缴"', '党 OR 鑫', '"津贴" OR "公车"', '党 -"党费"', '"违规" NOT 报销', '党费 "收缴"', '党费 OR 费', '"整改" -党 -"问题"', '党 -"."',
  ];

  it('for fixed terms: each sort, a page, and the facets', async () => {
    let found = 0;
    for (const q of fixed) {
      for (const sort of PROBLEM_SORTS) found += await same(q, { sort });
      await same(q, { limit: 5, offset: 3 });
      await same(q, { unit: '科协' });
      const [fa, fb] = await Promise.all([problemFacets(db, q), problemFacets(db, q, { plain: true })]);
      expect([...fa.status], q).toEqual([...fb.status]);
      expect([...fa.year], q).toEqual([...fb.year]);
    }
    expect(found).toBeGreaterThan(100); // not a comparison of empty lists
  }, 120_000);

  it('for substrings of the problems themselves (1 to 6 characters), alone, in quotes and two at once', async () => {
    const d = new Database(dbPath, { readonly: true });
    const terms = sampleTerms(d);
    d.close();
    expect(terms.length).toBeGreaterThan(100);
    for (const [k, t] of terms.entries()) {
      expect(await same(`"${t}"`), t).toBeGreaterThan(0); // taken from a problem: found
      if (k % 5 === 0) await same(`"${t}" "${terms[(k + 1) % terms.length]}"`);
      if (k % 5 === 1) await same(`"${t}" OR "${terms[(k + 2) % terms.length]}"`);
      if (k % 5 === 2) await same(`"${t}" -"${terms[(k + 3) % terms.length]}"`);
    }
  }, 300_000);
});

/** For each gram, the problems the index gives for it are exactly those whose texts hold it (non-ASCII grams: no case folding). */
function indexHoldsGrams(path: string, grams: string[]): void {
  const d = new Database(path, { readonly: true });
  const rows = texts(d);
  const match = d.prepare('SELECT rowid FROM issues_fts_grams WHERE issues_fts_grams MATCH ? ORDER BY rowid').pluck();
  for (const g of grams) {
    const want = rows.filter((r) => gramsOf([r.problem, r.measures, r.outcome]).split(' ').includes(g)).map((r) => r.id);
    expect(match.all(`"${g}"`), g).toEqual(want);
  }
  d.close();
}
const SOME_GRAMS = ['党', '费', '党费', '收缴', '整改', '，', '鑫', '年底', '问题'];
/** fixtures' text files (quick to read) */
const TXT = fixtureCases().flatMap((c) => c.inputs).filter((f) => f.endsWith('.txt'));

describe('the gram index', () => {
  it('holds each problem’s characters and pairs, runs split at whitespace and ASCII punctuation', () => {
    expect(gramsOf(['党费 收缴', null, 'a.B'])).toBe('党 费 党费 收 缴 收缴 a B');
    expect(termGrams('党')).toEqual(['党']);
    expect(termGrams('党费收缴')).toEqual(['党费', '费收', '收缴']);
    expect(termGrams('3.5万')).toEqual(['3', '5万']);
    expect(termGrams('...')).toBeNull();
    expect(gramsOf(['𠀀𠀁'])).toBe('𠀀 𠀁 𠀀𠀁');
    // each gram once, in the order first met, characters past the BMP beside others and in pairs
    expect(gramsOf(['𠀀党𠀀党x', '党𠀀 ab', 'ba'])).toBe('𠀀 党 𠀀党 党𠀀 x 党x a b ab ba');
    indexHoldsGrams(dbPath, SOME_GRAMS);
  });

  it('every gram of every substring of a text is among the text’s grams (the lookup never misses a problem)', () => {
    const texts = ['党费收缴不规范，退还3.5万元（含PPP项目）', 'a\u00a0b\u3000c\u2005d\ufeffe\u0085f\u180eg', '𠀀𠀁x\ud800y\udc00z\ufffd党', 'Tab\there—dash–“引号”《书名》', ' 两端 空格 '];
    for (const text of texts) {
      const have = new Set(gramsOf([text]).split(' '));
      const cs = [...text];
      for (let a = 0; a < cs.length; a++) {
        for (let b = a + 1; b <= Math.min(cs.length, a + 6); b++) {
          const sub = cs.slice(a, b).join('').replace(/\s+/g, '');
          if (!sub || !text.includes(sub)) continue; // whitespace taken out: not a substring of the text
          for (const g of termGrams(sub) ?? []) expect(have.has(g), `${JSON.stringify(sub)} ${g}`).toBe(true);
        }
      }
    }
  });

  it('a problem with more grams than it keeps is a candidate for every term, and found', async () => {
    const path = join(dir, 'huge.db');
    const file = TXT[0]!;
    const bytes = new Uint8Array(readFileSync(file));
    const rec = await extractBytes(bytes, file);
    expect(rec.issues.length).toBeGreaterThan(0);
    // 80,000 characters of 3,000 kinds in a scrambled order: more distinct pairs than MAX_GRAMS
    const mix = (i: number) => { let h = Math.imul(i + 1, 0x9e3779b1); h ^= h >>> 15; h = Math.imul(h, 0x85ebca77); h ^= h >>> 13; return (h >>> 0) % 3000; };
    const huge = Array.from({ length: 80_000 }, (_, i) => String.fromCodePoint(0x4e00 + mix(i))).join('');
    rec.issues[0]!.problem = `${huge}独一无二的标记`;
    expect(gramsOf([rec.issues[0]!.problem]) === ALL).toBe(true);
    expect(MAX_GRAMS).toBeLessThan(80_000);
    const sink = new LocalSink({ db: path, versions: { pipeline: 't', rules: 'a' }, reprocess: false, commitEvery: 1, runOptions: {} });
    await sink.write(toPayload(rec, bytes.length));
    await sink.finish({ ingested: 1, unchanged: 0, reprocessed: 0, failed: 0 });
    const s = await openStore(path, { readonly: true });
    try {
      const r = await findProblems(s, '"独一无二的标记"', { count: true });
      expect(r.total).toBe(1);
      expect((await findProblems(s, '"独一无二的标记"', { count: true, plain: true })).total).toBe(1);
    } finally {
      await s.close();
    }
  }, 60_000);

  it('a re-derived document’s entries are deleted with it (none outlives its problem)', async () => {
    const path = join(dir, 'reprocess.db');
    const docs = [];
    for (const file of TXT.slice(0, 6)) {
      const bytes = new Uint8Array(readFileSync(file));
      docs.push(toPayload(await extractBytes(bytes, file), bytes.length));
    }
    for (const [rules, reprocess] of [['a', false], ['b', true], ['c', true]] as const) {
      const sink = new LocalSink({ db: path, versions: { pipeline: 't', rules }, reprocess, commitEvery: 1, runOptions: {} });
      for (const d of docs) expect(await sink.write(d)).toBe(reprocess ? 'reprocessed' : 'ingested');
      await sink.finish({ ingested: docs.length, unchanged: 0, reprocessed: 0, failed: 0 });
    }
    indexHoldsGrams(path, SOME_GRAMS);
  }, 60_000);

  it('the migration fills it for a dataset of version 8, which had none', async () => {
    const path = join(dir, 'v8.db');
    copyFileSync(dbPath, path);
    const d = new Database(path);
    d.exec('DROP TABLE issues_fts_grams');
    d.pragma('user_version = 8');
    d.close();
    openDb(path).close(); // migrates
    indexHoldsGrams(path, SOME_GRAMS);
    const s = await openStore(path, { readonly: true });
    try {
      for (const q of ['党', '"党费"', '"违规报销"', '鑫', '"津贴" OR 费']) {
        const [a, b] = await Promise.all([findProblems(s, q, { limit: 100_000 }), findProblems(db, q, { limit: 100_000, plain: true })]);
        expect(a.rows.map((r) => r.id), q).toEqual(b.rows.map((r) => r.id));
      }
    } finally {
      await s.close();
    }
  }, 60_000);
});
