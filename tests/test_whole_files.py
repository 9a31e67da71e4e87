"""A file the app writes over (an export, a report) is replaced whole or not at all."""

import pytest

from lianzheng_desktop.whole_files import written_whole


def test_the_new_content_replaces_the_file_only_when_written_in_full(tmp_path):
    target = tmp_path / "2022年第三季度述廉述责报告.pdf"
    target.write_bytes(b"the report handed in")
    with pytest.raises(OSError), written_whole(target) as partial:
        partial.write_bytes(b"half of a new")
        raise OSError(28, "No space left on device")
    assert target.read_bytes() == b"the report handed in"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]
    with written_whole(target) as partial:
        assert partial != target and not partial.exists()
        partial.write_bytes(b"the new report")
    assert target.read_bytes() == b"the new report"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_a_report_that_fails_half_way_leaves_the_one_handed_in(tmp_path, monkeypatch):
    from lianzheng_desktop.core.report_model import (
        SECTION_HEADINGS,
        Appendix,
        Paragraph,
        ReportDocument,
        Section,
    )
    from lianzheng_desktop.pdf import report_pdf

    document = ReportDocument("标题", [], [Section(SECTION_HEADINGS[0], [Paragraph("正文。")])],
                              [Appendix("附件1　台账", ["主持人"], [["王建国"]], [1])])
    target = report_pdf.write_pdf(document, tmp_path / "报告.pdf")
    handed_in = target.read_bytes()

    def full_disk(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(report_pdf, "draw_table", full_disk)  # the appendix, half-way
    with pytest.raises(OSError):
        report_pdf.write_pdf(document, target)
    assert target.read_bytes() == handed_in
    assert [p.name for p in tmp_path.iterdir()] == ["报告.pdf"]
