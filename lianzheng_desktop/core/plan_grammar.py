"""The grammar of an obligation inside one sentence of a plan.

    [who] [period] [verb] [object] [comparator] NUMBER[-NUMBER] UNIT [object]
    每季度至少进行1次集中警示教育 · 廉政学习每年不少于12次 · 每年撰写1-2篇心得体会
    与各股室负责人的谈心谈话，每年不少于6次      (the object carried from the clause before)
    典型案例每月通报 · 每季度末交换意见             (a bare period means once)
    “每月一廉文荐读”                                (a quoted slogan that is the obligation)

A count is an obligation only under a period (每月, 每季度, 每三个月, 每半年, 上下半年各,
每年, 全年, 年内 …); 每两个月 is six a year. Never an obligation: past results (已通报3期,
上半年共召开13次), a deadline's date (每月28日 in 每月28日前 is not 28 of anything; the
report due by it is read by plan_deadline), ordinals (第二轮), counts of things (七个重点),
durations and head counts (2小时, 30人 — not units of a count). Week and day cadences are
read but not tracked. The subject before the verb says who must do it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lianzheng_desktop.core.numerals import NUMERAL_CHARS, parse_number
from lianzheng_desktop.core.plan import Counts, Period, Role
from lianzheng_desktop.core.plan_vocab import COMPARATORS, KEYWORDS, ROLE_WORDS

_N = rf"\d+|[{NUMERAL_CHARS}]+"
UNITS = ("人次", "次", "件", "个", "轮", "场", "期", "篇", "份", "堂", "节", "批", "项", "本", "天")
_COUNT_RE = re.compile(
    rf"(?P<num>{_N})(?:\s*(?:-|－|—|~|～|至|到)\s*(?P<num2>{_N}))?\s*"
    rf"(?P<unit>{'|'.join(UNITS)})"
    r"(?!性|月|季度|工作日|小时|学时|课时|以内|内|百分点|左右|多)")

# 逐月增加, 逐月提高: a trend, not a cadence (逐月报告 is one)
_TREND = r"递增|增加|增长|减少|下降|上升|提高|递减|加大|扩大|好转|改善"
# (regex, period, multiplier, every) — ``every``: a 每… word that alone means once.
WEEK, DAY, LONG = "week", "day", "long"
# 一季度一公开: a verb of its own, the clause's last words (not a headline's "一月一报标准化
# 党建显成效")
_IDIOM = (r"(?=(?!主题|专题|重点|案例|清单|台账|课|题|个|项|件|名|人|天|日|号|次|批|期|篇|份|张|本"
          r"|户|季|年|月|周)[\u4e00-\u9fff]{1,4}(?:[，,。；;、”\"]|$))")  # an act (分析研判 too),
# not a thing: 一月一主题, 一季度一案例, 一月一课一考 (revdiff8 6, revlast9 G6), nor a list of
# acts (revlast8 F2: 一季度一排查, 一月一提醒 were lost)
_PERIODS: tuple[tuple[str, Period | str, int, bool], ...] = (
    (r"每(?:一|1)?个?(?:周|星期)|每两周|每半个?月", WEEK, 1, True),
    (r"每(?:一|1)?个?(?:天|日)|每个?工作日", DAY, 1, True),
    (r"每[两二三四五]年|每届", LONG, 1, True),
    (r"每(?:两|二|2)个?月", Period.YEAR, 6, True),
    # 一季度一公开, 一年一评, 一月一通报: once each (the idiom's second 一 is the count)
    (r"每(?:三|3)个?月|每(?:一|1)?个?季度?|按季度?|(?<![第前后近上下这每\d])一个?季度?一"
     rf"{_IDIOM}(?![次个项件])", Period.QUARTER, 1, True),
    (r"每(?:一|1)?个?月度?|月度|按月|(?<![\d年])(?:一|1)个?月(?=(?:至少)?(?:\d+|[一两二三])次)"
     rf"|(?<![第前后近上下这每\d年])一个?月一{_IDIOM}(?![次个项件日号])"
     rf"|逐月(?!{_TREND})", Period.MONTH, 1, True),
    (r"每半年度?|上、?下半年各|上半年和下半年各|按半年|每学期"
     rf"|(?<![上下每前后近这])半年一{_IDIOM}(?![次个项件])", Period.HALF, 1, True),
    (r"每(?:一|1)?年度?|按年度?|一年(?=(?:至少)?(?:\d+|[一两二三])次)"
     rf"|(?<![第前后近上下这每\d])一年一{_IDIOM}(?![次个项件度])"
     r"|每(?:一|1)?个?新?学年度?", Period.YEAR, 1, True),  # 每学年, 每一新学年: a school year
    # "支委会1个月召开1次", "半年检查通报一次": a span, when a count follows in its clause
    (r"(?<![第前后近上下这每])(?:两|二|2)个月(?!内|来|以)", Period.YEAR, 6, True),
    (r"(?<![第前后近上下这每])(?:三|3)个月(?!内|来|以)|(?<![第前后近上下这每])(?:一|1)个季度(?!内|来)",
     Period.QUARTER, 1, True),
    (r"季度内", Period.QUARTER, 1, False),
    (r"(?<![第前后近上下这每])(?:一|1)个月(?!内|来|以)", Period.MONTH, 1, True),
    (r"(?<![上下每前后近这])半年(?!内|来|以|度)", Period.HALF, 1, True),
    (r"全年|年内|年度内|一年内|年度|一年", Period.YEAR, 1, False),
    # 年中、年底各开展1次: twice a year, once in each half (revlast18 F4)
    (r"年中[、和及与]年底各(?!等)|年底[、和及与]年中各", Period.HALF, 1, True),
    # 每名班子成员年底向党支部述廉述责1次, 班子成员年底各…1次: once in the year, at its end
    # (revnew6 U2, revlast18 F1); not 年底前 (a deadline), a school year's 学年末, nor one
    # of several times (元旦春节、年底等节点: revdiff10 E7)
    (r"(?<![学\d、和及与])年(?:底|末|终)(?![前等、]|之前|[和及与](?:年|春节|元旦|节))",
     Period.YEAR, 1, True),
)
_PERIOD_RE = re.compile("|".join(f"(?P<p{i}>{regex})" for i, (regex, *_) in enumerate(_PERIODS)))
# A time that is not a cadence: a count under it is a one-off or a result, not periodic.
_SPECIFIC_TIME = re.compile(r"(?<![每各])(?:上半年|下半年|[一二三四1-4第]季度(?!一[\u4e00-\u9fff])"
                            r"|前三季度|\d{1,2}月份?"
                            r"|年底前|年初|今年以来|以来)")
_DEADLINE = re.compile(rf"(?:{_N})日前|月底前|日之前|前报送|前上报|前完成")
_PAST = re.compile(r"以来|截至|截止|累计|先后|去年|上年|上一年|共计|已经"
                   r"|共(?!同|享|建|治|性|产|青|识|商|赢|进|筑)")
_MODAL = re.compile(r"至少|不少于|不低于|不得少于|以上|要|应|须|坚持|确保|保证|务必|需|固定|定期")
_PAST_JUST_BEFORE = re.compile(r"(?:已|共|了|计)\s*$")
_LIGHT_VERBS = ("组织开展", "集中开展", "深入开展", "认真开展", "广泛开展", "开展", "召开",
                "组织", "进行", "举办", "举行", "安排", "参加", "参与", "讲授", "讲好", "上好",
                "撰写", "编写", "编发", "报送", "上报", "提交")
_ADVERBS = ("至少", "都要", "均要", "都", "均", "要", "应当", "应", "须", "必须", "定期", "坚持",
            "专门", "分别", "按时", "足额", "及时", "认真", "务必", "需", "末", "初", "底", "中")
# 每月第一周星期五开展…: when in the month, not part of what is done
_DAY_OF_PERIOD = re.compile(r"^第[一二三四1-4]个?(?:周的?)?(?:星期|周)[一二三四五六日天1-7]?"
                            r"的?(?:上午|下午|晚上)?")
_HEDGES = re.compile(r"一般|原则上")
_DOUBLED = re.compile(r"([\u4e00-\u9fff]{2})\1")
_HEDGED_IS = re.compile(r"(?:一般|通常|正常|原则上)为|通常(?=[每按])")
# the topic first, then what must be done to it (收支情况应当每月公布, 民主评议每年至少进行)
_TOPIC_MODAL = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:应当|必须|均应|都要|均要)")
_TOPIC_VERB = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?<!随时|及时|按时|适时|临时)"
                         r"(?:进行|召开|举行|开展)$")
_NAME_CHARS = 12
# 每月中…, 季末…: a time's last character left before the name, but 中心组, 初心, 底线 are words
_WORD_GOES_ON = {"中": "心层央共国学小华医职青", "初": "心中级", "底": "线", "末": "位"}
_NAME_SLACK = 4  # a name this much longer is kept whole where no word starts it again
_NAME_START = re.compile(r"研究|分析|开展|召开|组织|学习|通报|听取|检查|督查|排查|谈心|谈话")
_JOINS = re.compile(r"^[^与同]*[与同]")
_INLINE_NUMBER = re.compile(r"\d{1,2}[、.．]|第[一二三四五六七八九十百\d]{1,4}条")
_LEADING_WORDS = ("党风廉政建设", "党风廉政", "全面从严治党", "廉政建设和反腐败工作")
_OBJECT_STOPS = re.compile(r"并|以便|以此|以确保|，|；|确保|做到|切实|对照|围绕|结合|通过|针对")
_PARENS = re.compile(r"[（(][^（()）]*[）)]")
# A role word right after these is an object (对班子成员, 听取党支部…, 组织党员学习), and
# after a preposition or a verb done to someone with words between that say which one
# (向同级党组织, 对下级党组织负责人, 约谈本级班子成员, 深入到基层直属党支部: where one
# goes). 党组织 is not the verb 组织 (党组织主要负责人 is the leader himself); with words
# between, 针对, 对照, 导向, 与此同时 are no prepositions. 为 before a person is for whom
# (支部每学期为全体党员上党课), not in 作为, 成为, 认为, 以…为, 定为, 称为, 视为, 行为.
_FOR_WHOM = r"(?<![作成认以因称定视行更较])为"
_OBJECT_POSITION = re.compile(
    r"(?:(?:对|与|向|同|和|给|及|" + _FOR_WHOM + r"|(?<![党层])组织|督促|带领|要求|推动|听取|约谈"
    r"|帮助|指导|联系|所有|其他党员的)\s*"
    r"|(?:(?<![针相绝应核比反校])对(?![照标接口])|(?<![导方倾走指转去意志取动流趋偏双一])向"
    r"|(?<!参)与(?![会此])|给(?!予)|" + _FOR_WHOM + r"|约谈|听取|督促|指导|帮助|联系|(?<![做达])到)"
    r"(?:(?!第[^，。；]{1,3}条)[^\s，。；：,;:！？]){1,10})$")  # not across 第四条: a new article


@dataclass
class PeriodWord:
    start: int
    end: int
    period: Period | str
    multiplier: int
    every: bool  # a cadence (每月, 3个月…1次), not a scope (全年, 年内)
    word: str = ""

    @property
    def alone_means_once(self) -> bool:
        """每季度通报: 每…, 按…, 逐月 and 上下半年各 say once without a number; 3个月 does
        not."""
        return self.word.startswith(("每", "按", "上", "逐")) or self.word.endswith("一")


@dataclass
class Count:
    start: int
    end: int
    target: int
    unit: str


def periods_in(text: str) -> list[PeriodWord]:
    found = []
    for match in _PERIOD_RE.finditer(text):
        index = next(i for i in range(len(_PERIODS)) if match.group(f"p{i}"))
        _, period, multiplier, every = _PERIODS[index]
        found.append(PeriodWord(match.start(), match.end(), period, multiplier, every,
                             match.group(0)))
    return found


def counts_in(text: str) -> list[Count]:
    """Every NUMBER UNIT in ``text`` that could be a count (not 第二轮, not 每一项)."""
    found = []
    for match in _COUNT_RE.finditer(text):
        start = match.start()
        before = text[max(0, start - 1):start]
        if before in ("第", "每") or (before and before.isdigit()):
            continue
        if before == "等" and "、" in text[:start] and match.group("unit") in ("个", "项"):
            continue  # …、新春茶话会等9个会议: the list's size (等2次会议 is a count)
        try:
            number = parse_number(match.group("num"))
        except ValueError:
            continue
        unit = match.group("unit")
        if unit == "天" and text[match.end():match.end() + 1] != "为":
            continue  # 2天 is a duration; 每月2天为学习日 is not
        if unit in ("个", "项") and not _counted_thing(text, match.end()):
            continue  # 七个重点, 三项制度: things, not times
        found.append(Count(start, match.end(), number, unit))
    return found


def _counted_thing(text: str, end: int) -> bool:
    after = text[end:end + 8]
    return any(word in after for word in ("活动", "课题", "调研", "案例", "会议", "专题", "党课"))


# 每月少一次扣1分, 未按时上报扣2分, 加0.5分: a 考核细则's scoring rule, not a duty (heldout12 T10)
_SCORED = re.compile(r"(?:[扣减加得]\s*(?:\d+(?:\.\d+)?|[零一二两三四五六七八九十半]+)\s*分"
                     r"|扣分|不得分)(?![钟析别管类工层批期解布配])")


def is_scoring(text: str) -> bool:
    return bool(_SCORED.search(text))


def is_past(clause: str, before_number: str) -> bool:
    return bool(_PAST.search(clause) or _PAST_JUST_BEFORE.search(before_number))


def specific_time(text: str) -> bool:
    return bool(_SPECIFIC_TIME.search(text))


def is_deadline(text: str) -> bool:
    return bool(_DEADLINE.search(text))


def has_modal(text: str) -> bool:
    """要, 应, 至少 …: the words that make a count under 全年 or 年内 a duty, not a result."""
    return bool(_MODAL.search(text))


def has_comparator(text: str) -> bool:
    return any(word in text for word in COMPARATORS)


def only_adverb(text: str) -> bool:
    """A word that says how a thing is done, naming no act of its own (坚持, 定期)."""
    return text in _ADVERBS


def clean_object(text: str) -> str:
    """The activity a phrase names: "开展党风廉政建设形势分析会" → "形势分析会"."""
    text = _PARENS.sub("", text)
    head, *rest = _OBJECT_STOPS.split(text, maxsplit=1)
    means = rest and text.startswith("通过", len(head)) and not _HEDGES.sub("", head).strip("、，")
    text = rest[0] if means else head  # 原则上通过电话联系基层: the means is the act
    for word in COMPARATORS:
        text = text.replace(word, "")
    text = text.strip("、，的 ")
    text = re.sub(rf"^[{NUMERAL_CHARS}]{{1,3}}是", "", text)  # 二是…
    text = _DAY_OF_PERIOD.sub("", text)
    changed = True
    while changed and text:
        changed = False
        for word in (*_ADVERBS, *_LIGHT_VERBS, *_LEADING_WORDS, "的", "以上", "及以上"):
            if text.startswith(word) and len(text) > len(word) \
                    and text[len(word)] not in _WORD_GOES_ON.get(word, ""):
                text, changed = text[len(word):].lstrip("、"), True  # 按时、足额缴纳
    if "的" in text[:-1]:  # 根据上级新的要求对评价指标…: not "要求对评价指标…" (revdiff11 Z6)
        text = text.rsplit("的", 1)[1]
        text = text.removeprefix("要求") if len(text) > 6 and text[2:3] in "对就把将" else text
    text = text.removesuffix("以上").removesuffix("左右").strip("、，的：: ")  # 团小组会：
    text = _HEDGED_IS.sub("", text)  # 党员大会一般为每季度…, 通常为: "is" (revdiff8 10)
    text = _DOUBLED.sub(r"\1", text)  # 党务公开(每季度)公开: said once
    text = _HEDGES.sub("", text)  # 党员大会一般召开, 委员之间原则上谈心: no part of the name
    text = _TOPIC_MODAL.sub("", text)  # 收支情况应当公布: the modal is no part of the name
    text = _TOPIC_VERB.sub("", text)  # 民主评议进行, 党委会议召开: the topic names the act
    text = _INLINE_NUMBER.split(text)[-1] or text  # …制度1、支部党员大会, …第四条党委会议
    if len(text) <= _NAME_CHARS:
        return text
    tail = text[_word_start(text, len(text) - _NAME_CHARS):]  # 部门负责人与党员、学生谈心
    if text.startswith(_FORM_VERBS) and len(tail) <= _NAME_CHARS - 2:
        return text[:2] + tail  # 填写主体责任情况纪实表: what is done with the form
    join = _JOINS.search(tail[:_NAME_CHARS // 2])  # → 与党员、学生谈心, not 门负责人…
    if join:
        return tail[join.end() - 1:]
    # not from the middle of a word: 专题分析研究本支部廉政建设状况 → 研究本支部…, not
    # 析研究本支部… (revjiwei7: a type named "析研究本支部廉政建设状况")
    verb = _NAME_START.search(tail)
    if not (verb and verb.start() <= _NAME_CHARS // 2) and len(text) <= _NAME_CHARS + _NAME_SLACK:
        return text  # nowhere to cut: 下沉包保村指导党风廉政建设, not 沉包保村… (revjiwei11 X2)
    named = tail[verb.start():] if verb and verb.start() <= _NAME_CHARS // 2 else tail
    return named.lstrip("和及") or named  # …全面从严治党和党风廉政建设: not "和党风…"


# words a name is never cut inside: 落实党风廉政建设主体责任情况纪实表 is named 主体责任情况纪实表,
# not 政建设主体责任情况纪实表 (revjiwei7)
_WHOLE_WORDS = ("党风廉政建设", "廉政建设", "全面从严治党", "主体责任", "监督责任", "意识形态",
                "警示教育", "谈心谈话", "民主生活会", "组织生活会", "年度", "季度", "制度")


_FORM_VERBS = ("填写", "填报")


def _word_start(text: str, cut: int) -> int:
    """``cut``, moved past the end of a whole word it would fall inside."""
    for word in _WHOLE_WORDS:
        for match in re.finditer(word, text):
            if match.start() < cut < match.end():
                cut = match.end()
    return cut


def subject_role(text: str) -> Role | None:
    """Who must do it, from the subject before the verb; never from an object (对班子成员…,
    向同级党组织报告…).

    ``text`` is the sentence up to the obligation. The clause holding the obligation is
    read first. One that opens with when or to whom (年内向同级党组织报告…) has no subject
    of its own: it goes on from the nearest clause before it that opens with one (年内班子
    成员开展调研…). Otherwise an earlier clause counts only where its subject opens the
    sentence (班子成员要……，每季度听取1次); later words in a clause are objects and asides."""
    clauses = re.split(r"[，,；;：:]", text)
    if len(clauses) > 1 and not clauses[-1].strip():
        clauses.pop()  # …党支部应及时登记造册，每月月底前交…: the clause just before says who
    found = _role_in(clauses[-1])
    if found is None and _DISCIPLINE_SIDE.match(clauses[-1].strip()):
        return None  # 纪委(纪检组)主要负责人每年约谈…: a subject, though none of ours
    if found is None and _goes_on(clauses[-1]):
        found = next((role for clause in reversed(clauses[1:-1])
                      if (role := _role_in(_after_time(clause), first_words=_OPENING))), None)
    if found is None and len(clauses) > 1:
        found = _role_in(clauses[0][:20])
    return found


_DISCIPLINE_SIDE = re.compile(r"[^，。；：,;:]{0,3}(?:纪委|纪检|纪工委)")
_OPENING = 6  # 年内县政府班子成员…, 各级党组织主要负责人…: whose, then the subject
_TO_WHOM = re.compile(r"(?:向|对(?![照标接口])|与(?!会)|给(?!予))")


def _after_time(clause: str) -> str:
    clause = clause.strip()
    periods = periods_in(clause)
    return clause[periods[0].end:] if periods and periods[0].start == 0 else clause


def _goes_on(clause: str) -> bool:
    """Whether a clause opens with when or to whom, without a subject of its own."""
    rest = _after_time(clause)
    return rest != clause.strip() or bool(_TO_WHOM.match(rest))


_MEETING = ("例会", "座谈会", "会议", "联席会", "培训班")  # named after who attends
_PAIR = re.compile(r"[与和同]")
_NOT_THE_UNITS = ("纪委", "纪检", "纪检组", "纪检组)", "纪委）", "村", "村党委")


def _role_in(text: str, first_words: int | None = None) -> Role | None:
    """The role a subject in ``text`` names (the first group of ROLE_WORDS found wins);
    with ``first_words``, only one starting within that many characters."""
    best: tuple[int, int, Role] | None = None
    for rank, (words, role) in enumerate(ROLE_WORDS):
        for word in words:
            for match in re.finditer(re.escape(word), text):
                if first_words is not None and match.start() >= first_words:
                    break
                if word.endswith("之间"):
                    if _PAIR.search(re.split(r"[、，,；;]", text[:match.start()])[-1]):
                        continue  # 书记与其他班子成员之间: the first of the pair talks
                elif _OBJECT_POSITION.search(text[max(0, match.start() - 16):match.start()]):
                    continue
                if text[max(0, match.start() - 4):match.start()].endswith(_NOT_THE_UNITS):
                    continue  # the discipline side's head; a village's secretary
                if text[max(0, match.start() - 1):match.end()] == "总书记":
                    continue  # 学习习近平总书记重要讲话: not the branch's secretary
                if role is not Role.ORGANISATION and text.startswith(_MEETING, match.end()):
                    continue  # 支部书记例会, 书记座谈会: the meeting's name, not who holds it
                if role is not Role.ORGANISATION and word.endswith("委") and text.startswith(
                        "会", match.end()):
                    continue  # 市委常委会: the body meets, not each of its members
                key = (rank, match.start())
                if best is None or key < best[:2]:
                    best = (rank, match.start(), role)
                break
    return best[2] if best else None


def keyword_after(segment: str) -> Counts | None:
    """The keyword that starts first after the number (longest on a tie)."""
    best: tuple[int, int, Counts] | None = None
    for word, counts in KEYWORDS:
        at = segment.find(word)
        if at >= 0 and (best is None or (at, -len(word)) < (best[0], -best[1])):
            best = (at, len(word), counts)
    return best[2] if best else None


def keyword_before(segment: str) -> Counts | None:
    """The keyword that ends nearest the number (longest on a tie)."""
    best: tuple[int, int, Counts] | None = None
    for word, counts in KEYWORDS:
        at = segment.rfind(word)
        if at >= 0:
            key = (at + len(word), len(word))
            if best is None or key > (best[0], best[1]):
                best = (key[0], key[1], counts)
    return best[2] if best else None


CLAUSE_END = "，,。；;！!？?：:\n"


def spans(text: str, ends: str = CLAUSE_END) -> list[tuple[int, int]]:
    """The (start, end) of each non-empty piece of ``text`` between the ``ends`` characters."""
    found, start = [], 0
    for index, ch in enumerate(text):
        if ch in ends:
            if index > start:
                found.append((start, index))
            start = index + 1
    if start < len(text):
        found.append((start, len(text)))
    return found
