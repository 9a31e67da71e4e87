"""The facts a report states, as of one date, and the small wording rules every section shares.

One as-of date per report (``ReportData.as_of``: the period's end, or the day the report is
written within the period): every count, status, "due" test and appendix uses it, so no
sentence can contradict another part of the same report.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from lianzheng_desktop.core import vocab
from lianzheng_desktop.core.checklist import Checklist, ChecklistItem
from lianzheng_desktop.core.checklist_model import NOT_STARTED_LABEL
from lianzheng_desktop.core.plan import Plan
from lianzheng_desktop.core.records import (
    Activity,
    Person,
    RectificationItem,
    Talk,
    UnitProfile,
    WarningSession,
)
from lianzheng_desktop.core.report_checklist import rectification_as_of
from lianzheng_desktop.core.report_model import ReportPeriod
from lianzheng_desktop.core.requirement_names import clause, named  # noqa: F401 (as above)
from lianzheng_desktop.core.text import quoted  # noqa: F401 (the report modules import it here)

_DIGITS = "零一二三四五六七八九"


def gone_owners(data: ReportData) -> dict[str, date | None]:
    """Owners not in post the day after the report's (name → 离岗日期): no one answers for
    their items until a new 责任人 is named, and the report says so where it names them."""
    after = data.as_of + timedelta(days=1)
    return {p.name: p.left_on for p in data.roster
            if not p.in_post(after) and not (p.joined_on and p.joined_on > after)}


def first_responsible(person: Person | None) -> bool:
    """The 书记: 第一责任人 of the branch's 主体责任 and of its 整改, whose own report answers
    for the branch's whole checklist and every rectification item, not only their own."""
    return person is not None and person.role == vocab.ROLE_SECRETARY


_BRANCH_POSTS = ("纪检委员", "组织委员", "宣传委员", "青年委员", "统战委员", "支委")


def in_branch(post: str) -> bool:
    """A post held in the branch (支部纪检委员, 组织委员, 副书记, 委员), not in the unit
    (财务科科长, 党组书记) — one rule for every title and for the duties of a post
    (revcode2 B: "副书记" was printed as the unit's)."""
    return post.startswith(("支部", "党支部")) or post in _BRANCH_POSTS \
        or post in ("委员", "书记", "副书记") or post.endswith(("支部书记", "支部副书记"))
    # (another body's 书记 — 机关党委, 团委, 纪委, 党总支 — is not: revdiff7 F5)


def posts_of(person: Person) -> list[str]:
    """The posts the roster gives, one by one: "党支部书记兼纪检委员、副局长" is three."""
    return [p.strip() for p in re.split("[、，,]|兼", person.post or "") if p.strip()]


def unit_posts(person: Person) -> list[str]:
    """``person``'s posts in the unit (副局长, 党组书记), as written."""
    return [p for p in posts_of(person) if not in_branch(p)]


def branch_posts(person: Person) -> list[str]:
    """``person``'s posts in the branch, without the branch's name: 纪检委员, 副书记, 委员
    (支委: the committee's 委员, not "…支部委员会支委")."""
    return [{"支委": "委员"}.get(post, post) for post in
            (re.sub(r"^.*?支部(?=副?书记$)|^党?支部", "", p) for p in posts_of(person)
             if in_branch(p))]


