"""Reading a plan's text (年度工作要点, a rule, a responsibility list) into requirements.

``plan_text`` makes the text regular and finds its items; ``plan_grammar`` knows the
shapes an obligation takes inside a sentence, ``plan_shapes`` those one clause does not
show (themed days named across an item, a heading restated below it); this module walks
every sentence of every item (headings and the preamble included), reads the obligations
and says what it could not read. An activity no built-in type names becomes a type of the
plan's own, named from the text (政治学习, 党小组会 …). What looks like an obligation but
cannot be read is returned as unread with its reason, never dropped; nothing is invented.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.core.plan import Counts, Period, Requirement, Role
from lianzheng_desktop.core.plan_deadline import read_deadline_duties
from lianzheng_desktop.core.plan_grammar import (
    DAY,
    LONG,
    WEEK,
    Count,
    clean_object,
    counts_in,
    has_comparator,
    has_modal,
    is_deadline,
    is_past,
    keyword_after,
    keyword_before,
    periods_in,
    spans,
    specific_time,
    subject_role,
)
from lianzheng_desktop.core.plan_percent import read_percents
from lianzheng_desktop.core.plan_shapes import (
    AFTER_A_TIME,
    EACH_ONE,
    HAS,
    cadence_lists,
    counts_heads,
    half_and_year,
    heads_a_body,
    in_a_condition,
    named_report,
    names_a_system,
    restates,
    stands_alone,
    themed_days,
)
from lianzheng_desktop.core.plan_text import (
    PLAN_KINDS,
    Node,
    normalise,
    section_of,
    split_nodes,
    title_of,
)
from lianzheng_desktop.core.plan_vocab import COMPARATORS

MAX_PLAN_CHARS = 2_000_000  # a year's plan is a few thousand characters
ITEM_TEXT_LIMIT = 500  # a requirement keeps its own sentence, and the start of its item
_SENTENCE_END = "。；;！!？?\n"
_QUOTES = {"“": "”", "「": "」", "\"": "\"", "‘": "’", "《": "》"}
_YEAR_RE = re.compile(r"(20\d{2})\s*年")
_MASK = "＿"
_SLOGAN_RE = re.compile(r"每(月|季度?|半年|年|周|天|日)一(?![次回个件篇期份项度年月周天日])"
                        r"([\u4e00-\u9fff]{1,8}?)(?=[”」\"’、，,等])")
_DAY_SET_AS = re.compile(r"每月(?:的)?[^，。；为]{1,10}?(?:为|设定为|确定为|定为)[“\"]?"
                         r"([\u4e00-\u9fff]{2,10}?(?:日|活动))")
_PAST = object()  # a count in a sentence of results: those after it are results too
_TIME_OF_PERIOD = re.compile(r"(?:年初|年底|年终|年末|\d{1,2}[日号]"
                             r"|[一二三四五六七八九十]{1,3}[日号])")
_MODIFIER_BEFORE = re.compile(r"(?:在|明确|制定|确定|结合|根据|按照|围绕|对|于|将|为"
                              r"|丰富|充实|完善)$")
_UNTRACKED = {WEEK: "按周的要求只列出，不纳入季度清单", DAY: "按天的要求只列出，不纳入季度清单",
              LONG: "周期长于一年，不纳入季度清单"}
_SLOGAN_PERIODS = {"月": Period.MONTH, "季": Period.QUARTER, "季度": Period.QUARTER,
                   "半年": Period.HALF, "年": Period.YEAR, "周": WEEK, "天": DAY, "日": DAY}


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
    unread: list[Unread] = field(default_factory=list)  # looked like a requirement
    untracked: list[Unread] = field(default_factory=list)  # read, but weekly or daily

    @property
    def new_types(self) -> list[tuple[str, str]]:
        """(ledger, type) pairs the plan names that no built-in vocabulary has."""
        from lianzheng_desktop.core.ledgers import LEDGERS

        found: list[tuple[str, str]] = []
        for requirement in self.requirements:
            counts = requirement.counts
            if counts is None or not counts.types:
                continue
            spec = LEDGERS[counts.ledger]
            builtin = spec.field(spec.counted_by).choices if spec.counted_by else ()
            for name in counts.types:
                if name not in builtin and (counts.ledger, name) not in found:
                    found.append((counts.ledger, name))
        return found


def split_items(text: str) -> list[PlanItem]:
    """The leaf items of a plan (what the plan page lists), numbered as the text numbers."""
    return [_plan_item(node) for node in split_nodes(normalise(text))
            if node.is_leaf and node.kind != "preamble"]


def _plan_item(node: Node) -> PlanItem:
    return PlanItem(node.id, section_of(node), title_of(node.text), node.text)


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


def parse_plan(text: str, year: int | None = None) -> PlanDraft:
    if len(text) > MAX_PLAN_CHARS:
        raise UserError(f"文件过大（{len(text):,} 字），不像一份年度工作要点（上限 "
                        f"{MAX_PLAN_CHARS:,} 字）。请只保留工作要点正文后再导入。")
    text = normalise(text)
    if year is None:
        match = _YEAR_RE.search(text[:300])
        year = int(match.group(1)) if match else None
    nodes = split_nodes(text)
    draft = PlanDraft(year, [_plan_item(n) for n in nodes if n.is_leaf and n.kind != "preamble"])
    for node in nodes:
        reader = _ItemReader(node, draft)
        found = reader.read()
        if not found and node.is_leaf and node.kind in PLAN_KINDS:
            found = [_unnumbered(node)]
        draft.requirements += [_with_sources(r) for r in found]
    draft.requirements = _without_rules_quoted_again(draft.requirements)
    return draft


_QUOTES_A_RULE = re.compile(r"《[^》]{1,30}》(?:则|也|还|亦|又)?(?:规定|要求|明确)")


def _without_rules_quoted_again(requirements: list[Requirement]) -> list[Requirement]:
    """A rule a text quotes and then quotes again (《条例》则规定每年都要述责述廉, set against
    an older rule) is one duty: the later quotation is dropped where an earlier requirement
    has the same period, number and activity."""
    kept: list[Requirement] = []
    for requirement in requirements:
        again = _QUOTES_A_RULE.search(requirement.text) and any(
            (r.period, r.target) == (requirement.period, requirement.target)
            and r.counts is not None and requirement.counts is not None
            and r.counts.label == requirement.counts.label for r in kept)
        if not again:
            kept.append(requirement)
    return kept


def _with_sources(requirement: Requirement) -> Requirement:
    """A 整改 duty counts the items of the 问题来源 its own words name ("做好县委巡察整改工作":
    巡察反馈), not every item an audit or a self-check found."""
    from dataclasses import replace

    from lianzheng_desktop.core.plan_vocab import RECTIFICATION_SOURCE_WORDS

    counts = requirement.counts
    if counts is None or counts.ledger != "rectification" or counts.types:
        return requirement
    words = requirement.item_title + requirement.text
    sources = tuple(dict.fromkeys(source for word, source in RECTIFICATION_SOURCE_WORDS
                                  if word in words))
    return replace(requirement, counts=replace(counts, types=sources)) if sources else requirement


# -- one item -------------------------------------------------------------------------

class _ItemReader:
    def __init__(self, node: Node, draft: PlanDraft):
        self.node = node
        self.draft = draft
        self.item = _plan_item(node)

    def requirement(self, text: str, **values) -> Requirement:
        item = self.item
        return Requirement(item=item.id, text=text.strip(), section=item.section,
                           item_title=item.title, item_text=item.text[:ITEM_TEXT_LIMIT],
                           **values)

    def unread(self, text: str, reason: str) -> None:
        self.draft.unread.append(Unread(self.item.id, text.strip(), reason))

    def untracked(self, text: str, reason: str) -> None:
        self.draft.untracked.append(Unread(self.item.id, text.strip(), reason))

    def read(self) -> list[Requirement]:
        original = self.node.text
        masked = mask_quotes(original)
        result: list[Requirement] = []
        loose: list[Requirement] = []  # read from a bare period (每月通报): once
        previous = ""
        heading: list[Requirement] = []  # read from a first line that heads a body
        days = themed_days(original)
        for s_start, s_end in spans(masked, _SENTENCE_END):
            sentence, text = masked[s_start:s_end], original[s_start:s_end]
            found = self._slogans(text) + self._cadences(text) + self._counts(sentence, text)
            found += self._half_and_year(sentence, text, found)
            if days is not None and days[0] in text:
                words, period, number = days  # “每月四日”活动: four themed days a month
                found.append(self.requirement(words, counts=new_type(words), period=period,
                                              target=number, unit_word="天"))
                days = None  # the same days named again later in the item: still once
            due = read_deadline_duties(self, sentence, text, previous)
            bare = self._bare_periods(_mask_titles(text), text, found,
                                      due_at={text.find(r.text) for r in due})
            found += due
            previous = sentence
            read_percents(self, sentence, text, found, result)
            if s_start == 0 and heads_a_body(original, s_end):
                heading = found + bare
            result += found
            loose += bare
        counted = {r.period for r in result}
        # 二是每月一例会。…每月召开一次例会: a heading's slogan restates the duty below it
        result += [r for r in loose if r.period not in counted or len(r.text) > 12]
        restated = [h for h in heading if any(restates(h, r) for r in result if r not in heading)]
        return [r for r in result if r not in restated]

    # -- NUMBER UNIT under a period ---------------------------------------------------
    def _counts(self, sentence: str, text: str) -> list[Requirement]:
        found: list[Requirement] = []
        clauses = spans(sentence)
        periods = periods_in(sentence)
        counts = counts_in(sentence)
        previous_end, inherited = 0, None
        inside = _bracketed(sentence)
        for count in counts:
            c_start, c_end = next(((a, b) for a, b in clauses if a <= count.start < b),
                                  (0, len(sentence)))
            clause, clause_text = sentence[c_start:c_end], text[c_start:c_end]
            if inside[count.start] and any(c_start <= c.start < c_end and not inside[c.start]
                                           for c in counts):
                continue  # 每季度召开1次（结合主题党日一般每月1次）: an aside
            before = sentence[max(c_start, previous_end):count.start]
            if previous_end > c_start and "或" in before:
                continue  # 上一次党课或者看一次录像: one obligation, two ways to meet it
            period = self._period_of(sentence, clause, c_start, count, periods, counts,
                                     inherited)
            if is_past(clause, before) or (inherited is _PAST and period is _PAST):
                inherited = _PAST  # 共开展集中学习22次，支部生活日24次: the results go on
                continue
            if period is None:
                compared = has_comparator(before[-8:])
                if compared and not specific_time(clause):
                    self.unread(clause_text, "未写明周期（每月、每季度、每半年或每年）")
                elif compared:
                    self.unread(clause_text, "写的是某一时段的任务，不是按周期的要求，请核对")
                continue
            if not isinstance(period.period, Period):
                self.untracked(clause_text, _UNTRACKED[period.period])
                previous_end, inherited = count.end, period
                continue
            counts_for = self._object(sentence, clause, count, before, c_start, c_end)
            if counts_for is None:
                self.unread(clause_text, "无法判断这项要求对应哪类记录")
                continue
            found.append(self.requirement(
                clause_text, counts=counts_for, period=period.period,
                target=count.target * period.multiplier,
                unit_word=_unit_word(count.unit, counts_for),
                role=subject_role(sentence[:count.start])))
            previous_end, inherited = count.end, period
        return found

    @staticmethod
    def _period_of(sentence: str, clause: str, c_start: int, count: Count,
                   periods: list, counts: list[Count], inherited):
        """The period a count falls under: its own clause's, the one the sentence's last
        obligation had, or a period standing alone in an earlier clause (每季度，…召开一次)."""
        own = [p for p in periods if c_start <= p.start < count.start]
        if own:
            period = own[-1]
            if period.every or has_modal(clause) or has_comparator(clause):
                return period if not (not period.every and specific_time(clause)) else None
            return None
        if specific_time(clause):
            return None
        each_one = EACH_ONE.match(clause.lstrip())  # 每名支委轮流讲一次: a turn each
        if inherited is not None:
            return None if each_one and inherited is not _PAST else inherited  # may be _PAST
        earlier = [p for p in periods if p.start < count.start]
        compared = has_comparator(clause[:count.start - c_start])
        if earlier and (earlier[-1].every or compared) and not any(
                earlier[-1].end <= c.start < count.start for c in counts):
            if each_one and not stands_alone(sentence, earlier[-1]):
                return None
            return earlier[-1]
        return None

    def _object(self, sentence: str, clause: str, count: Count, before: str,
                c_start: int, c_end: int) -> Counts | None:
        after = _own_object(sentence[count.end:c_end])
        up = _reporting_up(clause)
        if up is not None:
            return up
        named = keyword_after(after) or keyword_before(before)
        if named is not None:
            return named
        for phrase, verb_from in ((after, before), (before, "")):
            name = clean_object(_strip_periods(phrase))
            if _not_an_activity(name):
                return None
            if len(name) >= 2:
                if len(name) == 2 and verb_from:
                    verb = clean_object_verb(verb_from)
                    name = verb + name if verb else name
                return new_type(name)
        previous = sentence[:c_start].rstrip("，,、")
        carried = keyword_before(previous)
        if carried is not None:
            return carried
        name = clean_object(_strip_periods(re.split(r"[，,；;]", previous)[-1])) if previous \
            else ""
        return new_type(name) if len(name) >= 2 and not _not_an_activity(name) else None


    # -- 每季度末交换意见: a bare period means once ------------------------------------
    def _bare_periods(self, sentence: str, text: str, found_here: list[Requirement],
                      due_at: set[int]) -> list[Requirement]:
        """``due_at``: the clauses where a report due by a date starts (plan_deadline),
        read already."""
        found = []
        taken = {r.text for r in found_here}
        counted = {r.period for r in found_here}
        for c_start, c_end in spans(sentence):
            clause, clause_text = sentence[c_start:c_end], text[c_start:c_end]
            if counts_in(clause) or clause_text.strip() in taken:
                continue
            if (day := _DAY_SET_AS.search(clause)) and Period.MONTH not in counted:
                name = day.group(1)  # 把每月5日设定为党员活动日
                found.append(self.requirement(
                    clause_text, counts=keyword_after(name) or new_type(name),
                    period=Period.MONTH, target=1, role=subject_role(sentence[:c_start])))
                continue
            every = [p for p in periods_in(_mask_parens(clause)) if p.alone_means_once
                     and p.period not in counted]
            if not every or is_deadline(clause) or is_past(clause, "") or "基础上" in clause:
                continue
            period = every[0]
            if c_start in due_at:
                continue  # 每季度末最后一天把…报送: a report due, read by plan_deadline
            if report := named_report(clause, period):
                found.append(self.requirement(  # 对每月底月报内容进行明确: a monthly report
                    clause_text, counts=new_type(report), period=period.period,
                    target=1, role=subject_role(sentence[:c_start + period.start])))
                continue
            if _MODIFIER_BEFORE.search(clause[:period.start]) or in_a_condition(clause, period):
                continue  # 明确每月活动主题: "each month's", not "every month do"
            if names_a_system(clause, period) or counts_heads(clause, period):
                continue  # 确立了…每年述职报告制度: a name; 每年安排8位…述职: a head count
            if _TIME_OF_PERIOD.match(clause, period.end) or HAS.match(clause, period.end):
                continue  # 每年年初制订, 每月5日: when in the period; 每月有安排: a slogan
            if clause.endswith("后") and c_end < len(sentence):
                act = clean_object(clause[period.end:-1])
                if len(act) < 4 or act.endswith(AFTER_A_TIME):
                    continue  # 每季度结束后: a time, not an act
                clause = clause[:-1]  # 党员每月缴纳党费后，…: the act recurs too
            after = clean_object(clause[period.end:])
            before = clean_object(_without_subject(_strip_periods(clause[:period.start])))
            name = after if len(after) >= 4 or not before else before + after
            if len(after) < 2 and not before or _not_an_activity(name):
                continue
            if not isinstance(period.period, Period):
                self.untracked(clause_text, _UNTRACKED[period.period])
                continue
            up = _reporting_up(clause)
            counts = up or keyword_after(name) or new_type(name)
            found.append(self.requirement(
                clause_text, counts=counts, period=period.period, target=period.multiplier,
                role=subject_role(sentence[:c_start + period.end])))  # 党员每月…: each member
        return found

    # -- “周调度、月通报、季评估” -----------------------------------------------------------
    def _cadences(self, text: str) -> list[Requirement]:
        found = []
        for words, period, act in cadence_lists(text):
            if not isinstance(period, Period):
                self.untracked(act, _UNTRACKED[period])  # 周调度, of 周调度、月通报
                continue
            act = act[2:] if act.startswith("半年") else act[1:]  # 月通报 → 通报
            found.append(self.requirement(words, counts=keyword_after(act) or new_type(act),
                                          period=period, target=1))
        return found

    # -- “半年和全年都有自查总结” -----------------------------------------------------------
    def _half_and_year(self, sentence: str, text: str,
                       found_here: list[Requirement]) -> list[Requirement]:
        found = []
        for c_start, c_end in spans(sentence):
            clause = sentence[c_start:c_end]
            if counts_in(clause) or (read := half_and_year(clause)) is None:
                continue
            if any(r.period is Period.HALF for r in found_here):
                continue
            at, act = read
            found.append(self.requirement(
                text[c_start:c_end], counts=keyword_after(act) or new_type(act),
                period=Period.HALF, target=1, role=subject_role(sentence[:c_start + at])))
        return found

    # -- “每月一廉文荐读” ----------------------------------------------------------------
    def _slogans(self, text: str) -> list[Requirement]:
        found = []
        for match in _SLOGAN_RE.finditer(text):
            period = _SLOGAN_PERIODS[match.group(1)]
            if not isinstance(period, Period):
                self.untracked(match.group(0), _UNTRACKED[period])
                continue
            name = match.group(2) if len(match.group(2)) >= 2 else match.group(0)
            counts = keyword_after(name) or new_type(name)
            found.append(self.requirement(match.group(0), counts=counts, period=period,
                                          target=1))
        return found


def _bracketed(text: str) -> list[bool]:
    """For each index, whether it stands inside （…） or (…)."""
    depth, marks = 0, []
    for ch in text:
        if ch in "（(":
            depth += 1
        marks.append(depth > 0)
        if ch in "）)" and depth:
            depth -= 1
    return marks


def _mask_titles(text: str) -> str:
    """《…》 blanked: a title is never an obligation; a quoted mechanism can be one."""
    return re.sub(r"《[^》]*》", lambda m: _MASK * len(m.group(0)), text)


def _mask_parens(text: str) -> str:
    """(每月5日) in brackets is an aside, not a duty."""
    return re.sub(r"[（(][^（()）]*[）)]", lambda m: _MASK * len(m.group(0)), text)


def _not_an_activity(name: str) -> bool:
    """A quoted title (masked), or a time (节庆日期间), cannot name a type of records."""
    return _MASK in name or name.endswith(("期间", "时", "前", "后", "之际"))


def clean_object_verb(text: str) -> str:
    """The verb right before a number (编发1期简报 → 编发), if it is one."""
    text = re.sub(rf"(?:{'|'.join(COMPARATORS)})$", "", text.rstrip())
    match = re.search(r"(编发|编印|撰写|召开|举办|开展|报送|提交|通报|发布|推送|讲授|上报)$", text)
    return match.group(1) if match and match.group(1) not in ("开展", "举办") else ""


def _strip_periods(text: str) -> str:
    for period in reversed(periods_in(text)):
        text = text[:period.start] + text[period.end:]
    return text


def _without_subject(text: str) -> str:
    """The words before a period word, less who does it (党支部, 班子成员 …)."""
    from lianzheng_desktop.core.plan_vocab import ROLE_WORDS

    for words, _ in ROLE_WORDS:
        for word in sorted(words, key=len, reverse=True):
            if word in text:
                text = text.split(word)[-1]
    return text


def _unit_word(unit: str, counts: Counts) -> str:
    if unit in ("次", "件", "个", "场", "轮"):
        return ""  # the usual words; the checklist says 次 or 件 as before
    return unit


def _reporting_up(clause: str) -> Counts | None:
    """向上级党委汇报 is reporting up, not 听取汇报 (hearing reports)."""
    match = re.search(r"向([\u4e00-\u9fff（）()]{1,12}?)(?:汇报|报告|述职|述责)", clause)
    if match is None or "听取" in clause[:match.start()]:
        return None
    if any(word in clause for word in ("履责", "一岗双责", "述责", "述廉", "述职", "履行职责")):
        return Counts("activity", ("履责报告",), "报告履责情况")
    target = re.sub(r"[（(].*?[）)]", "", match.group(1))
    return new_type(f"向{target}汇报")


def new_type(name: str) -> Counts:
    """A type of the plan's own, in the ledger its name points to (会议活动 by default)."""
    name = name.strip("＿ ")
    ledger = "activity"
    if "警示" in name:
        ledger = "warning_education"
    elif "谈" in name and "座谈" not in name:
        ledger = "talk"
    elif "整改" in name:
        return Counts("rectification", (), name)
    return Counts(ledger, (name,), name)


