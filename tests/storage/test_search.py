"""The search index: same answers as the ledger's LIKE filter, kept in step with every write."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from lianzheng_desktop.core.demo import PROFILE, demo_year
from lianzheng_desktop.storage import db as db_module
from lianzheng_desktop.storage import search
from lianzheng_desktop.storage.db import migrate, open_db
from lianzheng_desktop.storage.demo_loader import load_entries
from lianzheng_desktop.storage.store import Query, Store
from tests.conftest import FIXED_NOW

EVENT_LEDGERS = ("warning_education", "talk", "rectification", "activity")


def like_count(store: Store, text: str, ledgers=tuple(search.CODES)) -> int:
    """What the ledger pages' LIKE filter finds, over ``ledgers``."""
    return sum(store.count(key, Query(search=text)) for key in ledgers)


@pytest.mark.parametrize("text", ["赵明", "警示教育", "巡察", "党", "XC-2022", "xc-2022-0", "Xc",
                                  "李秀梅", "明", "整改中", "一岗双责", "不在任何记录里的话"])
def test_finds_what_the_like_filter_finds(demo_store, text):
    total, hits = search.search(demo_store, text, limit=1000)
    assert total == like_count(demo_store, text)
    assert len(hits) == total
    for ledger in search.CODES:
        assert search.search(demo_store, text, ledger)[0] == like_count(demo_store, text,
                                                                         (ledger,))


def test_every_term_must_appear(demo_store):
    both, hits = search.search(demo_store, "赵明 警示", limit=1000)
    only_name = {(h.ledger, h.record_id) for h in search.search(demo_store, "赵明", limit=1000)[1]}
    only_word = {(h.ledger, h.record_id) for h in search.search(demo_store, "警示", limit=1000)[1]}
    assert 0 < both < len(only_name)
    assert {(h.ledger, h.record_id) for h in hits} == only_name & only_word


def test_pages_are_newest_first_and_the_total_rides_along(demo_store):
    total, first = search.search(demo_store, "党", limit=10)
    _, second = search.search(demo_store, "党", limit=10, offset=10)
    assert total > 20
    days = [h.day for h in first + second if h.day]
    assert days == sorted(days, reverse=True)
    assert {(h.ledger, h.record_id) for h in first}.isdisjoint(
        (h.ledger, h.record_id) for h in second)
    assert search.search(demo_store, "党", limit=10, offset=10_000)[0] == total


def test_snippet_marks_the_term(demo_store):
    _, hits = search.search(demo_store, "巡察", "talk")
    assert any("【巡察】" in h.snippet for h in hits)


def test_empty_query_finds_nothing(demo_store):
    assert search.search(demo_store, "   ") == (0, [])


def test_index_follows_adds_edits_deletes_and_renames(store):
    store.add("roster", {"name": "赵明", "role": "党员"})
    store.add("roster", {"name": "钱多", "role": "党员"})
    added = store.add("activity", {"date": "2022-05-06", "type": "廉政学习",
                                   "topic": "学习条例", "attendees": "赵明", "summary": "甲乙丙丁"})
    assert search.search(store, "甲乙丙")[0] == 1
    assert search.search(store, "赵明", "activity")[0] == 1
    store.update("activity", added.id, {"date": "2022-06-01", "type": "廉政学习",
                                        "topic": "学习条例", "attendees": "钱多",
                                        "summary": "戊己庚"})
    assert search.search(store, "甲乙丙")[0] == 0
    assert search.search(store, "戊己庚")[0] == 1
    assert search.search(store, "赵明", "activity")[0] == 0
    assert search.search(store, "钱多", "activity")[1][0].day == date(2022, 6, 1)
    person = next(p for p in store.list("roster") if p.name == "钱多")
    store.update("roster", person.id, {"name": "钱多多", "role": "党员"})
    assert search.search(store, "钱多多", "activity")[0] == 1
    assert search.search(store, "钱多多", "roster")[0] == 1
    store.delete("activity", added.id)
    assert search.search(store, "戊己庚")[0] == 0
    assert search.search(store, "钱多多")[0] == 1  # the person only


def test_migration_backfills_records_already_in_the_file(tmp_path, monkeypatch):
    everything = db_module.migrations()
    monkeypatch.setattr(db_module, "migrations",
                        lambda: [m for m in everything if not m.name.startswith("0010")])
    database = open_db(tmp_path / "old.db")
    store = Store(database, clock=lambda: FIXED_NOW)
    load_entries(store, demo_year(), PROFILE)
    monkeypatch.setattr(db_module, "migrations", lambda: everything)
    assert "0010_search" in migrate(database)
    for text in ("赵明", "巡察整改", "党"):
        assert search.search(store, text)[0] == like_count(store, text) > 0
    database.close()


def test_person_activity_matches_the_ledgers(demo_store):
    name, year = "赵明", 2022
    found = search.person_activity(demo_store, name, year)

    def ids(ledger, keep):
        return sorted(r.id for r in demo_store.list(ledger) if keep(r))

    def in_year(day):
        return day.year == year

    assert sorted(h.record_id for h in found.sessions_attended) == ids(
        "warning_education", lambda r: name in r.attendees and in_year(r.date))
    assert sorted(h.record_id for h in found.talks_received) == ids(
        "talk", lambda r: name in r.talkees and in_year(r.date))
    assert sorted(h.record_id for h in found.talks_given) == ids(
        "talk", lambda r: r.talker == name and in_year(r.date))
    assert sorted(h.record_id for h in found.activities_attended) == ids(
        "activity", lambda r: name in r.attendees and in_year(r.date))
    assert sorted(h.record_id for h in found.items_owned) == ids(
        "rectification", lambda r: r.owner == name)
    assert found.sessions_attended and found.activities_attended and found.items_owned
    leader = search.person_activity(demo_store, "李秀梅", 2022)
    assert leader.talks_given and all(h.ledger == "talk" for h in leader.talks_given)
    assert search.person_activity(demo_store, name, 2021).activities_attended == []


