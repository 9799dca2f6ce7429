-- Version 5: each bulletin's figures kept at ingest (bulletin_stats: compare and the report read
-- these, not every problem), computed once here from the stored rows for the bulletins already
-- there. The table is made as it is kept since, with the totals the bulletin declares and its
-- mismatches (added later in version 6: 007 adds them to a table made without).
CREATE TABLE IF NOT EXISTS bulletin_stats (
  bulletin_id INTEGER PRIMARY KEY REFERENCES bulletins(id) ON DELETE CASCADE,
  problems INTEGER NOT NULL,
  completed INTEGER NOT NULL,
  money_recovered REAL NOT NULL,       -- sum over its problems of money with role recovered
  money_other REAL NOT NULL,           -- and of the other money
  themes TEXT NOT NULL,                -- JSON [[label, problems, completed, money_recovered, money_other], …] in
                                       -- the order first met; label null: the problems with no theme
  declared_problems REAL,              -- the bulletin's own totals (declared_totals problems, rules,
  declared_rules REAL,                 -- money_recovered; NULL: not declared)
  declared_money_recovered REAL,
  mismatches INTEGER NOT NULL DEFAULT 0 -- its declared_total_mismatch warnings
);
-- the same figures as a record gives them (store/record-values.ts statsOf; STATS_SQL in store/db.ts)
INSERT OR REPLACE INTO bulletin_stats (bulletin_id, problems, completed, money_recovered, money_other, themes, declared_problems, declared_rules, declared_money_recovered, mismatches)
  SELECT b.id,
    (SELECT count(*) FROM issues i WHERE i.bulletin_id = b.id),
    (SELECT count(*) FROM issues i WHERE i.bulletin_id = b.id AND i.status = 'completed'),
    (SELECT COALESCE(sum(value), 0) FROM quantities q WHERE q.bulletin_id = b.id AND q.issue_id IS NOT NULL AND kind = 'money' AND role = 'recovered'),
    (SELECT COALESCE(sum(value), 0) FROM quantities q WHERE q.bulletin_id = b.id AND q.issue_id IS NOT NULL AND kind = 'money' AND COALESCE(role, 'other') <> 'recovered'),
    (SELECT COALESCE(json_group_array(json_array(label, n, c, m, mo)), '[]') FROM (
       SELECT label, n, c, m, mo FROM (
         SELECT t.label, count(*) AS n, sum(i.status = 'completed') AS c, sum(im.m) AS m, sum(im.mo) AS mo, min(t.issue_id) AS first, t.theme AS theme
         FROM issue_themes t JOIN issues i ON i.id = t.issue_id JOIN (SELECT i.id,
             (SELECT COALESCE(sum(value), 0) FROM quantities q WHERE q.bulletin_id = b.id AND q.issue_id = i.id AND kind = 'money' AND role = 'recovered') AS m,
             (SELECT COALESCE(sum(value), 0) FROM quantities q WHERE q.bulletin_id = b.id AND q.issue_id = i.id AND kind = 'money' AND COALESCE(role, 'other') <> 'recovered') AS mo
           FROM issues i WHERE i.bulletin_id = b.id) im ON im.id = i.id
         WHERE i.bulletin_id = b.id GROUP BY t.theme, t.label
         UNION ALL
         SELECT NULL, count(*), sum(i.status = 'completed'), sum(im.m), sum(im.mo), 1e18, NULL
         FROM issues i JOIN (SELECT i.id,
             (SELECT COALESCE(sum(value), 0) FROM quantities q WHERE q.bulletin_id = b.id AND q.issue_id = i.id AND kind = 'money' AND role = 'recovered') AS m,
             (SELECT COALESCE(sum(value), 0) FROM quantities q WHERE q.bulletin_id = b.id AND q.issue_id = i.id AND kind = 'money' AND COALESCE(role, 'other') <> 'recovered') AS mo
           FROM issues i WHERE i.bulletin_id = b.id) im ON im.id = i.id
         WHERE i.bulletin_id = b.id AND NOT EXISTS (SELECT 1 FROM issue_themes t WHERE t.issue_id = i.id)
         HAVING count(*) > 0)
       ORDER BY first, theme)),
    (SELECT value FROM declared_totals t WHERE t.bulletin_id = b.id AND t.key = 'problems'),
    (SELECT value FROM declared_totals t WHERE t.bulletin_id = b.id AND t.key = 'rules'),
    (SELECT value FROM declared_totals t WHERE t.bulletin_id = b.id AND t.key = 'money_recovered'),
    (SELECT count(*) FROM warnings w WHERE w.bulletin_id = b.id AND w.code = 'declared_total_mismatch')
  FROM bulletins b WHERE b.id NOT IN (SELECT bulletin_id FROM bulletin_stats);