def _own_object(after: str) -> str:
    """What follows a number, up to where the next obligation's object begins.

    In "不少于10次、廉政测试不少于2次" the words after "10次" belong to the next count.
    """
    firsts = [at for at in (after.find(word) for word in COMPARATORS) if at >= 0]
    if not firsts:
        return after
    return after[:max(after.rfind("、", 0, min(firsts)), 0)]


def guess_requirement(unread: Unread) -> Requirement:
    """A starting point for turning an unread sentence into a requirement by hand: what
    the sentence does say (the activity, a number, a period), for the user to complete."""
    masked = mask_quotes(unread.text)
    counts = counts_in(masked)
    periods = [p for p in periods_in(masked) if isinstance(p.period, Period)]
    period = periods[0].period if periods else None
    found = keyword_after(masked[counts[0].end:] if counts else masked) or keyword_before(
        masked[:counts[0].start] if counts else masked)
    return Requirement(item=unread.item, text=unread.text, counts=found,
                       period=period if isinstance(period, Period) else None,
                       target=counts[0].target * (periods[0].multiplier if periods else 1)
                       if counts else None)


def _unnumbered(node: Node) -> Requirement:
    """An item with no number is still a requirement: met by a matching record, or by hand."""
    item = _plan_item(node)
    masked = mask_quotes(item.text)
    return Requirement(item=item.id, text=item.title, section=item.section,
                       item_title=item.title, item_text=item.text[:ITEM_TEXT_LIMIT],
                       counts=keyword_after(masked),
                       role=_first_role(masked[:60], item.title))


def _first_role(text: str, title: str) -> Role | None:
    from lianzheng_desktop.core.plan_vocab import ROLE_WORDS

    for part in (text, mask_quotes(title)):
        part = part.replace("总书记", "")  # 习近平总书记: not the branch's secretary
        for words, role in ROLE_WORDS:
            if role is Role.MEMBER:
                continue
            if any(word in part for word in words):
                return role
    return None


__all__ = ["PlanDraft", "PlanItem", "Unread", "guess_requirement", "mask_quotes", "new_type",
           "parse_plan",
           "replace", "split_items"]
