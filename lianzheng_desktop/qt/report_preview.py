"""The report page's preview: the PDF as it will print, and whether it is still the one of
the report on the left.

Until 生成预览 is pressed it says how to get one; once the text is changed it says the
preview is not the latest; another report, period or person puts it away, so a member's
own report is never read against the branch's preview.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QFrame, QLabel, QStackedWidget, QVBoxLayout, QWidget

from lianzheng_desktop.qt.style import hint

NO_PREVIEW = "点“生成预览”查看打印效果"
OLD_PREVIEW = "预览不是最新的，点“生成预览”更新"
# Which report a preview is of: (period code, person or None for the branch, the texts)
Shown = tuple[str, "str | None", dict[str, str]]


class PreviewPane(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self.note = QLabel(OLD_PREVIEW)
        self.note.setStyleSheet("color: #b26a00;")
        self.note.setWordWrap(True)
        self.note.hide()
        self.hint = hint(NO_PREVIEW)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setFrameShape(QFrame.Shape.StyledPanel)  # where the pages will be
        self.stack = QStackedWidget()
        self.stack.addWidget(self.hint)
        self.stack.addWidget(self.view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addWidget(self.stack, 1)
        self.shown: Shown | None = None
        self.outdated = False  # the ledgers changed since it was made (an annex may differ)

    def load(self, path: str, shown: Shown | None) -> None:
        """Show the PDF at ``path``, made of ``shown``."""
        self.document.close()
        self.document.load(path)
        self.shown, self.outdated = shown, False

    def follow(self, period_code: str, person: str | None, texts: dict[str, str]) -> None:
        """The report on the left is now this one: keep, mark or put away the preview."""
        shown = self.shown
        if shown is not None and (shown[0], shown[1]) != (period_code, person):
            self.document.close()
            self.shown = shown = None
        self.stack.setCurrentWidget(self.hint if shown is None else self.view)
        self.note.setVisible(shown is not None and (shown[2] != texts or self.outdated))

    def data_changed(self) -> None:
        """A record, the roster or the plan changed: the preview may differ in an annex the
        section texts do not show (reviewer revlast2, 4), until it is made again."""
        if self.shown is not None:
            self.outdated = True
            self.note.show()
