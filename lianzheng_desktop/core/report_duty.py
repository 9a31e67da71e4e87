"""Section one: what was done — when, in what form, by whom, how many — from the ledgers.

A point is written only for work actually done in the period: a zero is not an achievement
(section three says what was not done). The register is the county's summary speech:
一是……二是……, each point a short title and then the facts.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from lianzheng_desktop.core import vocab
from lianzheng_desktop.core.record_source import doers, done_by, is_due, is_standing
from lianzheng_desktop.core.records import Activity, WarningSession, to_reach
from lianzheng_desktop.core.report_facts import (
    ReportData,
    activity_phrase,
    clause,
    cn_date,
    first_responsible,
    first_sentence,
    md,
    names,
    numbered,
)
from lianzheng_desktop.core.report_opening import empty_ledgers, opening

# Activities that belong to 主体责任 (point one) and to education (point five); the rest
# are 日常监督.
RESPONSIBILITY = ("专题会议", "民主生活会", "组织生活会", "廉政承诺", "履责报告", "听取汇报")
EDUCATION = ("廉政学习", "廉政测试", "典型问题通报")
# A topic that opens with a verb reads on its own after the date; otherwise a verb is put in.
VERB_STARTS = ("开展", "学习", "传达", "签订", "召开", "研究", "听取", "组织", "参观", "观看", "赴",
               "举办", "部署", "通报", "约谈", "督查", "检查", "走访", "签署", "集中", "专题",
               "调研", "排查", "抽查", "慰问", "讲授", "宣讲", "参加", "深入", "对照", "围绕",
               "协调", "督促", "推进", "落实", "印发", "制定", "修订")
TOPIC_VERBS = {"履责报告": "听取", "听取汇报": "听取", "个人事项报告": "组织", "廉政学习": "组织",
               "廉政测试": "组织", "廉政承诺": "组织签订"}
# Words that show a warning-education topic already names its form.
FORM_WORDS = {"观看警示教育片": ("观看", "专题片", "警示片"), "典型案例通报学习": ("案例", "通报"),
              "以案促改专题会": ("以案促改",), "参观廉政教育基地": ("基地", "参观"),
              "廉政党课": ("党课",), "旁听庭审": ("庭审",)}
# where the problems came from; whose 巡察 (县委, 市委) a record does not say
FOUND_BY = {"巡察反馈": "巡察反馈", "审计": "审计发现", "上级督查": "上级督查发现",
            "民主生活会": "民主生活会查摆", "自查": "自查发现", "其他": "其他渠道发现"}
MEETINGS = ("专题会议", "民主生活会", "组织生活会", "廉政学习")  # chaired; other work is led
HEARD = ("听取汇报",)  # the host heard it: nothing to add in the host's own report
STUDY_NUMBER = re.compile(r"^第?[0-9一二三四五六七八九十]+次(?:廉政)?学习[：:，,、\s]*")
SAID_ALREADY = 4  # a summary this short ("推进", "听取汇报") adds nothing to the topic
DETAILED_UP_TO = 4  # beyond this many records of one kind, a count and the first few


@dataclass(frozen=True)
class Figures:
    """The numbers section one states; tests compare them with the database."""

    meetings: int
    sessions: int
    session_attendance: int  # over the sessions with a head count entered
    sessions_uncounted: int  # entered without one: not counted as nought
    talks: int
    person_times: int
    one_on_one: int
    talked_people: int
    people_in_scope: int
    rectification_total: int
    rectification_done: int
    rectification_ongoing: int
    rectification_open: int
    reviews: int

    @property
    def coverage(self) -> int:
        return round(100 * self.talked_people / self.people_in_scope) if self.people_in_scope else 0


def figures(data: ReportData) -> Figures:
    day = data.as_of
    talked = {name for talk in data.talks for name in talk.talkees}
    scope = [p for p in to_reach(data.roster, data.period.start, day, talked)
             if p.role != vocab.ROLE_SECRETARY]
    items = data.rectification
    done = [i for i in items if done_by(i, day)]
    ongoing = [i for i in items if is_standing(i, day)]
    return Figures(
        meetings=sum(1 for a in data.activities if a.type == "专题会议"),
        sessions=len(data.sessions),
        session_attendance=sum(s.head_count for s in data.sessions),
        sessions_uncounted=sum(1 for s in data.sessions if not s.head_count),
        talks=len(data.talks),
        person_times=sum(len(t.talkees) for t in data.talks),
        one_on_one=sum(1 for t in data.talks if t.one_on_one),
        talked_people=sum(1 for p in scope if p.name in talked),
        people_in_scope=len(scope),
        rectification_total=len(items),
        rectification_done=len(done),
        rectification_ongoing=len(ongoing),
        rectification_open=len(items) - len(done) - len(ongoing),
        reviews=sum(1 for i in items if i.review_date is not None and i.review_date <= day),
    )


def _one_activity(a: Activity, with_summary: bool, me: str = "") -> str:
    """"3月8日召开党风廉政建设专题会议，研究部署……（4人参加）"; in ``me``'s own report, a
    meeting someone else held is marked "（本人参加）"."""
    topic = clause(a.topic)
    phrase = activity_phrase(a.type)
    mine = bool(me) and me in doers("activity", a.host)
    who = "、".join(sorted(doers("activity", a.host)))
    made = "" if topic.startswith((*VERB_STARTS, "向", "述")) else "作"  # 向党组报告…
    if a.type == "履责报告" and mine:  # one's own report on one's duty: made, not heard
        text = f"{md(a.date)}本人{made}{topic}"
    elif a.type == "履责报告" and who:  # whose report it was, not the branch "听取" it
        text = f"{md(a.date)}{who}{made}{topic}"
    elif a.type in HEARD and mine:  # one's own report: "听取分管科室…汇报", not of oneself
        heard = topic.removeprefix(me)
        text = f"{md(a.date)}{'' if heard.startswith(VERB_STARTS) else '听取'}{heard}"
    elif a.type in HEARD and who and not mine:  # who heard it (附件1 counts by person)
        heard = "" if topic.startswith((*VERB_STARTS, who)) else "听取"
        text = f"{md(a.date)}{'' if topic.startswith(who) else who}{heard}{topic}"
    elif _names_the_meeting(a.type, topic):
        text = f"{md(a.date)}召开{topic}"
    elif a.type == "专题会议" and not topic.startswith(VERB_STARTS) and not re.search(
            "[，；。]", topic):  # a noun phrase: "一季度…工作分析" names the meeting
        text = f"{md(a.date)}召开{topic}专题会议"
    elif a.type == "专题会议":
        text = f"{md(a.date)}{phrase}，{topic}"
    elif topic.startswith(VERB_STARTS):
        text = f"{md(a.date)}{topic}"
    else:  # a noun phrase: "中秋国庆前工会经费使用情况内部检查"
        text = f"{md(a.date)}{TOPIC_VERBS.get(a.type, '开展')}{topic}"
    filed = a.type == "个人事项报告" and "事项" in topic  # filed by each, not attended
    attended = bool(me) and not mine and me in a.attendees and a.type not in (
        "履责报告", *HEARD)
    if filed and attended:  # one's own report: one filed one's own, as the rules ask
        return f"{md(a.date)}按规定报告个人有关事项"
    if filed:
        text = f"{md(a.date)}组织领导干部报告个人有关事项"
    if attended:  # held by another: one took part, one did not hold it ("组织…（本人参加）")
        text = md(a.date) + _took_part(text[len(md(a.date)):], a.type)
    summary = first_sentence(a.summary) if with_summary else ""
    if len(summary) > SAID_ALREADY and summary not in text:  # not a word the topic has said
        text += f"，{summary}"
    else:
        summary = ""
    if attended:
        led = ("主持" if a.type in MEETINGS else "牵头") if who else ""
        return text + f"（{who}{led}{'，' if who else ''}共{len(a.attendees)}人）"
    # one or two people "参加" a hearing or a visit says nothing a reader can use
    count = (f"{len(a.attendees)}人{'按规定报告' if filed else '参加'}"
             if len(a.attendees) > 2 and not summary else "")
    if mine and a.type in ("履责报告", *HEARD):  # one's own report made or heard: one's act
        return text + (f"（{count}）" if count else "")
    if mine:  # … a meeting chaired, other work led
        led = "主持" if a.type in MEETINGS else "牵头"
        return text + f"（本人{led}{'，' + count if count else ''}）"
    text += f"，{count}" if count else ""
    if me and me in a.attendees:
        text += "（本人参加）"
    return text


HELD = ("组织签订", "召开", "组织", "开展", "举办")  # the verbs of whoever held it


def _took_part(act: str, kind: str) -> str:
    """"召开党风廉政建设专题会议，研究…" → "参加党风廉政建设专题会议，研究…"; an act
    named by its content ("学习…精神") → "参加廉政学习，学习…精神"."""
    held = next((verb for verb in HELD if act.startswith(verb)), None)
    if held:
        return "参加" + act[len(held):]
    return f"参加{kind}，{act}" if kind != vocab.OTHER else f"参加{act}"


def _names_the_meeting(kind: str, topic: str) -> bool:
    """"2021年度民主生活会", "第4季度党风廉政建设专题会议": 召开 it, said once."""
    if kind in ("民主生活会", "组织生活会"):
        return "生活会" in topic
    # "传达学习省纪委全会" is what was done at one: not "召开传达学习…全会"
    return kind == "专题会议" and topic.endswith(("会议", "会")) \
        and not topic.startswith(VERB_STARTS)


def _role_in(meetings: list[Activity], me: str) -> str:
    """主持, 参加 or 主持或参加: what one did at these meetings, for one's own report."""
    chaired = [me in doers("activity", a.host) for a in meetings]
    return "主持" if all(chaired) else "主持或参加" if any(chaired) else "参加"


