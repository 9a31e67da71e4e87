"""Not copied from last year: typed report text compared with the same person's earlier reports.

Reports that repeat last year's text under a new title have been publicly criticised
(通报); stale terms ("十八大" left in a later report) and a past year's dates give them away.
Everything here is offline and quick: sentences are compared after their figures are
blanked, exactly first and then by similarity among sentences of about the same length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

SIMILAR = 0.85  # two sentences this alike count as the same sentence with words changed
HIGH_SHARE = 30  # percent of repeated sentences the page warns about
MIN_CHARS = 8  # shorter sentences ("一是加强学习") repeat innocently

# Terms that a report of a later year should no longer use as current: (term, the first
# report year in which it is stale, why). Data, to be extended as terms change.
STALE_TERMS: tuple[tuple[str, int, str], ...] = (
    ("党的十八大精神", 2018, "党的十九大已于2017年10月召开"),
    ("十八届", 2018, "十八届中央已于2017年届满"),
    ("党的十九大精神", 2023, "党的二十大已于2022年10月召开"),
    ("十九大报告", 2023, "党的二十大已于2022年10月召开"),
    ("十九届", 2023, "十九届中央已于2022年届满，请核对是否应为二十届"),
    ("迎接党的二十大", 2023, "党的二十大已于2022年10月召开"),
    ("喜迎二十大", 2023, "党的二十大已于2022年10月召开"),
    ("两学一做", 2018, "“两学一做”学习教育为2016—2017年部署"),
    ("十三五", 2021, "“十三五”时期为2016—2020年，现为“十四五”时期"),
)

_SPLIT_RE = re.compile(r"(?<=[。！？；])|\n")
_NUMBERING_RE = re.compile(
    r"^(（[一二三四五六七八九十]+）|[一二三四五六七八九十]+[是要、]|\d+[.．、])")
_DIGITS_RE = re.compile(r"\d+")
_DATE_RE = re.compile(r"(\d{4})年(\d{1,2})月")


@dataclass(frozen=True)
class Repeated:
    sentence: str  # as typed now
    earlier: str  # the earlier sentence it repeats
    source: str  # "2022年第二季度报告"
    exact: bool


@dataclass(frozen=True)
class Stale:
    words: str
    why: str


@dataclass
class CopyReport:
    sentences: int  # typed sentences checked
    repeated: list[Repeated] = field(default_factory=list)
    stale: list[Stale] = field(default_factory=list)

    @property
    def share(self) -> int:
        return round(100 * len(self.repeated) / self.sentences) if self.sentences else 0

    @property
    def high(self) -> bool:
        return self.share >= HIGH_SHARE

    @property
    def worth_asking(self) -> bool:
        return self.high or bool(self.stale)

    def explain(self, limit: int = 5) -> str:
        """What was found, in Chinese, for the question before saving."""
        lines = []
        if self.repeated:
            sources = "、".join(dict.fromkeys(r.source for r in self.repeated))
            lines.append(f"本期手写的{self.sentences}句中，有{len(self.repeated)}句"
                         f"（{self.share}%）与{sources}相同或几乎相同"
                         + ("，比例偏高，容易被认为照抄往期报告。" if self.high else "。"))
            for r in self.repeated[:limit]:
                lines.append(f"·{r.sentence}")
            if len(self.repeated) > limit:
                lines.append(f"（另有{len(self.repeated) - limit}句，已在编辑框中标出）")
        for s in self.stale:
            lines.append(f"·过时的提法“{s.words}”：{s.why}。")
        return "\n".join(lines) if lines else "未发现与往期报告重复的句子或过时的提法。"


def sentences(text: str) -> list[str]:
    out = []
    for part in _SPLIT_RE.split(text):
        part = part.strip()
        if part:
            out.append(part)
    return out


def _key(sentence: str) -> str:
    """The sentence without numbering, spaces, punctuation at the end, or figures."""
    s = _NUMBERING_RE.sub("", re.sub(r"\s+", "", sentence))
    return _DIGITS_RE.sub("#", s).rstrip("。！？；，")


def check(typed: dict[str, str], earlier: list[tuple[str, dict[str, str]]], year: int,
          drafted: dict[str, str] | None = None) -> CopyReport:
    """``typed``: section texts as they stand; ``earlier``: (label, section texts) of the
    reports to compare with; ``drafted``: this period's drafts, whose sentences (drawn from
    the ledgers, the same wording every period) are not counted."""
    generated = {_key(s) for text in (drafted or {}).values() for s in sentences(text)}
    mine = [s for text in typed.values() for s in sentences(text)
            if len(_key(s)) >= MIN_CHARS and _key(s) not in generated]
    index: list[tuple[str, str, str]] = []  # key, sentence, source
    exact: dict[str, tuple[str, str]] = {}
    for label, texts in earlier:
        for text in texts.values():
            for s in sentences(text):
                key = _key(s)
                if len(key) >= MIN_CHARS:
                    index.append((key, s, label))
                    exact.setdefault(key, (s, label))
    report = CopyReport(len(mine))
    for s in mine:
        key = _key(s)
        if key in exact:
            report.repeated.append(Repeated(s, *exact[key], exact=True))
            continue
        match = _similar(key, index)
        if match is not None:
            report.repeated.append(Repeated(s, match[1], match[2], exact=False))
    report.stale = stale_words("\n".join(typed.values()), year)
    return report


def _similar(key: str, index: list[tuple[str, str, str]]) -> tuple[str, str, str] | None:
    matcher = SequenceMatcher(autojunk=False)
    matcher.set_seq2(key)
    for entry in index:
        other = entry[0]
        if abs(len(other) - len(key)) > 0.3 * len(key):
            continue
        matcher.set_seq1(other)
        if matcher.real_quick_ratio() >= SIMILAR and matcher.quick_ratio() >= SIMILAR \
                and matcher.ratio() >= SIMILAR:
            return entry
    return None


def stale_words(text: str, year: int) -> list[Stale]:
    """Superseded terms, and dates of an earlier year written as if current."""
    found = [Stale(term, why) for term, since, why in STALE_TERMS
             if year >= since and term in text]
    for y, m in dict.fromkeys(_DATE_RE.findall(text)):
        if int(y) < year:
            found.append(Stale(f"{y}年{m}月", f"这是{y}年的日期，而本报告是{year}年的，"
                                               "请核对是否沿用了往年的文字"))
    return found
