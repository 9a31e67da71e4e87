"""The report's four sections as tabs of editors that keep what is typed.

Text typed into a section is stored (through ``save``) 0.8 s after the last key press, and
at once when asked (the page hides, the period changes, the app quits): closing the
window never loses it. Only sections changed from the drafts are stored, so untouched
drafts keep following the ledgers.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTabWidget

from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.core.report_model import EDITOR_PROMPTS, SECTION_HEADINGS, ReportPeriod
from lianzheng_desktop.storage.errors import DataFileError, circumstance_text

TAB_NAMES = ("一、履责情况", "二、廉洁自律", "三、问题及原因", "四、下一步打算")
AUTOSAVE_MS = 800


class SectionEditors(QTabWidget):
    def __init__(self, save: Callable[[ReportPeriod, dict[str, str]], None],
                 on_error: Callable[[str], None], parent=None):
        super().__init__(parent)
        self._save, self._on_error = save, on_error
        self._loading = False  # filling the editors from a draft: not typing
        self.shown: ReportPeriod | None = None  # the period the editors hold
        self.drafts: dict[str, str] = {}  # the drafts as shown
        self._dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.keep_typed_text)
        self.editors: dict[str, QPlainTextEdit] = {}
        for heading, name in zip(SECTION_HEADINGS, TAB_NAMES, strict=True):
            editor = QPlainTextEdit()
            editor.setPlaceholderText(EDITOR_PROMPTS[heading])  # prompts live only here
            editor.textChanged.connect(self._on_typed)
            self.editors[heading] = editor
            self.addTab(editor, name)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.keep_typed_text)

    def show_texts(self, period: ReportPeriod | None, texts: dict[str, str],
                   drafts: dict[str, str]) -> None:
        """Fill the editors (read-only when ``period`` is None: nothing to write into)."""
        self._loading = True
        try:
            for heading, text in texts.items():
                self.editors[heading].setPlainText(text)
                self.editors[heading].setReadOnly(period is None)
        finally:
            self._loading = False
        self.shown, self.drafts, self._dirty = period, drafts, False

    def follow_drafts(self, drafts: dict[str, str]) -> None:
        """New drafts for the report shown: the sections still as drafted take them; those
        she typed in stay as they are, cursor and all (an import run while she writes must
        not move her to the start of her sentence)."""
        self._loading = True
        try:
            for heading, editor in self.editors.items():
                if editor.toPlainText() == self.drafts.get(heading) \
                        and drafts.get(heading) != self.drafts.get(heading):
                    editor.setPlainText(drafts.get(heading, ""))
        finally:
            self._loading = False
        self.drafts = drafts

    def texts(self) -> dict[str, str]:
        return {heading: editor.toPlainText() for heading, editor in self.editors.items()}

    def typed_texts(self) -> dict[str, str]:
        """The sections the user changed from the drafts."""
        return {h: t for h, t in self.texts().items() if t != self.drafts.get(h)}

    def forget_typing(self) -> None:
        """The typed text is being thrown away on purpose (重新起草)."""
        self._timer.stop()
        self._dirty = False

    def show_section(self, heading: str) -> None:
        self.setCurrentWidget(self.editors[heading])
        self.editors[heading].setFocus()

    def _on_typed(self) -> None:
        if self._loading or self.shown is None:
            return
        self._dirty = True
        if not self._timer.isActive():  # at most AUTOSAVE_MS after the first key unkept,
            self._timer.start()  # not after a pause that a steady typist never makes

    def keep_typed_text(self) -> None:
        """Store the typed sections of the period shown; safe to call at any time."""
        self._timer.stop()
        if not self._dirty or self.shown is None:
            return
        try:
            self._save(self.shown, self.typed_texts())
        except (UserError, DataFileError) as exc:  # the disk or the file refused it
            cause = exc.__cause__ if isinstance(exc.__cause__, DataFileError) else exc
            why = circumstance_text(cause) if isinstance(cause, DataFileError) else str(exc)
            self._on_error(f"刚才输入的文字未能保存（{why.rstrip('。')}），请勿关闭本页，稍后再试。")
            return
        self._dirty = False

    @property
    def unsaved(self) -> bool:
        """Typed text not in the file (its last save failed, or it has not run yet)."""
        return self._dirty
