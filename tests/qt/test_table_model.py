from datetime import date

import pytest

from lianzheng_desktop.core.ledgers import LEDGERS
from lianzheng_desktop.qt.table_model import PAGE_SIZE, RECORD_ROLE, RecordTableModel
from lianzheng_desktop.storage.store import Query

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("ledger", list(LEDGERS))
def test_every_ledger_model_passes_the_model_tester(qtmodeltester, demo_store, ledger):
    model = RecordTableModel(demo_store, LEDGERS[ledger])
    model.set_query(Query(), today=date(2022, 9, 30))
    assert model.rowCount() == demo_store.count(ledger)
    qtmodeltester.check(model)


def test_rows_carry_their_record(demo_store):
    model = RecordTableModel(demo_store, LEDGERS["talk"])
    model.set_query(Query())
    record = model.data(model.index(0, 0), RECORD_ROLE)
    assert record == demo_store.list("talk")[0]
    assert model.data(model.index(0, 0)) == record.date.isoformat()


def test_a_large_ledger_is_fetched_page_by_page(qtmodeltester, store):
    store.add("roster", {"name": "王建国", "role": "书记"})
    with store.atomic():
        for day in range(1, 29):
            for n in range(40):
                store.add("activity", {"date": f"2022-02-{day:02d}", "type": "廉政学习",
                                       "topic": f"学习{day}-{n}"})
    model = RecordTableModel(store, LEDGERS["activity"])
    model.set_query(Query())
    assert model.total == 28 * 40
    assert model.rowCount() == PAGE_SIZE  # not every row at once
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 2 * PAGE_SIZE
    qtmodeltester.check(model)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 28 * 40


def test_rectification_deadline_colours(demo_store):
    model = RecordTableModel(demo_store, LEDGERS["rectification"])
    model.set_query(Query(), today=date(2022, 10, 8))
    deadline_column = [f.key for f in LEDGERS["rectification"].fields].index("deadline")
    colours = {}
    from PySide6.QtCore import Qt

    for row in range(model.rowCount()):
        record = model.record(row)
        brush = model.data(model.index(row, deadline_column), Qt.ItemDataRole.ForegroundRole)
        colours[record.number] = brush.color().name()
    assert colours["XC-2022-05"] == "#c62828"  # 整改中, deadline 09-30: overdue → red
    assert colours["XC-2022-01"] == "#2e7d32"  # done → green


def test_late_entries_are_marked(demo_store):
    model = RecordTableModel(demo_store, LEDGERS["warning_education"])
    model.set_query(Query())
    late_column = model.columnCount() - 1
    marks = {model.record(r).topic: model.data(model.index(r, late_column))
             for r in range(model.rowCount())}
    assert marks["学习县纪委通报的工会系统违纪违法典型案例"] == "补录"
    assert marks["观看警示教育专题片《零容忍》"] == ""


@pytest.mark.parametrize("ledger", [key for key in LEDGERS if key != "roster"])
@pytest.mark.parametrize("text", ["赵明", "党", "XC-2022"])
def test_a_text_filter_lists_what_the_store_lists_through_the_index(demo_store, ledger, text):
    model = RecordTableModel(demo_store, LEDGERS[ledger])
    model.set_query(Query(search=text))
    assert model.through_index()
    assert model.total == demo_store.count(ledger, Query(search=text))
    assert [model.record(r).id for r in range(model.rowCount())] == \
        [r.id for r in demo_store.list(ledger, Query(search=text))]


def test_the_index_pages_a_large_filtered_ledger(qtmodeltester, store):
    store.add("roster", {"name": "王建国", "role": "书记"})
    with store.atomic():
        for n in range(PAGE_SIZE * 2 + 30):
            store.add("activity", {"date": f"2022-{1 + n % 12:02d}-{1 + n % 28:02d}",
                                   "type": "廉政学习", "topic": f"学习{n:04d}"})
            store.add("activity", {"date": "2022-03-01", "type": "廉政学习", "topic": "其他"})
    model = RecordTableModel(store, LEDGERS["activity"])
    model.set_query(Query(search="学习0"))
    assert model.through_index() and model.total == PAGE_SIZE * 2 + 30
    assert model.rowCount() == PAGE_SIZE
    while model.canFetchMore():
        model.fetchMore()
    wanted = store.list("activity", Query(search="学习0"))
    assert [model.record(r).id for r in range(model.rowCount())] == [r.id for r in wanted]
    qtmodeltester.check(model)


def test_the_roster_and_a_sorted_list_keep_the_store_filter(demo_store):
    roster = RecordTableModel(demo_store, LEDGERS["roster"])
    roster.set_query(Query(search="赵"))
    assert not roster.through_index()
    assert roster.total == demo_store.count("roster", Query(search="赵"))
    talks = RecordTableModel(demo_store, LEDGERS["talk"])
    talks.sort(0)
    talks.set_query(Query(search="赵明"))
    assert not talks.through_index()
    assert talks.total == demo_store.count("talk", Query(search="赵明"))


def test_the_late_mark_has_a_colour_of_its_own(demo_store):
    """revscreen 11.3: 补录 was the orange of the legend's “5天内到期” just below it."""
    from PySide6.QtCore import Qt

    from lianzheng_desktop.core.warnings import WarningLevel
    from lianzheng_desktop.qt.table_model import _DONE_COLOUR

    model = RecordTableModel(demo_store, LEDGERS["warning_education"])
    model.set_query(Query())
    late = model.columnCount() - 1
    row = next(r for r in range(model.rowCount()) if model.data(model.index(r, late)) == "补录")
    colour = model.data(model.index(row, late), Qt.ItemDataRole.ForegroundRole).color().name()
    deadline_colours = {level.colour for level in WarningLevel} | {_DONE_COLOUR}
    assert colour not in deadline_colours
