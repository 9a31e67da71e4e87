"""Export is data, never code: formula-looking text stays text, control characters never fail,
and the app's own export always imports again."""

import zipfile
from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from lianzheng_desktop.core.ledgers import LEDGERS, to_values
from lianzheng_desktop.interchange.xlsx import export_workbook, import_workbook
from lianzheng_desktop.storage.db import open_db
from lianzheng_desktop.storage.store import Store

FORMULA_LIKE = ['=HYPERLINK("http://example.com","点此查看")', "=1+1", "+86 123", "-", "-5",
                "@SUM(A1)", "#N/A", "=cmd|' /C calc'!A0"]


def fresh_store():
    store = Store(open_db(":memory:"), clock=lambda: datetime(2022, 12, 31, 17))
    store.add("roster", {"name": "王建国", "role": "书记"})
    return store


def sheet_xml(path, number):
    with zipfile.ZipFile(path) as archive:
        return archive.read(f"xl/worksheets/sheet{number}.xml").decode()


def test_formula_looking_text_is_written_as_text_and_read_back_unchanged(tmp_path):
    store = fresh_store()
    for i, text in enumerate(FORMULA_LIKE):
        store.add("activity", {"date": date(2022, 3, 1 + i), "type": "其他", "topic": text,
                               "summary": text, "attendees": "王建国"})
    export_workbook(store, tmp_path / "a.xlsx")
    assert "<f>" not in sheet_xml(tmp_path / "a.xlsx", 5) and "<f " not in sheet_xml(
        tmp_path / "a.xlsx", 5)
    sheet = load_workbook(tmp_path / "a.xlsx")["会议活动"]  # formulas, not cached values
    cells = [row[2] for row in sheet.iter_rows(min_row=2)]
    assert [c.value for c in cells] == FORMULA_LIKE
    assert {c.data_type for c in cells} == {"s"}
    assert all(c.quotePrefix for c in cells if c.value.startswith(("=", "+", "-", "@")))
    other = fresh_store()
    assert import_workbook(other, tmp_path / "a.xlsx").problems == []
    assert [a.topic for a in other.list("activity", )][::-1] == FORMULA_LIKE
    assert [a.summary for a in other.list("activity")][::-1] == FORMULA_LIKE


def test_control_characters_are_replaced_with_a_note_never_a_failure(tmp_path):
    store = fresh_store()
    store.add("activity", {"date": "2022-03-08", "type": "其他", "topic": "学习\x0b党章",
                           "summary": "第一段\x0b第二段\x07完", "attendees": "王建国"})
    result = export_workbook(store, tmp_path / "a.xlsx")
    assert len(result.notes) == 1
    assert result.notes[0].startswith("会议活动 第2行“主题”列、会议活动 第2行“内容摘要”列含有")
    head, row = list(load_workbook(tmp_path / "a.xlsx")["会议活动"].iter_rows(values_only=True))
    cells = dict(zip(head, row, strict=True))
    assert cells["主题*"] == "学习 党章" and cells["内容摘要"] == "第一段\n第二段完"
    other = fresh_store()
    assert import_workbook(other, tmp_path / "a.xlsx").problems == []
    assert other.list("activity")[0].summary == "第一段\n第二段完"
    assert store.list("activity")[0].summary == "第一段\x0b第二段\x07完"  # the ledger untouched


def test_a_clean_export_has_no_notes(demo_store, tmp_path):
    assert export_workbook(demo_store, tmp_path / "a.xlsx").notes == []


printable = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)
any_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                HealthCheck.function_scoped_fixture])
@given(topic=printable, summary=printable, place=any_text)
def test_the_apps_own_export_always_imports_again(topic, summary, place, tmp_path_factory):
    store = fresh_store()
    if not topic.strip():
        topic = "主题"
    store.add("warning_education", {"date": "2022-03-08", "form": "观看警示教育片",
                                    "topic": topic, "place": place, "summary": summary,
                                    "attendees": "王建国"})
    path = tmp_path_factory.mktemp("rt") / "a.xlsx"
    export_workbook(store, path)
    other = fresh_store()
    result = import_workbook(other, path)
    assert result.problems == [] and result.counts["警示教育"] == 1
    spec = LEDGERS["warning_education"]
    mine, theirs = store.list(spec.key)[0], other.list(spec.key)[0]
    if not any(ord(ch) < 32 and ch not in "\t\n\r" for ch in place):
        assert to_values(spec, mine) == to_values(spec, theirs)
    assert import_workbook(other, path).counts["警示教育"] == 0  # and never twice


# A failed save must not leave the sheets' XML writers half-run: thrown away, each printed an
# English traceback after the Chinese message (revcode F-B).
@pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning")
def test_an_export_that_fails_half_way_leaves_the_earlier_export_as_it_was(tmp_path,
                                                                          monkeypatch):
    """Last month's 廉政台账.xlsx, kept as the 设置 page advises, survives a full disk or a
    USB stick pulled while this month's export is written over it."""
    from openpyxl import Workbook

    from lianzheng_desktop.core.errors import UserError

    store = fresh_store()
    store.add("activity", {"date": date(2022, 3, 1), "type": "专题会议", "topic": "三月会议"})
    target = tmp_path / "廉政台账.xlsx"
    export_workbook(store, target)
    earlier = target.read_bytes()

    def save_half(book, filename):
        with open(filename, "wb") as handle:
            handle.write(b"PK\x03\x04 half a workbook")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Workbook, "save", save_half)
    store.add("activity", {"date": date(2022, 4, 1), "type": "专题会议", "topic": "四月会议"})
    with pytest.raises(UserError, match="无法写入"):
        export_workbook(store, target)
    assert target.read_bytes() == earlier
    assert load_workbook(target)["会议活动"].max_row == 2
    assert [p.name for p in tmp_path.iterdir()] == ["廉政台账.xlsx"]  # no .part left
    import gc

    gc.collect()  # the unsaved book's writers go now, under this test's filter


@pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning")
def test_an_export_to_a_folder_that_is_gone_says_so_and_nothing_else(tmp_path):
    """The USB stick pulled before 导出: one Chinese sentence, no traceback after it."""
    import gc

    from lianzheng_desktop.core.errors import UserError

    store = fresh_store()
    store.add("activity", {"date": date(2022, 3, 1), "type": "专题会议", "topic": "三月会议"})
    target = tmp_path / "U盘" / "廉政台账.xlsx"
    with pytest.raises(UserError) as raised:
        export_workbook(store, target)
    assert str(raised.value) == (f"无法写入“{target}”：找不到文件或文件夹（U盘可能已拔出）。"
                                 "如该文件已在 Excel 或 WPS 中打开，请先关闭。")
    del raised
    gc.collect()  # the unsaved book goes now: a half-run writer would be reported here
