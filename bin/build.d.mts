// Types of bin/build.mjs (plain JS, run by node before any TypeScript loader): the bundles' paths.
export const ROOT: string;
export const ENTRIES: Record<'cli' | 'worker' | 'query' | 'extract' | 'ocr' | 'sqlite-pool', string>;
/** Path of the up-to-date bundle for an entry, building all bundles first when a source is newer. */
export function ensureBuilt(name: keyof typeof ENTRIES): Promise<string>;
