"""Making a report file from the store: draft, edited texts, PDF or Word, the kept version.

Shared by the command line and the GUI's worker (which opens its own connection).
"""

from __future__ import annotations

import errno
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from lianzheng_desktop.core.checklist_model import Status
from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.core.record_source import is_open
from lianzheng_desktop.core.report_basis import StaleSection, stale_note, stale_sections
from lianzheng_desktop.core.report_content import (
    ReportData,
    build_document,
    draft_sections,
    profile_gaps,
    quiet_quarters_note,
)
from lianzheng_desktop.core.report_facts import cn_date, named, quoted
from lianzheng_desktop.core.report_model import (
    SECTION_HEADINGS,
    ReportDocument,
    ReportPeriod,
    unwritten_sections,
)
from lianzheng_desktop.storage.changes_since import (
    profile_then,
    records_changed,
    renames_since,
)
from lianzheng_desktop.storage.errors import os_error_text
from lianzheng_desktop.storage.plan_reading import ReadingChange, reading_change
from lianzheng_desktop.storage.plans import plan_changed_since
from lianzheng_desktop.storage.reports import (
    ReportVersion,
    list_versions,
    load_basis,
    load_report_data,
    load_texts,
    record_version,
    set_aside_kept,
)
from lianzheng_desktop.storage.store import Store


def report_document(store: Store, period: ReportPeriod, as_of: date | None = None,
                    texts: dict[str, str] | None = None,
                    person: str | None = None) -> ReportDocument:
    """The report with the user's kept edits (or ``texts``) over the fresh drafts."""
    data = load_report_data(store, period, as_of, person)
    return build_document(data, texts if texts is not None
                          else load_texts(store, period, person))


@dataclass(frozen=True)
class HandedIn:
    """This period's report was kept after the period was over, and records of the period
    were added, changed or deleted since (a back-dated meeting, an item closed after the
    fact): two different papers for one period must not meet the 纪委 unsaid."""

    on: date
    changes: int
    plans: tuple[int, ...] = ()  # the years whose plan was imported or edited since
    renamed: tuple[tuple[str, str], ...] = ()  # people renamed since: (was, is)
    again: date | None = None  # a later version kept with all of it (handed in again?)
    lapsed: int = 0  # due the day it was kept (今日到期 then), not done that day
    # returns of the period (次年1月7日前报送…) handed in since it was kept, and those whose
    # deadline passed since with none handed in
    sent: tuple[str, ...] = ()
    lapsed_returns: tuple[str, ...] = ()
    profile: tuple[str, ...] = ()  # 设置's fields changed since (书记姓名 …: revloss7 W3)
    early: bool = False  # kept only before the period was over (counted to that day)

    @property
    def note(self) -> str:
        if self.early:  # revnew7 Y6: which paper the 纪委 holds
            return (f"本期报告曾于{cn_date(self.on)}（期末之前）生成留存，内容截至当日；现在生成的"
                    "是期末之后的完整报告。如已交出前一份，请交出这一份并说明；留存的原件不受影响。")
        since = []
        if self.changes:
            since.append(f"补录、修改或删除了本期的 {self.changes} 条台账记录")
        if self.plans:
            since.append("导入或修改了" + "、".join(f"{y}年度" for y in self.plans) + "计划"
                         "（报告对照的要求和下一步打算随之不同）")
        if self.renamed:
            since.append("人员名册中" + "、".join(f"“{was}”改名为“{now}”"
                                              for was, now in self.renamed))
        if self.profile:  # the paper signs with the names in 设置 now
            since.append(f"在“设置”中修改了{'、'.join(self.profile)}（现在生成的报告按修改后的填写）")
        said = [f"此后{'，'.join(since)}"] if since else []
        if self.lapsed:  # no change at all: the day itself went by (revlast2, 5)
            said.append(f"当日到期的 {self.lapsed} 件整改事项当天未能完成，现在按到期未完成计")
        if self.sent:  # a return of the period handed in since (revyear4 Y1)
            said.append(f"此后报送了{'、'.join(self.sent)}")
        if self.lapsed_returns:  # its deadline passed since, none handed in (revjiwei8 K)
            said.append(f"{'、'.join(self.lapsed_returns)}的报送期限已过、未按时报送，现在按未完成计")
        done = f"本期报告已于{cn_date(self.on)}生成留存；{'；'.join(said)}"
        if self.again is not None:
            return (f"{done}；{cn_date(self.again)}重新生成留存的一份已含这些改动。两份内容不同："
                    "如纪委收到的是前一份，请交出后一份并说明改动；留存的原件都不受影响。")
        return (f"{done}，现在生成的报告可能与留存的不同。"
                "如已交出，重新交出时请向纪委说明改动；留存的原件不受影响。")


