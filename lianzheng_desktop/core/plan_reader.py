"""Reading one item of a plan, sentence by sentence, into requirements.

The shapes an obligation takes inside a clause are ``plan_grammar``'s; those one clause does
not show are ``plan_shapes``'; reports due by a date are ``plan_deadline``'s and shares are
``plan_percent``'s; lists of counted duties (七个一), slogans (每月一廉文荐读), cadence
lists (月通报、季评估) and 半年和全年 are ``plan_forms``'. This module walks the sentences of
one item and puts them together: a NUMBER UNIT under a period, a bare period (once). What
looks like an obligation but cannot be read goes to the draft's unread list with its reason;
weekly and daily ones to its untracked list.
"""

from __future__ import annotations

import re

from lianzheng_desktop.core.numerals import NUMERAL_CHARS
from lianzheng_desktop.core.plan import Counts, Period, Requirement
from lianzheng_desktop.core.plan_deadline import read_deadline_duties
from lianzheng_desktop.core.plan_draft import (
    ITEM_TEXT_LIMIT,
    PlanDraft,
    Unread,
    bracketed,
    mask_parens,
    mask_quotes,
    mask_titles,
    plan_item,
    unmask,
)
from lianzheng_desktop.core.plan_forms import UNTRACKED, OtherForms
from lianzheng_desktop.core.plan_grammar import (
    Count,
    clean_object,
    counts_in,
    has_comparator,
    has_modal,
    is_deadline,
    is_past,
    is_scoring,
    keyword_after,
    only_adverb,
    periods_in,
    spans,
    specific_time,
    subject_role,
)
from lianzheng_desktop.core.plan_joined import as_listed, own_clauses
from lianzheng_desktop.core.plan_naming import (
    counted_by,
    new_type,
    not_an_activity,
    only_who,
    reporting_up,
    strip_periods,
    unit_word,
    without_subject,
)
from lianzheng_desktop.core.plan_percent import read_percents
from lianzheng_desktop.core.plan_records import (
    asks_once,
    at_a_time_of_year,
    done_often,
    listed_duties,
)
from lianzheng_desktop.core.plan_scope import plans_a_count
from lianzheng_desktop.core.plan_shapes import (
    AFTER_A_TIME,
    EACH_ONE,
    HAS,
    counts_heads,
    heads_a_body,
    held_together,
    in_a_condition,
    named_report,
    names_a_system,
    restates,
    stands_alone,
    themed_days,
)
from lianzheng_desktop.core.plan_text import Node
from lianzheng_desktop.core.plan_topic import with_subject

_SENTENCE_END = "。；;！!？?\n"
# an amount under a period is how much, not how often: days, households, money (not 每月相对
# 固定1天开展主题党日: the day it is done)
_AMOUNT = re.compile(r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)\s*(?:户|元|万元|天(?=以上))"
                     r"|(?:不少于|至少|累计|超过)\s*(?:\d+|[一二两三四五六七八九十百千]+)\s*个?天")
AMOUNT_REASON = ("写的是天数、户数或金额，不是次数，未作为检查事项；如需检查，请双击添加为"
                 "一项要求")
_HOURS = re.compile(r"\d+(?:\.\d+)?\s*(?:个)?(?:小时|学时|分钟)"
                    r"|[半一二两三四五六七八九十]+(?:个)?(?:小时|学时)")
_DAY_SET_AS = re.compile(r"每月(?:的)?[^，。；为]{1,10}?(?:为|设定为|确定为|定为)[“\"]?"
                         r"([\u4e00-\u9fff]{2,10}?(?:日|活动))")
_PAST = object()  # a count in a sentence of results: those after it are results too
_TIME_OF_PERIOD = re.compile(r"(?:年初|年底|年终|年末|\d{1,2}[日号]"
                             r"|[一二三四五六七八九十]{1,3}[日号])")
_SEMESTER_TIME = re.compile(r"(?:初|末|期初|期末|期中|结束前|结束时|开学)")  # 每学期初, 每学期期末
# 每月9日（遇节假日顺延）的主题党日活动: the day of the month an activity is held on
_HELD_ON = re.compile(r"(?:第[一二三四1-4]个?(?:周|星期)[一二三四五六日天1-7]?|\d{1,2}[日号]"
                      r"|[一二三四五六七八九十]{1,3}[日号])(?:[（(][^（()）]{1,12}[）)])?的"
                      r"([\u4e00-\u9fff“”\"]{2,12})$")
