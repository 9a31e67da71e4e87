"""The 述廉述责 report drafted from the records: real numbers, concrete problems, next steps.

Register: the county's summary speeches (一是……二是……), figures first, no 流水账. Section
two is the reporter's own; sections one, three and four are drafts the user edits. Every
part is drawn from one ``ReportData`` as of one date (see report_facts).
"""

from __future__ import annotations

import re
from datetime import date

from lianzheng_desktop.core import vocab
from lianzheng_desktop.core.periods import Quarter
from lianzheng_desktop.core.record_source import done_by, is_standing
from lianzheng_desktop.core.records import (
    LATE_MARK,
    Activity,
    Person,
    RectificationItem,
    Talk,
    UnitProfile,
    WarningSession,
    late_note,
)
from lianzheng_desktop.core.report_duty import Figures, draft_duty, figures
from lianzheng_desktop.core.report_facts import (
    ReportData,
    branch_posts,
    cn_date,
    dated,
    first_responsible,
    for_reader,
    md,
    md_in,
    named,
    status_label,
    unit_posts,
)
from lianzheng_desktop.core.report_items import unreviewed_earlier
from lianzheng_desktop.core.report_model import (
    OLD_PROMPT_STARTS,
    SECTION_HEADINGS,
    Appendix,
    ReportDocument,
    Section,
)
from lianzheng_desktop.core.report_next import draft_next_steps
from lianzheng_desktop.core.report_problems import draft_problems
from lianzheng_desktop.core.text import quoted, spans, tidy

__all__ = ["Figures", "ReportData", "build_document", "draft_sections", "figures", "tidy"]


LATE_NOTE = late_note("日期")

def _handed_after(data: ReportData, after: list, label: str) -> str:
    """"1月5日报送的材料属于2026年第四季度，在期末之后报送，列入本表"; the year's 总结 of a
    fourth quarter's paper is the year's (revnew7 Y4): each named with its own period."""
    from lianzheng_desktop.core.returns import placed

    returns = [i.requirement for i in data.checklist.items if i.requirement.handed_in_after]
    by_period: dict[str, list] = {}
    for a in after:
        found = placed(a.type, a.date, returns)
        whole_year = found is not None and (found.start.month, found.end.month) == (1, 12)
        by_period.setdefault(f"{found.end.year}年度" if found and whole_year else label,
                             []).append(a)

    def days(group: list) -> str:
        return "、".join(dict.fromkeys(md_in(a.date, data.period.year) for a in group))

    if len(by_period) == 1:
        return f"{days(after)}报送的材料属于{next(iter(by_period))}，在期末之后报送，列入本表"
    def kinds(group: list) -> str:
        return "、".join(dict.fromkeys(a.type.removeprefix("报送") for a in group))

    return "；".join(f"{days(group)}报送的{kinds(group)}属于{period}"
                    for period, group in by_period.items()) + "，均在期末之后报送，列入本表"


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
    if data.person is not None:
        return f"{data.person.name}同志{data.period.label}述责述廉报告"
    org = data.profile.org_name or data.profile.unit_name or ""
    return f"{org}{data.period.label}党风廉政建设述廉述责报告"


def secretary(profile: UnitProfile, roster: list[Person], day: date) -> str:
    """The reporter: the profile's 书记, unless the roster shows that person not yet (or no
    longer) in post on ``day`` and one other 书记 then — a past report reprinted after a
    change of 书记 is signed by the one who served; with the profile empty, that 书记."""
    serving = [p.name for p in roster if p.in_post(day) and p.role == vocab.ROLE_SECRETARY]
    given = profile.secretary_name
    if given:
        absent = any(p.name == given and not p.in_post(day) for p in roster)
        return serving[0] if absent and len(serving) == 1 else given
    return serving[0] if len(serving) == 1 else ""


def profile_gaps(data: ReportData) -> str:
    """What the report lacks because the unit profile is empty, in a sentence ("" if none)."""
    profile = data.profile
    if profile.org_name or profile.unit_name:
        return ""
    if data.person is not None:  # one's own report is signed by oneself
        return "尚未填写单位信息，报告标题中没有单位名称。请在“设置”页填写单位名称。"
    who = secretary(profile, data.roster, data.as_of)
    signed = (f"署名暂用人员名册中的书记{who}" if who else
              "人员名册中也没有唯一的书记，报告没有署名")
    return (f"尚未填写单位信息，报告标题中没有单位名称；{signed}。"
            "请在“设置”页填写单位名称和书记姓名。")