def _activities(kind_list: list[Activity], noun: str, me: str = "") -> list[str]:
    """Per kind: each record when few (all such in date order, whatever their kind),
    otherwise a count and the first topics (after them)."""
    by_kind: dict[str, list[Activity]] = defaultdict(list)
    for a in kind_list:
        by_kind[a.type].append(a)
    one_by_one: list[tuple[date, str]] = []  # (date, line): "3月30日…；4月28日…；8月15日…"
    summed = []
    for kind, group in by_kind.items():
        if kind == "廉政学习" and len(group) > 1:  # what was studied, each once
            subjects = _subjects(_studied(a.topic) for a in group)
            shown = "、".join(subjects[:3]) + ("等" if len(subjects) > 3 else "")
            did = "参加" if me else "组织"  # one's own report: the branch organised them
            summed.append(f"{noun}{did}廉政学习{len(group)}次"
                          + (f"，学习{shown}" if shown else ""))
        elif len(group) <= DETAILED_UP_TO:
            one_by_one += [(a.date, _one_activity(a, with_summary=len(group) <= 2, me=me))
                           for a in group]
        else:
            span = f"{md(group[0].date)}至{md(group[-1].date)}"
            summed.append(f"{noun}{activity_phrase(kind)}{len(group)}次（{span}）")
    return [line for _, line in sorted(one_by_one, key=lambda pair: pair[0])] + summed


