"""Arbitrary input never crashes, never stores an invalid row; valid input round-trips."""

from datetime import date, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lianzheng_desktop.core.errors import UserError, ValidationError
from lianzheng_desktop.core.ledgers import LEDGERS, build_record, to_values
from lianzheng_desktop.storage.db import open_db
from lianzheng_desktop.storage.store import Store

ROSTER = ["王建国", "刘芳", "𠀀𪚥", "李👍"]
anything = st.one_of(
    st.none(), st.text(max_size=40), st.integers(), st.floats(allow_nan=True),
    st.booleans(), st.dates(), st.datetimes(), st.lists(st.text(max_size=5), max_size=3),
    st.sampled_from(["2022-02-30", "2022/3/5", "是", "否", "其他", "专题会议", "已完成",
                     "王建国", "刘芳、王建国", "'); DROP TABLE talk;--", "x" * 200]),
)
FAST = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])


def fresh_store():
    store = Store(open_db(":memory:"), clock=lambda: datetime(2022, 12, 31, 17))
    for name in ROSTER:
        store.add("roster", {"name": name, "role": "党员"})
    return store


STORE = fresh_store()


@FAST
@given(ledger=st.sampled_from(list(LEDGERS)), data=st.data())
def test_arbitrary_values_are_rejected_with_messages_or_accepted(ledger, data):
    spec = LEDGERS[ledger]
    values = {f.key: data.draw(anything, label=f.key) for f in spec.fields}
    try:
        record = build_record(spec, values, set(ROSTER), today=date(2022, 12, 31))
    except ValidationError as exc:
        assert exc.errors and all(e.message and e.label for e in exc.errors)
        return
    again = build_record(spec, to_values(spec, record), set(ROSTER), today=date(2022, 12, 31))
    assert again == record


@FAST
@given(ledger=st.sampled_from(["warning_education", "talk", "rectification", "activity"]),
       data=st.data())
def test_the_store_keeps_exactly_what_it_accepted_and_nothing_else(ledger, data):
    spec = LEDGERS[ledger]
    values = {f.key: data.draw(anything, label=f.key) for f in spec.fields}
    before = STORE.count(ledger)
    try:
        record = STORE.add(ledger, values)
    except UserError:
        assert STORE.count(ledger) == before
        return
    stored = STORE.get(ledger, record.id)
    assert to_values(spec, stored) == to_values(spec, record)


RARE = ["𠀀𪚥𫝀（扩展B区汉字）", "表情👍🏻🇨🇳", "\"引号\"与'单引号'", "'); DROP TABLE talk;--",
        "换行\n第二行", "长" * 10_000]


def test_rare_text_is_stored_and_shown_exactly():
    store = fresh_store()
    for text in RARE:
        record = store.add("activity", {"date": "2022-03-08", "type": "其他", "topic": "题",
                                        "summary": text})
        assert store.get("activity", record.id).summary == text
    assert store.count("activity") == len(RARE)
    names = store.get("activity", store.add("activity", {
        "date": "2022-03-08", "type": "其他", "topic": "𠀀𪚥", "attendees": "𠀀𪚥、李👍"}).id)
    assert names.attendees == ("𠀀𪚥", "李👍") and names.topic == "𠀀𪚥"


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(st.lists(anything, min_size=3, max_size=5), min_size=1, max_size=4))
def test_the_importer_never_crashes_and_is_all_or_nothing(rows, tmp_path_factory):
    from openpyxl import Workbook

    from lianzheng_desktop.interchange.xlsx import import_workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "会议活动"
    sheet.append(["日期*", "类型*", "主题*", "参加人员", "内容摘要"])
    for row in rows:
        cells = []
        for value in row:
            if isinstance(value, list):
                value = "、".join(value)
            if isinstance(value, float) and value != value:
                value = None
            if isinstance(value, str):  # Excel refuses control characters
                value = "".join(ch for ch in value if ch.isprintable() or ch in "\n\t")
            cells.append(value)
        sheet.append(cells)
    path = tmp_path_factory.mktemp("xlsx") / "in.xlsx"
    try:
        book.save(path)
    except (ValueError, TypeError):
        return  # openpyxl itself refused the value; nothing to import
    store = fresh_store()
    try:
        result = import_workbook(store, path)
    except UserError:
        assert store.count("activity") == 0
        return
    if result.problems:
        assert store.count("activity") == 0
    else:
        assert store.count("activity") == result.counts["会议活动"]
