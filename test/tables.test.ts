// The table declarations (store/tables.ts, store/tables-dataset.ts) and the migrations
// (store/sqlite/, store/pg/) agree: every table a dataset has, each store, has the declared
// columns in the declared order; and a migration file's guarded steps run only where their
// guard holds.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDb } from '../store/db.js';
import { openStore, type Store } from '../store/store.js';
import { TABLES, exportNotes } from '../store/tables-dataset.js';
import { GRAMS, SEARCH } from '../store/tables.js';
import { applyMigration, migrations, parseSteps, pendingByName, pendingByVersion } from '../store/migrations.js';
import { runSync } from '../store/steps.js';
import { startPg, type PgServer } from './pg-server.js';

const sqliteOnly = new Set(['id_counters']);

describe('the table declarations and the SQLite migrations', () => {
  it('a new dataset has every declared table, with the declared columns in order', () => {
    const d = openDb(join(mkdtempSync(join(tmpdir(), 'zg-tables-')), 'z.db'));
    // not the FTS5 tables' own shadow tables (issues_fts_data, issues_fts_grams_idx, …)
    const tables = (d.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[])
      .filter((n) => !/^issues_fts(_grams)?_(data|idx|docsize|config|content)$/.test(n));
    expect(tables.sort()).toEqual(TABLES.map((t) => t.name).sort());
    for (const t of TABLES) {
      const cols = (d.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(t.name) as string[]);
      // the search indexes' rowid is the problem's id (FTS5 keeps it beside its columns)
      expect(cols, t.name).toEqual(t.columns.map((c) => c.name).filter((c) => !((t === SEARCH || t === GRAMS) && c === 'rowid')));
    }
    d.close();
  });

  it('every table and view the export writes has a description; a column note is there for a column that exists', () => {
    const notes = exportNotes();
    expect(notes.documents!.columns!.record).toMatch(/zg_record/);
    expect(notes.documents!.columns!.record_json).toBeUndefined();
    for (const t of TABLES) for (const c of Object.keys(notes[t.name]!.columns ?? {})) expect(t.columns.map((x) => x.name)).toContain(c);
  });

  it('a guarded step runs only where its guard holds; a new dataset starts from schema.sql, an old one runs what it lacks', () => {
    const steps = parseSteps('-- a comment\nCREATE TABLE a (x);\n-- when: SELECT count(*) FROM a\nDROP TABLE a;\n-- when: SELECT 1\nCREATE TABLE b (y);\n');
    expect(steps.map((s) => s.when)).toEqual([null, 'SELECT count(*) FROM a', 'SELECT 1']);
    const d = new Database(':memory:');
    runSync(d, applyMigration({ number: 1, name: 't', steps }));
    expect(d.prepare("SELECT name FROM sqlite_master ORDER BY name").pluck().all()).toEqual(['a', 'b']); // a is empty: not dropped
    d.close();
    const list = migrations('sqlite');
    expect(pendingByVersion(list, 0).map((m) => m.name)[0]).toBe('schema.sql');
    expect(pendingByVersion(list, 0).every((m) => m.name === 'schema.sql' || m.number > 8)).toBe(true);
    expect(pendingByVersion(list, 5).map((m) => m.name)).toEqual(['006_compact.sql', '007_keyed_tables.sql', '008_unit_and_region_code.sql', 'schema.sql', ...list.filter((m) => m.number > 8).map((m) => m.name)]);
    expect(pendingByName(migrations('pg'), new Set(['001_schema.sql'])).map((m) => m.name)[0]).toBe('002_text_functions.sql');
  });
});

describe('the table declarations and the PostgreSQL migrations', () => {
  let server: PgServer | null = null;
  let db: Store | null = null;
  beforeAll(async () => {
    server = await startPg();
    if (server) db = await openStore(await server.createDb('tables'));
  }, 120_000);
  afterAll(async () => {
    await db?.close();
    server?.stop();
  });

  it('a new dataset has every declared table (the search indexes as issue_search and issue_grams), with the declared columns in order', async () => {
    if (!db) return;
    const tables = (await db.all<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'zhenggai_migrations'")).map((r) => r.name);
    expect(tables.sort()).toEqual(TABLES.filter((t) => !sqliteOnly.has(t.name)).map((t) => t.pg?.name ?? t.name).sort());
    for (const t of TABLES.filter((x) => !sqliteOnly.has(x.name))) {
      const name = t.pg?.name ?? t.name;
      const cols = (await db.all<{ c: string }>('SELECT column_name AS c FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position', [name])).map((r) => r.c);
      expect(cols, name).toEqual((t.pg?.columns ?? t.columns).map((c) => c.name));
    }
  });
});
