"""The record form: nothing typed is lost, the defaults and keys a secretary relies on."""

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox

from lianzheng_desktop.core.ledgers import LEDGERS
from lianzheng_desktop.qt.record_form import RecordDialog
from lianzheng_desktop.storage import drafts

pytestmark = pytest.mark.gui
TODAY = date(2022, 12, 31)


def form(qtbot, store, ledger, record=None):
    dialog = RecordDialog(store, LEDGERS[ledger], record, today=TODAY)
    qtbot.addWidget(dialog)
    return dialog


def talk_typed(qtbot, store, summary):
    """The 谈话记录 form, shown, with a talk of 王建国 with 刘芳 on 2022-12-20 typed in."""
    dialog = form(qtbot, store, "talk")
    dialog.show()
    dialog.fields["date"].input.setDate(QDate(2022, 12, 20))
    dialog.fields["talker"].input.setEditText("王建国")
    dialog.fields["talkees"].set_value(("刘芳",))
    dialog.fields["summary"].input.setPlainText(summary)
    return dialog


@pytest.fixture
def answers(monkeypatch):
    """Answer the 放弃? question with the button named in ``answers.give_up``."""
    class Asked(list):
        give_up = True

    asked = Asked()

    def exec_(box):
        asked.append(box.text())
        wanted = "放弃" if asked.give_up else "继续填写"
        for button in box.buttons():
            if button.text() == wanted:
                button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return asked


def test_typed_text_survives_a_close_and_comes_back_on_the_next_start(qtbot, demo_store):
    first = form(qtbot, demo_store, "activity")
    first.fields["topic"].input.setText("学习新修订的纪律处分条例")
    first.fields["summary"].input.setPlainText("逐章学习，")
    qtbot.waitUntil(lambda: drafts.find(demo_store, "activity", 0) is not None, timeout=2000)
    first.hide()  # the window closing under the form (or the power going)
    first.deleteLater()
    again = form(qtbot, demo_store, "activity")
    assert again.fields["topic"].value() == "学习新修订的纪律处分条例"
    assert again.fields["summary"].value() == "逐章学习，"
    assert not again.draft_note.isHidden()
    again._on_save()
    assert again.saved is not None and drafts.find(demo_store, "activity", 0) is None


def test_an_edit_keeps_its_own_draft(qtbot, demo_store):
    record = demo_store.list("activity")[0]
    dialog = form(qtbot, demo_store, "activity", record)
    dialog.fields["topic"].input.setText("改了一半的主题")
    dialog.keep_draft()
    assert drafts.find(demo_store, "activity", record.id).values["topic"] == "改了一半的主题"
    assert drafts.find(demo_store, "activity", 0) is None
    dialog.hide()
    again = form(qtbot, demo_store, "activity", record)
    assert again.fields["topic"].value() == "改了一半的主题"


def test_esc_on_a_half_filled_form_asks_and_can_go_back_to_it(qtbot, demo_store, answers):
    dialog = form(qtbot, demo_store, "talk")
    dialog.show()
    dialog.fields["summary"].input.setPlainText("节前提醒")
    answers.give_up = False
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert len(answers) == 1 and "还没有保存" in answers[0]
    assert dialog.isVisible()  # 继续填写
    answers.give_up = True
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert drafts.find(demo_store, "talk", 0) is None  # given up on purpose: no draft


def test_an_untouched_form_closes_without_a_question(qtbot, demo_store, answers):
    dialog = form(qtbot, demo_store, "talk")
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert answers == [] and not dialog.isVisible()


def test_a_new_person_is_serving_and_a_party_member(qtbot, demo_store):
    dialog = form(qtbot, demo_store, "roster")
    assert dialog.fields["active"].value() is True
    assert dialog.fields["role"].value() == "党员"
    assert dialog.windowTitle() == "新增人员"


def test_titles_read_right(qtbot, demo_store):
    assert form(qtbot, demo_store, "talk").windowTitle() == "新增谈话记录"
    assert form(qtbot, demo_store, "warning_education").windowTitle() == "新增警示教育记录"
    record = demo_store.list("rectification")[0]
    assert form(qtbot, demo_store, "rectification", record).windowTitle() == "修改整改事项"