def _subjects(studied: Iterable[str]) -> list[str]:
    """Each subject once: a second session on a book already named (“《条例》第二次集中学习”
    after “《条例》”) names it no more; "" (a topic that is only its number) is left out."""
    subjects: list[str] = []
    for subject in studied:
        book = re.search(r"《[^》]+》", subject)
        if subject and subject not in subjects and not (
                book and any(book.group() in s for s in subjects)):
            subjects.append(subject)
    return subjects


def _studied(topic: str) -> str:
    """"第7次廉政学习：学习党纪学习教育读本" → "党纪学习教育读本"."""
    topic = STUDY_NUMBER.sub("", clause(topic))  # "" when the topic is only "第3次廉政学习"
    return topic.removeprefix("学习") or topic


def _session(s: WarningSession, me: str = "") -> str:
    """"3月22日观看警示教育专题片《零容忍》（王建国主持，13人参加）": the form only when
    the topic does not already say it."""
    topic = clause(s.topic)
    words = FORM_WORDS.get(s.form, (s.form[:2],))
    redundant = s.form == "其他" or any(word in topic for word in words)
    what = topic if redundant else f"{s.form}：{topic}"
    if what.endswith("会") and not what.startswith(VERB_STARTS):  # 以案促改专题会: held
        what = f"召开{what}"
    host = "本人" if me and s.host == me else s.host  # one's own report: "本人主持"
    if me and host != "本人" and me in s.attendees:  # one's own report, there as one of many
        what = _took_part(what, s.form) if what.startswith("召开") else what  # held by another
        attended = f"本人参加，共{s.head_count}人" if s.head_count else "本人参加"
    else:  # no head count entered: none said (not "0人参加")
        attended = f"{s.head_count}人参加" if s.head_count else ""
    said = "，".join(part for part in (f"{host}主持" if host else "", attended) if part)
    return f"{md(s.date)}{what}（{said}）" if said else f"{md(s.date)}{what}"


