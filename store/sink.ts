// Where a batch's results go: the one writer that owns the dataset's connection, in the batch's
// own thread: LocalSink (sink-local.ts) for SQLite, a pool's documents grouped into commits by
// GroupedSink (sink-group.ts); PgSink (sink-pg.ts) for PostgreSQL.
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Versions, WriteStatus } from './write.js';
import type { DocPayload } from './rows.js';

export interface SinkOptions {
  db: string;
  versions: Versions;
  reprocess: boolean;
  commitEvery: number;
  /** a pool's group commit (with commitEvery 1, store/sink-group.ts): at most this many documents per commit… */
  groupDocs?: number;
  /** …and a group open at most this long (ms) before it commits */
  groupMs?: number;
  /** fsync every commit (synchronous=FULL): commits survive a power cut, not only a killed process */
  syncFull?: boolean;
  runOptions: unknown;
}

export interface Counts { ingested: number; unchanged: number; reprocessed: number; failed: number }

export interface Sink {
  readonly runId: number;
  /** sha256s the dataset holds already (current ones only with reprocess) */
  readonly known: string[];
  write(doc: DocPayload): Promise<WriteStatus>;
  addPath(sha256: string, path: string): Promise<void>;
  failed(path: string, sha256: string | null, code: string, message: string): void;
  finish(counts: Counts): Promise<void>;
}

/** The sha256s a dataset's connection holds (current ones only with reprocess). */
export function knownIn(db: Database.Database, versions: Versions, reprocess: boolean): string[] {
  const rows = reprocess
    ? db.prepare('SELECT sha256 FROM documents WHERE rules_hash = ? AND pipeline_version = ?').all(versions.rules, versions.pipeline)
    : db.prepare('SELECT sha256 FROM documents').all();
  return rows.map((r) => (r as { sha256: string }).sha256);
}

/**
 * The sha256s a dataset holds, read through a short-lived read-only connection (so the worker
 * pool can start before the writer has opened the database). [] when there is
 * no dataset yet or it cannot be read: the writer still skips what it already has.
 */
export function readKnown(path: string, versions: Versions, reprocess: boolean): string[] {
  if (!existsSync(path)) return [];
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    return knownIn(db, versions, reprocess);
  } catch {
    return [];
  } finally {
    db?.close();
  }
}

/** The dataset could not take what the batch had to write: said, never swallowed. */
export class SinkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatasetError';
  }
}
