"""The window over the year: 回收站, a year without a plan, the app's today, unattended runs."""

import subprocess
import sys
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from lianzheng_desktop.core.periods import Quarter
from lianzheng_desktop.core.warnings import Warning, WarningLevel
from lianzheng_desktop.qt.checklist_page import by_urgency
from lianzheng_desktop.qt.main_window import MainWindow
from lianzheng_desktop.qt.window_pages import PAGE_NAMES
from lianzheng_desktop.storage import plans
from lianzheng_desktop.storage.audit import history

pytestmark = pytest.mark.gui


def window_on(qtbot, store, paths, today):
    win = MainWindow(store, paths, today=today)
    qtbot.addWidget(win)
    return win


def test_a_deleted_record_comes_back_from_the_trash_with_its_history(qtbot, demo_store, paths,
                                                                     answer_yes):
    win = window_on(qtbot, demo_store, paths, date(2022, 12, 31))
    page = win.ledger("activity")
    win.show_page("会议活动")
    before = page.model.total
    record = page.model.record(0)
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)  # asks (answered 是), then deletes
    assert page.model.total == before - 1
    trash_page = win.page("回收站")
    assert [e.record_id for e in trash_page.entries] == [record.id]
    assert trash_page.table.item(0, 1).text() == "会议活动"
    trash_page.table.selectRow(0)
    trash_page._on_restore()
    assert page.model.total == before  # the ledger page shows it again
    assert demo_store.get("activity", record.id).topic == record.topic
    assert [e.action for e in history(demo_store.db, "activity", record.id)] == [
        "create", "delete", "restore"]
    assert trash_page.entries == []


def test_restoring_a_record_entered_again_asks_first(qtbot, store, paths, monkeypatch):
    from lianzheng_desktop.qt.trash_page import TrashPage

    answers = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _p, title, text, *a: answers.append(text) or answers_given[0])
    answers_given = [QMessageBox.StandardButton.No]
    values = {"date": "2022-12-01", "type": "专题会议", "topic": "研究部署节前廉洁工作"}
    store.delete("activity", store.add("activity", values).id)
    store.add("activity", values)  # entered again by hand
    page = TrashPage(store)
    qtbot.addWidget(page)
    page.table.selectRow(0)
    page._on_restore()
    assert "已有一条相同的记录" in answers[0] and store.count("activity") == 1
    answers_given[0] = QMessageBox.StandardButton.Yes
    page._on_restore()
    assert store.count("activity") == 2 and page.entries == []


def test_home_offers_a_plan_in_place_when_the_year_has_none(qtbot, demo_store, paths):
    win = window_on(qtbot, demo_store, paths, date(2026, 11, 29))  # the demo is 2022's
    home = win.home
    assert not home.no_plan.isHidden()
    assert "尚无2026年度计划" in home.no_plan_text.text()
    # the year of the plan offered is named: it is not "上一年度" but four years back
    assert home.copy_plan_button.text() == "以软件自带的县总工会2022年计划为底稿…"
    assert "或以软件自带的县总工会2022年的计划为底稿再修改" in home.no_plan_text.text()
    assert home.import_plan_button.text() == "导入2026年工作要点…"
    assert home.summary.isHidden()  # the offer says there is no plan; not twice
    # the data's own year, said in place, not a bare "逾期 1521 天"
    assert not home.data_note.isHidden()
    assert "2022-11-24（2022年）" in home.data_note_text.text()
    home.data_year_button.click()
    assert home.selected_quarter() == Quarter(2022, 4)
    assert home.checklist is not None and home.no_plan.isHidden()
    assert not home.summary.isHidden() and home.summary.text().startswith("本季度 15 项要求")
    assert home.data_note.isHidden()


