"""A plan published as PDF: its text read (lines wrapped on the page, page numbers left
out), and a PDF that holds no text (scanned), is locked or damaged refused in one plain
sentence. The PDFs are made here with reportlab and the bundled Song font, as a word
processor's "另存为 PDF" would lay out a plan: a title, numbered items, long sentences
wrapped, "- 1 -" at the foot of each page."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.core.plan_parser import parse_plan
from lianzheng_desktop.interchange.plan_files import read_plan_file, unwrap
from lianzheng_desktop.pdf.fonts import load_bundled

PLANS = Path(__file__).resolve().parents[1] / "fixtures" / "plans"

# as laid out on two A4 pages, 25 characters a line: the first duty wraps mid-word
PAGES = [
    ["2026年党风廉政建设工作要点",
     "一、加强警示教育",
     "1.每季度至少开展1次集中警示教育，组织党员干",
     "部观看警示教育片、学习典型案例通报。",
     "二、落实谈心谈话制度",
     "2.党支部书记每半年至少与支部委员开展1次谈心",
     "谈话。"],
    ["三、压实主体责任",
     "3.每季度至少召开1次党风廉政建设专题会议，研",
     "究部署党风廉政建设工作。"],
]


def plan_pdf(path: Path, pages: list[list[str]], footer: str = "- {} -") -> Path:
    font = load_bundled("song").name
    pdf = canvas.Canvas(str(path))
    for number, lines in enumerate(pages, 1):
        y = 780
        for line in lines:
            pdf.setFont(font, 15 if y == 780 and number == 1 else 13)
            pdf.drawString(60, y, line)
            y -= 26
        pdf.setFont(font, 10)
        pdf.drawCentredString(297, 40, footer.format(number))
        pdf.showPage()
    pdf.save()
    return path


PARAGRAPHS = [
    "2026年党风廉政建设工作要点",
    "一、加强警示教育",
    "1.每季度至少开展1次集中警示教育，组织党员干部观看警示教育片、学习典型案例通报。",
    "二、落实谈心谈话制度",
    "2.党支部书记每半年至少与支部委员开展1次谈心谈话。",
    "三、压实主体责任",
    "3.每季度至少召开1次党风廉政建设专题会议，研究部署党风廉政建设工作。",
]


def test_a_text_pdf_is_read_as_its_paragraphs_without_page_numbers(tmp_path):
    text = read_plan_file(plan_pdf(tmp_path / "要点.pdf", PAGES, footer="— {} —"))
    assert text.splitlines() == PARAGRAPHS  # wrapped lines joined, across the page too
    draft = parse_plan(text)
    assert draft.year == 2026
    described = {r.item: (r.period.value, r.target, r.counts.ledger if r.counts else None)
                 for r in draft.requirements}
    assert described == {"1": ("quarter", 1, "warning_education"),
                         "2": ("half", 1, "talk"),
                         "3": ("quarter", 1, "activity")}
    assert not draft.unread


@pytest.mark.parametrize("footer", ["- {} -", "第 {} 页", "{}/2", "{}"])
def test_each_common_page_number_is_left_out(tmp_path, footer):
    text = read_plan_file(plan_pdf(tmp_path / "a.pdf", PAGES, footer=footer))
    assert text.splitlines() == PARAGRAPHS


def test_a_line_of_the_plan_starting_with_a_number_is_kept(tmp_path):
    pages = [["2026年工作要点", "1.每季度至少开展1次集中警示教育。", "2026"]]
    text = read_plan_file(plan_pdf(tmp_path / "a.pdf", pages, footer=""))
    assert "1.每季度至少开展1次集中警示教育。" in text.splitlines()


def test_a_full_line_goes_on_in_the_next_unless_that_starts_an_item():
    full = "每季度至少召开1次党风廉政建设专题会议，研究部署党风廉政"  # a full line
    assert unwrap(["2026年工作要点", f"1.{full}", "建设工作。", f"2.{full}",
                   "（一）每半年开展1次谈心谈话。", f"3.{full}", "三是每年1次。"]) == [
        "2026年工作要点", f"1.{full}建设工作。", f"2.{full}", "（一）每半年开展1次谈心谈话。",
        f"3.{full}", "三是每年1次。"]


def test_the_narrow_lines_of_a_list_or_table_are_left_as_they_are():
    lines = ["党支部书记  张三", "组织委员  李四", "纪检委员  王五", "宣传委员  赵六"]
    assert unwrap(lines) == lines


@pytest.mark.parametrize("name", ["heldout/H24-pingxiang-xueyuan-zuzhi-shenghuo.txt",
                                  "real/43-dangyuan-xuexi-zhidu.txt",
                                  "heldout/H12-yiyuan-dangqun-gongzuo-lihui.txt"])
def test_a_real_plan_printed_to_pdf_reads_as_its_text_does(tmp_path, name):
    """Laid out as a word processor would (28 characters a line, 30 lines a page): the
    requirements read from the PDF are those read from the text. (Of the 170 plans in
    tests/fixtures/plans, left wrapped: 98 read the same; joined as here: 126.)"""
    text = (PLANS / name).read_text(encoding="utf-8")
    lines = [part.strip()[i:i + 28] for part in text.splitlines() if part.strip()
             for i in range(0, len(part.strip()), 28)]
    pages = [lines[i:i + 30] for i in range(0, len(lines), 30)]
    from_pdf = parse_plan(read_plan_file(plan_pdf(tmp_path / "a.pdf", pages)))
    from_text = parse_plan(text)
    assert [(r.item, r.text, r.period, r.target) for r in from_pdf.requirements] == \
        [(r.item, r.text, r.period, r.target) for r in from_text.requirements]
    assert from_text.requirements


def test_a_scanned_pdf_says_it_has_no_text_and_what_to_do(tmp_path):
    path = tmp_path / "要点.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.rect(60, 60, 470, 700, fill=1)  # a page's picture, no text
    pdf.showPage()
    pdf.save()
    with pytest.raises(UserError) as caught:
        read_plan_file(path)
    assert str(caught.value) == ("“要点.pdf”中没有可读取的文字（可能是扫描件），请用文字版或 Word "
                                 "文档导入，或复制文字后粘贴。")


def test_a_pdf_with_an_opening_password_says_so(tmp_path):
    path = tmp_path / "要点.pdf"
    pdf = canvas.Canvas(str(path), encrypt="mima")
    pdf.setFont(load_bundled("song").name, 13)
    pdf.drawString(60, 700, "一、每季度至少开展1次集中警示教育。")
    pdf.showPage()
    pdf.save()
    with pytest.raises(UserError, match="“要点.pdf”设有打开密码"):
        read_plan_file(path)


@pytest.mark.parametrize("content", [b"<html><body>not a pdf</body></html>", b"%PDF-1.4\n1 0"])
def test_a_damaged_pdf_is_refused_plainly(tmp_path, content):
    path = tmp_path / "要点.pdf"
    path.write_bytes(content)
    with pytest.raises(UserError) as caught:
        read_plan_file(path)
    assert str(caught.value).startswith("“要点.pdf”不是可读取的 PDF 文件")
    assert "编码" not in str(caught.value)


def test_a_damaged_pdf_on_the_command_line_prints_one_chinese_sentence(tmp_path):
    """pypdf warns in English through logging ("invalid pdf header"): not shown. (Run
    apart: under pytest, logging goes to pytest's own handlers, not to stderr.)"""
    path = tmp_path / "要点.pdf"
    path.write_bytes(b"<html><body>not a pdf</body></html>")
    run = subprocess.run(
        [sys.executable, "-c", "import sys; from lianzheng_desktop.cli import main; "
         "sys.exit(main(sys.argv[1:]))", "--db", str(tmp_path / "p.db"), "plan", "import",
         str(path)], capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert run.returncode == 1
    assert run.stderr.strip().splitlines() == [
        "错误：“要点.pdf”不是可读取的 PDF 文件（可能已损坏）。请用文字版或 Word 文档导入，"
        "或复制文字后粘贴。"]


def test_plan_import_of_a_pdf_on_the_command_line(tmp_path, cli):
    db = str(tmp_path / "p.db")
    code, out, err = cli("--db", db, "plan", "import", str(plan_pdf(tmp_path / "要点.pdf", PAGES)))
    assert (code, err) == (0, "")
    assert "已导入2026年度计划：3 条工作要点，3 项要求，其中 3 项有数量指标" in out


def test_plan_import_of_a_scanned_pdf_on_the_command_line_says_why(tmp_path, cli):
    path = tmp_path / "要点.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.showPage()
    pdf.save()
    code, _, err = cli("--db", str(tmp_path / "p.db"), "plan", "import", str(path))
    assert code == 1
    assert "“要点.pdf”中没有可读取的文字（可能是扫描件）" in err and "编码" not in err
    assert len(err.strip().splitlines()) == 1
