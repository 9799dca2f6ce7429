-- A problem's own unit in a round's digest (issues.unit: NULL for the bulletin's own unit) and the
-- region's GB/T 2260 code (bulletins.region_code), as SQLite's schema version 8 has them.
ALTER TABLE issues ADD COLUMN IF NOT EXISTS unit TEXT;
ALTER TABLE bulletins ADD COLUMN IF NOT EXISTS region_code TEXT;
