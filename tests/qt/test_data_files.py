"""文件 → 新建数据文件 / 打开数据文件 / 最近打开, the title bar, and the demo's own file."""

import argparse
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from lianzheng_desktop.core.report_model import SECTION_HEADINGS, ReportPeriod
from lianzheng_desktop.paths import AppPaths
from lianzheng_desktop.qt import data_files
from lianzheng_desktop.qt.backup_actions import choose_and_verify
from lianzheng_desktop.qt.first_start import FirstStartDialog, run_first_start
from lianzheng_desktop.qt.main_window import MainWindow
from lianzheng_desktop.storage import backup, lock
from lianzheng_desktop.storage.db import open_db
from lianzheng_desktop.storage.store import Store

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, demo_store, paths, no_unexpected_modal_dialog):
    recent = data_files.RecentFiles(QSettings(str(paths.data_dir / "最近.ini"),
                                              QSettings.Format.IniFormat))
    win = MainWindow(demo_store, paths, today=date(2022, 12, 31), recent=recent)
    qtbot.addWidget(win)
    return win


def test_the_title_names_the_file_and_the_unit(window):
    assert window.windowTitle() == "lianzheng.db — 县总工会 — 廉政台账"
    # the name is joined up (U+2060, unseen) so that a line never breaks inside it
    assert "数据文件：lianzheng.db" in window.header.text().replace("\u2060", "")


def test_recent_files_most_recent_first_missing_ones_greyed_with_a_note(window, tmp_path):
    older, newer = tmp_path / "2021年.db", tmp_path / "示范数据.db"
    older.write_bytes(b"")
    window.recent.add(older)
    window.recent.add(newer)  # does not exist (any more)
    window.recent.add(window._paths.db_path)  # the open one goes back on top
    window._fill_recent()
    entries = [a for a in window.recent_menu.actions() if not a.isSeparator()]
    texts = [a.text() for a in entries]
    assert texts[:3] == ["&1 lianzheng.db", "&2 示范数据.db（找不到该文件）", "&3 2021年.db"]
    assert [a.isEnabled() for a in entries[:3]] == [False, False, True]
    assert entries[0].isChecked()  # the file now open
    assert texts[-1] == "清空列表"


def test_the_recent_list_is_kept_in_the_settings(tmp_path):
    settings = QSettings(str(tmp_path / "r.ini"), QSettings.Format.IniFormat)
    data_files.RecentFiles(settings).add(tmp_path / "a.db")
    data_files.RecentFiles(settings).add(tmp_path / "b.db")
    again = QSettings(str(tmp_path / "r.ini"), QSettings.Format.IniFormat)
    assert data_files.RecentFiles(again).files() == [tmp_path / "b.db", tmp_path / "a.db"]


def test_opening_another_file_keeps_the_typed_report_text_and_closes(
        qtbot, window, demo_store, paths, tmp_path):
    from tests.qt.test_report_page import type_chinese

    window.show()
    window.show_page("述廉述责报告")
    page = window.report
    page.set_period(ReportPeriod(2022, 3))
    editor = page.editors[SECTION_HEADINGS[1]]
    page.tabs.setCurrentWidget(editor)
    editor.setFocus()
    type_chinese(editor, "本人严守纪律")
    target = tmp_path / "另一个.db"
    assert window.open_data_file(target)
    assert window.switch_to == target and not window.isVisible()
    from lianzheng_desktop.qt.report_page import ReportPage

    again = ReportPage(demo_store, paths, today=date(2022, 12, 31))
    qtbot.addWidget(again)
    again.show()
    assert again.editors[SECTION_HEADINGS[1]].toPlainText() == "本人严守纪律"


def test_a_file_of_another_program_is_refused_and_the_window_stays(window, tmp_path,
                                                                   monkeypatch):
    foreign = tmp_path / "通讯录.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[1:3]))
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *a, **k: (str(foreign), data_files.FILE_FILTER))
    window.show()
    window.open_file_action.trigger()
    assert shown and shown[0][0] == "无法打开数据文件" and "不是廉政台账的数据文件" in shown[0][1]
    assert window.switch_to is None and window.isVisible()


