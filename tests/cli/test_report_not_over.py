"""revyear F1: a report of a period not yet over says so where it is made, not only in print."""


def test_a_period_not_over_is_said_on_stderr_with_its_day(tmp_path, cli):
    db = str(tmp_path / "demo.db")
    assert cli("--db", db, "demo")[0] == 0
    code, _, err = cli("--db", db, "--today", "2022-12-20", "report", "--quarter", "2022Q4",
                       "-o", str(tmp_path / "q4.pdf"))
    assert code == 0, err
    assert ("提示：2022年第四季度尚未结束，报告中的数字截至2022年12月20日；"
            "2022年第四季度结束后请重新生成。") in err.splitlines()
    code, _, err = cli("--db", db, "--today", "2022-12-20", "report", "--quarter", "2022Q3",
                       "-o", str(tmp_path / "q3.pdf"))
    assert code == 0 and "尚未结束" not in err
