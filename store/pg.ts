// A dataset on a PostgreSQL server: the store (store/pg-store.ts), its writer
// (store/pg-writer.ts) and `zhenggai query` on it (store/pg-query.ts).
export { PgStore, openPg, numbered, type Row } from './pg-store.js';
export { PgWriter } from './pg-writer.js';
export { queryServer } from './pg-query.js';
