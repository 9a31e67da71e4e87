"""A report due every period, stated by its deadline: a duty of that period, once.

"每月28日前向县委统战工作领导小组办公室上报当月工作情况", "每年一月底前，下级检察院应向上级
检察院政工部门报告上一年度党组中心组学习情况", "在每季度最后一个月的30日前将本季度工作进展情况
报区人民政府办公室", "每年3月1日前编制出年度报告": each says what must reach whom, or be made,
every month, quarter, half-year or year. Two dates a year (每年7月10日、12月20日前; 分别于6月底
和12月底前) are twice a year; a date without 每 right after a sentence that names the period
(会议在每季度初月20日前后召开。……并于18日前将书面汇报材料报送市委办) takes that period.
A dated one-off (于2023年1月15日前将工作方案报…) stays out, as does a recurring deadline that
sends nothing (每月25日前依托平台考核) and a report that states its own count (报送一次: the
count reader reads it).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lianzheng_desktop.core.plan import Counts, Period, Requirement
from lianzheng_desktop.core.plan_grammar import (
    clean_object,
    counts_in,
    periods_in,
    spans,
    subject_role,
)
from lianzheng_desktop.core.plan_naming import new_type, strip_periods

if TYPE_CHECKING:
    from lianzheng_desktop.core.plan_reader import ItemReader

_PERIOD_OF = {"月": Period.MONTH, "季度": Period.QUARTER, "季": Period.QUARTER,
              "半年": Period.HALF, "学期": Period.HALF, "年": Period.YEAR}
_REST = r"(?=[，,]?(?P<rest>[^。；;]{0,90}))"  # looked at, not taken: a second date may follow
_EVERY_DUE = re.compile(
    r"每个?(?P<period>季度|季|半年|学期|月|年)度?"  # 每月 / 每季度 / 每年度 / 每学期
    r"(?P<when>[^。；;，,]{0,12}?(?:[日号底末]|结束)(?:之)?前"  # 28日前 / 一月底前 / 结束前
    r"|末?结束后\d{1,2}(?:个工作)?日内"  # 每季度结束后10个工作日内
    r"|末最后一天|期末[^。；;，,]{0,6}?后"  # 每季度末最后一天 / 每学期期末汇总后
    r"|(?<=年)年[底末](?![，,]|[^。；;，,]{0,12}?前))" + _REST)  # 每年年末…提交 (heldout12 T08)
_TWICE_A_YEAR = re.compile(r"分别于(?P<when>\d{1,2}月底?(?:\d{1,2}日)?(?:和|、|及)"
                           r"\d{1,2}月底?(?:\d{1,2}日)?前)" + _REST)
_UNDATED_DUE = re.compile(r"(?<![\d年])于(?P<when>(?:\d{1,2}月)?(?:\d{1,2}[日号]|底)前)" + _REST)
_TWO_DATES = re.compile(r"[日底](?:和|、|及)")
# 年度工作总结于次年1月15日前报送县纪委: a paper of each year, due in the next
# …总结须在次年1月15日之前报送, 于次年元月15日前报县纪委 (revlast9 G10)
_DAY_NEXT_YEAR = (r"(?P<when>(?:[1-3一二三元])月"  # 次年元月十日前 too (heldout12 T01)
                  r"(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})[日号]|底)(?:之)?前)")
_NEXT_YEAR_DUE = re.compile(r"(?P<paper>[^，,。；;]{2,30}?(?:总结|报告))(?:必须|须|应|需)?"
                            r"[于在]?次年" + _DAY_NEXT_YEAR + _REST)  # returns

# a paper's bare sending, after its date: 报送。/ 报县纪委 / 向县纪委报送 (revlast9 G10)
_BARE_SEND = re.compile(r"(?:向[^，,。；;]{2,12}?)?(?:上报|报送|呈报|提交|报)(?!告)"
                        r"[^，,。；;]{0,12}")
# the paper after its day: 次年1月15日前向县纪委报送年度工作总结 (not 每年…: _EVERY_DUE)
_NEXT_YEAR_DATE = re.compile(r"(?<!每)次年" + _DAY_NEXT_YEAR + _REST)


_A_PAPER = re.compile(r"(?:总结|计划|纪实表)$")
_SECOND_PAPER = re.compile(r"(总结|报告|材料|纪实表)(?:及|和|、)[^，,。；;]+$")
# Work done first, then reported, is no paper of the year: 次年3月底前整改完毕并报告县纪委 is
# the 整改's deadline (revdiff9 D3), 完成自查自纠并(形成)报告 the work reported (revlast14 T3,
# revlast17 X1, X2). "完成情况" and a paper finished, then sent (完成年度工作总结(并/后)报送)
# are the paper (revlast13 S3, revlast16 W1).
_PAPER_NEXT = (r"[^，,。；;并后再及将]{0,12}?(?:总结|报告)(?:及[^，,。；;并]{0,12}?计划)?"
               r"(?:[，,。；;]|(?:并|后|再)?(?:报送|上报|报(?!告))|$)")
_DONE_THEN = re.compile(rf"整改|完毕|办结|销号|落实到位|完成(?!情况)(?!{_PAPER_NEXT})")
# the paper named before its day: 年度工作总结和下一年度工作计划于次年1月15日前报送县纪委
_PAPER_BEFORE = re.compile(r"[^，,。；;和及、]{2,20}?(?:总结|报告|材料)")
_WRITING = "撰写|起草|编写|编制"  # a paper's name leaves out its writing
_MADE_FIRST = re.compile(rf"^(?:完成|形成|{_WRITING})")
_WRITTEN = re.compile(rf"^(?:{_WRITING})+")
_PAPERS_MADE = ("总结", "报告", "材料", "表")


def _apart(dues: list, more: list) -> list:
    """Those of ``more`` that do not overlap a due already found."""
    return [(m, p) for m, p in more
            if not any(m.start() < d.end() and d.start() < m.end() for d, _ in dues)]


# what is sent: 将X报送Y / 编制出X / 向Y报告X
_SENT = re.compile(r"(?:将|把)(?P<object>[^，,。；;]{2,60}?)(?:分别|及时)?"
                   r"(?P<verb>上报|报送|呈报|提交|报备|交|报)(?!告)")
_MADE = re.compile(r"(?P<verb>编制出?|形成|公布)"
                   r"(?P<object>[^。；;，,（(]{2,30}?(?:报告|总结|月报|简报))")
_SEND = re.compile(r"(?P<verb>上报|报送|呈报|提交|报备|专题报告|报告|汇报|交)"
                   r"(?P<object>[^。；;，,（(]{2,30})")
# what period the report covers (当月, 上一年度), not what is reported
_COVERED = re.compile(r"^(?:当月|上月|本月|上个月|当季|本季度|上季度|上一季度|上半年|下半年|本年度"
                      r"|上一年度|上年度|年度|全年)(?:的)?")
_REPORTING_ON_DUTY = ("履责", "一岗双责", "述责", "述廉", "述职", "履行职责")


def read_deadline_duties(reader: ItemReader, sentence: str, text: str,
                         previous: str = "") -> list[Requirement]:
    """Each recurring report in ``sentence`` (quotes masked; ``text`` as written);
    ``previous`` is the sentence before it in the item, whose period a bare date takes."""
    found = []
    dues = [(m, _PERIOD_OF[m.group("period")]) for m in _EVERY_DUE.finditer(sentence)]
    dues += [(m, Period.HALF) for m in _TWICE_A_YEAR.finditer(sentence)]
    # the year's paper due the next year, also beside another period's (revjiwei9 J3:
    # "每季度结束后7日内报送…纪实表，年度工作总结于次年1月15日前报送县纪委" lost the 总结)
    dues += _apart(dues, [(m, Period.YEAR) for m in _NEXT_YEAR_DUE.finditer(sentence)]
                   or [(m, Period.YEAR) for m in _NEXT_YEAR_DATE.finditer(sentence)])
    if not dues:
        for match in _UNDATED_DUE.finditer(sentence):
            carried = [p.period for p in periods_in(previous + sentence[:match.start()])
                       if p.word.startswith("每") and isinstance(p.period, Period)]
            if carried:
                dues.append((match, carried[-1]))
    taken = 0  # where the words the duties before took end
    for match, period in dues:
        if period is Period.YEAR and _TWO_DATES.search(match.group("when")):
            period = Period.HALF  # 每年7月10日、12月20日前
        if match.re is _NEXT_YEAR_DATE and match.start() < taken:
            continue  # 每年12月底前召开…，次年1月底前将会议情况报告…: one duty (revdiff9 D4)
        sent = _what_is_sent(match.group("rest"), sentence[match.start():match.end("rest")])
        if sent is None and match.groupdict().get("paper") and (
                bare := _BARE_SEND.match(match.group("rest"))):
            sent = None, bare.end(), ""  # 次年一月底前报送, 报县纪委: the paper named before
        if sent is None or match.re is _NEXT_YEAR_DATE and _DONE_THEN.search(
                match.group("rest")[:sent[1]]):
            continue
        counts, end, to_whom = sent
        taken = max(taken, match.start("rest") + end)
        clauses = [a for a, _ in spans(sentence) if a <= match.start()]
        begins = clauses[-1] if clauses else 0
        paper = match.groupdict().get("paper")
        if paper is None and counts is None and match.re is _NEXT_YEAR_DATE:
            # named before its day, or made after it (于次年…前完成年度工作总结，报送县纪委)
            named = _PAPER_BEFORE.search(sentence[begins:match.start()]) \
                or _PAPER_BEFORE.search(match.group("rest")[:end])
            paper = _MADE_FIRST.sub("", named.group(0)) if named else None
        if counts is None and paper and len(made := clean_object(_COVERED.sub("", paper))) >= 2:
            counts = new_type("报送" + made)  # the paper, named before its date
        if counts is None:  # 按季度填写…纪实表，并于季末次月7日前交支部纪检委员: the form
            raw = strip_periods(sentence[clauses[-2]:clauses[-1]]) if len(clauses) > 1 else ""
            made = clean_object(raw)
            if any(form in raw[:6] for form in _FORMS) and len(made) >= 2:
                begins = clauses[-2]
                # 形成自查报告，于…报送: 报送自查报告, not 报送形成… (revlast13 S4)
                counts = new_type(made if made.startswith(("填写", "填报")) else
                                  "报送" + re.sub(f"^(?:{'|'.join(_FORMS)})", "", made))
            else:  # 每季度末报送支部书记: to whom is all it says (never dropped: revdiff7 F9)
                counts = new_type(f"向{to_whom}报送")
        found.append(reader.requirement(  # from its clause's start: 班子成员每年…, who must
            text[begins:match.start("rest") + end], counts=counts, period=period,
            target=1, role=subject_role(sentence[:match.start()])))
    return found


# 交支部纪检委员, 报送县纪委: to whom, not what (what is sent is in the clause before)
_PUT = re.compile(r"(?:将|把)(?P<object>[^，,。；;]{2,60})")
_TO = re.compile(r"至|到")  # 统计表至组织部: what, then to whom
_RECIPIENT = re.compile(r"(?:委员|纪委|纪工委|党委|县委|市委|区委|党组|党总支|支部|办公室|办"
                        r"|组织部|宣传部|领导小组|书记|部门|局|科|股)$")


_FORMS = ("填写", "填报", "整理", "形成", "撰写", "编制", "编写")  # what is then handed in


def _what_is_sent(rest: str, whole: str) -> tuple[Counts | None, int, str] | None:
    """What the duty sends or makes, and where in ``rest`` saying so ends; no counts where
    it names only to whom (the clause before says what)."""
    other = [p for p in periods_in(rest) if p.word.startswith("每")]
    rest = rest[:other[0].start] if other else rest  # 每月…考核，每季度向党委报告: its own
    for pattern in (_SENT, _MADE, _SEND):
        sent = pattern.search(rest)
        if sent is None or "听取" in rest[:sent.start()]:
            continue
        if counts_in(sent.group("object")) or counts_in(rest[:sent.start()]):
            return None  # 报送一次: a count of its own, read by the count reader
        # two papers sent together are named by the first: 年度工作总结及下一年度工作计划;
        # one written first is named without its writing (…情况形成书面总结, 编制…总结:
        # revlast14 T4)
        said = _SECOND_PAPER.sub(r"\1", _COVERED.sub("", sent.group("object")))
        made_of, _, formed = said.rpartition("形成")
        written = _WRITTEN.sub("", formed)
        if len(written.removeprefix("书面")) <= 2 and made_of:  # 将风险排查情况形成(书面)报告:
            # 风险排查情况报告, not 报告 alone, which would merge two returns (revlast15 V2,
            # revlast16 W2)
            written = made_of + written.removeprefix("书面")
        said = written if len(written) >= 2 and written.endswith(_PAPERS_MADE) else said
        what = clean_object(said)
        what = what if len(what) >= 4 else said  # 本单位落实主体责任的情况, not 情况
        if len(what) < 2:
            continue
        end = sent.end()
        sent_on = pattern is _MADE and re.match(r"[^，,。；;]{0,4}(?:报送|上报|报)",
                                                rest[sent.end():])  # 形成…总结报县纪委
        name = ("报送" if pattern is _SENT or sent_on else sent.group("verb").rstrip("出")) + what
        if pattern is _SEND and _RECIPIENT.search(what) and not _TO.search(what):
            to_whom = what
            put = _PUT.search(rest[:sent.start()])  # 将年度总结…，以书面形式报送纪委委员
            what = clean_object(_COVERED.sub("", put.group("object"))) if put else ""
            if len(what) < 2:
                return None, end, to_whom  # to whom only: the clause before says what
            name = "报送" + what
        if any(word in whole for word in _REPORTING_ON_DUTY) and not (
                pattern is not _MADE and _A_PAPER.search(what)):  # 报送年度工作总结和述责
            # 述廉报告: the 总结, named first (revlast13 S1), not a 述责 meeting
            return Counts("activity", ("履责报告",), "报告履责情况"), end, ""
        return Counts("activity", (name,), name), end, ""
    return None
