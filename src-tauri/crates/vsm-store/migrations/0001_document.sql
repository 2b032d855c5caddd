-- The content of a value stream document: its maps, their nodes and edges.
-- Each row's `body` is the canonical JSON of the element (docs/file-format.md), so the SQLite
-- file and the .vsm.json format share one definition of every field.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE maps (
    id       TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    body     TEXT NOT NULL CHECK (json_valid(body))   -- the map without nodes and edges
) STRICT;

CREATE TABLE nodes (
    map_id   TEXT NOT NULL REFERENCES maps (id) ON DELETE CASCADE ON UPDATE CASCADE,
    id       TEXT NOT NULL,
    position INTEGER NOT NULL,
    body     TEXT NOT NULL CHECK (json_valid(body)),
    PRIMARY KEY (map_id, id)
) STRICT;

CREATE TABLE edges (
    map_id   TEXT NOT NULL REFERENCES maps (id) ON DELETE CASCADE ON UPDATE CASCADE,
    id       TEXT NOT NULL,
    position INTEGER NOT NULL,
    body     TEXT NOT NULL CHECK (json_valid(body)),
    PRIMARY KEY (map_id, id)
) STRICT;

INSERT INTO meta (key, value) VALUES ('revision', '0');
