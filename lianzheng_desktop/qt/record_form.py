"""The form for one record of any ledger: built from its spec, checked by core.

Nothing typed is lost: while the form is open its values are kept as a draft (a few tenths
of a second after each change), so a crash, a power cut or the window closing leaves them
for the next time the same form is opened. 保存 clears the draft; 取消 or Esc on a form
with something in it asks first. The draft's keeping and restoring: ``qt.form_draft``.
"""

from __future__ import annotations

from contextlib import suppress
from datetime import date
from typing import cast

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from lianzheng_desktop.core import vocab
from lianzheng_desktop.core.errors import FieldError, UserError, ValidationError
from lianzheng_desktop.core.ledgers import LedgerSpec, to_values
from lianzheng_desktop.core.records import LATE_ENTRY_DAYS, Person, Record
from lianzheng_desktop.qt.buttons import accept_cancel, confirm_discard
from lianzheng_desktop.qt.day import FollowsToday
from lianzheng_desktop.qt.field_widgets import FieldWidget
from lianzheng_desktop.qt.form_draft import FormDraft
from lianzheng_desktop.qt.record_delete import (  # noqa: F401 (ledger_page, tests use them)
    NOUNS,
    confirm_delete,
    delete_question,
    record_noun,
)
from lianzheng_desktop.qt.requirement_link import RequirementLink
from lianzheng_desktop.qt.screen_fit import fit_to_screen, scroll_area
from lianzheng_desktop.storage import drafts
from lianzheng_desktop.storage.errors import DataFileError, circumstance_text, remedy_text
from lianzheng_desktop.storage.store import Store

ERROR_STYLE = "color: #c62828;"
DRAFT_DELAY_MS = 400
# A new record starts with these (a new person is usually a serving party member).
NEW_DEFAULTS = {"roster": {"role": vocab.ROLE_MEMBER, "active": True}}


def dialog_title(spec: LedgerSpec, editing: bool) -> str:
    return f"{'修改' if editing else '新增'}{record_noun(spec)}"


