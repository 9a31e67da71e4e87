-- 0008: 佐证材料 enter the audit trail. Each attachment added or removed in the app gets an
-- entry (ledger 'attachment', record_id the attachment's id); the rows already present are
-- logged once, as found, by the code that applies this migration (storage.db).
SELECT 1;
