"""The 述廉述责 report drafted from the records: real numbers, concrete problems, next steps.

Register: the county's summary speeches (一是……二是……), figures first, no 流水账. Section
two is the reporter's own; sections one, three and four are drafts the user edits.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from lianzheng_desktop.core import vocab
from lianzheng_desktop.core.checklist import Checklist, Status
from lianzheng_desktop.core.plan import Period, Plan
from lianzheng_desktop.core.records import (
    Activity,
    Person,
    RectificationItem,
    Talk,
    UnitProfile,
    WarningSession,
)
from lianzheng_desktop.core.report_model import (
    OLD_PROMPT_STARTS,
    SECTION_HEADINGS,
    Appendix,
    ReportDocument,
    ReportPeriod,
    Section,
)
from lianzheng_desktop.core.text import tidy

ORDINALS = "一二三四五六七八九十"
@dataclass
class ReportData:
    """Everything a report is drafted from; gathered by storage, no SQL here."""

    period: ReportPeriod
    profile: UnitProfile
    sessions: list[WarningSession]  # within the period
    talks: list[Talk]
    activities: list[Activity]
    rectification: list[RectificationItem]  # found by the period's end, still relevant
    roster: list[Person]
    checklist: Checklist  # as at the period's end (or the as-of day if earlier)
    next_plan: Plan | None = None
    year_activities: list[Activity] = field(default_factory=list)  # 1 January → period end


@dataclass(frozen=True)
class Figures:
    """The numbers section one states; tests compare them with the database."""

    meetings: int
    sessions: int
    session_attendance: int
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


def _done_by(item: RectificationItem, day: date) -> bool:
    return item.completed_date is not None and item.completed_date <= day


def figures(data: ReportData) -> Figures:
    end = data.period.end
    scope = [p for p in data.roster if p.active and p.role != vocab.ROLE_SECRETARY]
    talked = {name for talk in data.talks for name in talk.talkees}
    items = data.rectification
    done = [i for i in items if _done_by(i, end)]
    ongoing = [i for i in items if not _done_by(i, end) and i.status == vocab.STATUS_ONGOING]
    return Figures(
        meetings=sum(1 for a in data.activities if a.type == "专题会议"),
        sessions=len(data.sessions),
        session_attendance=sum(s.head_count for s in data.sessions),
        talks=len(data.talks),
        person_times=sum(len(t.talkees) for t in data.talks),
        one_on_one=sum(1 for t in data.talks if t.one_on_one),
        talked_people=sum(1 for p in scope if p.name in talked),
        people_in_scope=len(scope),
        rectification_total=len(items),
        rectification_done=len(done),
        rectification_ongoing=len(ongoing),
        rectification_open=len(items) - len(done) - len(ongoing),
        reviews=sum(1 for i in items if i.review_date is not None and i.review_date <= end),
    )


def _cn(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _md(day: date) -> str:
    return f"{day.month}月{day.day}日"


def _topics(items: Sequence[str], limit: int = 4) -> str:
    shown = [f"“{t}”" if not t.startswith("《") else t for t in items[:limit]]
    return "、".join(shown) + ("等" if len(items) > limit else "")


def _numbered(parts: list[str]) -> list[str]:
    return [f"{ORDINALS[i]}是{text}" for i, text in enumerate(parts[:10])]


def draft_duty(data: ReportData) -> str:
    """Section one: what was done, with the ledgers' numbers."""
    f, noun = figures(data), data.period.noun
    parts: list[str] = []
    meetings = [a for a in data.activities if a.type == "专题会议"]
    year_meetings = sum(1 for a in data.year_activities if a.type == "专题会议")
    text = f"压紧压实主体责任。{noun}召开党风廉政建设专题会议 {f.meetings} 次"
    if meetings:
        text += "（" + "；".join(f"{_md(m.date)}，{m.topic}" for m in meetings) + "）"
    if data.period.quarter and year_meetings:
        text += f"；年内累计召开 {year_meetings} 次"
    parts.append(text + "。")

    text = f"深化警示教育。{noun}开展集中警示教育 {f.sessions} 次、参加 {f.session_attendance} 人次"
    if data.sessions:
        text += "：" + "；".join(f"{_md(s.date)}{s.topic}（{s.form}，{s.head_count} 人参加）"
                                for s in data.sessions)
    parts.append(text + "。")

    kinds = Counter(t.type for t in data.talks)
    text = (f"常态化开展谈心谈话。{noun}开展各类谈话 {f.talks} 次、{f.person_times} 人次")
    if kinds:
        text += "，其中" + "、".join(f"{k} {n} 次" for k, n in kinds.most_common())
    text += (f"；“一对一”问题性约谈 {f.one_on_one} 次；谈话覆盖在职干部职工 {f.talked_people} 人，"
             f"占应谈 {f.people_in_scope} 人的 {f.coverage}%。")
    parts.append(text)

    text = (f"扎实推进问题整改。共有整改事项 {f.rectification_total} 件，已完成 "
            f"{f.rectification_done} 件")
    if f.rectification_ongoing:
        text += f"、长期坚持 {f.rectification_ongoing} 件"
    if f.rectification_open:
        text += f"、正在整改 {f.rectification_open} 件"
    text += f"；已对 {f.reviews} 件开展“回头看”，巩固整改成效。"
    parts.append(text)

    others = Counter(a.type for a in data.activities if a.type != "专题会议")
    if others:
        listed = "、".join(f"{kind} {n} 次" for kind, n in others.most_common())
        subjects = [a.topic for a in data.activities if a.type != "专题会议"]
        parts.append(f"抓好日常教育监督。{noun}开展{listed}，内容包括{_topics(subjects, 3)}。")
    intro = (f"{data.period.label}，{data.profile.org_name or '本支部'}坚持把党风廉政建设摆在"
             "突出位置，认真履行管党治党主体责任，对照年度工作要点逐项抓落实。")
    return "\n".join([intro, *_numbered(parts)])


