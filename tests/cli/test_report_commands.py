import pdfplumber


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
    assert len(err.strip().splitlines()) == 1
