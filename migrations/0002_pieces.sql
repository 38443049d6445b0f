-- 0002: the editorial library. The foundation's `drafts` become `pieces` (every row kept,
-- same ids), with editorial fields, tags, revisions, a status history and a French full-text
-- index. Slugs start as `~<id>` placeholders (never a valid slug, so never a collision) and
-- are derived from the titles by the Rust step that runs in the same transaction.
CREATE TABLE pieces (
    id               INTEGER PRIMARY KEY,
    slug             TEXT    NOT NULL UNIQUE,
    title            TEXT    NOT NULL DEFAULT '',
    kicker           TEXT    NOT NULL DEFAULT '',
    author           TEXT    NOT NULL DEFAULT '',
    author_role      TEXT    NOT NULL DEFAULT '',
    category         TEXT    NOT NULL DEFAULT '',
    lang             TEXT    NOT NULL DEFAULT 'fr' CHECK (lang IN ('fr', 'en')),
    publication_date TEXT    CHECK (publication_date IS NULL
                         OR publication_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    issue_number     INTEGER,
    target_signs     INTEGER,
    status           TEXT    NOT NULL DEFAULT 'draft'
                         CHECK (status IN ('idea', 'draft', 'review', 'ready', 'published')),
    version          INTEGER NOT NULL DEFAULT 1,
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL,
    trashed_at       TEXT,
    -- The tag names, separated by char(31), kept equal to the tags by the Rust code: indexed
    -- for search and read by the list without a join.
    tags_text        TEXT    NOT NULL DEFAULT '',
    -- The long texts last: a row's columns are stored in order and the body spills onto
    -- overflow pages, so the list (which never reads it) does not have to walk past it.
    standfirst       TEXT    NOT NULL DEFAULT '',
    body             TEXT    NOT NULL DEFAULT ''
);
INSERT INTO pieces (id, slug, title, body, created_at, updated_at)
    SELECT id, '~' || id, title, body, created_at, updated_at FROM drafts;
DROP TABLE drafts;
-- Covers the piece list and its filters, in list order: listing reads this index only, never
-- the rows with their long texts (10,000 pieces: ~2 MB of index instead of ~30 MB of rows).
CREATE INDEX pieces_list ON pieces(
    trashed_at, updated_at DESC, id DESC,
    title, slug, status, category, publication_date, tags_text
);

-- `key` is the folded form (no accents, lower case) that makes "Relation Client" and
-- "relation client" one tag; `name` keeps the form first typed.
CREATE TABLE tags (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    key  TEXT NOT NULL UNIQUE
);
CREATE TABLE piece_tags (
    piece_id INTEGER NOT NULL REFERENCES pieces(id) ON DELETE CASCADE,
    tag_id   INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (piece_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX piece_tags_by_tag ON piece_tags(tag_id, piece_id);

-- A revision is a past state of a piece: `saved_at` is when that state was saved,
-- `kept_at` when it was replaced and kept. `content` is a JSON snapshot of every field.
CREATE TABLE revisions (
    id        INTEGER PRIMARY KEY,
    piece_id  INTEGER NOT NULL REFERENCES pieces(id) ON DELETE CASCADE,
    number    INTEGER NOT NULL,
    reason    TEXT    NOT NULL,
    version   INTEGER NOT NULL,
    title     TEXT    NOT NULL,
    saved_at  TEXT    NOT NULL,
    kept_at   TEXT    NOT NULL,
    content   TEXT    NOT NULL,
    UNIQUE (piece_id, number)
);

CREATE TABLE status_history (
    id          INTEGER PRIMARY KEY,
    piece_id    INTEGER NOT NULL REFERENCES pieces(id) ON DELETE CASCADE,
    from_status TEXT,
    to_status   TEXT    NOT NULL,
    changed_at  TEXT    NOT NULL
);
CREATE INDEX status_history_by_piece ON status_history(piece_id, id);
INSERT INTO status_history (piece_id, from_status, to_status, changed_at)
    SELECT id, NULL, 'draft', created_at FROM pieces;

-- Accent- and case-folding index: `annee` finds "année". External content: the text lives
-- once, in `pieces`; the Rust code removes a piece's index entry before changing the piece
-- and adds it back after, in the same transaction (see src/library/fts.rs).
CREATE VIRTUAL TABLE pieces_fts USING fts5(
    title, kicker, standfirst, body, tags_text,
    content = 'pieces', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO pieces_fts (pieces_fts) VALUES ('rebuild');
-- Ranking: a word in the title weighs more than one in the kicker or standfirst, the tags more
-- than the body. Stored in the index, so `ORDER BY rank` uses it everywhere.
INSERT INTO pieces_fts (pieces_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 4.0, 1.0, 6.0)');