@dataclass
class ReportData:
    """Everything a report is drafted from; gathered by storage, no SQL here.

    The record lists are the ones the report speaks of: today the branch's; a person's own
    report is the same data with the lists filtered to that person's records.
    """

    period: ReportPeriod
    as_of: date  # the one date of the whole report (never after the period's end)
    profile: UnitProfile
    sessions: list[WarningSession]  # within the period, up to as_of
    talks: list[Talk]
    activities: list[Activity]
    rectification: list[RectificationItem]  # found by as_of and still relevant this year
    roster: list[Person]
    checklist: Checklist  # the quarter's, or the whole year's (report_checklist)
    next_plan: Plan | None = None
    year_activities: list[Activity] = field(default_factory=list)  # 1 January → as_of
    person: Person | None = None  # one person's own report (report_person); None: the branch's
    made_on: date | None = None  # the day it is written: its date under the signature
    # one's own report: the branch's checklist, for what a newcomer with no duty of his own
    # still owes to the branch's (警示教育全覆盖 not yet reaching him)
    branch_checklist: Checklist | None = None
    # fixed before this year and not looked back at: not the year's work (section 一 counts
    # none of them), but its 巡察整改 duty waits for them (附件1 names them, as 首页 does)
    unreviewed: list[RectificationItem] = field(default_factory=list)
    # the days from 1 January to as_of with an event in any ledger: a quarter with none is
    # more likely not typed in than idle (a unit that began using the app in October)
    event_days: frozenset[date] = frozenset()

    def __post_init__(self) -> None:
        # The checklist's rule: a deadline on the day the report is made is not yet missed
        # (it can still be met today; 首页 says 今天到期). A paper made on 31 December once
        # said "2件到期未完成…重新明确整改时限" of an item due that day, while the checklist
        # printed beside it said 1件 (reviewer revjiwei3, J1); made later, it is missed.
        # 附件1's 整改 row as of the report's date, as section one counts the items
        self.checklist = rectification_as_of(self.checklist, self.rectification, self.as_of,
                                             self.unreviewed)

    @property
    def missed_up_to(self) -> date:
        """The last day whose 整改时限 are missed: the report's date, or the day before
        while that date is today (an item due today can still be closed today)."""
        return self.checklist.missed_up_to

    @property
    def is_year(self) -> bool:
        return self.period.quarter is None

    @property
    def over(self) -> bool:
        """The period has ended by the as-of date (its last day counts as ended)."""
        return self.as_of >= self.period.end


# -- rectification items: done, open, due (core.record_source) ---------------------

def days_late(item: RectificationItem, day: date) -> int:
    return max(0, (day - item.deadline).days)


# -- a duty without a number and without a record ------------------------------------

NOT_STARTED = NOT_STARTED_LABEL  # 附件1's 状态 and section 三 for such a duty while it runs


def without_record(item: ChecklistItem) -> bool:
    """A duty without a number that no record counts toward (ChecklistItem.without_record)."""
    return item.without_record


def status_label(item: ChecklistItem) -> str:
    """附件1's 状态 as printed: "尚未开展" for a running duty with no record (item.label)."""
    return item.label


# -- wording ------------------------------------------------------------------------

def cn_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def md(day: date) -> str:
    return f"{day.month}月{day.day}日"


def md_in(day: date, year: int) -> str:
    """"3月8日" in a paper of ``year``; with its own year where that is another
    ("2027年1月5日": a return of the year handed in the next)."""
    return md(day) if day.year == year else cn_date(day)


def dated(data: ReportData) -> Callable[[Activity], str]:
    """A meeting's or activity's day as the paper says it (``md_in``); a return handed in
    after its deadline with how late ("10月20日（逾期13天）": revjiwei9 J2)."""
    from lianzheng_desktop.core.returns import placed

    returns = [item.requirement for item in data.checklist.items
               if item.requirement.handed_in_after]

    def when(a: Activity) -> str:
        found = placed(a.type, a.date, returns)
        late = (a.date - found.due).days if found else 0
        return md_in(a.date, data.period.year) + (f"（逾期{late}天）" if late > 0 else "")

    return when


