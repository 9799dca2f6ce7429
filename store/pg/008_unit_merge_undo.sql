-- What `units unmerge` puts back (store/unit-merges.ts), kept with each merge as JSON; NULL for a
-- merge made before it was kept (as in SQLite's unit_merges.undo).
ALTER TABLE unit_merges ADD COLUMN IF NOT EXISTS undo TEXT;
