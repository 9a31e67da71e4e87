"""What records an unquantified duty names, the duties listed one count each, and the lines
of a rule that describe a meeting rather than ask for one.

- ``named_counts``: a duty with no number ("党组织定期召开专题例会", "严格落实领导干部报告
  个人事项、廉政承诺、谈话…等制度") is met by a record of any type it names — the built-in
  keywords, the built-in activity types, and the types the plan itself named (党员大会) —
  whatever the order the words come in.
- ``listed_duties``: 七个一 — "即建立一个临时党支部、进行一次审前廉政谈话、签订一份廉洁
  承诺书…": each element is a duty (done once, per occasion the plan names; no period).
- ``describes_a_meeting``: "党员大会由支部书记主持召开", "党员大会的主要内容：…",
  "支部党员大会是全体党员参加的会议" say who chairs a meeting, what it covers or what it
  is; they are not something to be done.
- ``done_often``: "经常对党员进行党纪教育", "定期召开专题例会": a duty done often, with no
  number — where its item is read otherwise, listed as unread (UNQUANTIFIED_REASON).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lianzheng_desktop.core.plan import Counts
from lianzheng_desktop.core.plan_vocab import KEYWORDS
from lianzheng_desktop.core.vocab import ACTIVITY_TYPES, OTHER


def _hits(text: str, plan_types: Iterable[tuple[str, str]]) -> list[tuple[int, int, Counts]]:
    candidates: list[tuple[str, Counts]] = list(KEYWORDS)
    candidates += [(name, Counts("activity", (name,), name))
                   for name in ACTIVITY_TYPES if name != OTHER]
    candidates += [(name, Counts(ledger, (name,), name)) for ledger, name in plan_types
                   if len(name) >= 3]  # 党员大会, 集中学习; not a two-character 学习 or 召开
    hits = []
    for word, counts in candidates:
        start = text.find(word)
        while start >= 0:
            if _a_step(text, start, start + len(word)) or _STAGE.match(text, start + len(word)):
                pass  # 传达学习、…、监督检查、回头看全链条闭环机制: a step named, not a record;
                # 抓好整改落实阶段各项工作: a stage of a campaign (revjiwei11 X3)
            elif not (counts.types == ("听取汇报",) and reports(_clause_at(text, start))):
                hits.append((start, start + len(word), counts))
            start = text.find(word, start + 1)
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    kept: list[tuple[int, int, Counts]] = []
    for hit in hits:  # the longest word at each place; no word inside another
        if not kept or hit[0] >= kept[-1][1]:
            kept.append(hit)
    return kept


_STAGE = re.compile(r"(?:落实|推进|整改|学习|工作)?阶段")
# …传达学习、任务分解、贯彻落实、监督检查、回头看全链条闭环机制: the steps of a mechanism
_CHAIN_END = re.compile(r"[^，,。；;：:]*?(?:全链条|全流程|链条|闭环|机制)")


def _a_step(text: str, start: int, end: int) -> bool:
    """Whether a record type named at ``start`` is one step of a list of three or more that
    names a mechanism's chain (revyear2 G2): to set up the chain is the duty, not to hold a
    督查检查; one record of that type must not mark it done."""
    if "、" not in text[max(start - 1, 0):start] + text[end:end + 1] \
            or _clause_at(text, start).count("、") < 2:
        return False
    return _CHAIN_END.match(text, end) is not None


def reports(clause: str) -> bool:
    """每学期汇报一次出勤情况, 向党委汇报: the one named reports (up); no one hears a report
    (听取…汇报, 审议…汇报, a 汇报会 the branch holds), so it is no 听取汇报 record."""
    return "汇报" in clause and not any(word in clause for word in ("听", "审议", "汇报会"))


def _clause_at(text: str, at: int) -> str:
    start = max(text.rfind(ch, 0, at) for ch in "，,。；;：:\n") + 1
    ends = [i for i in (text.find(ch, at) for ch in "，,。；;：:\n") if i >= 0]
    return text[start:min(ends, default=len(text))]


def named_counts(text: str, plan_types: Iterable[tuple[str, str]] = ()) -> Counts | None:
    """Every record type ``text`` names, in the ledger it names most types of (a tie: the
    ledger named first). Within the ledger the order of the words does not matter."""
    hits = _hits(text, plan_types)
    if not hits:
        return None
    by_ledger: dict[str, list[Counts]] = {}
    for _, _, counts in hits:  # in the order named: a tie goes to the first-named ledger
        by_ledger.setdefault(counts.ledger, []).append(counts)
    most = max(len({c.types for c in found}) for found in by_ledger.values())
    ledger = next(key for key, found in by_ledger.items() if len({c.types for c in found}) == most)
    found = by_ledger[ledger]
    if len({c.types for c in found}) == 1:
        return found[0]
    if any(not c.types for c in found):  # 警示教育 (every form) with 廉政党课: every form
        return next(c for c in found if not c.types)
    types = tuple(sorted({t for c in found for t in c.types}))
    labels = sorted({c.label for c in found})
    return Counts(ledger, types, "或".join(labels))


_COUNT_WORD = "一两二三四五六七八九十1-9"
_ELEMENT = re.compile(rf"^(?:即|包括|也就是)?[：:]?([\u4e00-\u9fff]{{1,3}}?)([{_COUNT_WORD}])"
                      r"(个|次|份|项|场|堂|篇|本|批|件|轮|期)([^、，。；]{2,24})$")


def listed_duties(clause: str) -> list[tuple[int, int]]:
    """The (start, end) of each duty of a list like 即建立一个…、进行一次…、签订一份…
    (three or more elements, each a verb, a count and its object); [] if ``clause`` is not
    such a list."""
    parts, start = [], 0
    for index, ch in enumerate(clause + "、"):
        if ch == "、":
            parts.append((start, index))
            start = index + 1
    if len(parts) < 3:
        return []
    found = []
    for a, b in parts:
        match = _ELEMENT.match(clause[a:b])
        if match is None:
            return []
        found.append((a + match.start(1), b))
    return found


_CHAIRED = re.compile(r"^[^，。；]{2,12}由[^，。；]{2,14}(?:主持(?:召开)?$|参加(?:[，,]|$))")
_CONTENTS = re.compile(r"^[^，。；]{2,12}的?主要(?:内容|议题|任务)(?:是|为|包括|有)?[：:]"
                       r"|^(?:会议|学习|活动)?(?:主要)?内容$")


# 支部党员大会是全体党员参加的会议, 党课是…的基本形式: what the meeting is
_DEFINES = re.compile(r"^[^，。；是]{0,10}(?:会|会议|课)是[^，。；]{1,24}?"
                      r"(?:会议|机关|机构|组织|形式|制度|载体|平台)(?:[，,]|$)")


def describes_a_meeting(first_sentence: str) -> bool:
    """党员大会由支部书记主持召开 / 支委会由全体支部委员参加 / 党员大会的主要内容：… /
    a heading 会议内容 / 支部党员大会是全体党员参加的会议 — who chairs or attends a meeting,
    what it covers, what it is."""
    first_sentence = first_sentence.strip().rstrip("。；;")
    return bool(_CHAIRED.match(first_sentence) or _CONTENTS.match(first_sentence)
                or _DEFINES.match(first_sentence))


_ASKS = re.compile(r"(?:要求|必须|务必|应当|应|要|须|需)")
_ACTIVITY_UNITS = ("次", "场", "堂", "期", "轮")
_NOT_A_COUNT = re.compile(r"届[^，。；]{0,6}$|(?:年|个月|月|季度?|周)$")


def asks_once(sentence: str, clause: str, count, c_start: int) -> bool:
    """各支部要开展一次廉政专题党课: a count of an activity that the text asks for (要, 应,
    必须 … before it) but under no period — it looks like a duty and is not read, so it is
    listed as unread rather than dropped."""
    before = sentence[max(0, c_start - 20):count.start]
    if _NOT_A_COUNT.search(before[-8:]) or sentence.startswith("全会", count.end):
        return False  # 十八届纪委二次全会: an ordinal; 两年一次: a period the reader skips
    return count.unit in _ACTIVITY_UNITS and bool(_ASKS.search(before)) \
        and not clause.lstrip().startswith("每")


# 每年年初…制定, and 每学期初…举行 / 每学期结束前…总结 (a semester's start or end, likewise)
_AT_A_TIME_OF_YEAR = re.compile(r"^(?:(?:每年)?(?:年初|年底|年末|年终)"
                                r"|每学期(?:初|末|结束前|结束时|开学))[，,]?[^。；]{0,20}?"
                                r"(?:制定|制订|报送|上报|召开|开展|组织|签订|总结|举行|进行)")


def at_a_time_of_year(sentence: str) -> bool:
    """年初，党支部根据实际，制定具体的年度学习计划: a duty at one time of each year (or of
    each semester: 每学期结束前总结…), which the quarterly checklist does not check — listed
    unread, not dropped (revoffice F5)."""
    sentence = sentence.strip()  # 年初，…制定并下发《2025年…要点》: what one year did
    return bool(_AT_A_TIME_OF_YEAR.match(sentence)) and not re.search(r"(?:19|20)\d{2}年", sentence)


UNQUANTIFIED_REASON = ("写了要经常（定期）做的事，但没有写次数和周期，未作为检查事项；如需检查，"
                       "请双击添加为一项要求")
_OFTEN = re.compile(r"(?<!、)(?:经常|定期|不定期|适时)(?:性地|地)?")
_ASKED = re.compile(r"应当|应该|应|必须|须|(?<![主重纪需必])要(?![求点素件])|坚持")


def done_often(sentence: str) -> bool:
    """党支部应…经常对党员进行党纪教育, 党员要定期向党组织汇报: an act (召开, 开展, 教育 …)
    the text asks (应, 要, 必须 … before it) to be done often or regularly, with no number — a
    duty a reader must not drop silently. Not 需要定期召开的会议 (which meetings), not
    、定期述职、 (a list of systems' names), not 必要时可随时召开."""
    from lianzheng_desktop.core.plan_principles import ACTS

    for match in _OFTEN.finditer(sentence):
        clause = re.split(r"[，,。；;：:]", sentence[match.end():], maxsplit=1)[0]
        act = ACTS.search(clause)
        if act and not clause.startswith("的", act.end()) \
                and _ASKED.search(sentence[:match.start()]):
            return True
    return False
