-- 0020: a year's 巡察整改 also waits for the items fixed the year before and never looked
-- back at (回头看). 0015's index, with the 回头看日期 and the 问题来源 beside its columns,
-- counts those without reading the items themselves.
DROP INDEX rectification_item_open;
CREATE INDEX rectification_item_open ON rectification_item
    (completed_date, found_date, status, deadline, review_date, source);
