"""The .docx read back through LibreOffice: the same page the PDF prints.

LibreOffice converts the file headless to PDF, which is measured as the PDF tests measure
ours: characters per line, lines per page, page numbers. The fonts are the bundled ones,
named to LibreOffice under the Windows names the file asks for (仿宋, 黑体, …), so the
measure does not depend on what the machine has installed. ``python3 tasks.py test``
installs LibreOffice when it can; without it these tests are skipped, saying why.
"""

import os
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest

from lianzheng_desktop.app.reports import write_report
from lianzheng_desktop.core.report_model import (
    Appendix,
    Paragraph,
    ReportDocument,
    ReportPeriod,
    Section,
)
from lianzheng_desktop.pdf.layout import NO_LINE_START
from lianzheng_desktop.wordexport.report_docx import write_docx

FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts"
MM = 72 / 25.4
LEFT, TOP, WIDTH, HEIGHT = 28 * MM, 37 * MM, 156 * MM, 225 * MM
CELL = WIDTH / 28
ALIASES = {"仿宋": "AR PL SungtiL GB", "宋体": "AR PL SungtiL GB",
           "方正小标宋简体": "AR PL SungtiL GB", "楷体": "AR PL KaitiM GB",
           "黑体": "WenQuanYi Micro Hei"}

pytestmark = pytest.mark.slow


def _soffice():
    return shutil.which("soffice") or shutil.which("libreoffice")


def _fontconfig(folder: Path) -> Path:
    aliases = "".join(
        f'<alias binding="same"><family>{name}</family><prefer><family>{font}</family>'
        "</prefer></alias>" for name, font in ALIASES.items())
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f"<dir>{FONTS}</dir><cachedir>{folder / 'fc-cache'}</cachedir>{aliases}"
        "</fontconfig>", encoding="utf-8")
    return conf


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    """The demo's Q3 report and a long table, as LibreOffice prints them."""
    soffice = _soffice()
    if soffice is None:
        pytest.skip("LibreOffice (soffice) 未安装：python3 tasks.py test 以 root 身份在 Debian 上"
                    "运行时会自动安装 libreoffice-writer-nogui")
    from lianzheng_desktop.core.demo import PROFILE, demo_year
    from lianzheng_desktop.storage.db import open_db
    from lianzheng_desktop.storage.demo_loader import load_entries
    from lianzheng_desktop.storage.store import Store
    from tests.conftest import FIXED_NOW
    from tests.pdf.conftest import OWN_WORDS

    folder = tmp_path_factory.mktemp("lo")
    store = Store(open_db(":memory:"), clock=lambda: FIXED_NOW)
    load_entries(store, demo_year(), PROFILE)
    write_report(store, ReportPeriod(2022, 3), folder / "q3.docx", texts=OWN_WORDS)
    rows = [[f"XC-2022-{n:02d}", "工会经费支出审批手续不规范，部分报销单据缺少经办人签字", "陈立新",
             "2022-05-31"] for n in range(80)]
    prose = [Paragraph("党风廉政建设责任制落实情况全面梳理检查" * (2 + n % 4)) for n in range(30)]
    long = ReportDocument("关于整改情况的报告", [], [Section("一、情况", prose)],
                          [Appendix("附件1　整改事项台账", ["编号", "问题", "责任人", "整改时限"],
                                    rows, [1, 1, 1, 1])], closing=["王建国", "2022年9月30日"])
    write_docx(long, folder / "long.docx")
    env = {**os.environ, "HOME": str(folder / "home"), "FONTCONFIG_FILE": str(_fontconfig(folder))}
    subprocess.run([soffice, "--headless", "--norestore", "--convert-to", "pdf", "--outdir",
                    str(folder), str(folder / "q3.docx"), str(folder / "long.docx")],
                   env=env, check=True, capture_output=True, timeout=180)
    return folder / "q3.pdf", folder / "long.pdf"


def lines_of(page):
    rows = {}
    for char in page.chars:
        if char["top"] < TOP + HEIGHT + 2 * MM and char["text"].strip():
            rows.setdefault(round(char["top"]), []).append(char)
    return [sorted(cs, key=lambda c: c["x0"]) for _, cs in sorted(rows.items())]


def text(line):
    return "".join(c["text"] for c in line)


@pytest.mark.parametrize("which", [0, 1], ids=["demo", "long"])
def test_lines_hold_28_characters_and_first_lines_26(converted, which):
    with pdfplumber.open(converted[which]) as pdf:
        lines = [line for page in pdf.pages[:3] for line in lines_of(page)
                 if line[0]["size"] == pytest.approx(16, abs=0.2)]
    full = first = 0
    for line, after in zip(lines, lines[1:], strict=False):
        if not all(ord(c["text"]) > 0x2E80 for c in line):
            continue  # half-width digits make a line hold more
        pushed = after[1]["text"] in NO_LINE_START
        continues = after[0]["x0"] == pytest.approx(LEFT, abs=1)
        if line[0]["x0"] == pytest.approx(LEFT, abs=1) and continues:
            assert len(line) == 28 or (len(line) == 27 and pushed), text(line)
            full += 1
        elif line[0]["x0"] == pytest.approx(LEFT + 2 * CELL, abs=1.5) and continues:
            assert len(line) == 26 or (len(line) == 25 and pushed), text(line)
            first += 1
    # the demo's first lines mostly hold digits or quotation marks (half-width here): two
    # of them are all full-width; the long document has many
    assert full >= 3 and first >= (2 if which == 0 else 3)


def test_a_page_of_text_holds_22_lines_on_the_grid(converted):
    with pdfplumber.open(converted[1]) as pdf:
        lines = lines_of(pdf.pages[1])
    assert len(lines) == 22
    assert lines[0][0]["top"] == pytest.approx(TOP, abs=2 * MM)
    tops = [line[0]["top"] for line in lines]
    assert all(b - a == pytest.approx(HEIGHT / 22, abs=0.6) for a, b in zip(tops, tops[1:],
                                                                             strict=False))


def test_page_numbers_odd_right_even_left_7mm_below(converted):
    with pdfplumber.open(converted[0]) as pdf:
        for number, page in enumerate(pdf.pages[:4], start=1):
            chars = [c for c in page.chars if c["top"] > TOP + HEIGHT + 2 * MM
                     and c["text"].strip()]
            assert text(chars) == f"—{number}—"
            assert chars[0]["top"] == pytest.approx(TOP + HEIGHT + 7 * MM, abs=1 * MM)
            if number % 2:
                assert chars[-1]["x1"] == pytest.approx(LEFT + WIDTH - 14, abs=1 * MM)
            else:
                assert chars[0]["x0"] == pytest.approx(LEFT + 14, abs=1 * MM)


def test_the_table_header_repeats_on_every_page(converted):
    with pdfplumber.open(converted[1]) as pdf:
        table_pages = [page for page in pdf.pages if "XC-2022" in (page.extract_text() or "")]
        assert len(table_pages) >= 2
        for page in table_pages:
            first = lines_of(page)[0] if "附件" not in text(lines_of(page)[0]) else None
            if first is not None:
                assert text(first).startswith("编号问题"), text(first)
            words = (page.extract_text() or "").replace(" ", "")
            assert "XC-2022-" in words and "陈立新" in words and "2022-05-31" in words
