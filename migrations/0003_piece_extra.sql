-- 0003: front-matter keys Edito does not know (Hugo's `aliases`, Zola's `extra` table…), kept
-- as one JSON object per piece so an imported file exported again loses nothing. Appended
-- after `body` by ALTER TABLE: the list never reads it, only a full load does. Revisions need
-- no change: their `content` snapshot is JSON, and a snapshot written before this migration
-- reads back with an empty object.
ALTER TABLE pieces ADD COLUMN extra TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(extra));
