"""Checklist semantics pinned at the edges, on small hand-made plans and records."""

from datetime import date

import pytest

from lianzheng_desktop.core.checklist import Status, build_checklist
from lianzheng_desktop.core.periods import Quarter
from lianzheng_desktop.core.plan import Counts, Period, Plan, Requirement, Role
from lianzheng_desktop.core.records import Activity, Person, Talk, WarningSession

SESSIONS = Counts("warning_education", (), "集中警示教育")
MEETINGS = Counts("activity", ("专题会议",), "专题会议")
HEART = Counts("talk", ("谈心谈话",), "谈心谈话")
INTEGRITY = Counts("talk", ("廉政谈话",), "廉政约谈")


def requirement(counts, period, target=None, **extra):
    return Requirement(item="1", text="要求", counts=counts, period=period, target=target,
                       **extra)


def session(day, n=1):
    return WarningSession(id=n, date=date.fromisoformat(day), form="观看警示教育片", topic="片")


def meeting(day, n=1):
    return Activity(id=n, date=date.fromisoformat(day), type="专题会议", topic="会")


def talk(day, talkees=("甲",), kind="谈心谈话", one_on_one=False, n=1):
    return Talk(id=n, date=date.fromisoformat(day), type=kind, talker="书记", talkees=talkees,
                one_on_one=one_on_one)


def check(req, records, quarter, as_of, roster=()):
    items = build_checklist(Plan(2022, [req]), records, list(roster), Quarter.parse(quarter),
                            date.fromisoformat(as_of)).items
    return items


def status(req, records, quarter, as_of, roster=()):
    return check(req, records, quarter, as_of, roster)[0].status


QUARTERLY = requirement(SESSIONS, Period.QUARTER, 1)
# a return on each quarter, handed in by the 7th of the month after it (core.returns)
FORMS = Counts("activity", ("报送纪实表",), "报送纪实表")
RETURNS = Requirement(item="10", text="按季度填写纪实表，并于每季季末次月7日前交纪检委员",
                      counts=FORMS, period=Period.QUARTER, target=1)
YEARLY4 = requirement(MEETINGS, Period.YEAR, 4)
HALF1 = requirement(HEART, Period.HALF, 1)


def test_a_record_on_the_quarters_last_day_counts_for_that_quarter():
    records = {"warning_education": [session("2022-03-31")]}
    assert status(QUARTERLY, records, "2022Q1", "2022-03-31") is Status.DONE
    assert status(QUARTERLY, records, "2022Q2", "2022-06-30") is Status.FAILED


def test_a_record_on_the_quarters_first_day_counts_for_it():
    records = {"warning_education": [session("2022-04-01")]}
    assert status(QUARTERLY, records, "2022Q2", "2022-04-01") is Status.DONE
    assert status(QUARTERLY, records, "2022Q1", "2022-03-31") is Status.FAILED


def test_a_period_is_over_on_its_last_day():
    assert status(QUARTERLY, {}, "2022Q3", "2022-09-30") is Status.FAILED
    assert status(QUARTERLY, {}, "2022Q3", "2022-09-29") is Status.ON_TRACK


def test_mid_quarter_explanation_counts_the_days_left():
    item = check(QUARTERLY, {}, "2022Q3", "2022-09-18")[0]
    assert item.status is Status.ON_TRACK
    assert item.explanation == "本季度已开展集中警示教育0次，要求不少于1次，距季度末还有12天。"


def test_a_future_quarter_is_not_due():
    assert status(QUARTERLY, {}, "2022Q4", "2022-09-30") is Status.NOT_DUE


def test_yearly_targets_are_pro_rated_by_completed_quarters():
    one = {"activity": [meeting("2022-03-10")]}
    assert status(YEARLY4, {}, "2022Q1", "2022-02-15") is Status.ON_TRACK  # nothing due yet
    assert status(YEARLY4, {}, "2022Q1", "2022-03-31") is Status.BEHIND  # ≥1 by Q1's end
    assert status(YEARLY4, one, "2022Q1", "2022-03-31") is Status.ON_TRACK
    assert status(YEARLY4, one, "2022Q2", "2022-06-30") is Status.BEHIND  # ≥2 by Q2's end
    two = {"activity": [meeting("2022-03-10"), meeting("2022-06-30", 2)]}
    assert status(YEARLY4, two, "2022Q2", "2022-06-30") is Status.ON_TRACK
    item = check(YEARLY4, two, "2022Q3", "2022-09-30")[0]
    assert (item.status, item.actual, item.expected, item.target) == (Status.BEHIND, 2, 3, 4)


def test_yearly_target_fails_only_on_the_years_last_day():
    three = {"activity": [meeting(f"2022-{m:02d}-10", m) for m in (3, 6, 9)]}
    assert status(YEARLY4, three, "2022Q4", "2022-12-30") is Status.ON_TRACK
    assert status(YEARLY4, three, "2022Q4", "2022-12-31") is Status.FAILED
    four = {"activity": [meeting(f"2022-{m:02d}-10", m) for m in (3, 6, 9, 12)]}
    assert status(YEARLY4, four, "2022Q4", "2022-12-31") is Status.DONE


def test_half_year_counts_from_its_start_and_fails_only_when_over():
    assert status(HALF1, {}, "2022Q1", "2022-03-31") is Status.ON_TRACK
    assert status(HALF1, {}, "2022Q2", "2022-06-29") is Status.ON_TRACK
    assert status(HALF1, {}, "2022Q2", "2022-06-30") is Status.FAILED
    june = {"talk": [talk("2022-06-30")]}
    assert status(HALF1, june, "2022Q2", "2022-06-30") is Status.DONE
    assert status(HALF1, june, "2022Q3", "2022-07-01") is Status.ON_TRACK  # a new half-year
    july = {"talk": [talk("2022-07-01")]}
    assert status(HALF1, july, "2022Q2", "2022-06-30") is Status.FAILED


QUARTERLY3 = requirement(SESSIONS, Period.QUARTER, 3)
HALF2 = requirement(HEART, Period.HALF, 2)


def test_a_quarters_target_is_pro_rated_by_months_over_on_their_last_day():
    """季度3次: one is due once January is over — on 31 January, not the day after —
    and two once February is (floor(3 × months over / 3))."""
    assert status(QUARTERLY3, {}, "2022Q1", "2022-01-30") is Status.ON_TRACK
    assert status(QUARTERLY3, {}, "2022Q1", "2022-01-31") is Status.BEHIND
    one = {"warning_education": [session("2022-01-31")]}
    assert status(QUARTERLY3, one, "2022Q1", "2022-01-31") is Status.ON_TRACK
    assert status(QUARTERLY3, one, "2022Q1", "2022-02-27") is Status.ON_TRACK
    assert status(QUARTERLY3, one, "2022Q1", "2022-02-28") is Status.BEHIND
    two = {"warning_education": [session("2022-01-31"), session("2022-02-28", 2)]}
    assert status(QUARTERLY3, two, "2022Q1", "2022-02-28") is Status.ON_TRACK
    assert status(QUARTERLY3, two, "2022Q1", "2022-03-31") is Status.FAILED