def _changed_since_kept(store: Store, data: ReportData, person: str | None) -> HandedIn | None:
    if not data.over:  # a period still running reads differently every day
        return None
    # the first kept once the period was over: what the 纪委 was most likely handed (a
    # later one, made after the change, must not hide it)
    after = [v for v in list_versions(store, data.period, person)  # the last day counts:
             if v.created_at.date() >= data.period.end]  # a quarter's report is often made then
    if not after:  # none, or made before the period was over (counted to that day)
        before = [v for v in list_versions(store, data.period, person)]
        return HandedIn(max(v.created_at for v in before).date(), 0, early=True) \
            if before else None
    first = min(after, key=lambda v: (v.created_at, v.id))
    last = max(after, key=lambda v: (v.created_at, v.id))
    kept_on = first.created_at.date()
    # kept on the period's last day, an item due then was 今日到期; made later, it is 到期未
    # 完成: the two papers differ with nothing changed (reviewer revdiff3, D8)
    lapsed = sum(1 for i in data.rectification if kept_on == data.as_of < (data.made_on or kept_on)
                 and i.deadline == kept_on and is_open(i, data.as_of))
    since = _differences(store, data, first.created_at)
    made = data.made_on or kept_on
    sent, lapsed_returns = _returns_due_between(store, data, kept_on, made)
    if since is None and not lapsed and not sent and not lapsed_returns:
        return None
    # kept again since with all of it (a lapse, after the day it lapsed): which to hand in
    again = last.created_at.date() if last is not first and _differences(
        store, data, last.created_at) is None and (
            not (lapsed or sent or lapsed_returns) or last.created_at.date() > kept_on) \
        and not any(_returns_due_between(store, data, last.created_at.date(), made)) else None
    changes, plans, renamed, profile = since or (0, (), (), ())
    return HandedIn(kept_on, changes, plans, renamed, again=again, lapsed=lapsed, sent=sent,
                    lapsed_returns=lapsed_returns, profile=profile)


