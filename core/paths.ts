// The package root, found from this module's location whether it runs from the
// TypeScript sources or from the bundle in dist/: data files (rules/, store/schema.sql)
// are read from there.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let d = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const pkg = join(d, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'zhenggai') return d;
    d = dirname(d);
  }
  throw new Error('zhenggai: cannot find the package root from ' + import.meta.url);
}

export const ROOT = findRoot();
export const rootPath = (...parts: string[]) => join(ROOT, ...parts);