def test_a_half_years_target_is_pro_rated_by_quarters_over_on_their_last_day():
    """半年2次: one is due once the half-year's first quarter is over, on its last day."""
    assert status(HALF2, {}, "2022Q1", "2022-03-30") is Status.ON_TRACK
    assert status(HALF2, {}, "2022Q1", "2022-03-31") is Status.BEHIND
    assert status(HALF2, {"talk": [talk("2022-03-31")]}, "2022Q1",
                  "2022-03-31") is Status.ON_TRACK
    assert status(HALF2, {}, "2022Q3", "2022-09-29") is Status.ON_TRACK
    assert status(HALF2, {}, "2022Q3", "2022-09-30") is Status.BEHIND
    march = {"talk": [talk("2022-03-31")]}  # the first half's: not the second's
    assert status(HALF2, march, "2022Q3", "2022-09-30") is Status.BEHIND


def test_records_after_the_as_of_day_do_not_count():
    records = {"warning_education": [session("2022-09-20")]}
    assert status(QUARTERLY, records, "2022Q3", "2022-09-19") is Status.ON_TRACK


def test_leap_year_day_counts_in_q1_and_in_february():
    records = {"activity": [meeting("2024-02-29")]}
    plan = Plan(2024, [requirement(MEETINGS, Period.QUARTER, 1)])
    items = build_checklist(plan, records, [], Quarter(2024, 1), date(2024, 3, 31)).items
    assert items[0].status is Status.DONE
    monthly = Plan(2024, [requirement(MEETINGS, Period.MONTH, 1)])
    records = {"activity": [meeting("2024-01-31"), meeting("2024-02-29", 2),
                            meeting("2024-03-01", 3)]}
    item = build_checklist(monthly, records, [], Quarter(2024, 1), date(2024, 3, 31)).items[0]
    assert item.status is Status.DONE and item.actual == 3
    assert "2月1次" in item.explanation


def test_monthly_requirement_fails_when_a_month_is_missed():
    monthly = requirement(MEETINGS, Period.MONTH, 1)
    records = {"activity": [meeting("2022-01-10"), meeting("2022-03-10", 2)]}
    assert status(monthly, records, "2022Q1", "2022-02-28") is Status.FAILED
    assert status(monthly, {"activity": [meeting("2022-01-10")]}, "2022Q1",
                  "2022-02-27") is Status.ON_TRACK


def test_a_month_not_over_is_not_said_to_be_short():
    """revnew6 U3: on 12月1日 "10月1次、11月0次、12月0次" — December, one day old, read
    as missed on 首页 and in the paper's 存在的问题; which months fell short is said."""
    monthly = requirement(MEETINGS, Period.MONTH, 1)
    item = check(monthly, {"activity": [meeting("2026-10-10")]}, "2026Q4", "2026-12-01")[0]
    assert item.status is Status.FAILED  # November was missed
    assert "10月1次、11月0次、12月尚未开展，要求每月不少于1次；11月未完成。" \
        in item.explanation.replace(" ", ""), item.explanation
    item = check(monthly, {"activity": [meeting("2026-10-10")]}, "2026Q4", "2026-12-31")[0]
    assert "10月1次、11月0次、12月0次，要求每月不少于1次；11月、12月未完成。" \
        in item.explanation.replace(" ", ""), item.explanation


def test_a_talk_with_three_talkees_is_one_talk_and_three_person_times():
    req = requirement(HEART, Period.QUARTER, 2)
    item = check(req, {"talk": [talk("2022-05-01", ("甲", "乙", "丙"))]}, "2022Q2",
                 "2022-06-30")[0]
    assert (item.actual, item.person_times, item.status) == (1, 3, Status.FAILED)
    assert "共3人次" in item.explanation


ROSTER = [Person(name="书记", role="书记"), Person(name="甲", role="党员"),
          Person(name="乙", role="党员"), Person(name="丙", role="班子成员"),
          Person(name="丁", role="党员", active=False)]


def test_coverage_counts_distinct_active_people_in_scope():
    req = requirement(INTEGRITY, Period.YEAR, 2, coverage=100)
    talks = {"talk": [talk("2022-03-01", ("甲", "丁"), "廉政谈话"),
                      talk("2022-04-01", ("甲",), "廉政谈话", n=2),
                      talk("2022-05-01", ("乙",), "谈心谈话", n=3)]}  # another type
    coverage = check(req, talks, "2022Q4", "2022-12-31", ROSTER)[1]
    # In scope: active, not the secretary: 甲, 乙, 丙. Reached by 廉政谈话: 甲 only.
    assert (coverage.measure, coverage.actual, coverage.status) == ("coverage", 33, Status.FAILED)
    assert "乙" in coverage.explanation and "丙" in coverage.explanation


def test_leaders_coverage_scope_leaves_out_the_leadership():
    """and says so: the reader of the report sees whom "应覆盖" counted (a county plan's
    "分管部门负责人" are taken to be the roster's people in post but the leadership)."""
    req = requirement(INTEGRITY, Period.YEAR, 1, coverage=100, role=Role.LEADERSHIP_MEMBER)
    held = talk("2022-03-01", ("甲", "乙"), "廉政谈话")
    held.talker = "丙"  # the 班子成员
    coverage = check(req, {"talk": [held]}, "2022Q4", "2022-12-31", ROSTER)[1]
    assert coverage.actual == 100
    assert "占应覆盖2人（期间在岗人员，书记和班子成员除外）的100%" in coverage.explanation
    everyone = requirement(SESSIONS, Period.YEAR, 1, coverage=100)  # all in post, no 除外
    education = check(everyone, {"warning_education": []}, "2022Q4", "2022-12-31", ROSTER)[1]
    assert "占应覆盖4人的0%" in education.explanation


