"""Finding 4, the rest: every table a user's work lives in is in the audit trail, so an
edit made to the file outside the app (plain sqlite3) is found by ``check`` — the plan and
its requirements, the unit profile, report drafts and versions, the types a plan adds,
records' links to requirements, 回收站, and each record's 补录 flag and times. A file from
before 0011 upgrades and checks clean."""

import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from lianzheng_desktop.cli import main
from lianzheng_desktop.core.plan import Counts, Period, Requirement
from lianzheng_desktop.core.records import UnitProfile
from lianzheng_desktop.core.report_model import ReportPeriod
from lianzheng_desktop.paths import AppPaths
from lianzheng_desktop.storage import audit, plans, reports
from lianzheng_desktop.storage.db import open_db
from lianzheng_desktop.storage.store import Store

FIXTURES = Path(__file__).parent.parent / "fixtures"


def _check(paths, capsys):
    code = main(["--db", str(paths.db_path), "check"])
    out, _ = capsys.readouterr()
    return code, out


@pytest.fixture
def work(tmp_path):
    """A data folder holding something in every covered table, all written in the app."""
    paths = AppPaths(tmp_path / "data" / "lianzheng.db")
    store = Store(open_db(paths.db_path, backup_dir=paths.backups_dir),
                  clock=lambda: datetime(2022, 4, 2, 9, 0))
    store.save_profile(UnitProfile("某县总工会", "县总工会机关党支部", "王建国"))
    store.add("roster", {"name": "王建国", "role": "书记"})
    store.add("talk", {"date": "2022-02-10", "type": "廉政谈话", "talker": "县纪委 张同志",
                       "talkees": "王建国", "summary": "节前提醒"})  # entered late: 补录
    activity = store.add("activity", {"date": "2022-03-28", "type": "组织生活会",
                                      "topic": "以案促改"})
    gone = store.add("warning_education", {"date": "2022-03-20", "form": "观看警示教育片",
                                           "topic": "观看《零容忍》"})
    store.delete("warning_education", gone.id)  # into 回收站
    plan = plans.load_plan(store, 2022)
    first = plan.requirements[0]
    first.note, first.manual_done = "已布置", True
    plans.update_requirement(store, first)
    store.add_plan_types([("activity", "廉政家访")], 2022)
    store.set_links("activity", activity.id, [first.id])
    period = ReportPeriod(2022, 1)
    reports.save_texts(store, period, {"一、主要工作": "一季度开展谈话一次。"})
    printed = tmp_path / "报告.pdf"
    printed.write_bytes(b"%PDF-1.4 printed")
    reports.record_version(store, period, printed, {"一、主要工作": "一季度开展谈话一次。"})
    store.db.close()
    return paths, first.id


def test_what_the_app_wrote_checks_clean(work, capsys):
    paths, _ = work
    code, out = _check(paths, capsys)
    assert code == 0, out


