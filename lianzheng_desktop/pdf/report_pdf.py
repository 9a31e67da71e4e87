"""The report as a PDF in the official document layout (GB/T 9704-2012).

Under the title, the period in its parenthesis and, on a line of its own, who reports.

Where the closing goes — one blank line, 附件说明, one blank line, 署名 and date, always
together and never on a page without text (公文不出现“此页无正文”):
1. under the text, when the page holds it;
2. else the last page of text is set closer (GB/T 9704 7.3.5.5: 调整行距), up to
   CLOSER_LINES lines more (26 lines, 24.5 pt apart: 1.5 times the 16 pt type) — and the
   page before it too when that is not enough — so the closing stays under the text;
3. else the last lines of the text go over with it: the last paragraph's last two lines,
   or all of it when it has three lines or fewer — with the heading, subheading and
   lead-in lines that introduce it, none of which ends a page without what it introduces
   (高建军's Q4 paper: "四、下一步工作打算", "下一步，本人将重点抓好以下工作：" and a
   two-line item go over together; left behind, the heading and lead-in would stand alone
   at the foot, and the page could hold them and the closing only set 29 lines close) —
   provided the page they leave ends no more than a quarter (QUARTER lines) blank;
4. else the pages are set closer still, up to CLOSER_MOST lines more (28 lines); only
   when even that does not hold it (a closing of half a page under a one-page text) do
   the lines go over as in 3, whatever is left blank.
A page never ends half blank in the middle of a sentence (revjiwei4 K11): a 纪委 reader
takes that for a printing fault or a deletion, and slightly closer lines for nothing.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from lianzheng_desktop.core.report_model import ReportDocument
from lianzheng_desktop.pdf.fonts import GETA, FontSet, default_fonts
from lianzheng_desktop.pdf.layout import (
    BLOCK_WIDTH,
    BODY_CHAR_SPACE,
    BODY_SIZE,
    CELL,
    LEFT,
    LINE_PITCH,
    LINES_PER_PAGE,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    TITLE_SIZE,
    split_byline,
)
from lianzheng_desktop.pdf.table import draw_table, lay_out
from lianzheng_desktop.pdf.writer import BreakCache, Writer
from lianzheng_desktop.whole_files import written_whole

Progress = Callable[[int, str], None]

# Compressed streams are written as bytes, not re-encoded in ASCII85 (a quarter larger and,
# on a 200-page annual report, a fifth of the time).
rl_config.useA85 = 0

# Where the closing goes (the rule is the module's doc): lines a page may be set closer
# by, and the text's lines that go over with the closing when that is not enough.
CLOSER_LINES = 4  # 26 lines a page, 24.5 pt apart: 1.5 times the 16 pt type
CLOSER_MOST = 6  # 28 lines, 22.8 pt apart: when carrying would leave the page too blank
CARRY_LINES = 2
QUARTER = LINES_PER_PAGE // 4  # blank lines a page may end with, before carried lines
SIGNATURE_INDENT = 4  # a long 署名 starts this many characters in at least


def write_pdf(document: ReportDocument, path: Path, fonts: FontSet | None = None,
              progress: Progress | None = None, notes: list[str] | None = None) -> Path:
    """Write ``document`` to ``path`` (atomically: a half-written file never remains).

    What the user must know about the result (characters no font has) is added to
    ``notes``, said in the progress callback's last message, and — when there is neither,
    as for the command line — written to stderr.
    """
    fonts = fonts or default_fonts()
    note = unprintable_note(unprintable(document, fonts))
    path = Path(path)
    report = progress or (lambda _p, _s: None)
    with written_whole(path) as partial:
        canvas = Canvas(str(partial), pagesize=(PAGE_WIDTH, PAGE_HEIGHT), pageCompression=1,
                        initialFontName=fonts.primary("song").name, initialFontSize=BODY_SIZE)
        canvas.setTitle(document.title)
        canvas.setAuthor(document.closing[0] if document.closing else "")
        canvas.setCreator("廉政台账")
        canvas.setSubject("述廉述责报告")
        report(5, "正在排版正文…")
        broken: BreakCache = {}  # the dry runs break the lines once for every run
        closer, carry = _closing_plan(document, fonts, broken)
        writer = Writer(canvas, fonts, broken, closer)
        _write_body(writer, document, carry=carry)
        for number, appendix in enumerate(document.appendices, start=1):
            share = 70 * number // max(1, len(document.appendices))
            report(20 + share, f"正在排版{appendix.title[:3]}…")
            writer.new_page()
            label, _, title = appendix.title.partition("　")
            writer.paragraph(label, "hei", indent=0)
            writer.blank()
            writer.centred(title or label, "xiaobiaosong", 18)
            writer.blank()
            # the note under a table does not go over to a page of its own
            note_rows = writer.paragraph_rows(appendix.note, indent=0) if appendix.note else 0
            draw_table(writer, lay_out(appendix, fonts), note_rows * LINE_PITCH)
            if appendix.note:
                writer.paragraph(appendix.note, indent=0)
        writer.finish()
    report(100, f"完成。{note}" if note else "完成")
    if note and notes is not None:
        notes.append(note)
    elif note and progress is None:
        print(note, file=sys.stderr)
    return path


def _texts(document: ReportDocument):
    yield document.title
    yield from document.meta
    for section in document.sections:
        yield section.heading
        yield from (p.text for p in section.paragraphs)
    yield from document.closing
    for appendix in document.appendices:
        yield appendix.title
        yield from appendix.columns
        yield appendix.note
        for row in appendix.rows:
            yield from row


def unprintable(document: ReportDocument, fonts: FontSet) -> list[tuple[str, str]]:
    """Each character no font has (neither the report's, nor a fallback on this computer or
    with the app), with a few characters around its first use: [("𠀾", "陈𠀾新")]."""
    found: dict[str, str] = {}
    for text in _texts(document):
        for i, ch in enumerate(text):
            if ch not in found and not fonts.printable(ch, "song"):
                found[ch] = text[max(0, i - 4):i + 5]
    return list(found.items())


def unprintable_note(missing: list[tuple[str, str]]) -> str:
    """One Chinese sentence for the user, or "" when every character can be printed."""
    if not missing:
        return ""
    places = "、".join(f"“{where}”" for _ch, where in missing[:3])
    more = f"等{len(missing)}处" if len(missing) > 3 else ""
    return (f"注意：{places}{more}中有本机和软件自带字体都没有的字（多为生僻字或表情符号），"
            f"PDF 中已用“{GETA}”标出，请改用常用写法或打印后手写补正。")


def attachment_names(document: ReportDocument) -> list[str]:
    """The appendices' names for 附件说明, without "附件N" and without a full stop."""
    names = []
    for appendix in document.appendices:
        label, _, title = appendix.title.partition("　")
        names.append((title or label).strip().rstrip("。．."))
    return names


