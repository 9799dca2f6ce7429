// Migrations: numbered files, NNN_name.sql, in store/sqlite/ and store/pg/, each applied once and
// in order; a dataset records which it has (SQLite: PRAGMA user_version, the number of the last;
// PostgreSQL: the table zhenggai_migrations, by name). A new SQLite dataset starts from
// store/sqlite/schema.sql, the whole schema as of the version its first line names; a dataset of
// an earlier version runs the numbered files up to that version and then schema.sql too (whose
// statements make only what is missing, and the views again). Any file after it runs on both.
//
// A file is SQL. A line `-- when: QUERY` guards the statements after it, up to the next such
// line: they run only when QUERY returns a row whose first value is true (the shape a dataset
// was left in by the code of its day: the same version number has had more than one). The SQLite
// files may call zg_search_tokens(text), zg_grams(text, …), zg_deflate(data[, dictionary]) and
// zg_inflate(blob[, dictionary]) (store/db.ts). Both stores run a file the same way (applyMigration, as steps).
import { readFileSync, readdirSync } from 'node:fs';
import { rootPath } from '../core/paths.js';
import { exec, get, type Steps } from './steps.js';

export type MigrationStore = 'sqlite' | 'pg';
export interface Step { when: string | null; sql: string }
export interface Migration { number: number; name: string; steps: Step[] }

const NUMBERED = /^(\d{3})_[\w-]+\.sql$/;
const WHEN = /^-- when: (.+)$/;

/** A file's steps: the statements before its first `-- when:` line, then each guarded part. */
export function parseSteps(sql: string): Step[] {
  const steps: Step[] = [{ when: null, sql: '' }];
  for (const line of sql.split('\n')) {
    const w = WHEN.exec(line);
    if (w) steps.push({ when: w[1]!.trim(), sql: '' });
    else steps[steps.length - 1]!.sql += `${line}\n`;
  }
  return steps.filter((s) => s.sql.replace(/--[^\n]*/g, '').trim());
}

const cache = new Map<string, Migration[]>();
/** The numbered files of a store's folder, in order (SQLite's with its schema.sql, after the file of its version). */
export function migrations(store: MigrationStore, dir = rootPath('store', store)): Migration[] {
  const key = `${store} ${dir}`;
  let list = cache.get(key);
  if (list) return list;
  list = readdirSync(dir).filter((f) => NUMBERED.test(f)).sort()
    .map((f) => ({ number: Number(NUMBERED.exec(f)![1]), name: f, steps: parseSteps(readFileSync(`${dir}/${f}`, 'utf8')) }));
  const base = baselineOf(dir);
  if (base) list = [...list.filter((m) => m.number <= base.number), base, ...list.filter((m) => m.number > base.number)];
  cache.set(key, list);
  return list;
}

/** store/sqlite/schema.sql: the schema as of the version its first line names (`-- version: N`). */
function baselineOf(dir: string): Migration | null {
  let sql: string;
  try {
    sql = readFileSync(`${dir}/schema.sql`, 'utf8');
  } catch {
    return null;
  }
  const v = /^-- version: (\d+)/.exec(sql);
  if (!v) throw new Error(`${dir}/schema.sql: its first line must name its version (-- version: N)`);
  return { number: Number(v[1]), name: 'schema.sql', steps: parseSteps(sql) };
}

/** The version a dataset has once every file has run. */
export const latestVersion = (list: Migration[]) => Math.max(0, ...list.map((m) => m.number));

/**
 * The files a SQLite dataset at `version` still needs: a new one (0) starts from schema.sql,
 * an older one runs every file after its version (schema.sql among them).
 */
export function pendingByVersion(list: Migration[], version: number): Migration[] {
  const base = list.find((m) => m.name === 'schema.sql');
  if (version === 0 && base) return list.filter((m) => m === base || m.number > base.number);
  return list.filter((m) => m.number > version);
}

/** The files a dataset that records them by name still needs. */
export const pendingByName = (list: Migration[], applied: Set<string>) => list.filter((m) => !applied.has(m.name));

/** Run one file's steps, each guarded part only where its guard holds (inside the caller's transaction). */
export function* applyMigration(m: Migration): Steps<void> {
  for (const s of m.steps) {
    if (s.when) {
      const r = yield* get<Record<string, unknown>>(s.when);
      if (!r || !Object.values(r)[0]) continue;
    }
    yield* exec(s.sql);
  }
}