_SENT_TO = re.compile(r"报送|上报|呈报|交")
# 按季度制定…年度学习计划: the year's plan is what is made (not 研究落实年度工作计划, revdiff7 F9)
_YEARS_PLAN = re.compile(r"^(?:制定|制订|拟定|编制)[^，。；]*(?:年度|全年)[^，。；]*(?:计划|方案)$")
_LIST_TOTAL = re.compile(rf"、[^，,。；;]*等(?:\d+|[{NUMERAL_CHARS}]+)[个项](?!以上)")
_HOW = re.compile(r"(?:坚持|实行|推行|做到|落实)$")
_ITEM_END = re.compile(r"[、”“\"]")
_MODIFIER_BEFORE = re.compile(r"(?:在|明确|制定|确定|结合|根据|按照|围绕|对|于|将"
                              r"|(?<!一般)(?<!通常)(?<!正常)(?<!原则上)为"  # 一般为每季度: "is"
                              r"|丰富|充实|完善)$")


# -- one item, sentence by sentence -------------------------------------------------

class ItemReader(OtherForms):
    def __init__(self, node: Node, draft: PlanDraft):
        self.node = node
        self.draft = draft
        self.item = plan_item(node)
        self.done_often: list[str] = []  # 经常对党员进行党纪教育: read as nothing (parse_plan)

    def requirement(self, text: str, **values) -> Requirement:
        if "counts" in values:  # a name read from masked words: its quotes put back
            values["counts"] = unmask(values["counts"], self.node.text)
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
        timed: list[str] = []  # 年初，…制定年度学习计划: a duty at one time of the year
        days = themed_days(original)
        for s_start, s_end in spans(masked, _SENTENCE_END):
            sentence, text = masked[s_start:s_end], original[s_start:s_end]
            listed = len(self.draft.unread) + len(self.draft.untracked)
            found = self._slogans(text) + self._cadences(text) + self._counts(sentence, text)
            found += self._listed(sentence, text)
            found = [with_subject(r, text) for r in found]  # 研判意识形态形势，…召开一次专题会议
            found += self._half_and_year(sentence, text, found)
            if days is not None and days[0] in text:
                words, period, number = days  # “每月四日”活动: four themed days a month
                found.append(self.requirement(words, counts=new_type(words), period=period,
                                              target=number, unit_word="天"))
                days = None  # the same days named again later in the item: still once
            due = read_deadline_duties(self, sentence, text, previous)
            bare = self._bare_periods(mask_titles(text), text, found,
                                      due_at={text.find(r.text) for r in due})
            found += due
            previous = sentence
            read_percents(self, sentence, text, found, result)
            if s_start == 0 and heads_a_body(original, s_end):
                heading = found + bare
            if not found and not bare and at_a_time_of_year(text) \
                    and not is_past(sentence, ""):
                timed.append(text)
            elif not found and not bare and done_often(sentence) and not is_past(sentence, "") \
                    and listed == len(self.draft.unread) + len(self.draft.untracked):
                self.done_often.append(text)
            result += found
            loose += bare
        if result or loose:  # an item read as nothing is a duty without a number (parse_plan)
            for text in timed:
                when = "每学期开始或结束时" if "学期" in text[:6] else "每年年初或年底"
                self.unread(text, f"写的是{when}要做的事，不按季度检查；如需检查，"
                                  "请双击添加为一项要求")
        counted = {r.period for r in result}
        # 二是每月一例会。…每月召开一次例会: a heading's slogan restates the duty below it
        result += [r for r in loose if r.period not in counted or len(r.text) > 12]
        restated = [h for h in heading if any(restates(h, r) for r in result if r not in heading)]
        return [r for r in result if r not in restated]

    # -- NUMBER UNIT under a period ---------------------------------------------------
    def _counts(self, sentence: str, text: str) -> list[Requirement]:
        found: list[Requirement] = []
        clauses = own_clauses(sentence, spans(sentence))
        periods = periods_in(sentence)
        counts = counts_in(sentence)
        previous_end, inherited = 0, None
        inside = bracketed(sentence)
        for count in counts:
            c_start, c_end = next(((a, b) for a, b in clauses if a <= count.start < b),
                                  (0, len(sentence)))
            clause, clause_text = sentence[c_start:c_end], text[c_start:c_end]
            if listed_duties(clause) or is_scoring(clause):
                continue  # 即建立一个…、进行一次…: read by _listed; 扣1分: a scoring rule
            if inside[count.start] and any(c_start <= c.start < c_end and not inside[c.start]
                                           for c in counts):
                continue  # 每季度召开1次（结合主题党日一般每月1次）: an aside
            before = sentence[max(c_start, previous_end):count.start]
            if previous_end and _SAID_AGAIN.match(sentence, previous_end):
                continue  # 全年…不少于20次(含讲座)，即一月不少于两次: said again (heldout13)
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
                elif asks_once(sentence, clause, count, c_start) and not inside[count.start]:
                    self.unread(clause_text, "只写了次数，未写明周期（每月、每季度、每半年或"
                                             "每年），请核对是否要按周期检查")
                continue
            if not isinstance(period.period, Period):
                self.untracked(clause_text, UNTRACKED[period.period])
                previous_end, inherited = count.end, period
                continue
            # 每季度一次支委会、一次支部大会: each count of a list with its own noun and title
            title, named_before, own_end, subject_end = as_listed(
                text, sentence, count, counts, c_start, c_end, before)
            counts_for = counted_by(sentence, sentence[c_start:own_end], count, named_before,
                                    c_start, own_end) or self._titled(sentence)  # a list's
            # first duty is not the report up named after it (讲一次党课、每半年向党组织报告…)
            if counts_for is None:
                self.unread(clause_text, "无法判断这项要求对应哪类记录")
                continue
            found.append(self.requirement(
                title or clause_text, counts=counts_for, period=period.period,
                target=count.target * period.multiplier,
                unit_word=unit_word(count.unit, counts_for),
                role=held_together(subject_role(sentence[:subject_end]), counts_for,
                                    _naming(sentence, clauses, counts_for, c_start, c_end))))
            previous_end, inherited = count.end, period
        return found

    def _titled(self, sentence: str) -> Counts | None:
        """开好党支部组织生活会。每季度或半年班子成员召开1次: a count that names nothing
        counts what the item's heading names, when the heading is another sentence."""
        title = mask_quotes(self.item.title)
        return keyword_after(title) if title and title not in sentence else None

    def _period_of(self, sentence: str, clause: str, c_start: int, count: Count,
                   periods: list, counts: list[Count], inherited):
        """The period a count falls under: its own clause's, the one the sentence's last
        obligation had, or a period standing alone in an earlier clause (每季度，…召开一次)."""
        own = [p for p in periods if c_start <= p.start < count.start]
        if own:
            period = own[-1]
            if period.every or has_modal(clause) or has_comparator(clause) \
                    or plans_a_count(clause, period.start - c_start, self.node.text):
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
            every = [p for p in periods_in(mask_parens(clause)) if p.alone_means_once
                     and (p.period not in counted or _own_subject(clause, p))]
            if not every or is_deadline(clause) or is_past(clause, "") or "基础上" in clause \
                    or is_scoring(clause):
                continue
            period = every[0]
            if c_start in due_at:
                continue  # 每季度末最后一天把…报送: a report due, read by plan_deadline
            idioms = [p for p in every if p.word.endswith("一")]
            if len(idioms) > 1 or idioms and "、" in clause[period.end:]:
                # “一月一提醒、一季度一排查、一年一考核”: each its own act (revlast10 3)
                found += [self.requirement(
                    clause_text, counts=keyword_after(name) or new_type(name),
                    period=p.period, target=1, role=subject_role(sentence[:c_start]))
                    for p in idioms if isinstance(p.period, Period)
                    and len(name := clean_object(_ITEM_END.split(clause[p.end:])[0])) >= 2]
                continue
            if report := named_report(clause, period):
                found.append(self.requirement(  # 对每月底月报内容进行明确: a monthly report
                    clause_text, counts=new_type(report), period=period.period,
                    target=1, role=subject_role(sentence[:c_start + period.start])))
                continue
            if _MODIFIER_BEFORE.search(clause[:period.start]) or in_a_condition(clause, period):
                continue  # 明确每月活动主题: "each month's", not "every month do"
            if names_a_system(clause, period) or counts_heads(clause, period):
                continue  # 确立了…每年述职报告制度: a name; 每年安排8位…述职: a head count
            if (held := _HELD_ON.match(clause, period.end)) and isinstance(period.period, Period) \
                    and "主持" not in clause:  # …会议由书记主持: who chairs it (revlast7 F7)
                name = clean_object(held.group(1))  # 每月9日(遇节假日顺延)的主题党日活动
                if len(name) >= 2 and not not_an_activity(name):
                    found.append(self.requirement(
                        clause_text, counts=keyword_after(name) or new_type(name),
                        period=period.period, target=period.multiplier,
                        role=subject_role(sentence[:c_start + period.start])))
                    continue
            if _TIME_OF_PERIOD.match(clause, period.end) or HAS.match(clause, period.end) \
                    or (period.word == "每学期" and _SEMESTER_TIME.match(clause, period.end)):
                continue  # 每年年初制订, 每月5日: when in the period; 每月有安排: a slogan
            if clause.endswith("后") and c_end < len(sentence):
                act = clean_object(clause[period.end:-1])
                if len(act) < 4 or act.endswith(AFTER_A_TIME):
                    continue  # 每季度结束后: a time, not an act
                clause = clause[:-1]  # 党员每月缴纳党费后，…: the act recurs too
            before, after = _around(clause, period)
            name = after if len(after) >= 4 or not before else \
                before if before.endswith(after) else before + after  # 党务公开…公开
            if only_who(name) and _SENT_TO.search(clause[period.end:]):
                name = f"向{name}报送"  # 每季度末报送支部书记: to whom is all it says
            if len(after) < 2 and not before or not_an_activity(name):
                if not isinstance(period.period, Period) and _HOURS.search(clause):
                    self.untracked(clause_text, UNTRACKED[period.period])  # 每两周…不少于2小时
                continue
            if _AMOUNT.search(clause, period.end):  # 每年不少于150天, 每年联系2户, 每月交0.20元
                self.unread(clause_text, AMOUNT_REASON)
                continue
            if not isinstance(period.period, Period):
                self.untracked(clause_text, UNTRACKED[period.period])
                continue
            if period.period in (Period.QUARTER, Period.MONTH) \
                    and _YEARS_PLAN.search(clause[period.end:]):
                continue  # 按季度制定…年度系统学习教育计划: the year's plan, by quarter
            up = reporting_up(clause)
            name = "谈心谈话" if name == "谈心" else name  # 一月一谈心: the talks (revlast11 2)
            counts = up or keyword_after(name) or new_type(name)
            found.append(self.requirement(
                clause_text, counts=counts, period=period.period, target=period.multiplier,
                role=subject_role(sentence[:c_start + period.end])))  # 党员每月…: each member
        return found


