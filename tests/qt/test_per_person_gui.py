"""Issue 13 and 14.4 in the window: a duty of each 班子成员 names who has not met it on the
home page; the report page writes one leader's own report; the plan's types can be renamed."""

from datetime import date, datetime

import pytest

from lianzheng_desktop.core.report_model import ReportPeriod
from lianzheng_desktop.qt.checklist_page import ChecklistPage
from lianzheng_desktop.storage import plans

pytestmark = pytest.mark.gui
PLAN = "2024年机关党支部工作要点\n一、责任落实\n1.一岗双责。班子成员每季度至少听取1次汇报。\n"


@pytest.fixture
def unit(store):
    store.clock = lambda: datetime(2024, 12, 31, 17)
    for name, role in (("周书记", "书记"), ("甲", "班子成员"), ("乙", "班子成员"),
                       ("丙", "班子成员")):
        store.add("roster", {"name": name, "role": role, "post": "副主席", "active": True})
    plans.import_plan_text(store, PLAN, 2024)
    for name in ("甲", "乙"):
        store.add("activity", {"date": "2024-02-01", "type": "听取汇报", "host": name,
                               "topic": "听取分管科室汇报"})
    return store


def test_the_home_page_names_the_leader_who_has_not_met_the_duty(qtbot, unit):
    page = ChecklistPage(unit, today=date(2024, 3, 31))
    qtbot.addWidget(page)
    page.refresh()
    rows = [(page.table.item(r, 0).text().strip(), page.table.item(r, 3).text())
            for r in range(page.table.rowCount())]
    duty = next(row for row in rows if "甲 1 次" in row[1] or "甲1次" in row[1])
    assert duty[0] == "未完成" and "丙" in duty[1]


def test_the_report_page_writes_one_leaders_own_report(qtbot, unit, paths):
    from lianzheng_desktop.qt.report_page import ReportPage

    page = ReportPage(unit, paths, today=date(2024, 3, 31))
    qtbot.addWidget(page)
    page.set_period(ReportPeriod(2024, 1))
    page.set_person("丙")
    duty = page.editors["一、履行全面从严治党（党风廉政建设）责任情况"].toPlainText()
    # 丙 has no record in the quarter: nothing claimed ("认真履行…" beside "尚无工作记录")
    assert duty == "2024年第一季度，台账中尚无本人主持或参加的党风廉政建设工作记录。"
    target = paths.reports_dir / "丙.pdf"
    page.generate(target)
    page.wait()
    qtbot.waitUntil(lambda: target.exists(), timeout=10_000)
    import pdfplumber

    with pdfplumber.open(target) as pdf:
        first = pdf.pages[0].extract_text()
    assert "丙同志2024年第一季度述责述廉报告" in first.replace("\n", "")


def test_a_leader_who_has_left_still_writes_the_report_for_his_time(qtbot, unit, paths):
    """甲 left on 20 April: his own report is offered for the first quarter, and for the
    second and the year he served part of, dated his last day (counted as of that day, his
    duties are his; a reviewer lost his typed report when he was no longer offered:
    revclose2, finding 11) — not for a quarter he served no day of."""
    from lianzheng_desktop.qt.report_page import ReportPage

    [gone] = [p for p in unit.list("roster") if p.name == "甲"]
    unit.update("roster", gone.id, {"name": "甲", "role": "班子成员", "post": "副主席",
                                    "active": False, "left_on": "2024-04-20"})
    page = ReportPage(unit, paths, today=date(2024, 6, 30))
    qtbot.addWidget(page)

    def offered():
        return [page.person.itemData(i) for i in range(1, page.person.count())]

    page.set_period(ReportPeriod(2024, 1))
    assert offered() == ["周书记", "乙", "丙", "甲"]  # serving first, as the roster lists
    page.set_person("甲")
    assert "本人" in page.editors["一、履行全面从严治党（党风廉政建设）责任情况"].toPlainText()
    page.set_period(ReportPeriod(2024, 2))
    assert offered() == ["周书记", "乙", "丙", "甲"] and page.selected_person() == "甲"
    assert "甲已于2024年4月20日离岗，本人报告中的数字截至其离岗之日。" in page.notice.text()
    assert "2024年第二季度（截至4月20日）" in page.editors[
        "一、履行全面从严治党（党风廉政建设）责任情况"].toPlainText()
    page.set_period(ReportPeriod(2024))
    assert "甲" in offered()


def test_a_plans_type_is_renamed_from_the_plan_page(qtbot, store, monkeypatch):
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    from lianzheng_desktop.qt.types_dialog import TypesDialog

    plans.import_plan_text(store, "2022年要点\n一、学习\n1.学习。每月开展一次政治学习。\n", 2022)
    store.add("activity", {"date": "2022-03-01", "type": "政治学习", "topic": "学习党章"})
    dialog = TypesDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.list.item(0).text() == "政治学习（会议活动）"
    dialog.list.setCurrentRow(0)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("理论学习", True))
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: told.append(a[2]))
    dialog._on_rename()
    assert store.list("activity")[0].type == "理论学习"
    assert "1 条记录" in told[0]


@pytest.mark.parametrize("agreed", [False, True])
def test_merging_a_plans_type_into_another_asks_first(qtbot, store, monkeypatch, agreed):
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    from lianzheng_desktop.qt.types_dialog import TypesDialog

    plans.import_plan_text(store, "2022年要点\n一、学习\n1.学习。每月开展一次政治学习。\n", 2022)
    store.add("activity", {"date": "2022-03-01", "type": "政治学习", "topic": "学习党章"})
    dialog = TypesDialog(store)
    qtbot.addWidget(dialog)
    dialog.list.setCurrentRow(0)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("专题会议", True))
    asked = []
    answer = QMessageBox.StandardButton.Yes if agreed else QMessageBox.StandardButton.No
    monkeypatch.setattr(QMessageBox, "question", lambda *a: asked.append(a[2]) or answer)
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    dialog._on_rename()
    assert "并入后不能再分开" in asked[0]
    assert store.list("activity")[0].type == ("专题会议" if agreed else "政治学习")
