"""A secretary's year, scripted through the window (issue 15's Done-when): a new file, the
unit and roster, the year's plan imported, records entered through the forms, the home
page's checklist, an Excel workbook imported twice, a record deleted and restored, the
quarter's report written, and the next January with no plan yet. Every message the window
shows on the way is recorded, and each must be Chinese."""

import re
from datetime import date, datetime

import pytest
from PySide6.QtWidgets import QMessageBox

from lianzheng_desktop.core.ledgers import LEDGERS
from lianzheng_desktop.core.records import UnitProfile
from lianzheng_desktop.core.report_model import ReportPeriod
from lianzheng_desktop.qt.main_window import MainWindow
from lianzheng_desktop.qt.plan_page import DraftDialog
from lianzheng_desktop.qt.record_form import RecordDialog
from lianzheng_desktop.qt.workbook_actions import ImportCheckDialog
from lianzheng_desktop.storage import plans, trash

pytestmark = pytest.mark.gui
PLAN = ("2024年县总工会机关党支部党风廉政建设工作要点\n一、落实主体责任\n"
        "1.专题研究。全年召开不少于4次专题会议。\n"
        "2.一岗双责。班子成员每季度至少听取1次分管部门汇报。\n"
        "二、加强教育\n3.警示教育。每季度至少进行1次集中警示教育。\n"
        "4.政治学习。每月开展一次政治学习。\n")


@pytest.fixture
def said(monkeypatch):
    """Every message box's title and text; questions are answered 是."""
    seen = []

    def box(kind):
        def show(_parent, title, text="", *args, **kwargs):
            seen.append(f"{title}：{text}")
            return QMessageBox.StandardButton.Yes if kind == "question" \
                else QMessageBox.StandardButton.Ok
        return staticmethod(show)

    for kind in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, kind, box(kind))

    def check(dialog):  # an import's check: all it lists, then 是
        seen.append(dialog.said())
        return True

    monkeypatch.setattr(ImportCheckDialog, "exec", check)
    return seen


def enter(qtbot, window, ledger, **values):
    """Fill the ledger's form as a user would, and save it."""
    form = RecordDialog(window._store, LEDGERS[ledger], parent=window, today=window._today)
    qtbot.addWidget(form)
    for key, value in values.items():
        form.fields[key].set_value(value)
    form._on_save()
    assert form.saved is not None, [e.text() for e in form.errors.values() if e.text()]
    return form.saved


def test_a_secretarys_year(qtbot, store, paths, tmp_path, monkeypatch, said):
    store.clock = lambda: datetime(2024, 3, 31, 17)
    window = MainWindow(store, paths, today=date(2024, 3, 31))
    qtbot.addWidget(window)

    # January: the unit, the roster, the year's plan (from its .txt, through the draft)
    store.save_profile(UnitProfile("某县总工会", "县总工会机关党支部", "周明"))
    for name, role in (("周明", "书记"), ("甲", "班子成员"), ("乙", "班子成员"),
                       ("丙", "班子成员"), ("丁", "党员")):
        enter(qtbot, window, "roster", name=name, role=role, active=True)
    (tmp_path / "要点.txt").write_text(PLAN, encoding="utf-8")
    monkeypatch.setattr(DraftDialog, "exec", lambda d: (d._on_accept(), True)[1])
    assert window.page("年度计划").import_file(tmp_path / "要点.txt")
    assert "政治学习" in store.type_choices("activity")

    # The quarter's work, entered once through the forms
    enter(qtbot, window, "warning_education", date=date(2024, 2, 20), form="观看警示教育片",
          topic="观看《零容忍》", attendees=("周明", "甲", "乙", "丙", "丁"))
    for day in (date(2024, 1, 16), date(2024, 2, 18), date(2024, 3, 15)):
        enter(qtbot, window, "activity", date=day, type="政治学习", topic="学习党章")
    enter(qtbot, window, "activity", date=date(2024, 3, 5), type="专题会议",
          topic="研究部署党风廉政建设工作", host="周明")
    for name in ("甲", "乙"):
        enter(qtbot, window, "activity", date=date(2024, 3, 8), type="听取汇报",
              topic=f"{name}听取分管部门汇报", host=name)

    # 首页 at the quarter's end: what is done, and who has not done their part
    home = window.home
    home.refresh()
    rows = {home.table.item(r, 2).text(): (home.table.item(r, 0).text().strip(),
                                           home.table.item(r, 3).text())
            for r in range(home.table.rowCount())}
    assert rows["每季度至少进行1次集中警示教育"][0] == "已完成"
    assert rows["每月开展一次政治学习"][0] == "已完成"
    leaders = next(v for k, v in rows.items() if "班子成员" in k)
    assert leaders[0] == "未完成" and "丙" in leaders[1]

    # An Excel workbook of the year, imported twice: the second time adds nothing
    from lianzheng_desktop.interchange.xlsx import export_workbook

    export_workbook(store, tmp_path / "台账.xlsx")
    before = store.count("activity")
    assert not window.import_workbook(tmp_path / "台账.xlsx")
    assert store.count("activity") == before and "没有新记录" in said[-1]

    # A record deleted by mistake comes back from 回收站
    heard = next(a for a in store.list("activity") if a.host == "乙")
    store.delete("activity", heard.id)
    entry = next(e for e in trash.entries(store) if e.record_id == heard.id)
    trash.restore(store, entry.id)
    assert store.get("activity", heard.id).host == "乙"

    # The quarter's report, from the report page
    report = window.report
    report.set_period(ReportPeriod(2024, 1))
    target = paths.reports_dir / "2024Q1.pdf"
    report.generate(target)
    report.wait()
    qtbot.waitUntil(target.exists, timeout=10_000)

    # The next January: no plan yet, offered in place; last year's is taken over
    next_year = MainWindow(store, paths, today=date(2025, 1, 6))
    qtbot.addWidget(next_year)
    next_year.home.refresh()
    assert next_year.home.no_plan.isVisibleTo(next_year.home)
    next_year.home._on_copy_plan()
    assert plans.load_plan(store, 2025) is not None

    assert said, "the walk met no message at all"
    for text in said:
        assert re.search(r"[\u4e00-\u9fff]", text), text
        assert not re.search(r"\b(Error|Warning|Traceback|None|True|False)\b", text), text