def draft_problems(data: ReportData) -> str:
    """Section three: unmet requirements and overdue items first, as they stand."""
    end = data.checklist.as_of
    unmet = [i for i in data.checklist.items
             if i.status in (Status.FAILED, Status.BEHIND) and i.measure != "manual"]
    overdue = [i for i in data.rectification
               if not _done_by(i, end) and i.status != vocab.STATUS_ONGOING and i.deadline < end]
    parts = [f"{i.requirement.text}的要求落实不到位：{i.explanation.rstrip('。')}。" for i in unmet]
    for item in overdue:
        parts.append(f"整改事项“{item.description}”未按期完成，整改时限为 "
                     f"{_cn(item.deadline)}，截至 {_cn(end)} 已逾期 "
                     f"{(end - item.deadline).days} 天。")
    lines = []
    if parts:
        lines.append(f"对照年度工作要点和整改台账，{data.period.noun}还存在以下问题：")
        lines += _numbered(parts)
    else:
        lines.append(f"对照年度工作要点，{data.period.noun}各项有数量要求的工作均已按进度完成，"
                     "但在工作质量和实际成效上仍有提升空间。")
    return "\n".join(lines)


def draft_next_steps(data: ReportData) -> str:
    """Section four: next period's obligations and the open items with their deadlines."""
    nxt = data.period.next
    parts: list[str] = []
    plan = data.next_plan
    if plan is not None:
        for requirement in plan.requirements:
            if requirement.period in (Period.QUARTER, Period.MONTH) or (
                    nxt.quarter is None and requirement.is_numeric):
                parts.append(f"{requirement.text}。")
        for entry in data.checklist.items:
            if (entry.measure == "count" and entry.period in (Period.YEAR, Period.HALF)
                    and entry.status in (Status.ON_TRACK, Status.BEHIND)
                    and entry.actual is not None and entry.target is not None):
                parts.append(f"{entry.requirement.text}，目前已完成 {entry.actual} "
                             f"{entry.requirement.unit}，还需 {entry.target - entry.actual} "
                             f"{entry.requirement.unit}。")
    open_items = [i for i in data.rectification
                  if not _done_by(i, data.period.end) and i.status != vocab.STATUS_ONGOING]
    for item in open_items:
        late = "（已到期，须尽快完成销号）" if item.deadline <= data.period.end else ""
        parts.append(f"加快整改“{item.description}”，由{item.owner}负责，"
                     f"确保于 {_cn(item.deadline)} 前完成{late}。")
    lines = [f"{nxt.label}，将重点抓好以下工作："]
    lines += _numbered(parts or ["严格对照年度工作要点，逐项抓好落实。"])
    return "\n".join(lines)


