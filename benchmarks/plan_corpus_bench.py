"""Recall and precision of the plan parser on real texts (tests/fixtures/plans/real).

Each text there has its periodic count obligations listed by hand beside it
(NN-slug.expected.tsv: period, target, unit, object, who, evidence). A requirement the
parser reads matches a listed obligation when its period and target agree and it comes
from the sentence the evidence was taken from. Run: ``python3 tasks.py bench plan_corpus``.
"""

from __future__ import annotations

import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from lianzheng_desktop.core.plan import Requirement, Role
from lianzheng_desktop.core.plan_parser import parse_plan
from lianzheng_desktop.core.plan_text import normalise

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "plans"
CORPUS = FIXTURES / "real"  # collected first; the parser was tuned on it
HELD_OUT = FIXTURES / "heldout"  # collected separately and first scored unseen
DEADLINES = FIXTURES / "heldout2"  # reports due by a date each period, first scored unseen
FRESH = FIXTURES / "heldout3"  # 12 further texts, first scored unseen, then tuned on
FOURTH = FIXTURES / "heldout4"  # 13 texts of small units (工会, 局 branches), scored unseen first
FIFTH = FIXTURES / "heldout5"  # 15 texts (税务, 教育局, 街道, 国企, 医院 …), scored unseen first
SIXTH = FIXTURES / "heldout6"  # 15 texts (审计局, 村务公开, 法院, 医院 …), scored unseen first
SEVENTH = FIXTURES / "heldout7"  # 2 texts other offices read through the app (审计局 一是…, 信访局)
EIGHTH = FIXTURES / "heldout8"  # 20 texts of small units (妇联, 街道, 村 …), scored unseen first
NINTH = FIXTURES / "heldout9"  # 19 texts (共青团 rules, 乡镇, 工会, 社区 …), scored unseen first
TENTH = FIXTURES / "heldout10"  # 15 texts (学校, 工会, 医院, 乡镇, 机关 …), scored unseen first
ELEVENTH = FIXTURES / "heldout11"  # 15 texts (学院, 社区公开, 市委, 表格, 街道 …), scored unseen
TWELFTH = FIXTURES / "heldout12"  # 14 texts on returns and deadlines, scored unseen
THIRTEENTH = FIXTURES / "heldout13"  # 13 texts of 乡镇, 村, schools, hospitals, enterprises
_WHO = {"unit": None, "secretary": Role.FIRST_RESPONSIBLE, "each_leader": Role.LEADERSHIP_MEMBER,
        "each_member": Role.MEMBER}


@dataclass(frozen=True)
class Expected:
    period: str
    target: int
    unit: str
    object: str
    who: str
    evidence: str


@dataclass
class Scored:
    name: str
    expected: list[Expected]
    read: list[Requirement]
    matched: list[tuple[Expected, Requirement]] = field(default_factory=list)
    missed: list[Expected] = field(default_factory=list)
    invented: list[Requirement] = field(default_factory=list)


def load_expected(path: Path) -> list[Expected]:
    rows = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("# not obligations"):
                break
            if line.startswith(("#", "period\t")) or not line.strip():
                continue
            period, target, unit, obj, who, evidence = line.rstrip("\n").split("\t")[:6]
            rows.append(Expected(period, int(target), unit, obj, who, evidence.strip()))
    return rows


def document(path: Path) -> str:
    """The text without its two header lines (来源, 单位类型)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    return "\n".join(line for line in lines[:3] if not line.startswith(("来源", "单位类型"))) \
        + "\n" + "\n".join(lines[3:])


def _sentence_of(text: str, evidence: str) -> str:
    text = normalise(text)
    evidence = normalise(evidence)
    for sentence in re.split(r"[。；;！？\n]", text):
        if evidence in sentence:
            return sentence
    return evidence


def score_file(path: Path) -> Scored:
    text = document(path)
    expected = load_expected(path.with_suffix("").with_suffix(".expected.tsv")
                             if path.suffix == ".txt" else path)
    draft = parse_plan(text, year=2024)
    read = [r for r in draft.requirements if r.target is not None and r.period is not None]
    scored = Scored(path.stem, expected, read)
    free = list(read)
    for row in expected:
        context = _sentence_of(text, row.evidence)
        evidence = normalise(row.evidence)
        same = [r for r in free if r.period.value == row.period and r.target == row.target]
        hit = next((r for r in same if evidence in r.text), None) or next(
            (r for r in same if r.text in context), None)
        if hit is None:
            scored.missed.append(row)
        else:
            free.remove(hit)
            scored.matched.append((row, hit))
    scored.invented = free
    return scored


def score_corpus(folder: Path | None = None) -> list[Scored]:
    return [score_file(path) for path in sorted((folder or CORPUS).glob("*.txt"))]


def totals(results: list[Scored]) -> tuple[int, int, int]:
    matched = sum(len(s.matched) for s in results)
    return matched, sum(len(s.expected) for s in results), sum(len(s.read) for s in results)


def main() -> None:
    for folder, name in ((CORPUS, "real texts (tuned on)"), (HELD_OUT, "held-out texts"),
                         (DEADLINES, "held-out texts with deadline duties"),
                         (FRESH, "third held-out set (heldout3)"),
                         (FOURTH, "fourth held-out set (heldout4)"),
                         (FIFTH, "fifth held-out set (heldout5)"),
                         (SIXTH, "sixth held-out set (heldout6)"),
                         (SEVENTH, "seventh held-out set (heldout7)"),
                         (EIGHTH, "eighth held-out set (heldout8)"),
                         (NINTH, "ninth held-out set (heldout9)"),
                         (TENTH, "tenth held-out set (heldout10)"),
                         (ELEVENTH, "eleventh held-out set (heldout11)"),
                         (TWELFTH, "twelfth held-out set (heldout12)"),
                         (THIRTEENTH, "thirteenth held-out set (heldout13)")):
        report(folder, name)


def report(folder: Path, name: str) -> None:
    start = time.perf_counter()
    results = score_corpus(folder)
    seconds = time.perf_counter() - start
    matched, expected, read = totals(results)
    who_right = sum(1 for s in results for e, r in s.matched if _WHO.get(e.who) == r.role
                    or (e.who == "unit" and r.role in (None, Role.ORGANISATION)))
    verbose = "-v" in sys.argv
    for s in results:
        if verbose or s.missed or s.invented:
            for row in s.missed:
                print(f"  漏读 {s.name}: {row.period} {row.target} {row.object}｜{row.evidence}")
            for r in s.invented:
                label = r.counts.label if r.counts else ""
                print(f"  多读 {s.name}: {r.period.value} {r.target} {label}｜{r.text[:40]}")
    print(f"plan corpus, {name}: {len(results)} texts, {expected} obligations listed by hand, "
          f"{read} read by the parser in {seconds * 1000:.0f} ms")
    print(f"  recall    {matched}/{expected} = {matched / max(expected, 1):.3f}   (target ≥ 0.95)")
    print(f"  precision {matched}/{read} = {matched / max(read, 1):.3f}   (target ≥ 0.95)")
    print(f"  who (责任主体) agrees on {who_right}/{matched} matched obligations")


if __name__ == "__main__":
    main()
