"""The window's import: the plan shown before writing, and a second import adds nothing."""

from datetime import date, datetime

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from lianzheng_desktop.core.ledgers import LEDGERS, to_values
from lianzheng_desktop.interchange.xlsx import export_workbook
from lianzheng_desktop.paths import AppPaths
from lianzheng_desktop.qt.import_timing import LATE, ON_TIME
from lianzheng_desktop.qt.main_window import MainWindow
from lianzheng_desktop.qt.workbook_actions import ImportCheckDialog
from lianzheng_desktop.storage.audit import data_problems
from lianzheng_desktop.storage.db import open_db
from lianzheng_desktop.storage.store import Store

pytestmark = pytest.mark.gui


@pytest.fixture
def dialogs(monkeypatch):
    """Every message box recorded instead of shown; questions get ``answers`` in turn."""
    seen: list[tuple[str, str]] = []
    answers: list[QMessageBox.StandardButton | str] = []

    def record(kind):
        def show(parent, title, text, *args, **kwargs):
            seen.append((kind, text))
            if kind == "question":
                return answers.pop(0)
            return QMessageBox.StandardButton.Ok
        return show

    for kind in ("question", "information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, kind, record(kind))

    def choose(box):  # a box with buttons of its own: the one named next in ``answers``
        seen.append(("choice", box.text()))
        answer = answers.pop(0) if answers and isinstance(answers[0], str) else ON_TIME
        next(b for b in box.buttons() if b.text() == answer).click()

    monkeypatch.setattr(QMessageBox, "exec", choose)

    def check(dialog):  # the import's own check: a question when it has 是/否
        asks = dialog.buttons.button(QDialogButtonBox.StandardButton.Yes) is not None
        seen.append(("question" if asks else "information", dialog.said()))
        return asks and answers.pop(0) == QMessageBox.StandardButton.Yes

    monkeypatch.setattr(ImportCheckDialog, "exec", check)
    return seen, answers


@pytest.fixture
def window(qtbot, tmp_path):
    store = Store(open_db(":memory:"), clock=lambda: datetime(2022, 12, 31, 17))
    win = MainWindow(store, AppPaths(tmp_path / "lianzheng.db"), today=date(2022, 12, 31))
    qtbot.addWidget(win)
    return win, store


def test_the_plan_is_confirmed_before_writing_and_a_second_import_adds_nothing(
        window, dialogs, demo_store, tmp_path):
    win, store = window
    seen, answers = dialogs
    export_workbook(demo_store, tmp_path / "a.xlsx")

    answers.append(QMessageBox.StandardButton.No)
    assert win.import_workbook(tmp_path / "a.xlsx") is False
    kind, text = seen[-1]
    assert kind == "question" and "新增 50 条，已存在 0 条（跳过），冲突 0 条" in text
    assert "是否导入这 50 条新记录" in text
    assert store.is_empty()  # "No" wrote nothing

    answers.append(QMessageBox.StandardButton.Yes)
    assert win.import_workbook(tmp_path / "a.xlsx") is True
    assert seen[-1][0] == "information" and "已导入：新增 50 条" in seen[-1][1]
    assert store.count("activity") == 21
    assert QApplication.overrideCursor() is None  # the wait cursor is gone again
    assert win.ledger("activity").model.rowCount() == 21  # the page shows them

    asked = len([s for s in seen if s[0] == "question"])
    assert win.import_workbook(tmp_path / "a.xlsx") is False
    assert len([s for s in seen if s[0] == "question"]) == asked  # nothing to confirm
    kind, text = seen[-1]
    assert kind == "information" and "没有新记录，未导入任何记录" in text
    assert "新增 0 条，已存在 50 条（跳过），冲突 0 条" in text
    assert store.count("activity") == 21


@pytest.mark.parametrize("choice", [ON_TIME, LATE, "取消"])
def test_records_long_past_are_marked_late_only_if_the_secretary_says_so(
        window, dialogs, demo_store, tmp_path, choice):
    """A union moving its Excel ledgers into the app printed "（补录）" on every row of
    every appendix, with "是事情发生7天以后才记入台账的记录" — what a 纪委 reads as a ledger
    filled in afterwards (a reviewer). Whether the Excel ledger was kept on time only the
    secretary knows: she is asked, and a record edited later keeps the answer."""
    win, store = window
    seen, answers = dialogs
    export_workbook(demo_store, tmp_path / "a.xlsx")
    answers.extend([QMessageBox.StandardButton.Yes, choice])
    assert win.import_workbook(tmp_path / "a.xlsx") is (choice != "取消")
    asked = next(text for kind, text in seen if kind == "choice")
    assert "日期距今天已超过7天" in asked and "当时已按时记在本单位的 Excel 台账中" in asked
    talks = store.list("talk")
    if choice == "取消":
        assert store.is_empty()
        return
    old = next(t for t in talks if t.date < date(2022, 12, 1))
    assert old.late_entry is (choice == LATE)
    assert all(t.late_entry is (choice == LATE) for t in talks if t.date < date(2022, 12, 1))
    store.update("talk", old.id, {**to_values(LEDGERS["talk"], old), "summary": "改了摘要"})
    assert store.get("talk", old.id).late_entry is (choice == LATE)  # the edit keeps it
    moved = to_values(LEDGERS["talk"], store.get("talk", old.id))
    store.update("talk", old.id, {**moved, "date": old.date.replace(day=1 if old.date.day > 1
                                                                    else 2)})
    assert store.get("talk", old.id).late_entry is (choice == LATE)  # so does a date fixed
    assert data_problems(store) == []  # the trail holds what was stored


def test_bad_input_is_one_warning(window, dialogs, tmp_path):
    win, store = window
    seen, _ = dialogs
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    assert win.import_workbook(tmp_path / "old.xls") is False
    assert seen == [("warning", seen[0][1])] and ".xls" in seen[0][1]
    assert QApplication.overrideCursor() is None


def test_export_from_the_window_names_what_it_cleaned(window, dialogs, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    win, store = window
    seen, _ = dialogs
    store.add("roster", {"name": "王建国", "role": "书记"})
    store.add("activity", {"date": "2022-03-08", "type": "其他", "topic": "=HYPERLINK(1)",
                           "summary": "第一段\x0b第二段"})
    target = tmp_path / "out.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    win._on_export()
    kind, text = seen[-1]
    assert kind == "information" and "会议活动 1 条" in text
    assert "注意：会议活动 第2行“内容摘要”列含有表格文件不能保存的控制字符" in text
    assert target.exists()