def test_a_duty_of_the_leaders_is_measured_on_the_talks_they_held():
    """每名班子成员…约谈面100%，“一对一”问题性约谈50%: the 书记's talks do not count for
    the 班子成员's coverage and share (a reviewer found the 书记's talk lifting it to 67%)."""
    req = requirement(INTEGRITY, Period.YEAR, 1, coverage=100, share=50,
                      role=Role.LEADERSHIP_MEMBER)
    by_secretary = talk("2022-03-01", ("甲", "乙"), "廉政谈话", one_on_one=True, n=1)
    by_leader = talk("2022-04-01", ("甲",), "廉政谈话", n=2)
    by_leader.talker = "丙"
    items = check(req, {"talk": [by_secretary, by_leader]}, "2022Q4", "2022-12-31", ROSTER)
    coverage, share = items[1], items[2]
    assert (coverage.measure, coverage.actual) == ("coverage", 50)  # 甲 of 甲、乙
    assert (share.measure, share.actual, share.status) == ("share", 0, Status.FAILED)
    assert "廉政约谈1次" in share.explanation
    # the branch's own duty (no role) counts every talk
    branch = requirement(INTEGRITY, Period.YEAR, 1, coverage=100, share=50)
    items = check(branch, {"talk": [by_secretary, by_leader]}, "2022Q4", "2022-12-31", ROSTER)
    assert (items[1].actual, items[2].actual) == (67, 50)  # 甲、乙 of 甲、乙、丙; 1 of 2


def test_coverage_with_an_empty_roster_says_so():
    req = requirement(INTEGRITY, Period.YEAR, 2, coverage=100)
    coverage = check(req, {}, "2022Q2", "2022-06-30", [])[1]
    assert coverage.actual is None and coverage.status is Status.BEHIND
    assert "人员名册" in coverage.explanation


def test_share_of_one_on_one_problem_talks():
    req = requirement(INTEGRITY, Period.YEAR, 2, share=50)
    talks = {"talk": [talk("2022-03-01", ("甲",), "廉政谈话", one_on_one=True),
                      talk("2022-04-01", ("乙",), "廉政谈话", n=2),
                      talk("2022-05-01", ("乙",), "廉政谈话", n=3)]}
    share = check(req, talks, "2022Q4", "2022-12-31", ROSTER)[1]
    assert (share.measure, share.actual, share.status) == ("share", 33, Status.FAILED)
    # before the year's end the next talks can still bring it up: not yet 滞后
    assert check(req, talks, "2022Q3", "2022-09-30", ROSTER)[1].status is Status.ON_TRACK
    talks["talk"][1].one_on_one = True
    assert check(req, talks, "2022Q4", "2022-12-31", ROSTER)[1].status is Status.DONE


def test_items_without_numbers_are_met_by_a_record_or_by_hand():
    by_record = requirement(Counts("activity", ("民主生活会",), "民主生活会"), None)
    meeting_record = {"activity": [Activity(id=1, date=date(2022, 1, 20), type="民主生活会",
                                            topic="x")]}
    assert status(by_record, meeting_record, "2022Q1", "2022-03-31") is Status.DONE
    by_hand = requirement(None, None)
    assert status(by_hand, {}, "2022Q2", "2022-06-30") is Status.ON_TRACK
    assert status(by_hand, {}, "2022Q4", "2022-12-31") is Status.FAILED
    by_hand.manual_done = True
    assert status(by_hand, {}, "2022Q4", "2022-12-31") is Status.DONE


def test_summary_line():
    plan = Plan(2022, [QUARTERLY, YEARLY4])
    checklist = build_checklist(plan, {}, [], Quarter(2022, 3), date(2022, 9, 30))
    assert checklist.summary == "本季度 2 项要求：滞后 1，未完成 1"


def test_demo_year_at_the_end_of_q3_and_q4(demo_store):
    from lianzheng_desktop.storage.plans import load_checklist

    # demo: topical meetings in March, June, September; warning education in Q1–Q3 only.
    q3 = {i.requirement.text: i.status for i in
          load_checklist(demo_store, Quarter(2022, 3), date(2022, 9, 30)).items}
    assert q3["全年召开不少于4次专题会议"] is Status.ON_TRACK
    assert q3["坚持每季度至少进行1次集中警示教育"] is Status.DONE
    q4 = {i.requirement.text: i.status for i in
          load_checklist(demo_store, Quarter(2022, 4), date(2022, 12, 31)).items}
    assert q4["全年召开不少于4次专题会议"] is Status.FAILED
    assert q4["坚持每季度至少进行1次集中警示教育"] is Status.FAILED
    assert q4["每半年开展1次党风廉政建设谈心谈话"] is Status.DONE


@pytest.mark.parametrize("quarter", ["2022Q1", "2022Q2", "2022Q3", "2022Q4"])
def test_json_shape(demo_store, quarter):
    from lianzheng_desktop.storage.plans import load_checklist

    data = load_checklist(demo_store, Quarter.parse(quarter), date(2022, 12, 31)).to_json()
    assert {"quarter", "as_of", "items"} <= set(data)
    for item in data["items"]:
        assert {"id", "text", "period", "target", "actual", "status", "explanation",
                "records"} <= set(item)
        assert item["status"] in {"done", "on_track", "behind", "failed", "not_due"}


def test_each_quarters_coverage_counts_the_people_in_post_at_its_end():
    """甲 left on 30 June, 乙 arrived on 15 July: Q2 asks about 甲 and 丙, Q3 about 乙 and 丙."""
    roster = [Person(name="书记", role="书记"),
              Person(name="甲", role="党员", active=False, left_on=date(2022, 6, 30)),
              Person(name="乙", role="党员", joined_on=date(2022, 7, 15)),
              Person(name="丙", role="党员")]
    req = requirement(HEART, Period.QUARTER, 1, coverage=100)
    talks = {"talk": [talk("2022-05-10", ("甲", "丙")), talk("2022-08-10", ("乙",), n=2)]}
    q2 = check(req, talks, "2022Q2", "2022-06-30", roster)[1]
    assert (q2.actual, q2.status) == (100, Status.DONE)
    assert "覆盖2人，占应覆盖2人" in q2.explanation
    q3 = check(req, talks, "2022Q3", "2022-09-30", roster)[1]
    assert (q3.actual, q3.status) == (50, Status.FAILED) and "尚未覆盖：丙" in q3.explanation
    # Part-way through Q3, before 乙 arrived, only 丙 is asked about.
    early = check(req, talks, "2022Q3", "2022-07-10", roster)[1]
    assert "占应覆盖1人" in early.explanation