def test_attendees_select_all_or_by_role_and_the_head_count_follows(qtbot, demo_store):
    dialog = form(qtbot, demo_store, "warning_education")
    attendees, count = dialog.fields["attendees"], dialog.fields["head_count"]
    serving = [p for p in demo_store.list("roster") if p.active]
    attendees.tick(lambda role: True)
    assert len(attendees.value()) == len(serving) and count.value() == len(serving)
    attendees.set_value(())
    assert count.value() is None  # 0 people: the spin box shows 0
    attendees.tick(lambda role: role in ("书记", "班子成员"))
    leaders = [p.name for p in serving if p.role in ("书记", "班子成员")]
    assert attendees.value() == tuple(leaders) and count.value() == len(leaders)
    count.set_value(20)  # guests from outside the roster too: the typed number stays
    attendees.tick(lambda role: True)
    assert count.value() == 20
    item = attendees.input.item(0)
    item.setCheckState(Qt.CheckState.Unchecked)
    assert count.value() == 20


def test_enter_saves_and_does_not_press_today(qtbot, demo_store):
    dialog = form(qtbot, demo_store, "rectification")
    dialog.show()
    fields = dialog.fields
    fields["source"].input.setCurrentText("自查")
    fields["description"].input.setPlainText("会议记录不规范")
    fields["owner"].input.setCurrentText("刘芳")
    fields["found_date"].input.setDate(QDate(2022, 12, 1))
    fields["deadline"].input.setDate(QDate(2023, 1, 31))
    fields["status"].input.setCurrentText("整改中")
    fields["number"].input.setFocus()
    qtbot.keyClick(fields["number"].input, Qt.Key.Key_Return)
    assert dialog.saved is not None, dialog.general_error.text()
    assert dialog.saved.completed_date is None  # 今天 was not pressed


def test_an_event_after_today_is_refused_with_a_message(qtbot, demo_store):
    dialog = form(qtbot, demo_store, "activity")
    dialog.fields["date"].input.setDate(QDate(2023, 1, 5))
    dialog.fields["type"].input.setCurrentText("专题会议")
    dialog.fields["topic"].input.setText("部署")
    dialog._on_save()
    assert dialog.saved is None
    assert dialog.errors["date"].text().startswith("“日期”不能晚于今天（2022-12-31）")


def test_a_new_form_starts_on_the_apps_today(qtbot, demo_store):
    dialog = form(qtbot, demo_store, "activity")
    assert dialog.fields["date"].value() == TODAY


def test_a_talker_from_outside_the_roster_can_be_typed(qtbot, demo_store):
    dialog = form(qtbot, demo_store, "talk")
    dialog.fields["date"].input.setDate(QDate(2022, 12, 20))
    dialog.fields["type"].input.setCurrentText("廉政谈话")
    dialog.fields["talker"].input.setEditText("县纪委 张强")
    dialog.fields["talkees"].set_value(("刘芳",))
    dialog._on_save()
    assert dialog.saved is not None and dialog.saved.talker == "县纪委 张强"


def test_the_next_start_offers_the_unsaved_form_and_reopens_it(qtbot, demo_store, paths,
                                                              monkeypatch):
    from PySide6.QtWidgets import QPushButton

    from lianzheng_desktop.qt.main_window import MainWindow

    drafts.save(demo_store, "talk", 0, {"type": "廉政谈话", "summary": "节前廉政提醒，谈了一半",
                                        "talkees": ["刘芳"], "date": "2022-12-30"})
    win = MainWindow(demo_store, paths, today=TODAY)
    qtbot.addWidget(win)
    assert not win.drafts_bar.isHidden()
    [button] = win.drafts_bar.findChildren(QPushButton)
    assert button.text() == "继续填写：2022-12-30 廉政谈话"  # what it holds
    assert button.toolTip().startswith("新增谈话记录：2022-12-30 廉政谈话（")
    seen = []
    monkeypatch.setattr(RecordDialog, "exec", lambda self: seen.append(self.values()) or 0)
    button.click()
    assert seen[0]["summary"] == "节前廉政提醒，谈了一半" and seen[0]["talkees"] == ("刘芳",)
    assert seen[0]["date"] == date(2022, 12, 30)
    assert win.stack.currentWidget() is win.ledger("talk")


