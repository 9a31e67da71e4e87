-- 0016: what the plan reader read from each year's imported text (a fingerprint of its
-- requirements, before the secretary checked them), so that 年度计划 can say when the
-- reader of today reads that text otherwise (it has improved since) without taking the
-- secretary's own changes for that. Derived from the text, not the user's work: not in the
-- audit trail; a new import or 按原文重新读取 writes it again.
CREATE TABLE plan_reading (
    year INTEGER PRIMARY KEY,
    fingerprint TEXT NOT NULL
);
