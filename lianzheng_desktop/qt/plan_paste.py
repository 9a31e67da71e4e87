"""粘贴工作要点文字: a plan's text as the secretary has it in her browser or a document,
pasted into a box and taken on (下一步) to the same check an imported file goes to
(PlanImport.import_text). What is in the box is kept as it is pasted or typed
(storage.paste_draft): closed by mistake, or the power gone, it is back in the box the
next time the dialog opens."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.core.plan_text import normalise
from lianzheng_desktop.qt.buttons import accept_cancel
from lianzheng_desktop.qt.screen_fit import fit_to_screen
from lianzheng_desktop.qt.style import hint
from lianzheng_desktop.storage import paste_draft

DRAFT_DELAY_MS = 400  # the box kept this long after a change (as the record forms do)
YEARS = range(2015, 2041)  # as the check's own 计划年度
EXAMPLE = ("例如：\n2026年党风廉政建设工作要点\n一、压实管党治党政治责任\n"
           "1.每季度至少召开1次党风廉政建设专题会议……\n二、……")


def named_year(text: str) -> int | None:
    """The year the text names as its own, as the plan reader reads it (one rule: a date
    in its opening is not its year; revdiff4 F4)."""
    from lianzheng_desktop.core.plan_parser import plan_year

    return plan_year(normalise(text[:400]))


class PasteDialog(QDialog):
    """The box, the year and 下一步. ``year``: the year it was asked for (首页's offer
    for a year without a plan): kept; otherwise the year follows the text's title until
    she chooses one."""

    def __init__(self, store, parent=None, year: int | None = None,
                 today: date | None = None):
        super().__init__(parent)
        self._store = store
        self._asked = year
        self._chosen = year is not None  # the year not to follow the text's
        self._finished = False
        self.setWindowTitle("粘贴工作要点文字")
        self.setMinimumSize(480, 360)
        intro = QLabel("从网页或文件中复制工作要点全文，粘贴到下面。")
        intro.setStyleSheet("font-size: 15px;")
        steps = hint("在网页或文档中按 Ctrl+A 全选（或拖选正文）、Ctrl+C 复制，再点下面的框，按 "
                     "Ctrl+V 粘贴。点“下一步”后，逐项核对读出的要求，再保存计划。")
        self.box = QPlainTextEdit()
        self.box.setPlaceholderText(EXAMPLE)
        self.year_box = QComboBox()
        for choice in YEARS:
            self.year_box.addItem(f"{choice}年", choice)
        self.count = hint("", wrap=False)
        self.clear_button = QPushButton("清空")
        self.note = hint("")  # the text kept from last time, put back
        self.note.setStyleSheet("color: #b26a00;")
        self.note.hide()
        self.error = hint("")
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        buttons = accept_cancel("下一步")
        buttons.accepted.connect(self._on_next)
        buttons.rejected.connect(self.reject)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("计划年度"))
        bar.addWidget(self.year_box)
        bar.addSpacing(16)
        bar.addWidget(self.count)
        bar.addStretch(1)
        bar.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(steps)
        layout.addWidget(self.note)
        layout.addWidget(self.box, 1)
        layout.addLayout(bar)
        layout.addWidget(self.error)
        layout.addWidget(buttons, alignment=Qt.AlignmentFlag.AlignRight)
        self._restore(year, today or date.today())
        self._count()
        self._pending = False  # a change not yet kept
        self._keep_failed = False  # the last keep the file refused (draft_not_kept)
        self._timer = QTimer(self)
        self._timer.setInterval(DRAFT_DELAY_MS)
        self._timer.timeout.connect(self._keep_pending)
        self._timer.start()
        self.box.textChanged.connect(self._on_changed)
        self.year_box.activated.connect(self._on_year_chosen)  # by her hand only
        self.clear_button.clicked.connect(self._on_clear)
        fit_to_screen(self, QSize(760, 600))
        self.box.setFocus()

    def _restore(self, year: int | None, today: date) -> None:
        kept = paste_draft.waiting(self._store)
        if kept is not None and kept.text.strip():
            self.box.setPlainText(kept.text)
            when = kept.saved_at
            self.note.setText(f"{when.month}月{when.day}日 {when:%H:%M} 粘贴的文字还没有导入，"
                              "已放回框中；不再需要时点“清空”。")
            self.note.show()
            # the year as she left it if she chose it; else it follows the title again,
            # after 清空 or another year's text pasted over it (revclose3 G)
            self._chosen = self._chosen or kept.chosen
        self._set_year(year or (kept.year if kept is not None and kept.text.strip() else None)
                       or named_year(self.text()) or today.year)

    # -- what it holds --------------------------------------------------------------------
    def text(self) -> str:
        return self.box.toPlainText()

    def year(self) -> int:
        return int(self.year_box.currentData())

    def _set_year(self, year: int) -> None:
        index = self.year_box.findData(year)
        if index >= 0:
            self.year_box.setCurrentIndex(index)

    def _count(self) -> None:
        size = len(self.text().strip())
        self.count.setText(f"已粘贴 {size:,} 字" if size else "")
        self.clear_button.setEnabled(bool(size))

    def _on_changed(self) -> None:
        self._pending = True  # kept on the timer's next turn (not QTimer.start per key:
        # PySide6 6.12 miscounts references to None on each call)
        self.error.hide()

    def _on_year_chosen(self) -> None:
        self._chosen = True
        self._pending = True

    def _keep_pending(self) -> None:
        if self._pending:
            self.keep()

    def keep(self) -> None:
        """The box as it stands, kept (and the year following the text's title)."""
        self._pending = False
        if not self._chosen:
            named = named_year(self.text())
            if named is not None:
                self._set_year(named)
        self._count()
        try:
            paste_draft.keep(self._store, self.text(), self.year(), self._chosen)
            self._keep_failed = False
        except UserError as exc:  # the box itself still holds the text
            self._keep_failed = True
            self.say(str(exc))

    def draft_not_kept(self) -> bool:
        """Text in the box and not in the file even now (the disk full): closing the
        window would lose it (revcode2 A)."""
        if self._keep_failed or self._pending:
            self.keep()
        return self._keep_failed and bool(self.text().strip())

    def _on_clear(self) -> None:
        # removed as an edit, not clear(): Ctrl+Z brings it back (revclose3 F)
        cursor = self.box.textCursor()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.removeSelectedText()
        self.note.hide()
        self.keep()

    # -- going on, coming back, closing -------------------------------------------------
    def say(self, message: str) -> None:
        """A line under the box: why 下一步 did not go on, or what happened meanwhile."""
        self.error.setText(message)
        self.error.show()

    def _on_next(self) -> None:
        if not self.text().strip():
            self.say("框中还没有文字。请先从网页或文件中复制工作要点全文，粘贴到上面的框中。")
            self.box.setFocus()
            return
        self._finish()
        self.accept()

    def came_back(self, message: str) -> None:
        """Back from the check without a plan saved: the text as it was, and why."""
        self._finished = False
        self._timer.start()
        self.note.hide()
        self.say(message)

    def reject(self) -> None:
        """取消, Esc or the close button: what is in the box stays for next time."""
        self._finish()
        super().reject()

    def put_away(self) -> None:
        """The window is closing under the dialog: the text waits for next time."""
        self.reject()

    def _finish(self) -> None:
        if not self._finished and self._pending:
            self.keep()
        self._finished = True
        self._timer.stop()

    def hideEvent(self, event) -> None:  # noqa: N802
        """Hidden without 下一步 or 取消 (the window closing under it): keep the box."""
        if not self._finished and self._pending:
            self.keep()
        super().hideEvent(event)
