"""Each row of a sheet built into a record, with what is wrong with it said as the
secretary can act on it: a name not on the roster (or written with a title, 王建国书记), a
date without a year on a sheet that names its year, a spelling of a kind or status the app
writes otherwise, a roster row under a name since changed (interchange.xlsx_plan reads the
workbook; this checks its rows)."""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

from lianzheng_desktop.core.errors import ValidationError
from lianzheng_desktop.core.ledgers import Kind, LedgerSpec, build_record
from lianzheng_desktop.core.records import Record
from lianzheng_desktop.core.values import NAME_SEPARATORS, person_name
from lianzheng_desktop.interchange.xlsx_common import (
    MAX_PROBLEMS,
    ROLE_SPELLINGS,
    STATUS_SPELLINGS,
    ImportProblem,
    Refused,
)
from lianzheng_desktop.interchange.xlsx_groups import GROUPS, Groups
from lianzheng_desktop.storage.renames import reworded


def validate_rows(spec: LedgerSpec, rows, people: tuple[set[str], dict[str, Any]], today,
              problems: list[ImportProblem], extra: dict[str, Any],
              columns: set[str], renamed: dict[str, str],
              where: str = "", groups: Groups | None = None,
              notes: list[str] | None = None) -> list[tuple[tuple[str, int], Record]]:
    """Each row built into a record; the roster sheet (read first) extends ``people`` (the
    names, and the 到岗/离岗日期 known), and ``columns`` receives the fields the sheet has
    a column for. A roster row under a name since changed (``renamed``: old → now) would
    add the person a second time: it is a problem. A name padded with spaces (“刘  芳”) is
    the name without them. A cell the reader refused (a number in a date column) is a
    problem of its own, said once."""
    where = where or spec.label
    notes = notes if notes is not None else []
    roster, posts = people
    kept_names = set(roster)  # their dates are the store's: a row may be a 冲突, not kept
    records: list[tuple[tuple[str, int], Record]] = []
    seen: dict[str, int] = {}
    names = [f.key for f in spec.fields if f.kind is Kind.PERSON or f.key == "host"
             or (spec.key == "roster" and f.key == "name")]
    lists = [f.key for f in spec.fields if f.kind is Kind.PEOPLE]
    dates = [f.key for f in spec.fields if f.kind is Kind.DATE]
    # “2024年警示教育”: its “3月15日” is 2024's; a sheet of two years (2023-2024年) names none
    years = _YEAR_OF_SHEET.findall(where)
    sheet_year = _YEAR_OF_SHEET.search(where) if len(years) == 1 else None
    yeared: list[int] = []  # rows whose dates took the sheet's year
    spelled: dict[str, list[int]] = {}  # 状态 or 角色 written otherwise → rows
    choice, words = {"rectification": ("status", STATUS_SPELLINGS),
                     "roster": ("role", ROLE_SPELLINGS)}.get(spec.key, ("", {}))
    titled: dict[tuple[str, str], list[int]] = {}  # (name with a title, roster name) → rows
    for number, values in rows:
        columns.update(values)
        for key in names:  # “刘  芳” is 刘芳: never a second person for a spacing
            value = values.get(key)
            if isinstance(value, str) and not value.isalnum():
                values[key] = person_name(value)
            value = values.get(key)
            if spec.key != "roster" and isinstance(value, str) and value not in roster:
                bare = untitled(value, roster)  # 王建国书记: the 书记 on the roster
                if bare != value:
                    values[key] = bare
                    titled.setdefault((value, bare), []).append(number)
        if sheet_year is not None:
            for key in dates:
                value = values.get(key)
                # "3月15日", and with what ledgers write after it ("（星期四）", "下午"):
                # read_date then reads the whole, and refuses what it cannot
                if isinstance(value, str) and _MONTH_DAY.match(value.strip()):
                    values[key] = f"{sheet_year[1]}年{value.strip()}"
                    yeared.append(number)
        if groups is not None and groups.lists:
            groups.expand(number, values)  # 全体党员, 王建国等7人
        refused = {k: v for k, v in values.items() if type(v) is Refused}
        for key, why in refused.items():
            problems.append(ImportProblem(where, number, spec.field(key).label, why.message))
            values[key] = None
        said = values.get(choice) if choice else None
        if isinstance(said, str) and "".join(said.split()) in words:
            values[choice] = words["".join(said.split())]
            if values[choice] != said.strip():
                spelled.setdefault(said.strip(), []).append(number)
        group = False  # a group word as a name: said here, in the workbook's words
        if spec.key == "roster":
            name = str(values.get("name") or "").strip()
            if name in seen:
                problems.append(ImportProblem(where, number, "姓名",
                                              f"“{name}”与第{seen[name]}行重复"))
            elif name:
                seen[name] = number
            if group := "".join(name.split()) in GROUPS:
                problems.append(ImportProblem(where, number, "姓名", (
                    f"“{name}”不是一个人的姓名；“参加人员”中写“{name}”时，软件按人员名册填写"
                    "当日在岗的人，不必把它加入人员名册，请删去这一行")))
            if name in renamed:
                problems.append(ImportProblem(where, number, "姓名", (
                    f"“{name}”已在人员名册中改名为“{renamed[name]}”；如是同一人，请在表格各页中"
                    f"改为“{renamed[name]}”，以免添加成另一个人")))
        else:
            for key in lists:
                if key in values:
                    values[key] = _names(values[key], roster)
        try:
            record = build_record(spec, values, None if spec.key == "roster" else roster,
                                  today=today, posts=None if spec.key == "roster" else posts,
                                  entry_rules=False,  # on the new rows (_entry_rules)
                                  **extra)
        except ValidationError as exc:
            if renamed:  # a former name on a ledger's row: said as it is now
                exc = reworded(exc, renamed)
            absent = {f.key for f in spec.fields if f.required} - set(values)  # said once
            problems += [ImportProblem(where, number, e.label, e.message + (
                _OTHER_SPELLINGS if e.field == "status" and "可选" in e.message else
                _PLAN_TYPES if e.field == spec.counted_by and "可选" in e.message
                and spec.key in _PLAN_TYPED else ""))
                for e in exc.errors if e.field not in refused and e.field not in absent
                and not (group and e.field == "name")]
            if len(problems) >= MAX_PROBLEMS:
                break
            continue
        if not refused:
            records.append(((where, number), record))
    roster.update(seen)
    if yeared and sheet_year is not None:
        rows_of = sorted(set(yeared))
        more = "等" if len(rows_of) > 10 else ""
        notes.append(f"{where}：第{'、'.join(map(str, rows_of[:10]))}行{more}只写了月日的日期，"
                     f"按工作表名中的{sheet_year[1]}年读取。")
    for (text, bare), rows_of in titled.items():
        notes.append(f"{where}：第{'、'.join(map(str, rows_of[:10]))}行"
                     f"{'等' if len(rows_of) > 10 else ''}的“{text}”按人员名册读作“{bare}”。")
    field = spec.field(choice).label if choice else ""
    for text, rows_of in spelled.items():
        notes.append(f"{where}：第{'、'.join(map(str, rows_of[:10]))}行"
                     f"{'等' if len(rows_of) > 10 else ''}的{field}“{text}”按"
                     f"“{words[''.join(text.split())]}”读取。")
    for _, person in records if spec.key == "roster" else ():
        joined, left = getattr(person, "joined_on", None), getattr(person, "left_on", None)
        if (joined or left) and person.name not in kept_names:  # type: ignore[attr-defined]
            posts[person.name] = (joined, left)  # type: ignore[attr-defined]
    return records


