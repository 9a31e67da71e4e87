-- 0010: 查找 — one full-text index over every ledger, kept in step by triggers.
-- Trigram tokens suit Chinese (no word list needed): a run of three or more characters is
-- found through the index directly. Every indexed value ends in two spaces, so any one or
-- two characters (a name such as 赵明) begin some trigram too, and a short term is found
-- through the index's vocabulary (search_vocab; see storage/search.py).
--
-- search_text: one row per record. Its id orders rows newest first and says whose it is:
--     id = day number (julianday of the record's date; 0 for a person) * 10^10
--          + record id * 8 + the ledger's code
-- codes: 1 roster, 2 warning_education, 3 talk, 4 rectification, 5 activity;
-- so "newest first, this ledger only" is answered from ids alone.
-- Indexed (search_fts): title, body (the rest of the text) and people (the names held in
-- the record's own row: talker, owner, host, a person's own name).
--
-- People linked through attendee/talkee tables are found through search_link (person id,
-- search_text id) instead: a link is one small row added or removed with the attendee, so
-- ticking ten attendees never rewrites the record's full-text entry ten times (each
-- rewrite within one transaction makes FTS5 flush: an Excel import would pay it per name).
-- The views' names column (every name, in order) is read for the rows listed only.
--
-- The search_src_* views say what each ledger contributes; a later migration that adds a
-- column worth finding (e.g. activity.host, talk.talker_name) redefines that ledger's view
-- and refills its rows (DELETE FROM search_text WHERE id % 8 = code; INSERT ... ORDER BY
-- key). A migration that rebuilds a ledger's table must recreate that ledger's triggers.

CREATE TABLE search_text (
    id INTEGER PRIMARY KEY,
    ledger TEXT NOT NULL,
    record_id INTEGER NOT NULL,
    day TEXT,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    people TEXT NOT NULL
);

CREATE VIRTUAL TABLE search_fts USING fts5(
    title, body, people, content = 'search_text', content_rowid = 'id', tokenize = 'trigram'
);
CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_fts, 'row');

CREATE TRIGGER search_text_ai AFTER INSERT ON search_text BEGIN
    INSERT INTO search_fts (rowid, title, body, people)
        VALUES (NEW.id, NEW.title, NEW.body, NEW.people);
END;
CREATE TRIGGER search_text_ad AFTER DELETE ON search_text BEGIN
    INSERT INTO search_fts (search_fts, rowid, title, body, people)
        VALUES ('delete', OLD.id, OLD.title, OLD.body, OLD.people);
END;
CREATE TRIGGER search_text_au AFTER UPDATE ON search_text BEGIN
    INSERT INTO search_fts (search_fts, rowid, title, body, people)
        VALUES ('delete', OLD.id, OLD.title, OLD.body, OLD.people);
    INSERT INTO search_fts (rowid, title, body, people)
        VALUES (NEW.id, NEW.title, NEW.body, NEW.people);
END;

-- (person id, search_text id) for every attendee and talkee.
CREATE TABLE search_link (
    person_id INTEGER NOT NULL,
    key INTEGER NOT NULL,
    PRIMARY KEY (person_id, key)
) WITHOUT ROWID;
CREATE INDEX search_link_key ON search_link (key);

-- What each ledger contributes. Names are joined with 、 in the record's own order.
CREATE VIEW search_src_roster AS
    SELECT t.id * 8 + 1 AS key, 'roster' AS ledger, t.id AS record_id, NULL AS day,
           t.name || '  ' AS title, trim(t.post || ' ' || t.role) || '  ' AS body,
           t.name || '  ' AS people, t.name AS names
    FROM person AS t;

CREATE VIEW search_src_warning_education AS
    SELECT CAST(julianday(t.date) AS INTEGER) * 10000000000 + t.id * 8 + 2 AS key,
           'warning_education' AS ledger, t.id AS record_id, t.date AS day,
           t.topic || '  ' AS title,
           t.form || char(10) || t.place || char(10) || t.summary || '  ' AS body,
           t.host || '  ' AS people,
           trim(t.host || ' ' || coalesce((SELECT group_concat(name, '、') FROM (
               SELECT p.name FROM warning_session_attendee AS j JOIN person AS p
               ON p.id = j.person_id WHERE j.record_id = t.id ORDER BY j.position)), ''))
           AS names
    FROM warning_session AS t;

