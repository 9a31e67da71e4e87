"""Section one's records told one by one: what was held, by whom, how many were there.

The verbs a reader expects (召开 a meeting, 组织 a study, 签订 a pledge), said once; in one's
own report what one held ("本人主持") apart from what one attended ("参加……（某某主持，共N人）").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from datetime import date

from lianzheng_desktop.core import vocab
from lianzheng_desktop.core.in_post import doer_names
from lianzheng_desktop.core.record_source import doers
from lianzheng_desktop.core.records import Activity, WarningSession
from lianzheng_desktop.core.report_facts import activity_phrase, clause, first_sentence, md, md_in
from lianzheng_desktop.core.report_studies import studied, subjects
from lianzheng_desktop.core.returns import RETURN_VERBS, is_return

# A topic that opens with a verb reads on its own after the date; otherwise a verb is put in.
VERB_STARTS = ("开展", "学习", "传达", "签订", "召开", "研究", "听取", "组织", "参观", "观看", "赴",
               "举办", "部署", "通报", "约谈", "督查", "检查", "走访", "签署", "集中", "专题",
               "调研", "排查", "抽查", "慰问", "讲授", "宣讲", "参加", "深入", "对照", "围绕",
               "协调", "督促", "推进", "落实", "印发", "制定", "修订", "到", "前往", "下沉")
# 公开/公示 open with their verb only before what is made public ("公开2026年度党务…"),
# not as a noun ("公开承诺践诺活动": revyear2 G9, revlast5 F6)
VERB_LED = re.compile(r"^(?:公开|公示)(?=[0-9０-９本全上下该])")
TOPIC_VERBS = {"履责报告": "听取", "听取汇报": "听取", "个人事项报告": "组织", "廉政学习": "组织",
               "廉政测试": "组织", "廉政承诺": "组织签订"}
# Words that show a warning-education topic already names its form.
FORM_WORDS = {"观看警示教育片": ("观看", "专题片", "警示片"), "典型案例通报学习": ("案例", "通报"),
              "以案促改专题会": ("以案促改",), "参观廉政教育基地": ("基地", "参观"),
              "廉政党课": ("党课",), "旁听庭审": ("庭审",)}
MEETINGS = ("专题会议", "民主生活会", "组织生活会", "廉政学习")  # chaired; other work is led


_TO_WHOM = re.compile(r"^(向[^，。；\s]{1,6}?)(?:书面)?(?:报告|汇报)$")  # "向党组报告"
# a topic that names the body meeting, then its act: "支部委员会专题研究…", "党组会传达…"
_BODY_THEN_ACT = re.compile(r"^([^，；。\s]{0,10}?(?:委员会|大会|党组会|支委会|会议))"
                            r"(?=专题研究|研究|传达|学习|部署|听取|审议|分析)")


def chaired(kind: str) -> bool:
    """A meeting or a study is 主持ed (党员大会, 集中学习 of a plan's own types too)."""
    # a plan's type may keep its verb ("党员大会召开", read from "党员大会每月召开一次")
    return kind in MEETINGS or kind.removesuffix("召开").endswith(("会", "会议", "学习"))


# a plan's own kinds of the branch's 组织生活 that are not meetings: 党课, 主题党日, 党员活动
# (revjiwei6 G6: told under "抓好廉政风险防控和督查检查等工作")
PARTY_LIFE = ("党课", "党日", "党员活动", "组织生活")


def party_life(kind: str) -> bool:
    """The branch's 组织生活: its meetings and studies, and a plan's 党课 or 党员活动."""
    return chaired(kind) or any(word in kind for word in PARTY_LIFE)


HEARD = ("听取汇报",)  # the host heard it: nothing to add in the host's own report
SAID_ALREADY = 4  # a summary this short ("推进", "听取汇报") adds nothing to the topic
DETAILED_UP_TO = 4  # beyond this many records of one kind, a count and the first few


REPORTERS = re.compile(r"^(?:各|全体)?(?:领导)?(?:班子成员|党组成员)")
PREPOSITIONS = ("对", "就", "针对")  # "对基层工会经费使用情况开展专项检查": the verb comes later


_REPORTED = ("汇报", "报告", "述职", "述责", "述廉", "发言", "说明")


def _own_report(topic: str, me: str, who: str) -> str | None:
    """One's own report heard by ``who``, as one made it, after "本人": "高建军同志汇报分管
    领域…" → "向马红梅汇报分管领域…"; "…关于经费审批整改情况的汇报" → "向马红梅汇报经费审批整改
    情况"; "…就帮扶档案整改情况作专题汇报" → "向马红梅就…作专题汇报"; "…向支部汇报…" as
    written. None where its words do not fall in one of these shapes ("在支委会上汇报…",
    "结合分管工作汇报…"): told as heard, true if in the third person, never garbled; and
    for a report of several ("高建军、郑小芳汇报…") (revdiff5 F3, revlast4 F4, revlast5 F5)."""
    if not topic.startswith(me):
        return None
    rest = topic.removeprefix(me).removeprefix("同志").removeprefix("的")
    if rest in ("汇报", "报告", "工作汇报"):
        return f"向{who}汇报工作"
    reported = any(word in rest for word in _REPORTED)
    if rest.startswith("向") and reported:  # to whom, in its own words
        return rest
    if reported and (rest.startswith(("就", "对", "专题", "书面", "述职", "述责", "述廉",
                                      "汇报", "报告"))
                     or rest.startswith("作") and not rest.startswith("作为")) \
            and not rest.startswith(("就任", "对照")) and "向" not in rest:
        return f"向{who}{rest}"
    core = rest.removeprefix("关于")
    for tail, kept in (("的情况汇报", "情况"), ("的汇报", ""), ("的报告", ""), ("汇报", "")):
        if core.endswith(tail) and core != tail:
            core = core[:-len(tail)] + kept
            break
    else:
        return None
    if any(word in core for word in (*_REPORTED, "向", "作专题", "作为", "在", "结合", "围绕",
                                     "、", "和")):
        return None
    return f"向{who}汇报{core or '工作'}"


def _one_activity(a: Activity, with_summary: bool, me: str = "", head: bool = True,
                  merged: bool = False, when: Callable[[Activity], str] | None = None) -> str:
    """"3月8日召开党风廉政建设专题会议，研究部署……（4人参加）"; in ``me``'s own report, a
    meeting someone else held is marked "（本人参加）". ``head``: ``me`` is the branch's
    书记 (or the report is the branch's); a 班子成员 at a 履责报告 made one of the reports.
    ``when``: its day in words, where not "3月8日" (report_facts.dated: a return handed in
    the next year, or late)."""
    day = when(a) if when is not None else md(a.date)
    topic = clause(a.topic)
    phrase = activity_phrase(a.type)
    mine = bool(me) and me in doers("activity", a.host)
    who = "、".join(sorted(doers("activity", a.host)))
    # 向党组报告…; "书面作…报告" has its verb
    made = "" if topic.startswith((*VERB_STARTS, "向", "述")) or "作" in topic[:4] else "作"
    if a.type == "履责报告" and not who and me and not head and me in a.attendees:
        # "班子成员向党组报告履行一岗双责情况", attended by a 班子成员: one of those who reported
        own = REPORTERS.sub("", topic)
        made = "" if own.startswith((*VERB_STARTS, "向", "述")) else "作"
        return f"{day}本人{made}{own}"
    if a.type.startswith("向") and mine and topic.startswith((me, "向")):  # 向党支部汇报:
        return f"{day}本人{topic.removeprefix(me)}"  # one's own report, made by one
    if a.type == "履责报告" and mine:  # one's own report on one's duty: made, not heard
        text = f"{day}本人{made}{topic}"
    elif a.type == "履责报告" and who:  # whose report it was, not the branch "听取" it
        to = _TO_WHOM.match(first_sentence(a.summary).rstrip("。")) if with_summary else None
        if to and made and "作" not in topic:  # "向党组报告": to whom, once — not "李明华作
            # …情况报告，向党组报告" (revjiwei4 K8); nor "向党组作书面作…" (revlast3)
            text = f"{day}{who}{to.group(1)}{made}{topic}"
            with_summary = False
        else:
            text = f"{day}{who}{made}{topic}"
    elif a.type in HEARD and mine:  # one's own report: "听取分管科室…汇报", not of oneself
        heard = topic.removeprefix(me)
        text = f"{day}{'' if heard.startswith(VERB_STARTS) else '听取'}{heard}"
    elif a.type in HEARD and who and not mine and me and _own_report(topic, me, who):
        # one's own report, heard by another: made by one, not "马红梅听取高建军…汇报（本人
        # 参加）" (revyear2 G6)
        return f"{day}本人{_own_report(topic, me, who)}"
    elif a.type in HEARD and who and not mine:  # who heard it (附件1 counts by person)
        heard = "" if topic.startswith((*VERB_STARTS, who)) else "听取"
        text = f"{day}{'' if topic.startswith(who) else who}{heard}{topic}"
    elif a.type == "专题调研" and who and not mine:
        # each leader's own (班子成员…开展专题调研不少于2次): whose, as 听取汇报 says it — not
        # "10月20日调研分管股室制度执行" in the branch's paper, no doer (revjiwei10 K10)
        # its own verb or preposition kept (对…开展调研, 带队调研…: revlast18 F2)
        verb_said = topic.startswith(("调研", "深入", "赴", "到", "带队")) or (
            topic.startswith(PREPOSITIONS) or "开展" in topic or "进行" in topic) \
            and topic.endswith("调研")
        text = f"{day}{topic}" if topic.startswith(who) else f"{day}{who}{topic}" if verb_said \
            else f"{day}{who}开展{topic}" if topic.endswith("调研") \
            else f"{day}{who}{topic}开展专题调研" if topic.startswith(PREPOSITIONS) \
            else f"{day}{who}就{topic}开展专题调研"
    elif _names_the_meeting(a.type, topic):
        text = f"{day}召开{topic}"
    elif a.type == "专题会议" and (held := _BODY_THEN_ACT.match(topic)):
        # "支部委员会专题研究党风廉政建设…工作": the body met, then what it did — not glued
        # to "…工作专题会议" (revother F7, revjiwei5 F7)
        text = f"{day}召开{held.group(1)}，{topic[held.end(1):]}"
    elif a.type == "专题会议" and not topic.startswith(VERB_STARTS) and not re.search(
            "[，；。]", topic):  # a noun phrase: "一季度…工作分析" names the meeting
        text = f"{day}召开{topic}专题会议"
    elif a.type == "专题会议":
        text = f"{day}{phrase}，{topic}"
    elif topic.startswith((*VERB_STARTS, *PREPOSITIONS, *RETURN_VERBS)) \
            or VERB_LED.match(topic):  # 填报上季度…纪实表: not "报送填报…" (revlast8 F8)
        # "对…开展专项检查", "公开2026年度党务…": has its verb
        text = f"{day}{topic}"
    else:  # a noun phrase: "中秋国庆前工会经费使用情况内部检查"
        text = f"{day}{topic_verb(a.type, topic)}{topic}"
    filed = a.type == "个人事项报告" and "事项" in topic  # filed by each, not attended
    paper = topic_verb(a.type, topic) in RETURN_VERBS  # a form handed in: nobody "参加"s it
    attended = bool(me) and not mine and me in a.attendees and a.type not in (
        "履责报告", *HEARD) and not paper  # (revlast8 F8, revlast9 G8)
    if merged:  # one meeting kept in both ledgers: its people are told once, with the
        # session (深化警示教育) — in every report alike, the branch's and one's own
        if attended:
            text = day + _took_part(text[len(day):], a.type)
        return f"{text}（与集中警示教育合并召开）"
    if filed and attended:  # one's own report: one filed one's own, as the rules ask
        return f"{day}按规定报告个人有关事项"
    if filed:
        text = f"{day}组织领导干部报告个人有关事项"
    if attended:  # held by another: one took part, one did not hold it ("组织…（本人参加）")
        text = day + _took_part(text[len(day):], a.type)
    summary = first_sentence(a.summary) if with_summary else ""
    if attended and "要求" in summary:  # the organiser's demand ("要求全体党员干部引以为戒")
        summary = ""  # is not an act of one who attended
    if len(summary) > SAID_ALREADY and summary not in text:  # not a word the topic has said
        text += f"，{summary}"
    else:
        summary = ""
    if attended:
        led = ("主持" if chaired(a.type) else "牵头") if who else ""
        return text + f"（{who}{led}{'，' if who else ''}共{len(a.attendees)}人）"
    # one or two people "参加" a hearing or a visit says nothing a reader can use
    count = (f"{len(a.attendees)}人{'按规定报告' if filed else '参加'}"
             if len(a.attendees) > 2 and not summary and not paper else "")
    if mine and a.type in ("履责报告", *HEARD):  # one's own report made or heard: one's act
        return text + (f"（{count}）" if count else "")
    if mine:  # … a meeting chaired, other work led
        led = "主持" if chaired(a.type) else "牵头"
        return text + f"（本人{led}{'，' + count if count else ''}）"
    text += f"，{count}" if count else ""
    if me and me in a.attendees and not topic.startswith(me) and not paper:
        text += "（本人参加）"  # (his own report: made; a form: handed in, not attended)
    return text


_PAPER_ENDS = ("纪实表", "报表", "总结", "报告表", "情况表", "登记表", "统计表")


def topic_verb(kind: str, topic: str) -> str:
    """The verb put before a topic that has none at its start: 召开 a meeting, 组织 a study, a
    topic naming its own act further on ("审计组成员签订…") 组织ed; 邀请 a guest who comes to
    give it ("…组长来校作廉政教育讲座": revjiwei12 R6); 开展 the rest."""
    if re.search(r"来[校院所局站村]?(?:作|讲|授)", topic):
        return "邀请"
    verb = TOPIC_VERBS.get(kind, "")
    kind = kind.removesuffix("召开")  # "党员大会召开", a plan's type with its verb kept
    if verb.startswith("组织") and verb[2:] and verb[2:] in topic:
        return "组织"
    if topic.endswith(("会", "会议")) or (not verb and kind.endswith(("会", "会议"))
                                          and kind in topic):
        return "召开"
    if not verb and kind.endswith("学习"):  # "组织10月集中学习：…", "组织学习《条例》"
        return "组织" if "学习" in topic else "组织学习"
    if not verb and kind.startswith("向") and (  # a clause with its subject: "陈建华向党支部
            kind in topic or re.search(r"向\S{1,10}(?:汇报|报告)", topic)):  # 汇报…"
        return ""
    if not verb and (kind.startswith(RETURN_VERBS) or kind.endswith(_PAPER_ENDS)
                     or kind.startswith("交") and is_return(kind)):
        # a paper: 填写/报送 it, not "开展…报表" (revjiwei8 G) — a 通报 or 表彰 is no paper
        # handed in (revdiff8 7)
        return next((v for v in RETURN_VERBS if kind.startswith(v)), "报送")
    return verb or "开展"


HELD = ("组织签订", "召开", "组织", "开展", "举办")  # the verbs of whoever held it
DONE_BY_EACH = ("签订", "签署", "学习", "观看", "参观", "赴", "参加", "集中学习")


def _took_part(act: str, kind: str) -> str:
    """"召开党风廉政建设专题会议，研究…" → "参加党风廉政建设专题会议，研究…"; an act
    named by its content ("学习…精神") → "参加廉政学习，学习…精神"."""
    held = next((verb for verb in HELD if act.startswith(verb)), None)
    if held:
        return "参加" + act[len(held):]
    if act.startswith(DONE_BY_EACH):  # "签订…责任书", "学习…精神": each did it
        return act
    if act.startswith(("传达", "专题")):  # "参加传达学习…的通报", not "参加典型问题通报，传达…"
        return f"参加{act}"
    if act.startswith(PREPOSITIONS) and re.search("开展(?!了)", act):  # "参加对…的专项检查"
        return "参加" + re.sub("开展(?!了)", "的", act, count=1)
    if act[:2] == kind[:2]:  # "协调解决…" of a 协调解决问题: not "参加协调解决问题，协调解决…"
        return f"参与{act}"
    return f"参加{kind}，{act}" if kind != vocab.OTHER else f"参加{act}"


def _names_the_meeting(kind: str, topic: str) -> bool:
    """"2021年度民主生活会", "第4季度党风廉政建设专题会议": 召开 it, said once."""
    if kind in ("民主生活会", "组织生活会"):  # "召开2026年…民主生活会" has its verb already
        return "生活会" in topic and not topic.startswith(VERB_STARTS)
    # "传达学习省纪委全会" is what was done at one: not "召开传达学习…全会"
    return kind == "专题会议" and topic.endswith(("会议", "会")) \
        and not topic.startswith(VERB_STARTS)


def what_one_did(hosted: list[bool], held: str) -> str:
    """主持, 参加 or 主持或参加 of records one hosted (``hosted``) or attended, in one's own
    report; ``held``: the branch's own verb, in its report (no one named)."""
    if not hosted:
        return held
    return "主持" if all(hosted) else "主持或参加" if any(hosted) else "参加"


def _role_in(meetings: list[Activity], me: str) -> str:
    """What one did at these meetings, for one's own report."""
    return what_one_did([me in doers("activity", a.host) for a in meetings], "参加")


def _activities(kind_list: list[Activity], noun: str, me: str = "",
                head: bool = True, merged: frozenset[int] = frozenset(),
                when: Callable[[Activity], str] | None = None) -> list[str]:
    """Per kind: each record when few (all such in date order, whatever their kind),
    otherwise a count and the first topics (after them)."""
    by_kind: dict[str, list[Activity]] = defaultdict(list)
    for a in kind_list:
        by_kind[a.type].append(a)
    one_by_one: list[tuple[date, str]] = []  # (date, line): "3月30日…；4月28日…；8月15日…"
    summed = []
    for kind, group in by_kind.items():
        if kind == "廉政学习" and len(group) > 1:  # what was studied, each once
            said = subjects(studied(a.topic) for a in group)
            shown = "、".join(said[:3]) + ("等" if len(said) > 3 else "")
            did = "参加" if me else "组织"  # one's own report: the branch organised them
            summed.append(f"{noun}{did}廉政学习{len(group)}次"
                          + (f"，学习{shown}" if shown else ""))
        elif len(group) <= DETAILED_UP_TO or topic_verb(kind, "") in RETURN_VERBS:
            # forms handed in, each named (whose period, late or not), not "开展报送…5次"
            lines = [(a, _one_activity(a, with_summary=len(group) <= 2, me=me, head=head,
                                       merged=id(a) in merged, when=when)) for a in group]
            one_by_one += [(a.date, _whose(a, line, lines, when)) for a, line in lines]
        else:
            made = [a for a in group if _made_by(a, me)]  # one's own reports, heard by
            # another: made, not "听取工作汇报5次" in one's own paper (revlast4 F4)
            if made:
                to = "、".join(sorted({n for a in made for n in doers("activity", a.host)}))
                # one made "向支部…" in its own words: to whom is not said for them all
                own_to = any(clause(a.topic).removeprefix(me).removeprefix("同志")
                             .startswith("向") for a in made)
                summed.append(f"{noun}本人{'' if own_to else f'向{to}'}汇报工作{len(made)}次"
                              f"（{_span(made)}）")
            group = [a for a in group if a not in made]
            if group:
                summed.append(f"{noun}{activity_phrase(kind)}{len(group)}次（{_span(group)}）")
    return [line for _, line in sorted(one_by_one, key=lambda pair: pair[0])] + summed


def _span(group: list[Activity]) -> str:  # across a year: with the years (revdiff9 D1)
    first, last = group[0].date, group[-1].date
    return f"{md_in(first, last.year)}至{md_in(last, first.year)}" if len(group) > 1 \
        else md(first)


def _made_by(a: Activity, me: str) -> bool:
    """A report ``me`` made that another heard (a 听取汇报 of ``me``'s alone)."""
    who = "、".join(sorted(doers("activity", a.host)))
    return bool(me) and a.type in HEARD and bool(who) and me not in doers("activity", a.host) \
        and _own_report(clause(a.topic), me, who) is not None


def _whose(a: Activity, line: str, lines: list[tuple[Activity, str]],
           when: Callable[[Activity], str] | None = None) -> str:
    """A line said alike of several records ("开展分管领域党风廉政建设专题调研" three times)
    names who did each, when they differ: the reader ties them to 附件1's per-person
    counts (revjiwei5 F12) — a return handed in late or the next year too, its lateness
    said after it ("7月13日李红报送…纪实表（逾期3天）", not nameless: revjiwei11 X1)."""
    def day_of(b: Activity) -> str:
        return when(b) if when is not None else md(b.date)

    day = day_of(a)
    alike = [b for b, other in lines if other[len(day_of(b)):] == line[len(day):]]
    hosts = {b.host for b in alike}
    if len(alike) < 2 or len(hosts) < 2 or not a.host or a.host in line:
        return line
    on, late, how_late = day.partition("（")
    return f"{on}{a.host}{line[len(day):]}{late}{how_late}"


def _session(s: WarningSession, me: str = "") -> str:
    """"3月22日观看警示教育专题片《零容忍》（王建国主持，13人参加）": the form only when
    the topic does not already say it."""
    topic = clause(s.topic)
    words = FORM_WORDS.get(s.form, (s.form[:2],))
    redundant = s.form == "其他" or any(word in topic for word in words)
    what = topic if redundant else f"{s.form}：{topic}"
    # "…典型案例以案促改" of a 以案促改专题会: the meeting named in full, then held (not a
    # topic without a verb: "9月20日审计人员违反…以案促改（…）")
    cut = next((w for w in words if what.endswith(w) and s.form.startswith(w)), "")
    if cut and not what.startswith(VERB_STARTS) and s.form.endswith("会"):
        what += s.form[len(cut):]
    if what.endswith("会") and not what.startswith(VERB_STARTS):  # 以案促改专题会: held
        what = f"召开{what}"
    hosts = doer_names(s.host)  # in the order written; one's own report: "本人主持" and
    host = ("、".join(["本人", *(h for h in hosts if h != me)])  # a co-host named beside
            if me and me in hosts else s.host)
    if me and not host.startswith("本人") and me in s.attendees:  # there as one of many
        what = _took_part(what, s.form) if what.startswith("召开") else what  # held by another
        # "参加以案促改专题会" says one was there: not "（…主持，本人参加，共4人）" again
        there = "" if what.startswith("参加") else "本人参加"
        attended = "，".join(w for w in (there, f"共{s.head_count}人" if s.head_count else "")
                            if w)
    else:  # no head count entered: none said (not "0人参加")
        attended = f"{s.head_count}人参加" if s.head_count else ""
    said = "，".join(part for part in (f"{host}主持" if host else "", attended) if part)
    return f"{md(s.date)}{what}（{said}）" if said else f"{md(s.date)}{what}"


# The point's title names the work done, not a duty of the plan (强化日常监督 beside 三's 严格…)
WORK_NAMES = {"个人事项报告": "个人有关事项报告", "廉政风险排查": "廉政风险防控",
              "督查检查": "督查检查", "专题调研": "专题调研", "协调解决问题": "问题协调"}


def _oversight_title(activities: list[Activity]) -> str:
    """"抓好个人有关事项报告和廉政风险防控工作。": each kind once; a plan's own kind by its
    name (revjiwei6 G6); 报送工作总结 as 工作总结报送."""
    kinds = list(dict.fromkeys(
        WORK_NAMES.get(a.type, "" if a.type in vocab.ACTIVITY_TYPES else
                       f"{a.type[2:]}报送" if a.type.startswith("报送") and len(a.type) > 3
                       else a.type) for a in activities))
    named = [k for k in kinds if k]
    if not named:
        return "抓好其他相关工作。"
    listed = "、".join(named[:-1]) + "和" + named[-1] if len(named) > 1 else named[0]
    return f"抓好{listed}{'等' if '' in kinds else ''}工作。"
