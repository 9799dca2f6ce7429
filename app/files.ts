// Collect input files from paths (folders recursively). Unreadable folders are
// reported as failures, not thrown: the batch goes on.
import { readdir, stat, realpath } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { join, extname, basename } from 'node:path';

export const INPUT_EXTENSIONS = new Set(['.txt', '.text', '.md', '.docx', '.doc', '.wps', '.pdf', '.html', '.htm', '.shtml', '.xhtml', '.mht', '.mhtml',
  // pictures, read by OCR
  '.png', '.jpg', '.jpeg', '.tif', '.tiff', '.bmp', '.webp']);

export interface Collected {
  files: string[];
  errors: Array<{ path: string; code: 'unreadable' | 'not_a_file'; message: string }>;
  /** files whose names are not UTF-8 (GBK from a Chinese Windows archive): readable path → the bytes to open */
  rawPaths: Map<string, Buffer>;
  /** files inside folders left out as no document type (.xlsx, .zip …): said in the summary, never silently */
  skipped: string[];
}

const gbk = new TextDecoder('gb18030');
/** A file name as bytes: UTF-8 as it is, anything else read as GB18030 (GBK) so it prints readably. */
const nameOf = (b: Buffer) => (isUtf8(b) ? b.toString('utf8') : gbk.decode(b));

/** `onFound(n)` is called as the n-th file is found (a batch starts its workers once it knows it is big). */
export async function collectFiles(paths: string[], onFound?: (n: number) => void): Promise<Collected> {
  const files: string[] = [];
  const errors: Collected['errors'] = [];
  const rawPaths = new Map<string, Buffer>();
  const skipped: string[] = [];
  const seen = new Set<string>();
  // folders by their real path: a symlink loop (a → b → a) or two links to one folder are walked once
  const walked = new Set<string>();
  const add = (p: string, explicit: boolean) => {
    // a file named on the command line is always tried; inside folders only document types (Word's
    // ~$ lock files are no documents at all)
    if (seen.has(p) || basename(p).startsWith('~$')) return;
    seen.add(p);
    if (!explicit && !INPUT_EXTENSIONS.has(extname(p).toLowerCase())) { skipped.push(p); return; }
    files.push(p);
    onFound?.(files.length);
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
  // a folder is walked with its path as bytes too, so names that are not UTF-8 can be opened
  const walkDir = async (p: string, raw: Buffer = Buffer.from(p)) => {
    let real: string;
    try { real = await realpath(raw); } catch { real = p; }
    if (walked.has(real)) return;
    walked.add(real);
    let entries;
    try {
      entries = (await readdir(raw, { withFileTypes: true, encoding: 'buffer' })).sort((a, b) => Buffer.compare(a.name, b.name));
    } catch (e) {
      errors.push({ path: p, code: 'unreadable', message: (e as Error).message });
      return;
    }
    for (const e of entries) {
      const name = nameOf(e.name);
      if (name.startsWith('.') || name === 'node_modules') continue;
      const q = join(p, name);
      const qRaw = Buffer.concat([raw, Buffer.from('/'), e.name]);
      const foreign = !isUtf8(e.name) || rawPaths.has(p);
      // the entry's type comes with the listing: a stat only for links (Node itself lstats entries whose type the file system does not give)
      if (e.isFile()) { if (foreign) rawPaths.set(q, qRaw); add(q, false); }
      else if (e.isDirectory()) { if (foreign) rawPaths.set(q, qRaw); await walkDir(q, foreign ? qRaw : Buffer.from(q)); }
      else if (e.isSymbolicLink()) {
        if (foreign) { rawPaths.set(q, qRaw); await walkRaw(q, qRaw); } else await walk(q, false);
      }
    }
  };
  const walkRaw = async (p: string, raw: Buffer) => {
    let st;
    try { st = await stat(raw); } catch (e) { errors.push({ path: p, code: 'unreadable', message: (e as Error).message }); return; }
    if (st.isDirectory()) await walkDir(p, raw);
    else if (st.isFile()) add(p, false);
  };
  for (const p of paths) await walk(p, true);
  return { files, errors, rawPaths, skipped };
}
