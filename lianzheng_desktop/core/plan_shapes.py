"""Shapes of an obligation that one clause alone does not show (plan_parser reads them).

- “坚持‘每月四日’活动”, where the item names the days (“学习日”“议事日”“服务日”“组织生活日”):
  four days each month. Without the days named, 每月四日 may be a date (the 4th); not read.
- “对每月底月报内容进行明确”: a report named by its own period (月报 after 每月) recurs every
  period, even where the sentence only says what goes into it.
- A heading restated by the body below it (一、每季度召开一次党建工作推进会 / 市委每季度召开一次
  党建工作推进会议…): one duty, read from the body.
- Words after a bare period that make it no duty: 每月有安排 (what each period "has", a slogan),
  每季度结束后 (a time; whereas 党员每月缴纳党费后，… is an act that recurs).
- Each one's turn in a series: “坚持每月一期，每名支委轮流讲一次” — the series is monthly, each
  member speaks once; the period goes on to 每名… only from a clause it stands alone in
  (“每季度，每名党员…谈心一次”).
- A cadence written as a list of acts, each after a one-character period: 实行“周调度、月通报、
  季评估” — 通报 monthly, 评估 quarterly (调度 weekly: read, not tracked). Alone, “月通报” may be
  a report's name, so only a list of two or more with different periods is read.
- A period inside a condition for another act is no duty of its own: “每笔费用需经…每月例会
  通过后才能支出” asks each payment to pass the monthly meeting, not the unit to hold one.
- The name of a system a text reports set up is no duty of its own: “确立了…每年向市局党组
  述职报告工作制度” names the system (the duty is read where the text states it).
- A period over a number of people is a head count: “每年安排8位左右…做现场述职” says how
  many report, not how often anyone does.
- The two moments of a half-year cadence: “半年和全年都有自查总结” — once each half-year.
"""

from __future__ import annotations

import re

from lianzheng_desktop.core.numerals import NUMERAL_CHARS, parse_number
from lianzheng_desktop.core.plan import Counts, Period, Requirement, Role
from lianzheng_desktop.core.plan_grammar import DAY, WEEK, PeriodWord, clean_object, is_past

HAS = re.compile(r"(?:都|均|要|应)?有")
EACH_ONE = re.compile(r"每(?:名|位|人)")  # each person; 每个 is as often each branch
_FILLER = re.compile(r"^(?:原则上|一般|坚持|要|应|须|必须|至少|[、\s])*$")
AFTER_A_TIME = ("结束", "届满", "期满", "末", "底", "初")

_NAMED_REPORT = re.compile(r"(?:底|末)?的?(?P<report>月报|季报|半年报|年报)")
_REPORT_PERIODS = {"月报": Period.MONTH, "季报": Period.QUARTER, "半年报": Period.HALF,
                   "年报": Period.YEAR}
_THEMED_DAYS = re.compile(
    rf"[“\"](?P<word>每(?P<period>月|季度?|年)(?P<num>[{NUMERAL_CHARS}\d]{{1,2}})[日天])"
    r"[”\"](?:活动)?")
_DAY_NAME = re.compile(r"[“\"]([\u4e00-\u9fff]{1,5}日)[”\"]")
_DAY_PERIODS = {"月": Period.MONTH, "季": Period.QUARTER, "季度": Period.QUARTER,
                "年": Period.YEAR}


def named_report(clause: str, period: PeriodWord) -> str | None:
    """月报 right after 每月 (每月底月报, 每月的月报): the report's name, else None."""
    match = _NAMED_REPORT.match(clause, period.end)
    if match and _REPORT_PERIODS[match.group("report")] is period.period:
        return match.group("report")
    return None


def themed_days(item: str) -> tuple[str, Period, int] | None:
    """(the quoted name as written, its period, how many days) for “每月四日”活动 whose days
    the item names, at least as many as the number says; else None."""
    match = _THEMED_DAYS.search(item)
    if match is None:
        return None
    number = parse_number(match.group("num"))
    named = {name for name in _DAY_NAME.findall(item) if name not in match.group("word")}
    if number < 2 or len(named) < number:
        return None
    return match.group(0), _DAY_PERIODS[match.group("period")], number


def heads_a_body(item: str, first_end: int) -> bool:
    """Whether the item's first line (up to ``first_end``) is a heading over lines of its
    own: no full stop in it, and more lines after it."""
    first = item[:first_end]
    return item[first_end:first_end + 1] == "\n" and not any(ch in first for ch in "。；;")


def restates(heading: Requirement, body: Requirement) -> bool:
    """A heading's duty said again below it: the same period and number, and the body's
    activity named in the heading (党建工作推进会议 under 每季度召开一次党建工作推进会)."""
    if (heading.period, heading.target) != (body.period, body.target) or body.counts is None:
        return False
    label = body.counts.label
    return len(label) >= 4 and label[:4] in heading.text


def stands_alone(sentence: str, period: PeriodWord) -> bool:
    """Whether the clause a period word stands in says nothing else (每季度，…)."""
    start = max(sentence.rfind(ch, 0, period.start) for ch in "，,；;：:") + 1
    ends = [at for at in (sentence.find(ch, period.end) for ch in "，,；;：:") if at >= 0]
    rest = sentence[start:period.start] + sentence[period.end:min(ends, default=len(sentence))]
    return bool(_FILLER.match(rest))


