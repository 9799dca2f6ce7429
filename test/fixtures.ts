// Every fixture folder with an expected.json is picked up, with each bulletin.* in it.
import { readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

export function fixtureCases(): Array<{ name: string; dir: string; inputs: string[] }> {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(FIXTURES, d.name, 'expected.json')))
    .map((d) => {
      const dir = join(FIXTURES, d.name);
      const inputs = readdirSync(dir).filter((f) => f.startsWith('bulletin.')).sort().map((f) => join(dir, f));
      return { name: d.name, dir, inputs };
    });
}
