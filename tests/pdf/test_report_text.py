"""What the report says, read back from the PDF and compared with the ledgers."""

import re
from datetime import date
from pathlib import Path

import pdfplumber

from lianzheng_desktop.core.report_model import (
    SECTION_HEADINGS,
    Paragraph,
    ReportDocument,
    Section,
)
from lianzheng_desktop.pdf.fonts import default_fonts
from lianzheng_desktop.pdf.report_pdf import write_pdf
from lianzheng_desktop.storage.store import Query

Q3 = Query(start=date(2022, 7, 1), end=date(2022, 9, 30))


def text_of(path, pages=None):
    with pdfplumber.open(path) as pdf:
        chosen = pdf.pages if pages is None else pdf.pages[:pages]
        return "".join(re.sub(r"\s+", "", p.extract_text() or "") for p in chosen)


def test_section_one_states_the_databases_counts(q3_pdf, demo_store):
    text = text_of(q3_pdf, pages=3)
    meetings = demo_store.list("activity", Query(start=Q3.start, end=Q3.end, type="专题会议"))
    sessions = demo_store.list("warning_education", Q3)
    talks = demo_store.list("talk", Q3)
    items = demo_store.list("rectification")
    done = [i for i in items if i.completed_date and i.completed_date <= date(2022, 9, 30)]
    for meeting in meetings:  # each meeting: when, and what it was for
        assert f"{meeting.date.month}月{meeting.date.day}日召开党风廉政建设专题会议" in text
        assert meeting.topic in text
    total = f"共开展集中警示教育{len(sessions)}次、参加{sum(s.head_count for s in sessions)}人次"
    assert (total in text) == (len(sessions) > 1)  # one session: its own line says it all
    for session in sessions:
        assert session.topic in text and f"{session.host}主持，{session.head_count}人参加" in text
    for talk in talks:
        assert f"{talk.talker}与{'、'.join(talk.talkees)}开展{talk.type}" in text
    assert f"巡察反馈的{len(items)}个问题" in text and f"已完成整改{len(done)}件" in text


def test_the_four_headings_in_order(q3_pdf):
    text = text_of(q3_pdf)
    positions = [text.find(heading) for heading in SECTION_HEADINGS]
    assert all(p >= 0 for p in positions)
    assert positions == sorted(positions)
    assert text.startswith("县总工会机关党支部2022年第三季度党风廉政建设述廉述责报告")


def test_appendices_hold_the_checklist_and_the_ledgers(q3_pdf):
    text = text_of(q3_pdf)
    for title in ("附件1", "责任清单落实情况", "附件2", "警示教育台账", "附件3", "谈话记录台账",
                  "附件4", "整改事项台账", "附件5", "会议活动台账"):
        assert title in text
    assert "基层工会经费返还拨付不及时" in text


def test_a_character_missing_from_the_body_font_comes_from_another_font(tmp_path):
    fonts = default_fonts()
    body = fonts.primary("fangsong")
    missing = next(ch for ch in "€䶵•" if not body.has(ch))
    document = ReportDocument("标题", [], [Section(SECTION_HEADINGS[0],
                                                 [Paragraph(f"经费{missing}支出")])])
    path = write_pdf(document, tmp_path / "x.pdf")
    with pdfplumber.open(path) as pdf:
        chars = [c for c in pdf.pages[0].chars if c["text"] == missing]
    assert chars, "the character is in the text"
    assert body.font.face.name.decode() not in chars[0]["fontname"]


def test_a_leaders_own_report_reads_as_his(tmp_path, demo_store):
    """张志强's own Q3 report: no duty laid on him personally, so section 三 says that and no
    empty 附件1 is printed; his meetings are 参与研究部署, not the branch's 主体责任; one
    next step alone is not numbered 一是."""
    from lianzheng_desktop.core.report_content import build_document
    from lianzheng_desktop.core.report_model import ReportPeriod
    from lianzheng_desktop.storage.reports import load_report_data

    document = build_document(load_report_data(demo_store, ReportPeriod(2022, 3),
                                               person="张志强"))
    texts = document.section_texts()
    duty, nxt = texts[SECTION_HEADINGS[0]], texts[SECTION_HEADINGS[3]]
    assert "一是参与研究部署党风廉政建设工作。" in duty and "主体责任" not in duty
    # written on 31 December (the demo's clock): the item due 30 September is 逾期 by then
    assert nxt.splitlines()[1].startswith("抓紧完成逾期整改事项") and "一是" not in nxt
    path = write_pdf(document, tmp_path / "own.pdf")
    text = text_of(path)
    assert "年度工作要点没有对本人单独提出量化任务" in text
    assert "责任清单落实情况" not in text
    assert "（年度工作要点中没有逐人落实到本人的要求）" not in text
    assert "附件12022年第三季度警示教育台账" in text  # the annexes printed, numbered in turn


def test_a_long_line_under_the_title_breaks_between_its_parts_not_in_a_name(tmp_path):
    document = ReportDocument("张志强同志2026年第二季度述责述廉报告",
                              ["（2026年第二季度　某某县总工会党组成员、副主席　张志强）"],
                              [Section(SECTION_HEADINGS[0], [Paragraph("正文。")])])
    path = write_pdf(document, tmp_path / "meta.pdf")
    with pdfplumber.open(path) as pdf:
        lines = pdf.pages[0].extract_text().splitlines()
    # between the parts: the period, then who (the name with the post, never alone)
    assert lines[1:3] == ["（2026年第二季度", "某某县总工会党组成员、副主席 张志强）"]


def test_a_secretarys_long_title_breaks_after_a_post_and_keeps_the_name_with_the_last():
    """"县总工会机关党支部书记、县总工会党组书记、常务副主席　王建国" (31 characters) was
    printed as the whole title and "王建国" alone below it; now two centred lines of
    similar length, broken after a 、."""
    from tempfile import TemporaryDirectory

    who = "县总工会机关党支部书记、县总工会党组书记、常务副主席　王建国"
    document = ReportDocument("县总工会机关党支部2022年度党风廉政建设述廉述责报告",
                              ["（2022年度）", who],
                              [Section(SECTION_HEADINGS[0], [Paragraph("正文。")])])
    with TemporaryDirectory() as folder:
        path = write_pdf(document, Path(folder) / "meta.pdf")
        with pdfplumber.open(path) as pdf:
            page = pdf.pages[0]
            lines = {}
            for char in page.chars:
                if char["size"] == 16 and char["top"] < page.height / 3:
                    lines.setdefault(round(char["top"]), []).append(char)
    rows = [sorted(cs, key=lambda c: c["x0"]) for _top, cs in sorted(lines.items())]
    texts = ["".join(c["text"] for c in row) for row in rows]
    assert texts[1:3] == ["县总工会机关党支部书记、", "县总工会党组书记、常务副主席　王建国"]
    for row in rows[1:3]:  # each centred on the text block
        middle = (row[0]["x0"] + row[-1]["x1"]) / 2
        assert abs(middle - (28 + 156 / 2) * 72 / 25.4) < 1
