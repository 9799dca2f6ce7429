-- The substring index (store/grams.ts), as SQLite's schema version 9 has it: each problem's grams,
-- the characters and pairs of adjacent characters of its problem, measures and outcome, as a
-- tsvector with a GIN index. zg_grams makes them from the texts as store/grams.ts does (a run is
-- what lies between whitespace, ASCII punctuation and U+FFFD; more than 60,000 grams are kept as
-- the one gram every query also reads, zhenggaiall): the problems a dataset has already get theirs
-- here; an ingest writes those the batch made.
CREATE OR REPLACE FUNCTION zg_grams(VARIADIC texts text[]) RETURNS tsvector LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN count(*) > 60000 THEN array_to_tsvector(ARRAY['zhenggaiall']) ELSE array_to_tsvector(COALESCE(array_agg(g), '{}')) END
  FROM (SELECT DISTINCT v.g
        -- each character of each run with the one after it (lead: no substr over a long text)
        FROM (SELECT ch.c, lead(ch.c) OVER (PARTITION BY x.k, r.k ORDER BY ch.n) AS d
              FROM unnest(texts) WITH ORDINALITY AS x(t, k)
              CROSS JOIN LATERAL regexp_split_to_table(COALESCE(x.t, ''), '[\x01-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\ufffd]+') WITH ORDINALITY AS r(run, k)
              CROSS JOIN LATERAL unnest(string_to_array(r.run, NULL)) WITH ORDINALITY AS ch(c, n)) y
        CROSS JOIN LATERAL (VALUES (y.c), (y.c || y.d)) AS v(g)
        WHERE v.g IS NOT NULL) grams
$$;
CREATE TABLE IF NOT EXISTS issue_grams (
  issue_id BIGINT PRIMARY KEY REFERENCES issues(id) ON DELETE CASCADE,
  grams TSVECTOR NOT NULL
);
INSERT INTO issue_grams (issue_id, grams)
  SELECT i.id, zg_grams(VARIADIC ARRAY[i.problem, i.outcome] || ARRAY(SELECT m.text FROM measures m WHERE m.issue_id = i.id ORDER BY m.ordinal))
  FROM issues i WHERE NOT EXISTS (SELECT 1 FROM issue_grams g WHERE g.issue_id = i.id);
CREATE INDEX IF NOT EXISTS issue_grams_grams ON issue_grams USING GIN (grams);