def cn_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 23 → 二十三 (for 一是……十二是……)."""
    if n < 10:
        return _DIGITS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")
    hundreds, rest = divmod(n, 100)
    if not rest:
        return _DIGITS[hundreds] + "百"
    tail = cn_number(rest) if rest >= 10 else "零" + _DIGITS[rest]
    return _DIGITS[hundreds] + "百" + ("一" + tail if 10 <= rest < 20 else tail)


def numbered(parts: list[str]) -> list[str]:
    """一是……二是……: every part, however many (nothing is cut); one alone is not
    numbered (a lone 一是 waits for a 二是 that never comes)."""
    if len(parts) == 1:
        return parts
    return [f"{cn_number(i)}是{text}" for i, text in enumerate(parts, start=1)]


def first_sentence(text: str) -> str:
    return clause(text.split("。")[0]) if text else ""


def several(items: list[str], noun: str = "项") -> str:
    """"甲、乙等2项" — every one named, and how many; just "甲" when alone. Items in
    quotation marks stand side by side with no 顿号 between (GB/T 15834): "“甲”“乙”"."""
    said = "".join(items) if all(i.startswith("“") and i.endswith("”") for i in items) \
        else "、".join(items)
    return said + (f"等{len(items)}{noun}" if len(items) > 1 else "")


def by_owner(items: list[RectificationItem]) -> list[tuple[str, str, int]]:
    """Items grouped by owner: (owner, "“问题甲”、“问题乙”3件", count) — every
    description named once, with how many items share it."""
    groups: dict[str, list[str]] = {}
    for item in items:
        groups.setdefault(item.owner, []).append(item.description)
    out = []
    for owner, descriptions in groups.items():
        counted: dict[str, int] = {}
        for d in descriptions:
            counted[d] = counted.get(d, 0) + 1
        said = "、".join(quoted(d) + (f"{n}件" if n > 1 else "") for d, n in counted.items())
        out.append((owner, said, len(descriptions)))
    return out


def names(people: list[str] | tuple[str, ...], limit: int = 6) -> str:
    shown = "、".join(people[:limit])
    return shown + (f"等{len(people)}人" if len(people) > limit else "")


# What one does with each kind of activity: 召开 a meeting, 组织 a study, 签订 a pledge.
ACTIVITY_PHRASES = {
    "专题会议": "召开党风廉政建设专题会议",
    "民主生活会": "召开民主生活会",
    "组织生活会": "召开组织生活会",
    "廉政学习": "组织廉政学习",
    "廉政测试": "组织廉政测试",
    "专题调研": "开展专题调研",
    "听取汇报": "听取工作汇报",
    "督查检查": "开展督查检查",
    "协调解决问题": "协调解决问题",
    "廉政承诺": "组织签订廉政承诺",
    "个人事项报告": "组织领导干部个人有关事项报告",
    "典型问题通报": "通报典型问题",
    "廉政风险排查": "开展廉政风险点排查",
    "履责报告": "听取履责报告",
}


def activity_phrase(kind: str) -> str:
    """The act of a kind; a plan's own kinds by their ending: 召开党员大会, 组织集中学习."""
    if kind in ACTIVITY_PHRASES:
        return ACTIVITY_PHRASES[kind]
    if kind.removesuffix("召开").endswith(("会", "会议")):  # "党员大会召开", a plan's
        return f"召开{kind.removesuffix('召开')}"  # type with its verb kept
    return f"组织{kind}" if kind.endswith("学习") else f"开展{kind}"


# what (no list or aside inside it), then a count of nought
_NOUGHT = r"([^，。：、；（）]+?)(?<!\d)0(?:次|期|篇|件|份|人次)(?=[，。；]|$)"
# 已开展谈话0次 → 尚未开展谈话; a label that is an act has no verb: 已听取汇报0次 → 尚未听取汇报
NOUGHT_SO_FAR = re.compile(r"已(召开|组织|开展)?" + _NOUGHT)
# the period: 本季度, 上半年, 2026年 (not the year of a day: "2026年未11月1日至…", revjiwei10
# K2), or a return's days, 2026年11月1日至2027年1月10日 (…未报送工作总结)
NOUGHT_IN_PERIOD = re.compile(r"(本季度|[上下]半年|\d+年(?!\d)"
                              r"|(?:\d+年)?\d+月\d+日至(?:\d+年)?\d+月\d+日)(召开|组织|开展)?"
                              + _NOUGHT)


# a return's too: "距2027年1月7日报送期限还有37天" in 附件1, its days already said before it
COUNTDOWN = re.compile(r"，距(?:季度末|半年末|年底|(?:\d+年)?\d+月\d+日报送期限)还有 ?\d+ ?天")


def for_reader(item: ChecklistItem, as_of: date) -> str:
    """A checklist item's explanation as a 纪委 reader should read it: no instructions to
    the app's user, the right verb, the report's own date."""
    text = re.sub(r"；?完成后请[^。]*", "", item.explanation)
    # the app's words for how it checks, not the paper's (revjiwei6 G7): "此项无量化指标，
    # 2026年已有专题研究记录2条" reads "2026年已有专题研究记录2条"
    text = text.replace("此项无量化指标，已手工标记为完成", "本单位确认已完成")
    text = text.replace("此项无量化指标，", "")
    text = text.replace("截至查看日期", f"截至{cn_date(as_of)}")
    text = text.replace("，请先填写人员名册。", "。").replace("请先填写人员名册。", "")
    text = text.replace("人员名册中没有在职人员，", "在职人员名单为空，")
    text = re.sub(r"人员名册中没有(\d+年\d+月\d+日)在岗的人员，", r"\1在岗人员名单为空，", text)
    text = text.replace("，请核对人员的到岗、离岗日期。", "。")
    text = COUNTDOWN.sub("", text)  # the screen's countdown: a paper names dates, not days
    # In print, nothing done reads as not done, not as a count of nought ("开展…0次").
    text = NOUGHT_SO_FAR.sub(r"尚未\1\2", text)
    text = NOUGHT_IN_PERIOD.sub(r"\1未\2\3", text)
    return text.replace("，。", "。")
