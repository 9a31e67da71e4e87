"""设置 shows the file as it is and saves only what she edits: a rename of the 书记 made in
人员名册 is never written back over; a save the disk refuses keeps her typing on the page
and says so in Chinese, and closing the window asks first (revclose2 findings 3 and 12;
revnew N-xl-3 and N-union-1)."""

import sqlite3
from datetime import date

import pytest
from PySide6.QtWidgets import QMessageBox

from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.core.ledgers import LEDGERS, to_values
from lianzheng_desktop.qt.main_window import MainWindow
from lianzheng_desktop.qt.settings_page import SettingsPage
from lianzheng_desktop.storage import builtin_plan, plans
from lianzheng_desktop.storage.errors import DISK_FULL

pytestmark = pytest.mark.gui

SECRETARY = 1  # 王建国, 书记 (demo data)


@pytest.fixture
def window(qtbot, demo_store, paths):
    win = MainWindow(demo_store, paths, today=date(2022, 9, 30))
    qtbot.addWidget(win)
    win.show()
    return win


def rename(store, person_id: int, name: str) -> None:
    values = to_values(LEDGERS["roster"], store.get("roster", person_id))
    store.update("roster", person_id, {**values, "name": name})


def test_passing_through_settings_does_not_undo_a_rename_of_the_secretary(window, demo_store):
    window.show_page("设置")  # built and shown with 王建国
    settings = window.page("设置")
    window.show_page("首页")
    rename(demo_store, SECRETARY, "王健国")  # 人员名册 → 修改: 设置's 书记 follows
    window.ledger("roster")._after_change()
    assert demo_store.profile().secretary_name == "王健国"
    window.show_page("设置")  # only looked at
    assert settings.secretary.text() == "王健国"
    window.show_page("首页")
    assert demo_store.profile().secretary_name == "王健国"


def test_only_the_fields_she_edited_are_saved(window, demo_store):
    window.show_page("设置")
    settings = window.page("设置")
    settings.org_name.setText("县总工会机关第二党支部")  # typed, not yet saved
    rename(demo_store, SECRETARY, "王健国")  # meanwhile, by another path, unannounced
    window.show_page("首页")
    profile = demo_store.profile()
    assert (profile.unit_name, profile.org_name, profile.secretary_name) == (
        "县总工会", "县总工会机关第二党支部", "王健国")


def disk_full(*_args):
    try:
        raise sqlite3.OperationalError("database or disk is full")
    except sqlite3.Error as exc:
        raise UserError(DISK_FULL) from exc


def test_a_save_the_disk_refuses_keeps_the_typing_and_says_so_in_chinese(
        window, demo_store, monkeypatch):
    window.show_page("设置")
    settings = window.page("设置")
    monkeypatch.setattr(demo_store, "save_profile", disk_full)
    settings.org_name.setText("县总工会机关第二党支部")
    window.show_page("首页")  # leaving the page tries to save: no error out of hideEvent
    said = settings.saved_label.text()
    assert said.startswith("单位信息没有保存（磁盘空间已满）") and "Error" not in said
    assert said.count("。") == 1  # one sentence
    window.show_page("设置")  # shown again: her typing is still there, not reloaded away
    assert settings.org_name.text() == "县总工会机关第二党支部"
    assert settings.saved_label.text() == said
    asked = []

    def keep_open(*args, **_kwargs):
        asked.append(args[1])
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", keep_open)
    window.close()
    assert asked == ["单位信息未能保存"] and window.isVisible()
    monkeypatch.undo()  # the disk has room again
    window.close()
    assert demo_store.profile().org_name == "县总工会机关第二党支部"


def test_settings_points_to_the_backup_not_to_the_excel_export(qtbot, demo_store, paths):
    page = SettingsPage(demo_store, paths)
    qtbot.addWidget(page)
    from PySide6.QtWidgets import QLabel

    texts = " ".join(label.text() for label in page.findChildren(QLabel))
    assert "文件 → 备份到…" in texts and "导出 Excel" not in texts


@pytest.mark.parametrize(("unit", "kept"), [("县审计局", False), ("县总工会", True)])
def test_another_units_name_drops_the_untouched_union_plan(qtbot, store, paths, unit, kept):
    builtin_plan.seed_builtin_plan(store)
    assert plans.plan_years(store) == [builtin_plan.BUILTIN_YEAR]
    page = SettingsPage(store, paths)
    qtbot.addWidget(page)
    page.show()
    page.unit_name.setText(unit)
    page._on_save()
    assert store.profile().unit_name == unit
    assert plans.plan_years(store) == ([builtin_plan.BUILTIN_YEAR] if kept else [])


def test_home_stops_offering_the_union_plan_once_settings_names_another_unit(
        qtbot, store, paths):
    builtin_plan.seed_builtin_plan(store)
    window = MainWindow(store, paths, today=date(2026, 11, 30))
    qtbot.addWidget(window)
    window.show()
    assert window.home.copy_plan_button.isVisibleTo(window.home)  # the union's 2022 plan
    window.show_page("设置")
    window.page("设置").unit_name.setText("县妇联")
    window.show_page("首页")
    assert store.profile().unit_name == "县妇联" and plans.plan_years(store) == []
    assert not window.home.copy_plan_button.isVisibleTo(window.home)


def test_a_half_typed_unit_name_kept_by_the_timer_does_not_drop_the_union_plan(
        qtbot, store, paths):
    """She typed "县", paused to find the next character: the autosave took "县" for another
    unit's name and dropped the shipped union plan for good (reviewer revlast2, 1)."""
    builtin_plan.seed_builtin_plan(store)
    page = SettingsPage(store, paths)
    qtbot.addWidget(page)
    page.show()
    page.unit_name.setText("县")
    page.unit_name.textEdited.emit("县")
    qtbot.waitUntil(lambda: store.profile().unit_name == "县", timeout=3000)  # kept as typed
    assert plans.plan_years(store) == [builtin_plan.BUILTIN_YEAR]
    page.unit_name.setText("县总工会")
    page.unit_name.textEdited.emit("县总工会")
    page.hide()  # done with it: a union keeps its plan
    assert store.profile().unit_name == "县总工会"
    assert plans.plan_years(store) == [builtin_plan.BUILTIN_YEAR]
    page.show()
    page.unit_name.setText("县妇联")
    page.unit_name.textEdited.emit("县妇联")
    qtbot.waitUntil(lambda: store.profile().unit_name == "县妇联", timeout=3000)
    assert plans.plan_years(store) == [builtin_plan.BUILTIN_YEAR]  # still typing, perhaps
    page.hide()  # left with another unit's name: not hers
    assert plans.plan_years(store) == []
