// A real PostgreSQL server for the tests: Debian's postgresql binaries, a cluster made by
// initdb in a temporary folder (as the `postgres` system user when the tests run as root:
// initdb refuses root), listening on 127.0.0.1 on a free port, stopped and removed at the end.
// No server binaries: the tests that need one fail under CI (.ci/run installs them) and are
// skipped elsewhere, with a note.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PgServer { url: (db?: string) => string; createDb: (name: string) => Promise<string>; stop: () => void }

/** Folder of initdb/pg_ctl: Debian keeps them in /usr/lib/postgresql/N/bin. */
export function pgBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const v = readdirSync(root).filter((d) => existsSync(join(root, d, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a))[0];
    if (v) return join(root, v, 'bin');
  }
  const w = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  return w.status === 0 ? w.stdout.trim().replace(/\/initdb$/, '') : null;
}

const freePort = () => new Promise<number>((resolve, reject) => {
  const s = createServer();
  s.once('error', reject);
  s.listen(0, '127.0.0.1', () => { const p = (s.address() as { port: number }).port; s.close(() => resolve(p)); });
});

export async function startPg(): Promise<PgServer | null> {
  const bin = pgBin();
  if (!bin) {
    if (process.env.CI) throw new Error('PostgreSQL is not installed (apt-get install postgresql): the PostgreSQL tests need a real server under CI');
    console.warn('PostgreSQL tests: no initdb found, skipped (apt-get install postgresql; under CI they fail instead)');
    return null;
  }
  const root = process.getuid?.() === 0;
  // as root the cluster lives in /tmp itself, which the postgres user can reach (the tests' own
  // temporary folder is private to root)
  const dir = mkdtempSync(join(root ? '/tmp' : tmpdir(), 'zhenggai-pg-'));
  chmodSync(dir, 0o700);
  let uid = -1;
  if (root) {
    uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const as = (cmd: string, args: string[]) => root
    ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { stdio: 'pipe', encoding: 'utf8' })
    : execFileSync(join(bin, cmd), args, { stdio: 'pipe', encoding: 'utf8' });
  const data = join(dir, 'data');
  as('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const port = await freePort();
  as('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '60', '-o', `-p ${port} -k ${dir} -h 127.0.0.1 -c fsync=off -c max_connections=50`, 'start']);
  const url = (db = 'postgres') => `postgresql://postgres@127.0.0.1:${port}/${db}`;
  const { default: pg } = await import('pg');
  return {
    url,
    async createDb(name: string) {
      const c = new pg.Client({ connectionString: url() });
      await c.connect();
      try { await c.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`); } finally { await c.end(); }
      return url(name);
    },
    stop() {
      try { as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']); } catch { /* already down */ }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
