"""Section one: what was done — when, in what form, by whom, how many — from the ledgers.

A point is written only for work actually done in the period: a zero is not an achievement
(section three says what was not done). The register is the county's summary speech:
一是……二是……, each point a short title and then the facts.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from lianzheng_desktop.core import vocab
from lianzheng_desktop.core.checklist_words import still_open
from lianzheng_desktop.core.record_identity import same_event
from lianzheng_desktop.core.record_source import (
    doers,
    done_by,
    due_today,
    is_due,
    is_standing,
)
from lianzheng_desktop.core.records import RectificationItem, Talk, to_reach
from lianzheng_desktop.core.report_activities import (  # noqa: F401 (tests use them here)
    DETAILED_UP_TO,
    _activities,
    _one_activity,
    _oversight_title,
    _role_in,
    _session,
    party_life,
    what_one_did,
)
from lianzheng_desktop.core.report_facts import (
    ReportData,
    cn_date,
    dated,
    first_responsible,
    gone_owners,
    md,
    names,
    numbered,
)
from lianzheng_desktop.core.report_opening import opening

# Activities that belong to 主体责任 (point one) and to education (point five); the rest
# are told by what they are (_oversight_title).
RESPONSIBILITY = ("专题会议", "民主生活会", "组织生活会", "廉政承诺", "履责报告", "听取汇报")
EDUCATION = ("廉政学习", "廉政测试", "典型问题通报")
# where the problems came from; whose 巡察 (县委, 市委) a record does not say
FOUND_BY = {"巡察反馈": "巡察反馈", "审计": "审计发现", "上级督查": "上级督查发现",
            "民主生活会": "民主生活会查摆", "自查": "自查发现", "其他": "其他渠道发现"}


@dataclass(frozen=True)
class Figures:
    """The numbers section one states; tests compare them with the database."""

    meetings: int
    sessions: int
    session_attendance: int  # over the sessions with a head count entered
    sessions_uncounted: int  # entered without one: not counted as nought
    talks: int
    person_times: int
    one_on_one: int
    talked_people: int
    people_in_scope: int
    rectification_total: int
    rectification_done: int
    rectification_ongoing: int
    rectification_open: int
    reviews: int

    @property
    def coverage(self) -> int:
        return round(100 * self.talked_people / self.people_in_scope) if self.people_in_scope else 0


def figures(data: ReportData) -> Figures:
    day = data.as_of
    talked = {name for talk in data.talks for name in talk.talkees}
    scope = [p for p in to_reach(data.roster, data.period.start, day, talked)
             if p.role != vocab.ROLE_SECRETARY]
    items = data.rectification
    done = [i for i in items if done_by(i, day)]
    ongoing = [i for i in items if is_standing(i, day)]
    return Figures(
        meetings=sum(1 for a in data.activities if a.type == "专题会议"),
        sessions=len(data.sessions),
        session_attendance=sum(s.head_count for s in data.sessions),
        sessions_uncounted=sum(1 for s in data.sessions if not s.head_count),
        talks=len(data.talks),
        person_times=sum(len(t.talkees) for t in data.talks),
        one_on_one=sum(1 for t in data.talks if t.one_on_one),
        talked_people=sum(1 for p in scope if p.name in talked),
        people_in_scope=len(scope),
        rectification_total=len(items),
        rectification_done=len(done),
        rectification_ongoing=len(ongoing),
        rectification_open=len(items) - len(done) - len(ongoing),
        reviews=sum(1 for i in items if i.review_date is not None and i.review_date <= day),
    )


def _attendance(f: Figures) -> str:
    """"、参加16人次", over the sessions whose head count was entered — a session entered
    without one is said so, never summed as nought into the total."""
    if f.sessions_uncounted == f.sessions:
        return "（均未记录参加人数）" if f.sessions > 1 else "（未记录参加人数）"
    if f.sessions_uncounted:
        return (f"、参加{f.session_attendance}人次"
                f"（其中{f.sessions_uncounted}次参加人数未记录）")
    return f"、参加{f.session_attendance}人次"


def _talk_point(data: ReportData, f: Figures) -> str:
    kinds = Counter(t.type for t in data.talks)
    one = len(data.talks) == 1  # one talk, told: not counted again ("约谈1次；覆盖1人")
    title = f"抓实{next(iter(kinds))}" if len(kinds) == 1 else "抓实谈心谈话和廉政提醒"
    if len(data.talks) <= DETAILED_UP_TO:
        me = data.person.name if data.person is not None else ""
        # names as written on both sides (not "王建国同志与陈静")
        each = "；".join(f"{md(t.date)}{'本人' if t.talker == me else t.talker}与"
                        f"{names(t.talkees)}开展{t.type}"
                        + ("（“一对一”问题性约谈）" if one and t.one_on_one else "")
                        + _found(t) for t in data.talks)
    else:
        each = "，其中" + "、".join(f"{k}{n}次" for k, n in kinds.most_common())
    noun = data.period.noun
    text = f"{title}。{each}。" if len(data.talks) <= DETAILED_UP_TO else ""
    total = f"{noun}共开展各类谈话{f.talks}次、{f.person_times}人次" if f.talks > 1 else ""
    if not text:
        total += each
    more = []
    if f.one_on_one and not one:
        more.append(f"“一对一”问题性约谈{f.one_on_one}次")
    if f.talked_people:
        # "占应谈10人的20%" in a quarter reads as a duty missed, which no plan item sets for
        # one quarter (附件1 shows the talk duty met): the share only over a year or at 100%
        # and only where the plan sets a talk coverage: "应谈" is the plan's standard, not
        # one this report may invent (an audit office's plan asks no talk of everyone)
        branch = data.person is None
        share = (f"，占应谈{f.people_in_scope}人的{f.coverage}%"
                 if data.is_year and branch and sets_talk_coverage(data) else "")
        if branch and f.coverage == 100 and not share:
            more.append(_reach(data, f, share))
        elif share or not one or f.talked_people > 1:
            more.append(f"谈话覆盖党员干部{f.talked_people}人{share}")
    total = "；".join(([total] if total else []) + more)
    return (text or f"{title}。") + (total + "。" if total else "")


def _found(talk: Talk) -> str:
    """What the talk found, as she wrote it (a 问题性约谈's problem is what a 纪委 reader
    asks after first; revother F5), as one clause of the talks' sentence."""
    text = re.sub(r"[。；;]+", "，", talk.problems_found.strip()).strip("，, ")
    return f"，谈话指出：{text}" if text else ""


