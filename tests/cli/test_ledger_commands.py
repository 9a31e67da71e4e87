import subprocess
import sys

from openpyxl import Workbook

from lianzheng_desktop.cli import main


def test_demo_fills_an_empty_database_and_refuses_a_second_time(tmp_path, cli):
    db = str(tmp_path / "demo.db")
    code, out, _ = cli("--db", db, "demo")
    assert code == 0 and "示范数据" in out
    code, _, err = cli("--db", db, "demo")
    assert code == 1
    assert err.startswith("错误：数据库中已有记录") and "Traceback" not in err


def test_export_then_import(tmp_path, cli):
    db = str(tmp_path / "a.db")
    cli("--db", db, "demo")
    code, out, _ = cli("--db", db, "export", str(tmp_path / "a.xlsx"))
    assert code == 0 and "整改事项 6 条" in out
    code, out, _ = cli("--db", str(tmp_path / "b.db"), "import", "--backfilled",
                       str(tmp_path / "a.xlsx"))
    assert code == 0
    assert "导入：新增 50 条，已存在 0 条（跳过），冲突 0 条。" in out
    assert "谈话记录：新增 8 条，已存在 0 条，冲突 0 条" in out


def test_an_excel_ledger_kept_on_time_is_taken_over_without_the_late_mark(tmp_path, cli):
    """The demo's 2022 records imported today are years after their dates: 补录 by default
    (said, with the way out), not with --kept-on-time (the office's own ledger, kept as
    things happened)."""
    import sqlite3

    db = str(tmp_path / "a.db")
    cli("--db", db, "demo")
    cli("--db", db, "export", str(tmp_path / "a.xlsx"))

    def marked(name, *flags):
        code, out, err = cli("--db", str(tmp_path / name), "import", *flags,
                             str(tmp_path / "a.xlsx"))
        assert code == 0, err
        with sqlite3.connect(tmp_path / name) as conn:
            return out, conn.execute("SELECT count(*), sum(late_entry) FROM talk").fetchone()

    code, _, err = cli("--db", str(tmp_path / "a2.db"), "import", str(tmp_path / "a.xlsx"))
    assert code == 1 and "没有导入" in err and "请加 --kept-on-time" in err  # asked first
    out, (talks, late) = marked("b.db", "--backfilled")
    assert talks == 8 and late == 8
    assert "其中 38 条录入时距活动日期已超过7天：已标为“补录”。" in out
    out, (talks, late) = marked("c.db", "--kept-on-time")
    assert talks == 8 and late == 0
    assert "按原台账导入，未标“补录”" in out
    # the question answered, not asked again in the window's words (revloss2 L-2)
    assert "新增的记录中有" not in out and "选“按原台账导入”" not in out
    code, out, _ = cli("--db", str(tmp_path / "d.db"), "import", "--dry-run",
                       str(tmp_path / "a.xlsx"))
    assert code == 0 and "（加 --kept-on-time）" in out and "选“按原台账导入”" not in out


def test_export_does_not_replace_an_existing_workbook_unless_told(tmp_path, cli):
    db = str(tmp_path / "a.db")
    cli("--db", db, "demo")
    mine = tmp_path / "我的台账.xlsx"
    mine.write_bytes(b"the secretary's own ledger")
    code, _, err = cli("--db", db, "export", str(mine))
    assert code == 1 and "已存在，没有导出" in err and "--overwrite" in err
    assert mine.read_bytes() == b"the secretary's own ledger"
    code, out, _ = cli("--db", db, "export", "--overwrite", str(mine))
    assert code == 0 and "整改事项 6 条" in out


def test_a_second_import_adds_nothing_and_says_so(tmp_path, cli):
    db = str(tmp_path / "a.db")
    cli("--db", db, "demo")
    cli("--db", db, "export", str(tmp_path / "a.xlsx"))
    fresh = str(tmp_path / "b.db")
    code, out, _ = cli("--db", fresh, "import", "--dry-run", str(tmp_path / "a.xlsx"))
    assert code == 0 and "（未写入任何记录）：新增 50 条，已存在 0 条（跳过），冲突 0 条。" in out
    code, out, _ = cli("--db", fresh, "export", str(tmp_path / "empty.xlsx"))
    assert "整改事项 0 条" in out  # the dry run wrote nothing
    assert cli("--db", fresh, "import", "--backfilled", str(tmp_path / "a.xlsx"))[0] == 0
    code, out, _ = cli("--db", fresh, "import", str(tmp_path / "a.xlsx"))
    assert code == 0
    assert "中没有新记录，未写入任何记录：新增 0 条，已存在 50 条（跳过），冲突 0 条。" in out
    code, out, _ = cli("--db", fresh, "export", str(tmp_path / "b.xlsx"))
    assert "谈话记录 8 条" in out and "会议活动 21 条" in out


