"""查找: one search over every ledger, and what one person did in a year.

The index (migration 0010) keeps one row per record in ``search_text`` — its title, the
rest of its text and the names in its own row (talker, owner, host) — and a trigram
full-text index over it (``search_fts``). A row's id orders rows newest first and carries
its ledger's code, so "this ledger, newest first, one page" and the count are answered by
the index alone. Attendees and talkees are links (``search_link``: person, row id): a term
that some roster name contains also finds the records linked to those people.

Trigrams are three characters long. A term of three or more characters is a phrase of
them; a shorter one (a two-character name such as 赵明, or 党 alone) is the first one or two
characters of some trigram (every indexed value ends in two spaces, so even the last
characters of a text begin one), and the index's vocabulary lists those trigrams: the term
becomes "any of them".
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date

from lianzheng_desktop.core.ledgers import LEDGERS
from lianzheng_desktop.storage.store import Query, Store
from lianzheng_desktop.storage.tables import TABLES

SNIPPET_CHARS = 60  # about one line of the results list
CODES = {"roster": 1, "warning_education": 2, "talk": 3, "rectification": 4, "activity": 5}
_TRIGRAM = 3
# A one-character term can begin thousands of different trigrams in long texts; past this
# many the term is matched by a scan of search_text instead (correct, only slower).
MAX_EXPANSION = 400
_DAY = 10_000_000_000  # a search_text id: day number * _DAY + record id * 8 + ledger code
# Every name on a listed record, in the record's order (read for the listed rows only).
_NAMES = ("CASE s.id % 8 " + " ".join(
    f"WHEN {code} THEN (SELECT v.names FROM search_src_{key} AS v"
    " WHERE v.record_id = s.record_id)" for key, code in CODES.items()) + " END")


@dataclass(frozen=True)
class Hit:
    """One record found: enough to list it and to open it in its ledger."""

    ledger: str
    record_id: int
    day: date | None
    title: str
    snippet: str  # the text around the first match, or the start of the record's text
    names: str = ""


def _terms(text: str) -> list[str]:
    return [term for term in text.split() if term]


def _phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _like(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _expand(store: Store, term: str) -> list[str] | None:
    """The indexed trigrams that begin with ``term`` (None: too many to list)."""
    low = term.lower()  # the trigram tokenizer folds case
    rows = store.db.execute(
        "SELECT term FROM search_vocab WHERE term >= ? AND term < ? LIMIT ?",
        [low, low + "\U0010ffff", MAX_EXPANSION + 1]).fetchall()
    if len(rows) > MAX_EXPANSION:
        return None
    return [row[0] for row in rows]


def _matching(store: Store, terms: list[str],
              ledger: str | None) -> tuple[str, list[object], bool]:
    """SQL selecting the ids of matching search_text rows, its parameters, and whether it
    is the index alone (then counting it is cheap and a second statement pages it)."""
    index_only: list[str] = []  # MATCH groups of terms no roster name contains
    parts: list[tuple[str, list[object]]] = []  # (SQL of ids, parameters) per other term
    for term in terms:
        grams = [term] if len(term) >= _TRIGRAM else _expand(store, term)
        people = [row[0] for row in store.db.execute(
            "SELECT id FROM person WHERE name LIKE ? ESCAPE '\\'", [_like(term)])]
        if grams is None:  # too common to list: the slow, sure way
            text_sql = ("SELECT id FROM search_text WHERE (title || char(10) || body"
                        " || char(10) || people) LIKE ? ESCAPE '\\'")
            text_params: list[object] = [_like(term)]
        elif grams:
            group = " OR ".join(_phrase(g) for g in grams)
            if not people:
                index_only.append(f"({group})")
                continue
            text_sql = "SELECT rowid AS id FROM search_fts WHERE search_fts MATCH ?"
            text_params = [f"({group})"]
        elif not people:
            return "SELECT 0 AS id WHERE 0", [], True  # in no record
        else:
            text_sql, text_params = "", []
        # Attendees and talkees are found through their links (see migration 0010).
        linked = (f"SELECT key AS id FROM search_link WHERE person_id IN"
                  f" ({', '.join('?' * len(people))})") if people else ""
        sql = " UNION ".join(part for part in (text_sql, linked) if part)
        parts.append((sql, [*text_params, *people]))
    code = f" % 8 = {CODES[ledger]}" if ledger is not None else ""
    if index_only and not parts:
        sql = "SELECT rowid AS id FROM search_fts WHERE search_fts MATCH ?"
        return sql + (f" AND rowid{code}" if code else ""), [" AND ".join(index_only)], True
    if index_only:
        parts.insert(0, ("SELECT rowid AS id FROM search_fts WHERE search_fts MATCH ?",
                         [" AND ".join(index_only)]))
    params: list[object] = []
    for _sql, part_params in parts:
        params += part_params
    source = (" INTERSECT ".join(f"SELECT id FROM ({sql})" for sql, _ in parts)
              if parts else "SELECT id FROM search_text")
    where = f" WHERE id{code}" if code else ""
    return f"SELECT id FROM ({source}){where}", params, False


def ledger_page(store: Store, ledger: str, query: Query) -> tuple[int, list[int]]:
    """The ledger page's text filter through the index: (how many, the page's record ids).

    Honours the query's dates, type, limit, offset and direction; the order is the ledger
    page's own (date, then record id). For the event ledgers (the roster is listed in an
    order of its own; its LIKE filter is fast enough on a roster's few hundred names).
    """
    spec = LEDGERS[ledger]
    matching, params, _ = _matching(store, _terms(query.search or ""), ledger)
    clauses: list[str] = []
    if query.start:
        clauses.append("id >= ?")
        params.append(_day_number(query.start) * _DAY)
    if query.end:
        clauses.append("id < ?")
        params.append((_day_number(query.end) + 1) * _DAY)
    if query.type and spec.type_field:
        clauses.append(f"(id % {_DAY}) / 8 IN (SELECT id FROM {TABLES[ledger].table}"
                       f" WHERE {spec.type_field} = ?)")
        params.append(query.type)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    selected = f"SELECT id FROM ({matching}){where}"
    total = store.db.execute(f"SELECT count(*) FROM ({selected})", params).fetchone()[0]
    direction = "ASC" if query.oldest_first else "DESC"
    page = f"SELECT (id % {_DAY}) / 8 FROM ({selected}) ORDER BY id {direction}"
    page_params = list(params)
    if query.limit is not None:
        page += " LIMIT ? OFFSET ?"
        page_params += [query.limit, query.offset]
    return total, [row[0] for row in store.db.execute(page, page_params)]


def _day_number(day: date) -> int:
    """SQLite's CAST(julianday(day) AS INTEGER)."""
    return day.toordinal() + 1_721_424