def test_a_draft_of_a_deleted_record_can_be_given_up_and_the_others_stay_offered(
        qtbot, demo_store, paths, monkeypatch):
    """Two edits in one ledger are told apart; after continuing one the other is still
    offered; a draft whose record was deleted since can be given up (it came back at every
    start, and its button only said it could not continue)."""
    from PySide6.QtWidgets import QPushButton

    from lianzheng_desktop.qt.main_window import MainWindow

    first, second = demo_store.list("activity")[:2]
    for record in (first, second):
        drafts.save(demo_store, "activity", record.id,
                    {"date": record.date.isoformat(), "topic": record.topic + "（改）"})
    demo_store.delete("activity", first.id)
    win = MainWindow(demo_store, paths, today=TODAY)
    qtbot.addWidget(win)
    buttons = win.drafts_bar.findChildren(QPushButton)
    labels = {b.toolTip().split("（")[0] for b in buttons}  # the whole text; cut short on it
    assert len(labels) == 2 and all(first.date.isoformat() in t or second.date.isoformat() in t
                                    for t in labels)
    assert win.minimumSizeHint().width() <= 1280  # long titles never widen the window
    monkeypatch.setattr(RecordDialog, "exec", lambda self: 0)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2])
                        or QMessageBox.StandardButton.Yes)
    win.continue_draft("activity", second.id)  # continued and closed: still a draft
    assert not win.drafts_bar.isHidden() and len(win.drafts_bar.findChildren(QPushButton)) == 2
    win.continue_draft("activity", first.id)
    assert "找不到这条记录" in asked[0] and "要放弃它吗" in asked[0]
    assert drafts.find(demo_store, "activity", first.id) is None
    [left] = win.drafts_bar.findChildren(QPushButton)
    assert second.date.isoformat() in left.toolTip()


def test_a_draft_saved_from_its_page_leaves_the_bar(qtbot, demo_store, paths, monkeypatch):
    """A reviewer saved the unsaved form through 新增 on its page, not through the bar: the
    bar still offered it, and its button then opened an empty form."""
    from PySide6.QtWidgets import QPushButton

    from lianzheng_desktop.qt.main_window import MainWindow

    drafts.save(demo_store, "activity", 0, {"type": "专题会议", "topic": "研究年终考核",
                                            "date": "2022-12-30"})
    win = MainWindow(demo_store, paths, today=TODAY)
    qtbot.addWidget(win)
    [stale] = win.drafts_bar.findChildren(QPushButton)
    opened = []

    def save_it(dialog):  # 新增 on the page: the form fills itself from the draft, 保存
        opened.append(dialog.values()["topic"])
        dialog._on_save()
        return 1

    monkeypatch.setattr(RecordDialog, "exec", save_it)
    win.ledger("activity").add_record()
    assert opened == ["研究年终考核"] and drafts.find(demo_store, "activity", 0) is None
    assert win.drafts_bar.isHidden() or not win.drafts_bar.findChildren(QPushButton)
    opened.clear()
    stale.click()  # a button kept from before (another window's bar, a late click)
    assert opened == []  # no empty form


def test_three_long_drafts_fit_the_window_and_are_told_apart(qtbot, demo_store, paths):
    """Three drafts of meetings with long topics made the window 1,848 px wide, wider
    than an office screen; cut short, they fit 1,280 and still differ on their faces."""
    from PySide6.QtWidgets import QLabel, QPushButton

    from lianzheng_desktop.qt.main_window import MainWindow

    for record in demo_store.list("activity")[:4]:
        drafts.save(demo_store, "activity", record.id, {
            "date": record.date.isoformat(), "topic": record.topic + "（修改后的较长主题）"})
    win = MainWindow(demo_store, paths, today=TODAY)
    qtbot.addWidget(win)
    texts = [b.text() for b in win.drafts_bar.findChildren(QPushButton)]
    assert len(set(texts)) == 3, texts
    assert win.minimumSizeHint().width() <= 1280
    # four drafts, three buttons: the line says so (the fourth comes up as one is done)
    [line] = win.drafts_bar.findChildren(QLabel)
    assert line.text() == "上次有 4 张表填了一半未保存（先列出最近的 3 张）："


