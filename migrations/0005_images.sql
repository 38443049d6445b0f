-- 0005: images kept in the library (issue #14). One row per image, keyed by its content id
-- (the first 32 hex characters of the SHA-256 of the original bytes); the bytes themselves
-- live in `<folder of the library>/images/<id[..2]>/<id>`, written before the row. The alt
-- text that counts is the one in each piece's Markdown: `alt` is the default the UI proposes.
-- `added_at` is the last time the image was added (again): collection spares recent ones.
CREATE TABLE images (
    id            TEXT    PRIMARY KEY CHECK (length(id) = 32),
    media_type    TEXT    NOT NULL,
    width         INTEGER NOT NULL CHECK (width > 0),
    height        INTEGER NOT NULL CHECK (height > 0),
    byte_len      INTEGER NOT NULL CHECK (byte_len > 0),
    original_name TEXT,
    alt           TEXT    NOT NULL DEFAULT '',
    decorative    INTEGER NOT NULL DEFAULT 0 CHECK (decorative IN (0, 1)),
    caption       TEXT    NOT NULL DEFAULT '',
    credit        TEXT    NOT NULL DEFAULT '',
    created_at    TEXT    NOT NULL,
    added_at      TEXT    NOT NULL
) WITHOUT ROWID;
