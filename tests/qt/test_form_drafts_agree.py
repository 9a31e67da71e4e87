"""A record form's draft never disagrees with the record: the save and the draft's removal
land together (revclose2 9); a kept 修改 draft restores only what she changed, over the
record as it is now, and says what changed under her since (revclose2 8)."""

from datetime import date

import pytest
from PySide6.QtCore import QDate

from lianzheng_desktop.core.ledgers import LEDGERS
from lianzheng_desktop.qt.record_form import RecordDialog
from lianzheng_desktop.storage import drafts

pytestmark = pytest.mark.gui
TODAY = date(2022, 12, 31)


def form(qtbot, store, ledger, record=None):
    dialog = RecordDialog(store, LEDGERS[ledger], record, today=TODAY)
    qtbot.addWidget(dialog)
    return dialog


def test_a_new_record_and_its_drafts_removal_land_together(qtbot, demo_store, monkeypatch):
    """revclose2 9: the record went in, the draft's removal (a second commit) hit a full
    disk: the form said "没有保存", stayed open, and a second 保存 doubled the record. Now a
    failure there saves neither: the form says so truly and one 保存 later makes one record."""
    import sqlite3
    from contextlib import contextmanager

    real = demo_store.db.atomic

    def draft_gone() -> bool:
        return drafts.find(demo_store, "talk", drafts.NEW) is None

    @contextmanager
    def full_when_the_draft_goes():
        outermost = not demo_store.db.conn.in_transaction
        had_draft = not draft_gone()
        with real():
            yield
            if outermost and had_draft and draft_gone():  # the commit removing the draft
                raise sqlite3.OperationalError("database or disk is full")

    dialog = form(qtbot, demo_store, "talk")
    dialog.show()
    dialog.fields["date"].input.setDate(QDate(2022, 12, 20))
    dialog.fields["talker"].input.setEditText("王建国")
    dialog.fields["talkees"].set_value(("刘芳",))
    dialog.fields["summary"].input.setPlainText("与刘芳同志谈心谈话，提醒其严守财经纪律。")
    dialog.keep_draft()
    talks = demo_store.count("talk")
    monkeypatch.setattr(demo_store.db, "atomic", full_when_the_draft_goes)
    dialog._on_save()
    saved_now = demo_store.count("talk") - talks
    assert (dialog.saved is not None) == (saved_now == 1)  # what the form says is true
    assert saved_now == 0 and dialog.isVisible() and not draft_gone()
    assert dialog.general_error.text().startswith("磁盘空间已满，本次修改没有保存")
    monkeypatch.undo()  # space again
    dialog._on_save()
    assert dialog.saved is not None and demo_store.count("talk") == talks + 1 and draft_gone()
    assert not dialog.isVisible()