def test_a_new_data_file_never_takes_over_an_existing_file(window, tmp_path, monkeypatch):
    existing = tmp_path / "旧的.db"
    existing.write_bytes(b"keep me")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(existing), data_files.FILE_FILTER))
    window.new_file_action.trigger()
    assert window.switch_to is None and "不会覆盖" in shown[0]
    assert existing.read_bytes() == b"keep me"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "2023年"), data_files.FILE_FILTER))
    window.new_file_action.trigger()
    assert window.switch_to == tmp_path / "2023年.db"


def _first_start_answering(monkeypatch, demo: bool, unit: str = ""):
    def exec_(dialog):
        dialog.load_demo.setChecked(demo)
        dialog.unit_name.setText(unit)
        return 1

    monkeypatch.setattr(FirstStartDialog, "exec", exec_)


@pytest.mark.parametrize("unit", ["", "县档案馆"])
def test_the_demo_never_touches_the_default_data_file(qapp, tmp_path, monkeypatch, unit,
                                                       no_unexpected_modal_dialog):
    paths = AppPaths(tmp_path / "lianzheng.db")
    lock.acquire(paths.db_path)
    store = Store(open_db(paths.db_path, backup_dir=paths.backups_dir))
    try:
        _first_start_answering(monkeypatch, demo=True, unit=unit)
        recent = data_files.RecentFiles(None)
        demo = run_first_start(store, paths, recent)
        assert demo == tmp_path / "示范数据.db"
        assert recent.files() == [paths.db_path]  # the way back from the demo
        assert store.is_empty()  # not one demo record in the user's own file
        assert store.profile().unit_name == unit  # what the user typed is theirs
    finally:
        store.db.close()
        lock.release(paths.db_path)
    demo_store = Store(open_db(demo, check=False))
    assert not demo_store.is_empty() and demo_store.profile().unit_name == "县总工会"
    demo_store.db.close()


def test_run_app_opens_the_demo_then_goes_back_to_the_own_file(qapp, tmp_path, monkeypatch,
                                                               no_unexpected_modal_dialog):
    """The whole way, as a user goes: first start with the demo, the window opens on
    示范数据.db, 最近打开 → lianzheng.db reopens the user's own (still empty) file."""
    from lianzheng_desktop.qt.app import run_app

    monkeypatch.setattr(data_files, "recent_settings",
                        lambda: QSettings(str(tmp_path / "最近打开.ini"),
                                          QSettings.Format.IniFormat))
    _first_start_answering(monkeypatch, demo=True, unit="县档案馆")
    own = tmp_path / "lianzheng.db"
    shown = []

    def show(win):
        shown.append((win._paths.db_path.name, win.windowTitle()))
        QMainWindow.show(win)
        if len(shown) == 1:
            entry = next(a for a in win.recent_menu.actions() if "lianzheng.db" in a.text())
            QTimer.singleShot(0, entry.trigger)  # 最近打开 → the own file
        else:
            QTimer.singleShot(0, win.close)

    monkeypatch.setattr(MainWindow, "show", show)
    args = argparse.Namespace(db=str(own), screenshot=None, exit_after_start=False,
                              today=date(2022, 12, 31))
    assert run_app(args) == 0
    assert shown == [("示范数据.db", "示范数据.db — 县总工会 — 廉政台账"),
                     ("lianzheng.db", "lianzheng.db — 县档案馆 — 廉政台账")]
    store = Store(open_db(own, check=False))
    assert store.is_empty()
    store.db.close()
    # each file took the day's backup into its own folder, and let go of its lock
    assert list((tmp_path / "备份" / "示范数据").glob("廉政台账自动备份-*.zip"))
    assert list((tmp_path / "备份").glob("廉政台账自动备份-*.zip"))
    assert str(Path(f"{(tmp_path / '示范数据.db').resolve()}.lock")) not in lock._HELD