def test_a_years_coverage_keeps_those_reached_before_they_left():
    """Talked to in May, 甲 left on 30 June: the year's figure does not shrink in Q3 (the talk
    was work done) and says why it exceeds today's staff; 丁, who left before anyone talked
    to him, is not asked about."""
    roster = [Person(name="甲", role="党员", active=False, left_on=date(2022, 6, 30)),
              Person(name="丁", role="党员", active=False, left_on=date(2022, 2, 1)),
              Person(name="丙", role="党员")]
    req = requirement(HEART, Period.YEAR, 1, coverage=100)
    talks = {"talk": [talk("2022-05-10", ("甲", "丙"))]}
    q2 = check(req, talks, "2022Q2", "2022-06-30", roster)[1]
    q3 = check(req, talks, "2022Q3", "2022-09-30", roster)[1]
    assert "覆盖2人，占应覆盖2人（期间在岗人员，书记除外）的100%" in q2.explanation
    assert "覆盖2人（含期间已离岗的甲），占应覆盖2人（期间在岗人员，书记除外）的100%" \
        in q3.explanation
    assert q3.status is Status.DONE and "丁" not in q3.explanation


def test_a_person_marked_gone_without_a_date_counts_in_no_quarter():
    req = requirement(HEART, Period.QUARTER, 1, coverage=100)
    q2 = check(req, {}, "2022Q2", "2022-06-30", ROSTER)[1]  # 丁: 不在职, no 离岗日期
    assert "丁" not in q2.explanation and "占应覆盖3人" in q2.explanation


def test_per_person_duties_fall_on_the_leaders_in_post_then():
    roster = [Person(name="丙", role="班子成员"),
              Person(name="戊", role="班子成员", joined_on=date(2022, 10, 8))]
    req = requirement(Counts("activity", ("听取汇报",), "听取汇报"), Period.QUARTER, 1,
                      role=Role.LEADERSHIP_MEMBER)
    item = check(req, {}, "2022Q3", "2022-09-30", roster)[0]
    assert item.people == {"丙": 0}
    assert set(check(req, {}, "2022Q4", "2022-12-31", roster)[0].people) == {"丙", "戊"}


def test_the_printed_line_for_a_roster_empty_on_the_day_gives_no_instruction():
    from lianzheng_desktop.core.report_facts import for_reader

    roster = [Person(name="甲", role="党员", joined_on=date(2022, 10, 8))]
    req = requirement(HEART, Period.QUARTER, 1, coverage=100)
    item = check(req, {}, "2022Q3", "2022-09-30", roster)[1]
    assert "请核对人员的到岗、离岗日期" in item.explanation  # the app's user is told what to do
    printed = for_reader(item, date(2022, 9, 30))
    assert printed == "2022年9月30日在岗人员名单为空，无法计算谈心谈话覆盖面。"


def test_in_print_nothing_done_reads_as_not_done():
    from lianzheng_desktop.core.report_facts import for_reader

    mid = check(QUARTERLY, {}, "2022Q3", "2022-09-18")[0]
    assert "距季度末还有12天" in mid.explanation  # the screen counts down; a paper does
    assert for_reader(mid, date(2022, 9, 18)) == (  # not (revjiwei3 J5)
        "本季度尚未开展集中警示教育，要求不少于1次。")
    over = check(QUARTERLY, {}, "2022Q3", "2022-09-30")[0]
    assert for_reader(over, date(2022, 9, 30)) == (
        "本季度未开展集中警示教育，未达到不少于1次的要求。")
    ten = check(requirement(SESSIONS, Period.YEAR, 12), {"warning_education": [
        session(f"2022-0{m}-0{d}", n=10 * m + d) for m in range(1, 6) for d in (1, 2)]},
        "2022Q4", "2022-12-31")[0]
    assert for_reader(ten, date(2022, 12, 31)).startswith("2022年开展集中警示教育10次，未达到")
    # a label that is an act itself (听取汇报, 报告履责情况) has no verb before it
    hear = check(requirement(Counts("activity", ("听取汇报",), "听取汇报"), Period.YEAR, 1), {},
                 "2022Q3", "2022-09-30")[0]
    assert "2022年已听取汇报0次" in hear.explanation  # the screen: the act, and its count
    assert for_reader(hear, date(2022, 9, 30)).startswith("2022年尚未听取汇报，要求全年不少于1次")
    hear_q = check(requirement(Counts("activity", ("听取汇报",), "听取汇报"), Period.QUARTER, 1),
                   {}, "2022Q3", "2022-09-30")[0]
    assert for_reader(hear_q, date(2022, 9, 30)).startswith("本季度未听取汇报，")


def test_a_yearly_once_is_not_said_to_need_nought_by_a_quarters_end():
    """全年1次 before Q4: "到第三季度末应不少于0次" says nothing; the year's figure counts."""
    once = requirement(MEETINGS, Period.YEAR, 1)
    item = check(once, {}, "2022Q3", "2022-09-30")[0]
    assert item.explanation == "2022年已召开专题会议0次，要求全年不少于1次，距年底还有92天。"
    two = check(requirement(MEETINGS, Period.YEAR, 2), {}, "2022Q3", "2022-09-30")[0]
    assert "到第三季度末应不少于1次（全年不少于2次）" in two.explanation


def test_a_duty_on_the_one_secretary_is_not_said_of_each_person():
    roster = [Person(name="周书记", role="书记")]
    req = requirement(Counts("activity", ("听取汇报",), "听取汇报"), Period.QUARTER, 1,
                      role=Role.FIRST_RESPONSIBLE)
    item = check(req, {}, "2022Q3", "2022-09-30", roster)[0]
    assert "要求不少于1次" in item.explanation and "每人" not in item.explanation
    heard = Activity(id=1, date=date(2022, 8, 1), type="听取汇报", host="周书记", topic="汇报")
    met = check(req, {"activity": [heard]}, "2022Q3", "2022-09-30", roster)[0]
    assert met.explanation.endswith("要求不少于1次，已完成。"), met.explanation
    leaders = [Person(name="甲", role="班子成员"), Person(name="乙", role="班子成员")]
    both = check(requirement(Counts("activity", ("听取汇报",), "听取汇报"), Period.QUARTER, 1,
                             role=Role.LEADERSHIP_MEMBER), {}, "2022Q3", "2022-09-30", leaders)[0]
    assert "要求每人不少于1次" in both.explanation


def test_a_meeting_whose_topic_begins_with_its_act_takes_no_second_verb():
    from lianzheng_desktop.core.report_duty import _one_activity

    visit = Activity(id=1, date=date(2022, 6, 5), type="督查检查", topic="调研重点工程")
    assert _one_activity(visit, with_summary=False) == "6月5日调研重点工程"
    solve = Activity(id=2, date=date(2022, 8, 15), type="协调解决问题",
                     topic="协调解决审批积压问题")
    assert _one_activity(solve, with_summary=False) == "8月15日协调解决审批积压问题"


