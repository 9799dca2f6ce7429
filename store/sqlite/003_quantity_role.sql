-- Version 3: quantities.role, what a money amount is (recovered, fined, involved or other); NULL
-- for the quantities read before. (The views that read it are made again by schema.sql.)
-- when: SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'quantities' AND NOT EXISTS (SELECT 1 FROM pragma_table_info('quantities') WHERE name = 'role')
ALTER TABLE quantities ADD COLUMN role TEXT;
