import pdfplumber
import pytest


def test_report_writes_pdf_and_docx(tmp_path, cli):
    db = str(tmp_path / "demo.db")
    assert cli("--db", db, "demo")[0] == 0
    pdf, docx = tmp_path / "q3.pdf", tmp_path / "q3.docx"
    code, _, err = cli("--db", db, "report", "--quarter", "2022Q3", "-o", str(pdf),
                       "--docx", str(docx))
    assert code == 0, err
    with pdfplumber.open(pdf) as doc:
        text = doc.pages[0].extract_text()
    assert "2022年第三季度" in text
    assert docx.stat().st_size > 0


def test_bad_quarter_is_one_chinese_line(tmp_path, cli):
    code, _, err = cli("--db", str(tmp_path / "x.db"), "report", "--quarter", "2022Q9",
                       "-o", str(tmp_path / "x.pdf"))
    assert code == 1
    assert err == "错误：季度“2022Q9”写法不对，应写成 2022Q3 的形式。\n"


@pytest.mark.parametrize("year", ["0", "99999"])
def test_a_bad_year_is_said_to_be_the_year(tmp_path, cli, year):
    """It said "季度“None”写法不对" of a --year the secretary typed."""
    code, _, err = cli("--db", str(tmp_path / "x.db"), "report", "--year", year,
                       "-o", str(tmp_path / "x.pdf"))
    assert code == 1
    assert err == f"错误：年度“{year}”写法不对，应写成 2022 这样的四位数年份。\n"
    assert not (tmp_path / "x.pdf").exists()


def test_docx_beside_the_pdf_is_drafted_once_and_kept_once(tmp_path, cli, monkeypatch):
    import lianzheng_desktop.app.reports as service
    from lianzheng_desktop.core.report_model import ReportPeriod
    from lianzheng_desktop.storage.db import open_db
    from lianzheng_desktop.storage.reports import list_versions
    from lianzheng_desktop.storage.store import Store

    db = str(tmp_path / "demo.db")
    assert cli("--db", db, "demo")[0] == 0
    drafted = []
    real = service.load_report_data
    monkeypatch.setattr(service, "load_report_data",
                        lambda *a, **k: drafted.append(1) or real(*a, **k))
    code, _, err = cli("--db", db, "report", "--quarter", "2022Q3", "-o", str(tmp_path / "a.pdf"),
                       "--docx", str(tmp_path / "a.docx"))
    assert code == 0, err
    assert drafted == [1]
    store = Store(open_db(db))
    assert [v.kind for v in list_versions(store, ReportPeriod(2022, 3))] == ["pdf"]


def test_an_unwritten_section_is_printed_empty_and_said_on_stderr(tmp_path, cli):
    db = str(tmp_path / "demo.db")
    assert cli("--db", db, "demo")[0] == 0
    pdf = tmp_path / "q3.pdf"
    code, out, err = cli("--db", db, "report", "--quarter", "2022Q3", "-o", str(pdf))
    assert code == 0 and pdf.exists()
    assert "第二部分“个人廉洁自律情况”尚未填写" in err
    with pdfplumber.open(pdf) as doc:
        text = "".join(page.extract_text() or "" for page in doc.pages)
    assert "请本人填写" not in text and "完成后请" not in text


def test_as_of_is_the_one_date_of_the_report(tmp_path, cli):
    db = str(tmp_path / "demo.db")
    assert cli("--db", db, "demo")[0] == 0
    pdf = tmp_path / "q3.pdf"
    code, _, err = cli("--db", db, "report", "--quarter", "2022Q3", "--as-of", "2022-09-20",
                       "-o", str(pdf))
    assert code == 0, err
    with pdfplumber.open(pdf) as doc:
        text = "".join((page.extract_text() or "").replace("\n", "") for page in doc.pages)
    assert "截至2022年9月20日" in text and "截至2022年9月30日" not in text
    code, _, err = cli("--db", db, "report", "--quarter", "2022Q3", "--as-of", "2022-13-01",
                       "-o", str(pdf))
    assert code == 1 and "2022-09-30" in err