def test_items_still_open_count_in_the_next_year(store):
    store.add("roster", {"name": "赵明", "role": "党员"})
    store.add("rectification", {"source": "巡察反馈", "description": "旧问题", "owner": "赵明",
                                "found_date": "2021-11-01", "deadline": "2022-03-01",
                                "status": "整改中"})
    assert [h.title for h in search.person_activity(store, "赵明", 2022).items_owned] == ["旧问题"]
    assert search.person_activity(store, "赵明", 2020).items_owned == []


def test_links_follow_a_new_date_and_go_with_the_record(store):
    store.add("roster", {"name": "赵明", "role": "党员"})
    values = {"date": "2022-05-06", "type": "廉政学习", "topic": "学习条例", "attendees": "赵明"}
    record = store.add("activity", values)
    store.update("activity", record.id, {**values, "date": "2021-03-01"})
    total, hits = search.search(store, "赵明", "activity")
    assert total == 1 and hits[0].day == date(2021, 3, 1)
    store.db.execute("UPDATE activity SET date = '2020-01-01' WHERE id = ?", [record.id])
    total, hits = search.search(store, "赵明", "activity")
    assert total == 1 and hits[0].day == date(2020, 1, 1)
    store.delete("activity", record.id)
    assert search.search(store, "赵明", "activity")[0] == 0
    assert store.db.execute("SELECT count(*) FROM search_link").fetchone()[0] == 0


@pytest.mark.parametrize("text", ["党", "明", "赵明 党"])
def test_a_term_too_common_to_list_is_scanned_with_the_same_answer(demo_store, monkeypatch,
                                                                  text):
    expected = search.search(demo_store, text, limit=1000)
    monkeypatch.setattr(search, "MAX_EXPANSION", 1)
    assert search.search(demo_store, text, limit=1000) == expected
    if " " not in text:
        assert expected[0] == like_count(demo_store, text)


def test_bulk_writes_with_the_index_rebuilt_after(store):
    with search.index_rebuilt_after(store):
        load_entries(store, demo_year(), PROFILE)
        assert search.search(store, "巡察整改")[0] == 0  # not yet indexed
    for text in ("巡察整改", "赵明", "党"):
        assert search.search(store, text)[0] == like_count(store, text) > 0
    added = store.add("activity", {"date": "2022-05-06", "type": "廉政学习", "topic": "甲乙丙丁"})
    assert search.search(store, "甲乙丙")[1][0].record_id == added.id  # triggers are back


def test_a_failed_bulk_write_leaves_the_index_as_it_was(demo_store):
    before = search.search(demo_store, "党")
    with pytest.raises(RuntimeError), search.index_rebuilt_after(demo_store):
        demo_store.add("activity", {"date": "2022-05-06", "type": "廉政学习", "topic": "党课"})
        raise RuntimeError
    assert search.search(demo_store, "党") == before
    added = demo_store.add("activity", {"date": "2022-05-06", "type": "廉政学习",
                                        "topic": "甲乙丙丁"})
    assert search.search(demo_store, "甲乙丙")[1][0].record_id == added.id


@pytest.mark.parametrize("ledger", EVENT_LEDGERS)
@pytest.mark.parametrize("query", [
    Query(search="党"), Query(search="赵明", limit=3, offset=1),
    Query(search="赵明 学习", start=date(2022, 3, 1), end=date(2022, 6, 30)),
    Query(search="巡察", oldest_first=True), Query(search="明", type="谈心谈话"),
    Query(search="整改", type="已完成", start=date(2022, 3, 18), end=date(2022, 3, 18)),
])
def test_ledger_page_matches_the_store_filter(demo_store, ledger, query):
    if " " in (query.search or ""):  # the LIKE filter takes a space literally: one term each
        first, second = query.search.split()
        wanted = [r.id for r in demo_store.list(ledger, replace(query, search=first, limit=None,
                                                                offset=0))
                  if r.id in {x.id for x in demo_store.list(ledger, replace(query, search=second,
                                                                            limit=None, offset=0))}]
        total, ids = search.ledger_page(demo_store, ledger, query)
        assert (total, ids) == (len(wanted), wanted)
        return
    total, ids = search.ledger_page(demo_store, ledger, query)
    assert total == demo_store.count(ledger, query)
    assert ids == [r.id for r in demo_store.list(ledger, query)]


def test_the_ledger_filter_the_index_and_printing_agree_on_several_words(demo_store):
    """"赵明 零容忍": every word must appear, whether the list is answered by the index
    (the ledger page), by LIKE (a sorted list, 打印台账) or by 查找."""
    from lianzheng_desktop.storage import search
    from lianzheng_desktop.storage.store import Query

    query = Query(search="李秀梅 零容忍")
    by_like = [r.id for r in demo_store.list("warning_education", query)]
    total, by_index = search.ledger_page(demo_store, "warning_education", query)
    assert by_like and sorted(by_like) == sorted(by_index) and total == len(by_like)
    assert demo_store.list("warning_education", Query(search="李秀梅 没有这个词")) == []
