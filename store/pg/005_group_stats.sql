-- The figures compare sums, kept per group of publications (as in SQLite's schema 7; see
-- store/groups.ts). The table is filled from bulletin_stats by the first ingest that opens the
-- dataset after this migration (openPg: an empty group_stats beside bulletins is rebuilt).
CREATE TABLE group_stats (
  unit_id BIGINT REFERENCES units(id) ON DELETE CASCADE,
  unit_name TEXT, issuer TEXT,
  region TEXT, level TEXT, year INTEGER,
  bulletins INTEGER NOT NULL, problems INTEGER NOT NULL, problems_declared INTEGER NOT NULL, completed INTEGER NOT NULL,
  money_recovered DOUBLE PRECISION NOT NULL, money_other DOUBLE PRECISION NOT NULL,
  declared_problems DOUBLE PRECISION, declared_money_recovered DOUBLE PRECISION, declared_rules DOUBLE PRECISION,
  mismatches INTEGER NOT NULL,
  themes TEXT NOT NULL
);
CREATE INDEX group_stats_scope ON group_stats(unit_id, COALESCE(unit_name, issuer, ''));
DROP INDEX bulletins_unit;
CREATE INDEX bulletins_scope ON bulletins(unit_id, COALESCE(unit_name, issuer, ''));
