"""revjiwei3 (a 纪委's reading at the turn of the year): section 四 against next year's
plan (J2), written on the day it is made (J11); the 整改 items carried into a year (J4);
no on-schedule duty nor countdown in section 三 (J5); words as a person writes them (J6).

Each test was seen failing on the code before the fix."""

import re
from dataclasses import replace
from datetime import date, datetime

from lianzheng_desktop.core.ledgers import LEDGERS, to_values
from lianzheng_desktop.core.report_content import build_document
from lianzheng_desktop.core.report_model import SECTION_HEADINGS, ReportPeriod
from lianzheng_desktop.storage import plans
from lianzheng_desktop.storage.reports import load_report_data

DUTY, PERSONAL, PROBLEMS, NEXT = SECTION_HEADINGS
DATE_RE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")

# The demo's 2022 plan, as a county rewords it for 2023: 专题会议 "全年召开不少于4次" →
# "每年召开党风廉政建设专题会议不少于4次", 集中警示教育 "进行" → "开展", renumbered; 党务政务
# 公开, 党史学习教育, 党内政治生活, 政治监督, 责任分工 dropped (as /tmp/revjiwei3/plan2027.txt).
PLAN_2023 = """县总工会机关党支部2023年党风廉政建设工作要点
一、坚持政治引领，压紧压实全面从严治党责任
1.深入学习贯彻党的创新理论。严格落实“第一议题”制度，推动党纪学习教育常态化长效化。
2.持续抓好县委巡察整改。对县委巡察反馈问题整改情况开展“回头看”，做到问题不清零不收兵。
3.压实主体责任。每年召开党风廉政建设专题会议不少于4次，研究解决党风廉政建设工作中的重要问题。
二、强化监督制约，规范权力运行
4.严格党内监督。抓好党组织日常监督、党员民主监督。
5.严格制度执行。严格落实领导干部报告个人有关事项、廉政承诺、谈话等制度。
6.推进风险防控。持续开展廉政风险点排查。
三、加强纪律教育，筑牢拒腐防变思想防线
7.深化警示教育。做到党风廉政教育和警示教育全覆盖。坚持每季度至少开展1次集中警示教育，每季度开展1次党风廉政建设谈心谈话。
8.推进作风建设。认真贯彻落实中央八项规定及其实施细则精神。
9.严肃执纪问责。运用好监督执纪问责“四种形态”。
"""


def _texts(store, period, as_of=None, person=None):
    return build_document(load_report_data(store, period, as_of, person)).section_texts()


def _with_2023_plan(store, day):
    store.clock = lambda: day
    plans.import_plan_text(store, PLAN_2023, 2023)


def _steps(text):
    return [line for line in text.splitlines()[1:]]


def _heard(store, day, topic, attendees=("张志强",)):
    """A 听取汇报 王建国 held of ``topic`` on ``day``."""
    store.add("activity", {"date": day, "type": "听取汇报", "topic": topic, "host": "王建国",
                           "attendees": list(attendees)})


def _zhangs_q4_duty(store):
    """一 of 张志强's own 2022 Q4 paper."""
    return _texts(store, ReportPeriod(2022, 4), date(2022, 12, 31), person="张志强")[DUTY]


def test_a_duty_next_year_rewords_is_planned_once_with_its_shortfall(demo_store):
    before = _texts(demo_store, ReportPeriod(2022))[NEXT]
    assert "“全年召开不少于4次专题会议”" in before  # 2022 missed it (no 2023 plan yet)
    _with_2023_plan(demo_store, datetime(2023, 1, 15, 9))
    nxt = _texts(demo_store, ReportPeriod(2022))[NEXT]
    for duty in ("专题会议", "集中警示教育"):
        assert sum(duty in line for line in _steps(nxt)) == 1, nxt
    assert ("每年召开党风廉政建设专题会议不少于4次（2022年度未达到要求，须切实改进），"
            "2023年3月31日前") in nxt, nxt
    assert "坚持每季度至少开展1次集中警示教育（2022年度未达到要求，须切实改进），2023年3月31日前" \
        in nxt, nxt
    assert "全年召开不少于4次" not in nxt and "进行1次" not in nxt


def test_next_years_plan_imported_early_waits_for_this_years_paper_to_be_over(demo_store):
    """revyear3 H3: the 2023 plan imported on 8 December put 2023 deadlines into a Q4 paper
    dated 8 December, burying the year's own open duties. Before the period is over,
    section four keeps to this year; from its last day on, it plans from next year's."""
    _with_2023_plan(demo_store, datetime(2022, 12, 8, 9))
    early = _texts(demo_store, ReportPeriod(2022, 4), date(2022, 12, 8))[NEXT]
    assert "2023年" not in early, early
    assert "2022年12月31日前" in early, early
    over = _texts(demo_store, ReportPeriod(2022, 4), date(2022, 12, 31))[NEXT]
    assert "2023年3月31日前" in over, over


def test_no_duty_the_next_plan_dropped_is_promised_for_next_year(demo_store):
    _with_2023_plan(demo_store, datetime(2023, 1, 15, 9))
    nxt = _texts(demo_store, ReportPeriod(2022))[NEXT]
    for dropped in ("推进党务政务公开", "巩固拓展党史学习教育成果", "严肃党内政治生活",
                    "强化政治监督", "明确责任分工", "着力做好县委巡察整改工作"):
        assert dropped not in nxt, (dropped, nxt)
    assert "“严肃执纪问责”" in nxt  # still asked in 2023, and without a record in 2022


def test_no_step_is_the_plan_phrase_alone(demo_store):
    _with_2023_plan(demo_store, datetime(2023, 1, 15, 9))
    nxt = _texts(demo_store, ReportPeriod(2022))[NEXT]
    assert "做到党风廉政教育和警示教育全覆盖。" not in nxt
    for line in _steps(nxt):  # each duty's: a date, or who leads it with what measures
        if "整改" not in line:  # (the 整改 items' steps name the items themselves)
            assert DATE_RE.search(line) or "措施" in line, line
    assert "提前谋划、按季度推进" not in nxt  # the 巡察整改 duty: its items' steps are its plan