def draft_sections(data: ReportData) -> dict[str, str]:
    return {
        SECTION_HEADINGS[0]: tidy(draft_duty(data)),
        SECTION_HEADINGS[1]: "",  # the reporter's own; the editor shows what to write
        SECTION_HEADINGS[2]: tidy(draft_problems(data)),
        SECTION_HEADINGS[3]: tidy(draft_next_steps(data)),
    }


def without_prompts(text: str) -> str:
    """Drop the prompt lines earlier versions wrote into the text: they are never printed."""
    return "\n".join(line for line in text.splitlines()
                     if not line.strip().startswith(OLD_PROMPT_STARTS))


def report_title(data: ReportData) -> str:
    org = data.profile.org_name or data.profile.unit_name or ""
    return f"{org}{data.period.label}党风廉政建设述廉述责报告"


def build_document(data: ReportData, texts: dict[str, str] | None = None,
                   signed: date | None = None) -> ReportDocument:
    """The report with ``texts`` (edited sections) where given, drafts elsewhere."""
    drafts = draft_sections(data)
    texts = {**drafts, **{k: without_prompts(v) for k, v in (texts or {}).items() if k in drafts}}
    org = data.profile.org_name or data.profile.unit_name
    reporter = data.profile.secretary_name
    meta = [f"（{data.period.label}　{org}书记　{reporter}）"] if reporter else [
        f"（{data.period.label}）"]
    signed = signed or data.checklist.as_of
    closing = [f"{org}书记　{reporter}" if reporter else org,
               f"{signed.year}年{signed.month}月{signed.day}日"]
    return ReportDocument(
        title=report_title(data), meta=meta,
        sections=[Section.from_text(h, texts[h]) for h in SECTION_HEADINGS],
        appendices=appendices(data), period=data.period, closing=closing,
    )


def appendices(data: ReportData) -> list[Appendix]:
    label = data.period.label
    check = Appendix(
        f"附件1　{label}党风廉政建设责任清单落实情况", ["序号", "要求", "状态", "完成情况"],
        [[str(n), i.requirement.text, i.status.label, tidy(i.explanation)]
         for n, i in enumerate(data.checklist.items, start=1)], [0.7, 4, 1.4, 6])
    sessions = Appendix(
        f"附件2　{label}警示教育台账", ["日期", "形式", "主题", "主持人", "参加人数"],
        [[s.date.isoformat(), s.form, s.topic, s.host, str(s.head_count)] for s in data.sessions],
        [1.6, 2, 4.5, 1.2, 1.2])
    talks = Appendix(
        f"附件3　{label}谈话记录台账", ["日期", "类型", "谈话人", "谈话对象", "一对一问题性约谈"],
        [[t.date.isoformat(), t.type, t.talker, "、".join(t.talkees),
          "是" if t.one_on_one else "否"] for t in data.talks], [1.6, 1.6, 1.2, 4, 1.6])
    end = data.period.end
    items = Appendix(
        f"附件4　整改事项台账（截至{end.year}年{end.month}月{end.day}日）",
        ["编号", "问题", "责任人", "整改时限", "状态", "完成日期"],
        [[i.number, i.description, i.owner, i.deadline.isoformat(),
          vocab.STATUS_DONE if _done_by(i, end) else (
              i.status if i.status != vocab.STATUS_DONE else vocab.STATUS_IN_PROGRESS),
          i.completed_date.isoformat() if _done_by(i, end) else ""]
         for i in data.rectification], [1.5, 4.5, 1.1, 1.6, 1.2, 1.6])
    activities = Appendix(
        f"附件5　{label}会议活动台账", ["日期", "类型", "主题"],
        [[a.date.isoformat(), a.type, a.topic] for a in data.activities], [1.6, 1.8, 6.6])
    return [check, sessions, talks, items, activities]
