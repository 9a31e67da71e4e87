"""The printed layout, measured from the characters' positions (GB/T 9704-2012)."""

import pdfplumber
import pytest
from pypdf import PdfReader

from lianzheng_desktop.pdf.layout import NO_LINE_START
from tests.pdf.pages import HEIGHT, LEFT, MM, TOP, WIDTH, lines_of

TOLERANCE = 1 * MM
body_lines = lines_of


def page_number_chars(page):
    return [c for c in page.chars if c["top"] > TOP + HEIGHT + 2 * MM]


def test_pages_are_a4(q3_pdf):
    for page in PdfReader(q3_pdf).pages:
        assert float(page.mediabox.width) == pytest.approx(595.28, abs=0.5)
        assert float(page.mediabox.height) == pytest.approx(841.89, abs=0.5)


def test_every_font_is_embedded_and_subset(q3_pdf):
    seen = set()
    for page in PdfReader(q3_pdf).pages:
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            name = str(font["/BaseFont"])
            seen.add(name)
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            descriptor = target["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, f"{name} is not embedded"
            prefix = name.lstrip("/").split("+")[0]
            assert len(prefix) == 6 and prefix.isupper(), f"{name} is not subset"
    assert seen


def test_text_block_margins_within_1mm(q3_pdf):
    with pdfplumber.open(q3_pdf) as pdf:
        page = pdf.pages[1]  # a page of body text only
        lines = body_lines(page)
        assert lines[0][0]["top"] == pytest.approx(TOP, abs=TOLERANCE)
        lefts = [line[0]["x0"] for line in lines]
        assert min(lefts) == pytest.approx(LEFT, abs=TOLERANCE)
        # a paragraph's last line may hold 27 glyphs with narrow digits and still end short
        full = [line for line in lines if len(line) >= 27 and line[-1]["text"] != "。"]
        assert full, "some lines run the full width"
        for line in full:
            assert line[-1]["x1"] == pytest.approx(LEFT + WIDTH, abs=TOLERANCE)
        assert lines[-1][0]["bottom"] <= TOP + HEIGHT + TOLERANCE


def test_body_sits_on_a_22_line_28_character_grid(q3_pdf):
    with pdfplumber.open(q3_pdf) as pdf:
        lines = body_lines(pdf.pages[1])
        assert len(lines) <= 22
        pitches = [b[0]["top"] - a[0]["top"] for a, b in zip(lines, lines[1:], strict=False)]
        assert all(p == pytest.approx(HEIGHT / 22, abs=0.3) for p in pitches)
        body = [line for line in lines if line[0]["size"] == pytest.approx(16, abs=0.1)]
        cjk_full = [(line, after) for line, after in zip(body, body[1:], strict=False)
                    if all(ord(c["text"]) > 0x2E80 for c in line)
                    and line[0]["x0"] == pytest.approx(LEFT, abs=0.5)
                    and line[-1]["x1"] == pytest.approx(LEFT + WIDTH, abs=1)]
        assert cjk_full
        for line, after in cjk_full:
            # 28, or 27 when the 28th went down with punctuation that may not open a line
            assert len(line) == 28 or (len(line) == 27 and after[1]["text"] in NO_LINE_START)


def test_page_numbers_as_the_standard_places_them(q3_pdf):
    with pdfplumber.open(q3_pdf) as pdf:
        for number, page in enumerate(pdf.pages[:4], start=1):
            chars = page_number_chars(page)
            text = "".join(c["text"] for c in chars)
            assert text.replace(" ", "") == f"—{number}—"
            assert all(c["size"] == pytest.approx(14, abs=0.1) for c in chars)
            assert chars[0]["top"] == pytest.approx(TOP + HEIGHT + 7 * MM, abs=TOLERANCE)
            if number % 2:  # odd: right, one character in from the block's edge
                assert chars[-1]["x1"] == pytest.approx(LEFT + WIDTH - 14, abs=TOLERANCE)
            else:  # even: left, one character in
                assert chars[0]["x0"] == pytest.approx(LEFT + 14, abs=TOLERANCE)


def test_title_is_22pt_and_centred(q3_pdf):
    with pdfplumber.open(q3_pdf) as pdf:
        first = body_lines(pdf.pages[0])[0]
        assert first[0]["size"] == pytest.approx(22, abs=0.1)
        middle = (first[0]["x0"] + first[-1]["x1"]) / 2
        assert middle == pytest.approx(LEFT + WIDTH / 2, abs=TOLERANCE)


def test_the_signature_never_stands_alone_on_a_page(tmp_path):
    """Whatever the text's length, the page with the signature and date holds text too."""
    from lianzheng_desktop.core.report_model import Paragraph, ReportDocument, Section
    from lianzheng_desktop.pdf.report_pdf import write_pdf

    for count in range(12, 36):  # one-line paragraphs: the text ends on every row in turn
        document = ReportDocument(
            title="关于党风廉政建设情况的报告", meta=["（测试）"],
            sections=[Section("一、履行责任情况", [Paragraph(f"第{n}项工作已完成。")
                                             for n in range(count)])],
            closing=["报告人：王建国", "2022年9月30日"])
        path = write_pdf(document, tmp_path / f"{count}.pdf")
        with pdfplumber.open(path) as pdf:
            pages = [page.extract_text() or "" for page in pdf.pages]
        signed = [text for text in pages if "报告人" in text]
        assert len(signed) == 1
        assert "项工作已完成" in signed[0], f"{count} paragraphs: the signature is alone"
        assert sum(text.count("项工作已完成") for text in pages) == count  # nothing lost
