"""What each ledger holds, field by field, and how raw input becomes a valid record.

One description (``LedgerSpec``) serves the forms, the tables, the Excel sheets and the
validation, so a field is named and checked in one place only. Each ledger's rules across
its fields are ``core.ledger_rules``.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, fields
from datetime import date
from enum import Enum
from typing import Any

from lianzheng_desktop.core import values as v
from lianzheng_desktop.core import vocab
from lianzheng_desktop.core.entry_rules import check as check_entry
from lianzheng_desktop.core.errors import FieldError, ValidationError
from lianzheng_desktop.core.in_post import absence
from lianzheng_desktop.core.ledger_rules import RULES, field_error
from lianzheng_desktop.core.records import (
    Activity,
    Person,
    Record,
    RectificationItem,
    Talk,
    WarningSession,
)

MAX_TEXT = 100_000  # characters; a 10,000-character summary is fine, a pasted book is not


class Kind(Enum):
    TEXT = "text"  # one line
    LONGTEXT = "longtext"  # several lines
    DATE = "date"
    COUNT = "count"  # whole number ≥ 0
    BOOL = "bool"  # 是 / 否
    CHOICE = "choice"  # one of a vocabulary
    PERSON = "person"  # one roster name
    PEOPLE = "people"  # several roster names


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label: str
    kind: Kind
    required: bool = False
    choices: tuple[str, ...] = ()
    free: bool = False  # a person field that also takes a name not on the roster


@dataclass(frozen=True)
class LedgerSpec:
    key: str
    label: str
    record_type: type[Record]
    fields: tuple[FieldSpec, ...]
    date_field: str | None  # the event's date: filters, 补录, the period it counts in
    type_field: str | None  # the field a "type" filter narrows
    title_field: str  # what names one record in a list or a message
    counts_field: str | None = None  # what a plan's Counts.types narrows, if not the type

    @property
    def counted_by(self) -> str | None:
        """The field a plan's requirement picks records by (整改事项: 问题来源)."""
        return self.counts_field or self.type_field

    def field(self, key: str) -> FieldSpec:
        for spec in self.fields:
            if spec.key == key:
                return spec
        raise KeyError(key)


F = FieldSpec
ROSTER = LedgerSpec(
    key="roster",
    label="人员名册",
    record_type=Person,
    fields=(
        F("name", "姓名", Kind.TEXT, required=True),
        F("post", "职务", Kind.TEXT),
        F("role", "角色", Kind.CHOICE, required=True, choices=vocab.ROSTER_ROLES),
        F("active", "在职", Kind.BOOL),
        F("joined_on", "到岗日期", Kind.DATE),
        F("left_on", "离岗日期", Kind.DATE),
    ),
    date_field=None,
    type_field="role",
    title_field="name",
)
WARNING_EDUCATION = LedgerSpec(
    key="warning_education",
    label="警示教育",
    record_type=WarningSession,
    fields=(
        F("date", "日期", Kind.DATE, required=True),
        F("form", "形式", Kind.CHOICE, required=True, choices=vocab.WARNING_EDUCATION_FORMS),
        F("topic", "主题", Kind.TEXT, required=True),
        F("place", "地点", Kind.TEXT),
        F("host", "主持人", Kind.TEXT),
        F("attendees", "参加人员", Kind.PEOPLE),
        F("head_count", "参加人数", Kind.COUNT),
        F("summary", "内容摘要", Kind.LONGTEXT),
    ),
    date_field="date",
    type_field="form",
    title_field="topic",
)
TALK = LedgerSpec(
    key="talk",
    label="谈话记录",
    record_type=Talk,
    fields=(
        F("date", "日期", Kind.DATE, required=True),
        F("type", "类型", Kind.CHOICE, required=True, choices=vocab.TALK_TYPES),
        F("talker", "谈话人", Kind.PERSON, required=True, free=True),
        F("talkees", "谈话对象", Kind.PEOPLE, required=True),
        F("one_on_one", "一对一问题性约谈", Kind.BOOL),
        F("summary", "内容摘要", Kind.LONGTEXT),
        F("problems_found", "发现问题", Kind.LONGTEXT),
    ),
    date_field="date",
    type_field="type",
    title_field="type",
)
RECTIFICATION = LedgerSpec(
    key="rectification",
    label="整改事项",
    record_type=RectificationItem,
    fields=(
        F("number", "编号", Kind.TEXT),
        F("source", "问题来源", Kind.CHOICE, required=True, choices=vocab.RECTIFICATION_SOURCES),
        F("description", "问题描述", Kind.LONGTEXT, required=True),
        F("owner", "责任人", Kind.PERSON, required=True),
        F("measures", "整改措施", Kind.LONGTEXT),
        F("found_date", "发现日期", Kind.DATE, required=True),
        F("deadline", "整改时限", Kind.DATE, required=True),
        F("status", "状态", Kind.CHOICE, required=True, choices=vocab.RECTIFICATION_STATUSES),
        F("completed_date", "完成日期", Kind.DATE),
        F("review_date", "回头看日期", Kind.DATE),
        F("review_conclusion", "回头看结论", Kind.LONGTEXT),
    ),
    date_field="found_date",
    type_field="status",
    title_field="description",
    counts_field="source",  # "做好巡察整改": the items 巡察 found
)
ACTIVITY = LedgerSpec(
    key="activity",
    label="会议活动",
    record_type=Activity,
    fields=(
        F("date", "日期", Kind.DATE, required=True),
        F("type", "类型", Kind.CHOICE, required=True, choices=vocab.ACTIVITY_TYPES),
        F("topic", "主题", Kind.TEXT, required=True),
        F("host", "负责人", Kind.TEXT),  # who held it or heard the report (一岗双责)
        F("attendees", "参加人员", Kind.PEOPLE),
        F("summary", "内容摘要", Kind.LONGTEXT),
    ),
    date_field="date",
    type_field="type",
    title_field="topic",
)
del F

