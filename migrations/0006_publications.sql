-- 0006: publishing to a site (issue #15). What Edito knows of each piece on each site, so a
-- re-publish updates the same post and never uploads an image twice:
-- `publications`: the remote post, its `modified_gmt` after Edito's last write, and the title,
-- content and excerpt Edito sent (to say what was edited on the site since);
-- `publication_media`: one upload per image (by content id) per site, whatever the piece;
-- `publication_history`: every successful publish, newest last. No secrets here, ever.
CREATE TABLE publications (
    piece_id     INTEGER NOT NULL,
    site         TEXT    NOT NULL,
    post_id      INTEGER NOT NULL,
    link         TEXT    NOT NULL DEFAULT '',
    modified_gmt TEXT    NOT NULL DEFAULT '',
    sent_title   TEXT    NOT NULL DEFAULT '',
    sent_content TEXT    NOT NULL DEFAULT '',
    sent_excerpt TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (piece_id, site)
) WITHOUT ROWID;

CREATE TABLE publication_media (
    site     TEXT    NOT NULL,
    image_id TEXT    NOT NULL CHECK (length(image_id) = 32),
    media_id INTEGER NOT NULL,
    url      TEXT    NOT NULL,
    width    INTEGER NOT NULL,
    height   INTEGER NOT NULL,
    PRIMARY KEY (site, image_id)
) WITHOUT ROWID;

CREATE TABLE publication_history (
    id           INTEGER PRIMARY KEY,
    piece_id     INTEGER NOT NULL,
    site         TEXT    NOT NULL,
    published_at TEXT    NOT NULL,
    status       TEXT    NOT NULL,
    post_id      INTEGER NOT NULL,
    link         TEXT    NOT NULL
);
CREATE INDEX publication_history_piece ON publication_history (piece_id, id);
