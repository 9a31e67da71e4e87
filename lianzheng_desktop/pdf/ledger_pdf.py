"""打印台账: one ledger's records (already filtered by the caller) as a titled table PDF.

A 序号 column first, then every field of the ledger; the page turns landscape when the
columns would not fit upright. Headers in 黑体, cells in 宋体 (pdf/fonts.py: the office
PC's fonts where present, else the bundled ones; a character a font lacks is drawn from
the next font of its chain). The title in 小标宋 as GB/T 9704 sets a document's title.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from lianzheng_desktop.core.ledgers import Kind, LedgerSpec
from lianzheng_desktop.core.records import LATE_MARK, Record, late_note
from lianzheng_desktop.pdf.columns import cell_lines, even_out, size_columns
from lianzheng_desktop.pdf.fonts import FontSet, default_fonts
from lianzheng_desktop.whole_files import written_whole

MARGIN = 15 * mm
NUMBER_WIDTH = 11 * mm  # 序号
# Preferred column widths. Short values (dates, 是/否, a choice, a name) keep theirs, so a
# date never breaks; the text columns share what the page has left.
WIDTHS = {Kind.DATE: 21 * mm, Kind.BOOL: 13 * mm, Kind.COUNT: 13 * mm, Kind.CHOICE: 22 * mm,
          Kind.PERSON: 16 * mm, Kind.PEOPLE: 38 * mm, Kind.TEXT: 40 * mm,
          Kind.LONGTEXT: 60 * mm}
TITLE_SIZE, NOTE_SIZE, CELL_SIZE = 18, 10.5, 9
PAD = 3.0  # a cell's padding left and right
SLACK = 0.5  # lines are broken this much short of the cell, so reportlab never breaks again


def cell_text(spec: LedgerSpec, record: Record, key: str) -> str:
    """A field's value as printed: dates as 2022-03-05, 是/否, names joined by 、."""
    value = getattr(record, key)
    kind = spec.field(key).kind
    if value is None:
        return ""
    if kind is Kind.DATE:
        return value.isoformat()
    if kind is Kind.BOOL:
        return "是" if value else "否"
    if kind is Kind.PEOPLE:
        return "、".join(value)
    return str(value)


def is_landscape(spec: LedgerSpec) -> bool:
    """Landscape when the ledger's columns at their preferred widths exceed an upright A4."""
    wanted = NUMBER_WIDTH + sum(WIDTHS[f.kind] for f in spec.fields)
    return wanted > A4[0] - 2 * MARGIN


def _markup(fonts: FontSet, text: str, role: str) -> str:
    lines = text.split("\n")
    return "<br/>".join(
        "".join(f'<font name="{font.name}">{escape(part)}</font>'
                for font, part in fonts.runs(line, role)) for line in lines)


