// Bundles the TypeScript sources into dist/ with esbuild (dependencies stay external),
// on demand: when a bundle is missing or older than any source. The CLI and the worker
// threads then load plain JavaScript: no TypeScript loader thread per worker, and a
// faster start. Concurrent builders write to a temporary file and rename it into place.
import { pathToFileURL } from 'node:url';
import { statSync, readdirSync, renameSync, existsSync, rmSync, readFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

// the package root, from wherever this module runs (bin/, or bundled into dist/ or dist/chunks/)
function findRoot() {
  let d = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(d, 'package.json')) && existsSync(join(d, 'core'))) return d;
    d = dirname(d);
  }
  throw new Error(`zhenggai: cannot find the package root from ${import.meta.url}`);
}
export const ROOT = findRoot();
const SOURCES = ['core', 'readers', 'stages', 'store', 'app', 'rules'];
export const ENTRIES = {
  cli: join(ROOT, 'app', 'cli.ts'),
  worker: join(ROOT, 'app', 'worker-entry.ts'),
  query: join(ROOT, 'app', 'query-entry.ts'),
  extract: join(ROOT, 'app', 'extract-entry.ts'),
  'sqlite-pool': join(ROOT, 'store', 'sqlite-pool-entry.ts'),
  ocr: join(ROOT, 'readers', 'ocr-child.ts'),
};

// Dependencies stay external (loaded from node_modules) except small pure-ESM ones that
// start-up loads: bundled, zod costs each worker a few ms to evaluate instead of ~50 ms spent
// resolving and reading its module files. Native addons (better-sqlite3, @node-rs/jieba),
// packages that find their own files by path (piscina's worker script, pdf.js's fonts and
// cmaps) and CommonJS ones (their require() calls need Node's loader) stay external.
const BUNDLED = new Set(['zod', 'p-queue', 'fflate', 'csv-stringify']);
const EXTERNAL = Object.keys(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).dependencies).filter((d) => !BUNDLED.has(d)).flatMap((d) => [d, `${d}/*`]);

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
  // a dependency upgrade (the lockfile) or a change to this script also makes the bundle stale
  for (const f of ['package-lock.json', 'package.json', join('bin', 'build.mjs')]) {
    try { newest = Math.max(newest, statSync(join(ROOT, f)).mtimeMs); } catch { /* not there */ }
  }
  return newest;
}

/**
 * Path of the up-to-date bundle for an entry ('cli' | 'worker' | 'query' …), building all if needed.
 * Code splitting keeps what a command imports lazily (the report's charts, the PDF reader…)
 * out of the start-up path. A build goes to a fresh folder whose files are moved into place.
 */
export async function ensureBuilt(name) {
  const dist = join(ROOT, 'dist');
  const out = join(dist, `${name}.mjs`);
  if (existsSync(out) && statSync(out).mtimeMs >= newestSource()) return out;
  try {
    await buildAll();
  } catch (e) {
    // a read-only or global install: npm built the bundle at install time (prepare); use it
    if (existsSync(out) && /EACCES|EROFS|EPERM/.test(String(e?.code ?? e))) {
      process.stderr.write(`zhenggai: cannot rebuild ${dist} (${e.code}); using the bundle built at install time\n`);
      return out;
    }
    throw e;
  }
  return out;
}

/** Build every entry into dist/ (npm runs this in `prepare`, so `npm ci` leaves a fresh bundle). */
export async function buildAll() {
  const dist = join(ROOT, 'dist');
  const { build } = await import('esbuild');
  const tmp = join(ROOT, `.dist-${process.pid}-${Date.now()}`);
  await build({
    entryPoints: ENTRIES, outdir: tmp, outExtension: { '.js': '.mjs' }, bundle: true, splitting: true,
    platform: 'node', format: 'esm', target: 'node20', external: EXTERNAL, sourcemap: 'linked', logLevel: 'error',
    chunkNames: 'chunks/[name]-[hash]',
  });
  // Move the new files in one by one, chunks first and entries last (each rename is atomic), so
  // a process running the old bundle can still import its own chunks: chunk names carry a hash
  // of their content, and old ones are only removed a day later.
  mkdirSync(join(dist, 'chunks'), { recursive: true });
  const fresh = new Set(readdirSync(join(tmp, 'chunks')));
  for (const f of fresh) renameSync(join(tmp, 'chunks', f), join(dist, 'chunks', f));
  for (const f of readdirSync(tmp)) if (f !== 'chunks') renameSync(join(tmp, f), join(dist, f));
  rmSync(tmp, { recursive: true, force: true });
  const dayAgo = Date.now() - 24 * 3600 * 1000;
  for (const f of readdirSync(join(dist, 'chunks'))) {
    const p = join(dist, 'chunks', f);
    if (!fresh.has(f) && statSync(p).mtimeMs < dayAgo) rmSync(p, { force: true });
  }
}

// `node bin/build.mjs`: build now (the package's prepare script)
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildAll();
  process.stdout.write(`zhenggai: bundle built in ${join(ROOT, 'dist')}\n`);
}
