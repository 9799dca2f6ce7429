// Collect input files from paths (folders recursively). Unreadable folders are
// reported as failures, not thrown: the batch goes on.
import { readdir, stat, realpath } from 'node:fs/promises';
import { join, extname, basename } from 'node:path';

export const INPUT_EXTENSIONS = new Set(['.txt', '.text', '.md', '.docx', '.doc', '.wps', '.pdf', '.html', '.htm', '.shtml', '.xhtml', '.mht']);

export interface Collected { files: string[]; errors: Array<{ path: string; code: 'unreadable' | 'not_a_file'; message: string }> }

/** `onFound(n)` is called as the n-th file is found (a batch starts its workers once it knows it is big). */
export async function collectFiles(paths: string[], onFound?: (n: number) => void): Promise<Collected> {
  const files: string[] = [];
  const errors: Collected['errors'] = [];
  const seen = new Set<string>();
  // folders by their real path: a symlink loop (a → b → a) or two links to one folder are walked once
  const walked = new Set<string>();
  const add = (p: string, explicit: boolean) => {
    // a file named on the command line is always tried; inside folders only document types
    if ((explicit || INPUT_EXTENSIONS.has(extname(p).toLowerCase())) && !seen.has(p) && !basename(p).startsWith('~$')) {
      seen.add(p);
      files.push(p);
      onFound?.(files.length);
    }
  };
  const walk = async (p: string, explicit: boolean) => {
    let st;
    try {
      st = await stat(p);
    } catch (e) {
      errors.push({ path: p, code: 'unreadable', message: (e as Error).message });
      return;
    }
    if (st.isDirectory()) await walkDir(p);
    else if (st.isFile()) add(p, explicit);
    else if (explicit) errors.push({ path: p, code: 'not_a_file', message: 'not a regular file (a FIFO, a device or a socket): only files are read' });
  };
  const walkDir = async (p: string) => {
    let real: string;
    try { real = await realpath(p); } catch { real = p; }
    if (walked.has(real)) return;
    walked.add(real);
    let entries;
    try {
      entries = (await readdir(p, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (e) {
      errors.push({ path: p, code: 'unreadable', message: (e as Error).message });
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const q = join(p, e.name);
      // the entry's type comes with the listing: a stat only for links (Node itself lstats entries whose type the file system does not give)
      if (e.isFile()) add(q, false);
      else if (e.isDirectory()) await walkDir(q);
      else if (e.isSymbolicLink()) await walk(q, false);
    }
  };
  for (const p of paths) await walk(p, true);
  return { files, errors };
}
