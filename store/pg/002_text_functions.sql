-- The SQL that reads a SQLite dataset's compressed text and record runs here unchanged:
-- zg_text(text) is the text, zg_record(record, text) the record's JSON text (stored as they are).
CREATE FUNCTION zg_text(t TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS 'SELECT t';
CREATE FUNCTION zg_record(r JSONB, t TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS 'SELECT r::text';
