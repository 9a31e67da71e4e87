"""Whether a row is a record already kept, a conflict with one, or new (``xlsx_plan``'s
docstring says the rule; ``core.record_identity`` says when two records are the same)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from types import SimpleNamespace
from typing import Any

from lianzheng_desktop.core.ledgers import FieldSpec, Kind, LedgerSpec
from lianzheng_desktop.core.periods import Quarter
from lianzheng_desktop.core.record_identity import (
    SAME_DAY_AND_KIND,
    SAME_EVENT_LEDGERS,
    SAME_RECORD,
    same_event,
    titles_alike,
)
from lianzheng_desktop.core.record_source import DOER_FIELDS
from lianzheng_desktop.core.records import Record
from lianzheng_desktop.interchange.xlsx_common import KEY_RULES
from lianzheng_desktop.storage import trash
from lianzheng_desktop.storage.store import Query, Store

DAYS_APART = 3  # a row this close to a kept record's date, all else alike, may be it corrected
DATE_TYPO_DAYS = 31  # … in a workbook of the whole ledger, this close beyond its dates too


@dataclass(frozen=True)
class Conflict:
    sheet: str
    row: int
    entry: str  # which kept record the row collides with, in words
    fields: tuple[str, ...]  # labels of the fields that differ
    near: bool = False  # same day and kind, its 主题 (or people) differ: perhaps corrected
    earlier: tuple[str, int] | None = None  # the same entry as this earlier row (sheet, row)
    # per field that differs: (label, the workbook's value, the kept record's), in words
    values: tuple[tuple[str, str, str], ...] = ()
    said: str = ""  # the whole reason, in words (疑似更正姓名, see ``xlsx_renamed``)
    apart: tuple[tuple[str, str], ...] = ()  # people that differ: (label, who is more/less)

    def __str__(self) -> str:
        if self.said:
            return f"{self.sheet} 第{self.row}行：{self.said}"
        if self.earlier is not None:
            sheet, row = self.earlier
            place = f"第{row}行" if sheet == self.sheet else f"“{sheet}”第{row}行"
            return (f"{self.sheet} 第{self.row}行：与{place}是同一条记录（{self.entry}；"
                    f"{self.fields[0]}），疑似重复填写，未导入（如确是另一条，请在软件中新增）")
        shown = {label: f"（表格中为{mine}，台账中为{kept}）" for label, mine, kept in self.values}
        shown.update({label: f"（{said}）" for label, said in self.apart})
        differ = "、".join(f"“{label}”{shown.get(label, '')}" for label in self.fields)
        if self.near:
            return (f"{self.sheet} 第{self.row}行：台账中已有{self.entry}，"
                    f"只是{differ}不同，疑似同一条记录，未导入（如是更正，请在软件中修改该记录；"
                    "如确是另一条，请在软件中新增）")
        # either side may be the newer: an older copy of the workbook, imported again, is
        # not to be copied over a correction made in the app (revyear3 H2)
        return (f"{self.sheet} 第{self.row}行：台账中已有{self.entry}，但{differ}不同，"
                "未导入（如以表格为准，请在软件中修改该记录；如以台账为准，请改正表格，"
                "以免下次导入再次提示）")



def sort_out(store: Store, sheet: Any) -> None:
    """Split a ``SheetPlan``'s records into new, already present and conflicting."""
    spec = sheet.spec
    numbered, sheet.checked = sheet.checked, []
    if not numbered:
        return
    key, near = SAME_RECORD[spec.key], SAME_DAY_AND_KIND.get(spec.key)
    compared = [f for f in spec.fields if f.key in sheet.columns]
    deleted: dict[tuple, tuple] = {}  # a trashed record's key → what the row would say
    trashed_near: dict[tuple, list] = {}  # … and the trashed records by day and kind
    trashed_by_key: dict[tuple, Any] = {}
    for values in trash.deleted_values(store, spec.key):
        trashed = _as_record(spec, values)
        deleted[key(trashed)] = _comparable(compared, trashed)
        trashed_by_key[key(trashed)] = trashed
        if near is not None:
            trashed_near.setdefault(near(trashed), []).append(trashed)
    # a trashed record its own row answers for: no other row's (revlast9 G2)
    trashed_taken = {id(trashed_by_key[key(r)]) for _, r in numbered
                     if key(r) in trashed_by_key}
    kept: dict[tuple, list[tuple]] = {}
    first: dict[tuple, tuple[str, int]] = {}  # each entry's first row in the workbook
    for at, r in numbered:
        first.setdefault(key(r), at)
    rows = first.keys()
    twins: dict[tuple, list[Record]] = {}  # kept records no row matches, by day and kind
    moved: dict[tuple, list[Record]] = {}  # … and by all but the day (a date corrected)
    kind: dict[tuple, list[Record]] = {}  # … and by kind alone (a date and one more corrected)
    on_the_day: dict[date, list[Record]] = {}  # … and by the day (its 类型 or 谈话人 corrected)
    unmatched: list[Record] = []  # kept records no row is
    for record in _kept(store, spec, [r for _, r in numbered]):
        its = key(record)
        kept.setdefault(its, []).append(_comparable(compared, record))
        if its not in rows:
            unmatched.append(record)
            if near is not None:
                twins.setdefault(near(record), []).append(record)
            if spec.date_field is not None:
                moved.setdefault(its[1:], []).append(record)
                if near is not None:
                    kind.setdefault(near(record)[1:], []).append(record)
                on_the_day.setdefault(getattr(record, spec.date_field), []).append(record)
    # The workbook holds records the ledger keeps (an office's ledger kept in Excel, or one
    # exported and edited): a kept record it lacks, a few days from a row of the same kind,
    # is more likely that row corrected than a second event. A sheet of new rows only (a
    # month's entries) says nothing of the kind: its rows are taken as new.
    whole_ledger = any(its in rows for its in kept)
    span = _span(spec, [r for _, r in numbered])
    taken: set[int] = set()  # a kept record answers for one row only
    for (where, number), record in numbered:
        its = key(record)
        pool = kept.get(its)
        earlier = first[its]
        if not pool and earlier != (where, number):  # the same entry as an earlier row
            sheet.conflicts.append(Conflict(where, number, entry(spec, record),
                                            (KEY_RULES[spec.key],), near=True,
                                            earlier=earlier))
            continue
        if not pool and its in deleted:
            sheet.deleted += 1
            mine = _comparable(compared, record)
            differ = [f.label for f, a, b in zip(compared, mine, deleted[its], strict=True)
                      if a != b and not (a in (None, "") and b in (None, ""))]
            if differ:  # the row holds more than the trashed record: restored, it is lost
                sheet.deleted_apart.append(  # unless she copies it in (revloss2 L-4)
                    f"{where} 第{number}行（{entry(spec, record)}）的“{'、'.join(differ)}”"
                    "与回收站中的记录不同")
            continue
        if not pool:
            found = _twin(spec, compared, record, twins.get(near(record), []), taken) \
                if near else None
            if found is None and spec.date_field is not None:
                # in a workbook of the whole ledger, a kept record it lacks that is this
                # row in all but the date is this row with its date corrected: within the
                # workbook's dates, however far (02-09 typed 02-19; one held after New
                # Year: imported as new, the one meeting was counted twice, revyear2 G0),
                # or a month beyond them (the first row moved on: revlast4 F1). Not last
                # year's talk with the same person (revdiff5 F1)
                found = _twin(spec, compared, record, [
                    r for r in moved.get(its[1:], []) if _moved_within(
                        spec, r, record, span if whole_ledger else None)],
                    taken, only_the_date=True)
            if found is None and spec.date_field is not None:
                found = _twin(spec, compared, record,
                              on_the_day.get(getattr(record, spec.date_field), []), taken,
                              one_field=True)
            if found is None and near is not None and whole_ledger:
                # its date and 主题 (or people) both corrected: a kept record of the kind
                # the workbook lacks, within a month in the row's quarter (11-10 made 11-17
                # and reworded was imported as a second meeting, revyear3 H0)
                found = _twin(spec, compared, record, [
                    r for r in kind.get(near(record)[1:], [])
                    if _within_a_month(spec, r, record)], taken, date_and_one=True)
            if found is None and near is not None:
                # a trashed record corrected in the workbook: imported, and the trashed one
                # taken back later, one meeting counted twice (revloss3 W-1)
                binned = _twin(spec, compared, record, trashed_near.get(near(record), []),
                               taken)
                if binned is not None and _trashed_one(spec, record, *binned, trashed_taken):
                    sheet.deleted += 1
                    sheet.deleted_apart.append(
                        f"{where} 第{number}行（{entry(spec, record)}）疑似回收站中的"
                        f"{entry(spec, binned[0])}，“{'、'.join(binned[1])}”不同")
                    continue
            if found is None:
                sheet.new.append(record)
                continue
            twin, differ = found
            mine, theirs = _comparable(compared, record), _comparable(compared, twin)
            sheet.conflicts.append(Conflict(
                where, number, entry(spec, twin), differ, near=True,
                values=_values(compared, mine, theirs), apart=_apart(compared, mine, theirs)))
            continue
        mine = _comparable(compared, record)
        if mine in pool:
            pool.remove(mine)
            sheet.present += 1
        else:
            differ = tuple(f.label for f, a, b in zip(compared, mine, pool[0], strict=True)
                           if a != b)
            sheet.conflicts.append(Conflict(where, number, entry(spec, record), differ,
                                            values=_values(compared, mine, pool[0]),
                                            apart=_apart(compared, mine, pool[0])))
    if whole_ledger and spec.date_field is not None:
        # a record the office took out of its workbook stays, and counts: said, not
        # deleted behind her back nor kept unsaid (revyear2 G4)
        dates = [getattr(r, spec.date_field) for _, r in numbered]
        sheet.absent = [(entry(spec, r), record_words(spec, r)) for r in unmatched
                        if id(r) not in taken
                        and min(dates) <= getattr(r, spec.date_field) <= max(dates)]


