-- The edit history that undo and redo replay. Each applied batch is one row holding the change
-- batches that redo it (`forward`) and undo it (`backward`), both as JSON lists of batches
-- computed by diffing the document before and after. Rows with `undone = 1` form the redo stack;
-- a new edit deletes them.

CREATE TABLE history (
    seq      INTEGER PRIMARY KEY,
    forward  TEXT NOT NULL CHECK (json_valid(forward)),
    backward TEXT NOT NULL CHECK (json_valid(backward)),
    undone   INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
) STRICT;

CREATE INDEX history_undone ON history (undone, seq);