def _returns_due_between(store: Store, data: ReportData, kept: date,
                         made: date) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The returns of the paper (handed in after the period: 次年1月7日前…) settled since the
    day ``kept``: (those handed in, dated after it — revyear4 Y1: the 总结 of 1月12日 was no
    change, and the copy of 1月2日 that still owed it was called the complete one; those
    whose deadline passed before ``made`` with none handed in — revjiwei8 K)."""
    from lianzheng_desktop.core.checklist_ask import with_link
    from lianzheng_desktop.storage.record_source import SqlSource

    source, sent, lapsed = SqlSource(store), [], []
    for item in data.checklist.items:
        requirement = item.requirement
        if not requirement.handed_in_after or requirement.counts is None:
            continue
        counts = (with_link(requirement) if requirement.id is not None else requirement).counts
        assert counts is not None
        name = quoted(named(requirement))
        for part in (item, *(p for _, p in item.periods)):
            due = part.period_end  # a return's item ends on its deadline
            if due < kept:
                continue
            # all of it in now, on time or late, by a form dated since the copy was kept
            # (revlast9 G4: one handed in late was "未见报送"; one person's of two was "报送了")
            done = part.status is Status.DONE or part.handed_in_late
            if done and source.count(counts, kept + timedelta(days=1), made):
                sent.append(name + ("（逾期）" if part.status is not Status.DONE else ""))
                break
            if due < made and not done:
                lapsed.append(name + ("（尚未报齐）" if part.measure == "per_person" else ""))
                break
    return tuple(dict.fromkeys(sent)), tuple(dict.fromkeys(lapsed))


def _differences(store: Store, data: ReportData, moment: datetime,
                 ) -> tuple[int, tuple[int, ...], tuple[tuple[str, str], ...],
                            tuple[str, ...]] | None:
    """(records changed, plans changed, renames, 设置's fields changed) of the period since
    ``moment``; None if none."""
    changes = records_changed(store, moment, date(data.period.year, 1, 1), data.as_of)
    # the next year's plan is read by section 四 of a year-end report only (annual, Q4),
    # and only once the year is over (storage.reports.load_report_data)
    years = (data.period.year,) + ((data.period.year + 1,)
                                   if data.period.end.month == 12 and data.over else ())
    plans = tuple(year for year in years if plan_changed_since(store, year, moment))
    renamed = tuple(renames_since(store, moment))
    profile = _printed_otherwise(store, data, moment)
    return (changes, plans, renamed, profile) if changes or plans or renamed or profile else None


def _printed_otherwise(store: Store, data: ReportData, moment: datetime) -> tuple[str, ...]:
    """What of 设置 changed since ``moment`` that the paper prints otherwise now: the
    unit's and the 党组织's names (its title), the 书记 who signs the branch's paper — not
    one the roster shows out of post then, who never signed it (revdiff11 Z5)."""
    from lianzheng_desktop.core.report_content import secretary

    then, now = profile_then(store, moment), data.profile
    if then is None:
        return ()
    day = data.as_of
    changed = [words for words, was, is_ in (
        ("单位名称", then.unit_name, now.unit_name.strip()),
        ("党组织名称", then.org_name, now.org_name.strip()),
        ("书记姓名", secretary(then, data.roster, day) if data.person is None else "",
         secretary(now, data.roster, day) if data.person is None else "")) if was != is_]
    return tuple(changed)


NO_OWN_PROBLEM_NOTE = ("第三部分“存在的问题及原因”按台账起草，没有列出本人自身的问题；"
                       "请本人对照职责查找不足、分析原因后写明（在报告页改写这一部分），"
                       "只写“没有问题”的报告通常会被退回。")
CAUSES_NOTE = ("第三部分“存在的问题及原因”是按台账起草的，只列出了问题；原因须由本人分析写明"
               "（在报告页改写这一部分）。")


@dataclass
class PreparedReport:
    data: ReportData  # what it is drafted from, as of one date
    drafts: dict[str, str]  # the fresh drafts, to tell typed text from drafted
    document: ReportDocument  # the drafts with the user's kept edits
    stale: list[StaleSection] = field(default_factory=list)  # typed over older drafts
    reading: ReadingChange | None = None  # the year's plan as its text now reads
    handed_in: HandedIn | None = None  # a version handed in after the period, unlike this

    @property
    def notes(self) -> list[str]:
        """What the user should know before handing it in, in Chinese sentences."""
        gaps = profile_gaps(self.data)
        quiet = quiet_quarters_note(self.data)
        return ([gaps] if gaps else []) + ([quiet] if quiet else []) + [
            f"第{h[0]}部分“{h[2:]}”尚未填写，报告中这一部分是空的。"
            for h in unwritten_sections(self.document)] + (
            [stale_note(self.stale)] if self.stale else []) + (
            [self.reading_note] if self.reading_note else []) + (
            [self.handed_in.note] if self.handed_in else []) + (
            [CAUSES_NOTE] if self.causes_unwritten else []) + (
            [NO_OWN_PROBLEM_NOTE] if self.no_own_problem else [])

    @property
    def no_own_problem(self) -> bool:
        """One's own report whose section 三, as drafted, names no problem of one's own (a
        纪委 returns a 述责述廉 report that finds none): the reporter must write them."""
        heading = SECTION_HEADINGS[2]
        drafted = self.drafts.get(heading, "")
        return (self.data.person is not None and bool(drafted) and "以下问题" not in drafted
                and self.document.section_texts().get(heading) == drafted)

    @property
    def not_over_note(self) -> str:
        """A report of a period still running: its figures are so far (revyear F1)."""
        if self.data.over:
            return ""
        label, person = self.data.period.label, self.data.person
        if person is not None and person.left_on == self.data.as_of:  # his time, not over
            return (f"{person.name}已于{cn_date(person.left_on)}离岗，本人报告中的数字截至"
                    "其离岗之日。")
        return (f"{label}尚未结束，报告中的数字截至{cn_date(self.data.as_of)}；"
                f"{label}结束后请重新生成。")

    @property
    def causes_unwritten(self) -> bool:
        """Section 三 as drafted names problems, and the heading promises 原因: only the
        reporter can say why (the app never makes a cause up)."""
        heading = SECTION_HEADINGS[2]
        drafted = self.drafts.get(heading, "")
        # "主要存在以下问题：" (the branch's, a member's) or "…对本季度以下问题督促不力："
        # (the 书记's own): the draft names problems and, being a draft, never a cause
        return self.document.section_texts().get(heading) == drafted and "以下问题" in drafted

    @property
    def reading_note(self) -> str:
        """The plan page's note, where the report is read: a requirement the year's text now
        reads otherwise (巡察整改 counting every source) is printed as the plan has it."""
        change = self.reading
        if change is None:
            return ""
        return (f"按现在的读法，{change.year}年工作要点原文中有{change.differing}项要求"
                f"（{change.item_words}）与年度计划中的不同，报告按年度计划中的计算；"
                "可在“年度计划”页点“按原文重新读取…”逐项核对。")


def prepare_report(store: Store, period: ReportPeriod, as_of: date | None = None,
                   person: str | None = None) -> PreparedReport:
    """The report read once from the store: its data, drafts and document."""
    data = load_report_data(store, period, as_of, person)
    drafts = draft_sections(data)
    typed = load_texts(store, period, person)
    document = build_document(data, typed)
    return PreparedReport(data, drafts, document,
                          stale_sections(typed, load_basis(store, period, person), drafts),
                          reading_change(store, period.year),
                          _changed_since_kept(store, data, person))


def write_report(store: Store, period: ReportPeriod, path: Path, *, as_of: date | None = None,
                 texts: dict[str, str] | None = None,
                 progress: Callable[[int, str], None] | None = None,
                 keep: bool = True, also: Path | None = None,
                 document: ReportDocument | None = None,
                 person: str | None = None) -> ReportVersion | None:
    """Write the report to ``path`` (.pdf or .docx); ``keep`` records the version handed in
    (a preview on screen is not kept). ``also``: a Word copy of the same draft (drafted
    once; the version kept is ``path``'s)."""
    path = Path(path)
    document = document or report_document(store, period, as_of, texts, person)
    for target in (path, also):
        if target is not None:
            set_aside_kept(store, Path(target))  # a version handed in is never written over
            _write(document, Path(target), progress if target == path else None)
    if not keep:
        return None
    try:
        return record_version(store, period, path, document.section_texts(), person)
    except UserError as exc:  # e.g. the data folder became read-only: the file stands
        raise UserError(f"报告已保存到“{path}”，但未能登记为留存版本（{str(exc).rstrip('。')}）。"
                        "请排除上述情况后重新保存，以便留存备查。") from exc


def _write(document: ReportDocument, path: Path,
           progress: Callable[[int, str], None] | None) -> None:
    try:
        if path.suffix.lower() == ".docx":
            from lianzheng_desktop.wordexport.report_docx import write_docx

            write_docx(document, path)
        else:
            from lianzheng_desktop.pdf.report_pdf import write_pdf

            write_pdf(document, path, progress=progress)
    except OSError as exc:
        held = exc.errno in (errno.EACCES, errno.EPERM)  # on Windows: open in another program
        raise UserError(f"无法写入“{path}”：{os_error_text(exc)}。"
                        + ("如该文件已在其他程序中打开，请先关闭。" if held else "")) from None