def test_the_form_offers_a_plans_own_type_and_the_record_counts(qtbot, store):
    """Issue 13: "每月开展一次政治学习" — a 政治学习 entered in the form counts toward it; a
    record of another type can be counted toward a chosen requirement from the form."""
    from lianzheng_desktop.core.periods import Quarter
    from lianzheng_desktop.storage import plans

    plans.import_plan_text(store, "2022年要点\n一、学习\n1.学习。每月开展一次政治学习。\n", 2022)
    dialog = form(qtbot, store, "activity")
    types = dialog.fields["type"].input
    assert types.findText("政治学习") >= 0 and types.itemText(types.count() - 1) == "其他"
    dialog.fields["date"].set_value(date(2022, 10, 12))
    dialog.fields["type"].set_value("政治学习")
    dialog.fields["topic"].set_value("学习党章")
    dialog._on_save()
    assert dialog.saved is not None and dialog.saved.type == "政治学习"

    other = form(qtbot, store, "activity")
    other.fields["date"].set_value(date(2022, 11, 3))
    other.fields["type"].set_value("其他")
    other.fields["topic"].set_value("集体学习新修订的条例")
    study = next(i for i in range(other.link.count()) if "政治学习" in other.link.itemText(i))
    other.link.setCurrentIndex(study)
    other._on_save()
    checklist = plans.load_checklist(store, Quarter(2022, 4), date(2022, 12, 31))
    item = next(i for i in checklist.items if "政治学习" in i.requirement.text)
    assert "10月1次" in item.explanation and "11月1次" in item.explanation


def test_someone_who_has_left_can_be_chosen_for_a_record_of_their_time(qtbot, demo_store):
    """何军 left on 14 August: a June talk entered late (补录) can still name him; 全选 and the
    role buttons tick those in post on the form's date."""
    dialog = form(qtbot, demo_store, "talk")
    talkees, talker = dialog.fields["talkees"], dialog.fields["talker"]
    names = [talkees.input.item(i).text() for i in range(talkees.input.count())]
    assert names[-1] == "何军" and names.count("何军") == 1
    assert "2022-08-14 离岗" in talkees.input.item(len(names) - 1).toolTip()
    assert talker.input.findText("何军") > 0
    talkees.tick(lambda role: True)  # the form starts on 31 December: he has gone
    assert "何军" not in talkees.value() and "刘芳" in talkees.value()
    dialog.fields["date"].set_value(date(2022, 6, 20))
    talkees.tick(lambda role: role == "党员")
    assert "何军" in talkees.value()
    dialog.fields["type"].set_value("谈心谈话")
    talker.set_value("王建国")
    talkees.set_value(("何军",))
    dialog._on_save()
    assert dialog.saved is not None, dialog.general_error.text()
    assert dialog.saved.talkees == ("何军",)


def test_a_linked_record_follows_its_own_years_plan_and_its_draft_keeps_the_link(
        qtbot, store, answers):
    """计入要求 lists the plan of the record's own year (a 2021 record linked to 2022's
    requirement counted nowhere); the choice is part of what a draft keeps, and changing
    it alone is something to lose."""
    from lianzheng_desktop.core.errors import UserError
    from lianzheng_desktop.storage import plans

    for year in (2021, 2022):
        plans.import_plan_text(store, f"{year}年要点\n一、学习\n1.学习。每月开展一次政治学习。\n",
                               year)
    ids = {year: next(r.id for r in plans.load_plan(store, year).requirements)
           for year in (2021, 2022)}
    dialog = form(qtbot, store, "activity")
    assert dialog.link.findData(ids[2022]) > 0
    dialog.link.setCurrentIndex(dialog.link.findData(ids[2022]))
    assert dialog.is_dirty()  # the choice alone would be lost on closing
    dialog.keep_draft()
    assert drafts.find(store, "activity", 0).values["_link"] == [ids[2022]]
    dialog._draft_timer.stop()  # the window closed under the form: its draft stays

    again = form(qtbot, store, "activity")  # the draft comes back with its link
    assert again.link.chosen() == [ids[2022]]
    again.fields["date"].set_value(date(2021, 12, 20))
    assert again.link.findData(ids[2022]) < 0 and again.link.findData(ids[2021]) > 0
    assert again.link.chosen() == []  # back to 按类型自动计入
    again.fields["date"].set_value(date(2022, 12, 20))  # back in 2022: its choice again
    assert again.link.chosen() == [ids[2022]]
    again.fields["type"].set_value("其他")
    again.fields["topic"].set_value("集体学习条例")
    again._on_save()
    assert store.links("activity", again.saved.id) == (ids[2022],)
    with pytest.raises(UserError, match="只能选2022年度计划中的要求"):  # nor through the store
        store.set_links("activity", again.saved.id, [ids[2021]])
    # moved to 2021 elsewhere, it leaves 2022's requirement
    store.update("activity", again.saved.id, {**again.values(), "date": date(2021, 12, 20)})
    assert store.links("activity", again.saved.id) == ()


