"""A wrong value in a low field of the record form: its red message is scrolled into view
(revnew N-form-1: the message was set under 离岗日期 below the fold, so 保存 seemed to do
nothing; the scroll area had not yet laid the new line out when it was asked to show it)."""

from datetime import date

import pytest
from PySide6.QtCore import QPoint, QRect

from lianzheng_desktop.core.ledgers import LEDGERS
from lianzheng_desktop.qt.record_form import RecordDialog

pytestmark = pytest.mark.gui


def in_view(scroll, widget) -> bool:
    viewport = scroll.viewport()
    top_left = widget.mapTo(viewport, QPoint(0, 0))
    return viewport.rect().contains(QRect(top_left, widget.size()))


def test_the_message_under_a_low_field_is_scrolled_into_view(qtbot, demo_store,
                                                             monkeypatch):
    monkeypatch.setattr("lianzheng_desktop.qt.record_form.confirm_discard",
                        lambda *a, **k: True)  # closed at the end: 放弃
    dialog = RecordDialog(demo_store, LEDGERS["roster"], today=date(2026, 11, 30))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.resize(600, 190)  # low: the last fields below the fold
    qtbot.waitExposed(dialog)
    dialog.fields["name"].set_value("赵敏")
    dialog.fields["active"].set_value(False)
    dialog.fields["joined_on"].set_value(date(2026, 9, 1))
    dialog.fields["left_on"].set_value(date(2026, 3, 1))
    dialog._on_save()
    qtbot.wait(100)  # laid out as she sees it
    error = dialog.errors["left_on"]
    assert error.isVisible() and "离岗日期" in error.text()
    assert error.height() > 0 and in_view(dialog.scroll, error)
