-- 0019: an Excel import under way (storage.import_marker). Written, and committed, before
-- the import's one transaction; that transaction removes it with the rows it adds. Found
-- at the next start, it means the program was killed or the power cut mid-import: nothing
-- of it was written, and the secretary is told once to import the file again. Not user
-- work: not in the trail.
CREATE TABLE import_underway (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    file TEXT NOT NULL,
    started_at TEXT NOT NULL
);
