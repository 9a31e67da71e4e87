"""Issue 17 finding 5: a 0.5 MB plan text makes a small file (it made 2.9 GB: item
numbers above 999 were not read and every requirement stored the whole item), and a text
far larger than any plan is refused with one Chinese sentence."""

from pathlib import Path

import pytest

from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.core.plan_parser import MAX_PLAN_CHARS, parse_plan

PLANS = Path(__file__).resolve().parents[1] / "fixtures" / "plans"
COUNTY = PLANS / "county-government-2022.txt"


@pytest.mark.parametrize("shape", ["numbered", "one_paragraph"])
def test_half_a_megabyte_of_plan_makes_a_small_file(tmp_path, cli, shape):
    text = COUNTY.read_text(encoding="utf-8")
    if shape == "one_paragraph":  # no numbering at all: one item swallowing everything
        text = text.replace("\n", "")
    big = text * (500_000 // len(text.encode("utf-8")) + 1)
    assert len(big.encode("utf-8")) >= 500_000
    (tmp_path / "plan.txt").write_text(big, encoding="utf-8")
    db = tmp_path / "p.db"
    code, out, err = cli("--db", str(db), "plan", "import", str(tmp_path / "plan.txt"),
                         "--year", "2030")
    assert code == 0, err
    import sqlite3

    with sqlite3.connect(db) as conn:  # the file as it rests, its write-ahead log folded in
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = sum(p.stat().st_size for p in tmp_path.glob("p.db*"))
    assert size < 10 * len(big.encode("utf-8")) and size < 8_000_000, size


def test_item_numbers_above_999_are_items_of_their_own():
    text = "2030年要点\n" + "\n".join(f"{n}.第{n}项。每季度开展集中警示教育1次。"
                                     for n in range(995, 1010))
    draft = parse_plan(text)
    assert [i.id for i in draft.items][-3:] == ["1007", "1008", "1009"]
    assert all(len(r.text) < 40 for r in draft.requirements)


def test_a_text_far_larger_than_a_plan_is_refused_in_one_sentence(tmp_path, cli):
    (tmp_path / "huge.txt").write_text("学习。" * (MAX_PLAN_CHARS // 3 + 10), encoding="utf-8")
    with pytest.raises(UserError, match="文件过大"):
        parse_plan("学习。" * (MAX_PLAN_CHARS // 3 + 10))
    code, _, err = cli("--db", str(tmp_path / "q.db"), "plan", "import",
                       str(tmp_path / "huge.txt"), "--year", "2030")
    assert code == 1 and "文件过大" in err and "Traceback" not in err