def test_the_same_record_entered_twice_is_saved_only_when_confirmed(qtbot, store,
                                                                    monkeypatch):
    asked = []
    answer = [QMessageBox.StandardButton.No]

    def question(_parent, title, text, *args, **kwargs):
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(QMessageBox, "question", question)
    values = {"date": date(2022, 12, 1), "type": "专题会议", "topic": "研究部署节前廉洁工作"}
    store.add("activity", values)
    dialog = form(qtbot, store, "activity")
    for key, value in values.items():
        dialog.fields[key].set_value(value)
    dialog._on_save()
    assert dialog.saved is None and store.count("activity") == 1
    assert "已有一条相同的记录" in asked[0] and "2022-12-01" in asked[0]
    answer[0] = QMessageBox.StandardButton.Yes  # "确实是另一条记录"
    dialog._on_save()
    assert dialog.saved is not None and store.count("activity") == 2
    other = form(qtbot, store, "activity")  # another topic that day: no question
    for key, value in {**values, "topic": "研究部署年终考核"}.items():
        other.fields[key].set_value(value)
    other._on_save()
    assert other.saved is not None and len(asked) == 2
    # edited into a copy of the first: asked too; an edit of its own fields is not
    edit = form(qtbot, store, "activity", other.saved)
    edit.fields["topic"].set_value(values["topic"])
    answer[0] = QMessageBox.StandardButton.No
    edit._on_save()
    assert edit.saved is None and len(asked) == 3
    again = form(qtbot, store, "activity", other.saved)
    again.fields["summary"].set_value("补充会议内容")
    again._on_save()
    assert again.saved is not None and len(asked) == 3


def test_one_event_entered_in_a_second_ledger_is_asked_about_and_may_be_kept(
        qtbot, store, monkeypatch):
    """revjiwei F9: a 以案促改专题会 kept as 会议活动, entered again as 警示教育."""
    asked = []
    answer = [QMessageBox.StandardButton.No]

    def question(_parent, title, text, *args, **kwargs):
        asked.append((title, text))
        return answer[0]

    monkeypatch.setattr(QMessageBox, "question", question)
    topic = "以案促改专题会暨警示教育大会"
    store.add("activity", {"date": date(2022, 11, 5), "type": "专题会议", "topic": topic})
    dialog = form(qtbot, store, "warning_education")
    for key, value in {"date": date(2022, 11, 5), "form": "以案促改专题会",
                       "topic": topic}.items():
        dialog.fields[key].set_value(value)
    dialog._on_save()
    assert dialog.saved is None and store.count("warning_education") == 0
    assert asked[0][0] == "会议活动中已有同一天的相近记录"
    assert f"2022-11-05　{topic}" in asked[0][1] and "一会多用" in asked[0][1]
    answer[0] = QMessageBox.StandardButton.Yes
    dialog._on_save()
    assert dialog.saved is not None and store.count("warning_education") == 1


def test_a_new_record_of_a_day_long_past_says_it_will_be_marked_late(qtbot, demo_store):
    """The Excel import said which rows it would mark 补录; the form saved them so without
    a word (a first-day secretary back-filling her year)."""
    dialog = form(qtbot, demo_store, "activity")
    assert dialog.late_note.isHidden()  # today's
    dialog.fields["date"].input.setDate(QDate(2022, 12, 1))
    assert not dialog.late_note.isHidden()
    assert dialog.late_note.text().startswith(
        "事情发生在30天前（超过7天），保存后这条记录标为“补录”")
    dialog.fields["date"].input.setDate(QDate(2022, 12, 25))  # 6 days: in time
    assert dialog.late_note.isHidden()


