-- 0003: reports — the edited text of each period's report, and every version handed in.

CREATE TABLE report_draft (
    period TEXT PRIMARY KEY,              -- "2022Q3" or "2022"
    sections TEXT NOT NULL,               -- JSON: {heading: text}
    updated_at TEXT NOT NULL
);

CREATE TABLE report_version (
    id INTEGER PRIMARY KEY,
    period TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('pdf', 'docx')),
    file_path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    sections TEXT NOT NULL,               -- JSON of the text as printed
    created_at TEXT NOT NULL
);
CREATE INDEX report_version_period ON report_version (period, created_at);