def test_the_demo_opens_on_a_day_of_its_own_year(qapp, tmp_path, monkeypatch,
                                                 no_unexpected_modal_dialog):
    """revnew N-demo-1: "先看示范数据" opened the 2022 demo on today's date — an empty
    checklist and an item 1,522 days overdue. It opens on 2022-09-30 and says it is the demo
    and how to go back; her own file opens on the real day."""
    from lianzheng_desktop.app.session import DEMO_DAY
    from lianzheng_desktop.qt.app import run_app

    monkeypatch.setattr(data_files, "recent_settings",
                        lambda: QSettings(str(tmp_path / "最近打开.ini"),
                                          QSettings.Format.IniFormat))
    _first_start_answering(monkeypatch, demo=True, unit="县档案馆")
    shown = []

    def show(win):
        shown.append((win._paths.db_path.name, win._today, win.header.text()))
        QMainWindow.show(win)
        if len(shown) == 1:
            entry = next(a for a in win.recent_menu.actions() if "lianzheng.db" in a.text())
            QTimer.singleShot(0, entry.trigger)
        else:
            QTimer.singleShot(0, win.close)

    monkeypatch.setattr(MainWindow, "show", show)
    args = argparse.Namespace(db=str(tmp_path / "lianzheng.db"), screenshot=None,
                              exit_after_start=False, today=None)
    assert run_app(args) == 0
    (demo, demo_day, demo_header), (own, own_day, own_header) = shown
    assert demo == "示范数据.db" and demo_day == DEMO_DAY == date(2022, 9, 30)
    assert "示范数据</b>，按2022-09-30显示（回到本单位的台账：文件 → 最近打开）" in demo_header
    assert own == "lianzheng.db" and own_day == date.today() and "示范数据" not in own_header


def test_restore_from_another_files_backup_asks_with_a_warning(window, demo_store, paths,
                                                               tmp_path, monkeypatch):
    other = AppPaths(tmp_path / "示范数据.db")
    zipped = backup.create_backup(demo_store.db.conn, other, folder=tmp_path / "usb")
    asked = []

    def warning(parent, title, text, *args):
        asked.append((title, text))
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "warning", warning)
    assert choose_and_verify(window, str(zipped), paths=paths, store=demo_store) is None
    (title, text), = asked
    assert title == "备份来自别处" and "来自数据文件“示范数据.db”" in text
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert choose_and_verify(window, str(zipped), paths=paths, store=demo_store) == zipped


