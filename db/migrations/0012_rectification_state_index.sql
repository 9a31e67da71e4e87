-- 0012: the checklist asks how far a year's rectification items had got by a date (fixed,
-- reviewed); this index answers it without reading the items themselves.
CREATE INDEX rectification_item_state ON rectification_item
    (found_date, completed_date, review_date, status);