def test_starting_from_last_years_plan_copies_its_requirements(qtbot, demo_store, paths,
                                                              monkeypatch):
    """Asked first (a reviewer's click copied a four-year-old plan at once); 否 copies
    nothing."""
    from PySide6.QtWidgets import QMessageBox

    win = window_on(qtbot, demo_store, paths, date(2026, 11, 29))
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a: asked.append(a[2]) or
                        QMessageBox.StandardButton.No)
    win.home.copy_plan_button.click()
    assert "把软件自带的县总工会2022年度计划的各项要求复制为2026年度计划吗" in asked[0]
    assert plans.load_plan(demo_store, 2026) is None
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    win.home.copy_plan_button.click()
    copied = plans.load_plan(demo_store, 2026)
    assert copied is not None
    assert [r.text for r in copied.requirements] == [
        r.text for r in plans.load_plan(demo_store, 2022).requirements]
    assert win.home.no_plan.isHidden() and win.home.checklist is not None


def test_the_import_offer_opens_the_plan_pages_import(qtbot, demo_store, paths, monkeypatch):
    from lianzheng_desktop.qt.plan_page import PlanPage

    asked = []
    monkeypatch.setattr(PlanPage, "_on_import", lambda self, year=None: asked.append(year))
    win = window_on(qtbot, demo_store, paths, date(2026, 11, 29))
    win.home.import_plan_button.click()
    # for the year it offered (it imported into the text's year, or 2022 without one)
    assert asked == [2026] and win.stack.currentWidget() is win.page("年度计划")


def test_a_plan_asked_for_one_year_is_checked_for_that_year(qtbot, store):
    """The text names 2022 (last year's reused?), 2026 was asked for: 2026 is chosen and
    the dialog says the text differs; a text without a year goes to the year asked for."""
    from lianzheng_desktop.core.plan_parser import parse_plan
    from lianzheng_desktop.qt.plan_page import DraftDialog

    text = "2022年机关党支部工作要点\n一、责任\n1.会议。每季度召开党风廉政建设专题会议1次。\n"
    dialog = DraftDialog(parse_plan(text), None, {}, 2026)
    qtbot.addWidget(dialog)
    assert dialog.year_box.currentData() == 2026
    assert not dialog.year_note.isHidden() and "文件中写的是2022年" in dialog.year_note.text()
    dialog.year_box.setCurrentIndex(dialog.year_box.findData(2022))  # chosen as the text says
    assert dialog.year_note.isHidden()
    plain = DraftDialog(parse_plan(text.replace("2022年", "")), None, {}, 2026)
    qtbot.addWidget(plain)
    assert plain.year_box.currentData() == 2026 and plain.year_note.isHidden()


def test_reminders_most_urgent_first():
    quarterly = Warning(WarningLevel.BLUE, "本季度 0/1，还有 10 天", 10)
    yearly = Warning(WarningLevel.YELLOW, "全年进度落后，还有 100 天", 100)
    overdue = Warning(WarningLevel.RED, "逾期 3 天", -3)
    assert by_urgency([yearly, quarterly, overdue]) == [overdue, quarterly, yearly]


def test_ledger_colours_and_new_dates_follow_the_apps_today(qtbot, demo_store, paths):
    """--today 2022-09-30: XC-2022-05 (整改中, due 09-30) is due today: amber, not red."""
    from lianzheng_desktop.core.ledgers import LEDGERS

    column = [f.key for f in LEDGERS["rectification"].fields].index("deadline")
    colours = {}
    for today in (date(2022, 9, 30), date(2022, 10, 8)):
        win = window_on(qtbot, demo_store, paths, today)
        model = win.ledger("rectification").model
        row = next(r for r in range(model.rowCount()) if model.record(r).number == "XC-2022-05")
        colours[today] = model.data(model.index(row, column),
                                    Qt.ItemDataRole.ForegroundRole).color().name()
    assert colours == {date(2022, 9, 30): "#b26a00", date(2022, 10, 8): "#c62828"}


@pytest.fixture
def guard(no_unexpected_modal_dialog):
    """The autouse guard's record; emptied at the end, as the dialog here is on purpose."""
    yield no_unexpected_modal_dialog
    no_unexpected_modal_dialog.clear()


