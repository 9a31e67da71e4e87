"""Bad input: every case exits 1 with Chinese words, never the "unexpected fault" path,
and nothing is imported."""

import json
import subprocess
import sys
import zipfile

import pytest
from openpyxl import Workbook

from lianzheng_desktop.interchange import xlsx_read
from tests.interchange.test_xlsx import HEADERS, ROSTER, by_label, workbook

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol">{entities}]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>
""".format(entities="".join(
    f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
    for i in range(1, 10)))


def rewrite(path, member, content, out=None):
    """A copy of the workbook at ``path`` with one part replaced."""
    out = out or path.with_name("changed.xlsx")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == member:
                data = content.encode() if isinstance(content, str) else content
            target.writestr(info, data)
    return out


def meetings(tmp_path, rows=(("2022-03-08", "专题会议", "部署", "", ""),)):
    return workbook(tmp_path, {"会议活动": [list(r) for r in rows]})


@pytest.fixture(scope="module")
def bomb(tmp_path_factory):
    """A real workbook of about 1.5 MB whose one sheet unpacks to 1 GB of empty rows."""
    folder = tmp_path_factory.mktemp("bomb")
    small, path = meetings(folder), folder / "bomb.xlsx"
    chunk = b"<row/>" * (1 << 17)
    with zipfile.ZipFile(small) as source, zipfile.ZipFile(
            path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for info in source.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                archive.writestr(info.filename, source.read(info))
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            member.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
                         b'2006/main"><sheetData>')
            for _ in range(1365):
                member.write(chunk)
            member.write(b"</sheetData></worksheet>")
    return path


def run(cli, tmp_path, path):
    return cli("--db", str(tmp_path / "x.db"), "import", "--backfilled", str(path))


def one_error(code, err):
    assert code == 1, err
    assert "Traceback" not in err and "意外" not in err
    assert err.startswith("错误：") and err.count("\n") == 1, err
    return err


def test_an_old_xls_named_as_such_or_as_xlsx(tmp_path, cli):
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000)
    for name in ("台账.xls", "台账.xlsx"):
        (tmp_path / name).write_bytes(ole)
        err = one_error(*run(cli, tmp_path, tmp_path / name)[::2])
        assert "97-2003 旧格式（.xls）" in err and "另存为" in err


def test_a_csv_named_as_such_or_as_xlsx(tmp_path, cli):
    text = "日期,类型,主题\n2022-03-08,专题会议,部署\n".encode("gb18030")
    for name in ("台账.csv", "台账.xlsx"):
        (tmp_path / name).write_bytes(text)
        err = one_error(*run(cli, tmp_path, tmp_path / name)[::2])
        assert "是文本文件（如 CSV" in err


def test_a_real_workbook_named_xls_still_imports(tmp_path, cli):
    path = meetings(tmp_path).rename(tmp_path / "台账.xls")
    code, out, _ = run(cli, tmp_path, path)
    assert code == 0 and "新增 1 条" in out


def test_a_folder_an_empty_file_and_a_missing_file(tmp_path, cli):
    (tmp_path / "文件夹.xlsx").mkdir()
    assert "是一个文件夹" in one_error(*run(cli, tmp_path, tmp_path / "文件夹.xlsx")[::2])
    (tmp_path / "空.xlsx").write_bytes(b"")
    assert "是空文件" in one_error(*run(cli, tmp_path, tmp_path / "空.xlsx")[::2])
    assert "找不到文件" in one_error(*run(cli, tmp_path, tmp_path / "无.xlsx")[::2])


def test_a_zip_that_is_not_a_workbook_and_a_truncated_one(tmp_path, cli):
    with zipfile.ZipFile(tmp_path / "a.xlsx", "w") as archive:
        archive.writestr("word/document.xml", "<document/>")
    assert "格式不对" in one_error(*run(cli, tmp_path, tmp_path / "a.xlsx")[::2])
    whole = meetings(tmp_path).read_bytes()
    (tmp_path / "cut.xlsx").write_bytes(whole[: len(whole) // 2])
    assert "已损坏或不完整" in one_error(*run(cli, tmp_path, tmp_path / "cut.xlsx")[::2])


def test_a_malformed_sheet(tmp_path, cli):
    path = rewrite(meetings(tmp_path), "xl/worksheets/sheet1.xml",
                   '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                   '<sheetData><row r="1"><c r="A1" t="s"><v>99</v></c><row>')
    err = one_error(*run(cli, tmp_path, path)[::2])
    assert "内容已损坏或格式不对" in err
    path = rewrite(meetings(tmp_path), "xl/worksheets/sheet1.xml",  # found only when read
                   '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                   '<sheetData><row r="1"><c r="A1" t="s"><v>99</v></c></row></sheetData>'
                   "</worksheet>")
    err = one_error(*run(cli, tmp_path, path)[::2])
    assert "的工作表“会议活动”内容已损坏或格式不对" in err


def test_an_xml_entity_bomb_is_refused(tmp_path, cli):
    path = rewrite(meetings(tmp_path), "xl/worksheets/sheet1.xml", BILLION_LAUGHS)
    err = one_error(*run(cli, tmp_path, path)[::2])
    assert "不安全的 XML 内容" in err


def test_a_zip_bomb_is_refused_from_the_directory_before_opening(bomb, tmp_path, cli,
                                                                  monkeypatch):
    def never(*args, **kwargs):
        raise AssertionError("openpyxl must not open a bomb")

    monkeypatch.setattr(xlsx_read, "load_workbook", never)
    err = one_error(*run(cli, tmp_path, bomb)[::2])
    assert "解压后有 1,02" in err and "超过上限 400 MB" in err


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/status")
def test_a_zip_bomb_costs_little_memory(bomb, tmp_path):
    """In a process of its own, so its peak memory is its own."""
    code = (  # VmHWM: its own peak since exec (ru_maxrss would include pytest's at fork)
        "import json, re\n"
        "from lianzheng_desktop.cli import main\n"
        f"status = main(['--db', {str(tmp_path / 'x.db')!r}, 'import', {str(bomb)!r}])\n"
        "peak = int(re.search(r'VmHWM:\\s*(\\d+)', open('/proc/self/status').read())[1])\n"
        "print(json.dumps([status, peak / 1024]))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)
    status, peak_mb = json.loads(done.stdout.strip().splitlines()[-1])
    assert status == 1 and "超过上限" in done.stderr
    assert peak_mb < 200


def test_a_sheet_name_with_a_trailing_space_beside_the_real_one(tmp_path, cli):
    book = Workbook()
    book.remove(book.active)
    for title in ("会议活动", "会议活动 "):
        sheet = book.create_sheet(title)
        sheet.append(HEADERS["会议活动"])
        sheet.append(["2022-03-08", "专题会议", f"部署（{title}）", "", ""])
    book.save(tmp_path / "two.xlsx")
    code, _, err = run(cli, tmp_path, tmp_path / "two.xlsx")
    assert code == 1 and "未导入任何记录" in err
    assert "会议活动：工作簿中有 2 个工作表都是“会议活动”（“会议活动”、“会议活动 ”" in err


def test_a_duplicated_column_is_named_not_dropped(tmp_path, cli):
    book = Workbook()
    sheet = book.active
    sheet.title = "会议活动"
    sheet.append(["日期*", "类型*", "主题*", "内容摘要", "参加人员", "内容摘要"])
    sheet.append(["2022-03-08", "专题会议", "部署", "第一份", "", "第二份"])
    book.save(tmp_path / "dup.xlsx")
    code, _, err = run(cli, tmp_path, tmp_path / "dup.xlsx")
    assert code == 1
    assert "会议活动 第1行 “内容摘要”列：这一列出现了 2 次（第 D 列、第 F 列）" in err


def test_a_formula_without_a_stored_result_is_named_not_imported_as_empty(tmp_path, cli):
    book = Workbook()
    sheet = book.active
    sheet.title = "会议活动"
    sheet.append(HEADERS["会议活动"])
    sheet.append(by_label("会议活动", {"日期": "2022-03-08", "类型": "专题会议",
                                    "主题": '=CONCAT("部署","工作")', "内容摘要": "=C2"}))
    book.save(tmp_path / "f.xlsx")  # openpyxl stores formulas without results
    code, _, err = run(cli, tmp_path, tmp_path / "f.xlsx")
    assert code == 1
    assert "会议活动 第2行 “主题”列：是公式，但文件中没有保存它的计算结果" in err
    assert "会议活动 第2行 “内容摘要”列：是公式" in err


def test_a_formula_with_its_stored_result_imports_the_result(tmp_path, cli):
    book = Workbook()
    sheet = book.active
    sheet.title = "会议活动"
    sheet.append(HEADERS["会议活动"])
    sheet.append(["2022-03-08", "专题会议", '=CONCAT("部署","工作")', "", ""])
    book.save(tmp_path / "f.xlsx")
    with zipfile.ZipFile(tmp_path / "f.xlsx") as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<v></v>" in xml or "<v />" in xml or "<v/>" in xml
    for empty in ("<v></v>", "<v />", "<v/>"):
        xml = xml.replace(empty, "<v>部署工作</v>")
    xml = xml.replace('<c r="C2"', '<c r="C2" t="str"')
    path = rewrite(tmp_path / "f.xlsx", "xl/worksheets/sheet1.xml", xml)
    code, out, err = run(cli, tmp_path, path)
    assert code == 0, err
    code, out, _ = cli("--db", str(tmp_path / "x.db"), "export", str(tmp_path / "o.xlsx"))
    from openpyxl import load_workbook
    assert load_workbook(tmp_path / "o.xlsx")["会议活动"]["C2"].value == "部署工作"


def test_size_and_row_limits_say_so(tmp_path, cli, monkeypatch):
    path = workbook(tmp_path, {"人员名册": ROSTER, "会议活动": [
        ["2022-03-08", "专题会议", f"部署{i}", "", ""] for i in range(10)]})
    monkeypatch.setattr(xlsx_read, "MAX_ROWS", 8)
    err = one_error(*run(cli, tmp_path, path)[::2])
    assert "行数超过一次导入的上限 8 行" in err
    monkeypatch.setattr(xlsx_read, "MAX_FILE_BYTES", 1000)
    err = one_error(*run(cli, tmp_path, path)[::2])
    assert "超过一次导入的上限" in err and "MB" in err
    assert cli("--db", str(tmp_path / "x.db"), "export", str(tmp_path / "o.xlsx"))[0] == 0


def test_nothing_was_imported_by_any_bad_input(tmp_path, cli):
    ole = tmp_path / "a.xls"
    ole.write_bytes(b"\xd0\xcf\x11\xe0" + bytes(100))
    run(cli, tmp_path, ole)
    code, out, _ = cli("--db", str(tmp_path / "x.db"), "export", str(tmp_path / "o.xlsx"))
    assert "人员名册 0 条" in out and "会议活动 0 条" in out


def sheet_of(tmp_path, body, name="crafted.xlsx"):
    """A real workbook whose 会议活动 sheet is ``body`` (inside <worksheet>)."""
    xml = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           f"{body}</worksheet>")
    return rewrite(meetings(tmp_path), "xl/worksheets/sheet1.xml", xml, tmp_path / name)


def test_a_sheet_of_empty_rows_is_refused_before_openpyxl_keeps_them(tmp_path, cli):
    path = sheet_of(tmp_path, "<sheetData>" + "<row/>" * 300_000 + "</sheetData>")
    err = one_error(*run(cli, tmp_path, path)[::2])
    assert "的工作表共有 300,000 行，超过一次导入的上限 250,000 行" in err


def test_a_row_wider_than_excel_is_refused(tmp_path, cli):
    path = sheet_of(tmp_path, '<sheetData><row r="1">' + "<c/>" * 16_385 + "</row></sheetData>")
    err = one_error(*run(cli, tmp_path, path)[::2])
    assert "有一行超过 16,384 个单元格" in err


def test_too_many_other_entries_cells_or_text(tmp_path, cli, monkeypatch):
    from lianzheng_desktop.interchange import xlsx_scan

    path = sheet_of(tmp_path, "<cols>" + '<col min="1" max="1"/>' * 300 + "</cols><sheetData/>")
    monkeypatch.setattr(xlsx_scan, "MAX_OTHER", 200)
    assert "300 项其他内容" in one_error(*run(cli, tmp_path, path)[::2])
    path = sheet_of(tmp_path, "<sheetData>" + '<row><c t="n"><v>1</v></c></row>' * 20
                    + "</sheetData>", "cells.xlsx")
    monkeypatch.setattr(xlsx_scan, "MAX_CELLS", 10)
    assert "有 20 个单元格" in one_error(*run(cli, tmp_path, path)[::2])
    path = sheet_of(tmp_path, '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
                    + "长" * 2_000 + "</t></is></c></row></sheetData>", "text.xlsx")
    monkeypatch.setattr(xlsx_scan, "MAX_TEXT_BYTES", 5_000)
    assert "中有一段文字超过" in one_error(*run(cli, tmp_path, path)[::2])


def test_a_huge_shared_string_table_or_style_part_is_refused(tmp_path, cli, monkeypatch):
    from lianzheng_desktop.interchange import xlsx_scan

    strings = "<sst>" + "<si><t>文字</t></si>" * 5 + "</sst>"  # as Excel keeps its text
    path = rewrite(meetings(tmp_path), "xl/sharedStrings.xml", strings)
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("xl/sharedStrings.xml", strings)
    monkeypatch.setattr(xlsx_scan, "MAX_STRINGS", 3)
    assert "文字表过大" in one_error(*run(cli, tmp_path, path)[::2])
    monkeypatch.setattr(xlsx_scan, "MAX_PART_BYTES", 200)
    err = one_error(*run(cli, tmp_path, meetings(tmp_path))[::2])
    assert "部分有 0 MB" in err or "超过上限 0 MB" in err


def test_a_file_that_cannot_be_read_or_is_not_a_plain_file(tmp_path, cli, monkeypatch):
    import os
    from pathlib import Path

    path = meetings(tmp_path)
    real_open = Path.open

    def refuse(self, *args, **kwargs):
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    err = one_error(*run(cli, tmp_path, path)[::2])
    assert "无法读取“in.xlsx”" in err and "请先关闭" in err
    monkeypatch.undo()
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.xlsx")
        assert "不是普通文件" in one_error(*run(cli, tmp_path, tmp_path / "pipe.xlsx")[::2])
