"""Group words offices write for people: “全体党员”, “全体班子成员”, “王建国等7人”.

“全体党员” is the roster's party members (书记, 班子成员, 党员) in post on the row's date,
“全体班子成员” its 书记 and 班子成员, “全体人员” everyone in post; each is written out, so
attendance and coverage count the real people (a person named 全体党员 on the roster
would count as one more member, and the members as absent). “X等7人” lists X and, where
the ledger has a 参加人数 (警示教育), takes 7 for it when that cell is blank; where it has
none, the names are asked for. What was expanded is said in the import's notes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from lianzheng_desktop.core import vocab
from lianzheng_desktop.core.ledgers import Kind, LedgerSpec
from lianzheng_desktop.core.records import Person
from lianzheng_desktop.core.values import NAME_SEPARATORS, plain_width, read_date
from lianzheng_desktop.interchange.xlsx_common import Refused

_PARTY, _LEADERS = vocab.PARTY_ROLES, vocab.LEADER_ROLES
GROUPS = vocab.PEOPLE_GROUPS  # word → roles (None: everyone in post)
_WHOM = {_PARTY: "党员（书记、班子成员、党员）", _LEADERS: "书记和班子成员", None: "人员"}
_SOME = re.compile(r"^(?P<names>.*?)等\s*(?P<count>\d+)\s*(?:人|名)?(?:同志)?$")


class Groups:
    """Expands the group words of one sheet's rows and remembers what it did."""

    def __init__(self, spec: LedgerSpec, members: Iterable[Person]):
        self.spec = spec
        self.members = [p for p in members if "".join(p.name.split()) not in GROUPS]
        self.lists = [f for f in spec.fields if f.kind is Kind.PEOPLE]
        self.done: dict[tuple[str, str], list[int]] = {}  # (label, word) → rows
        self.some: list[str] = []

    def expand(self, number: int, values: dict[str, object]) -> None:
        for spec_field in self.lists:
            raw = values.get(spec_field.key)
            if isinstance(raw, str) and ("全" in raw or "班子" in raw or "等" in raw):
                values[spec_field.key] = self._one(number, spec_field.key, spec_field.label,
                                                   plain_width(raw).strip(), values)

    def _one(self, number: int, key: str, label: str, text: str,
             values: dict[str, object]) -> object:
        some = _SOME.match(text)
        if some is not None and some["names"].strip():
            if "head_count" not in {f.key for f in self.spec.fields}:
                return Refused(f"写的是“{text}”，这一页没有“参加人数”，请写出全部人员的姓名"
                               "（全体参加的可写“全体党员”，由软件按人员名册填写）")
            count = int(some["count"])
            if values.get("head_count") in (None, ""):
                values["head_count"] = count
            self.some.append(f"第{number}行“{label}”写作“{text}”：{label}记为"
                             f"{some['names'].strip()}，参加人数记为 {values['head_count']}")
            text = some["names"]
        parts = [part.strip() for part in NAME_SEPARATORS.split(text) if part.strip()]
        words = ["".join(part.split()) for part in parts]
        if not any(word in GROUPS for word in words):
            return text
        day = _day(values.get(self.spec.date_field or ""))
        if day is None:
            return text  # the date's own problem is said; nothing to expand against
        names: list[str] = []
        for part, word in zip(parts, words, strict=True):
            if word not in GROUPS:
                names.append(part)
                continue
            roles = GROUPS[word]
            found = [p.name for p in self.members if p.in_post(day)
                     and (roles is None or p.role in roles)
                     and not (key == "talkees" and p.name == values.get("talker"))]
            if not found:
                return Refused(f"写的是“{word}”，但人员名册中没有{day.year}年{day.month}月"
                               f"{day.day}日在岗的{_WHOM[roles]}；请写出姓名，或先完善人员名册")
            self.done.setdefault((label, word), []).append(number)
            names += found
        return tuple(dict.fromkeys(names))

    def notes(self, where: str) -> list[str]:
        lines = []
        for (label, word), rows in self.done.items():
            shown = "、".join(str(row) for row in rows[:10]) + ("等" if len(rows) > 10 else "")
            roles = GROUPS[word]
            lines.append(f"{where}：第{shown}行“{label}”中的“{word}”已按人员名册写为当日在岗的"
                         f"{_WHOM[roles]}（共 {len(rows)} 行）。")
        lines += [f"{where}：{line}。" for line in self.some]
        return lines


def _day(raw: object) -> date | None:
    try:
        return read_date(raw) if not isinstance(raw, Refused) else None
    except (ValueError, OverflowError):
        return None