def test_an_activity_line_says_nothing_twice_nor_what_says_nothing():
    """A one-word summary ("推进") or one the topic already says is left out, as is
    "1人参加"; a leader's own 履责报告 is one they made ("本人作"), not one they "主持"."""
    from lianzheng_desktop.core.report_duty import _one_activity

    hearing = Activity(id=1, date=date(2022, 9, 18), type="听取汇报", host="甲",
                       topic="听取县政府办党风廉政建设情况汇报", summary="听取汇报",
                       attendees=["甲"])
    # the branch's report says who heard it (附件1 counts hearings person by person)
    assert _one_activity(hearing, with_summary=True) == "9月18日甲听取县政府办党风廉政建设情况汇报"
    named = Activity(id=8, date=date(2022, 2, 1), type="听取汇报", host="甲",
                     topic="甲听取分管科室党风廉政建设情况汇报")
    assert _one_activity(named, with_summary=False) == "2月1日甲听取分管科室党风廉政建设情况汇报"
    meeting = Activity(id=2, date=date(2022, 7, 18), type="专题会议", host="甲",
                       topic="第4季度党风廉政建设专题会议", summary="推进")
    # a topic naming the meeting is not said after "召开党风廉政建设专题会议，"
    assert _one_activity(meeting, with_summary=True) == "7月18日召开第4季度党风廉政建设专题会议"
    report = Activity(id=3, date=date(2022, 7, 1), type="履责报告", host="甲",
                      topic="上半年履行一岗双责情况报告")
    # the branch's report says whose report it was (it read "听取…报告，向党组报告")
    assert _one_activity(report, with_summary=False) == "7月1日甲作上半年履行一岗双责情况报告"
    heard = Activity(id=5, date=date(2022, 7, 1), type="履责报告",
                     topic="上半年履行一岗双责情况报告")
    assert _one_activity(heard, with_summary=False) == "7月1日听取上半年履行一岗双责情况报告"
    analysis = Activity(id=6, date=date(2022, 4, 22), type="专题会议",
                        topic="一季度党风廉政建设工作分析")
    assert _one_activity(analysis, with_summary=False) == (
        "4月22日召开一季度党风廉政建设工作分析专题会议")
    solve = Activity(id=7, date=date(2022, 8, 15), type="协调解决问题", host="甲",
                     topic="协调解决项目审批积压问题")
    assert _one_activity(solve, with_summary=False, me="甲").endswith("（本人牵头）")
    hearing.attendees = []  # one's own hearing is one's own act: no "（本人…）" after it
    assert _one_activity(hearing, with_summary=False, me="甲") == (
        "9月18日听取县政府办党风廉政建设情况汇报")
    own = _one_activity(report, with_summary=False, me="甲")
    assert own == "7月1日本人作上半年履行一岗双责情况报告"
    to_whom = Activity(id=4, date=date(2022, 12, 20), type="履责报告", host="甲",
                       topic="向党支部报告2022年度履行一岗双责情况")
    assert _one_activity(to_whom, with_summary=False, me="甲") == (
        "12月20日本人向党支部报告2022年度履行一岗双责情况")


def test_in_print_a_monthly_line_with_a_nought_month_is_left_whole():
    from lianzheng_desktop.core.checklist_words import verb_for
    from lianzheng_desktop.core.report_facts import NOUGHT_IN_PERIOD, NOUGHT_SO_FAR

    monthly = "本季度组织生活会：1月1次、2月0次、3月1次，要求每月不少于1次。"
    aside = "本季度已开展谈话3次（其中廉政谈话0次），要求不少于1次。"
    for text in (monthly, aside, "2022年已召开专题会议1次、民主生活会0次。"):
        assert NOUGHT_SO_FAR.sub("X", NOUGHT_IN_PERIOD.sub("X", text)) == text
    # a return's days are the period: not "2026年未11月1日至2027年1月10日报送…" (revjiwei10 K2)
    said = NOUGHT_IN_PERIOD.sub(r"\1未\2\3", "2026年11月1日至2027年1月10日报送工作总结0次，未达到")
    assert said == "2026年11月1日至2027年1月10日未报送工作总结，未达到"
    assert NOUGHT_IN_PERIOD.sub(r"\1未\2\3", "12月1日至1月7日报送纪实表0次。") \
        == "12月1日至1月7日未报送纪实表。"
    assert verb_for("组织生活会") == "召开" and verb_for("听取汇报") == ""
    # as a secretary says them: 研究部署 and 协调解决问题 are acts, 签订廉政承诺, 讲授廉政党课
    assert [verb_for(label) for label in ("研究部署", "安排部署", "协调解决问题", "述廉述责",
                                          "廉政承诺", "个人事项报告", "廉政党课", "整改问题")
            ] == ["", "", "", "", "签订", "组织填报", "讲授", "督促"]


def test_a_series_of_studies_names_each_subject_once_and_a_meeting_is_held():
    from lianzheng_desktop.core.report_duty import _activities, _session

    studies = [Activity(id=n, date=date(2022, n, 9), type="廉政学习",
                        topic=f"第{n}次廉政学习：学习党纪学习教育读本") for n in (7, 8)]
    line = _activities(studies, "本季度")[0]
    assert line == "本季度组织廉政学习2次，学习党纪学习教育读本"  # not "学习第7次廉政学习：…"
    # a second session on a book named already: "《条例》、《条例》第二次集中学习" (a reviewer)
    books = [Activity(id=n, date=date(2022, 10, n), type="廉政学习", topic=topic)
             for n, topic in ((8, "学习《中国共产党纪律处分条例》"),
                              (9, "《中国共产党纪律处分条例》第二次集中学习"),
                              (10, "学习《监察法》"))]
    assert _activities(books, "本季度")[0] == (
        "本季度组织廉政学习3次，学习《中国共产党纪律处分条例》、《监察法》")
    session = WarningSession(id=1, date=date(2022, 5, 18), form="以案促改专题会",
                             topic="以案促改专题会", host="马红梅", head_count=4)
    assert _session(session) == "5月18日召开以案促改专题会（马红梅主持，4人参加）"


def test_activities_told_one_by_one_are_in_date_order_whatever_their_kind():
    """"3月30日…；8月15日…；4月28日…" read as if the dates were wrong (grouped by kind)."""
    from lianzheng_desktop.core.report_duty import _activities

    kinds = [(date(2022, 3, 30), "督查检查", "开展节前作风督查"),
             (date(2022, 8, 15), "督查检查", "开展经费使用检查"),
             (date(2022, 4, 28), "专题调研", "调研重点工程廉政风险")]
    lines = _activities([Activity(id=n, date=d, type=t, topic=topic)
                         for n, (d, t, topic) in enumerate(kinds)], "本季度")
    assert [line[:line.index("日") + 1] for line in lines] == ["3月30日", "4月28日", "8月15日"]