def test_a_coverage_duty_missed_names_whom_it_left_out(demo_store):
    """"三是做到党风廉政教育和警示教育全覆盖。" was the plan's phrase as a step: a coverage duty
    met asks nothing to name; one missed names whom it left out, first thing next year."""
    _with_2023_plan(demo_store, datetime(2023, 1, 15, 9))
    met = _texts(demo_store, ReportPeriod(2022))[NEXT]
    assert "全覆盖" not in met  # 2022 reached everyone: no step to name
    for name, left in (("赵六", ""), ("钱七", "2022-12-31")):  # 钱七 has left since
        demo_store.add("roster", {"name": name, "role": "其他", "active": not left,
                                  "joined_on": "2022-01-01", "left_on": left})
    document = build_document(load_report_data(demo_store, ReportPeriod(2022)))
    row = next(r for r in document.appendices[0].rows if "全覆盖" in r[1])
    assert row[2] == "未完成" and "赵六" in row[3] and "钱七" in row[3], row
    nxt = document.section_texts()[NEXT]
    assert ("做到党风廉政教育和警示教育全覆盖（2022年度未达到要求，须切实改进），"
            "2023年3月31日前组织2022年未覆盖的赵六参加警示教育。") in nxt, nxt


def test_an_annual_printed_late_plans_from_the_day_it_is_signed(demo_store):
    """J11: signed 5 April: no "3月31日前", nor work on an item finished since."""
    [item] = [i for i in demo_store.list("rectification") if i.number == "XC-2022-05"]
    _with_2023_plan(demo_store, datetime(2023, 4, 5, 9))
    values = to_values(LEDGERS["rectification"], item)
    demo_store.update("rectification", item.id, {**values, "status": "已完成",
                                                 "completed_date": "2023-02-10"})
    document = build_document(load_report_data(demo_store, ReportPeriod(2022)))
    nxt = document.section_texts()[NEXT]
    assert document.closing[-1] == "2023年4月5日"
    for y, m, d in DATE_RE.findall(nxt):
        assert date(int(y), int(m), int(d)) >= date(2023, 4, 5), nxt
    assert "2023年6月30日前累计至少召开专题会议2次" in nxt, nxt
    assert f"完成逾期整改事项“{item.description}”" not in nxt
    assert f"对“{item.description}”开展整改“回头看”" in nxt  # finished, not looked back at
    # sections one to three still tell the year as it stood on 31 December
    assert f"整改事项“{item.description}”整改时限为2022年9月30日" in \
        document.section_texts()[PROBLEMS]


# -- J4: the 整改 items carried into a year are not that year's 巡察反馈 ---------------------

def test_items_carried_into_a_year_are_named_as_carried_on_screen_and_paper(demo_store):
    from lianzheng_desktop.core.periods import Quarter

    demo_store.clock = lambda: datetime(2023, 4, 1, 9)
    plans.start_new_year(demo_store, 2023, 2022)
    demo_store.add("rectification", {
        "number": "XC-2023-01", "source": "巡察反馈", "description": "新发现的问题",
        "owner": "张志强", "found_date": "2023-02-01", "deadline": "2023-06-30",
        "status": "整改中"})
    screen = plans.load_checklist(demo_store, Quarter(2023, 1), date(2023, 3, 31))
    on_screen = next(i for i in screen.items if "整改" in i.requirement.text)
    document = build_document(load_report_data(demo_store, ReportPeriod(2023, 1)))
    row = next(r for r in document.appendices[0].rows if "整改" in r[1])
    problems = document.section_texts()[PROBLEMS]
    said = "巡察反馈的整改事项3件（2023年新增1件、往年延续2件）"
    assert on_screen.explanation.replace(" ", "").startswith(said), on_screen.explanation
    assert row[3].startswith(said) and said in problems, row
    assert "2023年巡察反馈的整改事项3件" not in problems + row[3]


def test_items_words():
    from lianzheng_desktop.core.checklist_words import items_words

    assert items_words("2027年", ("巡察反馈",), 2, 0) == "2027年巡察反馈的整改事项2件"
    assert items_words("2027年", ("巡察反馈",), 2, 2) == "巡察反馈的整改事项2件（均为往年延续）"
    assert items_words("2027年", (), 3, 1, " ") == "整改事项 3 件（2027年新增2件、往年延续1件）"
    assert items_words("本季度", (), 2, 2) == "整改事项2件（均为此前延续）"


# -- J5: section 三 holds problems; a paper counts no days down --------------------------

def test_a_duty_on_schedule_is_not_a_problem_and_no_paper_counts_down(demo_store):
    demo_store.clock = lambda: datetime(2022, 8, 15, 17)  # written on the day it counts to
    document = build_document(load_report_data(demo_store, ReportPeriod(2022, 3),
                                               date(2022, 8, 15)))
    texts = document.section_texts()
    row = next(r for r in document.appendices[0].rows if r[1] == "全年召开不少于4次专题会议")
    assert row[2] == "进行中"  # two held, its share so far met
    assert "全年召开不少于4次专题会议" not in texts[PROBLEMS], texts[PROBLEMS]
    assert "尚在推进" not in texts[PROBLEMS] and "须在期限内完成" not in texts[PROBLEMS]
    assert "全年召开不少于4次专题会议，目前已召开专题会议2次" in texts[NEXT]  # planned in 四
    rows = "".join(cell for a in document.appendices for r in a.rows for cell in r)
    assert not re.search(r"距\S{1,3}还有", "".join(texts.values()) + rows)


