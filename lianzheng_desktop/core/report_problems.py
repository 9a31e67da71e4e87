"""Section three: the problems as the appendix shows them (section four: report_next).

Both read the same checklist (the quarter's, or the year's for an annual report) and the
same "due" test (``report_facts.is_due``) as of the report's one date, so section three
never calls on schedule what section four calls overdue, and neither disagrees with 附件1.
Nothing is cut: every unmet requirement and every overdue item is named.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lianzheng_desktop.core.checklist import ChecklistItem, Status
from lianzheng_desktop.core.plan import Requirement
from lianzheng_desktop.core.record_source import is_due, is_open
from lianzheng_desktop.core.records import RectificationItem
from lianzheng_desktop.core.report_facts import (
    NOT_STARTED,
    ReportData,
    branch_posts,
    cn_date,
    first_responsible,
    for_reader,
    named,
    numbered,
    quoted,
    several,
    status_label,
    without_record,
)
from lianzheng_desktop.core.report_items import (
    ONE_BY_ONE,
    awaiting_review,
    due_items,
    finished_late,
    finished_late_items,
    of_duty,
    problem_sentences,
    review_problems,
)
from lianzheng_desktop.core.report_person import not_yet_reached
from lianzheng_desktop.core.text import scope_once


def _numeric(item: ChecklistItem) -> bool:
    return item.measure != "manual"


def by_requirement(items: Iterable[ChecklistItem]
                   ) -> list[tuple[Requirement, list[ChecklistItem]]]:
    """The items grouped by the requirement they check, in their order: a requirement
    checked by several measures (its count, coverage, share) is one sentence in print,
    its long text said once, not three times."""
    groups: dict[int, list[ChecklistItem]] = {}
    for item in items:
        groups.setdefault(id(item.requirement), []).append(item)
    return [(group[0].requirement, group) for group in groups.values()]


def _flagged(data: ReportData) -> set[int]:
    """The requirements (by identity) with a measure failed or behind: section three's."""
    return {id(i.requirement) for i in data.checklist.items
            if i.status in (Status.FAILED, Status.BEHIND)}


def joined(clauses: Iterable[str]) -> str:
    """Sentences about one requirement as one: "…；…。"."""
    return scope_once("；".join(clause.rstrip("。，") for clause in clauses) + "。")


def _overview(data: ReportData) -> str:
    """What 附件1's 状态 column says, in one sentence."""
    items = data.checklist.items
    noun = data.period.noun
    if not items:
        if data.person is not None and not first_responsible(data.person):
            # said plainly: what follows is the person's own 整改, if any (the secretary
            # writes what else was found)
            ahead = [i for i in data.rectification if is_open(i, data.as_of)
                     and not is_due(i, data.as_of, data.missed_up_to)]
            unreached = "、".join(quoted(named(i.requirement)) for i in not_yet_reached(data))
            branch = data.branch_checklist
            against = ("年度工作要点没有对本人单独提出量化任务"
                       if branch is None or branch.items else
                       "年度工作要点尚未逐人明确本人的党风廉政建设工作任务")
            if posted := _of_my_post(data):  # 纪检委员每月跟踪督办: his, counted as the branch's
                post, said = posted
                against = (f"年度工作要点对{post}提出的{'、'.join(said)}，按支部整体核对（见"
                           "支部的述廉述责报告）；此外" + against.removeprefix("年度工作要点"))
            return (against
                    + (f"；本人负责的{len(ahead)}件整改事项尚未完成，仍在整改时限内"
                       if ahead else "")
                    + (f"；本单位{unreached}的要求截至{cn_date(data.as_of)}尚未覆盖本人"
                       if unreached else "")
                    + "。")
        return ""  # no requirement to check against: the first problem says so (UNITEMISED)
    # one requirement may be checked by several measures (count, coverage, share): the
    # plan's own number of requirements is said, and what the statuses count
    requirements, measures = data.checklist.requirement_count, len(items)
    if all(i.status is Status.DONE for i in items):
        scope = f"{requirements}项要求" + (f"（{measures}项指标）" if measures > requirements
                                          else "")
        overdue = sum(1 for i in data.rectification if is_open(i, data.as_of)
                      and is_due(i, data.as_of, data.missed_up_to))
        # not "…提升空间" beside an item past its deadline said next (revjiwei12 R4)
        return (f"对照年度工作要点，{noun}{scope}均已完成，" + (
            f"但有{overdue}件整改事项到期未完成。" if overdue else
            "但在工作质量和实际成效上仍有提升空间。"))
    labels = [status_label(i) for i in items]
    order = [Status.DONE.label, Status.ON_TRACK.label, NOT_STARTED,
             *(s.label for s in Status if s not in (Status.DONE, Status.ON_TRACK))]
    counts = "、".join(f"{label}{n}项" for label in order if (n := labels.count(label)))
    if measures > requirements:
        return (f"对照年度工作要点，{noun}{requirements}项要求分{measures}项指标核对，"
                f"其中{counts}（详见附件1）。")
    return f"对照年度工作要点，{noun}{len(items)}项要求中，{counts}（详见附件1）。"


def _of_my_post(data: ReportData) -> tuple[str, list[str]] | None:
    """The person's branch post and the branch's requirements whose words name it
    ("纪检委员每月跟踪督办"): the plan does set them a task, checked with the branch's (revjiwei7
    F4: his paper said the plan set him none)."""
    branch = data.branch_checklist
    if data.person is None or branch is None:
        return None
    for post in branch_posts(data.person):
        if post in ("委员", "书记"):  # every 委员's duties are each 班子成员's (checked so)
            continue
        said = list(dict.fromkeys(quoted(named(i.requirement)) for i in branch.items
                                  if _set_to(post, i.requirement.text)))
        if said:
            return post, said
    return None


