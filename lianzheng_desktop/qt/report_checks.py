"""The report leaving the app: checks before it does (unwritten sections, text repeated from
earlier reports — core.copy_check — marked in the editors), and printing."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QPointF, QSize
from PySide6.QtGui import QColor, QPainter, QTextCursor
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QMessageBox, QPlainTextEdit, QTextEdit, QWidget

from lianzheng_desktop.core.copy_check import CopyReport

MARK = "#fff59d"  # a pale yellow, like a highlighter


def mark_repeated(editors: Iterable[QPlainTextEdit], report: CopyReport) -> None:
    """Highlight each repeated sentence where it stands (cleared when nothing repeats)."""
    marked = list(dict.fromkeys(r.sentence for r in report.repeated))
    colour = QColor(MARK)
    for editor in editors:
        selections = []
        text = editor.toPlainText()
        for sentence in marked:
            start = text.find(sentence)
            while start >= 0:
                selection = QTextEdit.ExtraSelection()
                selection.format.setBackground(colour)
                cursor = QTextCursor(editor.document())
                cursor.setPosition(start)
                cursor.setPosition(start + len(sentence), QTextCursor.MoveMode.KeepAnchor)
                selection.cursor = cursor
                selections.append(selection)
                start = text.find(sentence, start + len(sentence))
        editor.setExtraSelections(selections)


def ask_before_handing_in(parent: QWidget, report: CopyReport | None, texts: dict[str, str],
                          action: str, show: Callable[[str], object]) -> bool:
    """True to go on. Asks when the text repeats earlier reports or a section is empty;
    ``show(heading)`` brings the unwritten section forward when the user chooses to write it."""
    if report is not None and report.worth_asking:
        answer = QMessageBox.question(
            parent, "与往期报告重复", f"{report.explain()}\n\n仍要{action}吗？"
            "（重复的句子已在编辑框中用黄色标出。）")
        if answer != QMessageBox.StandardButton.Yes:
            return False
    empty = [h for h, t in texts.items() if not t.strip()]
    if not empty:
        return True
    named = "、".join(f"第{h[0]}部分“{h[2:]}”" for h in empty)
    answer = QMessageBox.question(
        parent, "报告尚未写完", f"{named}尚未填写，仍要{action}吗？\n"
        f"选择“是”，这一部分将空着{action}；选择“否”，可先填写。")
    if answer != QMessageBox.StandardButton.Yes:
        show(empty[0])
        return False
    return True


def print_pdf(parent: QWidget, document: QPdfDocument, printer: QPrinter | None = None,
              before_pages: Callable[[], None] | None = None) -> int:
    """Send a loaded PDF's pages to a printer (asking which, if none is given); returns the
    pages printed. ``before_pages``: called once the printer answers, before any page."""
    if printer is None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle("打印述廉述责报告")
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return 0
    painter = QPainter()
    if not painter.begin(printer):
        QMessageBox.warning(parent, "无法打印", "无法连接打印机，请检查打印机是否开启。")
        return 0
    pages = document.pageCount()
    try:
        if before_pages is not None:
            before_pages()  # whatever it says, the pages follow and the job is ended
        for index in range(pages):
            if index:
                printer.newPage()
            target = printer.pageRect(QPrinter.Unit.DevicePixel).toRect()
            image = document.render(index, QSize(target.width(), target.height()))
            painter.drawImage(QPointF(0, 0), image)
    finally:
        painter.end()
    return pages
