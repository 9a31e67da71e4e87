import pytest
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from lianzheng_desktop.qt.fonts import ensure_cjk_font
from lianzheng_desktop.qt.plan_page import DraftDialog, PlanPage
from lianzheng_desktop.storage.plans import load_plan

pytestmark = pytest.mark.gui


def test_importing_a_plan_shows_the_draft_then_stores_it(qtbot, store, monkeypatch, tmp_path):
    from pathlib import Path

    source = Path(__file__).resolve().parents[1] / "fixtures" / "plans" / "county-government-2022.txt"
    plan_file = tmp_path / "县政府2023.txt"
    plan_file.write_text(source.read_text(encoding="utf-8").replace("2022年", "2023年"),
                         encoding="utf-8")
    page = PlanPage(store)
    qtbot.addWidget(page)
    seen = {}

    def confirm(dialog):
        seen["rows"] = dialog.table.rowCount()
        seen["unread"] = dialog.unread.count()
        dialog._on_accept()
        return True

    monkeypatch.setattr(DraftDialog, "exec", confirm)
    assert page.import_file(plan_file)
    plan = load_plan(store, 2023)
    assert seen["rows"] == len(plan.requirements) == 23
    assert seen["unread"] == 1
    assert page.year.currentData() == 2023
    assert page.table.rowCount() == 23


def test_the_bundled_font_is_registered_when_the_system_has_no_cjk(qtbot):
    app = QApplication.instance()
    family = ensure_cjk_font(app, has_cjk=lambda: False)
    assert family  # e.g. "WenQuanYi Micro Hei"
    assert family in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    assert app.font().family() == family
    assert ensure_cjk_font(app, has_cjk=lambda: True) == ""