FIRST = "2022年度计划第1条要求"
EDITS = {
    "plan title": ("UPDATE plan SET title = '另一份计划'",
                   "2022年度计划的内容与最后一次留痕不一致"),
    "plan text": ("UPDATE plan SET source_text = source_text || '十、新增一条。'",
                  "2022年度计划的内容与最后一次留痕不一致"),
    "target": ("UPDATE requirement SET target = 99 WHERE id = {first}",
               f"{FIRST}（"),
    "manual mark": ("UPDATE requirement SET manual_done = 0 WHERE id = {first}", f"{FIRST}（"),
    "note": ("UPDATE requirement SET note = '' WHERE id = {first}", f"{FIRST}（"),
    "requirement removed": ("DELETE FROM requirement WHERE position = 1",
                            "2022年度计划第2条要求"),
    "requirement added": (
        "INSERT INTO requirement (year, position, item, text, created_at, updated_at)"
        " VALUES (2022, 99, '十', '补一条', '2022-04-02T09:00:00', '2022-04-02T09:00:00')",
        "2022年度计划第100条要求（“补一条”）没有留痕记录"),
    "requirement mangled": ("UPDATE requirement SET position = '第五' WHERE id = {first}",
                            "年度计划的要求（“巩固拓展党史学习教育成果”）的内容与最后一次留痕不一致"),
    "profile": ("UPDATE unit_profile SET secretary_name = '张三'",
                "单位信息的内容与最后一次留痕不一致"),
    "report draft": ("UPDATE report_draft SET sections = '{\"一、主要工作\": \"改过\"}'",
                     "2022年第一季度报告草稿的内容与最后一次留痕不一致"),
    "report version": ("UPDATE report_version SET sha256 = '00'",
                       "2022年第一季度报告的交出登记（2022-04-02 09:00:00）的内容"
                       "与最后一次留痕不一致"),
    "report version removed": ("DELETE FROM report_version",
                               "交出登记（2022-04-02 09:00:00）已不存在，但没有删除的留痕"),
    "plan type": ("UPDATE record_type SET name = '家访'",
                  "会议活动中计划添加的类型“廉政家访”已不存在"),
    "links": ("DELETE FROM record_requirement",
              "会议活动中2022-03-28的“以案促改”与计划要求的对应关系已不存在，但没有删除的留痕"),
    "trash": ("UPDATE trash SET content = replace(content, '零容忍', '零')",
              "回收站中的“2022-03-20　观看《零容忍》”的内容与最后一次留痕不一致"),
    "trash emptied": ("DELETE FROM trash", "回收站中的“2022-03-20　观看《零容忍》”已不存在"),
    "补录 flag": ("UPDATE talk SET late_entry = 0",
                "谈话记录中2022-02-10的廉政谈话（县纪委 张同志→王建国）的内容与最后一次留痕"
                "不一致（不同之处：“补录标记”）"),
    "created time": ("UPDATE activity SET created_at = '2022-03-28T18:00:00'",
                     "会议活动中2022-03-28的“以案促改”的内容与最后一次留痕不一致"
                     "（不同之处：“录入时间”）"),
    "updated time": ("UPDATE activity SET updated_at = '2022-03-29T08:00:00'",
                     "会议活动中2022-03-28的“以案促改”的内容与最后一次留痕不一致"
                     "（不同之处：“修改时间”）"),
}


@pytest.mark.parametrize("edit", EDITS, ids=list(EDITS))
def test_an_edit_outside_the_app_is_found(work, capsys, edit):
    paths, first_id = work
    sql, expected = EDITS[edit]
    conn = sqlite3.connect(paths.db_path)
    conn.execute("PRAGMA foreign_keys = ON")
    with conn:
        conn.execute(sql.replace("{first}", str(first_id)))
    conn.close()
    code, out = _check(paths, capsys)
    assert code == 1
    assert expected.replace("{first}", str(first_id)) in out, out
    assert "软件之外" in out


def _upgraded(tmp_path):
    paths = AppPaths(tmp_path / "data" / "lianzheng.db")
    paths.db_path.parent.mkdir(parents=True)
    shutil.copy(FIXTURES / "schema_0010.db", paths.db_path)
    return paths


def test_a_file_from_before_0011_upgrades_and_checks_clean(tmp_path, capsys):
    paths = _upgraded(tmp_path)
    code, out = _check(paths, capsys)
    assert code == 0, out
    db = open_db(paths.db_path)
    logged = {row[0] for row in db.execute("SELECT DISTINCT ledger FROM audit_log")}
    assert set(audit_tables()) <= logged  # every covered table's rows are now in the trail
    # The entry that added 补录 and the times to a record's logged state is nobody's edit:
    # the record's history still reads 新建, 修改 only.
    assert [e.action for e in audit.history(db, "activity", 1)] == ["create", "update"]
    db.close()


def audit_tables():
    from lianzheng_desktop.storage.trail import COVERED

    return COVERED


