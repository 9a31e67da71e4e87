"""A record form's draft: what the form holds (its values, its 计入要求, the tick that a new
record was kept on time on paper), kept as a draft a few tenths of a second after each
change, and put back over the record when the same form is opened again, saying what
changed under it meanwhile."""

from __future__ import annotations

from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.qt.requirement_link import without_number
from lianzheng_desktop.storage import drafts

LINK = "_link"  # the 计入要求 chosen, beside the fields in a draft
LINK_NAME = "_link_name"  # … and its words ("第8条：严格制度执行"): ids change with a plan
KEPT_ON_TIME = "_kept_on_time"  # … and the tick "当时已记入纸质台账" (not 补录)


class FormDraft:
    """The draft of a ``RecordDialog``: its ``fields``, ``link`` and ``kept_on_time``, kept
    under ``_draft_id``; ``initial`` is the state it opened with."""

    def state(self) -> dict[str, object]:
        """What the form holds: the record's values, its 计入要求 and, for a new record, the
        tick that it was kept on time on paper (all kept in a draft)."""
        held: dict[str, object] = self.values()
        if self.link is not None:
            held[LINK] = self.link.chosen()
            held[LINK_NAME] = self.link.currentText() if held[LINK] else ""
        if self._record is None:
            held[KEPT_ON_TIME] = self.kept_on_time.isChecked()
        return held

    def is_dirty(self) -> bool:
        """Something typed that saving or the draft would keep and closing would lose."""
        return self.state() != self.initial

    def _on_field_changed(self) -> None:
        self._pending = True  # kept on the timer's next turn (not QTimer.start per key:
        # PySide6 6.12 miscounts references to None on each call)

    def _keep_pending(self) -> None:
        if self._pending:
            self.keep_draft()

    def keep_draft(self) -> None:
        self._pending = False
        if self.saved is not None:
            return
        try:
            if self.is_dirty():  # a 修改 keeps the record as opened beside it
                drafts.save(self._store, self._spec.key, self._draft_id, self.state(),
                            was=self.initial if self._record is not None else None)
            else:
                drafts.discard(self._store, self._spec.key, self._draft_id)
            self._keep_failed = False
        except UserError as exc:  # the form itself still holds the text
            self._keep_failed = True
            self.general_error.setText(str(exc))
            self.general_error.show()

    def draft_not_kept(self) -> bool:
        """Typed and not in the file even now (the disk full): closing would lose it."""
        self.keep_draft()
        return self._keep_failed and self.saved is None and self.is_dirty()

    def _restore_draft(self) -> None:
        """A draft left unsaved: what she changed goes back over the record as it is now
        (not the whole record as it was then: a rename since is kept), and the note says
        what changed under her meanwhile."""
        draft = drafts.find(self._store, self._spec.key, self._draft_id)
        if draft is None:
            return
        restored = drafts.restore_over(draft, self.initial)
        for key, value in restored.values.items():
            if key in self.fields:
                self.fields[key].set_value(value)
        lost = ""
        if self.link is not None and LINK in restored.values:
            self._follow_date()
            self.link.choose([int(i) for i in restored.values[LINK]])  # type: ignore[union-attr]
            lost = self._find_link_again(str(restored.values.get(LINK_NAME) or ""))
        if KEPT_ON_TIME in restored.values:  # not 补录: she said so (revclose3 H)
            self.kept_on_time.setChecked(bool(restored.values[KEPT_ON_TIME]))
        since = "；".join((f"{self._spec.field(key).label}：{said(was)}→{said(now)}"
                           if key != LINK else "计入要求有变动")
                          + ("（您也改过此项，表中为您填写的）" if key in restored.values else "")
                          for key, (was, now) in restored.since.items()
                          if key in self.fields or key == LINK and self._link_moved(draft))
        self.draft_note.setText(
            f"已恢复上次未保存的内容（{draft.saved_at:%Y-%m-%d %H:%M}）。{lost}"
            + (f"这条记录此后又有改动（{since}），表中是现在的记录加上您改过的内容，请核对。"
               if since else "")
            + "保存后生效；不需要请按“取消”并选择放弃。")
        self.draft_note.show()

    def _link_moved(self, draft: drafts.Draft) -> bool:
        """The 计入要求 changed since the draft, not only its id or number: a plan imported
        again gives the same requirement a new id (and 第8条 may be 第7条 now), and "计入要求
        有变动" sent her hunting for a change that was not there (revclose4, smaller)."""
        was = str((draft.was or {}).get(LINK_NAME) or "")
        return without_number(was) != without_number(str(self.initial.get(LINK_NAME) or ""))

    def _find_link_again(self, name: str) -> str:
        """The requirement the draft chose, found by its words: the year's plan imported
        again since gives its ids to other requirements (revclose3 D: 第8条 came back as
        第9条). What she chose and cannot be found any more is said."""
        link = self.link
        if link is None or not name or link.currentText() == name:
            return ""
        at = link.find_label(name)
        link.setCurrentIndex(max(0, at))
        return "" if at >= 0 else (f"上次选的计入要求“{name}”在现在的年度计划中已找不到，"
                                   "请重新选择。")


def said(value: object) -> str:
    """A field's value (as a draft keeps it) in a few words: 高建军、林峰 / 是 / （空）."""
    if isinstance(value, list):
        value = "、".join(str(v) for v in value)
    elif isinstance(value, bool):
        value = "是" if value else "否"
    text = " ".join(str(value if value is not None else "").split())
    return "（空）" if not text else text if len(text) <= 16 else text[:16] + "…"
