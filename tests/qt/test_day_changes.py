"""A window left open over midnight moves on to the new day (revclose3 C: on 1 January the
forms offered 31 December and refused the real date as "later than today")."""

from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import QDate

from lianzheng_desktop.core.ledgers import LEDGERS
from lianzheng_desktop.core.periods import Quarter
from lianzheng_desktop.qt import day
from lianzheng_desktop.qt.main_window import MainWindow
from lianzheng_desktop.qt.record_form import RecordDialog

pytestmark = pytest.mark.gui
NEW_YEARS_EVE, NEW_YEAR = date(2022, 12, 31), date(2023, 1, 1)


@pytest.fixture
def clock(monkeypatch, demo_store):
    """The real day, as the window and the store read it; ``clock.day = …`` moves it."""
    class Clock:
        day = NEW_YEARS_EVE

    monkeypatch.setattr(day, "real_today", lambda: Clock.day)
    demo_store.clock = lambda: datetime.combine(Clock.day, time(23, 50))
    return Clock


def _meeting(dialog, when):
    dialog.fields["date"].input.setDate(QDate(when.year, when.month, when.day))
    dialog.fields["type"].input.setCurrentText("专题会议")
    dialog.fields["topic"].input.setText("元旦前廉政提醒会")
    dialog._on_save()


def test_a_form_open_over_midnight_takes_the_new_days_date(qtbot, demo_store, clock):
    # opened on the real today (a form holding its opening day must refuse tomorrow)
    clock.day = date.today()
    dialog = RecordDialog(demo_store, LEDGERS["activity"])
    qtbot.addWidget(dialog)
    clock.day = tomorrow = date.today() + timedelta(days=1)
    _meeting(dialog, tomorrow)
    assert dialog.saved is not None, dialog.errors["date"].text()
    assert dialog.saved.date == tomorrow


def test_a_window_open_over_midnight_offers_and_shows_the_new_day(qtbot, demo_store, paths,
                                                                  clock):
    window = MainWindow(demo_store, paths)
    qtbot.addWidget(window)
    assert window.home.selected_quarter() == Quarter(2022, 4)
    clock.day = NEW_YEAR
    window._follow_the_day()
    assert "今天：2023-01-01" in window.header.text()
    assert "当前季度：2023年第一季度" in window.header.text()
    assert window.home.selected_quarter() == Quarter(2023, 1)
    assert window.home.as_of_date() == NEW_YEAR
    # a new record's form, as the ledger page opens it
    page = window.ledger("activity")
    form = RecordDialog(demo_store, page.spec, parent=page, today=page._fixed_today)
    assert form.fields["date"].value() == NEW_YEAR


def test_a_page_she_set_to_another_quarter_stays_there(qtbot, demo_store, paths, clock):
    window = MainWindow(demo_store, paths)
    qtbot.addWidget(window)
    window.home.set_quarter(Quarter(2022, 3), date(2022, 9, 30))
    clock.day = NEW_YEAR
    window._follow_the_day()
    assert window.home.selected_quarter() == Quarter(2022, 3)
    assert window.home.as_of_date() == date(2022, 9, 30)


def test_a_window_opened_on_a_chosen_day_stays_on_it(qtbot, demo_store, paths, clock):
    window = MainWindow(demo_store, paths, today=date(2022, 9, 30))
    qtbot.addWidget(window)
    clock.day = NEW_YEAR
    window._follow_the_day()
    assert "今天：2022-09-30" in window.header.text()
    assert window.home.selected_quarter() == Quarter(2022, 3)


def test_the_report_page_and_a_ledger_follow_the_new_day(qtbot, demo_store, paths, clock):
    """revdiff5 F2, F7: the report page kept the day it first loaded (its 截至 two days back,
    a record of the signing day left out), and a ledger's 年度 offered no new year."""
    window = MainWindow(demo_store, paths)
    qtbot.addWidget(window)
    window.show()
    window.show_page("述廉述责报告")
    report = window.page("述廉述责报告")
    assert report._loaded and report._report_day == NEW_YEARS_EVE
    meetings = window.ledger("activity")
    assert meetings.year.findText("2023") < 0
    clock.day = NEW_YEAR
    window._follow_the_day()
    assert report._report_day == NEW_YEAR
    assert report.period.findData("2023Q1") >= 0  # the new quarter is offered
    assert meetings.year.itemText(1) == "2023"


def test_a_form_that_became_late_overnight_says_so_before_saving(qtbot, demo_store, clock):
    """revdiff5: a form opened 7 days after the event and saved after midnight was stored
    补录 with no note said and the tick "当时已记入纸质台账" never offered."""
    clock.day = date(2022, 12, 31)
    dialog = RecordDialog(demo_store, LEDGERS["activity"])
    qtbot.addWidget(dialog)
    typed = date(2022, 12, 24)  # 7 days before: not yet 补录
    dialog.fields["date"].input.setDate(QDate(2022, 12, 24))
    dialog.fields["type"].input.setCurrentText("专题会议")
    dialog.fields["topic"].input.setText("年终党风廉政建设专题会议")
    assert not dialog.kept_on_time.isVisibleTo(dialog)
    clock.day = date(2023, 1, 1)  # 8 days after it now
    dialog._on_save()
    assert dialog.saved is None  # held once: the note and the tick are shown first
    assert dialog.late_note.isVisibleTo(dialog) and dialog.kept_on_time.isVisibleTo(dialog)
    dialog.kept_on_time.setChecked(True)
    dialog._on_save()
    assert dialog.saved is not None and dialog.saved.date == typed
    assert not dialog.saved.late_entry