# -- J6: as a person writes ----------------------------------------------------------------

def test_a_report_to_the_branch_takes_no_verb_before_it(demo_store):
    demo_store.clock = lambda: datetime(2023, 4, 5, 9)
    plans.import_plan_text(demo_store, "2023年要点\n一、责任\n1.落实“一岗双责”。班子成员每半年"
                                       "向党支部报告一次履行“一岗双责”情况。\n", 2023)
    document = build_document(load_report_data(demo_store, ReportPeriod(2023, 1),
                                               person="张志强"))
    row = document.appendices[0].rows[0]
    assert row[3].startswith("本人尚未报告履责情况"), row  # the 履责报告 it asks
    text = "".join(document.section_texts().values())
    assert "开展向党支部" not in text + row[3], text


def test_one_who_took_part_is_not_said_to_take_part_twice(demo_store):
    demo_store.add("warning_education", {
        "date": "2022-05-18", "form": "以案促改专题会", "topic": "以案促改专题会",
        "place": "机关会议室", "host": "王建国", "attendees": "王建国、张志强、陈立新、刘芳",
        "head_count": "4", "summary": ""})
    duty = _texts(demo_store, ReportPeriod(2022, 2), person="张志强")[DUTY]
    assert "5月18日参加以案促改专题会（王建国主持，共4人）" in duty, duty
    assert "（李秀梅主持，本人参加，共11人）" in duty  # one not saying 参加: said in brackets


def test_one_talk_is_told_once_not_counted_again(demo_store):
    duty = _texts(demo_store, ReportPeriod(2022, 4), person="王建国")[DUTY]
    assert "11月9日本人与周伟开展廉政谈话（“一对一”问题性约谈），谈话指出：慰问金发放登记不规范。" \
        in duty, duty
    assert "谈话覆盖党员干部1人" not in duty and "问题性约谈1次" not in duty


def test_a_year_report_before_the_years_end_does_not_send_this_years_work_to_next_year(
        store):
    """Made on 30 November, the year's report planned a half-yearly duty missed in the
    first half only "在2023年工作中提前谋划", while the quarter's report of the same day said
    the second half's was due by 31 December (reviewer revnew, N-rep-3; "在余下时间抓紧补上"
    of a quarter already over was no better: revdiff3, D2)."""
    store.add("roster", {"name": "甲", "role": "书记", "active": True})
    plans.import_plan_text(store, "2022年党支部工作要点\n一、监督\n"
                           "1.每半年至少召开1次党风廉政建设形势分析会。\n", 2022)
    store.clock = lambda: datetime(2022, 11, 30, 9)
    steps = build_document(load_report_data(store, ReportPeriod(2022), date(2022, 11, 30))
                           ).section_texts()[SECTION_HEADINGS[3]]
    # the second half still open is planned by its date, once: not again "在2023年…"
    # beside it (revjiwei4, K6)
    assert "每半年至少召开1次党风廉政建设形势分析会，须于2022年12月31日前完成" in steps, steps
    assert steps.count("每半年至少召开1次党风廉政建设形势分析会") == 1, steps
    assert "在2023年工作中" not in steps, steps
    store.clock = lambda: datetime(2023, 1, 5, 9)  # once the year is over: only next year's
    over = build_document(load_report_data(store, ReportPeriod(2022))).section_texts()
    assert "须于2022年12月31日前" not in over[SECTION_HEADINGS[3]], over[SECTION_HEADINGS[3]]
    assert "在2023年工作中" in over[SECTION_HEADINGS[3]], over[SECTION_HEADINGS[3]]


def test_a_quarter_behind_its_share_plans_the_next_quarters_share(demo_store):
    """Q1 2027's 三 said the 专题会议 duty was behind the first quarter's share; 四, the plan
    for the second quarter, said only "还需4次，须于2027年12月31日前完成" (revjiwei4, K3)."""
    demo_store.clock = lambda: datetime(2023, 4, 5, 9)
    plans.start_new_year(demo_store, 2023, 2022)
    steps = build_document(load_report_data(demo_store, ReportPeriod(2023, 1))
                           ).section_texts()[SECTION_HEADINGS[3]]
    # made on 4月5日: as of the quarter's end, said (revjiwei10 K3)
    assert ("全年召开不少于4次专题会议，截至3月31日尚未开展，还需4次，其中2023年6月30日前至少还需"
            "2次，须于2023年12月31日前完成") in steps, steps


def test_a_duty_of_each_says_how_much_each_still_owes(demo_store):
    """revjiwei4 K6: "六是协调解决具体问题不少于4件，王建国尚未完成" — the branch's own count
    duty says "目前已…N次，还需M次"; a duty of each said only who had not finished."""
    demo_store.clock = lambda: datetime(2023, 7, 1, 9)
    plans.import_plan_text(demo_store, "2023年要点\n一、责任\n1.加强调查研究。班子成员每年开展"
                                       "专题调研不少于2次。\n2.书记带头。书记每年开展专题调研"
                                       "不少于2次。\n", 2023)
    for day, host in (("2023-03-01", "李秀梅"), ("2023-04-01", "张志强"),
                      ("2023-05-01", "张志强"), ("2023-05-20", "王建国")):
        demo_store.add("activity", {"date": day, "type": "专题调研", "topic": "调研",
                                    "host": host, "attendees": host})
    steps = _texts(demo_store, ReportPeriod(2023, 2))[NEXT]
    # made on 7月1日: as of the quarter's end, said (revjiwei10 K3)
    assert "班子成员每年开展专题调研不少于2次，截至6月30日，李秀梅还需1次，陈立新还需2次，须于" \
        "2023年12月31日前完成" in steps, steps
    assert "书记每年开展专题调研不少于2次，截至6月30日王建国已开展专题调研1次，还需1次，须于" \
        in steps, steps