def test_a_save_the_disk_refuses_keeps_the_form_and_its_draft(qtbot, demo_store, answers):
    """A reviewer's disk filled up at 保存: the commit failed, "程序出错" was shown, the form
    took its text for saved, and 取消 then closed it without a question — the text was lost."""
    dialog = talk_typed(qtbot, demo_store, "与刘芳同志谈心谈话，提醒其严守财经纪律。" * 400)
    talks = demo_store.count("talk")
    pages = demo_store.db.execute("PRAGMA page_count").fetchone()[0]
    demo_store.db.execute(f"PRAGMA max_page_count = {pages}")  # the disk is now full
    dialog._on_save()
    assert dialog.saved is None and dialog.isVisible() and demo_store.count("talk") == talks
    assert dialog.general_error.text().startswith("磁盘空间已满，本次修改没有保存")
    answers.give_up = False
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert len(answers) == 1 and dialog.isVisible()  # still asked before anything is lost
    demo_store.db.execute(f"PRAGMA max_page_count = {pages * 10}")  # space again
    dialog._on_save()
    assert dialog.saved is not None and demo_store.count("talk") == talks + 1


def test_a_save_whose_commit_fails_is_not_taken_for_saved(qtbot, demo_store, answers,
                                                          monkeypatch):
    """The same when the rows went in and only the commit failed (what a full tmpfs did to
    a reviewer): nothing is saved, so the form must not think it was."""
    import sqlite3
    from contextlib import contextmanager

    real = demo_store.db.atomic

    @contextmanager
    def commit_fails():
        outermost = not demo_store.db.conn.in_transaction
        with real():
            yield
            if outermost:  # the commit, not a savepoint inside it
                raise sqlite3.OperationalError("database or disk is full")

    dialog = talk_typed(qtbot, demo_store, "与刘芳同志谈心谈话。")
    talks = demo_store.count("talk")
    monkeypatch.setattr(demo_store.db, "atomic", commit_fails)
    dialog._on_save()
    assert dialog.saved is None and dialog.isVisible() and demo_store.count("talk") == talks
    assert "磁盘空间已满" in dialog.general_error.text()
    answers.give_up = False
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert len(answers) == 1 and dialog.isVisible()


def test_a_new_items_deadline_is_chosen_not_today(qtbot, demo_store):
    """revscreen 11.2: 整改时限 started as today, like 发现日期: saved unchanged, a new item
    was due the day it was found and 逾期 the next."""
    from PySide6.QtGui import QShowEvent
    from PySide6.QtWidgets import QApplication

    dialog = form(qtbot, demo_store, "rectification")
    assert dialog.fields["found_date"].value() == TODAY
    deadline = dialog.fields["deadline"]
    assert deadline.value() is None and deadline.input.text() == "（请选择）"
    dialog._on_save()
    assert dialog.errors["deadline"].text() == "“整改时限”为必填项" and dialog.saved is None
    calendar = deadline.input.calendarWidget()  # opens on this month, not December 1999
    QApplication.sendEvent(calendar, QShowEvent())
    assert (calendar.yearShown(), calendar.monthShown()) == (TODAY.year, TODAY.month)
    deadline.set_value(date(2023, 3, 31))
    assert deadline.value() == date(2023, 3, 31)
    record = demo_store.list("rectification")[0]  # an item kept shows its own deadline
    assert form(qtbot, demo_store, "rectification", record).fields["deadline"].value() \
        == record.deadline


def test_the_delete_question_names_the_record_as_she_knows_it(demo_store):
    """revscreen 11.1: “这条谈话记录记录”, and a talk named by its date and type only."""
    from lianzheng_desktop.qt.record_form import delete_question

    talk = demo_store.list("talk")[0]
    asked = delete_question(LEDGERS["talk"], talk)
    assert asked.startswith("确定要删除这条谈话记录吗？") and "记录记录" not in asked
    assert talk.talker in asked and all(name in asked for name in talk.talkees)
    person = demo_store.list("roster")[0]
    assert delete_question(LEDGERS["roster"], person).startswith("确定要删除这条人员记录吗？")
    item = demo_store.list("rectification")[0]
    assert delete_question(LEDGERS["rectification"], item).startswith("确定要删除这条整改事项吗？")
    session = demo_store.list("warning_education")[0]
    assert delete_question(LEDGERS["warning_education"], session).startswith(
        "确定要删除这条警示教育记录吗？")


