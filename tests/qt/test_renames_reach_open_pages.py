"""A rename made on one page reaches the pages built before it: their tables show the new
name and their 修改 opens the record as it is now, so saving it never puts the old name
back (revclose2 finding 2)."""

from datetime import date

import pytest

from lianzheng_desktop.core.ledgers import LEDGERS, to_values
from lianzheng_desktop.qt.main_window import MainWindow
from lianzheng_desktop.qt.record_form import RecordDialog

pytestmark = pytest.mark.gui

TALK_BY_ZHANG = 4  # 2022-06-08 谈心谈话, 谈话人 张志强 (demo data)
ZHANG = 3  # 张志强, 班子成员


@pytest.fixture
def window(qtbot, demo_store, paths):
    win = MainWindow(demo_store, paths, today=date(2022, 9, 30))
    qtbot.addWidget(win)
    return win


def rename(store, person_id: int, name: str) -> None:
    values = to_values(LEDGERS["roster"], store.get("roster", person_id))
    store.update("roster", person_id, {**values, "name": name})


def shown_talker(page, record_id: int) -> str:
    row = page.model.row_of(record_id)
    return page.model.record(row).talker


def opened_form(monkeypatch) -> list[RecordDialog]:
    """RecordDialog.exec patched: the form is kept, not shown (and not saved)."""
    opened: list[RecordDialog] = []

    def exec_(dialog):
        opened.append(dialog)
        return 0

    monkeypatch.setattr(RecordDialog, "exec", exec_)
    return opened


def test_a_rename_in_the_roster_reaches_a_ledger_page_built_before(window, demo_store,
                                                                   monkeypatch):
    talks = window.ledger("talk")  # built (and its rows read) before the rename
    assert shown_talker(talks, TALK_BY_ZHANG) == "张志强"
    roster = window.ledger("roster")
    rename(demo_store, ZHANG, "张智强")
    roster._after_change()  # what 人员名册's 修改 → 保存 does next
    assert shown_talker(talks, TALK_BY_ZHANG) == "张智强"
    talks.select_record(TALK_BY_ZHANG)
    opened = opened_form(monkeypatch)
    talks._on_edit()
    assert opened[0].fields["talker"].value() == "张智强"


def test_edit_opens_the_record_as_it_is_now_not_as_the_table_read_it(window, demo_store,
                                                                     monkeypatch):
    """Even a change no page announced (another path, a page missed): 修改 reads it anew."""
    talks = window.ledger("talk")
    talks.select_record(TALK_BY_ZHANG)
    rename(demo_store, ZHANG, "张智强")  # no page told
    assert talks.selected_record().talker == "张志强"  # the table's cached row
    opened = opened_form(monkeypatch)
    talks._on_edit()
    assert opened[0].fields["talker"].value() == "张智强"


def test_a_renamed_type_reaches_the_ledger_page_built_before(window, demo_store):
    """年度计划 → 活动类型… → 改名: the plan page's ``changed`` refreshes the ledgers too."""
    demo_store.add_plan_types([("activity", "政治学习")], 2022)
    activities = window.ledger("activity")
    values = to_values(LEDGERS["activity"], demo_store.list("activity")[0])
    added = demo_store.add("activity", {**values, "type": "政治学习", "topic": "学习新党章"})
    activities.refresh()
    assert activities.model.record(activities.model.row_of(added.id)).type == "政治学习"
    plan = window.page("年度计划")
    demo_store.rename_plan_type("activity", "政治学习", "理论学习")
    plan._after_change()
    assert activities.model.record(activities.model.row_of(added.id)).type == "理论学习"


def test_a_record_deleted_since_is_said_gone_when_edit_is_pressed(window, demo_store,
                                                                  monkeypatch, answer_yes):
    talks = window.ledger("talk")
    talks.select_record(TALK_BY_ZHANG)
    demo_store.delete("talk", TALK_BY_ZHANG)
    opened = opened_form(monkeypatch)
    talks._on_edit()
    assert opened == [] and "找不到这条记录" in answer_yes[0]