# The point's title names the work done, not a duty of the plan ("强化日常监督" beside
# section 三's "严格党内监督…没有计入这些要求的工作记录" contradicted it).
WORK_NAMES = {"个人事项报告": "个人有关事项报告", "廉政风险排查": "廉政风险防控",
              "督查检查": "督查检查", "专题调研": "专题调研", "协调解决问题": "问题协调"}


def _oversight_title(activities: list[Activity]) -> str:
    """"抓好个人有关事项报告和廉政风险防控工作。": what these records are, each kind once."""
    kinds = list(dict.fromkeys(WORK_NAMES.get(a.type, "") for a in activities))
    named = [k for k in kinds if k]
    if not named:
        return "抓好其他相关工作。"
    listed = "、".join(named[:-1]) + "和" + named[-1] if len(named) > 1 else named[0]
    return f"抓好{listed}{'等' if '' in kinds else ''}工作。"


def _attendance(f: Figures) -> str:
    """"、参加16人次", over the sessions whose head count was entered — a session entered
    without one is said so, never summed as nought into the total."""
    if f.sessions_uncounted == f.sessions:
        return "（均未记录参加人数）" if f.sessions > 1 else "（未记录参加人数）"
    if f.sessions_uncounted:
        return (f"、参加{f.session_attendance}人次"
                f"（其中{f.sessions_uncounted}次未记录参加人数，未计入）")
    return f"、参加{f.session_attendance}人次"


def _talk_point(data: ReportData, f: Figures) -> str:
    kinds = Counter(t.type for t in data.talks)
    title = f"抓实{next(iter(kinds))}" if len(kinds) == 1 else "抓实谈心谈话和廉政提醒"
    if len(data.talks) <= DETAILED_UP_TO:
        me = data.person.name if data.person is not None else ""
        # names as written on both sides (not "王建国同志与陈静")
        each = "；".join(f"{md(t.date)}{'本人' if t.talker == me else t.talker}与"
                        f"{names(t.talkees)}开展{t.type}"
                        for t in data.talks)
    else:
        each = "，其中" + "、".join(f"{k}{n}次" for k, n in kinds.most_common())
    noun = data.period.noun
    text = f"{title}。{each}。" if len(data.talks) <= DETAILED_UP_TO else ""
    total = f"{noun}共开展各类谈话{f.talks}次、{f.person_times}人次" if f.talks > 1 else ""
    if not text:
        total += each
    more = []
    if f.one_on_one:
        more.append(f"“一对一”问题性约谈{f.one_on_one}次")
    if f.talked_people:
        # "占应谈10人的20%" in a quarter reads as a duty missed, which no plan item sets for
        # one quarter (附件1 shows the talk duty met): the share only over a year or at 100%
        share = (f"，占应谈{f.people_in_scope}人的{f.coverage}%"
                 if (data.is_year or f.coverage == 100) and data.person is None else "")
        more.append(f"谈话覆盖干部职工{f.talked_people}人{share}")
    total = "；".join(([total] if total else []) + more)
    return (text or f"{title}。") + (total + "。" if total else "")