def _reach(data: ReportData, f: Figures, share: str) -> str:
    """Every one in scope talked to: "全体" as it is — the 书记 who talks is not among
    them (a 6-person unit read "覆盖全体干部职工5人"), nor one who has left since. The
    roster is the branch's people, not a hospital's whole staff: 党员干部 (revother F3)."""
    gone = [p.name for p in data.roster if p.name in {n for t in data.talks for n in t.talkees}
            and p.role != vocab.ROLE_SECRETARY and not p.in_post(data.as_of)]
    left = f"，含已离岗的{'、'.join(gone)}" if gone else ""
    return f"谈话覆盖除书记外的全体党员干部{f.talked_people}人{left}{share}"


def sets_talk_coverage(data: ReportData) -> bool:
    """The plan asks talks to reach a share of the people (谈心谈话全覆盖)."""
    return any(i.measure == "coverage" and i.requirement.counts is not None
               and i.requirement.counts.ledger == "talk" for i in data.checklist.items)


def _rectification_point(data: ReportData, f: Figures) -> str:
    items = data.rectification
    sources = [FOUND_BY.get(s, f"{s}发现") for s in Counter(i.source for i in items)]
    source = "、".join(sources) if len(sources) <= 3 else "各渠道发现"
    # not "扎实推进" when nothing is finished and an item is past its deadline (section 三)
    due = sum(1 for i in items if is_due(i, data.as_of, data.missed_up_to))
    overdue = bool(due)
    if (due == f.rectification_open and not f.rectification_done
            and not f.rectification_ongoing
            and (data.person is not None and not first_responsible(data.person)
                 or only_overdue(data))):
        return ""  # items all past their time, nothing done: section 三's, not work done
    title = "推进问题整改" if overdue and not f.rectification_done else "扎实推进问题整改"
    # not "逐项明确责任人" while an open item's owner has left and none is named (三 says so)
    gone = gone_owners(data)
    named = ("逐项明确责任人和整改时限" if not any(
        i.owner in gone and not done_by(i, data.as_of) for i in items) else "明确整改时限")
    if first_responsible(data.person):  # every item of the branch's, each with its owner
        text = (f"{title}。本人作为整改第一责任人，对{source}的{f.rectification_total}个问题"
                f"{named}，督促推进整改")
    elif data.person is not None:  # one person's own items: no ledger of theirs to set up
        text = f"{title}。本人负责{source}的整改事项{f.rectification_total}件"
    elif all(i.found_date < data.period.start for i in items):  # the ledger is older
        text = f"{title}。持续推进{source}的{f.rectification_total}个问题的整改"
    else:
        text = (f"{title}。对{source}的{f.rectification_total}个问题建立整改台账，{named}")
    state = []
    if f.rectification_done:
        finished = [i for i in items if done_by(i, data.as_of)
                    and i.completed_date >= data.period.start]  # type: ignore[operator]
        state.append(f"已完成整改{f.rectification_done}件" + _finished_when(
            data, f.rectification_done, finished))
    if f.rectification_ongoing:
        state.append(f"长期坚持{f.rectification_ongoing}件")
    if f.rectification_open:
        # made on an item's deadline day: due that day, said so (a reprint after the day
        # counts it 到期未完成 — the kept-report note says why the two differ)
        today = sum(1 for i in items if due_today(i, data.as_of, data.missed_up_to))
        state.append(still_open(f.rectification_open, due, today, data.as_of))
    text += f"。截至{cn_date(data.as_of)}，" + "、".join(state)
    if f.reviews:
        # what the 回头看 found is the ledger's to say (附件4), not a stock "成效得到巩固"
        text += f"；对{f.reviews}件已完成事项开展了“回头看”"
    return text + "。"


