"""revloss6 N1: the year's plan imported by the command line, her own changes made (a
requirement's count, a type renamed), the same text imported again (hers kept), then a
corrected text changing another item: her changes went back to the text's values,
"原文未改，软件现在的读法不同" — the second import had stored her values as the reader's."""

import dataclasses

from lianzheng_desktop.cli import main
from lianzheng_desktop.storage import plans
from lianzheng_desktop.storage.db import open_db
from lianzheng_desktop.storage.store import Store

PLAN = """2026年党风廉政建设工作要点
一、加强理论学习
1. 党支部每季度开展1次政治学习。
2. 每季度至少进行1次集中警示教育。
二、落实主体责任
3. 全年召开不少于4次党风廉政建设专题会议。
4. 每半年开展1次党风廉政建设谈心谈话。
"""
CORRECTED = PLAN.replace("不少于4次", "不少于6次")


def _import(db, tmp_path, text, capsys) -> str:
    source = tmp_path / "要点.txt"
    source.write_text(text, encoding="utf-8")
    assert main(["--db", str(db), "--today", "2026-03-01", "plan", "import", str(source),
                 "--year", "2026"]) == 0
    return capsys.readouterr().out


def test_her_changes_outlive_a_second_import_and_a_corrected_text(tmp_path, capsys):
    db = tmp_path / "台账.db"
    _import(db, tmp_path, PLAN, capsys)
    store = Store(open_db(db))
    by_item = {r.item: r for r in plans.load_plan(store, 2026).requirements}
    plans.update_requirement(store, dataclasses.replace(by_item["2"], target=2,
                                                        note="局党组要求每季度2次"))
    store.rename_plan_type("activity", "政治学习", "理论学习")
    store.close()
    said = _import(db, tmp_path, PLAN, capsys)
    assert "保留您的修改" in said, said
    said = _import(db, tmp_path, CORRECTED, capsys)
    assert "读法不同" not in said, said
    store = Store(open_db(db))
    by_item = {r.item: r for r in plans.load_plan(store, 2026).requirements}
    assert by_item["2"].target == 2 and by_item["2"].note == "局党组要求每季度2次"
    assert by_item["1"].counts is not None and by_item["1"].counts.types == ("理论学习",)
    assert by_item["3"].target == 6  # the corrected number is taken