def _attachment_note(writer: Writer, names: list[str], draw: bool) -> int:
    """附件说明 (GB/T 9704 7.3.4): "附件：1．名称" two characters in, each further number
    under the first, a long name's next line under its first character. Returns rows."""
    prefix_x = LEFT + 2 * CELL
    number_x = prefix_x + 3 * CELL  # "附件：" fills three places on the grid
    numbers = [f"{n}．" for n in range(1, len(names) + 1)]
    text_x = number_x + max(writer.natural(n) for n in numbers) + BODY_CHAR_SPACE
    rows = 0
    for n, (number, name) in enumerate(zip(numbers, names, strict=True)):
        if draw:
            if n == 0:
                writer.ensure_rows(1)
                writer.at("附件：", prefix_x)
                writer.row -= 1
            writer.hanging(number, number_x, name, text_x)
        rows += writer.hanging_rows(name, text_x)
    return rows


def _signature_lines(writer: Writer, closing: list[str]) -> tuple[list[str], str]:
    """(the 署名's lines, the date): a 署名 longer than the line leaves room for ("县总工会
    机关党支部书记、县总工会党组书记、常务副主席　王建国") breaks after a 、, the name kept
    with its last post (``split_byline``), so that it starts SIGNATURE_INDENT characters in
    at least and never runs into the left margin."""
    *names, day = closing if len(closing) > 1 else (closing + [""])
    room = BLOCK_WIDTH - (2 + SIGNATURE_INDENT) * CELL
    return [line for name in names for line in split_byline(name, writer.natural, room)], day


def _signature(writer: Writer, closing: list[str]) -> None:
    """署名 and 成文日期 without a seal (GB/T 9704 7.3.5.2): the 署名 two characters in from
    the right, the date on the next line starting two characters right of the 署名's
    first character; a longer date keeps two characters from the right and pushes the
    署名 left to keep the offset. A 署名 of several lines is one block, its lines starting
    under each other."""
    names, day = _signature_lines(writer, closing)
    right = LEFT + BLOCK_WIDTH - 2 * CELL
    name_x = right - max(writer.natural(n) for n in names)
    day_x = name_x + 2 * CELL
    if day and day_x + writer.natural(day) > right + 0.01:
        day_x = right - writer.natural(day)
        name_x = day_x - 2 * CELL
    for name in names:
        writer.at(name, name_x)
    if day:
        writer.at(day, day_x)


@dataclass(frozen=True)
class _BodyEnd:
    last_lines: int  # the last paragraph's lines
    page: int  # the page the text ends on
    alone: bool  # the closing began a page of its own
    blank_before: int  # lines left blank at the foot of the page before the closing's


