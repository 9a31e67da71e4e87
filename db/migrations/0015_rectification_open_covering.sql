-- 0015: the checklist also asks which items still open on a day are at or past their
-- deadline (整改 work with such an item is 滞后). 0014's index, with the status and the
-- deadline beside its columns, answers that without reading the items themselves.
DROP INDEX rectification_item_open;
CREATE INDEX rectification_item_open ON rectification_item
    (completed_date, found_date, status, deadline);