def test_a_modal_dialog_in_a_test_fails_it(qtbot, guard, demo_store):
    """tests/qt/conftest.py: an unexpected dialog raises at once and fails the test."""
    from PySide6.QtWidgets import QDialog

    from tests.qt.conftest import ModalDialogError

    with pytest.raises(ModalDialogError):
        QMessageBox.warning(None, "尚无2026年度计划", "……")
    with pytest.raises(ModalDialogError):
        QDialog().exec()
    assert guard == ["QMessageBox.warning: 尚无2026年度计划 / ……", "QDialog.exec: "]


def test_unattended_runs_answer_dialogs_at_once(qapp, monkeypatch, capsys):
    from PySide6.QtWidgets import QDialog

    from lianzheng_desktop.qt import app

    for name in ("question", "information", "warning", "critical", "about"):
        monkeypatch.setattr(QMessageBox, name, getattr(QMessageBox, name))
    monkeypatch.setattr(QDialog, "exec", QDialog.exec)
    monkeypatch.setattr(QMessageBox, "exec", QMessageBox.exec)
    seen = []
    app.never_wait_on_dialogs(seen.append)
    assert QMessageBox.question(None, "确认", "删除吗？") == QMessageBox.StandardButton.No
    dialog = QDialog()
    dialog.setWindowTitle("新增谈话记录")
    assert dialog.exec() == QDialog.DialogCode.Rejected
    assert seen == ["确认：删除吗？", "新增谈话记录"]
    assert "未显示对话框" in capsys.readouterr().err


def test_the_screenshot_run_finishes_on_the_real_date(tmp_path):
    db = tmp_path / "demo.db"
    run = [sys.executable, "-m", "lianzheng_desktop", "--db", str(db)]
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    subprocess.run([*run, "demo"], check=True, capture_output=True, env=env, timeout=120)
    shots = subprocess.run([*run, "--screenshot", str(tmp_path / "s")], capture_output=True,
                           env=env, timeout=120, text=True)
    assert shots.returncode == 0, shots.stderr
    assert len(list((tmp_path / "s").glob("*.png"))) == len(PAGE_NAMES)


def test_qts_own_dialogs_and_calendar_are_chinese_whatever_the_system(qapp, monkeypatch):
    from PySide6.QtCore import QCoreApplication, QLocale

    from lianzheng_desktop.qt.app import _install_chinese_translation

    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    _install_chinese_translation(qapp)
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "查找范围："
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    assert QLocale().monthName(3) == "三月"
    assert QLocale().dayName(1) == "星期一"


def test_emptying_the_trash_backs_up_first_what_no_backup_held(qtbot, paths, monkeypatch):
    """revloss2 H-2: "不能再恢复（已做的备份中仍有）" — a record entered and deleted since the
    day's backup was in no backup, and emptying lost it for good. A backup is made first,
    and the question says so."""
    import sqlite3
    import zipfile

    from lianzheng_desktop.qt.trash_page import TrashPage
    from lianzheng_desktop.storage.db import open_db
    from lianzheng_desktop.storage.store import Store

    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _p, _t, text, *a: asked.append(text)
                        or QMessageBox.StandardButton.Yes)
    store = Store(open_db(paths.db_path))
    record = store.add("activity", {"date": "2022-12-01", "type": "专题会议",
                                    "topic": "今天录入又删除的会议"})
    store.delete("activity", record.id)
    page = TrashPage(store, paths)
    qtbot.addWidget(page)
    page._on_empty()
    assert "已做的备份中仍有" not in asked[0] and "清空回收站前备份" in asked[0]
    assert "保留最近 5 次的" in asked[0]  # not kept for ever (revloss3 TB-1)
    assert page.entries == []
    [kept] = paths.backups_dir.glob("廉政台账清空回收站前备份-*.zip")
    with zipfile.ZipFile(kept) as archive:
        (paths.backups_dir / "held.db").write_bytes(archive.read("lianzheng.db"))
    held = sqlite3.connect(paths.backups_dir / "held.db")
    assert held.execute("SELECT title FROM trash").fetchall() == [
        ("2022-12-01　今天录入又删除的会议",)]
    held.close()
