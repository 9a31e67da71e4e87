"""What an import would do, worked out before anything is written.

Each row is validated once (``build_record``, the same rules as the forms), then compared
with the ledger already kept. Two records are the same entry (同一条记录) when they are in
the same ledger and agree on its key fields:

    人员名册   姓名
    警示教育   日期、形式、主题
    谈话记录   日期、类型、谈话人、谈话对象（不计先后）
    整改事项   发现日期、问题来源，以及编号（有编号时）或问题描述（没有编号时）
    会议活动   日期、类型、主题、负责人

A row whose every field equals such a record is already there (已存在) and is skipped; a
row equal in the key but different elsewhere is a conflict (冲突): it is not imported, and
the fields that differ are named. A column the sheet does not have is not compared: a
workbook made before a field existed (人员名册's 到岗日期, 离岗日期) says nothing about it.
A row that matches no kept record but shares its day and kind (警示教育 日期、形式; 谈话记录
日期、类型、谈话人 and someone talked to; 会议活动 日期、类型) with one that no row matches,
and differs from it in no more than two fields, is a conflict too (疑似同一条记录): a 主题
corrected in Excel would otherwise add the record a second time. Any other row is new
(新增). Rows are matched one to one with kept records; a row that is the same entry as an
earlier row of the workbook (pasted twice, or in two years' sheets) and has no kept record
of its own left is held back as 疑似同一条记录, as the form asks before saving such a record
(``core.record_identity`` says when two are the same). So a workbook exported from a ledger
that holds an entry twice imports again with nothing added. A new name on a roster sheet
that holds the kept roster, looking like a kept person's missing from it (same 职务 and
角色, or one character apart), is a 冲突 疑似更正姓名, and so are new rows naming it
(``xlsx_renamed``): the name is changed in 人员名册, which carries it to every record.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lianzheng_desktop.core.entry_rules import check as check_entry
from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.core.ledgers import (
    LEDGERS,
    LedgerSpec,
    event_date,
    to_values,
)
from lianzheng_desktop.core.records import LATE_ENTRY_LIMIT, Record, is_late_entry
from lianzheng_desktop.interchange import xlsx_read as reader
from lianzheng_desktop.interchange import xlsx_scan
from lianzheng_desktop.interchange.xlsx_common import (
    MAX_PROBLEMS,
    SHEET_ORDER,
    ImportProblem,
)
from lianzheng_desktop.interchange.xlsx_groups import Groups
from lianzheng_desktop.interchange.xlsx_match import Conflict, entry, sort_out
from lianzheng_desktop.interchange.xlsx_renamed import hold_corrected_names
from lianzheng_desktop.interchange.xlsx_rows import read_rows, unnamed_ledgers
from lianzheng_desktop.interchange.xlsx_validate import validate_rows
from lianzheng_desktop.storage.errors import os_error_text
from lianzheng_desktop.storage.renames import renamed_names
from lianzheng_desktop.storage.store import Store

LATE_ADVICE = "新增的记录中有"  # the note that asks whether to mark 补录


@dataclass
class SheetPlan:
    spec: LedgerSpec
    # ((sheet as shown, row), record), unsorted; a ledger kept in several sheets is one plan
    checked: list[tuple[tuple[str, int], Record]] = field(default_factory=list)
    columns: frozenset[str] = frozenset()  # the fields the sheet has a column for
    new: list[Record] = field(default_factory=list)
    present: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    deleted: int = 0  # rows that are records now in 回收站: not brought back by an import
    deleted_apart: list[str] = field(default_factory=list)  # … whose row differs from it
    # kept records, within the dates of a workbook that holds the ledger, it has no row for:
    # (the record in words, every name and word it holds)
    absent: list[tuple[str, str]] = field(default_factory=list)
    # rows held for a corrected name (吴韬), as the kept records they stand for would read
    # (吴涛): those records are not "taken out of the workbook" (revloss2 M-2)
    held_words: set[str] = field(default_factory=set)

    def line(self) -> str:
        return (f"{self.spec.label}：新增 {len(self.new)} 条，已存在 {self.present} 条，"
                f"冲突 {len(self.conflicts)} 条"
                + (f"，已删除（在回收站中）{self.deleted} 条" if self.deleted else ""))


SHOWN_ABSENT = 20  # records new or missing, named one by one in the check


@dataclass
class ImportPlan:
    path: Path
    sheets: list[SheetPlan] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    late: int = 0  # new records dated more than LATE_ENTRY_DAYS before today (补录 if stored)

    @property
    def new(self) -> int:
        return sum(len(s.new) for s in self.sheets)

    @property
    def present(self) -> int:
        return sum(s.present for s in self.sheets)

    @property
    def conflicts(self) -> list[Conflict]:
        return [c for s in self.sheets for c in s.conflicts]

    def totals(self) -> str:
        """新增 N 条，已存在 M 条（跳过），冲突 K 条（未导入）"""
        conflicts = len(self.conflicts)
        text = f"新增 {self.new} 条，已存在 {self.present} 条（跳过），冲突 {conflicts} 条"
        return text + ("（未导入）" if self.conflicts else "")

    def details(self, chosen: bool = False) -> list[str]:
        """One line per sheet, then each conflict, then the notes (``chosen``: the 补录
        question answered, its advice left out — revloss2 L-2)."""
        if chosen:
            return [line for line in self.details() if not line.startswith(LATE_ADVICE)]
        lines = [sheet.line() for sheet in self.sheets]
        deleted = sum(sheet.deleted for sheet in self.sheets)
        apart = [said for sheet in self.sheets for said in sheet.deleted_apart]
        if deleted:
            lines.append(f"有 {deleted} 行是已删除、现在回收站中的记录，未导入；如要恢复，"
                         "请到“回收站”页恢复。")
            lines += [f"  其中{said}，恢复后请按表格补改" for said in apart]
        if self.conflicts:
            lines.append("冲突的行（同一条记录内容不同，或在工作簿中重复，未导入，请核对）：")
            lines += [f"  {conflict}" for conflict in self.conflicts]
        # a workbook of records already kept: its few new ones named, so that a row
        # corrected beyond what the check pairs is seen beside the kept one (revyear3 H0)
        added = [f"{sheet.spec.label}：{entry(sheet.spec, r)}" for sheet in self.sheets
                 if sheet.present for r in sheet.new]
        if added:
            lines.append("将新增的记录：")
            lines += _some(added)
        absent = [f"{sheet.spec.label}：{said}" for sheet in self.sheets
                  for said, _ in sheet.absent]
        if absent:
            lines.append("台账中有、工作簿中没有的记录（导入不会删除它们，仍计入台账；如确已不要，"
                         "请在软件中删除）：")
            lines += _some(absent)
        return lines + self.notes


def _some(entries: list[str]) -> list[str]:
    """The first SHOWN_ABSENT of ``entries``, one a line, and how many in all."""
    lines = [f"  {said}" for said in entries[:SHOWN_ABSENT]]
    if len(entries) > SHOWN_ABSENT:
        lines.append(f"  ……等共 {len(entries)} 条")
    return lines


# Told how far reading has come: ("read", rows read so far), then ("compare", rows read)
# while the rows are compared with the ledgers. It may raise to stop the reading.
Progress = Callable[[str, int], None]


def plan_import(store: Store, path: Path, progress: Progress | None = None) -> ImportPlan:
    """Read and check the whole workbook and compare it with the ledgers; write nothing."""
    try:
        return _plan(store, path, progress or (lambda _stage, _rows: None))
    except OSError as exc:  # unreadable: no permission, or held by Excel on Windows
        raise UserError(f"无法读取“{path.name}”：{os_error_text(exc)}。如该文件正在 Excel 或 "
                        "WPS 中打开，请先关闭后再导入。") from None


def _plan(store: Store, path: Path, progress: Progress) -> ImportPlan:
    progress("read", 0)
    parts = reader.check_file(path)
    merges: dict[str, dict[int, list[tuple[int, int]]]] = {}
    formulas = xlsx_scan.scan(path, parts, merges)  # refuses what would exhaust memory
    progress("read", 0)
    plan = ImportPlan(path)
    formula_reading = reader.opened(path, formulas=True) if formulas else nullcontext()
    with reader.opened(path) as book, formula_reading as formula_book:
        sheets = reader.ledger_sheets(book, plan.problems, plan.notes)
        counter = reader.RowCounter(path, lambda rows: progress("read", rows))
        unnamed_ledgers(book, counter, plan.problems)
        if not sheets and not plan.problems:
            names = "、".join(LEDGERS[k].label for k in SHEET_ORDER)
            raise UserError(f"“{path.name}”中没有可导入的工作表。工作表应名为：{names}。")
        roster = store.roster_names()
        posts = store.roster_posts()
        members = store.list("roster")  # for 全体党员; the roster sheet's new rows join
        renamed = renamed_names(store)  # a workbook from before a 改名
        today = store.clock().date()
        by_ledger: dict[str, SheetPlan] = {}
        for spec, title in sheets:
            rows = read_rows(book, formula_book, spec, title, counter, plan.problems,
                                    plan.notes, merges, today.year)
            where = spec.label if title.strip() == spec.label else \
                f"{spec.label}（{title.strip()}）"
            columns: set[str] = set()
            try:
                groups = Groups(spec, members)
                records = validate_rows(spec, rows, (roster, posts), today, plan.problems,
                                    _plan_types(store, spec), columns, renamed, where,
                                    groups, plan.notes)
                plan.notes += groups.notes(where)
                if spec.key == "roster":
                    kept = {person.name for person in members}
                    members += [p for _, p in records if p.name not in kept]
            except reader.BAD_CONTENT as exc:
                raise reader.unreadable(path, exc, f"的工作表“{title}”") from None
            sheet = by_ledger.get(spec.key)
            if sheet is None:
                sheet = by_ledger[spec.key] = SheetPlan(spec)
                plan.sheets.append(sheet)
            sheet.checked += records
            sheet.columns |= frozenset(columns)
            if len(plan.problems) >= MAX_PROBLEMS:
                break
    if len(plan.problems) >= MAX_PROBLEMS:
        del plan.problems[MAX_PROBLEMS:]
        plan.problems.append(ImportProblem(spec.label, 0, "", (
            f"问题较多，以上只列出前 {MAX_PROBLEMS} 处，其余未再检查；请先改正这些，再重新导入")))
    rows_of = {id(record): at for sheet in plan.sheets for at, record in sheet.checked}
    if len(plan.problems) < MAX_PROBLEMS:  # the rows that were read: what else is wrong,
        on_roster = {r.name for s in plan.sheets if s.spec.key == "roster"  # type: ignore
                     for _, r in s.checked}
        for sheet in plan.sheets:           # in the same list (not one more round later)
            progress("compare", counter.rows)
            sort_out(store, sheet)
        hold_corrected_names(store, plan, on_roster, rows_of)  # 吴涛 → 吴韬: not a
        # 2nd person; nor is a kept record naming 吴涛 one the workbook lacks (revdiff5 F4)
        for sheet in plan.sheets:  # only the kept records a held row stands for: 28 of
            # 50 rows she took out were not listed for naming 吴涛 (revloss2 M-2)
            sheet.absent = [(entry, words) for entry, words in sheet.absent
                            if words not in sheet.held_words]
        # the rules added after records were kept: on the rows to add
        plan.problems += [p for sheet in plan.sheets for p in _entry_rules(sheet, rows_of, posts)]
    if not plan.problems:
        plan.late = sum(is_late_entry(event_date(s.spec, r), store.clock())
                        for s in plan.sheets for r in s.new)
        if plan.late:  # the choice to make, before the import (late_advice)
            plan.notes.append(f"{LATE_ADVICE} {plan.late} 条录入本软件时距活动日期已"
                              f"{LATE_ENTRY_LIMIT}。"
                              "当时已按时记在 Excel 台账中的，可不标“补录”（选“按原台账"
                              "导入”）；现在才补记的，标为"
                              "“补录”（报告附件中注明）。如是把另一个数据文件的台账转过来，请改用"
                              "“备份”和“恢复”：Excel 中没有录入时间和“计入要求”的指定，恢复则原样"
                              "保留。")
    return plan


def _entry_rules(sheet: SheetPlan, rows_of: dict[int, tuple[str, int]],
                 posts: dict[str, Any]) -> list[ImportProblem]:
    """What the rules added after records were kept find in the rows to be added (a
    主持人 who had left, a 回头看 on an item still 整改中), as the form refuses them. A row
    already kept (a ledger exported and imported again) is not refused for them."""
    found = []
    for record in sheet.new:
        where, number = rows_of[id(record)]
        found += [ImportProblem(where, number, e.label, e.message) for e in check_entry(
            sheet.spec, to_values(sheet.spec, record),
            None if sheet.spec.key == "roster" else posts)]
    return found


def _plan_types(store: Store, spec: LedgerSpec) -> dict[str, Any]:
    """``build_record``'s extra keyword for the types plans add to this ledger (政治学习…)."""
    if spec.type_field is None:
        return {}
    return {"extra_choices": {spec.type_field: store.plan_types(spec.key)}}


def apply_import(store: Store, plan: ImportPlan, *,
                 kept_on_time: bool = False) -> dict[str, int]:
    """Store the plan's new records, all in one transaction; rows stored per sheet label.

    ``kept_on_time``: the secretary says the rows were written into the office's Excel
    ledger when they happened (the app is taking the ledger over), so none is 补录."""
    if plan.problems:
        raise UserError("工作簿中有问题，未导入任何记录。")
    from lianzheng_desktop.storage.search import index_rebuilt_after

    counts: dict[str, int] = {}
    many = sum(len(sheet.new) for sheet in plan.sheets) >= BULK_ROWS
    with index_rebuilt_after(store) if many else store.atomic():
        for sheet in plan.sheets:  # the roster first: the other sheets name its people
            counts[sheet.spec.label] = store.add_validated(sheet.spec.key, sheet.new,
                                                           kept_on_time=kept_on_time)
    return counts


# From this many new records on, the search index is rebuilt once at the end (a few
# hundred ms on a large file) instead of being written record by record (~70 µs each).
BULK_ROWS = 5_000
