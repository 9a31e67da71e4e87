-- 0001: the unit profile, the roster and the four ledgers, with attachments.
-- Shipped migrations are never edited; add a new numbered file instead.

CREATE TABLE unit_profile (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    unit_name TEXT NOT NULL DEFAULT '',
    org_name TEXT NOT NULL DEFAULT '',
    secretary_name TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
);

CREATE TABLE person (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    post TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    late_entry INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE warning_session (
    id INTEGER PRIMARY KEY,
    date TEXT NOT NULL,
    form TEXT NOT NULL,
    topic TEXT NOT NULL,
    place TEXT NOT NULL DEFAULT '',
    host TEXT NOT NULL DEFAULT '',
    head_count INTEGER NOT NULL DEFAULT 0 CHECK (head_count >= 0),
    summary TEXT NOT NULL DEFAULT '',
    late_entry INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX warning_session_date ON warning_session (date);

CREATE TABLE warning_session_attendee (
    record_id INTEGER NOT NULL REFERENCES warning_session (id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES person (id),
    position INTEGER NOT NULL,
    PRIMARY KEY (record_id, person_id)
);
CREATE INDEX warning_session_attendee_person ON warning_session_attendee (person_id);

CREATE TABLE talk (
    id INTEGER PRIMARY KEY,
    date TEXT NOT NULL,
    type TEXT NOT NULL,
    talker_id INTEGER NOT NULL REFERENCES person (id),
    one_on_one INTEGER NOT NULL DEFAULT 0 CHECK (one_on_one IN (0, 1)),
    summary TEXT NOT NULL DEFAULT '',
    problems_found TEXT NOT NULL DEFAULT '',
    late_entry INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX talk_date ON talk (date);

CREATE TABLE talk_talkee (
    record_id INTEGER NOT NULL REFERENCES talk (id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES person (id),
    position INTEGER NOT NULL,
    PRIMARY KEY (record_id, person_id)
);
CREATE INDEX talk_talkee_person ON talk_talkee (person_id);

CREATE TABLE rectification_item (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL,
    description TEXT NOT NULL,
    owner_id INTEGER NOT NULL REFERENCES person (id),
    measures TEXT NOT NULL DEFAULT '',
    found_date TEXT NOT NULL,
    deadline TEXT NOT NULL,
    status TEXT NOT NULL,
    completed_date TEXT,
    review_date TEXT,
    review_conclusion TEXT NOT NULL DEFAULT '',
    late_entry INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX rectification_item_found ON rectification_item (found_date);
CREATE INDEX rectification_item_deadline ON rectification_item (deadline);

CREATE TABLE activity (
    id INTEGER PRIMARY KEY,
    date TEXT NOT NULL,
    type TEXT NOT NULL,
    topic TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    late_entry INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX activity_date ON activity (date);

CREATE TABLE activity_attendee (
    record_id INTEGER NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES person (id),
    position INTEGER NOT NULL,
    PRIMARY KEY (record_id, person_id)
);
CREATE INDEX activity_attendee_person ON activity_attendee (person_id);

-- 佐证材料: the file itself lives in the attachments folder under its SHA-256.
CREATE TABLE attachment (
    id INTEGER PRIMARY KEY,
    ledger TEXT NOT NULL,
    record_id INTEGER NOT NULL,
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    added_at TEXT NOT NULL
);
CREATE INDEX attachment_record ON attachment (ledger, record_id);