def only_overdue(data: ReportData) -> bool:
    """Every item open and past its deadline, none found, finished or kept up in the
    period: nothing was done on them, so 一 claims no 推进 (a quarter with no record read
    "认真履行…推进整改事项2件" on the branch's and the 书记's papers: reviewer revjiwei4, K1)."""
    items = data.rectification
    return bool(items) and all(
        is_due(i, data.as_of, data.missed_up_to) and i.found_date < data.period.start
        and i.status != vocab.STATUS_ONGOING for i in items)


def _finished_when(data: ReportData, done: int, finished: list[RectificationItem]) -> str:
    """After "已完成整改N件": which were finished in a quarter (none of them, said so too),
    and how many of the period's past their 整改时限 — an item the last paper called 到期
    未完成 is not told as a plain achievement in the next (reviewer revjiwei3, J3)."""
    quarter = data.period.quarter is not None
    if quarter and not finished:
        return f"（{'均' if done > 1 else ''}在{data.period.noun}以前完成）"
    said = [f"{data.period.noun}完成{len(finished)}件"] if quarter and len(finished) < done \
        else []
    late = sum(1 for i in finished if i.completed_date and i.completed_date > i.deadline)
    if late:
        said.append("超过整改时限完成" if late == done and not said
                    else f"{late}件超过整改时限完成")
    return f"（{'其中' if len(said) > 1 or late < done else ''}{'，'.join(said)}）" if said else ""


def period_items(data: ReportData) -> list[RectificationItem]:
    """The 整改 items section 一 tells as the period's work: in a member's quarterly
    report, not one finished before the quarter and not reviewed in it (a Q4 report
    claimed an item completed in Q3 as the quarter's work, which the Q3 report had told);
    the branch's and the 书记's tell the ledger as it stands, every item."""
    if data.person is None or first_responsible(data.person) or not data.period.quarter:
        return data.rectification
    start = data.period.start
    return [i for i in data.rectification
            if not (i.completed_date is not None and i.completed_date < start)
            or (i.review_date is not None and start <= i.review_date <= data.as_of)]