def test_an_upgraded_file_is_covered_from_then_on(tmp_path, capsys):
    paths = _upgraded(tmp_path)
    assert _check(paths, capsys)[0] == 0
    conn = sqlite3.connect(paths.db_path)
    with conn:
        conn.execute("UPDATE requirement SET target = 7 WHERE position = 4")
        conn.execute("UPDATE talk SET late_entry = 0")
    conn.close()
    code, out = _check(paths, capsys)
    assert code == 1
    assert "2022年度计划第5条要求" in out and "的内容与最后一次留痕不一致（不同之处：“补录标记”）" \
        in out, out
    assert "编号" not in out  # the database's row number is shown nowhere


def test_a_record_edited_outside_before_the_upgrade_is_still_reported(tmp_path, capsys):
    """The upgrade logs 补录 and the times only onto a record whose logged state still
    matches it: it never makes an earlier outside edit look like the app's own."""
    paths = _upgraded(tmp_path)
    conn = sqlite3.connect(paths.db_path)
    with conn:
        conn.execute("UPDATE activity SET topic = '改过的主题'")
    conn.close()
    code, out = _check(paths, capsys)
    assert code == 1
    assert "的“改过的主题”的内容与最后一次留痕不一致（不同之处：“主题”）" in out, out


def test_every_writer_logs_what_it_writes(tmp_path):
    """Each way the app changes a covered table leaves the trail agreeing with the file."""
    store = Store(open_db(tmp_path / "l.db"), clock=lambda: datetime(2022, 5, 6, 9, 0))
    store.add("roster", {"name": "王建国", "role": "书记"})
    activity = store.add("activity", {"date": "2022-05-01", "type": "组织生活会",
                                      "topic": "学习"})
    plan = plans.load_plan(store, 2022)
    period = ReportPeriod(2022, 2)
    printed = tmp_path / "报告.pdf"
    printed.write_bytes(b"%PDF-1.4")
    steps = {
        "save_profile": lambda: store.save_profile(UnitProfile("甲", "乙", "丙")),
        "add_plan_types": lambda: store.add_plan_types([("activity", "廉政家访")], 2022),
        "add_requirement": lambda: plans.add_requirement(
            store, 2022, Requirement(item="十", text="开展廉政家访", counts=Counts(
                "activity", ("廉政家访",), "廉政家访"), target=1, period=Period.YEAR)),
        "rename_plan_type": lambda: store.rename_plan_type("activity", "廉政家访", "家访"),
        "set_links": lambda: store.set_links("activity", activity.id,
                                             [plan.requirements[0].id]),
        "update_requirement": lambda: plans.update_requirement(
            store, _with_note(plans.load_plan(store, 2022).requirements[0])),
        "remove_requirement": lambda: plans.remove_requirement(
            store, plans.load_plan(store, 2022).requirements[0].id),
        "set_links again": lambda: store.set_links("activity", activity.id, [
            plans.load_plan(store, 2022).requirements[1].id]),
        "save_plan": lambda: plans.save_plan(store, plans.load_plan(store, 2022), "新文本"),
        "start_new_year": lambda: plans.start_new_year(store, 2023),
        "save_texts": lambda: reports.save_texts(store, period, {"一": "甲"}),
        "save_texts again": lambda: reports.save_texts(store, period, {"一": "甲乙"}),
        "record_version": lambda: reports.record_version(store, period, printed, {"一": "甲"}),
        "clear_texts": lambda: reports.clear_texts(store, period),
        "delete (into 回收站)": lambda: store.delete("activity", activity.id),
        "restore": lambda: _restore_first(store),
        "delete again": lambda: store.delete("activity", activity.id),
        "empty 回收站": lambda: _empty(store),
    }
    for name, step in steps.items():
        count = _entries(store)
        step()
        assert audit.verify(store) == [], name
        assert _entries(store) > count, name  # it did write, and wrote to the trail


def _with_note(requirement):
    requirement.note = "已办"
    return requirement


def _restore_first(store):
    from lianzheng_desktop.storage import trash

    trash.restore(store, trash.entries(store)[0].id)


def _empty(store):
    from lianzheng_desktop.storage import trash

    trash.empty(store)


def _entries(store):
    return store.db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
