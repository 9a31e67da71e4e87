-- 0004: (type, date) indexes, so the checklist's "how many of these types in this span"
-- is an index-only range scan however many years the ledgers hold.

CREATE INDEX activity_type_date ON activity (type, date);
CREATE INDEX talk_type_date ON talk (type, date);
CREATE INDEX warning_session_form_date ON warning_session (form, date);
