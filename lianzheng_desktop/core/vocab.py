"""The drop-down vocabularies (domain.md, "Vocabularies"); 其他 is always allowed."""

OTHER = "其他"

WARNING_EDUCATION_FORMS = (
    "观看警示教育片",
    "典型案例通报学习",
    "以案促改专题会",
    "参观廉政教育基地",
    "廉政党课",
    "旁听庭审",
    OTHER,
)
TALK_TYPES = ("谈心谈话", "廉政谈话", "提醒谈话", "诫勉谈话", "任前廉政谈话", OTHER)
RECTIFICATION_SOURCES = ("巡察反馈", "审计", "上级督查", "民主生活会", "自查", OTHER)

STATUS_NOT_STARTED = "未开始"
STATUS_IN_PROGRESS = "整改中"
STATUS_DONE = "已完成"
STATUS_ONGOING = "长期坚持"
RECTIFICATION_STATUSES = (STATUS_NOT_STARTED, STATUS_IN_PROGRESS, STATUS_DONE, STATUS_ONGOING)

ACTIVITY_TYPES = (
    "专题会议",
    "廉政学习",
    "廉政测试",
    "专题调研",
    "听取汇报",
    "督查检查",
    "协调解决问题",
    "廉政承诺",
    "个人事项报告",
    "民主生活会",
    "组织生活会",
    "典型问题通报",
    "廉政风险排查",
    "履责报告",
    OTHER,
)

ROLE_SECRETARY = "书记"
ROLE_LEADER = "班子成员"
ROLE_MEMBER = "党员"
ROSTER_ROLES = (ROLE_SECRETARY, ROLE_LEADER, ROLE_MEMBER, OTHER)
PARTY_ROLES = (ROLE_SECRETARY, ROLE_LEADER, ROLE_MEMBER)
LEADER_ROLES = (ROLE_SECRETARY, ROLE_LEADER)
# Words offices write for a group of people (interchange.xlsx_groups writes them out): no
# person on the roster may be named so (he would count as one more member, the members as
# absent). word → the roles it means (None: everyone in post).
PEOPLE_GROUPS: dict[str, tuple[str, ...] | None] = {
    "全体党员": PARTY_ROLES, "全体党员同志": PARTY_ROLES, "支部全体党员": PARTY_ROLES,
    "全体在职党员": PARTY_ROLES,
    "全体班子成员": LEADER_ROLES, "班子全体成员": LEADER_ROLES, "领导班子成员": LEADER_ROLES,
    "全体人员": None, "全体干部职工": None, "全体干部": None, "全体职工": None,
}
