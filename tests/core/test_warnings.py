from datetime import date

from lianzheng_desktop.core.checklist import Checklist, ChecklistItem, Status
from lianzheng_desktop.core.periods import Quarter
from lianzheng_desktop.core.plan import Period, Requirement
from lianzheng_desktop.core.records import RectificationItem
from lianzheng_desktop.core.warnings import WarningLevel, build_warnings, deadline_level

AS_OF = date(2022, 9, 20)


def item(deadline, status="整改中", n=1, completed=None):
    """An item as the ledger keeps it: 已完成 has its 完成日期 (the form requires one)."""
    if status == "已完成" and completed is None:
        completed = deadline
    return RectificationItem(id=n, number=f"XC-{n}", source="巡察反馈", description=f"问题{n}",
                             owner="刘芳", found_date=date(2022, 3, 1),
                             deadline=date.fromisoformat(deadline), status=status,
                             completed_date=date.fromisoformat(completed) if completed else None)


def test_deadline_colours():
    assert deadline_level(item("2022-09-19"), AS_OF) is WarningLevel.RED  # a day overdue
    assert deadline_level(item("2022-09-20"), AS_OF) is WarningLevel.YELLOW  # due today
    assert deadline_level(item("2022-09-25"), AS_OF) is WarningLevel.YELLOW  # 5 days
    assert deadline_level(item("2022-09-26"), AS_OF) is WarningLevel.BLUE  # 6 days
    assert deadline_level(item("2022-01-01", "已完成"), AS_OF) is None
    kept_up = RectificationItem(**{**item("2022-01-01", "长期坚持").__dict__,
                                   "measures": "每月检查一次"})
    assert deadline_level(kept_up, AS_OF) is None
    # 首页 set to an earlier day: an item finished since was overdue then (revcode F-F)
    finished_later = item("2022-08-31", "已完成", completed="2022-09-25")
    assert deadline_level(finished_later, AS_OF) is WarningLevel.RED


def entry(status, text, end="2022-09-30"):
    requirement = Requirement(item="1", text=text, period=Period.QUARTER, target=1)
    return ChecklistItem(text, requirement, "count", Period.QUARTER, date(2022, 7, 1),
                         date.fromisoformat(end), 1, 1, 0, status, "说明。")


def test_one_list_most_urgent_first():
    checklist = Checklist(Quarter(2022, 3), AS_OF, [
        entry(Status.BEHIND, "滞后的要求"), entry(Status.FAILED, "未完成的要求"),
        entry(Status.DONE, "已完成的要求"), entry(Status.ON_TRACK, "快到期的要求", "2022-09-24"),
    ])
    items = [item("2022-09-01", n=1), item("2022-09-10", n=2), item("2022-09-23", n=3),
             item("2022-12-01", n=4), item("2022-01-01", "已完成", n=5)]
    warnings = build_warnings(checklist, items)
    levels = [w.level for w in warnings]
    assert levels == sorted(levels, key=lambda level: level.rank)
    reds = [w for w in warnings if w.level is WarningLevel.RED]
    assert [w.record_id for w in reds if w.record_id] == [1, 2]  # most overdue first
    assert any(w.requirement_id == "未完成的要求" for w in reds)
    yellow_ids = {w.record_id or w.requirement_id for w in warnings
                  if w.level is WarningLevel.YELLOW}
    assert yellow_ids == {3, "滞后的要求", "快到期的要求"}
    assert not any(w.record_id == 5 or w.requirement_id == "已完成的要求" for w in warnings)
    assert "已逾期 19 天" in reds[0].text


def test_demo_q3_end_overdue_item(demo_store):
    from lianzheng_desktop.storage.plans import load_warnings

    warnings = load_warnings(demo_store, date(2022, 10, 8))
    overdue = [w for w in warnings if w.ledger == "rectification"]
    assert overdue[0].level is WarningLevel.RED and "XC-2022-05" in overdue[0].text


def test_an_item_names_its_title_in_quotes_and_an_owner_who_has_left():
    [due] = build_warnings(Checklist(Quarter(2022, 3), AS_OF, []), [item("2022-09-20")])
    assert due.text == "整改事项XC-1“问题1”今天到期（责任人刘芳）。"
    [late] = build_warnings(Checklist(Quarter(2022, 3), AS_OF, []), [item("2022-09-01")],
                            gone={"刘芳": date(2022, 8, 14)})
    assert late.text == ("整改事项XC-1“问题1”已逾期 19 天（整改时限 2022-09-01，"
                         "原责任人刘芳已于 2022-08-14 离岗，请明确新的责任人）。")
    # Leaving later than the day looked at changes nothing that day.
    [early] = build_warnings(Checklist(Quarter(2022, 3), AS_OF, []), [item("2022-09-01")],
                             gone={"刘芳": date(2022, 9, 30)})
    assert "责任人刘芳）" in early.text