def test_study_and_meeting_lines_never_lose_or_double_their_words():
    from lianzheng_desktop.core.report_duty import _activities, _one_activity

    bare = [Activity(id=n, date=date(2022, 3, n), type="廉政学习", topic=topic)
            for n, topic in ((1, "第1次廉政学习"), (2, "第2次廉政学习"), (3, "学习党章"))]
    assert _activities(bare, "本季度") == ["本季度组织廉政学习3次，学习党章"]  # not "学习、党章"
    only = [Activity(id=n, date=date(2022, 3, n), type="廉政学习", topic=f"第{n}次廉政学习")
            for n in (1, 2)]
    assert _activities(only, "本季度") == ["本季度组织廉政学习2次"]
    relay = Activity(id=9, date=date(2022, 5, 6), type="专题会议", topic="传达学习省纪委全会")
    assert _one_activity(relay, with_summary=False) == (
        "5月6日召开党风廉政建设专题会议，传达学习省纪委全会")
    clauses = Activity(id=10, date=date(2022, 5, 9), type="专题会议",
                       topic="廉政风险排查，部署下一步工作")
    assert "专题会议，廉政风险排查，部署下一步工作" in _one_activity(clauses, with_summary=False)


def test_a_duty_of_each_person_begun_is_not_labelled_not_started():
    """The county annual's 附件1 printed "尚未开展" beside "王建国3次，要求不少于4次": a duty
    of each person counted who had met it (none yet), not what had been done."""
    roster = [Person(name="丙", role="班子成员"), Person(name="丁", role="班子成员")]
    req = requirement(Counts("activity", ("听取汇报",), "听取汇报"), Period.YEAR, 2,
                      role=Role.LEADERSHIP_MEMBER)
    heard = Activity(id=1, date=date(2022, 8, 1), type="听取汇报", topic="汇报", host="丙")
    heard2 = Activity(id=2, date=date(2022, 5, 1), type="听取汇报", topic="汇报", host="丁")
    records = {"activity": [heard, heard2]}
    begun = check(req, records, "2022Q3", "2022-09-30", roster)[0]
    assert begun.people == {"丙": 1, "丁": 1} and begun.status is Status.ON_TRACK
    assert begun.actual == 0  # neither has met it yet
    assert begun.label == "进行中"
    assert check(req, {}, "2022Q1", "2022-02-01", roster)[0].label == "尚未开展"


def test_a_share_begun_is_not_labelled_not_started():
    """revjiwei5 F5: "尚未开展" beside "本季度廉政约谈1次，其中“一对一”问题性约谈0次" — a
    share with a talk held is begun, whatever its share; with none held it is not."""
    req = requirement(INTEGRITY, Period.QUARTER, 1, share=50)
    held = {"talk": [talk("2022-07-05", kind="廉政谈话")]}
    share = next(i for i in check(req, held, "2022Q3", "2022-08-01") if i.measure == "share")
    assert share.actual == 0 and share.label == "进行中"
    none = next(i for i in check(req, {}, "2022Q3", "2022-08-01") if i.measure == "share")
    assert none.actual is None and none.label == "尚未开展"


def test_a_return_handed_in_after_its_quarter_counts_for_that_quarter():
    """revjiwei7 F3: "按季度填写…纪实表，并于每季季末次月7日前交" — the first quarter's form
    handed in on 4月7日 was counted in the second quarter (the first read as missed, the
    second as met by it), and the fourth's, due in January, was never owed by the year."""
    forms, returns = FORMS, RETURNS
    april_7 = {"activity": [Activity(id=1, date=date(2022, 4, 7), type="报送纪实表",
                                     topic="一季度纪实表")]}
    [q1] = check(returns, april_7, "2022Q1", "2022-04-30")
    assert (q1.status, q1.period_start, q1.period_end) == (
        Status.DONE, date(2022, 3, 1), date(2022, 4, 7))
    assert q1.explanation.startswith("3月1日至4月7日报送纪实表1次，达到"), q1.explanation
    [q2] = check(returns, april_7, "2022Q2", "2022-06-30")
    assert q2.status is Status.ON_TRACK  # its form is due by 7月7日; April's is Q1's
    assert q2.explanation.endswith("要求不少于1次，距7月7日报送期限还有7天。"), q2.explanation
    [q4] = check(returns, {}, "2022Q4", "2022-12-31")
    assert (q4.status, q4.period_end) == (Status.ON_TRACK, date(2023, 1, 7))
    assert returns.describe() == "每季度报送纪实表不少于1次（季末次月7日前报送）"
    within = Requirement(item="1", text="每季度至少报送1次", counts=forms,
                         period=Period.QUARTER, target=1)
    [calendar] = check(within, april_7, "2022Q2", "2022-06-30")
    assert calendar.status is Status.DONE  # a duty done within its quarter, as before


def test_a_monthly_duty_of_each_leader_is_met_only_when_each_met_it_each_month():
    """revcode2 H: "每名班子成员每月…谈心谈话" was checked on the branch's total: the 书记's
    own talks met it for three members who held none."""
    leaders = [Person(id=n, name=name, role="班子成员") for n, name in
               enumerate(("李秀梅", "张志强"), start=1)]
    secretary = Person(id=9, name="王建国", role="书记")
    each = requirement(HEART, Period.MONTH, 1, role=Role.LEADERSHIP_MEMBER)
    talks = {"talk": [Talk(id=n, date=date.fromisoformat(day), type="谈心谈话", talker=who,
                           talkees=("甲",)) for n, (day, who) in enumerate([
                               ("2022-10-10", "李秀梅"), ("2022-10-11", "张志强"),
                               ("2022-11-10", "李秀梅"), ("2022-11-20", "王建国"),
                               ("2022-12-10", "王建国")], start=1)]}
    roster = [*leaders, secretary]
    [item] = check(each, talks, "2022Q4", "2022-12-31", roster)
    assert item.status is Status.FAILED
    assert item.explanation == ("本季度班子成员谈心谈话：10月均已完成；11月张志强未完成；"
                                "12月李秀梅、张志强未完成，要求每人每月不少于1次。")
    assert item.each_month == {"李秀梅": ((10, 1), (11, 1), (12, 0)),
                               "张志强": ((10, 1), (11, 0), (12, 0))}
    own = requirement(HEART, Period.MONTH, 1, role=Role.FIRST_RESPONSIBLE)
    [his] = check(own, talks, "2022Q4", "2022-12-31", roster)
    assert his.status is Status.FAILED  # he held none in October
    assert his.explanation == ("本季度书记谈心谈话：王建国10月0次、11月1次、12月1次，"
                               "要求每月不少于1次；10月未完成。")


