-- 0013: when each person arrived and left (到岗日期, 离岗日期), both optional, so that a past
-- quarter's coverage counts the people on the roster then, not today's.
ALTER TABLE person ADD COLUMN joined_on TEXT;
ALTER TABLE person ADD COLUMN left_on TEXT;