CREATE VIEW search_src_talk AS
    SELECT CAST(julianday(t.date) AS INTEGER) * 10000000000 + t.id * 8 + 3 AS key,
           'talk' AS ledger, t.id AS record_id, t.date AS day, t.type || '  ' AS title,
           t.summary || char(10) || t.problems_found || '  ' AS body,
           coalesce((SELECT name FROM person WHERE id = t.talker_id), t.talker_name, '') || '  ' AS people,
           trim(coalesce((SELECT name FROM person WHERE id = t.talker_id), t.talker_name, '') || ' ' ||
                coalesce((SELECT group_concat(name, '、') FROM (
                    SELECT p.name FROM talk_talkee AS j JOIN person AS p ON p.id = j.person_id
                    WHERE j.record_id = t.id ORDER BY j.position)), '')) AS names
    FROM talk AS t;

CREATE VIEW search_src_rectification AS
    SELECT CAST(julianday(t.found_date) AS INTEGER) * 10000000000 + t.id * 8 + 4 AS key,
           'rectification' AS ledger, t.id AS record_id, t.found_date AS day,
           t.description || '  ' AS title,
           t.number || char(10) || t.source || char(10) || t.status || char(10) ||
           t.measures || char(10) || t.review_conclusion || '  ' AS body,
           coalesce((SELECT name FROM person WHERE id = t.owner_id), '') || '  ' AS people,
           coalesce((SELECT name FROM person WHERE id = t.owner_id), '') AS names
    FROM rectification_item AS t;

CREATE VIEW search_src_activity AS
    SELECT CAST(julianday(t.date) AS INTEGER) * 10000000000 + t.id * 8 + 5 AS key,
           'activity' AS ledger, t.id AS record_id, t.date AS day, t.topic || '  ' AS title,
           t.type || char(10) || t.summary || '  ' AS body, t.host || '  ' AS people,
           trim(t.host || ' ' || coalesce((SELECT group_concat(name, '、') FROM (
               SELECT p.name FROM activity_attendee AS j JOIN person AS p ON p.id = j.person_id
               WHERE j.record_id = t.id ORDER BY j.position)), '')) AS names
    FROM activity AS t;

-- The person page looks records up by person; so does the rename trigger below.
CREATE INDEX talk_talker ON talk (talker_id);
CREATE INDEX rectification_item_owner ON rectification_item (owner_id);

-- Keeping search_text and search_link in step: a record's row is replaced whenever the
-- record changes (its links follow its id), and removed with the record.

CREATE TRIGGER search_roster_ai AFTER INSERT ON person BEGIN
    INSERT INTO search_text SELECT key, ledger, record_id, day, title, body, people
        FROM search_src_roster WHERE record_id = NEW.id;
END;

CREATE TRIGGER search_roster_au AFTER UPDATE ON person BEGIN
    DELETE FROM search_text WHERE id = OLD.id * 8 + 1;
    INSERT INTO search_text SELECT key, ledger, record_id, day, title, body, people
        FROM search_src_roster WHERE record_id = NEW.id;
END;

CREATE TRIGGER search_roster_ad AFTER DELETE ON person BEGIN
    DELETE FROM search_text WHERE id = OLD.id * 8 + 1;
END;

CREATE TRIGGER search_warning_education_ai AFTER INSERT ON warning_session BEGIN
    INSERT INTO search_text SELECT key, ledger, record_id, day, title, body, people
        FROM search_src_warning_education WHERE record_id = NEW.id;
END;

CREATE TRIGGER search_warning_education_au AFTER UPDATE ON warning_session BEGIN
    DELETE FROM search_text WHERE id = CAST(julianday(OLD.date) AS INTEGER) * 10000000000
            + OLD.id * 8 + 2;
    INSERT INTO search_text SELECT key, ledger, record_id, day, title, body, people
        FROM search_src_warning_education WHERE record_id = NEW.id;
    UPDATE search_link SET key = CAST(julianday(NEW.date) AS INTEGER) * 10000000000
            + NEW.id * 8 + 2
        WHERE key = CAST(julianday(OLD.date) AS INTEGER) * 10000000000
            + OLD.id * 8 + 2;
