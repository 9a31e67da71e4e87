"""The text pasted into 粘贴工作要点文字, kept as it is pasted or typed until a plan is saved
from it or the box is emptied: a dialog closed by mistake, or a power cut, loses nothing.

It uses the record forms' draft table (storage.drafts) under a key of its own, as
storage.requirement_drafts does, so the ledgers' drafts bar does not list it; the paste
dialog puts it back in its box when it opens next.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from lianzheng_desktop.storage import drafts

FORM = "plan_paste"  # record_draft.ledger of this draft (one: record number 0)


@dataclass(frozen=True)
class PasteDraft:
    text: str
    year: int
    saved_at: datetime
    chosen: bool = True  # the year chosen (by hand or asked), not read from the title


def keep(store, text: str, year: int, chosen: bool = True) -> None:
    """Keep the box as it stands (an empty box: nothing kept); UserError (in Chinese) if
    the file refuses it."""
    if not text.strip():
        drafts.discard(store, FORM, drafts.NEW)
        return
    drafts.save(store, FORM, drafts.NEW, {"text": text, "year": year, "chosen": chosen})


def waiting(store) -> PasteDraft | None:
    draft = drafts.find(store, FORM, drafts.NEW)
    if draft is None:
        return None
    return PasteDraft(str(draft.values.get("text") or ""), int(draft.values.get("year") or 0),
                      draft.saved_at, bool(draft.values.get("chosen", True)))


def discard_if_saved(store, text: str) -> None:
    """A plan was saved from ``text``: the pasted text it came from is done with."""
    draft = waiting(store)
    if draft is not None and draft.text.strip() == text.strip():
        drafts.discard(store, FORM, drafts.NEW)
