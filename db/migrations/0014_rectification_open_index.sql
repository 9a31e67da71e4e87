-- 0014: a year's 整改 also counts the items still open from before it (found earlier, not
-- completed by its start); this index finds those without reading every earlier item.
CREATE INDEX rectification_item_open ON rectification_item (completed_date, found_date);
