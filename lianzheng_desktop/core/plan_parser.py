"""Reading a plan's text (年度工作要点) into requirements.

The parser follows the grammar of the wordings, not particular sentences:
  [period word] … [comparator] NUMBER UNIT [object]   e.g. 每季度至少进行1次集中警示教育
  [period word] … [object] [comparator] NUMBER UNIT   e.g. 每年开展廉政学习不少于12次
  [coverage word] [comparator] NUMBER %  / 全覆盖        e.g. 约谈面达到100%
Quoted phrases (“两个确立”, “一岗双责”, “一次办”) are slogans, never obligations, and ordinals
(第二轮) are not counts. What looks like an obligation but cannot be read is returned as
unread, never dropped; nothing is invented.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from lianzheng_desktop.core.numerals import NUMERAL_CHARS, parse_number
from lianzheng_desktop.core.plan import Counts, Period, Requirement, Role
from lianzheng_desktop.core.plan_vocab import (
    COMPARATORS,
    COVERAGE_WORDS,
    KEYWORDS,
    PERIOD_WORDS,
    ROLE_WORDS,
    SHARE_WORDS,
    UNITS,
)

_SECTION_RE = re.compile(r"^([一二三四五六七八九十]{1,3})[、.．]\s*(.+)$")
_ITEM_RE = re.compile(r"^(\d{1,3})\s*[.．、]\s*(.+)$")
_PAREN_ITEM_RE = re.compile(r"^[（(]([一二三四五六七八九十]{1,3})[）)]\s*(.+)$")
_NUM = rf"\d+|[{NUMERAL_CHARS}]+"
_COUNT_RE = re.compile(rf"(?P<num>{_NUM})\s*(?P<unit>[{UNITS}])(?!性)")
_PERCENT_RE = re.compile(rf"(?:百分之(?P<cn>[{NUMERAL_CHARS}]+))|(?:(?P<num>{_NUM})\s*[%％])")
_SENTENCE_END = "。；;！!？?\n"
_CLAUSE_END = "，,。；;！!？?\n"
_QUOTES = {"“": "”", "「": "」", "\"": "\"", "‘": "’", "《": "》"}
_YEAR_RE = re.compile(r"(20\d{2})\s*年")
_MASK = "＿"


@dataclass
class PlanItem:
    id: str
    section: str
    title: str
    text: str


@dataclass
class Unread:
    item: str
    text: str
    reason: str


@dataclass
class PlanDraft:
    year: int | None
    items: list[PlanItem] = field(default_factory=list)
    requirements: list[Requirement] = field(default_factory=list)
    unread: list[Unread] = field(default_factory=list)


# -- splitting into items ------------------------------------------------------------

def split_items(text: str) -> list[PlanItem]:
    """Numbered items under their 一、二、… headings (ids stay unique if numbers restart)."""
    raw: list[list[str]] = []  # [section_no, section, number, lines...]
    section_no, section = "", ""
    sections: list[tuple[str, str, list[str]]] = []
    for line in (ln.strip() for ln in text.splitlines()):
        if not line:
            continue
        if match := _SECTION_RE.match(line):
            section_no, section = match.group(1), line
            sections.append((section_no, section, []))
            continue
        match = _ITEM_RE.match(line) or _PAREN_ITEM_RE.match(line)
        if match:
            raw.append([section_no, section, match.group(1), match.group(2)])
        elif raw and raw[-1][1] == section:
            raw[-1].append(line)
        elif sections:
            sections[-1][2].append(line)
    if not raw:  # a plan numbered only 一、二、…: each heading is an item
        return [PlanItem(no, "", _title(title), "\n".join([title, *lines]))
                for no, title, lines in sections]
    numbers = [entry[2] for entry in raw]
    unique = len(set(numbers)) == len(numbers)
    items = []
    for entry in raw:
        sec_no, sec, number, body = entry[0], entry[1], entry[2], "\n".join(entry[3:])
        item_id = number if unique or not sec_no else f"{sec_no}.{number}"
        items.append(PlanItem(item_id, sec, _title(body), body))
    return items


def _title(body: str) -> str:
    first = re.split(r"[。；\n]", body, maxsplit=1)[0]
    return first if len(first) <= 30 else first[:30] + "…"


def mask_quotes(text: str) -> str:
    """Blank out quoted phrases and titles, keeping every index where it was."""
    out, closing = [], None
    for ch in text:
        if closing is not None:
            if ch == closing:
                closing = None
                out.append(ch)
            else:
                out.append(_MASK if ch != "\n" else ch)
        else:
            out.append(ch)
            if ch in _QUOTES:
                closing = _QUOTES[ch]
    return "".join(out)


# -- reading obligations --------------------------------------------------------------

@dataclass
class _Found:
    requirement: Requirement
    start: int
    end: int


def parse_plan(text: str, year: int | None = None) -> PlanDraft:
    if year is None:
        match = _YEAR_RE.search(text[:300])
        year = int(match.group(1)) if match else None
    draft = PlanDraft(year, split_items(text))
    for item in draft.items:
        found = _read_item(item, draft.unread)
        if not found:
            found = [_unnumbered(item)]
        draft.requirements += found
    return draft


def _spans(text: str, ends: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for index, ch in enumerate(text):
        if ch in ends:
            if index > start:
                spans.append((start, index))
            start = index + 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _read_item(item: PlanItem, unread: list[Unread]) -> list[Requirement]:
    masked = mask_quotes(item.text)
    result: list[Requirement] = []
    for s_start, s_end in _spans(masked, _SENTENCE_END):
        sentence, original = masked[s_start:s_end], item.text[s_start:s_end]
        found = _counts_in(item, sentence, original, unread)
        _percents_in(item, sentence, original, found, result, unread)
        if not found and not _PERCENT_RE.search(sentence):
            _note_countless(item, sentence, original, unread)
        result += [f.requirement for f in found]
    return result


def _counts_in(item: PlanItem, sentence: str, original: str,
               unread: list[Unread]) -> list[_Found]:
    found: list[_Found] = []
    clauses = _spans(sentence, _CLAUSE_END)
    for match in _COUNT_RE.finditer(sentence):
        start, end = match.span()
        if start > 0 and sentence[start - 1] == "第":
            continue  # 第二轮: an ordinal
        try:
            number = parse_number(match.group("num"))
        except ValueError:
            continue
        c_start, c_end = next((a, b) for a, b in clauses if a <= start < b)
        before = sentence[max(c_start, found[-1].end if found else 0):start]
        comparator = any(word in before[-6:] for word in COMPARATORS)
        period = _period_before(sentence, start)
        if not comparator and period is None:
            continue  # a number in passing (六次全会), not an obligation
        if period is None:
            period = found[-1].requirement.period if found else None
        clause_text = original[c_start:c_end].strip()
        if period is None:
            unread.append(Unread(item.id, clause_text, "未写明周期（每月、每季度、每半年或每年）"))
            continue
        after = sentence[end:c_end]
        counts = _keyword_after(_own_object(after)) or _keyword_before(before)
        if counts is None:
            unread.append(Unread(item.id, clause_text, "无法判断这项要求对应哪类记录"))
            continue
        requirement = Requirement(
            item=item.id, text=clause_text, section=item.section, item_title=item.title,
            item_text=item.text, counts=counts, period=period, target=number,
            role=_role(sentence, item.title),
        )
        found.append(_Found(requirement, start, end))
    return found


def _percents_in(item: PlanItem, sentence: str, original: str, found: list[_Found],
                 result: list[Requirement], unread: list[Unread]) -> None:
    clauses = _spans(sentence, _CLAUSE_END)
    hits = [(m.start(), m.end(), _percent_value(m)) for m in _PERCENT_RE.finditer(sentence)]
    hits += [(m.start(), m.end(), 100) for m in re.finditer("全覆盖", sentence)]
    for start, end, value in sorted(hits):
        c_start, c_end = next((a, b) for a, b in clauses if a <= start < b)
        clause, clause_text = sentence[c_start:c_end], original[c_start:c_end].strip()
        is_share = any(word in clause for word in SHARE_WORDS)
        is_coverage = not is_share and (any(w in clause for w in COVERAGE_WORDS)
                                        or sentence[start:end] == "全覆盖")
        if value is None or not (is_share or is_coverage):
            unread.append(Unread(item.id, clause_text, "含百分比，但无法判断对应哪项要求"))
            continue
        before = sentence[:start]
        for word in COVERAGE_WORDS:  # 约谈面 names the measure, not what is counted
            before = before.replace(word, "　" * len(word))
        subject = _keyword_before(before) or Counts("talk")
        ledger = "talk" if is_share or "约谈" in clause or "谈话" in clause else subject.ledger
        earlier = [f for f in found if f.start < start and f.requirement.counts
                   and f.requirement.counts.ledger == ledger]
        earlier_in_item = [r for r in result if r.counts and r.counts.ledger == ledger]
        target = earlier[-1].requirement if earlier else (
            earlier_in_item[-1] if earlier_in_item and is_share else None)
        if target is not None:
            if is_share:
                target.share = value
            else:
                target.coverage = value
            target.text = f"{target.text}，{clause_text}"
            continue
        if is_share:
            unread.append(Unread(item.id, clause_text, "写明了比例，但没有对应的约谈要求"))
            continue
        counts = subject if subject.ledger == ledger else _keyword_before(clause)
        result.append(Requirement(
            item=item.id, text=clause_text, section=item.section, item_title=item.title,
            item_text=item.text, counts=counts or subject, period=_period_before(sentence, start),
            coverage=value, role=_role(sentence, item.title),
        ))


def _own_object(after: str) -> str:
    """What follows a number, up to where the next obligation's object begins.

    In "不少于10次、廉政测试不少于2次" the words after "10次" belong to the next count.
    """
    firsts = [at for at in (after.find(word) for word in COMPARATORS) if at >= 0]
    if not firsts:
        return after
    return after[:max(after.rfind("、", 0, min(firsts)), 0)]


def _percent_value(match: re.Match[str]) -> int | None:
    try:
        if match.group("cn"):
            return parse_number(match.group("cn"))
        return round(float(match.group("num"))) if match.group("num").replace(".", "").isdigit() \
            else parse_number(match.group("num"))
    except ValueError:
        return None


def _note_countless(item: PlanItem, sentence: str, original: str,
                    unread: list[Unread]) -> None:
    """每季度听取汇报: a period and an activity but no number — ask, don't guess."""
    for c_start, c_end in _spans(sentence, _CLAUSE_END):
        clause = sentence[c_start:c_end]
        has_every = any(word.startswith("每") and word in clause for word, _ in PERIOD_WORDS)
        if has_every and _keyword_after(clause):
            unread.append(Unread(item.id, original[c_start:c_end].strip(),
                                 "写明了周期，但没有写明次数"))