def test_duties_without_a_number_still_owed_are_said_together_in_their_last_month():
    """A reviewer's 首页 on 30 November named none of eight yearly duties with nothing
    recorded, and on 31 December five of them turned 未完成 without a line in 提醒."""
    from lianzheng_desktop.core.plan import Counts

    def manual(text, status, counts=None):
        requirement = Requirement(item="1", text=text, period=Period.YEAR, counts=counts)
        return ChecklistItem(text, requirement, "manual", Period.YEAR, date(2022, 1, 1),
                             date(2022, 12, 31), None, None, 0, status, "说明。")

    def said(as_of, status):
        checklist = Checklist(Quarter(2022, 4), as_of, [
            manual("强化政治监督", status), manual("推进党务政务公开", status),
            manual("严格制度执行", Status.DONE),  # met: not said
            manual("做好巡察整改", status, Counts("rectification")),  # its items warn
        ])
        return [w for w in build_warnings(checklist, []) if "没有数量指标" in w.text]

    assert said(date(2022, 11, 29), Status.ON_TRACK) == []  # 32 days left: not yet
    [november] = said(date(2022, 11, 30), Status.ON_TRACK)  # the reviewer's day: 31 left
    assert november.level is WarningLevel.BLUE and november.days == 31
    assert november.text.startswith("【尚未开展】距2022年12月31日还有 31 天，2项没有数量指标的要求")
    [december] = said(date(2022, 12, 5), Status.ON_TRACK)
    assert december.level is WarningLevel.BLUE and december.days == 26
    assert december.text.startswith("【尚未开展】距2022年12月31日还有 26 天，2项没有数量指标的要求")
    assert "“强化政治监督”、“推进党务政务公开”" in december.text
    assert "严格制度执行" not in december.text and "巡察" not in december.text
    assert said(date(2022, 12, 28), Status.ON_TRACK)[0].level is WarningLevel.YELLOW
    [over] = said(date(2022, 12, 31), Status.FAILED)
    assert over.level is WarningLevel.RED and over.text.startswith("【未完成】截至2022年12月31日")


def test_home_set_to_an_earlier_day_names_the_items_overdue_then(demo_store):
    """The 提醒 list read today's 状态 while the checklist beside it read the 完成日期: on
    首页 set to 5 September, the checklist said 1件到期未完成 and no reminder named it."""
    from lianzheng_desktop.storage.plans import load_warnings

    demo_store.add("rectification", {
        "source": "巡察反馈", "number": "XC-2022-09", "description": "工会会员实名制数据未更新",
        "owner": "刘芳", "found_date": "2022-07-01", "deadline": "2022-08-31",
        "status": "已完成", "completed_date": "2022-09-15"})
    then = [w.text for w in load_warnings(demo_store, date(2022, 9, 5))
            if w.ledger == "rectification"]
    assert any("XC-2022-09" in text and "已逾期 5 天" in text for text in then), then
    after = [w.text for w in load_warnings(demo_store, date(2022, 9, 20))]
    assert not any("XC-2022-09" in text and "逾期" in text for text in after)
    # finished: now its 回头看 is what is owed (revjiwei10 K9)
    assert any("XC-2022-09" in text and "尚未开展“回头看”" in text for text in after), after


def test_a_quote_inside_a_reminder_is_not_a_second_pair_of_double_quotes():
    """首页 said 整改事项2“审计现场“四严禁”“八不准”公示不到位” (revoffice F12); the report
    already turned inner quotes to single ones."""
    inner = RectificationItem(id=9, number="2", source="巡察反馈", owner="刘芳",
                              description="审计现场“四严禁”“八不准”公示不到位",
                              found_date=date(2022, 3, 1), deadline=AS_OF, status="整改中")
    [warning] = build_warnings(Checklist(Quarter(2022, 3), AS_OF, []), [inner])
    assert "整改事项2“审计现场‘四严禁’‘八不准’公示不到位”" in warning.text


def test_standing_with_no_measure_written_is_reminded_when_overdue():
    """长期坚持 with no 整改措施 is open, and 逾期 in the checklist and report; 首页's reminders
    and the ledger's colour left it out as if kept up (reviewer revdiff2, F7)."""
    bare = item("2022-09-01", "长期坚持")
    assert deadline_level(bare, AS_OF) is WarningLevel.RED
    kept_up = RectificationItem(**{**bare.__dict__, "measures": "每月检查一次"})
    assert deadline_level(kept_up, AS_OF) is None


def test_a_requirement_that_says_only_how_often_is_named_with_its_item_on_screen():
    """revnew6 U8: 首页 and its reminders named a duty "全年不少于4次" (which one?), while
    the paper beside them said "加强作风建设，全年不少于4次"."""
    from lianzheng_desktop.core.checklist import build_checklist
    from lianzheng_desktop.core.periods import Quarter
    from lianzheng_desktop.core.plan import Plan
    from lianzheng_desktop.core.plan_parser import parse_plan
    from lianzheng_desktop.core.requirement_names import named
    from lianzheng_desktop.core.warnings import build_warnings

    text = ("2026年要点\n一、作风\n11.加强作风建设。及时传达上级关于违反中央八项规定精神典型问题"
            "的通报，全年不少于4次。\n")
    plan = Plan(2026, parse_plan(text, 2026).requirements)
    [requirement] = plan.requirements
    assert requirement.text == "全年不少于4次"
    assert named(requirement) == "加强作风建设，全年不少于4次"
    checklist = build_checklist(plan, {}, [], Quarter(2026, 4), date(2026, 12, 1))
    said = [w.text for w in build_warnings(checklist, [], date(2026, 12, 1))]
    assert any(text.startswith("【滞后】加强作风建设，全年不少于4次：") for text in said), said