def test_an_unsaved_change_to_a_kept_record_is_offered_as_a_change(qtbot, demo_store, paths):
    """revclose: "继续填写：2026-07-08 研究巡察整…" sat above the very row it would change, as a
    new record's draft does: taken for a copy, the half-edit would be given up."""
    from PySide6.QtWidgets import QPushButton

    from lianzheng_desktop.qt.main_window import MainWindow

    record = demo_store.list("activity")[0]
    drafts.save(demo_store, "activity", record.id, {"topic": "改了一半的主题",
                                                    "date": record.date.isoformat()})
    win = MainWindow(demo_store, paths, today=TODAY)
    qtbot.addWidget(win)
    [button] = win.drafts_bar.findChildren(QPushButton)
    assert button.text().startswith("继续修改：")
    assert button.toolTip().endswith("台账中的这条记录还是修改前的样子")


@pytest.mark.parametrize("on_paper", [True, False])
def test_a_record_copied_from_the_paper_ledger_is_not_marked_late(qtbot, demo_store, on_paper):
    """An office new to the app typed its paper 台账 in through the form: every record was
    printed "（补录）…事情发生7天以后才记入台账", though each was written down on time on paper;
    only the Excel import could say so (reviewer revoffice, F7)."""
    dialog = form(qtbot, demo_store, "activity")
    dialog.show()
    assert not dialog.kept_on_time.isVisibleTo(dialog)  # a record of today: nothing to say
    dialog.fields["date"].input.setDate(QDate(2022, 10, 20))
    assert dialog.kept_on_time.isVisibleTo(dialog)
    dialog.kept_on_time.setChecked(on_paper)
    assert ("当时已记入纸质台账：保存后不标“补录”" in dialog.late_note.text()) is on_paper
    dialog.fields["type"].input.setCurrentText("廉政学习")
    dialog.fields["topic"].input.setText("学习《中国共产党纪律处分条例》（据纸质台账转录）")
    dialog._on_save()
    assert dialog.saved is not None
    assert demo_store.get("activity", dialog.saved.id).late_entry is not on_paper


def test_the_tick_kept_on_paper_comes_back_with_the_draft(qtbot, demo_store):
    """revclose3 H: after a kill, 继续填写 gave back every field but "当时已记入纸质台账", and
    保存 marked the transcribed record 补录 for good (修改 never offers the tick)."""
    dialog = form(qtbot, demo_store, "warning_education")
    dialog.fields["date"].input.setDate(QDate(2022, 10, 9))  # 83 days before TODAY
    dialog.fields["form"].input.setCurrentText("观看警示教育片")
    dialog.fields["topic"].input.setText("观看警示教育片《国家监察》")
    assert dialog.kept_on_time.isVisibleTo(dialog)
    dialog.kept_on_time.setChecked(True)
    dialog.keep_draft()
    dialog._draft_timer.stop()  # killed: the draft stays

    again = form(qtbot, demo_store, "warning_education")
    assert again.kept_on_time.isChecked()
    # never shown as windows of their own while the draft is put back (revdiff5 F8)
    assert not again.kept_on_time.isWindow() and not again.late_note.isWindow()
    again._on_save()
    assert again.saved is not None and not again.saved.late_entry


def test_a_drafts_link_comes_back_on_the_requirement_she_chose_after_a_new_plan(qtbot, store):
    """revclose3 D: the draft kept the requirement's id; the year's plan imported again
    gave that id to the next requirement, and 继续填写 linked the record there unsaid."""
    from lianzheng_desktop.storage import plans

    text = ("2022年要点\n一、学习\n1.加强学习。每月开展一次政治学习。\n"
            "2.严格制度执行。每季度开展一次制度学习。\n3.推进风险防控。每半年开展一次风险排查。\n")
    plans.import_plan_text(store, text, 2022)
    chosen = next(r for r in plans.load_plan(store, 2022).requirements
                  if "制度" in r.text)
    dialog = form(qtbot, store, "activity")
    dialog.link.setCurrentIndex(dialog.link.findData(chosen.id))
    name = dialog.link.currentText()
    dialog.keep_draft()
    dialog._draft_timer.stop()  # killed: the draft stays
    # the corrected plan, its first item dropped: the ids are given out again in order
    plans.import_plan_text(store, text.replace("1.加强学习。每月开展一次政治学习。\n", ""), 2022)
    taken = next(r for r in plans.load_plan(store, 2022).requirements if r.id == chosen.id)
    assert "制度" not in taken.text  # (the case: its id now names another requirement)
    again = form(qtbot, store, "activity")
    assert again.link.currentText() == name
    again.close()
    # renumbered as well: found by its words; gone altogether: said, not another chosen
    plans.import_plan_text(store, "2022年要点\n一、学习\n1.严格制度执行。每季度开展一次制度学习。\n"
                                  "2.推进风险防控。每半年开展一次风险排查。\n", 2022)
    third = form(qtbot, store, "activity")
    assert third.link.currentText() == "第1条：" + name.split("：", 1)[1]
    third.close()
    plans.import_plan_text(store, "2022年要点\n一、学习\n"
                                  "1.推进风险防控。每半年开展一次风险排查。\n", 2022)
    fourth = form(qtbot, store, "activity")
    assert fourth.link.chosen() == []
    assert f"上次选的计入要求“{name}”在现在的年度计划中已找不到" in fourth.draft_note.text()


