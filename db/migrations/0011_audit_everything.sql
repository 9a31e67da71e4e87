-- 0011: the audit trail covers every table a user's work lives in: the plan and its
-- requirements, the unit profile, report drafts and versions, the types plans add, records'
-- links to requirements and 回收站 (storage/trail.py), and each record's 补录 flag and
-- created/updated times. A data step logs what is there now, so an upgraded file checks
-- clean; a record whose logged state already disagreed is left to be reported.
INSERT OR IGNORE INTO data_step VALUES ('trail_baseline');