END;

CREATE TRIGGER search_warning_education_ad AFTER DELETE ON warning_session BEGIN
    DELETE FROM search_text WHERE id = CAST(julianday(OLD.date) AS INTEGER) * 10000000000
            + OLD.id * 8 + 2;
    DELETE FROM search_link WHERE key = CAST(julianday(OLD.date) AS INTEGER) * 10000000000
            + OLD.id * 8 + 2;
END;

CREATE TRIGGER search_warning_education_people_i AFTER INSERT ON warning_session_attendee BEGIN
    INSERT OR IGNORE INTO search_link
        SELECT NEW.person_id, CAST(julianday(t.date) AS INTEGER) * 10000000000
            + t.id * 8 + 2
        FROM warning_session AS t WHERE t.id = NEW.record_id;
END;

CREATE TRIGGER search_warning_education_people_d AFTER DELETE ON warning_session_attendee BEGIN
    DELETE FROM search_link WHERE person_id = OLD.person_id AND key = (
        SELECT CAST(julianday(t.date) AS INTEGER) * 10000000000
            + t.id * 8 + 2
        FROM warning_session AS t WHERE t.id = OLD.record_id);
END;

CREATE TRIGGER search_talk_ai AFTER INSERT ON talk BEGIN
    INSERT INTO search_text SELECT key, ledger, record_id, day, title, body, people
        FROM search_src_talk WHERE record_id = NEW.id;
END;

CREATE TRIGGER search_talk_au AFTER UPDATE ON talk BEGIN
    DELETE FROM search_text WHERE id = CAST(julianday(OLD.date) AS INTEGER) * 10000000000
            + OLD.id * 8 + 3;
    INSERT INTO search_text SELECT key, ledger, record_id, day, title, body, people
        FROM search_src_talk WHERE record_id = NEW.id;
    UPDATE search_link SET key = CAST(julianday(NEW.date) AS INTEGER) * 10000000000
            + NEW.id * 8 + 3
        WHERE key = CAST(julianday(OLD.date) AS INTEGER) * 10000000000
            + OLD.id * 8 + 3;
END;

CREATE TRIGGER search_talk_ad AFTER DELETE ON talk BEGIN
    DELETE FROM search_text WHERE id = CAST(julianday(OLD.date) AS INTEGER) * 10000000000
            + OLD.id * 8 + 3;
    DELETE FROM search_link WHERE key = CAST(julianday(OLD.date) AS INTEGER) * 10000000000
            + OLD.id * 8 + 3;
END;

CREATE TRIGGER search_talk_people_i AFTER INSERT ON talk_talkee BEGIN
    INSERT OR IGNORE INTO search_link
        SELECT NEW.person_id, CAST(julianday(t.date) AS INTEGER) * 10000000000
            + t.id * 8 + 3
        FROM talk AS t WHERE t.id = NEW.record_id;
END;

CREATE TRIGGER search_talk_people_d AFTER DELETE ON talk_talkee BEGIN
    DELETE FROM search_link WHERE person_id = OLD.person_id AND key = (
        SELECT CAST(julianday(t.date) AS INTEGER) * 10000000000
            + t.id * 8 + 3
        FROM talk AS t WHERE t.id = OLD.record_id);
END;

CREATE TRIGGER search_rectification_ai AFTER INSERT ON rectification_item BEGIN
    INSERT INTO search_text SELECT key, ledger, record_id, day, title, body, people
        FROM search_src_rectification WHERE record_id = NEW.id;
END;

CREATE TRIGGER search_rectification_au AFTER UPDATE ON rectification_item BEGIN
    DELETE FROM search_text WHERE id = CAST(julianday(OLD.found_date) AS INTEGER) * 10000000000
            + OLD.id * 8 + 4;
    INSERT INTO search_text SELECT key, ledger, record_id, day, title, body, people
        FROM search_src_rectification WHERE record_id = NEW.id;
END;

CREATE TRIGGER search_rectification_ad AFTER DELETE ON rectification_item BEGIN
    DELETE FROM search_text WHERE id = CAST(julianday(OLD.found_date) AS INTEGER) * 10000000000
            + OLD.id * 8 + 4;
END;

