// Where a command writes a file the user named (--out): never over the dataset being read, never
// over a file that is not an earlier output of ours unless --force, never into a folder.
import { existsSync, openSync, readSync, closeSync, realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../store/queries.js';

export function checkOutFile(out: string, o: { db: string; force: boolean; ours: (head: string) => boolean }): void {
  const real = (p: string) => { try { return realpathSync(p); } catch { return resolve(p); } };
  const target = real(out);
  const db = real(o.db);
  if ([db, `${db}-wal`, `${db}-shm`, `${db}-journal`].includes(target)) throw new UsageError(`--out ${out} is the dataset itself (--db ${o.db}): choose another file`);
  if (!existsSync(out)) return;
  const st = statSync(out);
  if (st.isDirectory()) throw new UsageError(`--out ${out} is a folder: name a file, e.g. ${out.replace(/\/$/, '')}/report.html`);
  if (o.force) return;
  const fd = openSync(out, 'r');
  const buf = Buffer.alloc(4096);
  const n = readSync(fd, buf, 0, buf.length, 0);
  closeSync(fd);
  if (!o.ours(buf.subarray(0, n).toString('utf8'))) throw new UsageError(`--out ${out} exists and is not a report of ours: not overwritten (--force to replace it)`);
}