def test_a_monthly_duty_missed_plans_the_months_still_ahead(demo_store):
    """revother F7: on 30 November a Q4 paper sent "每月组织一次集中学习" (October and
    November missed) to "2027年工作中…按季度推进", and planned nothing for December."""
    demo_store.clock = lambda: datetime(2023, 11, 30, 9)
    plans.import_plan_text(demo_store, "2023年要点\n一、学习\n1.加强学习。每月组织一次集中学习。\n"
                                       "2.加强组织建设。持续推进支部标准化建设。\n", 2023)
    texts = _texts(demo_store, ReportPeriod(2023, 4), date(2023, 11, 30))
    assert "每月组织一次集中学习，12月至少开展集中学习1次（10月、11月未达到要求，须切实改进），" \
        "须于2023年12月31日前完成。" in texts[NEXT], texts[NEXT]
    assert "2024年" not in texts[NEXT]
    texts = _texts(demo_store, ReportPeriod(2023, 4), date(2023, 10, 31))  # one month gone
    assert "11月、12月每月至少开展集中学习1次（10月未达到要求，须切实改进）" in texts[NEXT]
    over = _texts(demo_store, ReportPeriod(2023, 4))  # the quarter over: next year's work
    assert "12月至少" not in over[NEXT] and "2024年" in over[NEXT]
    # one requirement without a record is "该项要求", not "这些要求" (F7)
    assert "“加强组织建设”要求，全年台账中没有计入该项要求的工作记录" in over[PROBLEMS], \
        over[PROBLEMS]


def test_a_monthly_duty_over_the_year_is_told_by_month(demo_store):
    """revother F6: a year's report told a monthly duty by quarter ("第一季度0次…第一季度、
    第二季度…未达到要求"), which hid which months were missed."""
    demo_store.clock = lambda: datetime(2024, 1, 5, 9)
    plans.import_plan_text(demo_store, "2023年要点\n一、学习\n1.加强学习。每月组织一次集中学习。\n",
                           2023)
    for month in (1, 2, 3, 5):
        demo_store.add("activity", {"date": f"2023-{month:02d}-10", "type": "集中学习",
                                    "topic": "学习"})
    problems = _texts(demo_store, ReportPeriod(2023))[PROBLEMS]
    assert "2023年集中学习4次，4月、6月至12月未达到每月不少于1次的要求。" in problems, problems
    assert "第一季度" not in problems


def test_a_duty_of_each_term_says_it_is_counted_by_halves(demo_store):
    """revjiwei4 K4: a school's "每学期汇报一次" got "须于2026年12月31日前完成" — a deadline the
    plan does not set (the autumn term runs into January). The paper says how it counts."""
    demo_store.clock = lambda: datetime(2023, 11, 30, 9)
    plans.import_plan_text(demo_store, "2023年要点\n一、纪律\n1.加强考勤。每学期汇报一次"
                                       "出勤情况。\n", 2023)
    steps = _texts(demo_store, ReportPeriod(2023, 4), date(2023, 11, 30))[NEXT]
    assert "须于2023年12月31日前完成（学期按半年计）" in steps, steps


def test_a_year_names_each_missed_period_once_and_a_met_one_as_met(demo_store):
    """revjiwei5 F4, F11: "第一季度0次…第四季度0次，第一季度、第二季度、第三季度、第四季度未达到
    要求"; a quarter that met its share printed among "没有落实到位" like one that did not."""
    from lianzheng_desktop.core.checklist import ChecklistItem, Status
    from lianzheng_desktop.core.plan import Counts, Period, Requirement
    from lianzheng_desktop.core.report_checklist import _combined

    demo_store.clock = lambda: datetime(2024, 1, 5, 9)
    plans.import_plan_text(demo_store, "2023年要点\n一、学习\n1.加强交流。每季度开展一次学习交流"
                                       "活动。\n2.加强学习。每月组织一次集中学习。\n", 2023)
    problems = _texts(demo_store, ReportPeriod(2023))[PROBLEMS]
    assert "第一季度0次、第二季度0次、第三季度0次、第四季度0次，均未达到要求。" \
        in problems, problems
    assert "2023年尚无集中学习记录，1月至12月未达到每月不少于1次的要求。" in problems, problems

    req = Requirement(item="1", text="每季度廉政约谈，一对一达到50%",
                      counts=Counts("talk", ("廉政谈话",), "廉政约谈"), period=Period.QUARTER,
                      target=1, share=50)

    def share(quarter, status, text):
        start = date(2023, 3 * quarter - 2, 1)
        return ChecklistItem("1-share", req, "share", Period.QUARTER, start, start, 50, 50,
                             0, status, text)
    parts = [("第一季度", share(1, Status.FAILED, "本季度廉政约谈2次，其中“一对一”约谈0次。")),
             ("第二季度", share(2, Status.DONE, "本季度廉政约谈2次，其中“一对一”约谈1次。"))]
    year = _combined(parts[-1][1], parts, True, "季度")
    assert year.status is Status.FAILED
    assert year.explanation == "第一季度：廉政约谈2次，其中“一对一”约谈0次；第二季度达到要求。"


def test_records_said_alike_name_who_did_each(demo_store):
    """revjiwei5 F12: "5月26日开展分管领域党风廉政建设专题调研；6月30日开展分管领域党风廉政
    建设专题调研；…" — three lines alike, no one named, while 附件1 counts them per person."""
    for day, host in (("2022-07-26", "李秀梅"), ("2022-08-30", "张志强"),
                      ("2022-09-13", "李秀梅")):
        demo_store.add("activity", {"date": day, "type": "专题调研", "topic": "分管领域党风廉政建设"
                                    "专题调研", "host": host})
    duty = _texts(demo_store, ReportPeriod(2022, 3))[DUTY]
    for said in ("7月26日李秀梅开展分管领域党风廉政建设专题调研", "8月30日张志强开展分管领域党风"
                 "廉政建设专题调研", "9月13日李秀梅开展分管领域党风廉政建设专题调研"):
        assert said in duty, duty


