-- Version 11: how the two FTS5 tables merge their segments. Each commit of an ingest (a group of
-- documents) writes both tables' new terms as a new segment, and FTS5 merges segments as they
-- build up: by default whenever 4 of one level exist, so each term is written again at every
-- level, log4 of the segments (about 6 times at 20,000 bulletins). Merged 16 at a time, each
-- term is written about half as often. Measured on 3,000 synthetic bulletins' payloads, the writer
-- alone in groups of 8, alternately: 12-14% less of its CPU. A query reads at most 15 segments a
-- level instead of 3 (bench:scale's search and substring figures show what that costs). A crisis
-- merge (done at once, inside the write) only when a level holds 64.
INSERT INTO issues_fts (issues_fts, rank) VALUES ('automerge', 16);
INSERT INTO issues_fts (issues_fts, rank) VALUES ('crisismerge', 64);
INSERT INTO issues_fts_grams (issues_fts_grams, rank) VALUES ('automerge', 16);
INSERT INTO issues_fts_grams (issues_fts_grams, rank) VALUES ('crisismerge', 64);