_QUARTERS = "一二三四"


def quiet_quarters_note(data: ReportData) -> str:
    """The year's quarters already over that no ledger holds a single event for ("" if
    none): a unit that began using the app in October would hand in a year that "held
    nothing" in the first three quarters (reviewer revother F6). The paper is hers: the
    app says so before she prints, and does not write it into the paper."""
    year = data.period.year
    quiet = [n for n in range(1, 5) if Quarter(year, n).end <= data.as_of
             and not any(Quarter(year, n).start <= day <= Quarter(year, n).end
                         for day in data.event_days)]
    if not quiet:
        return ""
    said = spans(quiet, lambda n: f"第{_QUARTERS[n - 1]}季度",
                 lambda a, b: f"第{_QUARTERS[a - 1]}至第{_QUARTERS[b - 1]}季度")
    first = min(data.event_days, default=None)
    since = f"（最早的一条记录是{md(first)}）" if first is not None and quiet[0] == 1 else ""
    return (f"台账中{year}年{said}没有任何记录{since}，报告按台账把这段时间的工作写为未开展；"
            "如这段时间的工作已经开展，请先在各台账中补录，再生成报告。")


def own_title(profile: UnitProfile, person: Person) -> str:
    """What one signs a report as — the same rule for the branch's report and one's own:
    a post (党组成员、副主席) is held in the unit, not in its party branch; the 书记 is the
    branch's 书记 (the profile's 党组织), with her posts in the unit after it: "某县总工会
    机关党支部书记、某县总工会常务副主席", never "某县总工会党支部书记、常务副主席" (a
    branch that does not exist, and a 副主席 of the branch)."""
    org = profile.org_name or profile.unit_name or ""
    unit = profile.unit_name or org
    if person.role != vocab.ROLE_SECRETARY:
        return _member_title(org, unit, person)
    if not org:  # no unit named: the roster's post as it is ("党支部书记、常务副主席")
        return person.post or person.role
    also = [p for p in branch_posts(person) if not p.endswith("书记")]  # 兼纪检委员
    head = f"{org}书记" + "".join(f"、{p}" for p in also)
    # the unit named once before them; not the head said again, where the 党组织 is the
    # unit's 党组 or 党委 and her post its 书记 ("…党组书记、某县…党组书记、主任": revjiwei10
    # K5; "镇党委书记", "县政府办公室党组书记": revdiff10 E6)
    others = "、".join(p.removeprefix(unit) for p in unit_posts(person) if not _heads(org, p))
    return f"{head}、{unit}{others}" if others else head  # them: "某局党组成员、副局长"


# a 党组织 by the end of its name, the more particular first (a 支部委员会 is no 党委:
# revlast18 F3), and the word a post names it by
_BODY_KINDS = ((("党组",), "党组"), (("总支部委员会", "党总支"), "总支"),
               (("支部委员会", "党支部", "支部"), "支部"), (("工作委员会", "党工委"), "党工委"),
               (("委员会", "党委"), "党委"))


def _heads(org: str, post: str) -> bool:
    """Whether ``post`` is the 书记 of ``org`` itself: 党组书记 of a …党组, 党委书记 or
    镇党委书记 of a …委员会, whatever the unit's name before it — not a 副书记."""
    if not post.endswith("书记") or post.endswith("副书记"):
        return False
    kind = next((word for ends, word in _BODY_KINDS if org.endswith(ends)), None)
    return kind is not None and post.removesuffix("书记").endswith(kind)


def _member_title(org: str, unit: str, person: Person) -> str:
    """A member's posts, each before the body it is held in: one in the branch (支部纪检
    委员, 组织委员) after the 党组织's name, one in the unit (财务科科长, 副主席) after the
    unit's — "某县卫生健康局支部纪检委员" named a branch that does not exist (revjiwei7 F8)."""
    branch, others = branch_posts(person), unit_posts(person)
    if not branch or not org:
        return f"{unit}{person.post or person.role}"
    return "、".join([f"{org}{'、'.join(branch)}"]
                    + ([f"{unit}{'、'.join(others)}"] if others else []))


