// Collect input files from paths (folders recursively). Unreadable folders are
// reported as failures, not thrown: the batch goes on.
import { readdir, stat } from 'node:fs/promises';
import { join, extname, basename } from 'node:path';

export const INPUT_EXTENSIONS = new Set(['.txt', '.text', '.md', '.docx', '.doc', '.wps', '.pdf', '.html', '.htm', '.shtml', '.xhtml', '.mht']);

export interface Collected { files: string[]; errors: Array<{ path: string; code: 'unreadable'; message: string }> }

export async function collectFiles(paths: string[]): Promise<Collected> {
  const files: string[] = [];
  const errors: Collected['errors'] = [];
  const seen = new Set<string>();
  const walk = async (p: string, explicit: boolean) => {
    let st;
    try {
      st = await stat(p);
    } catch (e) {
      errors.push({ path: p, code: 'unreadable', message: (e as Error).message });
      return;
    }
    if (st.isDirectory()) {
      let entries: string[];
      try {
        entries = (await readdir(p)).sort();
      } catch (e) {
        errors.push({ path: p, code: 'unreadable', message: (e as Error).message });
        return;
      }
      for (const e of entries) if (!e.startsWith('.') && e !== 'node_modules') await walk(join(p, e), false);
    } else if (st.isFile()) {
      // a file named on the command line is always tried; inside folders only document types
      if ((explicit || INPUT_EXTENSIONS.has(extname(p).toLowerCase())) && !seen.has(p) && !basename(p).startsWith('~$')) {
        seen.add(p);
        files.push(p);
      }
    }
  };
  for (const p of paths) await walk(p, true);
  return { files, errors };
}
