"""What export and import share: the sheets, in order, and a column's header."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lianzheng_desktop.core.ledgers import FieldSpec

SHEET_ORDER = ("roster", "warning_education", "talk", "rectification", "activity")
# When an imported row and a kept record are the same entry (xlsx_plan says what follows).
KEY_RULES = {
    "roster": "姓名相同",
    "warning_education": "日期、形式、主题相同",
    "talk": "日期、类型、谈话人、谈话对象（不计先后）相同",
    "rectification": "发现日期、问题来源相同，且编号相同（没有编号时问题描述相同）",
    "activity": "日期、类型、主题、负责人相同",
}


def header(spec_field: FieldSpec) -> str:
    """A column's header; a required column's carries an asterisk ("日期*")."""
    return spec_field.label + ("*" if spec_field.required else "")


def label_of(header_text: str) -> str:
    """The field label a header names: "日期*", "日期＊", " 日期 ", "日 期" and "参加⏎人员"
    (wrapped with Alt+Enter) all name a field; no label holds a space."""
    return "".join(header_text.split()).rstrip("*＊")


# Headers offices write for the app's columns, by ledger: read as that column when the
# sheet has no column under the app's own label (which then wins; the other is ignored).
SYNONYMS: dict[str, dict[str, str]] = {
    "roster": {"职位": "职务", "身份": "角色", "是否在职": "在职"},
    "warning_education": {
        "时间": "日期", "活动时间": "日期", "教育时间": "日期", "开展时间": "日期",
        "教育形式": "形式", "活动形式": "形式", "教育主题": "主题", "活动主题": "主题",
        "活动地点": "地点", "主讲人": "主持人",  # a 廉政党课's 主讲人 is who held it
        "参会人员": "参加人员", "出席人员": "参加人员", "参加对象": "参加人员",
        "参学人员": "参加人员", "人数": "参加人数", "参会人数": "参加人数",
        "主要内容": "内容摘要", "活动内容": "内容摘要", "教育内容": "内容摘要",
    },
    "talk": {
        "时间": "日期", "谈话时间": "日期", "谈话日期": "日期", "谈话类型": "类型",
        "谈话形式": "类型", "被谈话人": "谈话对象", "谈话内容": "内容摘要",
        "主要内容": "内容摘要",
    },
    "rectification": {
        "问题编号": "编号", "责任领导": "责任人", "责任人员": "责任人",
        "整改责任人": "责任人", "完成时限": "整改时限", "整改期限": "整改时限",
        "整改状态": "状态", "完成情况": "状态", "完成时间": "完成日期",
        "问题来源渠道": "问题来源", "具体问题": "问题描述", "存在问题": "问题描述",
    },
    "activity": {
        "时间": "日期", "会议时间": "日期", "活动时间": "日期", "会议类型": "类型",
        "活动类型": "类型", "会议主题": "主题", "活动主题": "主题", "议题": "主题",
        "主持人": "负责人", "主讲人": "负责人",  # who held it
        "参会人员": "参加人员", "出席人员": "参加人员", "参加对象": "参加人员",
        "会议内容": "内容摘要", "主要内容": "内容摘要", "活动内容": "内容摘要",
    },
}

# 整改事项 状态 as 台账 write it, where the meaning is plain (基本完成, 立行立改 and 未整改
# are not: 基本 is not done, 立行立改 is how it was fixed, 未整改 may have begun).
STATUS_SPELLINGS = {
    "已整改": "已完成", "整改完成": "已完成", "完成": "已完成", "已完成整改": "已完成",
    "完成整改": "已完成", "已销号": "已完成", "销号": "已完成", "整改到位": "已完成",
    "已整改到位": "已完成", "已办结": "已完成", "办结": "已完成",
    "正在整改": "整改中", "整改中": "整改中", "正在推进": "整改中", "推进中": "整改中",
    "持续整改": "长期坚持", "长期整改": "长期坚持", "持续推进": "长期坚持", "长期": "长期坚持",
    "常态化推进": "长期坚持",
    "未启动": "未开始", "尚未开始": "未开始",
}

# 人员名册 角色 as rosters write it, where the meaning is plain (支委委员, 纪检委员 and 副书记
# are not: whether they are the 班子成员 the plan means is the secretary's to say).
ROLE_SPELLINGS = {
    "支部书记": "书记", "党支部书记": "书记", "机关党支部书记": "书记", "党组织书记": "书记",
    "中共党员": "党员", "正式党员": "党员", "预备党员": "党员", "党员干部": "党员",
}

# Sheet titles as offices write them: a year in front (2024年警示教育, 2025年度…) and a
# word behind (…台账, …记录, …登记表) do not change which ledger the sheet is.
_YEAR_FRONT = re.compile(r"^(?:\d{4}年度?|\d{4}[-—~～至]\d{4}年度?)")
_WORD_BEHIND = ("工作台账", "台账", "登记表", "记录表", "情况表", "一览表", "记录", "表")
SHEET_SYNONYMS = {
    "人员名册": "roster", "名册": "roster", "人员": "roster", "党员名册": "roster",
    "人员名单": "roster", "花名册": "roster",
    "警示教育": "warning_education",
    "谈话记录": "talk", "谈话": "talk", "谈心谈话": "talk", "廉政谈话": "talk",
    "谈心谈话记录": "talk",
    "整改事项": "rectification", "整改": "rectification", "问题整改": "rectification",
    "整改问题": "rectification",
    "会议活动": "activity", "会议": "activity", "活动": "activity",
}


def ledger_of_sheet(title: str) -> str | None:
    """The ledger a sheet's title names (“谈心谈话台账” → talk), or None."""
    text = "".join(title.split())
    for _ in range(2):
        if text in SHEET_SYNONYMS:
            return SHEET_SYNONYMS[text]
        text = _YEAR_FRONT.sub("", text)
        for word in _WORD_BEHIND:
            if text.endswith(word) and len(text) > len(word):
                text = text.removesuffix(word)
                break
    return SHEET_SYNONYMS.get(text)


@dataclass(frozen=True)
class Refused:
    """A cell the reader will not guess at: its message says what to write instead."""

    message: str


@dataclass(frozen=True)
class ImportProblem:
    sheet: str
    row: int  # the spreadsheet's row number (header is row 1); 0 for the whole sheet
    column: str  # the column's label, or "" for the whole row / sheet
    reason: str

    def __str__(self) -> str:
        where = f"{self.sheet} 第{self.row}行" if self.row else self.sheet
        reason = self.reason
        if self.column:
            where += f" “{self.column}”列"
            # the field's own messages start with its label: said once, not twice (K1)
            named = f"“{self.column}”"
            if reason.startswith(named) and reason[len(named):len(named) + 1] not in ("", "（"):
                reason = reason.removeprefix(named).removeprefix("中的")
                reason = "必填，但未填写" if reason == "为必填项" else reason
        return f"{where}：{reason}"


MAX_PROBLEMS = 1000  # listed before reading stops: a wrong file would list every row