def test_a_changed_records_draft_does_not_say_its_link_moved_when_only_the_plan_did(
        qtbot, store):
    """revclose4 (smaller): a 修改 left unsaved on a record pointed at 第2条, then the plan
    imported again (the same requirement now 第1条, with a new id): 继续修改 said "这条记录
    此后又有改动（计入要求有变动）", and she hunted for a change that was not there."""
    from lianzheng_desktop.storage import plans

    text = ("2022年要点\n一、学习\n1.加强学习。每月开展一次政治学习。\n"
            "2.严格制度执行。每季度开展一次制度学习。\n")
    plans.import_plan_text(store, text, 2022)
    chosen = next(r for r in plans.load_plan(store, 2022).requirements if "制度" in r.text)
    record = _left_unsaved(qtbot, store, chosen.id)
    plans.import_plan_text(store, text.replace("1.加强学习。每月开展一次政治学习。\n", "")
                           .replace("2.严格", "1.严格"), 2022)
    again = form(qtbot, store, "activity", store.get("activity", record.id))
    assert again.link.currentText() == "第1条：每季度开展一次制度学习"
    assert again.fields["topic"].value() == "学习制度（补）"
    assert "已恢复上次未保存的内容" in again.draft_note.text()
    assert "计入要求有变动" not in again.draft_note.text(), again.draft_note.text()


def test_a_requirement_numbered_in_brackets_is_offered_as_the_plan_numbers_it(qtbot, store):
    """reader13: items （一）…（八） keep their brackets; "第（二）条" is not how a plan reads."""
    from lianzheng_desktop.core.plan import Counts, Period, Plan, Requirement
    from lianzheng_desktop.storage import plans

    plans.save_plan(store, Plan(2022, [Requirement(
        "（二）", "党支部每月开展一次政治学习", period=Period.MONTH, target=1,
        counts=Counts("activity", ("专题会议",), "政治学习"))]))
    dialog = form(qtbot, store, "activity")
    assert dialog.link.itemText(1) == "（二）党支部每月开展一次政治学习"


def test_a_changed_records_draft_says_so_when_its_link_really_moved(qtbot, store):
    """revcode2 T3: the test above checks only that "计入要求有变动" is not said when the
    plan alone moved; never saying it passed. Pointed elsewhere while her 修改 waited, the
    record's link did change, and 继续修改 must say so."""
    from lianzheng_desktop.storage import plans

    plans.import_plan_text(store, "2022年要点\n一、学习\n1.加强学习。每月开展一次政治学习。\n"
                                  "2.严格制度执行。每季度开展一次制度学习。\n", 2022)
    first, second = plans.load_plan(store, 2022).requirements
    record = _left_unsaved(qtbot, store, second.id)
    store.set_links("activity", record.id, [first.id])  # changed elsewhere meanwhile
    again = form(qtbot, store, "activity", store.get("activity", record.id))
    assert "计入要求有变动" in again.draft_note.text(), again.draft_note.text()


def _left_unsaved(qtbot, store, requirement_id: int):
    """A meeting pointed at ``requirement_id``, its 修改 typed and the window killed: the
    draft stays."""
    record = store.add("activity", {"date": "2022-03-01", "type": "专题会议", "topic": "学习"})
    store.set_links("activity", record.id, [requirement_id])
    dialog = form(qtbot, store, "activity", record)
    dialog.fields["topic"].set_value("学习制度（补）")
    dialog.keep_draft()
    dialog._draft_timer.stop()
    return record