def write_ledger_pdf(path: Path, spec: LedgerSpec, records: Sequence[Record], *,
                     title: str, note: str = "", printed_on: date,
                     fonts: FontSet | None = None) -> Path:
    """Write the table to ``path`` (a half-written file never remains); return the path.

    ``title`` heads the first page (e.g. "县总工会会议活动台账"); ``note`` says under it
    which records these are (the filter), and the printing date and count follow.
    """
    fonts = fonts or default_fonts()
    path = Path(path)
    size = landscape(A4) if is_landscape(spec) else A4
    narrow = {Kind.DATE, Kind.BOOL, Kind.COUNT, Kind.CHOICE, Kind.PERSON}
    header = ["序号", *(f.label for f in spec.fields)]
    # entered long after the day (补录), as the screen and the report's annexes mark it
    texts = [[str(n), *(cell_text(spec, r, f.key)
                        + (LATE_MARK if f.key == spec.date_field and r.late_entry else "")
                        for f in spec.fields)]
             for n, r in enumerate(records, start=1)]
    # widths from the content, as in the report's annexes: a date, a name, 已完成 whole
    widths = size_columns(header, texts, fonts, CELL_SIZE, 2 * PAD + SLACK,
                          size[0] - 2 * MARGIN)
    widths = even_out(widths, header, texts, fonts, CELL_SIZE, 2 * PAD + SLACK)

    song, hei = fonts.primary("song").name, fonts.primary("hei").name
    cell = ParagraphStyle("cell", fontName=song, fontSize=CELL_SIZE, leading=CELL_SIZE * 1.35,
                          wordWrap="CJK")
    centred = ParagraphStyle("centred", parent=cell, alignment=1)
    head = ParagraphStyle("head", parent=centred, fontName=hei)
    heading = ParagraphStyle("title", fontName=fonts.primary("xiaobiaosong").name,
                             fontSize=TITLE_SIZE,
                             leading=TITLE_SIZE * 1.4, alignment=1)
    small = ParagraphStyle("note", fontName=song, fontSize=NOTE_SIZE, leading=NOTE_SIZE * 1.5,
                           alignment=1)

    def broken(text: str, role: str, width: float, balanced: bool = False) -> list[str]:
        """The cell's lines as the report's tables break them (never inside a date or a
        name, no line opening with "，")."""
        return [line for part in text.split("\n") for line in (
            cell_lines(part, fonts.widths(part, role, CELL_SIZE), width - 2 * PAD - SLACK,
                       balanced) if part else [""])]

    rows = [[Paragraph(_markup(fonts, "\n".join(broken(text, "hei", w, True)), "hei"), head)
             for text, w in zip(header, widths, strict=True)]]
    styles = [centred] + [centred if f.kind in narrow else cell for f in spec.fields]
    line_counts = []
    for row_texts in texts:
        cells = [broken(text, "song", w) for text, w in zip(row_texts, widths, strict=True)]
        line_counts.append(max(len(lines) for lines in cells))
        rows.append([Paragraph(_markup(fonts, "\n".join(lines), "song"), style)
                     for lines, style in zip(cells, styles, strict=True)])
    if not records:
        rows.append([Paragraph(_markup(fonts, "（没有符合条件的记录）", "song"), cell)]
                    + [""] * len(spec.fields))
    # a row taller than a page (a pasted 10,000-character summary) goes on over the next
    table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1)
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
    ]
    if not records:
        commands.append(("SPAN", (0, 1), (-1, 1)))
    # a row more than half a page tall reads from its top, where it starts (in the middle,
    # its date and topic would come pages after its first lines)
    tall = (size[1] - 2 * MARGIN) / 2
    commands += [("VALIGN", (0, n), (-1, n), "TOP")
                 for n, lines in enumerate(line_counts, start=1) if lines * cell.leading > tall]
    table.setStyle(TableStyle(commands))

    facts = [note] if note else []
    facts += [f"共 {len(records)} 条", f"打印日期：{printed_on.year}年{printed_on.month}月"
              f"{printed_on.day}日"]
    story = [Paragraph(_markup(fonts, title, "xiaobiaosong"), heading), Spacer(1, 2 * mm),
             Paragraph(_markup(fonts, "　".join(facts), "song"), small), Spacer(1, 4 * mm),
             table]
    if any(r.late_entry for r in records) and spec.date_field is not None:
        label = spec.field(spec.date_field).label
        story += [Spacer(1, 2 * mm), Paragraph(_markup(
            fonts, late_note(label), "song"),
            ParagraphStyle("late", parent=small, alignment=0))]

    def page_number(canvas, doc) -> None:
        text = f"第 {doc.page} 页"
        canvas.setFont(song, NOTE_SIZE)
        canvas.drawCentredString(size[0] / 2, MARGIN / 2, text)

    with written_whole(path) as partial:
        document = SimpleDocTemplate(str(partial), pagesize=size, leftMargin=MARGIN,
                                     rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN,
                                     title=title, author="廉政台账", creator="廉政台账",
                                     subject=spec.label)
        document.build(story, onFirstPage=page_number, onLaterPages=page_number)
    return path
