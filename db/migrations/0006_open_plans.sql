-- 0006: plans of any wording (issue 13).
-- * record_type: the types a plan adds to a ledger beyond the built-in ones (政治学习 …);
-- * activity.host: who held the meeting or heard the report (per-person duties count it);
-- * requirement: who must do it may be each 党员 ('member'), and the plan's own measure
--   word (篇, 期, 人次); SQLite cannot alter a CHECK, so the table is rebuilt.

CREATE TABLE record_type (
    ledger TEXT NOT NULL CHECK (ledger IN ('warning_education', 'talk', 'activity')),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 30),
    year INTEGER,  -- the plan that named it first
    created_at TEXT NOT NULL,
    PRIMARY KEY (ledger, name)
);

ALTER TABLE activity ADD COLUMN host TEXT NOT NULL DEFAULT '';

CREATE TABLE requirement_0006 (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL REFERENCES plan (year) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    item TEXT NOT NULL,
    text TEXT NOT NULL,
    section TEXT NOT NULL DEFAULT '',
    item_title TEXT NOT NULL DEFAULT '',
    item_text TEXT NOT NULL DEFAULT '',
    ledger TEXT CHECK (ledger IN ('warning_education', 'talk', 'rectification', 'activity')),
    types TEXT NOT NULL DEFAULT '[]',
    counts_label TEXT NOT NULL DEFAULT '',
    period TEXT CHECK (period IN ('month', 'quarter', 'half', 'year')),
    target INTEGER CHECK (target IS NULL OR target >= 0),
    coverage INTEGER CHECK (coverage IS NULL OR coverage BETWEEN 0 AND 100),
    share INTEGER CHECK (share IS NULL OR share BETWEEN 0 AND 100),
    role TEXT CHECK (role IN ('organisation', 'first_responsible', 'leadership_member',
                              'member')),
    manual_done INTEGER NOT NULL DEFAULT 0 CHECK (manual_done IN (0, 1)),
    note TEXT NOT NULL DEFAULT '',
    unit_word TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
INSERT INTO requirement_0006 (id, year, position, item, text, section, item_title, item_text,
    ledger, types, counts_label, period, target, coverage, share, role, manual_done, note,
    created_at, updated_at)
SELECT id, year, position, item, text, section, item_title, item_text, ledger, types,
    counts_label, period, target, coverage, share, role, manual_done, note, created_at,
    updated_at FROM requirement;
DROP TABLE requirement;
ALTER TABLE requirement_0006 RENAME TO requirement;
CREATE INDEX requirement_year ON requirement (year, position);

-- A record counted toward chosen requirements, whatever its type (the explicit link wins
-- over matching by type: a linked record counts only where it is linked).
CREATE TABLE record_requirement (
    ledger TEXT NOT NULL CHECK (ledger IN ('warning_education', 'talk', 'rectification',
                                           'activity')),
    record_id INTEGER NOT NULL,
    requirement_id INTEGER NOT NULL REFERENCES requirement (id) ON DELETE CASCADE,
    PRIMARY KEY (ledger, record_id, requirement_id)
);
CREATE INDEX record_requirement_requirement ON record_requirement (requirement_id);
