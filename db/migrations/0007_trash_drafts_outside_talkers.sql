-- 0007: 回收站 (deleted records kept until emptied), form drafts (nothing typed is lost),
-- talkers from outside the roster (a 县纪委 comrade), 'restore' in the audit trail, and a
-- data step: records written before 0005 get the audit entry they never had.

-- A deleted record, whole: its row, its people links and its attachments, as JSON.
CREATE TABLE trash (
    id INTEGER PRIMARY KEY,
    ledger TEXT NOT NULL,
    record_id INTEGER NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    deleted_at TEXT NOT NULL,
    content TEXT NOT NULL
);
CREATE INDEX trash_record ON trash (ledger, record_id);

-- What a form holds while it is open (record_id 0: a new record), kept as it is typed.
CREATE TABLE record_draft (
    ledger TEXT NOT NULL,
    record_id INTEGER NOT NULL,
    fields TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    PRIMARY KEY (ledger, record_id)
);

-- The audit trail gains 'restore' (from 回收站). Nothing references audit_log.
CREATE TABLE audit_log_0007 (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    ledger TEXT NOT NULL,
    record_id INTEGER NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'restore')),
    before TEXT,
    after TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
INSERT INTO audit_log_0007 SELECT id, at, ledger, record_id, action, before, after,
    prev_hash, hash FROM audit_log;
DROP TABLE audit_log;
ALTER TABLE audit_log_0007 RENAME TO audit_log;
CREATE INDEX audit_log_record ON audit_log (ledger, record_id, id);

-- A talker need not be on the roster: talker_id NULL and the name in talker_name. The
-- table is rebuilt; dropping the old one deletes its talkee links (ON DELETE CASCADE),
-- so they are kept aside and put back.
CREATE TABLE talk_talkee_0007 AS SELECT record_id, person_id, position FROM talk_talkee;
CREATE TABLE talk_0007 (
    id INTEGER PRIMARY KEY,
    date TEXT NOT NULL,
    type TEXT NOT NULL,
    talker_id INTEGER REFERENCES person (id),
    one_on_one INTEGER NOT NULL DEFAULT 0 CHECK (one_on_one IN (0, 1)),
    summary TEXT NOT NULL DEFAULT '',
    problems_found TEXT NOT NULL DEFAULT '',
    late_entry INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    talker_name TEXT NOT NULL DEFAULT '',
    CHECK (talker_id IS NOT NULL OR talker_name <> '')
);
INSERT INTO talk_0007 (id, date, type, talker_id, one_on_one, summary, problems_found,
    late_entry, created_at, updated_at)
    SELECT id, date, type, talker_id, one_on_one, summary, problems_found, late_entry,
    created_at, updated_at FROM talk;
DROP TABLE talk;
ALTER TABLE talk_0007 RENAME TO talk;
CREATE INDEX talk_date ON talk (date);
CREATE INDEX talk_type_date ON talk (type, date);
INSERT INTO talk_talkee (record_id, person_id, position)
    SELECT record_id, person_id, position FROM talk_talkee_0007;
DROP TABLE talk_talkee_0007;

-- Steps that need the program (the audit hashes), run once after the scripts.
CREATE TABLE data_step (name TEXT PRIMARY KEY);
INSERT INTO data_step VALUES ('audit_backfill');
