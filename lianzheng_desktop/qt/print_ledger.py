"""打印台账: the ledger page's records, as filtered, to a PDF — then open it or print it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QRect, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPainter
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from lianzheng_desktop.core.ledgers import LedgerSpec
from lianzheng_desktop.storage.errors import os_error_text
from lianzheng_desktop.storage.store import Query, Store


def describe(spec: LedgerSpec, query: Query) -> str:
    """Which records these are, in words (the line under the title)."""
    parts = []
    if query.start and query.end:
        parts.append(f"{_day(query.start)}至{_day(query.end)}")
    elif query.start:
        parts.append(f"{_day(query.start)}起")
    elif query.end:
        parts.append(f"截至{_day(query.end)}")
    if query.type and spec.type_field:
        parts.append(f"{spec.field(spec.type_field).label}：{query.type}")
    if query.search and query.search.strip():
        parts.append(f"含“{query.search.strip()}”")
    return "，".join(parts) if parts else "全部记录"


def _day(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def write_ledger_file(store: Store, spec: LedgerSpec, query: Query, path: Path,
                      today: date) -> int:
    """Write every record the query selects (not only the page loaded) to ``path``."""
    from lianzheng_desktop.pdf.ledger_pdf import write_ledger_pdf  # reportlab: when printing

    records = store.list(spec.key, replace(query, limit=None, offset=0, oldest_first=True))
    unit = store.profile().unit_name
    write_ledger_pdf(path, spec, records, title=f"{unit}{spec.label}台账",
                     note=describe(spec, query), printed_on=today)
    return len(records)


def print_ledger(parent: QWidget | None, store: Store, spec: LedgerSpec, query: Query,
                 today: date, folder: Path | None = None) -> Path | None:
    """Ask where to save, write the PDF, then offer to open or print it. None if cancelled."""
    suggested = (folder or Path.home()) / f"{spec.label}台账_{today.isoformat()}.pdf"
    chosen, _filter = QFileDialog.getSaveFileName(parent, "打印台账：保存为 PDF",
                                                  str(suggested), "PDF 文件 (*.pdf)")
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    try:
        count = write_ledger_file(store, spec, query, path, today)
    except OSError as exc:
        QMessageBox.warning(parent, "打印台账",
                            f"无法保存到“{path}”：{os_error_text(exc)}。请换一个文件夹再试。")
        return None
    box = QMessageBox(QMessageBox.Icon.Information, "打印台账",
                      f"已将{spec.label} {count} 条记录保存为：\n{path}", parent=parent)
    open_button = box.addButton("打开", QMessageBox.ButtonRole.AcceptRole)
    print_button = box.addButton("打印…", QMessageBox.ButtonRole.ActionRole)
    box.addButton("关闭", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is open_button:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            QMessageBox.warning(parent, "打印台账",
                                "没有找到能打开 PDF 的程序，请到保存的文件夹中打开。")
    elif box.clickedButton() is print_button:
        send_to_printer(parent, path)
    return path


def send_to_printer(parent: QWidget | None, path: Path) -> bool:
    """Print the PDF's pages through Qt's print dialog; False if cancelled or impossible."""
    try:
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    except ImportError:
        QMessageBox.warning(parent, "打印台账", "此电脑上无法直接打印，请打开 PDF 文件后再打印。")
        return False

    document = QPdfDocument(parent)
    document.load(str(path))
    if document.pageCount() == 0:
        QMessageBox.warning(parent, "打印台账", "PDF 文件无法读取，请打开它后再打印。")
        return False
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(path.stem)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("打印台账")
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    painter = QPainter()
    if not painter.begin(printer):
        QMessageBox.warning(parent, "打印台账", "无法连接打印机，请检查打印机后再试。")
        return False
    dpi = printer.resolution()
    for page in range(document.pageCount()):
        if page > 0:
            printer.newPage()
        size = document.pagePointSize(page)
        pixels = size.toSize() * (dpi / 72)
        image = document.render(page, pixels)
        target = painter.viewport()
        scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
        painter.drawImage(QRect(target.topLeft(), scaled), image)
    painter.end()
    return True