def test_a_bad_workbook_exits_non_zero_and_lists_problems(tmp_path, cli):
    book = Workbook()
    sheet = book.active
    sheet.title = "会议活动"
    sheet.append(["日期*", "类型*", "主题*", "参加人员", "内容摘要"])
    sheet.append(["2022-13-01", "专题会议", "部署", "", ""])
    book.save(tmp_path / "bad.xlsx")
    code, _, err = cli("--db", str(tmp_path / "c.db"), "import", str(tmp_path / "bad.xlsx"))
    assert code == 1
    assert "未导入任何记录" in err
    assert "会议活动 第2行 “日期”列：" in err


def test_missing_file_is_one_chinese_sentence(tmp_path, cli):
    code, _, err = cli("--db", str(tmp_path / "c.db"), "import", str(tmp_path / "无.xlsx"))
    assert code == 1 and err.strip().startswith("错误：找不到文件")


def test_bad_arguments_exit_2_in_chinese(capsys):
    try:
        main(["no-such-command"])
    except SystemExit as exc:
        assert exc.code == 2
    assert "命令参数有误" in capsys.readouterr().err


def test_the_real_entry_point_prints_no_traceback(tmp_path):
    db = tmp_path / "x.db"
    db.write_bytes(b"this is not a database, it is a Word file" * 100)
    proc = subprocess.run([sys.executable, "-m", "lianzheng_desktop", "--db", str(db), "export",
                           str(tmp_path / "o.xlsx")], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert proc.stderr.startswith("错误：数据文件")


def test_an_export_to_a_missing_folder_is_one_chinese_sentence(tmp_path):
    """Through the real entry point: the Chinese message was followed by ten English
    tracebacks of the workbook's half-run sheet writers."""
    db = tmp_path / "x.db"
    gone = tmp_path / "U盘" / "廉政台账.xlsx"
    for command in (["demo"], ["export", str(gone)]):  # a process each: each takes the lock
        proc = subprocess.run([sys.executable, "-m", "lianzheng_desktop", "--db", str(db),
                               *command], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1 and proc.stdout == ""
    assert proc.stderr == (f"错误：找不到文件夹“{gone.parent}”（U盘可能已拔出，或路径写错了），"
                           "没有导出。\n")


def test_report_command_writes_pdf_and_docx(tmp_path, cli):
    db = str(tmp_path / "r.db")
    cli("--db", db, "demo")
    code, out, _ = cli("--db", db, "report", "--quarter", "2022Q3", "-o",
                       str(tmp_path / "q3.pdf"), "--docx", str(tmp_path / "q3.docx"))
    assert code == 0 and "2022年第三季度述廉述责报告" in out
    assert (tmp_path / "q3.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "q3.docx").read_bytes().startswith(b"PK")
    code, _, err = cli("--db", db, "report", "--quarter", "2022Q5", "-o",
                       str(tmp_path / "x.pdf"))
    assert code == 1 and "2022Q3" in err


def test_the_command_line_import_is_marked_while_it_writes(tmp_path, cli, monkeypatch):
    """A `lianzheng import` killed mid-way left no mark, so nothing told the secretary at the
    next start that the import had not happened (the window's import had one)."""
    from lianzheng_desktop.interchange import xlsx
    from lianzheng_desktop.storage import import_marker

    db = str(tmp_path / "demo.db")
    assert cli("--db", db, "demo")[0] == 0
    book = tmp_path / "台账.xlsx"
    assert cli("--db", db, "export", str(book))[0] == 0
    target = str(tmp_path / "new.db")
    seen = []
    apply = xlsx.apply_import

    def watched(store, plan, **kwargs):
        seen.append(import_marker.unfinished(store))
        return apply(store, plan, **kwargs)

    monkeypatch.setattr(xlsx, "apply_import", watched)
    code, _, err = cli("--db", target, "import", "--kept-on-time", str(book))
    assert code == 0, err
    assert seen and seen[0] is not None and seen[0].file.name == "台账.xlsx"