def test_a_meeting_named_by_its_body_is_not_glued_to_its_act():
    """revother F7 / revjiwei5 F7: "召开支部委员会专题研究党风廉政建设和巡察整改工作专题会议"."""
    from lianzheng_desktop.core.records import Activity
    from lianzheng_desktop.core.report_activities import _one_activity

    def said(topic):
        return _one_activity(Activity(id=1, date=date(2026, 10, 28), type="专题会议",
                                      topic=topic), False)

    assert said("支部委员会专题研究党风廉政建设和巡察整改工作") == \
        "10月28日召开支部委员会，专题研究党风廉政建设和巡察整改工作"
    assert said("党组会传达学习中纪委全会精神") == "10月28日召开党组会，传达学习中纪委全会精神"
    assert said("一季度党风廉政建设工作分析") == "10月28日召开一季度党风廉政建设工作分析专题会议"


def test_a_monthly_duty_on_track_in_a_year_report_asks_for_the_month_ahead(demo_store):
    """revdiff4 F2, F3: a year report made on 30 November left out a monthly duty met every
    month so far (December still to come), and a type holding its verb read "开展党支部开展…"."""
    demo_store.clock = lambda: datetime(2023, 11, 30, 9)
    plans.import_plan_text(demo_store, "2023年要点\n一、学习\n1.加强学习。党支部每月开展一次集中"
                                       "学习。\n", 2023)
    types = [r.counts.types for r in plans.load_plan(demo_store, 2023).requirements]
    kind = types[0][0]
    for month in range(1, 12):
        demo_store.add("activity", {"date": f"2023-{month:02d}-10", "type": kind,
                                    "topic": "学习"})
    steps = _texts(demo_store, ReportPeriod(2023), date(2023, 11, 30))[NEXT]
    assert "12月至少" in steps and "须于2023年12月31日前完成" in steps, steps
    assert "开展党支部开展" not in steps and "开展开展" not in steps, steps
    from lianzheng_desktop.core.checklist_words import verb_for

    assert verb_for("党支部开展集中学习") == ""  # a plan's type that holds its verb (F3)
    assert verb_for("集中学习") == "开展" and verb_for("专题会议") == "召开"


def test_to_whom_a_report_was_made_is_said_once():
    """revjiwei4 K8: "7月1日李明华作上半年履行一岗双责情况报告，向党组报告"."""
    from lianzheng_desktop.core.records import Activity
    from lianzheng_desktop.core.report_activities import _one_activity

    made = Activity(id=1, date=date(2026, 7, 1), type="履责报告",
                    topic="上半年履行一岗双责情况报告", host="李明华", summary="向党组报告。")
    assert _one_activity(made, True) == "7月1日李明华向党组作上半年履行一岗双责情况报告"
    # a topic with its own verb, or a summary that is not "to whom" (revlast3)
    written = Activity(id=2, date=date(2026, 4, 1), type="履责报告",
                       topic="书面作一季度履职情况报告", host="张卫东", summary="向党组报告。")
    assert _one_activity(written, True) == "4月1日张卫东书面作一季度履职情况报告，向党组报告"
    said = Activity(id=3, date=date(2026, 4, 1), type="履责报告", topic="一季度履职情况报告",
                    host="张卫东", summary="向党组述责述廉。")
    assert "向党组述责述廉作" not in _one_activity(said, True)
    from lianzheng_desktop.core.checklist_words import verb_for

    assert verb_for("党组织专题研究") == "开展"  # 组织 inside 党组织 is no verb


def test_a_subject_meeting_counted_by_halves_names_what_it_counts(demo_store):
    """revjiwei5 F7: "每半年召开一次专题会议的要求没有落实到位：上半年0次、下半年0次" while 一
    of the same paper said "召开专题会议1次": the count is of 意识形态 meetings, and says so."""
    demo_store.clock = lambda: datetime(2024, 1, 5, 9)
    plans.import_plan_text(demo_store, "2023年要点\n一、意识形态\n1.定期分析研判意识形态形势，"
                                       "每半年召开一次专题会议。\n", 2023)
    demo_store.add("activity", {"date": "2023-10-12", "type": "专题会议",
                                "topic": "专题研究党风廉政建设工作"})
    problems = _texts(demo_store, ReportPeriod(2023))[PROBLEMS]
    assert "意识形态专题会议上半年0次、下半年0次，均未达到要求。" in problems, problems


def test_two_duties_cut_from_one_sentence_are_each_told_by_their_own_result(demo_store):
    """revjiwei6 G2: "每季度一次支委会、一次支部大会" read as two duties of one item and one
    text: 四 put "本期未达到要求" on the 支委会 duty, met, and not on the 支部大会 one."""
    from lianzheng_desktop.core.plan import Counts, Period, Plan, Requirement

    demo_store.clock = lambda: datetime(2023, 3, 31, 17)
    both = "每季度一次支委会、一次支部大会"
    demo_store.add_plan_types([("activity", "支委会"), ("activity", "支部大会")], 2023)
    plans.save_plan(demo_store, Plan(2023, [
        Requirement("6", both, counts=Counts("activity", ("支委会",), "支委会"),
                    period=Period.QUARTER, target=1),
        Requirement("6", both, counts=Counts("activity", ("支部大会",), "支部大会"),
                    period=Period.QUARTER, target=1)]))
    demo_store.add("activity", {"date": "2023-01-15", "type": "支委会", "topic": "研究全年工作"})
    steps = _steps(_texts(demo_store, ReportPeriod(2023, 1), date(2023, 3, 31))[NEXT])
    committee = next(s for s in steps if "支委会1次" in s)
    assembly = next(s for s in steps if "支部大会1次" in s)
    # the period that missed it named, not "本期" in a point about the next (revyear3 H4)
    missed = "2023年第一季度未达到要求"
    assert missed in assembly and missed not in committee, steps


