"""The parser on real texts (tests/fixtures/plans/real): each text's periodic obligations
were listed by hand beside it; recall and precision must both stay at 0.95 or above.
``python3 tasks.py bench plan_corpus`` prints the figures and every miss."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "fixtures" / "plans" / "real"
HELD_OUT = ROOT / "tests" / "fixtures" / "plans" / "heldout"
# recurring deadline duties (format checks here; scored by the bench and the test below)
DEADLINES = ROOT / "tests" / "fixtures" / "plans" / "heldout2"
# a third set, scored unseen (1.000 / 0.850) and then tuned on (see its README)
FRESH = ROOT / "tests" / "fixtures" / "plans" / "heldout3"
# a fourth set of small units' texts, scored unseen (1.000 / 0.958) and then tuned on
FOURTH = ROOT / "tests" / "fixtures" / "plans" / "heldout4"
# a fifth set (税务, 教育局, 街道, 国企, 医院 …), scored unseen (0.846 / 0.917) and then tuned on
FIFTH = ROOT / "tests" / "fixtures" / "plans" / "heldout5"
# a sixth set (审计局, 村务公开, 法院, 医院, 税务 …), scored unseen (0.889 / 0.727), then tuned on
SIXTH = ROOT / "tests" / "fixtures" / "plans" / "heldout6"
# a seventh set: two texts reviewers read through the app as other offices (revoffice F1–F5)
SEVENTH = ROOT / "tests" / "fixtures" / "plans" / "heldout7"
# an eighth set of small units' texts (妇联, 街道, 卫生院, 国企党支部, 村 …), scored unseen
# (0.909 / 1.000) and then tuned on
EIGHTH = ROOT / "tests" / "fixtures" / "plans" / "heldout8"
# a ninth set (共青团 rules, 乡镇, 工会, 社区 …), scored unseen (0.750 / 0.625), then tuned on
NINTH = ROOT / "tests" / "fixtures" / "plans" / "heldout9"
# a tenth set (学校, 工会, 医院, 乡镇, 机关 …), labelled by hand and scored unseen (0.833 / 0.833)
TENTH = ROOT / "tests" / "fixtures" / "plans" / "heldout10"
# an eleventh set (学院, 社区 公开制度, 市委, 政协, 分季 tables, 街道, 镇, 国企 …), labelled by
# hand and scored unseen (0.733 / 0.917); tuned on once (0.933 / 1.000)
ELEVENTH = ROOT / "tests" / "fixtures" / "plans" / "heldout11"
# a twelfth set, on returns and deadlines (公积金中心, 统计局 and 排污许可 tables, 妇儿工委 …),
# labelled by hand and scored unseen (0.619 / 0.684)
TWELFTH = ROOT / "tests" / "fixtures" / "plans" / "heldout12"
# a thirteenth set (乡镇, 村, 学校, 医院, 国企), labelled by hand and scored unseen (0.813 / 0.867)
THIRTEENTH = ROOT / "tests" / "fixtures" / "plans" / "heldout13"
TEXTS = sorted([*CORPUS.glob("*.txt"), *HELD_OUT.glob("*.txt"), *DEADLINES.glob("*.txt"),
                *FRESH.glob("*.txt"), *FOURTH.glob("*.txt"), *FIFTH.glob("*.txt"),
                *SIXTH.glob("*.txt"), *SEVENTH.glob("*.txt"), *EIGHTH.glob("*.txt"),
                *NINTH.glob("*.txt"), *TENTH.glob("*.txt"), *ELEVENTH.glob("*.txt"),
                *TWELFTH.glob("*.txt"), *THIRTEENTH.glob("*.txt")])
_spec = importlib.util.spec_from_file_location(
    "plan_corpus_bench", ROOT / "benchmarks" / "plan_corpus_bench.py")
bench = importlib.util.module_from_spec(_spec)
sys.modules["plan_corpus_bench"] = bench
_spec.loader.exec_module(bench)


def test_the_corpus_is_large_and_varied():
    texts = TEXTS
    assert len(texts) >= 30
    kinds = {t.read_text(encoding="utf-8").split("\n")[1] for t in texts}
    for kind in ("县级机关", "乡镇街道", "局", "法院检察院", "学校", "医院", "企业", "工会"):
        assert f"单位类型：{kind}" in kinds


@pytest.mark.parametrize("text", TEXTS, ids=lambda p: p.stem)
def test_each_text_has_its_source_and_verbatim_evidence(text):
    lines = text.read_text(encoding="utf-8").split("\n")
    assert lines[0].startswith("来源：http")
    body = text.read_text(encoding="utf-8")
    for row in bench.load_expected(text.with_suffix("").with_suffix(".expected.tsv")):
        assert row.period in ("month", "quarter", "half", "year")
        assert body.count(row.evidence) == 1, row.evidence


@pytest.mark.parametrize("folder", [CORPUS, HELD_OUT], ids=["real", "heldout"])
def test_recall_and_precision_on_real_texts(folder):
    results = bench.score_corpus(folder)
    matched, expected, read = bench.totals(results)
    missed = [(s.name, m.evidence) for s in results for m in s.missed]
    invented = [(s.name, r.text) for s in results for r in s.invented]
    assert matched / expected >= 0.95, missed
    assert matched / read >= 0.95, invented


def test_reports_due_by_a_date_are_read_on_the_fresh_set():
    """heldout2 was collected to test the deadline rule (plan_deadline); it scored 0.250 /
    0.667 unseen and was then tuned on, so it only guards against losing what is read."""
    results = bench.score_corpus(DEADLINES)
    matched, expected, read = bench.totals(results)
    assert matched / expected >= 0.95, [(s.name, m.evidence) for s in results for m in s.missed]
    assert matched / read >= 0.95, [(s.name, r.text) for s in results for r in s.invented]


def test_the_third_held_out_set_keeps_what_it_taught():
    """heldout3 scored recall 1.000, precision 0.850 unseen; the rules it led to (a slogan of
    what each month has, a heading restated below it …) are guarded here. One over-read is
    left (K09: 每月梳理…作为主题党日必学资料, labelled a part of each 主题党日)."""
    results = bench.score_corpus(FRESH)
    matched, expected, read = bench.totals(results)
    assert matched / expected >= 0.95, [(s.name, m.evidence) for s in results for m in s.missed]
    assert matched / read >= 0.9, [(s.name, r.text) for s in results for r in s.invented]


@pytest.mark.parametrize("corpus, who_at_least, texts", [
    # heldout4 scored recall 1.000, precision 0.958 unseen (each member's one turn in a
    # monthly series was read as a monthly duty); who agrees on 20 of 23 after tuning
    (FOURTH, 20, 12),
    # heldout5 scored recall 0.846, precision 0.917 unseen (a cadence written as 月通报、
    # 季评估 was not read; a monthly meeting each payment must pass was read as a duty);
    # who agrees on 10 of 13 after tuning
    (FIFTH, 10, 12),
    # heldout6 scored recall 0.889, precision 0.727 unseen (a system's name, a yearly head
    # count and a rule quoted again were read as duties; 半年和全年都有… was not read); who
    # agrees on 9 of 9 after tuning
    (SIXTH, 9, 12),
    # heldout8 scored recall 0.909, precision 1.000 unseen (a PDF page's blank lines between
    # its printed lines cut 每半年⏎上 1 次党课; 为全体党员 was taken for who); who agrees on
    # 11 of 11 after tuning
    (EIGHTH, 11, 12),
    # heldout7: P01, P02 (revoffice) and P03, a school's 第一，… rules (revnew N-plan-1…4),
    # which scored 6/6, 6/6 unseen with who right on 4 of 6 (党员每学期…汇报 read as the
    # branch's, the run-in name before it); after tuning who is right on 7 of 8 — the one
    # left is 预备党员应当每季度书面报告, a duty of the probationary members only (its README)
    (SEVENTH, 7, 3),
], ids=["heldout4", "heldout5", "heldout6", "heldout8", "heldout7"])
def test_a_tuned_held_out_set_keeps_what_it_taught(corpus, who_at_least, texts):
    """After tuning every obligation of the set is read and nothing else (see its README)."""
    results = bench.score_corpus(corpus)
    matched, expected, read = bench.totals(results)
    assert len(results) >= texts
    assert matched == expected, [(s.name, m.evidence) for s in results for m in s.missed]
    assert matched == read, [(s.name, r.text) for s in results for r in s.invented]
    who_right = sum(1 for s in results for e, r in s.matched if bench._WHO.get(e.who) == r.role
                    or (e.who == "unit" and r.role in (None, bench.Role.ORGANISATION)))
    assert who_right >= who_at_least


def test_the_ninth_held_out_set_keeps_what_it_taught():
    """heldout9 scored recall 0.750, precision 0.625 unseen (每学年, 每一新学年 and 逐月 were
    not read; days, households and money under a period, and 每学期初 / 每学期结束前, were
    read as duties). After tuning two disagreements are left (its README): 团课:没学年不得少
    于四次, a slip for 每学年 the reader does not guess — listed for the secretary, not lost —
    and 确定不少于2个重点课题开展调研, read as two 调研 a year, labelled a count of topics."""
    from lianzheng_desktop.core.plan_parser import parse_plan

    results = bench.score_corpus(NINTH)
    matched, expected, read = bench.totals(results)
    missed = [m.evidence for s in results for m in s.missed]
    invented = [r.text for s in results for r in s.invented]
    assert missed == ["没学年不得少于四次"]
    assert invented == ["确定不少于2个重点课题开展调研"]
    who_right = sum(1 for s in results for e, r in s.matched if bench._WHO.get(e.who) == r.role
                    or (e.who == "unit" and r.role in (None, bench.Role.ORGANISATION)))
    assert who_right >= 19
    slip = NINTH / "S03-tuanzhibu-zuzhi-shenghuohui-zhidu.txt"
    draft = parse_plan(bench.document(slip))
    assert "没学年不得少于四次" in [u.text for u in draft.unread]


def test_the_tenth_held_out_set():
    """heldout10 was labelled by hand before the reader saw it and scored recall 5/6,
    precision 5/6 unseen (J13 "每月9日(遇节假日顺延)的主题党日活动" dropped, neither read nor
    listed; J03 "按季度制定…年度…计划" read as a quarterly duty); the thresholds the other
    sets use now hold."""
    _meets_the_thresholds(TENTH)


_HELD_OUT_UNMET = {  # each labelled by hand before the reader saw it: scored unseen first
    "heldout11": (
    "heldout11 unseen: recall 11/15 = 0.733, precision 11/12 = 0.917, who 10/11; after the reader "
    "learnt 一季度一公开 / 一年一公开 and a list's total (…等9个会议): recall 14/15 = 0.933, "
    "precision 14/14, who 13/14. Still missed: L05 正常是一季度更新一次 (一季度 may as well be "
    "the first quarter: 一季度完成…). Who: L02 每年中层以上干部和党员各过一次民主生活会 read as "
    "the branch's, labelled each member's. See heldout11/README.md."),
    "heldout12": (
    "heldout12 unseen: recall 13/21 = 0.619, precision 13/19 = 0.684, who 12/13; after the "
    "reader learnt 每年年末…提交…总结 (T08) and a 考核细则's points (每月少一次扣1分, T10, no "
    "duty) and a day of the next year in Chinese numerals (于次年元月十日前交…, T01): recall "
    "15/21, precision 15/19. Still missed: 按时上报季度工作报表 (T10), returns named in tables "
    "by (月报) / (季报) / 1次/季 (T05, T06). Read where there is none: 月通报 of a 周调度、月通报 "
    "rule three times (T14), a past count (全年组织…集中学习20次, T11). See heldout12/README.md."),
    "heldout13": (
    "heldout13 unseen: recall 13/16 = 0.813, precision 13/15 = 0.867, who 13/13; after the "
    "reader learnt lists whose duties each have a verb (讲一次党课、写一篇心得体会) and a count "
    "said again after 即: recall 12/16, precision 12/14 (U08's label 订阅一份党报、购买 spans two "
    "duties of the list and matches neither now). Still missed: 2篇学习体会 (U02, a count of "
    "papers after a comma list), 全年分两次进行检查和考评 (U02), 即一月不少于两次 (U02, labelled "
    "as a duty of its own). Read where there is none: 一批调研文稿 (U08). "
    "See heldout13/README.md."),
}


@pytest.mark.parametrize("folder, texts", [
    pytest.param(folder, texts, id=folder.name,
                 marks=pytest.mark.xfail(strict=True, reason=_HELD_OUT_UNMET[folder.name]))
    for folder, texts in ((ELEVENTH, 15), (TWELFTH, 14), (THIRTEENTH, 13))])
def test_the_held_out_sets_the_reader_does_not_yet_meet(folder, texts):
    """The thresholds the other sets use, asserted for the sets still below them: each fails
    until the reader learns what its reason lists (see the set's README.md)."""
    _meets_the_thresholds(folder, texts=texts)


def _meets_the_thresholds(folder, texts=15):
    """``texts`` texts, recall and precision ≥ 0.95, and who right for every match."""
    results = bench.score_corpus(folder)
    matched, expected, read = bench.totals(results)
    assert len(results) == texts
    assert matched / expected >= 0.95, [(s.name, m.evidence) for s in results for m in s.missed]
    assert matched / read >= 0.95, [(s.name, r.text) for s in results for r in s.invented]
    who_right = sum(1 for s in results for e, r in s.matched if bench._WHO.get(e.who) == r.role
                    or (e.who == "unit" and r.role in (None, bench.Role.ORGANISATION)))
    assert who_right == matched
