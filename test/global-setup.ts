// One temporary folder per test run (every mkdtemp of the tests lands in it), removed at the end;
// and the CLI bundle built once, before test files run CLIs in parallel.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt } from '../bin/build.mjs';

export default async function setup(): Promise<() => void> {
  await ensureBuilt('cli');
  const dir = mkdtempSync(join(tmpdir(), 'zhenggai-tests-'));
  process.env.TMPDIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