class RecordDialog(FollowsToday, FormDraft, QDialog):
    """Add (record None) or edit one record. Nothing invalid is saved."""

    def __init__(self, store: Store, spec: LedgerSpec, record: Record | None = None,
                 parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self._store, self._spec, self._record = store, spec, record
        self._fixed_today = today
        self._draft_id = record.id if record is not None else drafts.NEW
        self.saved: Record | None = None
        self._finished = False  # saved, or given up on purpose
        self.setWindowTitle(dialog_title(spec, record is not None))
        self.setMinimumWidth(600)
        # 书记, 班子成员 first; the serving staff, then those who left on a known day (for a
        # record of their time entered late); a past name also stays on its record.
        people = cast(list[Person], store.list("roster"))
        roster = {p.name: p.role for p in people if p.active}
        former = {p.name: (p.role, p.left_on) for p in people if not p.active and p.left_on}

        def in_post() -> set[str]:  # on the form's date: whom 全选 ticks
            day = self.fields[spec.date_field].value() if spec.date_field else None
            day = day if isinstance(day, date) else self._today
            return {p.name for p in people if p.in_post(day)}

        self.fields: dict[str, FieldWidget] = {}
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        for field in spec.fields:
            choices = store.type_choices(spec.key) if field.key == spec.type_field else None
            widget = FieldWidget(field, roster, self._fixed_today, choices=choices, former=former,
                                 in_post=in_post)
            form.addRow(self._label(field.label, field.required), self._holder(field.key, widget))
            self.fields[field.key] = widget
        self.link: RequirementLink | None = None
        if spec.date_field and spec.key != "rectification":
            day = getattr(record, spec.date_field) if record is not None else self._today
            linked = store.links(spec.key, record.id) if record is not None else ()
            self.link = RequirementLink(store, spec.key, day.year, linked)
            form.addRow(self._label("计入要求", False), self.link)
        # An office moving its paper ledger into the app: those were kept on time there
        self.kept_on_time = QCheckBox("这件事当时已记入纸质台账，现在照原始记录转录（不标“补录”）",
                                      self)
        self.kept_on_time.hide()
        self._fill_start_values()
        self.initial = self.state()
        self._keep_failed = False  # the last draft the file refused (draft_not_kept)
        self.draft_note = QLabel()
        self.draft_note.setWordWrap(True)
        self.draft_note.setStyleSheet("color: #1565c0;")
        self.draft_note.hide()
        # a new record of a day long past is marked 补录 when saved: said before, not after
        self.late_note = QLabel(self)  # a child from the start: never a window of its own
        self.late_note.setWordWrap(True)
        self.late_note.setStyleSheet("color: #b26a00;")
        self.late_note.hide()
        self.kept_on_time.toggled.connect(self._note_late)
        self._restore_draft()
        self.general_error = QLabel()
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self._buttons = accept_cancel()
        hint = QLabel("带 <span style='color:#c62828'>*</span> 的为必填项。按回车键保存"
                      "（在多行文字框中按 Ctrl+回车）。")
        hint.setTextFormat(Qt.TextFormat.RichText)
        fields = QWidget()  # scrolls on a low screen; the notes and buttons stay in view
        fields.setLayout(form)
        form.setContentsMargins(0, 0, 0, 0)
        self.scroll = scroll_area(fields)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.draft_note)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.late_note)
        layout.addWidget(self.kept_on_time)
        layout.addWidget(self.general_error)
        layout.addWidget(self._buttons)
        fit_to_screen(self, area=self.scroll)
        self._pending = False  # a change not yet kept as a draft
        self._draft_timer = QTimer(self)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self._keep_pending)
        self._draft_timer.start()
        self._connect_signals()

    # -- building ---------------------------------------------------------------------
    @staticmethod
    def _label(text: str, required: bool) -> QLabel:
        label = QLabel(text + ("<span style='color:#c62828'> *</span>" if required else ""))
        label.setTextFormat(Qt.TextFormat.RichText)
        return label

    def _holder(self, key: str, widget: FieldWidget) -> QWidget:
        error = QLabel()
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        self.errors[key] = error
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        box.addWidget(error)
        return holder

    def _fill_start_values(self) -> None:
        if self._record is not None:
            for key, value in to_values(self._spec, self._record).items():
                self.fields[key].set_value(value)
        else:
            for key, value in NEW_DEFAULTS.get(self._spec.key, {}).items():
                self.fields[key].set_value(value)

    def _connect_signals(self) -> None:
        self._buttons.accepted.connect(self._on_save)
        self._buttons.rejected.connect(self.reject)
        # Enter saves from any one-line box (the 保存 button is the default and the small
        # buttons never are); in a multi-line box Enter is a new line and Ctrl+Enter saves.
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self._on_save)
        QShortcut(QKeySequence("Ctrl+Enter"), self, activated=self._on_save)
        for widget in self.fields.values():
            widget.listeners.append(self._on_field_changed)
        self.kept_on_time.toggled.connect(self._on_field_changed)
        if self.link is not None:
            self.link.currentIndexChanged.connect(self._on_field_changed)
            self.fields[str(self._spec.date_field)].listeners.append(self._follow_date)
        if self._record is None and self._spec.date_field:
            self.fields[self._spec.date_field].listeners.append(self._note_late)
            self._note_late()
        if "attendees" in self.fields and "head_count" in self.fields:
            self._ticked = len(self.fields["attendees"].value())  # type: ignore[arg-type]
            self.fields["attendees"].listeners.append(self._follow_ticks)

    def _follow_ticks(self) -> None:
        """参加人数 follows the ticks, unless a larger number (guests too) was typed."""
        ticked = len(self.fields["attendees"].value())  # type: ignore[arg-type]
        count = self.fields["head_count"]
        current = int(count.value() or 0)  # type: ignore[call-overload]
        if current == self._ticked or current < ticked:
            count.set_value(ticked)
        self._ticked = ticked

    # -- values -----------------------------------------------------------------------
    def values(self) -> dict[str, object]:
        return {key: widget.value() for key, widget in self.fields.items()}

    def _follow_date(self) -> None:
        day = self.fields[str(self._spec.date_field)].value()
        if self.link is not None and isinstance(day, date):
            self.link.follow_year(day.year)

    def _note_late(self) -> None:
        day = self.fields[str(self._spec.date_field)].value()
        late = isinstance(day, date) and (self._today - day).days > LATE_ENTRY_DAYS
        if late:
            ago = (self._today - day).days  # type: ignore[operator]
            self.late_note.setText(
                f"事情发生在{ago}天前，当时已记入纸质台账：保存后不标“补录”，录入时间照常留痕。"
                if self.kept_on_time.isChecked() else
                f"事情发生在{ago}天前（超过{LATE_ENTRY_DAYS}天），保存后这条记录标为“补录”，"
                "台账和报告附件中注明；按原始记录如实填写即可。")
        self.late_note.setVisible(late)
        self.kept_on_time.setVisible(late and self._record is None)

    # -- saving and leaving -----------------------------------------------------------
    def _clear_errors(self) -> None:
        for label in self.errors.values():
            label.hide()
        self.general_error.hide()

    def _future_event(self) -> list[FieldError]:
        key = self._spec.date_field
        if key is None:
            return []
        when = self.fields[key].value()
        if isinstance(when, date) and when > self._today:
            label = self._spec.field(key).label
            return [FieldError(key, label, f"“{label}”不能晚于今天（{self._today.isoformat()}），"
                                           "请填写事情实际发生的日期")]
        return []

    def _on_save(self) -> None:
        self._clear_errors()
        if self._record is None and self._spec.date_field:
            # the day may have moved on since the date was typed (a form left open over
            # midnight): a 补录 note that appears now is read before saving (revdiff5)
            shown = self.kept_on_time.isVisibleTo(self)
            self._note_late()
            if self.kept_on_time.isVisibleTo(self) and not shown:
                return
        try:
            future = self._future_event()
            if future:
                raise ValidationError(future)
            if not self._not_twice():
                return
            with self._store.atomic():
                if self._record is None:
                    saved = self._store.add(self._spec.key, self.values(), kept_on_time=(
                        self.kept_on_time.isVisibleTo(self) and self.kept_on_time.isChecked()))
                else:
                    saved = self._store.update(self._spec.key, self._record.id, self.values())
                if self.link is not None and (self._record is None
                                              or self.link.chosen() != self.link.initial):
                    self._store.set_links(self._spec.key, saved.id, self.link.chosen())
                drafts.discard_within(self._store, self._spec.key, self._draft_id)
        except ValidationError as exc:
            self._show_errors(exc.errors)
            return
        except UserError as exc:
            self.general_error.setText(str(exc))
            self.general_error.show()
            return
        except DataFileError as exc:  # the commit itself failed (disk full, USB stick out)
            why, what = circumstance_text(exc), remedy_text(exc)
            self.general_error.setText(f"没有保存（{why}）。填写的内容仍在表中，"
                                       f"{what + '，然后' if what else '请稍后'}再按“保存”。")
            self.general_error.show()
            return
        self.saved = saved  # only once it is in the file: until then the draft is kept
        self._finished = True  # (and the draft went with the same commit)
        self._draft_timer.stop()
        self.accept()

    def _not_twice(self) -> bool:
        """A record the same as another kept (entered twice, restored from 回收站 and
        entered again, or edited into a copy of another) is saved only when the secretary
        says it is another one."""
        from dataclasses import replace

        from lianzheng_desktop.storage.twins import twin_questions

        record = self._store.validate(self._spec.key, self.values(), before=self._record)
        if self._record is not None:  # an edit: the record itself is no copy of itself
            record = replace(record, id=self._record.id)
        for title, text in twin_questions(self._store, self._spec.key, record, self._record):
            answer = QMessageBox.question(
                self, title, text,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return False
        return True

    def _show_errors(self, errors: list[FieldError]) -> None:
        for error in errors:
            label = self.errors.get(error.field) or self.general_error
            label.setText(error.message)
            label.show()
        first = errors[0].field
        if first in self.fields:
            self.fields[first].input.setFocus()
            # the new red lines laid out first (else the area scrolls to where the field
            # was, and a low field's message stays under the fold)
            QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            self.scroll.ensureWidgetVisible(self.errors[first].parentWidget())

    def reject(self) -> None:
        """取消, Esc or the window's close button: ask first if something would be lost."""
        if self.saved is None and self.is_dirty() and not self._confirm_discard():
            return
        self._finished = True
        self._draft_timer.stop()
        if self.saved is None:
            with suppress(UserError):  # a draft left behind is offered again: no harm
                drafts.discard(self._store, self._spec.key, self._draft_id)
        super().reject()

    def _confirm_discard(self) -> bool:
        return confirm_discard(self, "放弃填写的内容？",
                               "这张表中填写的内容还没有保存。\n\n要放弃这些内容吗？", "继续填写")

    def put_away(self) -> None:
        """The window is closing under the form (another data file opened, a restore): what
        is typed stays a draft, offered at the next start, and nothing is asked — a
        reviewer's 继续填写 was answered by the program quitting anyway."""
        if self.saved is None and self.is_dirty():
            self.keep_draft()
        self._finished = True
        self._draft_timer.stop()
        super().reject()

    def hideEvent(self, event) -> None:  # noqa: N802
        """Hidden without 保存 or 取消 (the window closing under it): keep what is typed."""
        if not self._finished and self._pending:
            self.keep_draft()  # a change not yet kept (they are kept within 0.4 s)
        super().hideEvent(event)

