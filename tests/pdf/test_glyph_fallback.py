"""Characters the report's fonts lack: drawn from a fallback font, or marked and reported —
never left blank without a word (issue 17, finding 8)."""

import pdfplumber

from lianzheng_desktop.core.report_model import (
    SECTION_HEADINGS,
    Appendix,
    Paragraph,
    ReportDocument,
    Section,
)
from lianzheng_desktop.pdf.fonts import GETA, FontSet
from lianzheng_desktop.pdf.report_pdf import write_pdf

EXT_B = "\U00020B9F"  # 𠮟, CJK Extension B: in none of the bundled fonts


def _document(body: str, cell: str = "王建国") -> ReportDocument:
    return ReportDocument("标题", [], [Section(SECTION_HEADINGS[0], [Paragraph(body)])],
                          [Appendix("附件1　台账", ["主持人"], [[cell]], [1])])


def _chars(path):
    with pdfplumber.open(path) as pdf:
        return [c for page in pdf.pages for c in page.chars]


def test_an_emoji_is_drawn_from_the_bundled_fallback_font(tmp_path, capsys):
    path = write_pdf(_document("会上大家点赞👍，气氛热烈❤️。", cell="好😀"), tmp_path / "e.pdf",
                     fonts=FontSet(use_system=False))
    chars = _chars(path)
    for emoji in ("👍", "❤", "😀"):
        drawn = [c for c in chars if c["text"] == emoji]
        assert drawn, f"{emoji} is on the page"
        assert "Symbola" in drawn[0]["fontname"]
    assert not [c for c in chars if c["text"] == "\ufe0f"]  # the selector is not a glyph
    assert capsys.readouterr().err == ""  # nothing to report


def test_a_character_no_font_has_is_marked_and_reported_on_stderr(tmp_path, capsys):
    path = write_pdf(_document(f"责任人陈{EXT_B}新已完成整改。"), tmp_path / "b.pdf",
                     fonts=FontSet(use_system=False))
    text = "".join(c["text"] for c in _chars(path))
    assert f"陈{GETA}新" in text  # marked where it stands, not a blank
    err = capsys.readouterr().err
    assert "陈" in err and "新" in err and GETA in err and "字体都没有" in err


def test_the_gui_gets_the_note_in_its_last_progress_message(tmp_path, capsys):
    messages, notes = [], []
    write_pdf(_document("正文。", cell=f"陈{EXT_B}新"), tmp_path / "g.pdf",
              fonts=FontSet(use_system=False), progress=lambda p, m: messages.append((p, m)),
              notes=notes)
    assert messages[-1][0] == 100 and "字体都没有" in messages[-1][1]
    assert notes == [messages[-1][1].removeprefix("完成。")]
    assert capsys.readouterr().err == ""  # said once, where the user looks


def test_a_system_font_covering_extension_b_is_used(tmp_path, monkeypatch):
    """Where the computer has a font with the character (SimSun-ExtB on Windows), it is
    drawn from that font."""
    from lianzheng_desktop.pdf import fonts as fonts_module

    class Cover:  # a stand-in for simsunb.ttf: the bundled 宋体 claiming the character
        def __init__(self, real):
            self.real, self.name, self.path, self.bundled = real, real.name, real.path, False
            self.font = real.font

        def has(self, ch):
            return ch == EXT_B or self.real.has(ch)

    cover = Cover(fonts_module.load_bundled("song"))
    monkeypatch.setattr(fonts_module, "load_fallbacks", lambda system=True: (cover,))
    font_set = FontSet(use_system=False)
    assert font_set.printable(EXT_B, "fangsong")
    runs = font_set.runs(f"陈{EXT_B}新", "fangsong")
    assert [font for font, part in runs if EXT_B in part] == [cover]
