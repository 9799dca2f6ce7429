// Bundles the TypeScript sources into dist/ with esbuild (dependencies stay external),
// on demand: when a bundle is missing or older than any source. The CLI and the worker
// threads then load plain JavaScript: no TypeScript loader thread per worker, and a
// faster start. Concurrent builders write to a temporary file and rename it into place.
import { statSync, readdirSync, mkdirSync, renameSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = ['pipeline', 'extractors', 'rules', 'output'];
export const ENTRIES = {
  cli: join(ROOT, 'pipeline', 'cli.ts'),
  worker: join(ROOT, 'pipeline', 'worker-entry.ts'),
};

function newestSource() {
  let newest = 0;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ts$/.test(e.name)) newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  for (const s of SOURCES) walk(join(ROOT, s));
  return newest;
}

/** Path of the up-to-date bundle for an entry ('cli' | 'worker'), building it if needed. */
export async function ensureBuilt(name) {
  const out = join(ROOT, 'dist', `${name}.mjs`);
  if (existsSync(out) && statSync(out).mtimeMs >= newestSource()) return out;
  const { build } = await import('esbuild');
  mkdirSync(dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.${Date.now()}.tmp`;
  await build({
    entryPoints: [ENTRIES[name]], outfile: tmp, bundle: true, platform: 'node', format: 'esm', target: 'node20',
    packages: 'external', sourcemap: 'inline', logLevel: 'error',
  });
  renameSync(tmp, out);
  return out;
}