def _rectification_point(data: ReportData, f: Figures) -> str:
    items = data.rectification
    sources = [FOUND_BY.get(s, f"{s}发现") for s in Counter(i.source for i in items)]
    source = "、".join(sources) if len(sources) <= 3 else "各渠道发现"
    # not "扎实推进" when nothing is finished and an item is past its deadline (section 三)
    due = sum(1 for i in items if is_due(i, data.as_of, data.missed_up_to))
    overdue = bool(due)
    if (data.person is not None and not first_responsible(data.person)
            and due == f.rectification_open and not f.rectification_done
            and not f.rectification_ongoing):
        return ""  # one's own items, all past their time: section 三's, not an achievement
    title = "推进问题整改" if overdue and not f.rectification_done else "扎实推进问题整改"
    if first_responsible(data.person):  # every item of the branch's, each with its owner
        text = (f"{title}。本人作为整改第一责任人，对{source}的{f.rectification_total}个问题"
                "逐项明确责任人和整改时限，督促推进整改")
    elif data.person is not None:  # one person's own items: no ledger of theirs to set up
        text = f"{title}。本人负责整改{source}的问题{f.rectification_total}个"
    elif all(i.found_date < data.period.start for i in items):  # the ledger is older
        text = f"{title}。持续推进{source}的{f.rectification_total}个问题的整改"
    else:
        text = (f"{title}。对{source}的{f.rectification_total}个问题建立整改台账，"
                "逐项明确责任人和整改时限")
    state = []
    if f.rectification_done:
        finished = [i for i in items if done_by(i, data.as_of)
                    and i.completed_date >= data.period.start]  # type: ignore[operator]
        state.append(f"已完成整改{f.rectification_done}件"
                     + (f"（其中{data.period.noun}完成{len(finished)}件）"
                        if data.period.quarter and 0 < len(finished) < f.rectification_done
                        else ""))
    if f.rectification_ongoing:
        state.append(f"长期坚持{f.rectification_ongoing}件")
    if f.rectification_open:
        state.append(f"尚在整改{f.rectification_open}件"
                     + (f"（其中{due}件到期未完成）" if due else ""))
    text += f"。截至{cn_date(data.as_of)}，" + "、".join(state)
    if f.reviews:
        # what the 回头看 found is the ledger's to say (附件4), not a stock "成效得到巩固"
        text += f"；对{f.reviews}件已完成事项开展了“回头看”"
    return text + "。"


def draft_duty(data: ReportData) -> str:
    f, noun = figures(data), data.period.noun
    me = data.person.name if data.person is not None else ""
    # one's own report counts what one held or attended, not the branch's totals
    parts: list[str] = []
    duty = [a for a in data.activities if a.type in RESPONSIBILITY]
    if duty:
        meetings = [a for a in data.year_activities if a.type == "专题会议"]
        held, so_far = ((f"本人{_role_in(meetings, me)}", _role_in(meetings, me)) if me
                        else ("共召开", "召开"))
        # 主体责任 is the branch's (and its 书记's); a 班子成员 takes part in it
        head = data.person is None or first_responsible(data.person)
        title = "压紧压实主体责任。" if head else "参与研究部署党风廉政建设工作。"
        text = title + "；".join(_activities(duty, noun, me))
        year_meetings = sum(1 for a in data.year_activities if a.type == "专题会议")
        if f.meetings > 1:
            text += f"。{noun}{held}专题会议{f.meetings}次"
        if data.period.quarter and year_meetings > f.meetings:
            text += (f"{'，' if f.meetings > 1 else '。'}年内累计{so_far}专题会议"
                     f"{year_meetings}次")
        parts.append(text + "。")
    if data.sessions:
        total = (f"{noun}本人主持或参加集中警示教育{f.sessions}次" if me else
                 f"{noun}共开展集中警示教育{f.sessions}次" + _attendance(f))
        if len(data.sessions) <= DETAILED_UP_TO:
            each = "；".join(_session(s, me) for s in data.sessions)
            # one session: its own line already says it all ("本季度共开展…1次" repeats it)
            parts.append(f"深化警示教育。{each}。" + (f"{total}。" if f.sessions > 1 else ""))
        else:
            forms = Counter(s.form for s in data.sessions)
            kinds = "、".join(f"{form}{n}次" for form, n in forms.most_common())
            parts.append(f"深化警示教育。{total}，其中{kinds}。")
    if data.talks:
        parts.append(_talk_point(data, f))
    if data.rectification and (point := _rectification_point(data, f)):
        parts.append(point)
    education = [a for a in data.activities if a.type in EDUCATION]
    if education:
        parts.append("加强廉政教育。" + "；".join(_activities(education, noun, me)) + "。")
    oversight = [a for a in data.activities
                 if a.type not in RESPONSIBILITY and a.type not in EDUCATION]
    if oversight:
        parts.append(_oversight_title(oversight) + "；".join(_activities(oversight, noun, me))
                     + "。")
    intro = opening(data, f, bool(parts))
    # the annexes of ledgers with nothing in the period are left out of print: said here
    empty = empty_ledgers(data) if parts else ""
    return "\n".join([intro, *numbered(parts), *([f"{noun}无{empty}，未附相应台账。"]
                                                  if empty else [])])