def test_a_period_not_yet_over_is_reported_as_of_today_not_its_end(tmp_path, cli):
    """Run on 10 August, the Q3 report (and the year's) stands on 10 August: not dated,
    counted and signed on 30 September; a quarter not yet begun is refused."""
    db = str(tmp_path / "demo.db")
    assert cli("--db", db, "demo")[0] == 0
    for period in (["--quarter", "2022Q3"], ["--year", "2022"]):
        pdf = tmp_path / "now.pdf"
        code, _, err = cli("--db", db, "--today", "2022-08-10", "report", *period,
                           "-o", str(pdf))
        assert code == 0, err
        with pdfplumber.open(pdf) as doc:
            text = "".join((page.extract_text() or "").replace("\n", "") for page in doc.pages)
        assert "截至2022年8月10日" in text  # counted to that day
        assert "常务副主席 王建国2022年8月10日" in text  # and signed on it
        assert "截至2022年9月30日" not in text and "截至2022年12月31日" not in text
    code, _, err = cli("--db", db, "--today", "2022-08-10", "report", "--quarter", "2022Q4",
                       "-o", str(tmp_path / "q4.pdf"))
    assert code == 1 and "2022年第四季度还没有开始" in err


def test_a_report_as_of_a_day_still_to_come_is_refused(tmp_path, cli):
    """A reviewer printed the annual report "截至2022年12月31日" on 30 November: 未完成 and
    逾期 stated a month before they could be known, and kept as a version handed in."""
    db = str(tmp_path / "demo.db")
    assert cli("--db", db, "demo")[0] == 0
    pdf = tmp_path / "year.pdf"
    code, _, err = cli("--db", db, "--today", "2022-11-30", "report", "--year", "2022",
                       "--as-of", "2022-12-31", "-o", str(pdf))
    assert code == 1 and not pdf.exists()
    assert "截至日期 2022-12-31 晚于今天（2022-11-30）" in err
    code, _, err = cli("--db", db, "--today", "2022-11-30", "report", "--year", "2022",
                       "--as-of", "2022-11-30", "-o", str(pdf))
    assert code == 0, err


def test_a_folder_that_does_not_exist_is_said_in_chinese(tmp_path, cli):
    db = str(tmp_path / "demo.db")
    assert cli("--db", db, "demo")[0] == 0
    code, _, err = cli("--db", db, "report", "--quarter", "2022Q3",
                       "-o", str(tmp_path / "没有这个文件夹" / "q3.pdf"))
    assert code == 1 and "找不到文件或文件夹" in err
    assert "No such file" not in err and "请先关闭" not in err


def test_a_report_saved_again_under_its_name_keeps_the_version_handed_in(tmp_path, cli):
    """The Q3 report was handed in; a record was added late and the report saved again
    under the same name: the handed-in file was written over, and kept_file found it
    nowhere (reviewer revcode, F-J). It is set aside in 报告/打印留存 first."""
    from lianzheng_desktop.core.report_model import ReportPeriod
    from lianzheng_desktop.paths import AppPaths
    from lianzheng_desktop.storage.attachments import sha256_of
    from lianzheng_desktop.storage.db import open_db
    from lianzheng_desktop.storage.reports import kept_file, list_versions
    from lianzheng_desktop.storage.store import Store

    db = tmp_path / "demo.db"
    assert cli("--db", str(db), "demo")[0] == 0
    pdf = tmp_path / "报告" / "2022年第三季度述廉述责报告.pdf"
    pdf.parent.mkdir()
    assert cli("--db", str(db), "report", "--quarter", "2022Q3", "-o", str(pdf))[0] == 0
    handed_in = sha256_of(pdf)
    store = Store(open_db(str(db)))
    store.add("activity", {"date": "2022-09-20", "type": "廉政学习", "topic": "补记的一次学习"})
    store.close()
    assert cli("--db", str(db), "report", "--quarter", "2022Q3", "-o", str(pdf))[0] == 0
    assert sha256_of(pdf) != handed_in  # the new report stands where she saved it
    store = Store(open_db(str(db)))
    try:
        first = list_versions(store, ReportPeriod(2022, 3))[-1]
        copy = kept_file(first, AppPaths(db).reports_dir)
    finally:
        store.close()
    assert first.sha256 == handed_in and copy is not None
    assert copy.parent.name == "打印留存" and sha256_of(copy) == handed_in
