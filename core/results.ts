// What the metadata and totals stages read, as the Doc carries it (types only: the stages that
// read them are stages/metadata/ and stages/totals/).
import type { Bulletin, Provenance } from './record.js';

/** The bulletin's fields as read, with where each was read. */
export type MetadataRead = Omit<Bulletin, 'published_date' | 'doc_number'> & { published_date?: string | null; doc_number?: string | null; provenance: Record<string, Provenance> };

/** A declared total as read: its key, value, rule, and where (index, words). */
export interface TotalHit { key: string; value: number; rule: string; index: number; text: string; /** (while reading) the sentence it was read in */ sentence?: number }
