"""Forms left unsaved last time, offered again: the bar above the pages with a 继续填写 (or
继续修改) button for each of the latest drafts, opening the form a draft belongs to, and
giving up a draft whose record has been deleted since."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QPushButton, QWidget

from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.core.ledgers import LEDGERS
from lianzheng_desktop.qt.style import hint
from lianzheng_desktop.qt.window_pages import LEDGER_PAGES

if TYPE_CHECKING:
    from lianzheng_desktop.qt.main_window import MainWindow

DRAFT_BUTTON_WIDTH = 190  # px of text: three buttons and the line before them fit 911
SHOWN_DRAFTS = 3


class DraftsOffer:
    """The drafts bar of a ``MainWindow`` and the forms it opens."""

    def continue_draft(self, ledger: str, record_id: int) -> None:
        """Open the form a draft belongs to; it fills itself from the draft."""
        from lianzheng_desktop.qt.record_form import RecordDialog
        from lianzheng_desktop.storage import drafts

        if drafts.find(self._store, ledger, record_id) is None:  # saved or given up since
            self.refresh_drafts()
            return
        page = self.ledger(ledger)
        self.show_page(next(n for n, k in LEDGER_PAGES.items() if k == ledger))
        try:
            if record_id == 0:
                page.add_record()
                return
            try:
                record = self._store.get(ledger, record_id)
            except UserError as exc:  # deleted since: the draft can only be given up
                self._give_up_draft(ledger, record_id, str(exc))
                return
            dialog = RecordDialog(self._store, LEDGERS[ledger], record, self,
                                  today=self._fixed_today)
            if dialog.exec() and dialog.saved is not None:
                page.refresh()
                self._on_data_changed()
        finally:
            self.refresh_drafts()  # the others are still offered

    def _give_up_draft(self, ledger: str, record_id: int, why: str) -> None:
        from lianzheng_desktop.storage import drafts

        answer = QMessageBox.question(
            self, "无法继续填写", f"{why}\n\n这份未保存的修改已无处可存。要放弃它吗？"
            "（放弃后不再提示；回收站未清空时，记录本身可在“回收站”中找回）",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            try:
                drafts.discard(self._store, ledger, record_id)
            except UserError as exc:
                QMessageBox.warning(self, "未能放弃", str(exc))

    def refresh_drafts(self) -> None:
        """The drafts bar as the drafts now stand (one continued, the rest still there)."""
        layout = self.drafts_bar.parentWidget().layout()
        fresh = drafts_bar(self)
        layout.replaceWidget(self.drafts_bar, fresh)
        self.drafts_bar.deleteLater()
        self.drafts_bar = fresh


def drafts_bar(window: MainWindow) -> QWidget:
    """A line above the pages when forms were left unsaved last time: 继续填写 each."""
    from lianzheng_desktop.storage import drafts

    bar = QWidget()
    bar.setObjectName("drafts_bar")
    layout = QHBoxLayout(bar)
    layout.setContentsMargins(10, 2, 10, 2)
    try:
        found = drafts.all_drafts(window._store)
    except UserError:
        found = []
    if not found:
        bar.hide()
        return bar
    from PySide6.QtCore import Qt  # its namespace costs 13–16 ms: only with drafts to show

    shown = f"（先列出最近的 {SHOWN_DRAFTS} 张）" if len(found) > SHOWN_DRAFTS else ""
    # the line wraps, the buttons are cut short: the bar never widens the window
    layout.addWidget(hint(f"上次有 {len(found)} 张表填了一半未保存{shown}：", wrap=True), 1)
    for draft in found[:SHOWN_DRAFTS]:  # the next comes up as one is dealt with
        button = QPushButton()
        # what it holds first, cut short if long (the whole in the tip): three buttons
        # never widen the window, and two drafts of one ledger are told apart
        # a change to a record already in the table is told apart from a new one: taken
        # for a copy of the row below, a reviewer's half-edit would have been given up
        verb = "继续填写" if draft.record_id == drafts.NEW else "继续修改"
        button.setText(button.fontMetrics().elidedText(
            f"{verb}：{draft.what or draft.label}", Qt.TextElideMode.ElideRight,
            DRAFT_BUTTON_WIDTH))
        button.setToolTip(f"{draft.label}（{draft.saved_at:%Y-%m-%d %H:%M} 存为草稿）" + (
            "" if draft.record_id == drafts.NEW else "；台账中的这条记录还是修改前的样子"))
        button.clicked.connect(lambda _=False, d=draft: window.continue_draft(d.ledger,
                                                                                d.record_id))
        layout.addWidget(button)
    return bar