def _write_body(writer: Writer, document: ReportDocument, carry: int = 0) -> _BodyEnd:
    """Title, meta, sections, 附件说明 and signature; the last ``carry`` lines of the text
    start a new page (all of the last paragraph, and the heading or lead-in before it,
    when fewer than two of its lines would stay behind)."""
    writer.centred(document.title, "xiaobiaosong", TITLE_SIZE)
    writer.blank()
    for line in _meta_lines(document):
        writer.centred(line, "kai", BODY_SIZE)
    writer.blank()
    blocks = []  # (text, role, is a heading)
    for section in document.sections:
        blocks.append((section.heading, "hei", True))
        # a （一） subheading keeps what follows as a heading does
        blocks += [(p.text, "kai" if p.level == 2 else "fangsong", p.level == 2)
                   for p in section.paragraphs]
    last_lines = 0
    last = len(blocks) - 1
    over = None  # the block that starts the closing's page
    if carry and carry >= writer.paragraph_rows(*blocks[last][:2]) - 1:
        over = last
        while over and (blocks[over - 1][2] or _leads_in(blocks[over - 1][0])):
            over -= 1
    for n, (text, role, _heading) in enumerate(blocks):
        if n == over and writer.row > 0:
            writer.new_page()
        writer.ensure_rows(_kept_with_next(writer, blocks, n))
        moved = carry if n == last and over is None else 0
        last_lines = writer.paragraph(text, role, carry=moved)
    text_page = writer.page
    names = attachment_names(document)
    note_rows = _attachment_note(writer, names, draw=False) if names else 0
    signature, day = _signature_lines(writer, document.closing) if document.closing \
        else ([], "")
    closing_rows = (note_rows + 1 if names else 0) + len(signature) + bool(day)
    alone = False
    if names or document.closing:
        # one blank line, then 附件说明, one blank line, the signature: kept together
        if writer.row + 1 + closing_rows > writer.lines:
            writer.new_page()
        else:
            writer.blank()
        alone = writer.page != text_page
        if names:
            _attachment_note(writer, names, draw=True)
            if document.closing:
                writer.blank()
        if document.closing:
            _signature(writer, document.closing)
    before = writer.feet[writer.page - 2] if writer.page > 1 else 0
    return _BodyEnd(last_lines, text_page, alone, before)


def _meta_lines(document: ReportDocument) -> list[str]:
    """The lines under the title: the period in its parenthesis, who reports on a line of
    their own. A member's short line came as one ("（2026年第四季度，截至11月30日　副主席
    高建军）", revjiwei4 K7) where the branch's came as two: the 署名 it holds is split off."""
    signer = document.closing[0] if len(document.closing) > 1 else ""
    lines = []
    for line in document.meta:
        period = line.removesuffix(f"　{signer}）") if signer else line
        lines += [f"{period}）", signer] if period != line and period.startswith("（") \
            else [line]
    return lines


def _leads_in(text: str) -> bool:
    """"下一步，将重点抓好以下工作：": a line that only introduces what follows."""
    return text.endswith("：")


def _kept_with_next(writer: Writer, blocks: list[tuple[str, str, bool]], n: int) -> int:
    """Rows block ``n`` needs on this page: a heading, and a lead-in line, never stand
    alone at a page's foot; each keeps with it what follows as far as that may begin on
    the page (``Writer.first_rows``; a heading followed by a lead-in keeps both)."""
    text, role, heading = blocks[n]
    if n + 1 >= len(blocks) or not (heading or _leads_in(text)):
        return 1
    rows = writer.paragraph_rows(text, role)
    # and the next, while it too only leads in (二、 then （一） then "…以下工作："), then
    # as much of what they lead to as may begin a page's foot (no line left alone)
    for following, next_role, next_heading in blocks[n + 1:]:
        if not (next_heading or _leads_in(following)):
            return rows + writer.first_rows(following, next_role)
        rows += writer.paragraph_rows(following, next_role)
    return rows + 1


def _closing_plan(document: ReportDocument, fonts: FontSet,
                  broken: BreakCache) -> tuple[dict[int, int], int]:
    """(lines more on each page set closer, lines of the text carried over): what keeps
    the closing with the text (see the module's doc), found by dry runs."""
    def run(closer: dict[int, int], carry: int = 0) -> _BodyEnd:
        return _write_body(Writer(None, fonts, broken, closer), document, carry)

    end = run({})
    if not end.alone:
        return {}, 0

    def closer_up_to(least: int, most: int) -> dict[int, int] | None:
        # the fewest lines more on any one page: on the last text page, then the one before
        for lines in range(least, most + 1):
            for before in range(lines + 1) if end.page > 1 else range(1):
                closer = {end.page: lines, end.page - 1: before} if before \
                    else {end.page: lines}
                if not run(closer).alone:
                    return closer
        return None

    closer = closer_up_to(1, CLOSER_LINES)
    if closer:
        return closer, 0
    carry = min(CARRY_LINES, end.last_lines)
    if run({}, carry).blank_before <= QUARTER:
        return {}, carry
    closer = closer_up_to(CLOSER_LINES + 1, CLOSER_MOST)
    return (closer, 0) if closer else ({}, carry)


def registered_font_names() -> list[str]:
    return pdfmetrics.getRegisteredFontNames()
