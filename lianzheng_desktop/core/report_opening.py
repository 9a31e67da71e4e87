"""Section one's opening sentence: the period's own facts, never the same line every period.

A 纪委 reader sets the reports of a year side by side: an opening identical in every one
("本单位坚持把党风廉政建设摆在突出位置……") reads as copied. The opening says what this
period held (its meetings, sessions, talks and 整改 items); with no record at all it claims
nothing; one who took up the post within the period speaks from that day (到岗以来).
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from lianzheng_desktop.core.record_source import doers, done_by, is_due
from lianzheng_desktop.core.report_activities import what_one_did
from lianzheng_desktop.core.report_facts import (
    ReportData,
    branch_posts,
    cn_date,
    first_responsible,
    md,
)

if TYPE_CHECKING:
    from lianzheng_desktop.core.report_duty import Figures


def period_facts(data: ReportData, f: Figures) -> list[str]:
    """"召开专题会议2次", "开展集中警示教育3次", …: what the period's records hold."""
    me = data.person.name if data.person is not None else ""
    meetings = [a for a in data.activities if a.type == "专题会议"]
    from lianzheng_desktop.core.report_duty import (  # (imports this module)
        only_overdue,
        period_items,
    )

    facts = []
    if meetings:
        role = what_one_did([me in doers("activity", a.host) for a in meetings] if me else [],
                             "召开")
        facts.append(f"{role}专题会议{len(meetings)}次")
    if data.sessions:
        role = what_one_did([me in doers("warning_education", s.host)
                              for s in data.sessions] if me else [], "开展")
        facts.append(f"{role}集中警示教育{len(data.sessions)}次")
    if data.talks:
        facts.append(f"开展谈话{f.talks}次（{f.person_times}人次）")
    # an item finished before the period is no work of it, but its 回头看 in it is: "完成
    # 整改事项1件" of one finished in the third quarter, looked back at in the fourth
    # (revjiwei10 K1), "推进整改事项2件" of one open and one closed in September (revnew6 U6)
    before = data.period.start - timedelta(days=1)
    items = period_items(data)
    worked = [i for i in items if not done_by(i, before)]
    looked_back = sum(1 for i in items if done_by(i, before) and i.review_date is not None
                      and data.period.start <= i.review_date <= data.as_of)
    if data.person is not None and not first_responsible(data.person):
        # what one did, not what one owns: an item past its deadline is section 三's
        done = sum(1 for i in worked if done_by(i, data.as_of))
        going = sum(1 for i in worked if not done_by(i, data.as_of)
                    and not is_due(i, data.as_of, data.missed_up_to))
        facts += ([f"完成整改事项{done}件"] if done else []) + (
            [f"推进整改事项{going}件"] if going else [])
    elif worked and not only_overdue(data):
        facts.append(f"推进整改事项{len(worked)}件")
    if looked_back:
        facts.append(f"对{looked_back}件此前已完成的整改事项开展“回头看”")
    return facts


def joined_within(data: ReportData) -> bool:
    person = data.person
    return (person is not None and person.joined_on is not None
            and data.period.start < person.joined_on <= data.as_of)


def opening(data: ReportData, f: Figures, has_points: bool) -> str:
    org = data.profile.org_name or data.profile.unit_name or "本单位"  # a branch or a 党组
    # a period not yet over: its figures are so far, not its totals ("2026年第四季度，……
    # 召开专题会议1次" read on 12月20日 is taken for the quarter's whole)
    when = data.period.label + ("" if data.over else f"（截至{md(data.as_of)}）")
    arrived = ""
    if joined_within(data):
        assert data.person is not None and data.person.joined_on is not None
        arrived, when = f"本人于{cn_date(data.person.joined_on)}到岗。", "到岗以来"
    facts = period_facts(data, f)
    if not has_points:  # nothing to claim: no "认真履行" beside "尚无工作记录"
        whose = "本人主持或参加的" if data.person is not None else ""
        return f"{arrived}{when}，台账中尚无{whose}党风廉政建设工作记录。"
    done = ("，" + "、".join(facts)) if facts else ""
    if data.person is None:
        # "对照年度工作要点" only where the plan sets out requirements to be checked against,
        # and not as the verb of the period's facts: "对照年度工作要点召开专题会议1次" credited
        # the plan with a meeting no duty of it counts (revjiwei5 F7)
        lead = "对照年度工作要点抓好落实" if data.checklist.items else "抓好党风廉政建设各项工作"
        body = done[1:] if done and not data.checklist.items else lead + done
        return f"{when}，{org}认真履行管党治党主体责任，{body}。"
    # the 纪检委员 answers for the branch's oversight too (监督责任, domain.md 责任主体:
    # revjiwei8 M: his paper spoke only of 一岗双责)
    watches = "纪检委员" in branch_posts(data.person)
    if first_responsible(data.person):  # the 第一责任人 answers for the whole unit
        duty = "第一责任人职责和监督责任" if watches else "第一责任人职责"
        return f"{arrived}{when}，本人认真履行{duty}，抓好本单位党风廉政建设工作{done}。"
    duty = "监督责任和“一岗双责”" if watches else "“一岗双责”"
    return f"{arrived}{when}，本人认真履行{duty}，抓好分管范围内党风廉政建设工作{done}。"
