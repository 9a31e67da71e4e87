-- 0005: the audit trail (留痕). Every create, update and delete of a record, with what it
-- was before and after; each entry's hash covers the previous entry's hash, so a change
-- made to the file outside the app breaks the chain.

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    ledger TEXT NOT NULL,
    record_id INTEGER NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
    before TEXT,                -- JSON of the record's fields, NULL on create
    after TEXT,                 -- JSON of the record's fields, NULL on delete
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_log_record ON audit_log (ledger, record_id, id);