def test_a_monthly_duty_to_take_part_counts_those_who_took_part_not_only_the_chair():
    """revjiwei8 B: "每名班子成员每月至少参加1次廉政学习" counted only who chaired the study;
    the members who attended were 未完成 every month, by name, in every paper."""
    leaders = [Person(id=n, name=name, role="班子成员") for n, name in
               enumerate(("李秀梅", "张志强", "赵刚"), start=1)]
    study = Counts("activity", ("廉政学习",), "廉政学习")
    take_part = Requirement(item="14", text="每名班子成员每月至少参加1次廉政学习", counts=study,
                            period=Period.MONTH, target=1, role=Role.LEADERSHIP_MEMBER)
    held = {"activity": [Activity(id=n, date=date(2022, month, 12), type="廉政学习", topic="学习",
                                  host=host, attendees=who)
                         for n, (month, host, who) in enumerate([
                             (10, "李秀梅", ("李秀梅", "张志强")),
                             (11, "李秀梅", ("张志强", "赵刚")),  # who chairs it takes part
                             (12, "王建国", ("张志强", "赵刚"))], start=1)]}
    [item] = check(take_part, held, "2022Q4", "2022-12-31", leaders)
    assert item.explanation == ("本季度班子成员廉政学习：10月赵刚未完成；11月均已完成；"
                                "12月李秀梅未完成，要求每人每月不少于1次。")
    # to hold it is another duty: those who only attended have not held it
    hold = Requirement(item="15", text="每名班子成员每月至少组织1次廉政学习", counts=study,
                       period=Period.MONTH, target=1, role=Role.LEADERSHIP_MEMBER)
    [item] = check(hold, held, "2022Q4", "2022-12-31", leaders)
    assert item.each_month["张志强"] == ((10, 0), (11, 0), (12, 0))
    assert item.each_month["李秀梅"] == ((10, 1), (11, 1), (12, 0))


def test_only_a_return_tied_to_the_periods_end_is_counted_after_it():
    """revdiff7 F1, F6: "会议结束后5日内报送会议纪要" moved a quarter's meetings by five
    days, "次月5日前报送学习记录" the year's studies; ten working days were ten days."""
    from lianzheng_desktop.core.plan_parser import parse_plan

    def lag(line):
        [duty] = parse_plan("2026年要点\n" + line, 2026).requirements
        return duty.handed_in_after

    assert lag("3.会议。每季度召开1次专题会议并于会议结束后5日内报送会议纪要。") == 0
    assert lag("4.学习。全年开展廉政学习不少于12次并于次月5日前报送学习记录。") == 0
    assert lag("5.报告。每季度结束后10个工作日内向县纪委报送落实主体责任情况。") == 14
    assert lag("6.纪实。按季度填写纪实表，并于每季季末次月7日前交支部纪检委员。") == 7


def test_a_monthly_duty_of_each_is_owed_by_those_in_post_the_whole_month():
    """revdiff7 F10: a member who came on 11月25日 was said to have missed November."""
    newcomer = Person(id=3, name="赵新", role="班子成员", joined_on=date(2022, 11, 25))
    leader = Person(id=1, name="李秀梅", role="班子成员")
    each = requirement(HEART, Period.MONTH, 1, role=Role.LEADERSHIP_MEMBER)
    talks = {"talk": [Talk(id=n, date=date(2022, month, 10), type="谈心谈话", talker=who,
                           talkees=("甲",)) for n, (month, who) in enumerate(
                               [(10, "李秀梅"), (11, "李秀梅"), (12, "李秀梅"), (12, "赵新")])]}
    [item] = check(each, talks, "2022Q4", "2022-12-31", [leader, newcomer])
    assert item.status is Status.DONE, item.explanation


def test_the_last_quarters_return_is_not_this_quarters():
    """revjiwei8 D, J: from 10月1日 to 11月30日 the fourth quarter's list (and paper) showed
    the third quarter's return as its own: 未完成 twice for one form, or 已完成 for the
    fourth quarter's a month before it was due. 首页 tells of the last quarter's return in
    its reminders (core.warnings.owed_returns; tests/storage/test_late_returns.py)."""
    handed = {"activity": [Activity(id=1, date=date(2022, 10, 5), type="报送纪实表",
                                    topic="三季度纪实表")]}
    for day in ("2022-10-03", "2022-10-09", "2022-11-30"):
        [item] = check(RETURNS, handed, "2022Q4", day)
        assert item.status is Status.NOT_DUE, (day, item.explanation)
        assert item.explanation == "2022年12月1日至2023年1月7日报送，截至查看日期尚未开始。"
    [december] = check(RETURNS, {}, "2022Q4", "2022-12-02")
    assert december.period_end == date(2023, 1, 7)
    assert "距2023年1月7日报送期限" in december.explanation  # next year's day (revdiff7 F12)
    [third] = check(RETURNS, handed, "2022Q3", "2022-10-09")
    assert third.status is Status.DONE


def test_a_late_return_is_not_the_next_quarters():
    """revlast7 F1: the third quarter's form handed in late, on 10月9日, filled the fourth
    quarter's, which had none."""
    returns = RETURNS
    late = {"activity": [Activity(id=1, date=date(2022, 10, 9), type="报送纪实表",
                                  topic="三季度纪实表")]}
    [q3] = check(returns, late, "2022Q3", "2022-10-31")
    [q4] = check(returns, late, "2022Q4", "2023-01-10")
    assert (q3.status, q4.status) == (Status.FAILED, Status.FAILED)


def test_returns_in_the_wordings_plans_use_and_what_is_no_return():
    """revlast7 F3, F5, F10: 次月七日前, 季度结束后5日内交…, a 总结 due 次年1月15日前 said in
    the next clause were no returns; a 交流研讨 was one; a type renamed to the paper's name
    (主体责任纪实表) lost its delay."""
    from dataclasses import replace

    from lianzheng_desktop.core.plan_parser import parse_plan

    def lag(line):
        return [r.handed_in_after for r in parse_plan("2026年要点\n" + line, 2026).requirements]

    assert lag("6.纪实。按季度填写纪实表，并于每季季末次月七日前交支部纪检委员。") == [7]
    assert lag("7.报告。每季度填写落实主体责任情况报告，并于季度结束后5日内交县纪委。") == [5]
    assert lag("8.总结。全年报送1次党风廉政建设工作总结，于次年1月15日前报送。") == [15]
    assert lag("9.研讨。每季度开展1次交流研讨，并于季末次月5日前报送研讨材料。") == [0]
    forms = Requirement(item="10", text="按季度填写纪实表，并于每季季末次月7日前交纪检委员",
                        counts=Counts("activity", ("报送纪实表",), "报送纪实表"),
                        period=Period.QUARTER, target=1)
    renamed = replace(forms, counts=Counts("activity", ("主体责任纪实表",), "主体责任纪实表"))
    assert renamed.handed_in_after == 7


