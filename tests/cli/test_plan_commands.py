import json
from dataclasses import replace
from pathlib import Path

from docx import Document

PLANS = Path(__file__).resolve().parents[1] / "fixtures" / "plans"



def test_plan_import_txt_prints_found_and_unread(tmp_path, cli):
    db = str(tmp_path / "p.db")
    code, out, _ = cli("--db", db, "plan", "import",
                       str(PLANS / "county-government-2022.txt"), "--year", "2023")
    assert code == 0
    assert "14 项有数量指标" in out
    assert "压缩至法定时限的20%" in out


def test_plan_import_docx(tmp_path, cli):
    document = Document()
    for line in ["2024年工作要点", "一、教育", "1.强化教育。每季度至少开展1次集中警示教育。"]:
        document.add_paragraph(line)
    document.save(str(tmp_path / "plan.docx"))
    db = str(tmp_path / "p.db")
    code, out, _ = cli("--db", db, "plan", "import", str(tmp_path / "plan.docx"))
    assert code == 0 and "2024年度计划" in out
    code, out, _ = cli("--db", db, "plan", "show", "--year", "2024", "--json")
    data = json.loads(out)
    assert data["year"] == 2024
    (requirement,) = data["requirements"]
    assert {"id", "item", "text", "period", "target", "coverage", "share", "counts"} <= \
        set(requirement)
    assert (requirement["period"], requirement["target"]) == ("quarter", 1)
    assert requirement["counts"]["ledger"] == "warning_education"


def test_checklist_json(tmp_path, cli):
    db = str(tmp_path / "c.db")
    cli("--db", db, "demo")
    code, out, _ = cli("--db", db, "checklist", "--quarter", "2022Q3", "--as-of",
                       "2022-09-30", "--json")
    assert code == 0
    data = json.loads(out)
    assert (data["quarter"], data["as_of"]) == ("2022Q3", "2022-09-30")
    meetings = next(i for i in data["items"] if i["text"] == "全年召开不少于4次专题会议")
    assert (meetings["period"], meetings["target"], meetings["actual"], meetings["status"]) == \
        ("year", 4, 3, "on_track")
    assert len(meetings["records"]) == 3


def test_a_duty_with_no_record_is_not_said_to_be_under_way(tmp_path, cli):
    """The printed report says "尚未开展" of a duty without a number that no record counts
    toward; the command (and 首页) said "进行中" of the same duty (a reviewer)."""
    db = str(tmp_path / "c.db")
    cli("--db", db, "demo")
    code, out, _ = cli("--db", db, "--today", "2022-09-30", "checklist")
    assert code == 0
    assert "本季度 15 项要求：已完成 8，进行中 2，尚未开展 5" in out
    assert "  [尚未开展] 强化政治监督\n" in out and "  [进行中] 着力做好县委巡察整改工作\n" in out


def test_checklist_without_a_quarter_is_the_as_of_dates(tmp_path, cli):
    db = str(tmp_path / "q.db")
    cli("--db", db, "demo")
    code, out, _ = cli("--db", db, "checklist", "--as-of", "2022-08-10", "--json")
    assert code == 0 and json.loads(out)["quarter"] == "2022Q3"


def test_a_past_quarters_checklist_is_headed_by_its_last_day(tmp_path, cli):
    db = str(tmp_path / "h.db")
    cli("--db", db, "demo")
    code, out, _ = cli("--db", db, "checklist", "--quarter", "2022Q3", "--as-of", "2026-11-30")
    assert code == 0 and out.startswith("2022年第三季度责任清单（截至 2022-09-30）")


def test_checklist_errors_are_one_sentence(tmp_path, cli):
    db = str(tmp_path / "e.db")
    code, _, err = cli("--db", db, "checklist", "--quarter", "2022三季度")
    assert code == 1 and "2022Q3" in err
    code, _, err = cli("--db", db, "checklist", "--quarter", "2030Q1")
    assert code == 1 and "尚无2030年度计划" in err


PLAN_KEYS = {"id", "item", "text", "period", "target", "coverage", "share", "counts"}
CHECKLIST_KEYS = {"id", "text", "period", "target", "actual", "status", "explanation",
                  "records"}


