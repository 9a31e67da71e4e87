-- 0018: the secretary's corrections while checking an imported plan (核对导入的年度工作要点),
-- kept as she makes them, so that a power cut or a killed window does not lose the longest
-- typing session of the year (storage.plan_check). One row per text checked; removed when
-- the plan is saved or the corrections are given up. A draft: not in the trail.
CREATE TABLE plan_check_draft (
    text_sha TEXT PRIMARY KEY,
    text TEXT NOT NULL,
    year INTEGER NOT NULL,
    requirements TEXT NOT NULL,
    pending TEXT NOT NULL,
    edits INTEGER NOT NULL,
    saved_at TEXT NOT NULL
);