def _span(spec: LedgerSpec, records: list[Any]) -> tuple[date, date] | None:
    """The first and last dates of the workbook's rows (None: a ledger without dates)."""
    if spec.date_field is None:
        return None
    dates = [getattr(r, spec.date_field) for r in records]
    return min(dates), max(dates)


def _moved_within(spec: LedgerSpec, kept: Record, row: Any,
                  span: tuple[date, date] | None) -> bool:
    """Whether ``kept`` may be ``row`` with its date corrected: a few days apart; in a
    workbook of the whole ledger (``span``: its dates), anywhere within its dates, or up
    to a month from the row within the row's quarter."""
    was, now = getattr(kept, str(spec.date_field)), getattr(row, str(spec.date_field))
    apart = abs((was - now).days)
    if apart <= DAYS_APART or span is None:
        return apart <= DAYS_APART
    return span[0] <= was <= span[1] or _within_a_month(spec, kept, row)


def _within_a_month(spec: LedgerSpec, kept: Record, row: Any) -> bool:
    """A month apart at most, in one quarter: a quarter's workbook or a January row is not
    last quarter's or December's like record (revlast5 1, 2)."""
    was, now = getattr(kept, str(spec.date_field)), getattr(row, str(spec.date_field))
    return abs((was - now).days) <= DATE_TYPO_DAYS and \
        Quarter.containing(was) == Quarter.containing(now)