LEDGERS: dict[str, LedgerSpec] = {
    spec.key: spec for spec in (ROSTER, WARNING_EDUCATION, TALK, RECTIFICATION, ACTIVITY)
}


def _q(text: str) -> str:
    return f"“{text}”"


def _read_field(spec: FieldSpec, raw: object, roster: Collection[str] | None,
                extra: Collection[str] = ()) -> Any:
    """The typed value of one field, or ValueError with a Chinese message."""
    label = _q(spec.label)
    if spec.kind is Kind.DATE:
        try:
            return v.read_date(raw)
        except v.WeekdayMismatchError as exc:
            raise ValueError(f"{label}“{raw}”：{exc}") from None
        except (ValueError, OverflowError):
            raise ValueError(f"{label}“{raw}”不是有效日期，请写成 2022-03-05 的形式") from None
    if spec.kind is Kind.COUNT:
        try:
            return v.read_count(raw)
        except ValueError:
            raise ValueError(f"{label}须为不小于 0 的整数，“{raw}”不是") from None
    if spec.kind is Kind.BOOL:
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            return None  # blank: the record's default applies
        try:
            return v.read_bool(raw)
        except ValueError:
            raise ValueError(f"{label}只能填“是”或“否”") from None
    if spec.kind is Kind.PEOPLE:
        try:
            names = tuple(_as_kept(name, roster) for name in v.read_names(raw))
        except ValueError:
            raise ValueError(f"{label}应为人员姓名，用顿号分隔") from None
        _check_roster(spec, names, roster)
        return names
    try:
        text = v.read_text(raw)
    except ValueError:
        raise ValueError(f"{label}应为文字") from None
    if len(text) > MAX_TEXT:
        raise ValueError(f"{label}过长（{len(text)} 字），最多 {MAX_TEXT} 字")
    if spec.kind is Kind.TEXT and ("\n" in text or "\r" in text):
        text = " ".join(text.split())
    if spec.key == "name":  # a roster name, never padded: “刘  芳” is 刘芳 (one person)
        text = v.person_name(text)
    elif spec.kind is Kind.PERSON:
        text = _as_kept(v.person_name(text), roster)
    if text and spec.kind is Kind.CHOICE and text not in spec.choices and text not in extra:
        allowed = "、".join((*spec.choices[:-1], *extra, *spec.choices[-1:]))
        raise ValueError(f"{label}“{text}”不在可选项中，可选：{allowed}")
    if text and spec.kind is Kind.PERSON and not spec.free:
        _check_roster(spec, (text,), roster)
    return text


NOT_ON_ROSTER = "不在人员名册中"


def _check_roster(spec: FieldSpec, names: tuple[str, ...], roster: Collection[str] | None) -> None:
    if roster is None:
        return
    missing = [name for name in names if name not in roster]
    if missing:
        who = "、".join(_q(n) for n in missing)
        raise ValueError(f"{_q(spec.label)}中的{who}{NOT_ON_ROSTER}，请先在人员名册中添加")