def test_plan_import_trade_union_txt_and_show_json_keys(tmp_path, cli):
    db = str(tmp_path / "t.db")
    code, out, _ = cli("--db", db, "plan", "import", str(PLANS / "trade-union-2022.txt"),
                       "--year", "2023")
    assert code == 0
    code, out, _ = cli("--db", db, "plan", "show", "--year", "2023", "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"year", "requirements"} and data["year"] == 2023
    assert data["requirements"]
    for requirement in data["requirements"]:
        # The issue's key list, plus "role" (the issue asks that the responsible role be
        # recorded where the plan states it); nothing else.
        assert set(requirement) - {"role", "unit"} == PLAN_KEYS
        assert requirement["period"] in {"month", "quarter", "half", "year", None}
    numeric = {(r["period"], r["target"]) for r in data["requirements"]
               if r["target"] is not None}
    assert numeric == {("year", 4), ("quarter", 1), ("half", 1)}


def test_checklist_json_has_exactly_the_issues_keys(tmp_path, cli):
    db = str(tmp_path / "k.db")
    cli("--db", db, "demo")
    code, out, _ = cli("--db", db, "checklist", "--quarter", "2022Q3", "--as-of",
                       "2022-09-30", "--json")
    assert code == 0
    data = json.loads(out)
    # The issue's keys; "summary" (the checklist's one summary line) is the only extra.
    assert set(data) - {"summary"} == {"quarter", "as_of", "items"}
    for entry in data["items"]:
        assert set(entry) >= CHECKLIST_KEYS
        assert entry["status"] in {"done", "on_track", "behind", "failed", "not_due"}


def test_no_plan_for_the_year_is_exit_1(tmp_path, cli):
    db = str(tmp_path / "n.db")
    code, _, err = cli("--db", db, "plan", "show", "--year", "2031", "--json")
    assert code == 1 and "2031" in err


def test_a_gbk_plan_written_yishi_ershi_and_a_per_person_duty(tmp_path, cli):
    """Chinese Windows saves GBK; a plan written 一是……二是…… has no numbered lines."""
    text = ("2025年机关党支部工作要点\n一是每月开展一次政治学习；二是班子成员每季度至少听取1次"
            "分管科室汇报；三是每周五集中学习1次。\n")
    (tmp_path / "plan.txt").write_bytes(text.encode("gbk"))
    db = str(tmp_path / "p.db")
    code, out, _ = cli("--db", db, "plan", "import", str(tmp_path / "plan.txt"))
    assert code == 0
    assert "每月政治学习不少于1次" in out and "政治学习（会议活动）" in out
    assert "每周五集中学习1次" in out  # listed, not tracked
    from lianzheng_desktop.storage.db import open_db
    from lianzheng_desktop.storage.store import Store

    store = Store(open_db(db))
    for name in ("甲", "乙", "丙"):
        store.add("roster", {"name": name, "role": "班子成员", "active": True})
    for name in ("甲", "乙"):
        store.add("activity", {"date": "2025-02-10", "type": "听取汇报", "topic": "听取汇报",
                               "host": name})
    store.add("activity", {"date": "2025-02-11", "type": "政治学习", "topic": "学习党章"})
    store.db.close()
    code, out, _ = cli("--db", db, "checklist", "--quarter", "2025Q1", "--as-of",
                       "2025-03-31", "--json")
    items = json.loads(out)["items"]
    duty = next(i for i in items if "班子成员" in i["text"])
    assert (duty["status"], duty["missing"], duty["role"]) == ("failed", ["丙"],
                                                               "leadership_member")
    study = next(i for i in items if "政治学习" in i["text"])
    assert study["records"] and study["actual"] == 1


def test_importing_the_years_plan_again_keeps_and_names_what_the_file_lacks(tmp_path, cli):
    from lianzheng_desktop.core.plan import Counts, Period, Requirement
    from lianzheng_desktop.storage import plans
    from lianzheng_desktop.storage.db import open_db
    from lianzheng_desktop.storage.store import Store

    db = tmp_path / "p.db"
    plan_file = tmp_path / "要点.txt"
    plan_file.write_text("2024年机关党支部工作要点\n一、责任\n1.会议。每季度召开专题会议1次。\n",
                         encoding="utf-8")
    assert cli("--db", str(db), "plan", "import", str(plan_file))[0] == 0
    store = Store(open_db(db))
    plans.add_requirement(store, 2024, Requirement(
        item="2", text="每月开展1次廉政学习", counts=Counts("activity", ("廉政学习",)),
        period=Period.MONTH, target=1))
    store.db.close()
    code, out, _ = cli("--db", str(db), "plan", "import", str(plan_file), "--year", "2024")
    assert code == 0 and "手工新增的，照常保留在计划末尾" in out
    assert "[2] 每月开展1次廉政学习" in out
    store = Store(open_db(db))
    assert [r.text for r in plans.load_plan(store, 2024).requirements][-1] == "每月开展1次廉政学习"
    store.db.close()


def test_a_corrected_plan_changes_its_requirements_instead_of_doubling_them(tmp_path, cli):
    """A reviewer re-imported the county's corrected plan ("不少于6次" → "5次", one item
    taken out): the old requirement stayed beside the new one, the record pointed at it
    with it, and the report printed both targets. Now the corrected one takes its place
    with its 计入要求; an item the new text left out goes, unless work hangs on it."""
    from lianzheng_desktop.storage import plans
    from lianzheng_desktop.storage.db import open_db
    from lianzheng_desktop.storage.store import Store

    db = tmp_path / "p.db"
    plan_file = tmp_path / "要点.txt"
    plan_file.write_text("2025年工作要点\n一、责任\n1.全年召开不少于6次专题会议。\n"
                         "2.推进风险防控。\n3.严格党内监督。\n4.每半年开展1次谈心谈话。\n",
                         encoding="utf-8")
    assert cli("--db", str(db), "plan", "import", str(plan_file))[0] == 0
    store = Store(open_db(db))
    meetings, risks, watch, _talks = plans.load_plan(store, 2025).requirements
    plans.update_requirement(store, replace(watch, manual_done=True, note="已开展"))
    record = store.add("activity", {"date": "2025-01-04", "type": "专题会议", "topic": "部署"})
    store.set_links("activity", record.id, [meetings.id])
    store.db.close()
    plan_file.write_text("2025年工作要点\n一、责任\n1.全年召开不少于5次专题会议。\n"
                         "2.每半年开展1次谈心谈话。\n", encoding="utf-8")  # 2 and 3 taken out
    code, out, _ = cli("--db", str(db), "plan", "import", str(plan_file), "--year", "2025")
    assert code == 0
    assert "[2] 推进风险防控" in out.split("已从计划中去掉")[1].split("原有计划")[0]
    assert "暂保留在计划末尾" in out and "[3] 严格党内监督" in out  # its mark and note
    assert "已按这份工作要点更新" in out and "[1] 全年召开不少于6次专题会议" in out
    store = Store(open_db(db))
    plan = plans.load_plan(store, 2025).requirements
    assert [(r.item, r.text) for r in plan] == [
        ("1", "全年召开不少于5次专题会议"), ("2", "每半年开展1次谈心谈话"),
        ("3", "严格党内监督")]
    assert plan[0].target == 5 and list(store.links("activity", record.id)) == [plan[0].id]
    assert (plan[2].manual_done, plan[2].note) == (True, "已开展")
    store.db.close()


def test_plan_import_of_a_plan_read_as_nothing_says_so_plainly(tmp_path, cli):
    """revoffice F1: "…0 项要求，其中 0 项有数量指标：" with nothing after the colon."""
    (tmp_path / "p.txt").write_text("2026年工作要点\n坚持党的领导，加强党的建设。\n"
                                    "持续深化党风廉政建设。", encoding="utf-8")
    code, out, _ = cli("--db", str(tmp_path / "p.db"), "plan", "import",
                       str(tmp_path / "p.txt"), "--year", "2026")
    assert code == 0
    assert "没有读出任何要求" in out and "逐条添加" in out
    assert "0 项" not in out and not out.rstrip().endswith("：")


def test_plan_import_without_numbers_does_not_end_on_a_colon(tmp_path, cli):
    (tmp_path / "p.txt").write_text("一、严格落实廉政承诺制度。\n二、认真开展警示教育。",
                                    encoding="utf-8")
    code, out, _ = cli("--db", str(tmp_path / "p.db"), "plan", "import",
                       str(tmp_path / "p.txt"), "--year", "2026")
    assert code == 0
    assert "2 项要求，都没有数量指标" in out and "其中 0 项" not in out


def test_plan_import_of_slogans_says_they_are_not_duties(tmp_path, cli):
    """revjiwei2 N5: a plan of guiding principles imported as three "requirements" the
    report then said were "尚未开展"."""
    plan = tmp_path / "plan2027.txt"
    plan.write_text("2027年党风廉政建设工作要点\n"
                    "一、坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻党的二十大精神。\n"
                    "二、持之以恒正风肃纪，营造风清气正的良好政治生态。\n", encoding="utf-8")
    code, out, _ = cli("--db", str(tmp_path / "p.db"), "plan", "import", str(plan))
    assert code == 0
    assert "都是指导思想或总体目标" in out
    assert ("[二] 持之以恒正风肃纪，营造风清气正的良好政治生态。"
            "（指导思想或总体目标，不作为检查事项）") in out
    assert "按周" not in out


def test_a_checklist_as_of_a_day_not_yet_come_is_refused_as_the_report_is(tmp_path, cli):
    """`checklist --as-of` a fortnight ahead printed "距季度末还有16天" of a day to come
    (reviewer revnew, N-cli-1); `report` already refused such a date."""
    db = str(tmp_path / "f.db")
    cli("--db", db, "demo")
    code, out, err = cli("--db", db, "checklist", "--as-of", "2099-01-01")
    assert code == 1 and out == ""
    assert err.strip().startswith("错误：截至日期 2099-01-01 晚于今天"), err


def test_a_plan_is_never_replaced_by_a_year_read_from_the_text(tmp_path, cli):
    """revloss F3: a 2027 plan whose opening said "根据2026年12月县纪委全会部署" was read as
    2026's and replaced the 2026 plan without a question. The date is not the plan's year,
    and a year read from a text never replaces a plan on its own."""
    from lianzheng_desktop.core.plan_parser import plan_year

    assert plan_year("根据2026年12月县纪委全会部署，结合实际，制定本要点。\n一、责任") is None
    assert plan_year("2026年，我会党风廉政建设工作取得新成效。2027年党风廉政建设工作要点如下：") \
        == 2027
    assert plan_year("2025年工作回顾。2026年工作打算") is None  # two years, neither named
    # the year nearest the plan's name; a name in 《》 is another document's (revdiff4 F5)
    assert plan_year("县总工会2026年工作总结暨2027年党风廉政建设工作要点\n一、") == 2027
    assert plan_year("根据《县委2026年党风廉政建设主体责任清单》，现制定2027年党风廉政建设"
                     "工作要点如下：") == 2027
    assert plan_year("关于印发《2026年党风廉政建设主体责任清单》的通知") == 2026
    # the plan's own name in 《》, and a title line without 要点 (revlast3 2, 3)
    assert plan_year("关于印发《2027年党风廉政建设工作要点》的通知\n在全面完成2026年工作计划的"
                     "基础上") == 2027
    assert plan_year("2027年党风廉政建设工作\n巩固深化2026年成果") == 2027
    assert plan_year("党支部党风廉政建设工作计划（2027年度）\n2026年以来，") == 2027
    from lianzheng_desktop.qt.plan_paste import named_year  # the paste box reads it alike (F4)

    assert named_year("根据2026年12月县纪委全会部署，制定本要点。\n2027年党风廉政建设工作要点") \
        == 2027
    db = str(tmp_path / "p.db")
    first = tmp_path / "2026.txt"
    first.write_text("2026年工作要点\n一、责任\n1.全年召开不少于4次专题会议。\n", encoding="utf-8")
    assert cli("--db", db, "plan", "import", str(first))[0] == 0
    later = tmp_path / "2027.txt"
    later.write_text("2026年，本支部党风廉政建设取得新成效。\n一、责任\n1.全年召开不少于6次专题会议。\n",
                     encoding="utf-8")
    code, _, err = cli("--db", db, "plan", "import", str(later))
    assert code == 1 and "2026年度计划已存在" in err and "--year" in err
    code, out, _ = cli("--db", db, "plan", "show", "--year", "2026")
    assert "不少于4次" in out and "不少于6次" not in out  # untouched
    assert cli("--db", db, "plan", "import", str(later), "--year", "2027")[0] == 0


def test_a_past_quarters_checklist_counts_as_of_its_end_as_the_paper_does(tmp_path, cli):
    """revjiwei9 J5: `checklist --quarter 2026Q3` on 11月30日 was headed 截至 2026-09-30 but
    counted the year's 总结 up to today ("距2027年1月15日报送期限还有46天", 尚未开展), so its
    totals differed from the paper's 附件1 and from `--as-of 2026-09-30`."""
    plan = tmp_path / "plan.txt"
    plan.write_text("2026年党风廉政建设工作要点\n一、责任\n1.述廉述责。每季度至少开展1次集中"
                    "警示教育。\n2.总结。年度工作总结于次年1月15日前报送县纪委。\n",
                    encoding="utf-8")
    db = str(tmp_path / "r.db")
    assert cli("--db", db, "--today", "2026-01-06", "plan", "import", str(plan))[0] == 0
    _, by_default, _ = cli("--db", db, "--today", "2026-11-30", "checklist", "--quarter",
                           "2026Q3")
    _, at_its_end, _ = cli("--db", db, "--today", "2026-11-30", "checklist", "--quarter",
                           "2026Q3", "--as-of", "2026-09-30")
    assert by_default == at_its_end
    assert "报送期限还有" not in by_default and "未到期" in by_default