def test_a_newcomers_next_steps_take_no_part_in_the_secretarys_own_duty(demo_store):
    """revyear2 G6: a member with no duty of his own pledged to "参与推进" the 书记's own
    half-year talk duty, under one date for all (the latest, 12月31日, though it is due by
    6月30日)."""
    from lianzheng_desktop.core.plan import Counts, Period, Plan, Requirement, Role

    demo_store.clock = lambda: datetime(2023, 3, 31, 17)
    demo_store.add_plan_types([("activity", "报送纪实表")], 2023)
    plans.save_plan(demo_store, Plan(2023, [
        Requirement("1", "全年召开不少于4次专题会议", period=Period.YEAR, target=4,
                    counts=Counts("activity", ("专题会议",), "专题会议")),
        Requirement("2", "每季度至少开展1次集中警示教育", period=Period.QUARTER, target=1,
                    counts=Counts("warning_education", (), "集中警示教育")),
        Requirement("3", "党支部书记每半年至少与党员谈心谈话一次", period=Period.HALF,
                    target=1, role=Role.FIRST_RESPONSIBLE,
                    counts=Counts("talk", ("谈心谈话",), "谈心谈话")),
        # the office's form, handed in after the quarter: nobody "参与推进"s it (revjiwei9 J8)
        Requirement("4", "每季度结束后7日内报送党风廉政建设责任制落实情况纪实表",
                    period=Period.QUARTER, target=1,
                    counts=Counts("activity", ("报送纪实表",), "报送纪实表")),
    ]))
    demo_store.add("roster", {"name": "赵新", "role": "班子成员", "active": True,
                              "joined_on": "2023-01-10"})
    steps = _texts(demo_store, ReportPeriod(2023, 1), date(2023, 3, 20), person="赵新")[NEXT]
    assert "谈心谈话" not in steps and "纪实表" not in steps, steps
    assert ("参与推进本单位每季度至少开展1次集中警示教育工作，须于2023年3月31日前完成；"
            "全年召开不少于4次专题会议工作，须于2023年12月31日前完成。") in steps, steps


def test_ones_own_report_heard_by_the_secretary_is_told_as_made(demo_store):
    """revyear2 G6: 高建军's own paper said "1月12日马红梅听取高建军履行一岗双责情况汇报（本人
    参加）" — his own report, told in the third person as a meeting he attended."""
    _heard(demo_store, "2022-11-12", "张志强履行一岗双责情况汇报")
    duty = _zhangs_q4_duty(demo_store)
    assert "11月12日本人向王建国汇报履行一岗双责情况" in duty, duty
    assert "听取张志强" not in duty


def test_one_requirement_without_records_is_not_set_out_item_by_item(demo_store):
    """revyear2 G9: "对照“聚焦两个维护，把稳‘政治方向’”要求，逐项明确牵头人…" — 逐项 of one."""
    from lianzheng_desktop.core.plan import Plan, Requirement

    demo_store.clock = lambda: datetime(2023, 3, 20, 17)
    plans.save_plan(demo_store, Plan(2023, [Requirement("1", "聚焦两个维护，把稳政治方向")]))
    steps = _texts(demo_store, ReportPeriod(2023, 1), date(2023, 3, 20))[NEXT]
    assert "对照“聚焦两个维护，把稳政治方向”要求，明确牵头人和具体措施" in steps, steps


def test_a_plans_own_party_life_and_oversight_are_told_under_their_own_point(demo_store):
    """revjiwei6 G6: a 党课 and 党员活动 were told under "抓好廉政风险防控和督查检查等工作",
    a 跟踪督办 as "抓好其他相关工作"."""
    demo_store.add_plan_types([("activity", "党课"), ("activity", "党员活动"),
                               ("activity", "跟踪督办")], 2022)
    for day, kind, topic in (("2022-10-20", "党课", "书记讲党课：守住廉洁底线"),
                             ("2022-11-20", "党员活动", "反家暴法律宣传进村"),
                             ("2022-11-25", "跟踪督办", "巡察反馈问题整改跟踪督办")):
        demo_store.add("activity", {"date": day, "type": kind, "topic": topic})
    points = _texts(demo_store, ReportPeriod(2022, 4), date(2022, 12, 31))[DUTY].splitlines()
    life = next(p for p in points if "严格党的组织生活" in p)
    assert "守住廉洁底线" in life and "反家暴法律宣传进村" in life, points
    assert any("是抓好跟踪督办工作。" in p and "巡察反馈问题整改跟踪督办" in p
               for p in points), points
    assert not any("其他相关工作" in p for p in points), points


def test_the_papers_checklist_speaks_of_the_work_not_of_how_the_app_checks(demo_store):
    """revjiwei6 G7: 附件1 printed "此项无量化指标，2022年已有…记录2条" — software words."""
    document = build_document(load_report_data(demo_store, ReportPeriod(2022), date(2022, 12, 31)))
    annex = next(a for a in document.appendices if a.title.startswith("附件1"))
    cells = [cell for row in annex.rows for cell in row]
    assert any("年已有" in cell or "尚无相关记录" in cell for cell in cells), cells
    assert not any("此项无量化指标" in cell for cell in cells), cells
    from dataclasses import replace

    from lianzheng_desktop.core.report_facts import for_reader

    marked = replace(load_report_data(demo_store, ReportPeriod(2022)).checklist.items[0],
                     explanation="此项无量化指标，已手工标记为完成。")
    # the secretary ticked it: not "经核实" (revdiff5 F6)
    assert for_reader(marked, date(2022, 12, 31)) == "本单位确认已完成。"


