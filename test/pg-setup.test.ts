// The PostgreSQL set-up of docs/postgresql.md on a real server (test/pg-server.ts; under CI a
// missing server fails): a role with a password that the URL leaves out, read from ~/.pgpass (or
// PGPASSWORD) with no deprecation notice on every command; none given is said plainly; a reader's
// URL cannot merge units.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingest } from '../app/batch.js';
import { FIXTURES } from './fixtures.js';
import { startPg, type PgServer } from './pg-server.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = (env: Record<string, string>, ...a: string[]) => {
  const base = { ...process.env };
  delete base.PGPASSWORD;
  delete base.PGPASSFILE;
  delete base.ZHENGGAI_DB;
  return spawnSync(process.execPath, [join(root, 'bin', 'zhenggai.mjs'), ...a], { encoding: 'utf8', timeout: 60_000, cwd: root, env: { ...base, ...env } });
};

let server: PgServer | null = null;
beforeAll(async () => { server = await startPg(); }, 120_000);
afterAll(() => server?.stop());

async function sql(url: string, ...statements: string[]): Promise<unknown[]> {
  const { default: pg } = await import('pg');
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const out: unknown[] = [];
    for (const s of statements) out.push((await c.query(s)).rows);
    return out;
  } finally {
    await c.end();
  }
}

describe('the documented PostgreSQL set-up', () => {
  it('a URL without a password takes it from ~/.pgpass or PGPASSWORD, quietly; none given is said plainly', async () => {
    if (!server) return; // no server and CI not set (startPg said so); under CI startPg fails instead
    const url = await server.createDb('pgpass');
    expect((await ingest([join(FIXTURES, 'xinye-kexie-2024')], { db: url, jobs: 1 })).failed).toBe(0);
    // a role with a password, which the server asks for over TCP (the tests' cluster trusts the rest)
    const [[{ hba_file: hba }]] = await sql(url, 'SHOW hba_file') as [[{ hba_file: string }]];
    writeFileSync(hba, `host all pwuser 127.0.0.1/32 scram-sha-256\n${readFileSync(hba, 'utf8')}`);
    await sql(url, "CREATE ROLE pwuser LOGIN PASSWORD 'pw-secret'", 'GRANT SELECT ON ALL TABLES IN SCHEMA public TO pwuser', 'SELECT pg_reload_conf()');
    const u = new URL(url);
    const pwUrl = `postgresql://pwuser@127.0.0.1:${u.port}${u.pathname}`;
    const home = mkdtempSync(join(tmpdir(), 'zg-home-'));
    const q = (env: Record<string, string>) => cli({ HOME: home, ...env }, 'query', 'SELECT count(*) AS n FROM publications', '--db', pwUrl, '--format', 'json');
    const none = q({});
    expect(none.status).toBe(1);
    expect(none.stderr.trim()).toBe(`zhenggai: cannot open the dataset ${pwUrl}: the server asks for pwuser's password and none was given: put it in ~/.pgpass (127.0.0.1:${u.port}:pgpass:pwuser:PASSWORD, chmod 600) or PGPASSWORD`);
    writeFileSync(join(home, '.pgpass'), `127.0.0.1:${u.port}:pgpass:pwuser:pw-secret\n`);
    chmodSync(join(home, '.pgpass'), 0o600);
    const file = q({});
    expect(file.status, file.stderr).toBe(0);
    expect(JSON.parse(file.stdout)).toEqual([{ n: 1 }]);
    expect(file.stderr).toBe(''); // no DeprecationWarning from node-postgres's own reading of the file
    const env = q({ PGPASSWORD: 'pw-secret', HOME: mkdtempSync(join(tmpdir(), 'zg-home-')) });
    expect(env.status, env.stderr).toBe(0);
    expect(q({ PGPASSWORD: 'wrong' }).stderr).toMatch(/password authentication failed for user "pwuser"/);
  }, 120_000);

  it('a reader\'s URL cannot merge or unmerge units, and says to use the owner\'s', async () => {
    if (!server) return;
    const url = await server.createDb('readers');
    expect((await ingest([join(FIXTURES, 'xinye-kexie-2024'), join(FIXTURES, 'yuehe-town-2024')], { db: url, jobs: 1 })).failed).toBe(0);
    await sql(url, 'CREATE ROLE reader LOGIN', 'GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader', 'ALTER ROLE reader SET default_transaction_read_only = on');
    const readerUrl = url.replace('postgres@', 'reader@');
    const r = cli({}, 'units', 'merge', '县科协', '月河镇', '--db', readerUrl, '--yes');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^zhenggai: this URL's role cannot change the dataset \(.*\): units merge with the owner's URL\n$/);
    expect(cli({}, 'units', 'merge', '县科协', '月河镇', '--db', url, '--yes').status).toBe(0);
    const u = cli({}, 'units', 'unmerge', '县科协', '--db', readerUrl, '--yes');
    expect(u.stderr).toMatch(/units unmerge with the owner's URL/);
  }, 120_000);
});