def _set_to(post: str, text: str) -> bool:
    """The post is who does it (纪检委员每月跟踪督办, 由纪检委员…), not to whom something
    goes (…交支部纪检委员, 向纪检委员报告: revdiff7 F4)."""
    return bool(re.match(rf"(?:党?支部)?{re.escape(post)}", text)) or f"由{post}" in text \
        or f"由支部{post}" in text  # (a post as typed on the roster: "纪检委员（兼"…)


# The branch's plan holds no requirement to check against (none imported, or none read):
# never "对照年度工作要点" of nothing, nor a section three with no problem — the honest
# first problem is that the work was not set out item by item.
UNITEMISED = ("年度党风廉政建设工作任务没有逐项细化为具体要求，未明确完成时限和责任人，"
              "工作落实缺少逐项对照检查的依据。")


def unitemised(data: ReportData) -> bool:
    """The report answers for the branch's plan (the branch's, the 书记's) and it holds
    no requirement."""
    return not data.checklist.items and (data.person is None
                                         or first_responsible(data.person))


def _besides(items: list[RectificationItem], told: list[RectificationItem]
             ) -> list[RectificationItem]:
    return [i for i in items if all(i is not t for t in told)]


def problem_items(data: ReportData) -> list[str]:
    """Each unmet requirement and each overdue item; unnumbered duties without any record
    are named together."""
    day = data.as_of
    parts = [UNITEMISED] if unitemised(data) else []
    unrecorded = []
    flagged = _flagged(data)
    # a 整改 duty's overdue items and 回头看 owed are told in its own problem, after its
    # counts — not again as problems of their own (revjiwei4 K2: one item, two numbers)
    due, owed, late = due_items(data), awaiting_review(data), finished_late_items(data)
    for requirement, group in by_requirement(i for i in data.checklist.items
                                             if id(i.requirement) in flagged
                                             and i.status is not Status.DONE):
        if not any(_numeric(i) or i.actual for i in group):
            unrecorded.append(quoted(named(requirement)))
            continue
        how = ("没有落实到位" if any(i.status is Status.FAILED for i in group)
               else "落实进度滞后")
        its_due, its_owed = of_duty(group, due), of_duty(group, owed)
        its_late = of_duty(group, late)
        due, owed, late = (_besides(due, its_due), _besides(owed, its_owed),
                           _besides(late, its_late))
        parts.append(f"{named(requirement)}的要求{how}："
                     + joined(for_reader(i, day) for i in group)
                     + "".join(problem_sentences(data, its_due)
                               + _late_and_owed(data, its_late, its_owed)))
    if unrecorded:
        scope = "全年" if data.is_year or data.period.quarter == 4 else data.period.noun
        these = "这些要求" if len(unrecorded) > 1 else "该项要求"  # one: not "这些" (F7)
        parts.append(f"{several(unrecorded)}要求，{scope}台账中没有计入{these}的工作记录，"
                     "落实情况缺少佐证。")
    return parts + problem_sentences(data, due) + _late_and_owed(data, late, owed)


def _late_and_owed(data: ReportData, late: list[RectificationItem],
                   owed: list[RectificationItem]) -> list[str]:
    """Items finished late, then those awaiting their 回头看: an item both is told once."""
    if len(late) > ONE_BY_ONE:  # told in one sentence: its 回头看 in the next, as before
        return finished_late(data, late) + review_problems(data, owed)
    return finished_late(data, late, owed) + review_problems(data, _besides(owed, late))


def unrecorded_running(data: ReportData) -> list[str]:
    """Duties without a number that no record counts toward yet, while their period runs
    (named in quotes). A duty on schedule is not a problem: one with a number that has met
    its share so far ("以下工作尚在推进…距年底还有275天"), or whose share is not yet due, is
    left to section four (report_next), which says what it still asks and by when."""
    flagged = _flagged(data)  # their measures still running are told with the problem
    return [quoted(named(requirement))
            for requirement, group in by_requirement(i for i in data.checklist.items
                                                     if i.status is Status.ON_TRACK
                                                     and id(i.requirement) not in flagged)
            if all(without_record(i) for i in group)]


def not_started(data: ReportData, unrecorded: list[str]) -> str:
    """The duties without a number and without a record, while their period runs: each
    named in quotes, of which the ledgers hold nothing yet — never "…要求尚未开展" (a
    requirement may be a principle, "坚持以…为指导", which no one "has not started")."""
    if not unrecorded:
        return ""
    return (f"年度工作要点中{several(unrecorded)}要求，截至{cn_date(data.as_of)}台账中尚无"
            "计入的工作记录。")


def draft_problems(data: ReportData) -> str:
    lines = [overview] if (overview := _overview(data)) else []
    problems, unrecorded = problem_items(data), unrecorded_running(data)
    if problems and first_responsible(data.person):  # one's own, as 第一责任人: duties
        # she carries out herself too (she convenes the meetings) — not "督促不力"
        lines.append(f"本人作为第一责任人，履行职责还有不到位的地方，{data.period.noun}"
                     "主要存在以下问题：")
    elif problems:
        lines.append(f"{data.period.noun}主要存在以下问题：")
    if problems:
        lines += numbered(problems)
    if unrecorded:
        lines.append(("此外，" if problems else "") + not_started(data, unrecorded))
    return "\n".join(lines)