def test_ones_own_report_keeps_its_words_and_a_joint_one_names_everyone(demo_store):
    """revdiff5 F3: "本人向王建国汇报同志汇报分管领域…", "本人向王建国汇报、刘芳汇报…" (a joint
    report told as made to two), "…汇报关于经费审批整改情况的"."""
    for day, topic in (("2022-11-10", "张志强同志汇报分管领域党风廉政建设工作"),
                       ("2022-11-12", "张志强、刘芳汇报分管工作落实“一岗双责”情况"),
                       ("2022-11-14", "张志强关于经费审批整改情况的汇报")):
        _heard(demo_store, day, topic, ("张志强", "刘芳"))
    duty = _zhangs_q4_duty(demo_store)
    assert "11月10日本人向王建国汇报分管领域党风廉政建设工作" in duty, duty
    assert "11月12日王建国听取张志强、刘芳汇报分管工作落实“一岗双责”情况" in duty, duty
    assert "11月14日本人向王建国汇报经费审批整改情况" in duty, duty


def test_ones_own_reports_with_their_own_verbs_and_many_of_them(demo_store):
    """revlast4 F4: "本人向王建国汇报就…作专题", "…汇报专题汇报…", "…汇报向支部汇报…"; and five
    of one's own reports summed as "本季度听取工作汇报5次" — he made them."""
    topics = ("张志强同志就困难职工帮扶档案整改情况作专题汇报", "张志强专题汇报巡察整改进展情况",
              "张志强同志向支部汇报经费审批整改情况", "张志强同志述责述廉")
    for n, topic in enumerate(topics):
        _heard(demo_store, f"2022-11-{10 + n}", topic)
    duty = _zhangs_q4_duty(demo_store)
    for said in ("11月10日本人向王建国就困难职工帮扶档案整改情况作专题汇报",
                 "11月11日本人向王建国专题汇报巡察整改进展情况",
                 "11月12日本人向支部汇报经费审批整改情况", "11月13日本人向王建国述责述廉"):
        assert said in duty, duty
    _heard(demo_store, "2022-11-20", "张志强汇报分管工作")
    duty = _zhangs_q4_duty(demo_store)
    # one of them was made "向支部": to whom is not said of all five (revlast5 F5)
    assert "本季度本人汇报工作5次（11月10日至11月20日）" in duty, duty
    assert "听取工作汇报" not in duty


def test_a_topic_that_opens_with_its_verb_gets_no_second_one(demo_store):
    """revyear2 G9: "12月29日开展公开2026年度党务和工会经费使用情况" — the topic has its verb."""
    demo_store.add("activity", {"date": "2022-12-20", "type": "督查检查",
                                "topic": "公开2022年度党务和工会经费使用情况"})
    duty = _texts(demo_store, ReportPeriod(2022, 4), date(2022, 12, 31))[DUTY]
    assert "12月20日公开2022年度党务和工会经费使用情况" in duty, duty


def test_ones_own_report_in_other_shapes_is_told_as_heard_never_garbled(demo_store):
    """revlast5 F5: "本人向王建国汇报在党支部会议上作专题", "…汇报结合分管工作汇报…",
    "本人向王建国作为分管领导汇报…" — shapes the rule did not know were garbled."""
    for n, topic in enumerate(("张志强在党支部会议上作专题汇报",
                               "张志强同志结合分管工作汇报廉政风险防控情况",
                               "张志强作为分管领导汇报经费管理情况",
                               "张志强第三季度工作汇报")):
        _heard(demo_store, f"2022-11-{10 + n}", topic)
    duty = _zhangs_q4_duty(demo_store)
    assert "11月10日王建国听取张志强在党支部会议上作专题汇报；" in duty, duty
    assert "11月11日王建国听取张志强同志结合分管工作汇报廉政风险防控情况；" in duty, duty
    assert "11月13日本人向王建国汇报第三季度工作" in duty, duty
    assert "本人向王建国汇报在" not in duty and "本人向王建国作为" not in duty
    assert "（本人参加）" not in duty  # his own report: made, not attended


def test_a_public_commitment_keeps_a_verb(demo_store):
    """revlast5 F6: "公开承诺践诺活动" printed with no verb once 公开 was taken for one."""
    demo_store.add("activity", {"date": "2022-10-20", "type": "廉政承诺",
                                "topic": "公开承诺践诺活动"})
    duty = _texts(demo_store, ReportPeriod(2022, 4), date(2022, 12, 31))[DUTY]
    assert "10月20日组织签订公开承诺践诺活动" in duty, duty


def test_a_coverage_duty_is_pledged_as_whom_it_reaches_not_as_one_talk():
    """revyear3 H4: "党支部书记每年至少找党员谈话一次" (every 党员 reached) was pledged in 四 as
    "2027年12月31日前至少开展谈话1次": one talk would have kept the promise."""
    from lianzheng_desktop.core.plan import Counts, Period, Requirement
    from lianzheng_desktop.core.report_next_plan import _first_step

    talks = Requirement("（五）", "党支部书记每年至少找党员谈话一次",
                        counts=Counts("talk", (), "谈话"), period=Period.YEAR, target=1,
                        coverage=100)
    assert _first_step(talks, ReportPeriod(2027), date(2027, 1, 5)) == \
        "2027年12月31日前谈话覆盖面达到100%"