CREATE TRIGGER search_activity_ai AFTER INSERT ON activity BEGIN
    INSERT INTO search_text SELECT key, ledger, record_id, day, title, body, people
        FROM search_src_activity WHERE record_id = NEW.id;
END;

CREATE TRIGGER search_activity_au AFTER UPDATE ON activity BEGIN
    DELETE FROM search_text WHERE id = CAST(julianday(OLD.date) AS INTEGER) * 10000000000
            + OLD.id * 8 + 5;
    INSERT INTO search_text SELECT key, ledger, record_id, day, title, body, people
        FROM search_src_activity WHERE record_id = NEW.id;
    UPDATE search_link SET key = CAST(julianday(NEW.date) AS INTEGER) * 10000000000
            + NEW.id * 8 + 5
        WHERE key = CAST(julianday(OLD.date) AS INTEGER) * 10000000000
            + OLD.id * 8 + 5;
END;

CREATE TRIGGER search_activity_ad AFTER DELETE ON activity BEGIN
    DELETE FROM search_text WHERE id = CAST(julianday(OLD.date) AS INTEGER) * 10000000000
            + OLD.id * 8 + 5;
    DELETE FROM search_link WHERE key = CAST(julianday(OLD.date) AS INTEGER) * 10000000000
            + OLD.id * 8 + 5;
END;

CREATE TRIGGER search_activity_people_i AFTER INSERT ON activity_attendee BEGIN
    INSERT OR IGNORE INTO search_link
        SELECT NEW.person_id, CAST(julianday(t.date) AS INTEGER) * 10000000000
            + t.id * 8 + 5
        FROM activity AS t WHERE t.id = NEW.record_id;
END;

CREATE TRIGGER search_activity_people_d AFTER DELETE ON activity_attendee BEGIN
    DELETE FROM search_link WHERE person_id = OLD.person_id AND key = (
        SELECT CAST(julianday(t.date) AS INTEGER) * 10000000000
            + t.id * 8 + 5
        FROM activity AS t WHERE t.id = OLD.record_id);
END;

-- A person renamed: the records whose own row names them (links hold ids: nothing to do).
CREATE TRIGGER search_person_renamed AFTER UPDATE OF name ON person
WHEN OLD.name IS NOT NEW.name BEGIN
    UPDATE search_text SET people = (SELECT v.people FROM search_src_talk AS v
        WHERE v.key = search_text.id) WHERE id IN (SELECT key FROM search_src_talk
        WHERE record_id IN (SELECT id FROM talk WHERE talker_id = NEW.id));
    UPDATE search_text SET people = (SELECT v.people FROM search_src_rectification AS v
        WHERE v.key = search_text.id) WHERE id IN (SELECT key FROM search_src_rectification
        WHERE record_id IN (SELECT id FROM rectification_item WHERE owner_id = NEW.id));
END;

-- The records already in the file.

INSERT INTO search_text SELECT key, ledger, record_id, day, title, body, people
    FROM search_src_roster ORDER BY key;

INSERT INTO search_text SELECT key, ledger, record_id, day, title, body, people
    FROM search_src_warning_education ORDER BY key;

INSERT INTO search_text SELECT key, ledger, record_id, day, title, body, people
    FROM search_src_talk ORDER BY key;

INSERT INTO search_text SELECT key, ledger, record_id, day, title, body, people
    FROM search_src_rectification ORDER BY key;

INSERT INTO search_text SELECT key, ledger, record_id, day, title, body, people
    FROM search_src_activity ORDER BY key;

INSERT INTO search_link SELECT j.person_id, CAST(julianday(t.date) AS INTEGER) * 10000000000
            + t.id * 8 + 2
    FROM warning_session_attendee AS j JOIN warning_session AS t ON t.id = j.record_id;

INSERT INTO search_link SELECT j.person_id, CAST(julianday(t.date) AS INTEGER) * 10000000000
            + t.id * 8 + 3
    FROM talk_talkee AS j JOIN talk AS t ON t.id = j.record_id;

INSERT INTO search_link SELECT j.person_id, CAST(julianday(t.date) AS INTEGER) * 10000000000
            + t.id * 8 + 5
    FROM activity_attendee AS j JOIN activity AS t ON t.id = j.record_id;
