"""The words plans use, and what each maps to. Order matters: more specific words first.

This is the data behind the parser; a keyword maps an obligation to the records that
count for it (domain.md: "A plan's requirement counts records of one ledger…").
"""

from __future__ import annotations

from lianzheng_desktop.core.plan import Counts, Role

_INTEGRITY_TALKS = ("廉政谈话", "提醒谈话", "诫勉谈话", "任前廉政谈话")

# (keyword, counts) — the first keyword found nearest the number decides.
KEYWORDS: tuple[tuple[str, Counts], ...] = (
    ("集中警示教育", Counts("warning_education", (), "集中警示教育")),
    ("警示教育", Counts("warning_education", (), "警示教育")),
    ("廉政党课", Counts("warning_education", ("廉政党课",), "廉政党课")),
    # 参观廉政教育基地: a form of 警示教育 the ledger has (revother F1), not a type of its own
    ("廉政教育基地", Counts("warning_education", ("参观廉政教育基地",), "参观廉政教育基地")),
    ("谈心谈话", Counts("talk", ("谈心谈话",), "谈心谈话")),
    ("任前廉政谈话", Counts("talk", ("任前廉政谈话",), "任前廉政谈话")),
    ("提醒谈话", Counts("talk", ("提醒谈话",), "提醒谈话")),
    ("诫勉谈话", Counts("talk", ("诫勉谈话",), "诫勉谈话")),
    ("廉政约谈", Counts("talk", _INTEGRITY_TALKS, "廉政约谈")),
    ("廉政谈话", Counts("talk", _INTEGRITY_TALKS, "廉政谈话")),
    ("约谈", Counts("talk", _INTEGRITY_TALKS, "约谈")),
    ("专题会议", Counts("activity", ("专题会议",), "专题会议")),
    ("专题例会", Counts("activity", ("专题会议",), "专题例会")),
    ("专题研究", Counts("activity", ("专题会议",), "专题研究")),
    ("研究部署", Counts("activity", ("专题会议",), "研究部署")),
    ("安排部署", Counts("activity", ("专题会议",), "安排部署")),
    ("廉政学习", Counts("activity", ("廉政学习",), "廉政学习")),
    ("廉政测试", Counts("activity", ("廉政测试",), "廉政测试")),
    ("测试", Counts("activity", ("廉政测试",), "廉政测试")),
    ("考试", Counts("activity", ("廉政测试",), "廉政测试")),
    ("专题调研", Counts("activity", ("专题调研",), "专题调研")),
    ("调研", Counts("activity", ("专题调研",), "调研")),
    ("汇报", Counts("activity", ("听取汇报",), "听取汇报")),
    ("督查检查", Counts("activity", ("督查检查",), "督查检查")),
    ("监督检查", Counts("activity", ("督查检查",), "监督检查")),
    ("督查", Counts("activity", ("督查检查",), "督查")),
    ("协调解决", Counts("activity", ("协调解决问题",), "协调解决问题")),
    ("风险点排查", Counts("activity", ("廉政风险排查",), "廉政风险点排查")),
    ("风险排查", Counts("activity", ("廉政风险排查",), "廉政风险排查")),
    ("履责", Counts("activity", ("履责报告",), "报告履责情况")),
    ("一岗双责情况", Counts("activity", ("履责报告",), "报告履责情况")),
    ("履行职责情况", Counts("activity", ("履责报告",), "报告履责情况")),
    ("述责述廉", Counts("activity", ("履责报告",), "述责述廉")),
    ("述廉述责", Counts("activity", ("履责报告",), "述廉述责")),
    ("廉政承诺", Counts("activity", ("廉政承诺",), "廉政承诺")),
    ("廉洁承诺", Counts("activity", ("廉政承诺",), "廉洁承诺")),
    ("个人有关事项", Counts("activity", ("个人事项报告",), "个人有关事项报告")),
    ("个人事项", Counts("activity", ("个人事项报告",), "个人事项报告")),
    ("民主生活会", Counts("activity", ("民主生活会",), "民主生活会")),
    ("组织生活会", Counts("activity", ("组织生活会",), "组织生活会")),
    ("典型问题", Counts("activity", ("典型问题通报",), "典型问题通报")),
    ("整改", Counts("rectification", (), "整改问题")),
)

# "做好县委巡察整改": a 整改 duty that names where its problems came from counts those items
# only (问题来源); one that names none counts every item.
RECTIFICATION_SOURCE_WORDS = (("巡察", "巡察反馈"), ("审计", "审计"), ("督查", "上级督查"),
                              ("民主生活会", "民主生活会"), ("自查", "自查"))

COMPARATORS = ("不得少于", "不少于", "不低于", "至少", "达到", "以上")

COVERAGE_WORDS = ("约谈面", "覆盖面", "覆盖率", "谈话面", "参学率", "参与率", "参加率")
SHARE_WORDS = ("问题性约谈", "一对一")

# Who answers for an obligation; the first group found wins (a subject, not an object:
# see plan_grammar.subject_role).
ROLE_WORDS: tuple[tuple[tuple[str, ...], Role], ...] = (
    # the committee, not its members (支部委员 is each 班子成员: revjiwei7 F6)
    (("支部委员会", "党支部委员会"), Role.ORGANISATION),
    # 书记与班子成员、班子成员之间开展谈心谈话: talks between them bind each one, the
    # secretary with the rest; "之间" is never an object (see plan_grammar._role_in)
    (("班子成员之间", "成员之间", "委员之间"), Role.LEADERSHIP_MEMBER),
    (("主要负责人", "主要负责同志", "第一责任人", "一把手", "主要领导", "党组书记", "党委书记",
      "党支部书记", "支部书记", "总支书记", "党支部负责人", "支部负责人", "党组织负责人", "书记"),
     Role.FIRST_RESPONSIBLE),
    (("班子成员", "分管领导", "党组成员", "党委委员", "支委委员", "支委成员", "支部委员",
      "各常委", "常委", "中心组成员", "领导干部"), Role.LEADERSHIP_MEMBER),
    # 其他干部每年撰写…, 驻村干部…: each of the other staff, as each member (not 领导干部)
    (("每名党员", "每位党员", "每个党员", "全体党员", "每人", "党员每", "其他干部", "驻村干部",
      "包村干部", "全体干部", "每名干部"), Role.MEMBER),
    (("领导班子", "党组织", "党组", "党委", "党总支", "党支部", "支部", "支委会"),
     Role.ORGANISATION),
)

# the names of papers handed in or kept (纪实表, 工作总结, 约谈记录): a return, not the act they
# record (core.returns, plan_naming.new_type)
PAPERS = ("表", "报告", "总结", "材料", "记录", "情况", "台账", "清单", "纪实")
