-- 0004: the piece's lead image (the editor's portrait, the CMS's featured image), as a
-- reference to an image kept in the library; NULL when the piece has none. Added by ALTER
-- TABLE after the long texts: the list never reads it. Revisions need no change: their JSON
-- snapshot written before this migration reads back with no lead image.
ALTER TABLE pieces ADD COLUMN lead_image TEXT CHECK (lead_image IS NULL OR length(lead_image) BETWEEN 1 AND 1000);