def _other_spellings() -> str:
    by_status: dict[str, list[str]] = {}
    for text, status in STATUS_SPELLINGS.items():
        if text != status:
            by_status.setdefault(status, []).append(text)
    return "；也可写作：" + "；".join(f"{'、'.join(texts)}（即{status}）"
                                   for status, texts in by_status.items())


_OTHER_SPELLINGS = _other_spellings()
# A type a year's plan added (向党组织汇报) is known once that plan is in this file: an
# export moved to a new file is refused row by row until then (reviewer revnew, N-xl-2).
_PLAN_TYPES = ("；如是年度工作要点中规定的类型，请先在“年度计划”中导入该年度的工作要点，"
               "再导入本表")
_PLAN_TYPED = ("warning_education", "talk", "activity")  # a role or a source: never a plan's


_YEAR_OF_SHEET = re.compile(r"((?:19|20)\d\d)(?=\s*(?:年|[-—~～至]))")  # “2024年…”
_MONTH_DAY = re.compile(r"\d{1,2}\s*月\s*\d{1,2}\s*日?(?![\d月])")  # “3月15日”, no year
_ROLE_NOTE = re.compile(r"\s*[（(][^（()）]{1,8}[）)]$")  # 王建国（主持）
# A title written after a name (王建国书记, 李秀梅副主席): the person is the roster's.
# Schools, hospitals, townships and firms write their own (王志刚校长, 李晓燕副院长, 周丽老师).
_TITLE = re.compile(r"(?:同志|老师|(?:常务|执行)?副?(?:书记|主席|主任|部长|局长|科长|组长|委员|馆长"
                    r"|所长|校长|园长|院长|镇长|乡长|区长|站长|队长|经理|总经理|行长|社长|会长))$")


def untitled(value: str, roster: Collection[str]) -> str:
    """``value`` without a role noted after it or a title, where what is left is a roster
    name (王建国（主持）, 王建国书记 → 王建国); else ``value`` as it is."""
    for pattern in (_ROLE_NOTE, _TITLE):
        bare = person_name(pattern.sub("", value))
        if bare != value and bare in roster:
            return bare
    return value


def _names(value: object, roster: Collection[str]) -> object:
    """A name list split at 、 (and ，, ; / and line breaks) when that gives roster names
    (names may hold spaces), each taken as it is, without the spaces that pad it, or
    without a role noted or a title written after it (王建国（主持）, 王建国书记)."""
    if isinstance(value, str):
        parts = []
        for part in (p.strip() for p in NAME_SEPARATORS.split(value)):
            if not part:
                continue
            if part not in roster and person_name(part) in roster:
                part = person_name(part)
            elif part not in roster:
                part = untitled(part, roster)
            parts.append(part)
        if parts and all(part in roster for part in parts):
            return tuple(parts)
    return value