def draft_duty(data: ReportData) -> str:
    f, noun = figures(data), data.period.noun
    me = data.person.name if data.person is not None else ""
    # one's own report counts what one held or attended, not the branch's totals
    parts: list[str] = []
    when = dated(data)  # a return handed in the next year, or late: said so
    duty = [a for a in data.activities if a.type in RESPONSIBILITY]
    if duty:
        meetings = [a for a in data.year_activities if a.type == "专题会议"]
        held, so_far = ((f"本人{_role_in(meetings, me)}", _role_in(meetings, me)) if me
                        else ("共召开", "召开"))
        # 主体责任 is the branch's (and its 书记's); a 班子成员 takes part in it
        head = data.person is None or first_responsible(data.person)
        title = "压紧压实主体责任。" if head else "参与研究部署党风廉政建设工作。"
        # a meeting also kept as a warning-education session (一会多用): told once, with
        # the session's people, not twice with two head counts
        merged = frozenset(id(a) for a in duty if any(same_event(a, s) for s in data.sessions))
        text = title + "；".join(_activities(duty, noun, me, head, merged, when))
        year_meetings = sum(1 for a in data.year_activities if a.type == "专题会议")
        if f.meetings > 1:
            text += f"。{noun}{held}专题会议{f.meetings}次"
        if data.period.quarter and year_meetings > f.meetings:
            text += (f"{'，' if f.meetings > 1 else '。'}年内累计{so_far}专题会议"
                     f"{year_meetings}次")
        parts.append(text + "。")
    if data.sessions:
        hosted = [me in doers("warning_education", s.host) for s in data.sessions]
        total = (f"{noun}本人{what_one_did(hosted, '开展')}集中警示教育{f.sessions}次" if me else
                 f"{noun}共开展集中警示教育{f.sessions}次" + _attendance(f))
        if len(data.sessions) <= DETAILED_UP_TO:
            each = "；".join(_session(s, me) for s in data.sessions)
            # one session: its own line already says it all ("本季度共开展…1次" repeats it)
            parts.append(f"深化警示教育。{each}。" + (f"{total}。" if f.sessions > 1 else ""))
        else:
            forms = Counter(s.form for s in data.sessions)
            kinds = "、".join(f"{form}{n}次" for form, n in forms.most_common())
            parts.append(f"深化警示教育。{total}，其中{kinds}。")
    if data.talks:
        parts.append(_talk_point(data, f))
    own = period_items(data)
    if len(own) < len(data.rectification):  # one's items finished before the period
        narrowed = replace(data, rectification=own)
        point = _rectification_point(narrowed, figures(narrowed)) if own else ""
    else:
        point = _rectification_point(data, f) if own else ""
    if point:
        parts.append(point)
    education = [a for a in data.activities if a.type in EDUCATION]
    if education:
        parts.append("加强廉政教育。" + "；".join(_activities(education, noun, me, when=when))
                     + "。")
    # a plan's own meetings and studies (党员大会, 集中学习) are the branch's 组织生活, not
    # 督查检查 (a reviewer read 党员大会 filed under "抓好督查检查等工作")
    life = [a for a in data.activities if a.type not in RESPONSIBILITY
            and a.type not in EDUCATION and party_life(a.type)]
    if life:
        parts.append("严格党的组织生活。" + "；".join(_activities(life, noun, me, when=when))
                     + "。")
    oversight = [a for a in data.activities if a.type not in RESPONSIBILITY
                 and a.type not in EDUCATION and not party_life(a.type)]
    if oversight:
        parts.append(_oversight_title(oversight) + "；".join(_activities(oversight, noun, me,
                                                                       when=when))
                     + "。")
    intro = opening(data, f, bool(parts))
    # a ledger with nothing in the period has no annex: section 一 tells what was done,
    # not how the document was put together ("未附相应台账" is not 履责情况)
    return "\n".join([intro, *_points(parts)])


def _points(parts: list[str]) -> list[str]:
    """一是……二是……; a point alone keeps its title as a phrase ("在深化警示教育方面，10月
    16日…"), not a heading-less fragment ("深化警示教育。10月16日…")."""
    if len(parts) != 1:
        return numbered(parts)
    title, dot, rest = parts[0].partition("。")
    if not dot or not rest or "，" in title or len(title) > 20:
        return parts
    return [f"在{title}方面，{rest}"]
