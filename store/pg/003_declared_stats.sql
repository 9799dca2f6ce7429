-- The declared totals and mismatch count compare reads, kept with each bulletin's figures (as in
-- SQLite's schema 6): compare then reads one row per bulletin instead of four lookups.
ALTER TABLE bulletin_stats ADD COLUMN declared_problems DOUBLE PRECISION;
ALTER TABLE bulletin_stats ADD COLUMN declared_rules DOUBLE PRECISION;
ALTER TABLE bulletin_stats ADD COLUMN declared_money_recovered DOUBLE PRECISION;
ALTER TABLE bulletin_stats ADD COLUMN mismatches INTEGER NOT NULL DEFAULT 0;
UPDATE bulletin_stats s SET
  declared_problems = (SELECT value FROM declared_totals t WHERE t.bulletin_id = s.bulletin_id AND t.key = 'problems'),
  declared_rules = (SELECT value FROM declared_totals t WHERE t.bulletin_id = s.bulletin_id AND t.key = 'rules'),
  declared_money_recovered = (SELECT value FROM declared_totals t WHERE t.bulletin_id = s.bulletin_id AND t.key = 'money_recovered'),
  mismatches = (SELECT count(*) FROM warnings w WHERE w.bulletin_id = s.bulletin_id AND w.code = 'declared_total_mismatch');
