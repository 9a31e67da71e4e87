"""查找 and 人员 pages, and 打印台账 (no dialog is left waiting)."""

from __future__ import annotations

from datetime import date

import pdfplumber
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from lianzheng_desktop.core.ledgers import LEDGERS
from lianzheng_desktop.qt import print_ledger as printing
from lianzheng_desktop.qt.person_page import PersonPage
from lianzheng_desktop.qt.search_page import PAUSE_MS, SearchPage
from lianzheng_desktop.storage.store import Query


def test_typing_searches_once_after_the_pause(qtbot, demo_store):
    page = SearchPage(demo_store)
    qtbot.addWidget(page)
    qtbot.keyClicks(page.box, "XC-2022-0")  # nine keys (QTest types Latin letters only)
    assert page.queries_run == 0 and page.table.rowCount() == 0  # nothing while typing
    qtbot.waitUntil(lambda: page.queries_run == 1, timeout=PAUSE_MS * 8)
    qtbot.wait(PAUSE_MS * 2)
    assert page.queries_run == 1
    assert page.table.rowCount() > 0
    for row in range(page.table.rowCount()):
        found = page.hit_at(row)
        record = demo_store.get(found.ledger, found.record_id)
        assert record.number.startswith("XC-2022-0")
    assert page.table.item(0, 0).text() in {spec.label for spec in LEDGERS.values()}
    assert page.count_label.text().startswith("共 ")


def test_double_click_asks_to_open_the_record(qtbot, demo_store):
    page = SearchPage(demo_store)
    qtbot.addWidget(page)
    page.box.setText("赵明")
    page.run_search()
    opened = []
    page.open_record.connect(lambda ledger, record_id: opened.append((ledger, record_id)))
    page.table.itemDoubleClicked.emit(page.table.item(2, 1))
    assert opened == [(page.hit_at(2).ledger, page.hit_at(2).record_id)]


def test_ledger_choice_narrows_and_nothing_found_says_so(qtbot, demo_store):
    page = SearchPage(demo_store)
    qtbot.addWidget(page)
    page.box.setText("赵明")
    page.ledger.setCurrentIndex(page.ledger.findData("talk"))
    assert page.table.rowCount() > 0
    assert {page.hit_at(r).ledger for r in range(page.table.rowCount())} == {"talk"}
    page.box.setText("没有这样的话")
    page.run_search()
    assert page.table.rowCount() == 0 and page.count_label.text() == "没有找到"


def test_person_page_shows_the_year_with_counts(qtbot, demo_store):
    page = PersonPage(demo_store, today=date(2022, 9, 30))
    qtbot.addWidget(page)
    page.choose("赵明", 2022)
    sections = {page.tree.topLevelItem(i).text(0): page.tree.topLevelItem(i).childCount()
                for i in range(page.tree.topLevelItemCount())}
    expected = {f"{heading}（{len(hits)}）": len(hits) for heading, hits in page.activity.sections()
                if hits or "负责的会议" not in heading}
    assert sections == expected
    assert sections["参加会议活动（14）"] == 14
    assert "赵明 2022年" in page.summary.text() and "参加会议活动 14 次" in page.summary.text()
    opened = []
    page.open_record.connect(lambda ledger, record_id: opened.append(ledger))
    activity = next(page.tree.topLevelItem(i) for i in range(page.tree.topLevelItemCount())
                    if page.tree.topLevelItem(i).text(0).startswith("参加会议活动"))
    page.tree.itemDoubleClicked.emit(activity.child(0), 0)
    page.tree.itemDoubleClicked.emit(activity, 0)  # a heading opens nothing
    assert opened == ["activity"]


def _no_dialog_open() -> bool:
    return not [w for w in QApplication.topLevelWidgets()
                if isinstance(w, QDialog) and w.isVisible()]


def test_print_writes_the_filtered_ledger_and_leaves_no_dialog(qtbot, demo_store, tmp_path,
                                                               monkeypatch):
    target = tmp_path / "会议活动台账"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    query = Query(start=date(2022, 7, 1), end=date(2022, 9, 30), limit=3)
    path = printing.print_ledger(None, demo_store, LEDGERS["activity"], query,
                                 today=date(2022, 10, 8))
    assert path == target.with_name("会议活动台账.pdf") and path.exists()
    wanted = demo_store.list("activity", Query(start=query.start, end=query.end))
    assert len(wanted) > 3  # all of them, not the page the table had loaded
    assert shown and f"{len(wanted)} 条" in shown[0]
    with pdfplumber.open(path) as pdf:
        text = "".join(page.extract_text() for page in pdf.pages)
    assert "县总工会会议活动台账" in text and "2022年7月1日至2022年9月30日" in text
    assert _no_dialog_open()


def test_print_cancelled_writes_nothing(qtbot, demo_store, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    assert printing.print_ledger(None, demo_store, LEDGERS["talk"], Query(),
                                 today=date(2022, 10, 8), folder=tmp_path) is None
    assert list(tmp_path.iterdir()) == []
    assert _no_dialog_open()


def test_person_page_names_the_day_someone_left_and_keeps_them_chosen(qtbot, demo_store):
    page = PersonPage(demo_store, today=date(2022, 9, 30))
    qtbot.addWidget(page)
    page.choose("何军", 2022)
    assert page.person.currentText() == "何军（2022-08-14 离岗）"
    page.refresh()  # after records changed elsewhere: still on him
    assert page.person.currentData() == "何军"