def _period_before(sentence: str, index: int) -> Period | None:
    best, best_at = None, -1
    for word, period in PERIOD_WORDS:
        at = sentence.rfind(word, 0, index)
        if at > best_at or (at == best_at and at >= 0 and best is None):
            best, best_at = period, at
    return best if best_at >= 0 else None


def _keyword_after(segment: str) -> Counts | None:
    """The keyword that starts first after the number (longest on a tie)."""
    best: tuple[int, int, Counts] | None = None
    for word, counts in KEYWORDS:
        at = segment.find(word)
        if at >= 0 and (best is None or (at, -len(word)) < (best[0], -best[1])):
            best = (at, len(word), counts)
    return best[2] if best else None


def _keyword_before(segment: str) -> Counts | None:
    """The keyword that ends nearest the number (longest on a tie)."""
    best: tuple[int, int, Counts] | None = None
    for word, counts in KEYWORDS:
        at = segment.rfind(word)
        if at >= 0:
            key = (at + len(word), len(word))
            if best is None or key > (best[0], best[1]):
                best = (key[0], key[1], counts)
    return best[2] if best else None


def _role(sentence: str, title: str) -> Role | None:
    for text in (sentence, mask_quotes(title)):
        for words, role in ROLE_WORDS:
            if any(word in text for word in words):
                return role
    return None


def _unnumbered(item: PlanItem) -> Requirement:
    """An item with no number is still a requirement: met by a matching record, or by hand."""
    return Requirement(item=item.id, text=item.title, section=item.section,
                       item_title=item.title, item_text=item.text,
                       counts=_first_keyword(mask_quotes(item.text)),
                       role=_role(mask_quotes(item.text)[:60], item.title))


def _first_keyword(text: str) -> Counts | None:
    return _keyword_after(text)


__all__ = ["PlanDraft", "PlanItem", "Unread", "mask_quotes", "parse_plan", "replace",
           "split_items"]