def _around(clause: str, period) -> tuple[str, str]:
    """The words naming a bare period's act: before it (less who, how and a list's comma)
    and after it (up to a list's next item, or an idiom's closing quote)."""
    rest = clause[period.end:]
    quoted = clause.rfind("“", 0, period.start) > clause.rfind("”", 0, period.start)
    if _LIST_TOTAL.search(rest) or quoted:  # 每个季度一个主题的常委会、…、新春茶话会等9个会议;
        rest = re.split("[、”]", rest, maxsplit=1)[0]  # “典型案例每月通报、警示教育定期开展”
    if period.word.endswith("一"):  # “一月一谈心”: the act, not its closing quote
        rest = _ITEM_END.split(rest)[0]  # (revlast11 2: a type named “谈心”)
    lead = clause[:period.start]
    before = clean_object(without_subject(strip_periods(
        lead[lead.rfind("“") + 1:] if quoted else lead)))  # 建立“典型案例每月通报: 典型案例
    if clause[:period.start].endswith("、"):  # …、一月一提醒: an item of its own
        before = ""
    if only_adverb(before) or before in ("包括", "其中"):  # 坚持一月一通报: "通报" (not
        before = ""  # "坚持通报"); 包括每个季度…的常委会: "常委会"
    # 党务公开实行一季度一公开: "党务公开" (revdiff8 6); 实行“一季度一警示”: "警示" (revlast11 2)
    return _HOW.sub("", before.strip("“”\"‘’")), clean_object(rest)


def _own_subject(clause: str, period) -> bool:
    """…每月至少参加1次廉政学习，书记每月至少与1名党员开展谈心谈话: a clause naming whose
    duty it is, before its period, is a duty of its own though the sentence's count had
    that period (revjiwei8 A: the 书记's monthly talks were lost)."""
    return subject_role(clause[:period.start]) is not None


def _naming(sentence: str, clauses, counts: Counts, c_start: int, c_end: int) -> str:
    """The words from the clause that names what is counted to the count's clause's end:
    班子成员以普通党员身份参加…组织生活会，每年不少于1次 (revlast9 G11)."""
    named_at = max((sentence.rfind(t, 0, c_end) for t in counts.types), default=-1)
    start = next((a for a, b in clauses if a <= named_at < b), c_start)
    return sentence[min(start, c_start):c_end]


_SAID_AGAIN = re.compile(r"(?:[（(][^（()）]*[）)])?[，,]?(?:即|也就是|亦即|相当于)")
