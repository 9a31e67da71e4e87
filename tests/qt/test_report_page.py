from datetime import date

import pytest
from PySide6.QtCore import QSizeF
from PySide6.QtGui import QPageSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from lianzheng_desktop.core.report_model import SECTION_HEADINGS, ReportPeriod
from lianzheng_desktop.qt.report_page import ReportPage
from lianzheng_desktop.storage.reports import list_versions, load_texts

pytestmark = pytest.mark.gui


@pytest.fixture
def page(qtbot, demo_store, paths):
    widget = ReportPage(demo_store, paths, today=date(2022, 12, 31))
    qtbot.addWidget(widget)
    widget.set_period(ReportPeriod(2022, 3))
    return widget


def test_the_drafts_fill_the_editors(page):
    duty = page.editors[SECTION_HEADINGS[0]].toPlainText()
    assert "本季度召开党风廉政建设专题会议1次" in duty
    assert page.editors[SECTION_HEADINGS[1]].toPlainText().startswith("（请本人填写")


def test_preview_shows_the_pdf_and_is_not_kept_as_a_version(page, demo_store, qtbot):
    page.generate(page._preview_file)
    qtbot.waitUntil(lambda: page.document.status() == QPdfDocument.Status.Ready)
    assert page.document.pageCount() >= 5
    assert list_versions(demo_store, ReportPeriod(2022, 3)) == []


def test_edits_are_kept_and_printed(page, demo_store, tmp_path):
    page.editors[SECTION_HEADINGS[1]].setPlainText("本人严格遵守中央八项规定精神，未发现违规问题。")
    target = tmp_path / "q3.pdf"
    page.generate(target)
    assert load_texts(demo_store, ReportPeriod(2022, 3))[SECTION_HEADINGS[1]] == \
        "本人严格遵守中央八项规定精神，未发现违规问题。"
    import pdfplumber

    with pdfplumber.open(target) as pdf:
        text = "".join((p.extract_text() or "").replace("\n", "") for p in pdf.pages[:3])
    assert "本人严格遵守中央八项规定精神" in text
    kept = list_versions(demo_store, ReportPeriod(2022, 3))
    assert len(kept) == 1 and kept[0].kind == "pdf"


def test_printing_sends_every_page(page, qtbot, tmp_path):
    page.generate(page._preview_file)
    qtbot.waitUntil(lambda: page.document.status() == QPdfDocument.Status.Ready)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setPageSize(QPageSize(QSizeF(210, 297), QPageSize.Unit.Millimeter))
    assert page.print_preview(printer) == page.document.pageCount()
    assert (tmp_path / "printed.pdf").stat().st_size > 1000


def test_year_report_is_offered(page):
    page.kind.setCurrentIndex(1)
    assert page.selected_period() == ReportPeriod(2022)
    assert "2022年度" in page.editors[SECTION_HEADINGS[0]].toPlainText()