def _meta(label: str, role: str, reporter: str) -> list[str]:
    """The lines under the title: the period, then who reports, on a line of its own in
    every paper (a short one once read "（2026年第四季度，截至11月30日　副主席　高建军）",
    the 署名 inside the period's bracket; revjiwei4 K7)."""
    return [f"（{label}）"] + ([f"{role}　{reporter}"] if reporter else [])


def build_document(data: ReportData, texts: dict[str, str] | None = None,
                   signed: date | None = None) -> ReportDocument:
    """The report with ``texts`` (edited sections) where given, drafts elsewhere."""
    drafts = draft_sections(data)
    texts = {**drafts, **{k: without_prompts(v) for k, v in (texts or {}).items() if k in drafts}}
    org = data.profile.org_name or data.profile.unit_name
    reporter = secretary(data.profile, data.roster, data.as_of)
    role = f"{org}书记" if org else "书记"
    signer = data.person or next((p for p in data.roster if p.name == reporter
                                  and p.role == vocab.ROLE_SECRETARY), None)
    if data.person is not None:  # one person's own report, signed by them
        reporter = data.person.name
    if signer is not None:  # one title rule: the branch's report and the 书记's own
        role = own_title(data.profile, signer)
    # a period not yet over is told as far as the report's day, on page 1 too
    label = data.period.label + ("" if data.over else f"，截至{md(data.as_of)}")
    meta = _meta(label, role, reporter)
    # 成文日期: the day it is written — a third-quarter report written on 10 October counts
    # to 30 September and is signed on 10 October
    signed = signed or max(data.as_of, data.made_on or data.as_of)
    closing = [c for c in (f"{role}　{reporter}" if reporter else org, cn_date(signed)) if c]
    return ReportDocument(
        title=report_title(data), meta=meta,
        sections=[Section.from_text(h, texts[h]) for h in SECTION_HEADINGS],
        appendices=appendices(data), period=data.period, closing=closing,
    )


def _scope(data: ReportData, mine: str) -> str:
    """What a ledger appendix holds, after its title: in one's own report, whose records
    (so that it is not read as the period's whole ledger); before the period's end, to
    which day."""
    said = [mine] if data.person is not None and mine else []
    if not data.over:
        said.append(f"截至{cn_date(data.as_of)}")
    return f"（{'，'.join(said)}）" if said else ""


def _when(record: WarningSession | Talk | Activity) -> str:
    """The day it happened, as the body says it ("1月8日": the annex's title names the
    period, which never spans two years); "（补录）" when it was entered long after."""
    return md(record.date) + (LATE_MARK if record.late_entry else "")


UNMEASURED = f"{vocab.STATUS_ONGOING}（未填整改措施）"
UNMEASURED_NOTE = (f"注：状态为“{UNMEASURED}”的事项，未填写长期坚持的整改措施，正文按尚在整改"
                   "计算。")


def _item_status(item: RectificationItem, day: date) -> str:
    """附件 整改事项台账's 状态 as the body counts it (record_source.is_standing): 长期坚持
    with no 整改措施 written is still open, and the cell says why it is not counted so."""
    if done_by(item, day):
        return vocab.STATUS_DONE
    if item.status == vocab.STATUS_DONE:  # completed after the report's date
        return vocab.STATUS_IN_PROGRESS
    if item.status == vocab.STATUS_ONGOING and not is_standing(item, day):
        return UNMEASURED
    return item.status


