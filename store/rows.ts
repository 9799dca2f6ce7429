// A validated record turned into what the writer stores, computed where the record was made
// (a parsing worker): every value that does not depend on the database — the record compressed,
// its canonical unit, and each table's rows as store/tables.ts declares them: the bulletin's and
// its figures' as named values, each child table's as one JSON array of objects named by column
// (the writer binds one string per table; SQLite reads it with jsonb_each, PostgreSQL with
// jsonb_array_elements), so the record crosses threads as a handful of strings, not an object graph.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { BulletinRecord } from '../core/record.js';
import { canonicalUnit, successorName } from './units.js';
import { rowsJson, valuesOf } from './table-spec.js';
import { BULLETINS, BULLETIN_STATS, DOCUMENT_TABLES } from './tables.js';
import { problemsNotFound } from './record-values.js';

export { fingerprint, ftsRows, gramRows, statsOf, problemsNotFound } from './record-values.js';

/** The unit a bulletin is about, resolved as far as the rules go (merges are the writer's: they live in the database). */
export interface UnitRef {
  /** canonical name after known renames */
  name: string;
  /** canonical name as the bulletin gives it, before renames */
  canonical: string;
  renameRule: string | null;
  region: string | null;
  level: string | null;
  /** the bulletin's own spelling and the aliases it declares */
  unitName: string | null;
  aliases: string[];
}

export interface DocPayload {
  sha256: string;
  path: string;
  format: string;
  encoding: string | null;
  size: number;
  /** the normalized text deflate-compressed (what a SQLite dataset stores: SELECT zg_text(text);
   * a server, which compresses on its own, stores it inflated: the plain text does not travel
   * between threads as well) */
  textZ: Uint8Array;
  /**
   * the record less its text, as JSON deflate-compressed with the text as its preset dictionary
   * (the record's strings are mostly pieces of the text): SELECT zg_record(record, text)
   */
  record: Uint8Array;
  unit: UnitRef | null;
  /** the bulletins row's values from the record, by column (fingerprint among them) */
  bulletin: Record<string, unknown>;
  /** the bulletin_stats row's values, by column */
  stats: Record<string, unknown>;
  /** each child table's rows (DOCUMENT_TABLES), by table: a JSON array of objects named by column */
  rows: Record<string, string>;
  /** count of the record's warnings (for the batch's file event) */
  warnings: number;
  /** the bulletin's problems were not found: none at all, or not the count it declares (for the batch's summary) */
  problemsNotFound: boolean;
}

/**
 * The stored forms of a document's text and record (store/db.ts zg_text and zg_record read them).
 * Each is copied out of zlib's output chunk: a Buffer from deflateRawSync is a view of a 16 KB
 * ArrayBuffer, and a structured clone (postMessage: worker → the batch's thread) copies a view's
 * whole ArrayBuffer, 32 KB more a payload for ~4 KB of compressed bytes.
 */
export function compressDocument(text: string, recordJson: string): { textZ: Uint8Array; record: Uint8Array } {
  const t = Buffer.from(text);
  return { textZ: exact(deflateRawSync(t)), record: exact(deflateRawSync(Buffer.from(recordJson), { dictionary: t })) };
}

/** A view's bytes in an ArrayBuffer of their own size (a copy, unless the view already is its whole buffer). */
function exact(b: Uint8Array): Uint8Array {
  return b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? b : new Uint8Array(b);
}

/** The record's JSON from its stored form and the document's text (plain). */
export function recordJson(record: Uint8Array, text: string): string {
  return inflateRawSync(record, { dictionary: Buffer.from(text) }).toString('utf8');
}

function unitRef(rec: BulletinRecord): UnitRef | null {
  const b = rec.bulletin;
  const canonical = canonicalUnit(b.unit, b.region);
  if (!canonical) return null;
  const renamed = successorName(canonical);
  return { name: renamed.name, canonical, renameRule: renamed.rule, region: b.region, level: b.level, unitName: b.unit, aliases: b.unit_aliases };
}

/** The payload of a record that has been validated (the pipeline validates before it returns one). */
export function toPayload(rec: BulletinRecord, size: number): DocPayload {
  const rows: Record<string, string> = {};
  for (const t of DOCUMENT_TABLES) rows[t.name] = rowsJson(t, rec as never);
  return {
    sha256: rec.source.sha256,
    path: rec.source.path,
    format: rec.source.format,
    encoding: rec.source.encoding,
    size,
    ...compressDocument(rec.text, JSON.stringify({ ...rec, text: undefined })),
    unit: unitRef(rec),
    bulletin: valuesOf(BULLETINS, rec),
    stats: valuesOf(BULLETIN_STATS, BULLETIN_STATS.rows!(rec)[0]!),
    rows,
    warnings: rec.warnings.length,
    problemsNotFound: problemsNotFound(rec),
  };
}
