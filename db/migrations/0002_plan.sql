-- 0002: the year's plan and its requirements (what the quarterly checklist checks).

CREATE TABLE plan (
    year INTEGER PRIMARY KEY,
    title TEXT NOT NULL DEFAULT '',
    source_text TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE requirement (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL REFERENCES plan (year) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    item TEXT NOT NULL,
    text TEXT NOT NULL,
    section TEXT NOT NULL DEFAULT '',
    item_title TEXT NOT NULL DEFAULT '',
    item_text TEXT NOT NULL DEFAULT '',
    ledger TEXT CHECK (ledger IN ('warning_education', 'talk', 'rectification', 'activity')),
    types TEXT NOT NULL DEFAULT '[]',          -- JSON list of record types that count
    counts_label TEXT NOT NULL DEFAULT '',
    period TEXT CHECK (period IN ('month', 'quarter', 'half', 'year')),
    target INTEGER CHECK (target IS NULL OR target >= 0),
    coverage INTEGER CHECK (coverage IS NULL OR coverage BETWEEN 0 AND 100),
    share INTEGER CHECK (share IS NULL OR share BETWEEN 0 AND 100),
    role TEXT CHECK (role IN ('organisation', 'first_responsible', 'leadership_member')),
    manual_done INTEGER NOT NULL DEFAULT 0 CHECK (manual_done IN (0, 1)),
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX requirement_year ON requirement (year, position);
