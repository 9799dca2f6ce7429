-- Version 4: the record is stored deflate-compressed (documents.record), not as JSON text
-- (record_json was two thirds of a dataset's size): converted, then the old column dropped.
-- when: SELECT 1 FROM pragma_table_info('documents') WHERE name = 'record_json' AND NOT EXISTS (SELECT 1 FROM pragma_table_info('documents') WHERE name = 'record')
ALTER TABLE documents ADD COLUMN record BLOB;
-- when: SELECT 1 FROM pragma_table_info('documents') WHERE name = 'record_json'
UPDATE documents SET record = zg_deflate(record_json);
ALTER TABLE documents DROP COLUMN record_json;