def test_restore_says_what_the_work_since_the_backup_was_is_taken_out(window, demo_store,
                                                                      paths, monkeypatch):
    """A reviewer's restore took the day's records and report text out of the file; the
    question said only "现在的数据会先另行备份，不会丢失" (true, and into a zip she never opens)."""
    from datetime import datetime

    from lianzheng_desktop.core.report_model import SECTION_HEADINGS, ReportPeriod
    from lianzheng_desktop.storage import drafts
    from lianzheng_desktop.storage.reports import save_texts

    demo_store.clock = lambda: datetime(2023, 1, 5, 9)
    zipped = backup.create_backup(demo_store.db.conn, paths, folder=paths.data_dir / "usb",
                                  now=datetime(2023, 1, 5, 9))
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _p, title, text, *a: asked.append(text)
                        or QMessageBox.StandardButton.No)
    choose_and_verify(window, str(zipped), paths=paths, store=demo_store)
    assert "这份备份之后" not in asked[-1]  # nothing since: nothing to say
    demo_store.clock = lambda: datetime(2023, 1, 5, 15)
    demo_store.add("activity", {"date": "2023-01-05", "type": "专题会议", "topic": "年初部署"})
    save_texts(demo_store, ReportPeriod(2022), {SECTION_HEADINGS[1]: "本人严守纪律。"})
    drafts.save(demo_store, "talk", 0, {"summary": "谈了一半"})
    choose_and_verify(window, str(zipped), paths=paths, store=demo_store)
    assert ("这份备份之后，新增、修改或删除了 1 条台账记录，改写了 1 份报告的文字，"
            "有 1 张表填了一半还没有保存；恢复后这些都不在现在的数据中，"
            "只留在恢复前自动做的备份里。") in asked[-1]
    # a requirement's mark and note, and 设置, go too: said (reviewer revclose2, finding 7)
    from dataclasses import replace

    from lianzheng_desktop.storage import plans

    first = plans.load_plan(demo_store, 2022).requirements[0]
    plans.update_requirement(demo_store, replace(first, note="已于11月完成，见会议记录"))
    demo_store.save_profile(replace(demo_store.profile(), org_name="县总工会机关第一党支部"))
    choose_and_verify(window, str(zipped), paths=paths, store=demo_store)
    assert ("这份备份之后，新增、修改或删除了 1 条台账记录，修改了年度计划（导入、要求的修改或"
            "标记等 1 处），修改了“设置”中的单位信息，改写了 1 份报告的文字，") in asked[-1]
    # a plan check cut short and a pasted plan text go too: named as what they are, not
    # counted among the half-filled forms (revclose3 A)
    from lianzheng_desktop.storage import paste_draft, plan_check

    text = "2023年工作要点\n一、学习\n1.每季度开展一次集中学习。\n"
    paste_draft.keep(demo_store, text, 2023)
    plan_check.save(demo_store, text, 2023, [first], [], edits=2)
    choose_and_verify(window, str(zipped), paths=paths, store=demo_store)
    assert ("有 1 张表填了一半还没有保存，核对2023年工作要点时修改或补充了 2 项要求，还没有保存"
            "计划，粘贴的工作要点文字还没有导入；") in asked[-1], asked[-1]
    # a 修改要求 form cut short is on 年度计划, not a "张表" of the ledgers (revclose4)
    from lianzheng_desktop.storage import requirement_drafts

    requirement_drafts.keep(demo_store, 2022, replace(first, note="改了一半"), was=first)
    choose_and_verify(window, str(zipped), paths=paths, store=demo_store)
    assert "有 1 张表填了一半还没有保存，年度计划中有 1 项要求改了一半还没有保存，" in asked[-1], \
        asked[-1]
    # a scanned sign-in sheet attached and a report kept as handed in go too (revclose3 E)
    from lianzheng_desktop.storage.attachments import add_attachment
    from lianzheng_desktop.storage.reports import record_version

    scan = paths.data_dir / "签到表.txt"
    scan.write_text("签到", encoding="utf-8")
    add_attachment(demo_store, paths.attachments_dir, "activity",
                   demo_store.list("activity")[0].id, scan)
    record_version(demo_store, ReportPeriod(2022), scan, {})
    choose_and_verify(window, str(zipped), paths=paths, store=demo_store)
    assert "添加或移除了 1 份佐证材料，改写了 1 份报告的文字，保存了 1 份报告的留存版本，" \
        in asked[-1], asked[-1]


def test_a_window_opened_without_the_background_check_says_what_happened_to_the_file(
        qapp, tmp_path, monkeypatch):
    """revdiff4 F6: opened through 文件 → 打开, 最近打开, the demo switch or a restore's
    restart, the notices of what happened to the file (its 佐证材料 folder taken over from
    its old name) went to stderr only — no console on the Windows build."""
    from lianzheng_desktop.qt.app import run_app
    from lianzheng_desktop.storage.attachments import add_attachment

    old = AppPaths(tmp_path / "旧名.db")
    store = Store(open_db(old.db_path))
    record = store.add("activity", {"date": "2022-06-01", "type": "专题会议", "topic": "部署"})
    source = tmp_path / "签到表.txt"
    source.write_text("签到", encoding="utf-8")
    add_attachment(store, old.attachments_dir, "activity", record.id, source)
    store.close()
    (tmp_path / "旧名.db").rename(tmp_path / "新名.db")  # she renamed it, the app closed
    said = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda _parent, title, text, *a: said.append((title, text)))

    def show(win):
        QMainWindow.show(win)
        QTimer.singleShot(50, win.close)

    monkeypatch.setattr(MainWindow, "show", show)
    args = argparse.Namespace(db=str(tmp_path / "新名.db"), screenshot=None,
                              exit_after_start=False, today=date(2022, 12, 31))
    assert run_app(args) == 0  # no check beside the start: as a switch or restart opens
    assert any("旧名_附件" in text and "新名_附件" in text for _, text in said), said
    assert (tmp_path / "新名_附件").is_dir()