def search(store: Store, text: str, ledger: str | None = None, *, limit: int = 100,
           offset: int = 0) -> tuple[int, list[Hit]]:
    """(how many records match, the page of them), newest first.

    Every whitespace-separated term must appear (in the text or the names), ASCII
    letters matched regardless of case. An empty query finds nothing.

    When the index alone answers, the count and the page are two statements on purpose:
    the index counts from its lists alone (about 4 ms for 25,000 matches among 100,000)
    and pages by id (under 1 ms), while one statement with a window count reads every
    match's id (about 13 ms). When links to people take part, one statement gives both.
    """
    terms = _terms(text)
    if not terms:
        return 0, []
    matching, params, index_only = _matching(store, terms, ledger)
    columns = f"s.ledger, s.record_id, s.day, s.title, s.body, {_NAMES}"
    if index_only:
        total = store.db.execute(f"SELECT count(*) FROM ({matching})", params).fetchone()[0]
        rows = [(total, *row) for row in store.db.execute(
            f"SELECT {columns} FROM search_text AS s WHERE s.id IN"
            f" (SELECT id FROM ({matching}) ORDER BY id DESC LIMIT ? OFFSET ?)"
            " ORDER BY s.id DESC", [*params, limit, offset])]
    else:
        rows = store.db.execute(
            f"WITH page AS (SELECT id, count(*) OVER () AS total FROM ({matching})"
            " ORDER BY id DESC LIMIT ? OFFSET ?)"
            f" SELECT page.total, {columns} FROM page JOIN search_text AS s ON s.id = page.id"
            " ORDER BY s.id DESC", [*params, limit, offset]).fetchall()
        if rows:
            total = rows[0][0]
        elif offset:  # past the last page: the count still answers
            total = store.db.execute(f"SELECT count(*) FROM ({matching})", params).fetchone()[0]
        else:
            total = 0
    hits = [Hit(ledger=r[1], record_id=r[2], day=_day(r[3]), title=r[4].strip(),
                snippet=snippet(r[4], r[5], r[6], terms), names=r[6].strip()) for r in rows]
    return total, hits


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def snippet(title: str, body: str, names: str, terms: list[str],
            width: int = SNIPPET_CHARS) -> str:
    """The text around the first term found outside the title, with the term in 【】.

    When the terms are only in the title, the start of the body (or the names) stands in.
    """
    for text in (body, names):
        flat = " ".join(text.split())
        lowered = flat.lower()
        for term in terms:
            at = lowered.find(term.lower())
            if at < 0:
                continue
            start = max(0, at - width // 3)
            end = min(len(flat), start + width)
            marked = (flat[start:at] + "【" + flat[at:at + len(term)] + "】"
                      + flat[at + len(term):end])
            return ("…" if start > 0 else "") + marked + ("…" if end < len(flat) else "")
    flat = " ".join((" ".join(body.split()) or names).split())
    return flat[:width] + ("…" if len(flat) > width else "")


# -- one person's year -------------------------------------------------------------------

@dataclass
class PersonActivity:
    """What one person did in one year, each list newest first."""

    name: str
    year: int
    sessions_attended: list[Hit] = field(default_factory=list)  # 警示教育 参加
    sessions_hosted: list[Hit] = field(default_factory=list)  # 警示教育 主持
    talks_given: list[Hit] = field(default_factory=list)  # 谈话人
    talks_received: list[Hit] = field(default_factory=list)  # 谈话对象
    items_owned: list[Hit] = field(default_factory=list)  # 整改责任人
    activities_attended: list[Hit] = field(default_factory=list)  # 会议活动 参加
    activities_hosted: list[Hit] = field(default_factory=list)  # 会议活动 负责人

    def sections(self) -> list[tuple[str, list[Hit]]]:
        """(heading, records) in the order the person page shows them."""
        return [
            ("参加警示教育", self.sessions_attended),
            ("主持警示教育", self.sessions_hosted),
            ("作为谈话人", self.talks_given),
            ("作为谈话对象", self.talks_received),
            ("负责的整改事项", self.items_owned),
            ("参加会议活动", self.activities_attended),
            ("负责的会议活动", self.activities_hosted),
        ]


def person_activity(store: Store, name: str, year: int) -> PersonActivity:
    """The person's sessions, talks, rectification items and activities in ``year``.

    Events count by their date. A rectification item counts when it was found in the year
    or was still open at some point of it (found earlier, not completed before the year).
    Hosts are free text: a session's 主持人 (and an activity's 负责人 where the file has
    one) count when they are exactly the name.
    """
    first, last = f"{year:04d}-01-01", f"{year:04d}-12-31"
    found = PersonActivity(name, year)
    row = store.db.execute("SELECT id FROM person WHERE name = ?", [name]).fetchone()
    person_id = row[0] if row else -1
    span = "t.date BETWEEN ? AND ?"

    def hits(ledger: str, code: int, sql: str, params: list[object]) -> list[Hit]:
        date_column = "found_date" if ledger == "rectification" else "date"
        key = f"CAST(julianday(t.{date_column}) AS INTEGER) * 10000000000 + t.id * 8 + {code}"
        query = (f"SELECT s.record_id, s.day, s.title, s.body, {_NAMES} FROM search_text AS s"
                 f" WHERE s.id IN ({sql.replace('SELECT t.id', f'SELECT {key}', 1)})"
                 " ORDER BY s.id DESC")
        return [Hit(ledger, r[0], _day(r[1]), r[2].strip(), snippet(r[2], r[3], r[4], []),
                    r[4].strip()) for r in store.db.execute(query, params)]

    found.sessions_attended = hits(
        "warning_education", 2,
        f"SELECT t.id FROM warning_session AS t JOIN warning_session_attendee AS j"
        f" ON j.record_id = t.id WHERE j.person_id = ? AND {span}", [person_id, first, last])
    found.sessions_hosted = hits(
        "warning_education", 2,
        f"SELECT t.id FROM warning_session AS t WHERE {_NAMED_IN} AND {span}",
        [name, first, last])
    found.talks_given = hits(
        "talk", 3, f"SELECT t.id FROM talk AS t WHERE t.talker_id = ? AND {span}",
        [person_id, first, last])
    found.talks_received = hits(
        "talk", 3,
        f"SELECT t.id FROM talk AS t JOIN talk_talkee AS j ON j.record_id = t.id"
        f" WHERE j.person_id = ? AND {span}", [person_id, first, last])
    found.items_owned = hits(
        "rectification", 4,
        "SELECT t.id FROM rectification_item AS t WHERE t.owner_id = ? AND t.found_date <= ?"
        " AND (t.found_date >= ? OR t.completed_date IS NULL OR t.completed_date >= ?)",
        [person_id, last, first, first])
    found.activities_attended = hits(
        "activity", 5,
        f"SELECT t.id FROM activity AS t JOIN activity_attendee AS j ON j.record_id = t.id"
        f" WHERE j.person_id = ? AND {span}", [person_id, first, last])
    found.activities_hosted = hits(
        "activity", 5, f"SELECT t.id FROM activity AS t WHERE {_NAMED_IN} AND {span}",
        [name, first, last])
    return found


# A host field may name several people ("张三、李四"): the name between separators.
_NAMED_IN = ("instr('、' || replace(replace(t.host, '，', '、'), ',', '、') || '、',"
             " '、' || ? || '、') > 0")


def record_years(store: Store) -> list[int]:
    """Every year some record falls in, newest first."""
    rows = store.db.execute("SELECT min(day), max(day) FROM search_text WHERE day IS NOT NULL")
    first, last = rows.fetchone()
    if first is None:
        return []
    return list(range(int(last[:4]), int(first[:4]) - 1, -1))


@contextmanager
def index_rebuilt_after(store: Store) -> Iterator[Store]:
    """One transaction for writing thousands of records (an Excel import): the full-text
    index is rebuilt once at the end instead of being written record by record.

    SQLite 3.40's FTS5 writes its pending terms out at every statement a trigger runs it
    from, which makes each record cost about 60 µs more than the index itself needs (see
    benchmarks/search_bench.py); rebuilding reads search_text once. search_text and the
    links are still kept by their triggers. If the block fails, the transaction, the
    triggers included, is rolled back.
    """
    with store.atomic():
        triggers = store.db.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
            " AND tbl_name = 'search_text'").fetchall()
        for name, _sql in triggers:
            store.db.execute(f"DROP TRIGGER {name}")
        yield store
        store.db.execute("INSERT INTO search_fts (search_fts) VALUES ('rebuild')")
        for _name, sql in triggers:
            store.db.execute(sql)
