-- 0017: what the report's drafts said when the secretary began to change a section, and
-- the report's date then, so that a section typed over November's drafts is not handed in
-- in January beside January's figures without a word (storage.reports, core.report_basis).
-- Derived (the drafts of that day can be drawn again from the records): not in the trail.
CREATE TABLE report_basis (
    period TEXT NOT NULL,
    heading TEXT NOT NULL,
    drafted TEXT NOT NULL,
    as_of TEXT NOT NULL,
    PRIMARY KEY (period, heading)
);
