"""打印台账: the PDF read back — title, header row, every record, one row each, 序号 in order."""

from __future__ import annotations

from datetime import date

import pdfplumber
import pytest

from lianzheng_desktop.core.ledgers import LEDGERS
from lianzheng_desktop.core.records import Activity
from lianzheng_desktop.pdf.ledger_pdf import cell_text, is_landscape, write_ledger_pdf
from lianzheng_desktop.storage.store import Query


def _tables(path):
    with pdfplumber.open(path) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
        rows = [row for page in pdf.pages for table in page.extract_tables() for row in table]
        sizes = [(page.width, page.height) for page in pdf.pages]
    return text, rows, sizes


def _flat(cell) -> str:
    return "".join((cell or "").split())


@pytest.mark.parametrize("ledger", ["roster", "warning_education", "talk", "rectification",
                                    "activity"])
def test_every_record_is_one_row_under_the_header(demo_store, tmp_path, ledger):
    spec = LEDGERS[ledger]
    records = demo_store.list(ledger, Query(oldest_first=True))
    path = write_ledger_pdf(tmp_path / "台账.pdf", spec, records, title=f"县总工会{spec.label}台账",
                            note="全部记录", printed_on=date(2022, 12, 31))
    text, rows, sizes = _tables(path)
    assert f"县总工会{spec.label}台账" in text
    assert "共 " + str(len(records)) + " 条" in text and "打印日期：2022年12月31日" in text
    header = [_flat(c) for c in rows[0]]
    assert header == ["序号", *(f.label for f in spec.fields)]
    body = [row for row in rows if [_flat(c) for c in row] != header]  # header repeats per page
    assert len(body) == len(records)
    assert [_flat(row[0]) for row in body] == [str(n) for n in range(1, len(records) + 1)]
    title_column = 1 + [f.key for f in spec.fields].index(spec.title_field)
    for row, record in zip(body, records, strict=True):
        assert _flat(row[title_column]) == _flat(cell_text(spec, record, spec.title_field))
    width, height = sizes[0]
    assert (width > height) == is_landscape(spec)


def test_wide_ledgers_turn_landscape_and_the_roster_does_not():
    assert is_landscape(LEDGERS["rectification"]) and is_landscape(LEDGERS["talk"])
    assert not is_landscape(LEDGERS["roster"])


def test_long_ledger_runs_over_pages_with_the_header_repeated(store, tmp_path):
    store.add("roster", {"name": "赵明", "role": "党员"})
    for day in range(1, 29):
        for month in (1, 2, 3):
            store.add("activity", {"date": f"2022-{month:02d}-{day:02d}", "type": "廉政学习",
                                   "topic": f"第{month}月{day}日学习", "attendees": "赵明"})
    records = store.list("activity", Query(oldest_first=True))
    path = write_ledger_pdf(tmp_path / "a.pdf", LEDGERS["activity"], records,
                            title="会议活动台账", printed_on=date(2022, 12, 31))
    text, rows, _ = _tables(path)
    headers = [row for row in rows if _flat(row[0]) == "序号"]
    assert len(headers) >= 2 and "第 2 页" in text
    assert len(rows) - len(headers) == len(records) == 84


def test_no_records_says_so(tmp_path):
    path = write_ledger_pdf(tmp_path / "e.pdf", LEDGERS["talk"], [], title="谈话记录台账",
                            note="2023年", printed_on=date(2023, 1, 5))
    text, _rows, _ = _tables(path)
    assert "没有符合条件的记录" in text and "共 0 条" in text
    assert not list(tmp_path.glob("*.part"))


def test_cells_break_as_the_reports_tables_do(demo_store, tmp_path):
    """Widths came from each field's kind, not its content: in 警示教育 the names in
    参加人员 broke inside ("张" over "志强") while 地点 stood half empty, and 《 ended a
    line. Now each line of a cell holds whole names and no 《 or “ ends one."""
    spec = LEDGERS["warning_education"]
    records = demo_store.list("warning_education", Query(oldest_first=True))
    path = write_ledger_pdf(tmp_path / "w.pdf", spec, records, title="警示教育台账",
                            printed_on=date(2022, 12, 31))
    _text, rows, _ = _tables(path)
    column = 1 + [f.key for f in spec.fields].index("attendees")
    body = rows[1:]
    assert len(body) == len(records)
    for row, record in zip(body, records, strict=True):
        lines = (row[column] or "").split("\n")
        assert len(lines) > 1  # a long list of names does break…
        for line in lines:  # …but only between names
            assert all(name in record.attendees for name in line.strip("、").split("、")), line
        for cell in row:
            for line in (cell or "").split("\n"):
                assert not line.endswith(("《", "“", "（")), line
                assert not line.startswith(("》", "”", "，", "、")), line
        day = row[1 + [f.key for f in spec.fields].index("date")]
        assert day == record.date.isoformat() + ("（补录）" if record.late_entry else "")


def test_records_entered_late_are_marked_on_the_printed_ledger(demo_store, tmp_path):
    """The form promises "台账和报告附件中注明" of a 补录 record; the printed ledger said
    nothing, so a 纪委 reader took it as kept on time (reviewer revnew, N-late-1)."""
    spec = LEDGERS["warning_education"]
    records = demo_store.list("warning_education", Query(oldest_first=True))
    late = [r for r in records if r.late_entry]
    assert late and len(late) < len(records)  # the demo has both kinds
    path = write_ledger_pdf(tmp_path / "w.pdf", spec, records, title="警示教育台账",
                            printed_on=date(2022, 12, 31))
    text, rows, _ = _tables(path)
    days = [row[1 + [f.key for f in spec.fields].index("date")] for row in rows[1:]]
    assert days.count(None) == 0
    assert sum(d.endswith("（补录）") for d in days) == len(late)
    assert "注：日期后注“补录”的，是事情发生后" in text.replace("\n", "")


def test_a_record_taller_than_a_page_runs_on_over_pages_from_its_top(tmp_path):
    """A pasted 11,000-character summary (the ledgers take 100,000) made reportlab give up
    ("too large on page"): printing failed. Now the row goes on over the pages, its date
    and topic on the first of them beside the summary's first lines."""
    summary = "认真学习党章党规党纪，" * 1000
    record = Activity(id=1, late_entry=False, created_at=None, updated_at=None,
                      date=date(2022, 3, 1), type="廉政学习", topic="专题学习", host="王建国",
                      attendees=("王建国",), summary=summary)
    path = write_ledger_pdf(tmp_path / "long.pdf", LEDGERS["activity"], [record],
                            title="会议活动台账", printed_on=date(2022, 3, 1))
    with pdfplumber.open(path) as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
    assert len(pages) > 2
    assert "2022-03-01" in pages[0] and "专题学习" in pages[0]
    assert all("序号" in page for page in pages)  # the header on every page
    # every word of it printed (a phrase may run over a page's foot: count one character)
    assert "".join(pages).count("认") == 1000