def appendices(data: ReportData) -> list[Appendix]:
    label, day = data.period.label, data.as_of
    upto = _scope(data, "")
    own_items = data.person is not None and not first_responsible(data.person)
    check = Appendix(
        f"附件1　{label}党风廉政建设责任清单落实情况{upto}", ["序号", "要求", "状态", "完成情况"],
        [[str(n), named(i.requirement), status_label(i), tidy(for_reader(i, day))]
         for n, i in enumerate(data.checklist.items, start=1)], [0.7, 4, 1.4, 6],
        empty=("（年度工作要点中没有逐人落实到本人的要求）" if data.person is not None
               else "（年度工作要点中尚无可对照检查的要求）"))
    sessions = Appendix(
        f"附件2　{label}警示教育台账{_scope(data, '本人主持或参加')}",
        ["日期", "形式", "主题", "主持人", "参加人数"],
        [[_when(s), s.form, s.topic, s.host, str(s.head_count or "")]  # none entered: blank
         for s in data.sessions],
        [1.6, 2, 4.5, 1.2, 1.2])
    talks = Appendix(
        f"附件3　{label}谈话记录台账{_scope(data, '本人开展')}",
        ["日期", "类型", "谈话人", "谈话对象", "一对一问题性约谈"],
        [[_when(t), t.type, t.talker, "、".join(t.talkees),
          "是" if t.one_on_one else "否"] for t in data.talks], [1.6, 1.6, 1.2, 4, 1.6])
    if any(t.problems_found.strip() for t in data.talks):  # the ledger's own column
        talks.columns.append("发现问题")
        for row, t in zip(talks.rows, data.talks, strict=True):
            row.append(t.problems_found.strip())
        talks.widths = [1.6, 1.4, 1.2, 2.6, 1.2, 3.6]
    # with last year's items still owed a 回头看: 三 and 四 name them, the annex lists them
    listed = data.rectification + [i for i in unreviewed_earlier(data)
                                   if i not in data.rectification]
    items = Appendix(
        f"附件4　整改事项台账（{'本人负责，' if own_items else ''}截至{cn_date(day)}）",
        ["编号", "问题", "责任人", "整改时限", "状态", "完成日期"],
        [[i.number, i.description + (LATE_MARK if i.late_entry else ""), i.owner,
          cn_date(i.deadline), _item_status(i, day),  # items run across years: with the year
          cn_date(i.completed_date) if done_by(i, day) else ""]  # type: ignore[arg-type]
         for i in listed], [1.5, 4.5, 1.1, 1.6, 1.2, 1.6])
    notes = [UNMEASURED_NOTE] if any(_item_status(i, day) == UNMEASURED for i in listed) else []
    # the 回头看 the body counts ("对2件…开展了“回头看”"), named with their days: the 纪委
    # could not tell which (revjiwei10 K9); in a note, for a seventh column broke the
    # table's names and dates
    looked = [f"{i.number or quoted(i.description)}（{cn_date(i.review_date)}）" for i in listed
              if i.review_date is not None and i.review_date <= day]
    if looked:
        # all of them to the table's day, as its title says, not the period's alone
        # (revdiff10 E8: three names beside "对2件…" of the quarter)
        notes.append(f"截至{cn_date(day)}已开展整改“回头看”的：{'、'.join(looked)}")
    if any(i.late_entry for i in listed):  # as the other annexes mark theirs
        notes.append(late_note("问题"))
    if notes:  # one 注 line: "注：…；…。"
        items.note = "注：" + "；".join(n.removeprefix("注：").rstrip("。") for n in notes) + "。"
    when = dated(data)  # a return of the period handed in after it: with its year, late
    activities = Appendix(
        f"附件5　{label}会议活动台账{_scope(data, '本人主持或参加')}", ["日期", "类型", "主题"],
        [[when(a) + (LATE_MARK if a.late_entry else ""), a.type, a.topic]
         for a in data.activities], [1.6, 1.8, 6.6])
    for ledger in (sessions, talks, activities):  # what the mark means, where it is used
        if any(row[0].endswith(LATE_MARK) for row in ledger.rows):
            ledger.note = LATE_NOTE
    after = [a for a in data.activities if a.date > data.period.end]
    if after:  # rows past the title's period: why they are listed here (revjiwei9 J1)
        said = "；".join(n.removeprefix("注：").rstrip("。") for n in [activities.note] if n)
        activities.note = f"注：{said + '；' if said else ''}{_handed_after(data, after, label)}。"
    # an annex with no rows is not printed as an empty table: section 一 says the period
    # has no such records (no point of it), section 三 that the plan asks nothing of one;
    # those printed are numbered in turn, as 附件说明 lists them
    printed = [a for a in (check, sessions, talks, items, activities) if a.rows]
    for n, appendix in enumerate(printed, start=1):
        appendix.title = re.sub(r"^附件\d+", f"附件{n}", appendix.title)
    return printed
