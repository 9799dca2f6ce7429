// Issue 23's measure: adding a column to the issues table touches the table's declaration
// (store/tables.ts) and one migration per store, nothing else. The code is copied to a temporary
// folder, those three files (and only those) are changed there, and the copy then ingests a
// bulletin into a new SQLite dataset, into an old one made by the code as it is, and into a
// PostgreSQL dataset: the column is written on each, read back, exported as a CSV column with
// its note in metadata.json, and the rows written before it stay.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { ingest } from '../app/batch.js';
import { migrations } from '../store/migrations.js';
import { startPg, type PgServer } from './pg-server.js';

const ROOT = join(import.meta.dirname, '..');
const CODE = ['core', 'readers', 'stages', 'store', 'app', 'rules', 'bin', 'package.json', 'tsconfig.json'];
const FIXTURE = join(ROOT, 'fixtures', 'xinye-kexie-2024', 'bulletin.txt');

/** Every file of the copied code, with a hash of its bytes. */
function files(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(relative(root, p), createHash('sha256').update(readFileSync(p)).digest('hex'));
    }
  };
  for (const c of CODE) {
    const p = join(root, c);
    try { walk(p); } catch { out.set(c, createHash('sha256').update(readFileSync(p)).digest('hex')); }
  }
  return out;
}

/** What the copy runs: write the bulletin, read the column back, export. */
const SCRIPT = `
import { readFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
const { extractBytes } = await import('./stages/extract.ts');
const { toPayload } = await import('./store/rows.ts');
const { LocalSink } = await import('./store/sink-local.ts');
const { PgSink } = await import('./store/sink-pg.ts');
const { openStore } = await import('./store/store.ts');
const { exportDataset } = await import('./app/export.ts');
const bytes = new Uint8Array(readFileSync(process.env.FIXTURE));
const doc = toPayload(await extractBytes(bytes, 'extra/bulletin.txt'), bytes.length);
const out = {};
for (const target of process.env.TARGETS.split(' ')) {
  const o = { db: target, versions: { pipeline: 'extra', rules: 'extra' }, reprocess: false, commitEvery: 1, runOptions: {} };
  const sink = target.startsWith('postgresql:') ? await PgSink.open(o) : new LocalSink(o);
  const status = await sink.write(doc);
  await sink.finish({ ingested: 1, unchanged: 0, reprocessed: 0, failed: 0 });
  const s = await openStore(target, { readonly: true });
  const rows = await s.all('SELECT i.problem, i.problem_chars, d.pipeline_version AS by FROM issues i JOIN bulletins b ON b.id = i.bulletin_id JOIN documents d ON d.id = b.document_id ORDER BY i.id');
  const dir = mkdtempSync(join(tmpdir(), 'zg-extra-export-'));
  await exportDataset(s, dir);
  await s.close();
  out[target] = { status, rows, header: readFileSync(join(dir, 'issues.csv'), 'utf8').split('\\n')[0], note: JSON.parse(readFileSync(join(dir, 'metadata.json'), 'utf8')).databases.zhenggai.tables.issues.columns.problem_chars };
}
console.log(JSON.stringify(out));
`;

describe('adding a column to the issues table', () => {
  let server: PgServer | null = null;
  beforeAll(async () => { server = await startPg(); }, 120_000);
  afterAll(() => server?.stop());

  it('touches the declaration and one migration per store, nothing else: ingest, read and export have the column on SQLite and PostgreSQL', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'zg-add-column-'));
    for (const c of CODE) cpSync(join(ROOT, c), join(copy, c), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
    const before = files(copy);

    // the change: one line in the issues table's declaration, one migration per store
    const spec = join(copy, 'store', 'tables.ts');
    const anchor = "  unit: text((x) => x.i.unit, 'the unit a round’s digest lists it under; NULL: the bulletin’s own'),\n";
    expect(readFileSync(spec, 'utf8')).toContain(anchor);
    writeFileSync(spec, readFileSync(spec, 'utf8').replace(anchor, `${anchor}  problem_chars: int((x) => [...x.i.problem].length, 'how many characters the problem has'),\n`));
    const next = (store: 'sqlite' | 'pg') => String(Math.max(...migrations(store).map((m) => m.number)) + 1).padStart(3, '0');
    writeFileSync(join(copy, 'store', 'sqlite', `${next('sqlite')}_issue_problem_chars.sql`), '-- how many characters each problem has (NULL for the problems written before)\nALTER TABLE issues ADD COLUMN problem_chars INTEGER;\n');
    writeFileSync(join(copy, 'store', 'pg', `${next('pg')}_issue_problem_chars.sql`), '-- how many characters each problem has (NULL for the problems written before)\nALTER TABLE issues ADD COLUMN problem_chars INTEGER;\n');
    const after = files(copy);
    const changed = [...after.keys()].filter((f) => before.get(f) !== after.get(f)).sort();
    expect(changed).toEqual([`store/pg/${next('pg')}_issue_problem_chars.sql`, `store/sqlite/${next('sqlite')}_issue_problem_chars.sql`, 'store/tables.ts'].sort());

    // an old dataset, made by the code as it is
    const work = mkdtempSync(join(tmpdir(), 'zg-add-column-db-'));
    const old = join(work, 'old.db');
    await ingest([join(ROOT, 'fixtures', 'yuehe-town-2024')], { db: old, jobs: 1 });
    const targets = [join(work, 'new.db'), old, ...(server ? [await server.createDb('add_column')] : [])];
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', SCRIPT], { cwd: copy, encoding: 'utf8', env: { ...process.env, FIXTURE, TARGETS: targets.join(' ') }, maxBuffer: 64 << 20 });
    expect(r.stderr + r.status).toBe('0');
    const out = JSON.parse(r.stdout) as Record<string, { status: string; rows: Array<{ problem: string; problem_chars: number | null; by: string }>; header: string; note: string }>;
    for (const t of targets) {
      const o = out[t]!;
      expect(o.status, t).toBe('ingested');
      const mine = o.rows.filter((x) => x.by === 'extra');
      expect(mine.length, t).toBeGreaterThan(0);
      for (const x of mine) expect(x.problem_chars, t).toBe([...x.problem].length);
      // what was written before the migration keeps its rows; the new column is NULL there
      for (const x of o.rows.filter((y) => y.by !== 'extra')) expect(x.problem_chars, t).toBeNull();
      expect(o.header, t).toMatch(/,unit,problem_chars/);
      expect(o.note, t).toBe('how many characters the problem has');
    }
    expect(out[old]!.rows.some((x) => x.by !== 'extra')).toBe(true);
  }, 300_000);
});