def test_a_paper_handed_in_is_filled_in_or_sent_not_held():
    """revjiwei8 G: "10月20日开展第三季度主体责任落实情况报表" in every paper; and in 下一步 a
    return not yet sent was "目前尚未开展"."""
    from lianzheng_desktop.core.records import Activity
    from lianzheng_desktop.core.report_activities import _one_activity

    def said(kind, topic):
        return _one_activity(Activity(id=1, date=date(2026, 10, 20), type=kind, topic=topic),
                             False)

    assert said("填写主体责任落实情况报表", "第三季度主体责任落实情况报表") == \
        "10月20日填写第三季度主体责任落实情况报表"
    assert said("交支部纪检委员", "第三季度主体责任纪实表") == "10月20日报送第三季度主体责任纪实表"
    assert said("专项检查", "工会经费使用情况") == "10月20日开展工会经费使用情况"  # as before
    # a 通报 of cases, a 表彰: no paper handed in (revdiff8 7)
    assert not said("典型案例情况通报", "违反中央八项规定精神典型问题").startswith("10月20日报送")
    assert not said("优秀党员表彰", "2026年度优秀共产党员").startswith("10月20日报送")


def test_a_form_handed_in_is_told_once_and_nobody_attends_it():
    """revlast8 F8: "10月9日报送填报上季度…纪实表，3人参加"."""
    from lianzheng_desktop.core.records import Activity
    from lianzheng_desktop.core.report_activities import _one_activity

    form = Activity(id=1, date=date(2026, 10, 9), type="交支部纪检委员",
                    topic="填报上季度落实主体责任情况纪实表", host="王振华",
                    attendees=("王振华", "李春梅", "赵志刚"))
    assert _one_activity(form, False) == "10月9日填报上季度落实主体责任情况纪实表"
    # nor in one's own paper: "10月12日参加报送…，填报…（王振华牵头，共3人）" (revlast9 G8)
    assert _one_activity(form, False, me="李春梅") == "10月9日填报上季度落实主体责任情况纪实表"


def test_an_item_finished_after_its_deadline_stays_a_problem_of_the_period(demo_store):
    """revjiwei9 J6: an item due 9月30日 and finished on 11月17日 dropped out of 存在的问题
    once finished: the fourth quarter's and the year's papers told it only as an achievement
    ("其中1件超过整改时限完成"), its owner's own paper too."""
    demo_store.clock = lambda: datetime(2022, 12, 31, 17)
    [item] = [r for r in demo_store.list("rectification") if r.number == "XC-2022-05"]
    demo_store.update("rectification", item.id, {
        **{f: getattr(item, f) for f in ("number", "description", "source", "owner",
                                         "found_date", "deadline", "measures")},
        "status": "已完成", "completed_date": "2022-11-17"})
    # its 回头看 still to come, in the same sentence: one item, one problem (revlast12 R4)
    said = ("整改时限为2022年9月30日，11月17日才完成整改，超过整改时限48天，尚未开展“回头看”，"
            "整改成效还有待检验。")
    for period in (ReportPeriod(2022, 4), ReportPeriod(2022)):
        problems = _texts(demo_store, period)[PROBLEMS]
        assert said in problems and problems.count("基层工会经费返还拨付不及时") == 1, period
    assert "本人负责的整改事项“基层工会经费返还拨付不及时”" + said in _texts(
        demo_store, ReportPeriod(2022), person="张志强")[PROBLEMS]
    # finished in the third quarter's days, it is not the fourth quarter's problem
    assert said not in _texts(demo_store, ReportPeriod(2022, 3), date(2022, 9, 30))[PROBLEMS]


def test_an_item_missed_since_the_papers_period_is_said_as_of_the_day_written(demo_store):
    """revjiwei9 J4: the third quarter's paper written on 10月20日 asked to "抓紧完成逾期整改
    事项" of one due 10月5日, beside 附件 that shows it 整改中 as of 9月30日: its 整改时限 and
    "现已逾期" are said, so the two do not read as contradicting each other."""
    demo_store.clock = lambda: datetime(2022, 10, 20, 9)
    [item] = [r for r in demo_store.list("rectification") if r.number == "XC-2022-05"]
    demo_store.update("rectification", item.id, {
        **{f: getattr(item, f) for f in ("number", "description", "source", "owner",
                                         "found_date", "status", "measures")},
        "deadline": "2022-10-05"})
    steps = _texts(demo_store, ReportPeriod(2022, 3))[NEXT]
    assert ("抓紧完成整改事项“基层工会经费返还拨付不及时”（整改时限为2022年10月5日，现已逾期）"
            in steps), steps



def test_a_study_named_by_its_month_and_a_leaders_research_read_as_a_secretary_writes():
    """revjiwei10 K10: "组织廉政学习2次，学习10月廉政学习、11月廉政学习" (the topic names
    the session, not what was studied); "10月20日调研分管股室制度执行" in the branch's paper,
    no doer, while 附件1 counts 专题调研 by person."""
    from lianzheng_desktop.core.records import Activity
    from lianzheng_desktop.core.report_activities import _activities, _one_activity

    studies = [Activity(id=n, date=date(2026, m, 10), type="廉政学习", topic=f"{m}月廉政学习")
               for n, m in ((1, 10), (2, 11))]
    [said] = _activities(studies, "本季度")
    assert said == "本季度组织廉政学习2次", said
    research = Activity(id=3, date=date(2026, 10, 20), type="专题调研",
                        topic="调研分管股室制度执行", host="李明")
    assert _one_activity(research, False) == "10月20日李明调研分管股室制度执行"
    noun = replace(research, topic="基层站所廉政风险防控")
    assert _one_activity(noun, False) == "10月20日李明就基层站所廉政风险防控开展专题调研"
    # a topic with its own verb keeps it, once (revlast18 F2: "李明开展对…开展调研")
    for topic in ("对分管股室制度执行情况开展调研", "带队调研财务管理", "李明到基层站所调研"):
        said = _one_activity(replace(research, topic=topic), False)
        assert said.count("开展") <= 1 and said.count("李明") == 1, said
    # nor loses it (revlast19 H2)
    for topic, said in (("主题教育开展情况", "李明就主题教育开展情况开展专题调研"),
                        ("针对财务管理", "李明针对财务管理开展专题调研")):
        assert _one_activity(replace(research, topic=topic), False) == f"10月20日{said}"