_CADENCE_ACTS = ("调度", "通报", "评估", "分析", "考核", "总结", "研判", "督查", "督导", "点评",
                 "讲评", "会商", "小结", "盘点", "检查", "排名", "晾晒", "例会", "报告", "汇报",
                 "自查", "抽查")
# 季度督查、年度自查 (revjiwei6 G8): the period inside the noun, as in 月通报、季评估
_CADENCE_PREFIX = r"半年度?|[月季年]度|[日周月季年]"
_CADENCE_ITEM = rf"(?:{_CADENCE_PREFIX})(?:{'|'.join(_CADENCE_ACTS)})"
# opens a quote, a clause or a list, or follows the verb that sets it up (实行, 坚持, 通过 …)
_CADENCE_LIST = re.compile(r"(?:(?<=[“\"「（(，,：:；;\s])|(?<=实行|坚持|推行|落实|建立|做到|通过)"
                           rf"|^){_CADENCE_ITEM}(?:、{_CADENCE_ITEM})+")
_CADENCE_PERIODS = {"日": DAY, "周": WEEK, "月": Period.MONTH, "季": Period.QUARTER,
                    "半年": Period.HALF, "年": Period.YEAR}


def cadence_lists(text: str) -> list[tuple[str, Period | str, str]]:
    """(the list as written, a period, the act as written: 月通报) for each act of a list such
    as “周调度、月通报、季评估”, where every act has a period of its own and no two the same."""
    found = []
    for match in _CADENCE_LIST.finditer(text):
        items = [(item[:-2], item[-2:]) for item in match.group(0).split("、")]
        if len({prefix.rstrip("度") for prefix, _ in items}) < len(items):
            continue  # 月通报、月点评: two acts a month, not a cadence of periods
        found += [(match.group(0), _CADENCE_PERIODS[prefix.rstrip("度")], prefix + act)
                  for prefix, act in items]
    return found


_CONDITION_BEFORE = re.compile(r"经(?!常|费|济|营|验|历)[^，,。；;]*$")
_CONDITION_AFTER = re.compile(r"[^，,。；;]*?后(?:才能|才可|方可|方能|再)")


def in_a_condition(clause: str, period: PeriodWord) -> bool:
    """Whether the period word stands between 经 and …后才能 (须经每月例会通过后才能支出)."""
    return bool(_CONDITION_BEFORE.search(clause[:period.start])
                and _CONDITION_AFTER.match(clause, period.end))


_SET_UP = re.compile(r"(?:确立|建立|出台|制定|印发|推行|实行|形成|健全)了[^，,。；;]*$")
_SYSTEM = re.compile(r"[^，,。；;]*(?:制度|机制)$")


def names_a_system(clause: str, period: PeriodWord) -> bool:
    """Whether the period word stands inside the name of a system the clause reports set up
    (确立了…每年向党组述职报告工作制度): a name, not a duty."""
    return bool(_SET_UP.search(clause[:period.start]) and _SYSTEM.match(clause, period.end))


_HEADS = re.compile(rf"(\d+|[{NUMERAL_CHARS}]+)\s*(?:名|位)")


def counts_heads(clause: str, period: PeriodWord) -> bool:
    """Whether a number of people (2名, 8位左右 …) follows the period word in its clause:
    each period that many people act, which is a head count, not how often."""
    for match in _HEADS.finditer(clause, period.end):
        try:
            if parse_number(match.group(1)) >= 2:
                return True
        except ValueError:
            continue
    return False


_DOES = r"(?:有|进行|开展|做好|搞好)"
# 半年和全年 as when something is done (…都有, …要进行), not what a report covers (报告半年和
# 全年工作情况)
_HALF_AND_YEAR = re.compile(r"(?<![上下每前后近这])半年(?:和|与|及|、)(?:全年|年终|年底|年末)"
                            rf"(?:(?:都|均)(?:要|应|须)?{_DOES}?|(?:要|应|须){_DOES}?|{_DOES})"
                            r"(?P<act>[^，,。；;：:]{2,16})")


def half_and_year(clause: str) -> tuple[int, str] | None:
    """(where it starts, the act) for “半年和全年都有自查总结”: a summary at mid-year and at
    year end, i.e. once each half-year; None where the clause reports a result."""
    match = _HALF_AND_YEAR.search(clause)
    if match is None or is_past(clause, ""):
        return None
    act = clean_object(match.group("act"))
    return (match.start(), act) if len(act) >= 2 else None


_HELD_TOGETHER = ("组织生活会", "民主生活会")  # a body's meeting: its 班子成员 hold it together


def held_together(role, counts: Counts, clause: str):
    """每季度或半年班子成员召开1次 (组织生活会): the branch's, not each member's one — but
    每名班子成员…参加…组织生活会 is each one's attendance (revlast7 F6)."""
    if role is Role.LEADERSHIP_MEMBER and counts.types and set(counts.types) <= set(
            _HELD_TOGETHER) and "参加" not in clause and not _EACH.search(clause):
        return Role.ORGANISATION
    return role


_EACH = re.compile(r"每名|每位|每个|各自|均要|都要")
