"""Each ledger's own rules across its fields: 整改时限 not before 发现日期, 回头看 after
完成, 谈话人 not among the 谈话对象, 参加人数 not under the people listed, 离岗日期 not
before 到岗日期. ``ledgers.build_record`` runs them once every field has been read; each
problem is a FieldError whose Chinese message names its field. Two fill in what follows
from the rest: a blank 参加人数 is the people listed, and one past the 离岗日期 is 不在职.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from lianzheng_desktop.core import vocab
from lianzheng_desktop.core.errors import FieldError

if TYPE_CHECKING:
    from lianzheng_desktop.core.ledgers import LedgerSpec


def field_error(ledger: LedgerSpec, key: str, message: str) -> FieldError:
    """A problem with the field ``key`` of ``ledger``, named by its label."""
    return FieldError(key, ledger.field(key).label, message)


def _rectification_rules(ledger: LedgerSpec, t: dict[str, Any], today: date | None):
    found, deadline = t["found_date"], t["deadline"]
    if deadline < found:
        yield field_error(ledger, "deadline", "“整改时限”不能早于“发现日期”")
    done = t["status"] == vocab.STATUS_DONE
    if done and t.get("completed_date") is None:
        yield field_error(ledger, "completed_date", "状态为“已完成”时须填写“完成日期”")
    if not done and t.get("completed_date") is not None:
        yield field_error(ledger, "completed_date",
                          "状态不是“已完成”，不应填写“完成日期”；已完成请改状态")
    completed = t.get("completed_date")
    if completed is not None and completed < found:
        yield field_error(ledger, "completed_date", "“完成日期”不能早于“发现日期”")
    review = t.get("review_date")
    if review is not None and review < found:
        yield field_error(ledger, "review_date", "“回头看日期”不能早于“发现日期”")
    elif review is not None and completed is not None and review < completed:
        yield field_error(ledger, "review_date",
                          "“回头看”是整改完成后的复查，“回头看日期”不能早于“完成日期”")
    if t.get("review_conclusion") and review is None:
        yield field_error(ledger, "review_date", "填写了“回头看结论”，请同时填写“回头看日期”")
    if today is not None and completed is not None and completed > today:
        yield field_error(ledger, "completed_date", "“完成日期”不能晚于今天")
    if today is not None and review is not None and review > today:
        yield field_error(ledger, "review_date", "“回头看日期”不能晚于今天")


def _talk_rules(ledger: LedgerSpec, t: dict[str, Any], today: date | None):
    if t["talker"] in t["talkees"]:
        yield field_error(ledger, "talkees", "“谈话人”不能同时是“谈话对象”")


def _session_rules(ledger: LedgerSpec, t: dict[str, Any], today: date | None):
    head_count = t.get("head_count")
    if head_count is None:
        t["head_count"] = len(t.get("attendees") or ())
    elif head_count < len(t.get("attendees") or ()):
        yield field_error(
            ledger,
            "head_count",
            f"“参加人数”（{head_count}）少于所列“参加人员”（{len(t['attendees'])} 人）",
        )


def _roster_rules(ledger: LedgerSpec, t: dict[str, Any], today: date | None):
    name = t.get("name") or ""
    if "".join(name.split()) in vocab.PEOPLE_GROUPS:  # the Excel import refuses it too
        yield field_error(ledger, "name", f"“{name}”不是一个人的姓名，不能加入人员名册；"
                          "请逐人添加。填写参加人员时，点“全选”或按角色勾选即可")
    joined, left = t.get("joined_on"), t.get("left_on")
    if joined is not None and left is not None and left < joined:
        yield field_error(ledger, "left_on", "“离岗日期”不能早于“到岗日期”")
    elif left is not None and today is not None and left < today:
        # past the 离岗日期, the person is 不在职 whatever the box says: a date set ahead
        # while still serving must not make the record unsavable (or the export refused)
        t["active"] = False
    elif left is not None and today is not None and left > today and t.get("active") is False:
        yield field_error(ledger, "left_on",
                          f"离岗日期{left.year}年{left.month}月{left.day}日还没到；"
                          "如已离岗，请填实际离岗的日子")


RULES: dict[str, tuple[Callable[..., Any], ...]] = {
    "roster": (_roster_rules,),
    "rectification": (_rectification_rules,),
    "talk": (_talk_rules,),
    "warning_education": (_session_rules,),
}