def test_a_month_of_changing_hands_is_neither_met_nor_missed():
    """revlast7 F9: with the 书记 changed mid-November, nobody owed November and it was
    printed "11月已完成" though no talk was held."""
    old = Person(id=1, name="王建国", role="书记", left_on=date(2022, 11, 15))
    new = Person(id=2, name="马红梅", role="书记", joined_on=date(2022, 11, 16))
    own = requirement(HEART, Period.MONTH, 1, role=Role.FIRST_RESPONSIBLE)
    talks = {"talk": [Talk(id=n, date=date(2022, m, 10), type="谈心谈话", talker=who,
                           talkees=("甲",)) for n, (m, who) in enumerate(
                               [(10, "王建国"), (12, "马红梅")])]}
    [item] = check(own, talks, "2022Q4", "2022-12-31", [old, new])
    assert "11月已完成" not in item.explanation and "11月（期间人员变动，不计）" in item.explanation
    assert item.status is Status.DONE, item.explanation


def test_a_yearly_return_not_yet_due_says_when_it_is_handed_in():
    """"2026年第二季度自12月1日起" named a quarter for a return of the year."""
    summary = Requirement(item="8", text="全年报送1次工作总结，于次年1月15日前报送",
                          counts=Counts("activity", ("报送工作总结",), "报送工作总结"),
                          period=Period.YEAR, target=1)
    [item] = check(summary, {}, "2022Q2", "2022-06-30")
    assert item.explanation == "2022年11月1日至2023年1月15日报送，截至查看日期尚未开始。"


def test_a_monthly_duty_of_each_member_says_when_attendance_was_not_entered():
    """revdiff7 F10: a 主题党日 entered without 参加人员 listed every 党员 as 未完成, with no
    hint that only the list was missing."""
    members = [Person(id=n, name=name, role="党员") for n, name in enumerate(("甲", "乙"))]
    each = requirement(Counts("activity", ("主题党日",), "主题党日"), Period.MONTH, 1,
                       role=Role.MEMBER)
    held = {"activity": [Activity(id=1, date=date(2022, 10, 9), type="主题党日", topic="学习")]}
    [item] = check(each, held, "2022Q4", "2022-10-31", members)
    assert "10月甲、乙未完成（该月的记录未填参加人员）" in item.explanation, item.explanation


def test_who_takes_part_is_told_from_the_act_not_a_word_inside_a_name():
    """revdiff8 3, 5: "参加支部组织的集中学习", "组织生活", "党组织" made a duty to take part
    one to hold (those in 参加人员 were 未完成); "每名党员每年至少讲1次微党课" counted those who
    listened, and his own paper said he took part in the 党课 he gave."""
    from lianzheng_desktop.core.checklist_people import attends, says_attend

    def duty(text, role=Role.LEADERSHIP_MEMBER):
        return Requirement(item="1", text=text, role=role)

    for text in ("班子成员每季度至少参加1次支部组织的集中学习",
                 "班子成员每季度至少参加1次所在支部组织生活",
                 "班子成员每季度至少参加1次党支部召开的廉政学习会",
                 "班子成员每年至少列席1次下级党组织民主生活会",
                 # what follows 参加 is what is attended (revlast8 F1)
                 "每名班子成员每年至少参加1次组织部组织的专题培训",
                 "每名班子成员每季度参加1次支部书记讲党课"):
        assert attends(duty(text)) and says_attend(duty(text)), text
    for text in ("每名党员每年参加1次组织生活会并提交对照检查材料",
                 "每名党员每年至少参加1次上级组织召开的警示教育大会",
                 "每名党员每季度至少参加1次组织委员主持的集中学习"):
        assert attends(duty(text, Role.MEMBER)), text
    assert not attends(duty("书记组织班子成员每季度参加1次学习", Role.FIRST_RESPONSIBLE))
    assert not attends(duty("每名党员每年讲1次廉政党课", Role.MEMBER))
    assert attends(duty("每名党员每年参加1次书记讲的专题廉政党课", Role.MEMBER))  # (11 3)
    # two acts, two duties read from one sentence: each its own act (revlast9 G1)
    from lianzheng_desktop.core.plan_parser import parse_plan

    for line, acts in (("每名党员每年参加1次主题党日活动并讲1次微党课", [True, False]),
                       ("班子成员每年至少出席1次支部主题党日活动并讲授1次党课", [True, False]),
                       ("每名党员每年撰写1篇心得体会并参加1次交流研讨", [False, True]),
                       ("每名党员每年参加1次主题党日活动并讲1次廉政党课", [True, False])):
        # (讲1次廉政党课 too, and each its own thing counted: revlast10 2)
        read = parse_plan(f"2026年要点\n1.活动。{line}。", 2026).requirements
        assert [attends(r) for r in read] == acts, line
        assert len({r.counts.label for r in read if r.counts}) == 2, line
    for text, role in (("每名党员每年至少讲1次微党课", Role.MEMBER),
                       ("每名党员每年至少提交1篇学习心得", Role.MEMBER),
                       ("每名班子成员每月至少组织1次廉政学习", Role.LEADERSHIP_MEMBER)):
        assert not attends(duty(text, role)), text
    assert attends(duty("每名党员每月开展1次谈心谈话", Role.MEMBER))  # a 党员's, as before
    assert not says_attend(duty("每名党员每月开展1次谈心谈话", Role.MEMBER))


def test_a_duty_not_yet_due_is_not_worded_like_one_not_begun():
    """revjiwei10 K8: "尚未开展7项…未开始1项" in one tally: the two read the same to a 纪委
    reader; the second is a period not yet begun, a return not yet due."""
    from lianzheng_desktop.core.checklist_model import NOT_STARTED_LABEL

    assert Status.NOT_DUE.label == "未到期" and NOT_STARTED_LABEL == "尚未开展"


def test_in_print_a_returns_days_left_are_not_counted_down():
    """附件1 printed "…要求不少于1次，距2027年1月7日报送期限还有37天" in a paper that names
    dates, as the screen's countdown of a quarter's end was already left out."""
    from lianzheng_desktop.core.report_facts import COUNTDOWN

    row = ("2026年12月1日至2027年1月7日尚未报送纪实表，要求不少于1次，"
           "距2027年1月7日报送期限还有37天。")
    assert COUNTDOWN.sub("", row) == "2026年12月1日至2027年1月7日尚未报送纪实表，要求不少于1次。"
