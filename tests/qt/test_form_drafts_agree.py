"""A record form's draft never disagrees with the record: the save and the draft's removal
land together (revclose2 9); a kept 修改 draft restores only what she changed, over the
record as it is now, and says what changed under her since (revclose2 8)."""


import pytest

from lianzheng_desktop.core.ledgers import LEDGERS
from lianzheng_desktop.storage import drafts
from tests.qt.test_record_form import form, talk_typed

pytestmark = pytest.mark.gui


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

    dialog = talk_typed(qtbot, demo_store, "与刘芳同志谈心谈话，提醒其严守财经纪律。")
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


TALK_BY_ZHANG = 4  # 2022-06-08 谈心谈话, 谈话人 张志强 (demo data)
ZHANG = 3


def rename(store, person_id: int, name: str) -> None:
    from lianzheng_desktop.core.ledgers import to_values

    values = to_values(LEDGERS["roster"], store.get("roster", person_id))
    store.update("roster", person_id, {**values, "name": name})


def left_unsaved(qtbot, store, record_id: int, **typed) -> None:
    """A 修改 form: fields typed, kept as a draft, then the power goes."""
    dialog = form(qtbot, store, "talk", store.get("talk", record_id))
    for key, value in typed.items():
        dialog.fields[key].set_value(value)
    dialog.keep_draft()
    dialog.hide()


def test_a_kept_edit_goes_back_over_the_record_as_it_is_now(qtbot, demo_store):
    """revclose2 8: 继续填写 after a rename put the old 谈话人 back, cutting the talk loose
    from the person. Only what she changed comes back; the rename stays, and is said."""
    summary = demo_store.get("talk", TALK_BY_ZHANG).summary + "（补：已当面提醒）"
    left_unsaved(qtbot, demo_store, TALK_BY_ZHANG, summary=summary)
    rename(demo_store, ZHANG, "张智强")
    again = form(qtbot, demo_store, "talk", demo_store.get("talk", TALK_BY_ZHANG))
    assert again.fields["talker"].value() == "张智强"
    assert again.fields["summary"].value() == summary
    assert "这条记录此后又有改动（谈话人：张志强→张智强）" in again.draft_note.text()
    again._on_save()
    saved = demo_store.get("talk", TALK_BY_ZHANG)
    assert (saved.talker, saved.summary) == ("张智强", summary)


def test_a_field_changed_both_in_the_draft_and_since_keeps_hers_and_says_so(qtbot,
                                                                          demo_store):
    left_unsaved(qtbot, demo_store, TALK_BY_ZHANG, talker="李秀梅")
    rename(demo_store, ZHANG, "张智强")
    again = form(qtbot, demo_store, "talk", demo_store.get("talk", TALK_BY_ZHANG))
    assert again.fields["talker"].value() == "李秀梅"
    assert "谈话人：张志强→张智强（您也改过此项，表中为您填写的）" in again.draft_note.text()


def test_a_kept_edit_of_an_unchanged_record_comes_back_without_a_note_of_changes(
        qtbot, demo_store):
    left_unsaved(qtbot, demo_store, TALK_BY_ZHANG, problems_found="无")
    again = form(qtbot, demo_store, "talk", demo_store.get("talk", TALK_BY_ZHANG))
    assert again.fields["problems_found"].value() == "无"
    assert "此后又有改动" not in again.draft_note.text() and not again.draft_note.isHidden()


def test_a_draft_kept_by_an_earlier_version_still_comes_back_whole(qtbot, demo_store):
    """No ``was`` beside it: every field of the draft, as before."""
    values = form(qtbot, demo_store, "talk", demo_store.get("talk", TALK_BY_ZHANG)).state()
    drafts.save(demo_store, "talk", TALK_BY_ZHANG, {**values, "summary": "旧版草稿"})
    again = form(qtbot, demo_store, "talk", demo_store.get("talk", TALK_BY_ZHANG))
    assert again.fields["summary"].value() == "旧版草稿"