def _values(compared: list[FieldSpec], mine: tuple, kept: tuple
            ) -> tuple[tuple[str, str, str], ...]:
    """What the workbook says and the ledger keeps, field by field where they differ."""
    return tuple((f.label, _said(a), _said(b))
                 for f, a, b in zip(compared, mine, kept, strict=True) if a != b)


def _apart(compared: list[FieldSpec], mine: tuple, kept: tuple) -> tuple[tuple[str, str], ...]:
    """For people that differ, who is more or missing in the workbook: not two re-sorted
    lists to compare by eye (revyear3 H2)."""
    found = []
    for f, a, b in zip(compared, mine, kept, strict=True):
        if isinstance(a, frozenset) and isinstance(b, frozenset) and a and b and a != b:
            more, fewer = sorted(a - b), sorted(b - a)
            found.append((f.label, "，".join(part for part in (
                f"表格中多了“{'、'.join(more)}”" if more else "",
                f"少了“{'、'.join(fewer)}”" if fewer else "") if part)))
    return tuple(found)


def _said(value: Any) -> str:
    if isinstance(value, bool):  # as the workbook and the form write it
        return "“是”" if value else "“否”"
    if value is None or value == "":
        return "空白"
    if isinstance(value, frozenset):
        return "“" + "、".join(sorted(value)) + "”" if value else "空白"
    text = str(value)
    return text if isinstance(value, (date, int)) else \
        "“" + (text if len(text) <= 20 else text[:20] + "…") + "”"


def _as_record(spec: LedgerSpec, values: dict[str, Any]) -> SimpleNamespace:
    """A record logged as JSON (回收站's), with the types its key compares."""
    typed = {}
    for spec_field in spec.fields:
        value = values.get(spec_field.key)
        if spec_field.kind is Kind.DATE and value:
            value = date.fromisoformat(value)
        elif spec_field.kind is Kind.PEOPLE:
            value = tuple(value or ())
        elif value is None and spec_field.kind in (Kind.TEXT, Kind.LONGTEXT, Kind.PERSON):
            value = ""  # left out of the log when empty; a record's is "" (its 负责人: a key)
        typed[spec_field.key] = value
    return SimpleNamespace(**typed)


