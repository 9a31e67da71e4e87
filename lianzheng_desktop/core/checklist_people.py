"""Who a duty falls on and whom it must reach: the roles of the roster a requirement names
(书记, 班子成员, 党员), the talks counted as held by that role, and the coverage check — the
share of those in post during the period a kind of record reached (谈话覆盖面), leaving out
those who hold the talks."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from lianzheng_desktop.core import vocab
from lianzheng_desktop.core.checklist_ask import Ask
from lianzheng_desktop.core.checklist_model import ChecklistItem, Status
from lianzheng_desktop.core.checklist_window import Window, scope_words, status_of
from lianzheng_desktop.core.plan import Requirement, Role
from lianzheng_desktop.core.records import Person, to_reach

_ROLE_SCOPE = {Role.FIRST_RESPONSIBLE: (vocab.ROLE_SECRETARY,),
               Role.LEADERSHIP_MEMBER: (vocab.ROLE_LEADER,),
               Role.MEMBER: (vocab.ROLE_SECRETARY, vocab.ROLE_LEADER, vocab.ROLE_MEMBER)}


def in_role(role: Role, person: Person) -> bool:
    """The duties laid on ``role`` (书记, 班子成员, 党员) fall on ``person``."""
    return person.role in _ROLE_SCOPE.get(role, ())


_ATTEND = re.compile(r"参加|参与|出席|列席")
# what one does oneself: holds, gives, writes (讲微党课, 提交心得)
_LEAD = re.compile(r"主持|组织(?!生活)|召开|召集|讲授|带头讲|讲[^，。；]{0,7}课|提交|撰写|上交")

# the same words naming a body or what is attended, not one's own act: 向党组织汇报, 组织部
# 组织的培训, 上级组织, 组织委员主持的, 党委召开的民主生活会
_NOT_ONES_ACT = re.compile(r"党组织|组织部门?|[上下]级组织|组织委员|(?:组织|召开|召集|主持|讲)的")


def attends(requirement: Requirement) -> bool:
    """Whether the duty is to take part: the act its words name for what it counts is taking
    part — the last act before the thing counted (参加1次主题党日活动并讲1次微党课: the 主题党日
    is attended, the 微党课 given; 撰写心得并参加1次交流研讨: the 研讨 attended; revlast9 G1),
    or the first act where the thing is not named as counted (每名班子成员每月至少参加1次廉政
    学习; 参加上级组织召开的警示教育大会) — or it is every 党员's and names no act of his own.
    Those named among a record's 参加人员 have done it then, not only who chaired it (revjiwei8
    B; revdiff8 3; revlast8 F1)."""
    text = _NOT_ONES_ACT.sub("", _words(requirement))
    label = requirement.counts.label if requirement.counts else ""
    # where the counted thing is named: its name, or its name's end (讲授党课 → …1次党课)
    at = next((text.rfind(label[-n:]) for n in range(len(label), 1, -1)
               if label[-n:] in text), -1)
    acts = sorted([(m.start(), True) for m in _ATTEND.finditer(text)]
                  + [(m.start(), False) for m in _LEAD.finditer(text)])
    before = [taking_part for start, taking_part in acts if start < at]
    if before:
        return before[-1]
    if acts:
        return acts[0][1]
    return requirement.role is Role.MEMBER


def says_attend(requirement: Requirement) -> bool:
    """Its words say to take part (参加…), whoever's duty it is: one's own paper says
    本人参加 then, and its own verb otherwise (本人讲微党课: revdiff8 5)."""
    return attends(requirement) and _ATTEND.search(_words(requirement)) is not None


def _words(requirement: Requirement) -> str:
    """Its words, from the clause that names what it counts where its own clause names only
    how often (班子成员以普通党员身份参加…组织生活会，每年不少于1次: revlast9 G11)."""
    text, label = requirement.text, requirement.counts.label if requirement.counts else ""
    sentence = requirement.own_sentence()[1]
    if len(label) < 2 or label[-2:] in text or text not in sentence:
        return text
    # its own count, after the thing is named: "书记…讲党课，每年不少于1次，班子成员参加…
    # 组织生活会，每年不少于1次" has the words twice (revdiff9 D2); from the clause that
    # names it, not an earlier one's act ("…参加…组织生活会，并开展谈心谈话，每季度不少于1次":
    # the 谈心谈话 held, not attended — revlast12 R2)
    at = sentence.find(text, max(sentence.find(label[-2:]), 0))
    at = at if at >= 0 else sentence.find(text)
    named = sentence.rfind(label[-2:], 0, at)
    begins = max(sentence.rfind(mark, 0, named) for mark in "，,；;") + 1 if named >= 0 else 0
    return sentence[begins:at + len(text)]


def people_in_role(role: Role, roster: Sequence[Person], day: date) -> list[Person]:
    """Those of ``roster`` the role names who were in post on ``day``."""
    return [p for p in roster if p.in_post(day) and in_role(role, p)]


def held_by_role(requirement: Requirement, roster: Sequence[Person],
                 window: Window) -> Requirement:
    """A talk duty of the 书记 or of each 班子成员 is measured on the talks they held:
    the 班子成员's one-on-one share leaves out the 书记's talks, and the other way round
    (everyone's talks count where the roster names no one in the role)."""
    role, counts = requirement.role, requirement.counts
    if counts is None or counts.ledger != "talk" or role not in (Role.FIRST_RESPONSIBLE,
                                                                  Role.LEADERSHIP_MEMBER):
        return requirement
    names = tuple(p.name for p in roster
                  if in_role(role, p) and p.in_post_during(window.start, window.checkpoint))
    return replace(requirement, counts=replace(counts, by=names)) if names else requirement


def _left_out(requirement: Requirement) -> tuple[str, ...]:
    """The roles a coverage does not ask about: those who hold the talks."""
    if not (requirement.counts and requirement.counts.ledger == "talk"):
        return ()
    if requirement.role is Role.LEADERSHIP_MEMBER:
        return (vocab.ROLE_SECRETARY, vocab.ROLE_LEADER)
    return (vocab.ROLE_SECRETARY,)


def _in_scope(requirement: Requirement, roster: Sequence[Person], window: Window,
              reached: set[str]) -> list[Person]:
    people = to_reach(list(roster), window.start, window.checkpoint, reached)
    left_out = _left_out(requirement)
    return [p for p in people if p.role not in left_out]


def _scope_basis(requirement: Requirement) -> str:
    """Whom "应覆盖N人" counts, where it is not everyone on the roster (the reader of the
    report cannot tell otherwise whom a plan's "分管部门负责人" were taken to be)."""
    left_out = _left_out(requirement)
    return f"（期间在岗人员，{'和'.join(left_out)}除外）" if left_out else ""  # a leaver
    # reached before leaving counts too (to_reach): "期间", not "在岗" alone (revjiwei4, K12)


def check_coverage(key: str, requirement: Requirement, window: Window, ask: Ask,
                   roster: Sequence[Person]) -> ChecklistItem:
    target = requirement.coverage or 0
    names = ask.reached()
    scope = _in_scope(requirement, roster, window, names)
    label = requirement.counts.label if requirement.counts else ""
    when = scope_words(requirement, window)
    expected = target * window.elapsed // window.units
    if not scope:
        status = Status.FAILED if window.over else Status.BEHIND
        day = window.checkpoint
        text = (f"人员名册中没有在职人员，无法计算{label}覆盖面，请先填写人员名册。"
                if not any(p.active or p.left_on for p in roster) else
                f"人员名册中没有{day.year}年{day.month}月{day.day}日在岗的人员，无法计算{label}"
                "覆盖面，请核对人员的到岗、离岗日期。")
        return ChecklistItem(f"{key}-coverage", requirement, "coverage", requirement.period,
                             window.start, window.end, target, expected, None, status, text,
                             ask.refs())
    reached = [p.name for p in scope if p.name in names]
    actual = round(100 * len(reached) / len(scope))
    status = status_of(actual, target, expected, window)
    missing = [p.name for p in scope if p.name not in reached]
    gone = [p.name for p in scope if not p.in_post(window.checkpoint)]
    text = (f"{when}{label}覆盖 {len(reached)} 人"
            + (f"（含期间已离岗的{'、'.join(gone)}）" if gone else "")
            + f"，占应覆盖 {len(scope)} 人{_scope_basis(requirement)}的 {actual}%，"
            f"要求达到 {target}%")
    if missing and status is not Status.DONE:
        shown = "、".join(missing[:6]) + ("等" if len(missing) > 6 else "")
        text += f"；尚未覆盖：{shown}"
    return ChecklistItem(f"{key}-coverage", requirement, "coverage", requirement.period,
                         window.start, window.end, target, expected, actual, status, text + "。",
                         ask.refs(), missing=missing)
