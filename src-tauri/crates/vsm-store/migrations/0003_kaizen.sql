-- The Kaizen loop's records beside the maps: the action plan and dated snapshots of maps, one
-- row each (canonical JSON in `body`, like nodes); the event charter is one `meta` row ('charter').

CREATE TABLE actions (
    id       TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    body     TEXT NOT NULL CHECK (json_valid(body))
) STRICT;

CREATE TABLE snapshots (
    id       TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    body     TEXT NOT NULL CHECK (json_valid(body))
) STRICT;