def _as_kept(name: str, roster: Collection[str] | None) -> str:
    """``name`` as the roster keeps it: a roster name stored padded before padding was taken
    out (“刘  芳”) is still that person when written 刘芳."""
    if roster is None or name in roster:
        return name
    return next((kept for kept in roster if v.person_name(kept) == name), name)


def _is_blank(value: Any) -> bool:
    return value is None or value == "" or value == ()


def build_record(
    ledger: LedgerSpec,
    values: Mapping[str, object],
    roster: Collection[str] | None,
    *,
    today: date | None = None,
    extra_choices: Mapping[str, Collection[str]] | None = None,
    posts: Mapping[str, tuple[date | None, date | None]] | None = None,
    before: Record | None = None,
    entry_rules: bool = True,
) -> Record:
    """Turn raw values (form, Excel row, command line) into a valid record.

    ``roster`` holds the names a person field may take; None skips that check (used for
    the roster itself). ``extra_choices`` adds allowed values to choice fields (the types
    a plan adds, e.g. 政治学习). ``posts`` gives the people whose 到岗日期 or 离岗日期 is
    known (name → (joined, left)): a record may not name them on a day they were not in
    post, nor as 主持人/负责人/整改责任人. ``entry_rules``: the rules added after records
    were kept (``core.entry_rules``; False for a caller that checks them itself), which
    skip what an edit of ``before`` (the kept record) leaves unchanged. Raises
    ValidationError listing every problem; never anything else.
    """
    errors: list[FieldError] = []
    typed: dict[str, Any] = {}
    extra_choices = extra_choices or {}
    for spec in ledger.fields:
        try:
            value = _read_field(spec, values.get(spec.key), roster,
                                extra_choices.get(spec.key, ()))
        except ValueError as exc:
            errors.append(FieldError(spec.key, spec.label, str(exc)))
            continue
        if spec.required and _is_blank(value):
            errors.append(FieldError(spec.key, spec.label, f"{_q(spec.label)}为必填项"))
            continue
        typed[spec.key] = value
    if not errors:
        day = typed.get(ledger.date_field) if ledger.date_field else None
        if today is not None and day is not None and day > today:  # a ledger records the past
            label = ledger.field(str(ledger.date_field)).label
            errors.append(field_error(ledger, str(ledger.date_field),
                                      f"“{label}”不能晚于今天（{today.isoformat()}），"
                                      "请填写事情实际发生的日期"))
        for rule in RULES.get(ledger.key, ()):
            errors.extend(rule(ledger, typed, today))
        if posts:
            errors.extend(out_of_post(ledger, typed, posts))
        if entry_rules:
            errors.extend(check_entry(ledger, typed, posts, before))
    if errors:
        raise ValidationError(errors)
    return _construct(ledger, typed)


def _construct(ledger: LedgerSpec, typed: dict[str, Any]) -> Record:
    names = {f.name for f in fields(ledger.record_type)}
    kwargs = {k: val for k, val in typed.items() if k in names}
    for spec in ledger.fields:
        if spec.kind in (Kind.COUNT, Kind.BOOL) and kwargs.get(spec.key) is None:
            kwargs.pop(spec.key, None)  # the dataclass default applies
    return ledger.record_type(**kwargs)


def out_of_post(ledger: LedgerSpec, t: Mapping[str, Any],
                posts: Mapping[str, tuple[date | None, date | None]]):
    """A person named on a day before their 到岗日期 or after their 离岗日期. Not for an
    整改事项: its 责任人 answers for it now, and the successor of one who left takes it
    over although not in post on the day it was found (``in_post`` checks that the
    责任人 had not left before it was found, and the free-text 主持人/负责人)."""
    day = t.get(ledger.date_field) if ledger.date_field else None
    if day is None or ledger.key == "rectification":
        return
    for spec in ledger.fields:
        if spec.kind not in (Kind.PERSON, Kind.PEOPLE):
            continue
        value = t.get(spec.key)
        for name in (value,) if isinstance(value, str) else value or ():
            why = absence(name, day, *posts.get(name, (None, None)))
            if why is not None:
                yield field_error(ledger, spec.key, why)


def to_values(ledger: LedgerSpec, record: Record) -> dict[str, object]:
    """The record's fields as the raw values ``build_record`` accepts (for editing)."""
    return {spec.key: getattr(record, spec.key) for spec in ledger.fields}


def event_date(ledger: LedgerSpec, record: Record) -> date | None:
    return getattr(record, ledger.date_field) if ledger.date_field else None
