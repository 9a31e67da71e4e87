"""A believable 2022 for a county trade union's party branch (县总工会机关党支部).

It follows the branch's own plan (resources/plans/trade-union-2022.txt): some requirements
are met and some missed, so every screen and report has something true to show:
- topical meetings in March, June and September only (4 a year required);
- collective warning education once in each of Q1–Q3, none in Q4;
- a heart-to-heart talk round in May–June, a partial one in September–October;
- six rectification items from the second round of county inspection feedback.

Values are raw (as a form or an Excel row would give them); storage validates and stores
them. ``entered`` is when the record was typed in, so the 补录 mark comes out as it would.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from lianzheng_desktop.core import vocab
from lianzheng_desktop.core.records import UnitProfile

DEMO_YEAR = 2022
PROFILE = UnitProfile(
    unit_name="县总工会",
    org_name="县总工会机关党支部",
    secretary_name="王建国",
)


@dataclass(frozen=True)
class DemoEntry:
    """One add (or, with ``updates``, an edit of an earlier entry) as the clerk typed it."""

    ledger: str
    values: dict[str, object]
    entered: datetime
    key: str | None = None  # names this record for later edits
    updates: str | None = None  # the key of the record this entry edits


ROSTER = [
    ("王建国", "党组书记、常务副主席", vocab.ROLE_SECRETARY),
    ("李秀梅", "党组成员、副主席", vocab.ROLE_LEADER),
    ("张志强", "党组成员、副主席", vocab.ROLE_LEADER),
    ("陈立新", "经费审查委员会主任", vocab.ROLE_LEADER),
    ("刘芳", "办公室主任", vocab.ROLE_MEMBER),
    ("赵明", "组织宣传部部长", vocab.ROLE_MEMBER),
    ("孙丽娟", "财务室会计", vocab.ROLE_MEMBER),
    ("周伟", "权益保障部部长", vocab.ROLE_MEMBER),
    ("吴静", "女职工委员会主任", vocab.ROLE_MEMBER),
    ("郑海涛", "基层工作部部长", vocab.ROLE_MEMBER),
    ("冯晓燕", "职工服务中心主任", vocab.ROLE_MEMBER),
    ("何军", "办公室科员", vocab.ROLE_MEMBER),
]
LEADERS = ["王建国", "李秀梅", "张志强", "陈立新"]
MEMBERS = [name for name, _, _ in ROSTER]
LEFT_IN_AUGUST = "何军"  # 调离 on 14 August 2022 (his last day): in post until then


def _d(text: str) -> date:
    return date.fromisoformat(f"{DEMO_YEAR}-{text}")


def _entered(event: date, days_after: int = 1) -> datetime:
    return datetime.combine(event + timedelta(days=days_after), time(16, 30))


def _names(*names: str) -> str:
    return "、".join(names)


def _everyone_but(*absent: str) -> str:
    return _names(*(n for n in MEMBERS if n not in absent))


def demo_year() -> list[DemoEntry]:
    """Every record of the demo year, in the order it would have been entered."""
    entries: list[DemoEntry] = []
    start = datetime(DEMO_YEAR, 1, 4, 9, 0)
    for name, post, role in ROSTER:
        entries.append(DemoEntry("roster", {"name": name, "post": post, "role": role,
                                            "active": "是"}, start, key=f"roster:{name}"))
    entries += _activities() + _sessions() + _talks() + _rectifications()
    name, post, role = next(r for r in ROSTER if r[0] == LEFT_IN_AUGUST)
    entries.append(DemoEntry("roster", {"name": name, "post": post, "role": role,
                                        "active": "否", "left_on": _d("08-14")},
                             datetime(DEMO_YEAR, 8, 15, 10, 0),
                             updates=f"roster:{name}"))
    entries.sort(key=lambda e: e.entered)
    return entries


# The meetings the 书记 convenes and chairs (负责人); the other activities name none.
CHAIRED = ("专题会议", "民主生活会", "组织生活会")


def _activity(day: str, kind: str, topic: str, attendees: str, summary: str,
              late: int = 1) -> DemoEntry:
    event = _d(day)
    host = LEADERS[0] if kind in CHAIRED else ""
    return DemoEntry("activity", {"date": event, "type": kind, "topic": topic, "host": host,
                                  "attendees": attendees, "summary": summary},
                     _entered(event, late))


def _activities() -> list[DemoEntry]:
    leaders = _names(*LEADERS)
    all_jan = _everyone_but()
    rows = [
        _activity("01-20", "民主生活会", "2021年度党员领导干部民主生活会", leaders,
                  "围绕“学习党史、坚定信仰”主题，班子成员逐一对照检查，开展批评和自我批评，"
                  "共查摆问题14条，制定整改措施21项。"),
        _activity("01-27", "组织生活会", "2021年度机关党支部组织生活会和民主评议党员",
                  all_jan, "支部书记报告支部工作，党员逐一发言，民主评议党员12名，"
                  "均为合格等次。"),
        _activity("02-15", "廉政承诺", "签订2022年度党风廉政建设责任书和廉政承诺书", all_jan,
                  "党组书记与班子成员、班子成员与分管部门负责人逐级签订责任书，"
                  "全体党员签订廉政承诺书。"),
        _activity("03-08", "专题会议", "研究部署2022年党风廉政建设工作", leaders,
                  "传达县纪委全会精神，审议通过《县总工会2022年党风廉政建设工作要点》，"
                  "明确班子成员“一岗双责”分工。"),
        _activity("03-25", "廉政风险排查", "开展2022年度廉政风险点排查", _everyone_but(),
                  "围绕经费审批、资产管理、帮扶资金发放等环节，排查廉政风险点18个，"
                  "制定防控措施26条。", late=3),
        _activity("03-30", "个人事项报告", "领导干部个人有关事项集中填报", leaders,
                  "4名领导干部按时如实填报个人有关事项，未发现漏报瞒报。"),
        _activity("06-14", "专题会议", "听取上半年党风廉政建设情况汇报，研究巡察整改推进",
                  leaders, "逐项梳理第二轮县委巡察反馈问题整改进度，"
                  "对滞后事项明确责任人和完成时限。"),
        _activity("07-12", "典型问题通报", "传达学习县纪委关于违反中央八项规定精神典型问题的通报",
                  _everyone_but(), "通报5起典型问题，要求全体党员干部引以为戒，"
                  "中秋国庆期间严守纪律。"),
        _activity("09-16", "专题会议", "研究中秋国庆期间作风建设和廉洁过节有关工作", leaders,
                  "部署节日期间监督检查，重申公务接待、公车使用、工会福利发放有关规定。"),
        _activity("09-20", "督查检查", "中秋国庆前工会经费使用情况内部检查",
                  _names("陈立新", "孙丽娟", "刘芳"),
                  "抽查2022年1—8月经费支出凭证126份，审批手续完整，发现1笔慰问品采购未附验收单，"
                  "已当场督促补齐。"),
        _activity("11-18", "履责报告", "班子成员向党组报告履行“一岗双责”情况", leaders,
                  "3名班子成员书面报告分管领域党风廉政建设情况。"),
    ]
    study_topics = [
        ("01-14", "学习十九届中央纪委六次全会精神"),
        ("02-24", "学习《中国共产党纪律处分条例》"),
        ("03-17", "学习省市县纪委全会精神"),
        ("04-21", "学习《中国共产党廉洁自律准则》"),
        ("05-19", "学习《关于新形势下党内政治生活的若干准则》"),
        ("06-23", "学习《中国共产党党内监督条例》"),
        ("07-21", "学习中央八项规定及其实施细则精神"),
        ("08-18", "学习《中国共产党问责条例》"),
        ("10-27", "学习党的二十大报告关于全面从严治党的论述"),
        ("11-24", "学习《中华人民共和国监察法》"),
    ]
    for day, topic in study_topics:
        there = _everyone_but() if day < "08-15" else _everyone_but(LEFT_IN_AUGUST)  # 调离
        rows.append(_activity(day, "廉政学习", topic, there,
                              "支部集中学习，书记领学，党员交流学习体会。"))
    return rows


def _sessions() -> list[DemoEntry]:
    rows = [
        ("03-22", "观看警示教育片", "观看警示教育专题片《零容忍》", "县总工会三楼会议室", "王建国",
         _everyone_but("周伟"), 12,  # the eleven members there, and the 纪委 observer
         "组织全体党员干部集中观看，县纪委派驻纪检监察组1名同志列席。观看后4名同志作交流发言。", 2),
        ("06-28", "参观廉政教育基地", "赴县廉政教育基地开展“以案为鉴、警钟长鸣”主题教育",
         "县廉政教育基地", "李秀梅", _everyone_but("郑海涛"), 11,
         "参观党风廉政建设展厅和警示教育展区，重温入党誓词。", 1),
        ("09-27", "典型案例通报学习", "学习县纪委通报的工会系统违纪违法典型案例",
         "县总工会三楼会议室", "王建国", _everyone_but("何军"), 11,
         "逐一剖析3起挪用工会经费、违规发放津补贴案例，结合巡察整改开展以案促改。", 12),
    ]
    out = []
    for day, form, topic, place, host, attendees, head_count, summary, late in rows:
        event = _d(day)
        out.append(DemoEntry("warning_education", {
            "date": event, "form": form, "topic": topic, "place": place, "host": host,
            "attendees": attendees, "head_count": head_count, "summary": summary,
        }, _entered(event, late)))
    return out


def _talk(day: str, kind: str, talker: str, talkees: tuple[str, ...], summary: str,
          problems: str = "", one_on_one: bool = False, late: int = 1) -> DemoEntry:
    event = _d(day)
    return DemoEntry("talk", {
        "date": event, "type": kind, "talker": talker, "talkees": _names(*talkees),
        "one_on_one": "是" if one_on_one else "否", "summary": summary,
        "problems_found": problems,
    }, _entered(event, late))


def _talks() -> list[DemoEntry]:
    rows = [
        _talk("02-16", "廉政谈话", "王建国", ("李秀梅", "张志强", "陈立新"),
              "签订责任书后，书记与班子成员逐一开展廉政谈话，提出履行“一岗双责”具体要求。"),
        _talk("05-17", "谈心谈话", "王建国", ("李秀梅", "张志强"),
              "交流上半年分管工作和思想状况，听取对班子建设的意见建议。"),
        _talk("05-24", "谈心谈话", "李秀梅", ("刘芳", "赵明", "吴静"),
              "了解工作压力和家庭困难，提醒做好分管领域廉政风险防控。"),
        _talk("06-08", "谈心谈话", "张志强", ("周伟", "郑海涛", "冯晓燕"),
              "围绕帮扶资金发放和职工服务工作谈心，提醒严格审批程序。"),
        _talk("06-15", "提醒谈话", "王建国", ("孙丽娟",),
              "针对巡察反馈的经费报销审批不规范问题进行提醒，要求严格执行财务制度。",
              "个别报销单据审批手续不全", one_on_one=True),
        _talk("09-14", "谈心谈话", "王建国", ("陈立新", "刘芳"),
              "节前谈心谈话，了解思想动态，提醒廉洁过节。"),
        _talk("10-19", "谈心谈话", "李秀梅", ("赵明", "吴静", "冯晓燕"),
              "交流下半年工作，提醒严守工作纪律。", late=9),
        _talk("11-09", "廉政谈话", "王建国", ("周伟",),
              "针对年底困难职工走访慰问中慰问金发放登记不规范问题开展一对一约谈。",
              "慰问金发放登记不规范", one_on_one=True),
    ]
    return rows


def _rectification(number: str, description: str, owner: str, measures: str, deadline: str,
                   status: str, completed: str | None = None, review: str | None = None,
                   conclusion: str = "") -> list[DemoEntry]:
    """Entered as 整改中 after the feedback; edited when finished and again after 回头看."""
    found = _d("03-18")
    values: dict[str, object] = {
        "number": number, "source": "巡察反馈", "description": description, "owner": owner,
        "measures": measures, "found_date": found, "deadline": _d(deadline),
        "status": status if status != vocab.STATUS_DONE else vocab.STATUS_IN_PROGRESS,
    }
    key = f"rectification:{number}"
    entries = [DemoEntry("rectification", values, _entered(found, 4), key=key)]
    if completed:
        values = {**values, "status": status, "completed_date": _d(completed)}
        entries.append(DemoEntry("rectification", values, _entered(_d(completed)), updates=key))
    if review:
        values = {**values, "review_date": _d(review), "review_conclusion": conclusion}
        entries.append(DemoEntry("rectification", values, _entered(_d(review)), updates=key))
    return entries


def _rectifications() -> list[DemoEntry]:
    done, ongoing, doing = vocab.STATUS_DONE, vocab.STATUS_ONGOING, vocab.STATUS_IN_PROGRESS
    items = [
        *_rectification("XC-2022-01", "工会经费支出审批手续不规范，部分报销单据缺少经办人签字",
                       "陈立新", "修订《经费支出审批管理办法》，对2021年以来凭证逐笔自查补正",
                       "05-31", done, "05-26", "09-20", "抽查凭证126份，审批手续完整，整改到位"),
        *_rectification("XC-2022-02", "固定资产台账不健全，账实不符", "孙丽娟",
                       "全面清查固定资产，建立资产台账并定期盘点", "06-30", done, "06-22",
                       "10-12", "台账与实物一致，已建立季度盘点制度"),
        *_rectification("XC-2022-03", "“三重一大”事项集体决策记录不完整", "刘芳",
                       "规范党组会议记录和会议纪要，建立“三重一大”事项清单", "06-30", done,
                       "06-10", "10-12", "2022年下半年决策事项均有完整记录"),
        *_rectification("XC-2022-04", "困难职工帮扶资金发放公示不及时", "周伟",
                       "建立帮扶资金发放公示制度，每批次发放后5个工作日内公示", "07-31", done,
                       "07-28"),
        *_rectification("XC-2022-05", "基层工会经费返还拨付不及时", "张志强",
                       "梳理应返还经费清单，按季度拨付到位", "09-30", doing),
        *_rectification("XC-2022-06", "党员干部理论学习不够深入，学用结合不紧", "赵明",
                       "完善中心组学习和支部学习制度，每月开展一次廉政学习", "12-31", ongoing),
    ]
    return items


# -- a larger synthetic ledger for benchmarks -------------------------------------------

def synthetic_years(years: int, per_year: int, last_year: int = DEMO_YEAR,
                    seed: int = 20221231) -> Iterator[DemoEntry]:
    """``years`` years ending with ``last_year``, about ``per_year`` records each.

    Deterministic; the roster is the demo roster. Used to measure speed, not to read.
    """
    rng = random.Random(seed)
    first = last_year - years + 1
    start = datetime(first, 1, 2, 9, 0)
    for name, post, role in ROSTER:
        yield DemoEntry("roster", {"name": name, "post": post, "role": role}, start)
    ledgers = ["activity"] * 5 + ["talk"] * 3 + ["warning_education"] + ["rectification"]
    for year in range(first, last_year + 1):
        for _ in range(per_year):
            event = date(year, 1, 1) + timedelta(days=rng.randrange(365))
            ledger = rng.choice(ledgers)
            values = _synthetic_values(rng, ledger, event, settled=year < last_year)
            entered = _entered(event, rng.randrange(0, 10))
            if values.get("completed_date"):
                entered = _entered(values["completed_date"])  # type: ignore[arg-type]
            yield DemoEntry(ledger, values, entered)


def _synthetic_values(rng: random.Random, ledger: str, event: date,
                      settled: bool = False) -> dict[str, object]:
    people = rng.sample(MEMBERS, rng.randrange(1, 6))
    if ledger == "activity":
        return {"date": event, "type": rng.choice(vocab.ACTIVITY_TYPES[:-1]),
                "topic": f"第{rng.randrange(1, 999)}次{rng.choice(['学习', '会议', '检查'])}",
                "attendees": _names(*people), "summary": "按计划开展。"}
    if ledger == "talk":
        talker = rng.choice(LEADERS)
        talkees = [p for p in people if p != talker] or [n for n in MEMBERS if n != talker][:1]
        return {"date": event, "type": rng.choice(vocab.TALK_TYPES[:-1]), "talker": talker,
                "talkees": _names(*talkees), "one_on_one": rng.choice(["是", "否"])}
    if ledger == "warning_education":
        return {"date": event, "form": rng.choice(vocab.WARNING_EDUCATION_FORMS[:-1]),
                "topic": "集中警示教育", "attendees": _names(*people),
                "head_count": len(people) + rng.randrange(3)}
    deadline = event + timedelta(days=rng.randrange(10, 120))
    done = settled or rng.random() < 0.6  # earlier years' problems have long been fixed
    return {"source": rng.choice(vocab.RECTIFICATION_SOURCES[:-1]), "description": "问题整改",
            "owner": rng.choice(MEMBERS), "found_date": event, "deadline": deadline,
            "status": vocab.STATUS_DONE if done else vocab.STATUS_IN_PROGRESS,
            "completed_date": deadline if done else None}