def _twin(spec: LedgerSpec, compared: list[FieldSpec], record: Any, candidates: list[Record],
          taken: set[int], only_the_date: bool = False, one_field: bool = False,
          date_and_one: bool = False) -> tuple[Record, tuple[str, ...]] | None:
    """A kept record that the row may be a corrected copy of (the same day and kind, or all
    but a date a few days off), with the labels of the fields that differ: no more than
    two (主题, or the people, and perhaps a summary), and a talk shares someone talked to;
    with ``only_the_date``, nothing but the date (a weekly study of one topic is another
    one); with ``one_field``, any one field of a record of the same day (its 类型, 谈话人,
    问题来源 or 编号 corrected: 廉政学习 made 专题会议 would count twice); with
    ``date_and_one``, the date (within a month) and one more field: 主题 or the people
    corrected with it. Taken, so it answers for one row only. A row differing in more is
    new."""
    mine = _comparable(compared, record)
    for candidate in candidates:
        if id(candidate) in taken:
            continue
        differ = tuple(f.label for f, a, b in zip(compared, mine,
                                                  _comparable(compared, candidate), strict=True)
                       if a != b and not (a in (None, "") and b in (None, "")))
        shares = spec.key != "talk" or set(candidate.talkees) & set(record.talkees)  # type: ignore
        date_label = spec.field(str(spec.date_field)).label if spec.date_field else ""
        alike = (differ == (date_label,) if only_the_date
                 else len(differ) == 1 if one_field
                 else date_label in differ and len(differ) == 2 if date_and_one
                 else len(differ) <= 2)
        if alike and shares:
            taken.add(id(candidate))
            return candidate, differ
    return None


def _trashed_one(spec: LedgerSpec, row: Any, trashed: Any, differ: tuple[str, ...],
                 answered: set[int]) -> bool:
    """Whether a workbook row is the trashed record it is near to, corrected: not when its
    负责人 differs (甲听取…, 乙听取… of one day), nor when that record's own row is in the
    workbook too (revlast9 G2); an event of near the same title, or one whose title alone
    was reworded (revlast8 F5, revlast11 1) — another title is another meeting (revdiff8 1)."""
    doer = DOER_FIELDS.get(spec.key)
    if doer is not None and spec.field(doer).label in differ or id(trashed) in answered:
        return False
    if spec.key not in SAME_EVENT_LEDGERS or same_event(row, trashed):
        return True
    return differ == (spec.field("topic").label,) and titles_alike(row.topic, trashed.topic)


def _kept(store: Store, spec: LedgerSpec, records: list[Record]):
    """The kept records that could match: those within the workbook's span of dates."""
    if spec.date_field is None:
        return store.list(spec.key)
    dates = [getattr(r, spec.date_field) for r in records]
    apart = timedelta(days=DATE_TYPO_DAYS)  # a record whose date was corrected since
    return store.list(spec.key, Query(start=min(dates) - apart, end=max(dates) + apart))


def record_words(spec: LedgerSpec, record: Record) -> str:
    """Every name and word a record holds, to tell whom it names."""
    values = [getattr(record, f.key) for f in spec.fields]
    return " ".join(" ".join(v) if isinstance(v, tuple) else str(v) for v in values
                    if v is not None)


def _comparable(fields: list[FieldSpec], record: Record) -> tuple:
    values = [getattr(record, f.key) for f in fields]
    return tuple(frozenset(v) if f.kind is Kind.PEOPLE else v
                 for f, v in zip(fields, values, strict=True))


def entry(spec: LedgerSpec, r: Any) -> str:
    """A record in words, as the check names it: "2026-11-10 的专题会议“…”"."""
    if spec.key == "roster":
        return f"“{r.name}”"
    if spec.key == "rectification":
        which = f"编号 {r.number}" if r.number else f"“{r.description[:20]}”"
        return f"{r.found_date} 发现的{r.source}问题（{which}）"
    if spec.key == "talk":
        return f"{r.date} {r.talker}的{r.type}（对象：{'、'.join(r.talkees)}）"
    topic = r.topic[:20]
    return f"{r.date} 的{getattr(r, spec.type_field or '')}“{topic}”"


