"""Rules added after records were kept: checked on what is entered or changed.

A record kept before a rule existed is not rewritten, nor refused on an edit that leaves
alone what the rule looks at (``before``: the kept record an edit changes); an Excel
import checks them on the rows it would add, not on those already kept (a ledger exported
and imported again). The rules:

- a 主持人, 负责人 or 整改责任人 in post on the record's day (``in_post``);
- a 回头看 only on an item fixed: 已完成, or 长期坚持 (its measures go on, and the
  checklist asks for its 回头看 as for a completed item's).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from lianzheng_desktop.core import vocab
from lianzheng_desktop.core.errors import FieldError
from lianzheng_desktop.core.in_post import Posts, doers_out_of_post

if TYPE_CHECKING:
    from lianzheng_desktop.core.ledgers import LedgerSpec
    from lianzheng_desktop.core.records import Record

UNFIXED = (vocab.STATUS_NOT_STARTED, vocab.STATUS_IN_PROGRESS)


def check(ledger: LedgerSpec, t: Mapping[str, Any], posts: Posts | None,
          before: Record | None = None) -> Iterator[FieldError]:
    """What the rules find in the typed values ``t`` of one record."""
    if posts:
        yield from doers_out_of_post(ledger, t, posts, before)
    if ledger.key == "rectification":
        yield from _review_of_unfixed(ledger, t, before)


def _review_of_unfixed(ledger: LedgerSpec, t: Mapping[str, Any],
                       before: Record | None) -> Iterator[FieldError]:
    status = t.get("status")
    if t.get("review_date") is None or status not in UNFIXED:
        return
    if before is not None and getattr(before, "review_date", None) == t.get("review_date"):
        return  # kept as it was: a 回头看 that found the problem back reopens the item, and
        # its date stays the 留痕 of that review
    yield FieldError("review_date", ledger.field("review_date").label, (
        f"“回头看”是整改完成后的复查，状态为“{status}”的事项还不能填写“回头看日期”；"
        "如已整改完成，请把状态改为“已完成”并填写完成日期"))
