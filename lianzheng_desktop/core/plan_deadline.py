"""A report due every period, stated by its deadline: a duty of that period, once.

"每月28日前向县委统战工作领导小组办公室上报当月工作情况", "每年一月底前，下级检察院应向上级
检察院政工部门报告上一年度党组中心组学习情况", "每季度首月10日前报送上季度情况": each says
what must reach whom each month, year or quarter. A deadline without a period (于6月30日前完成
整改) is a one-off and stays out, as does a recurring deadline that sends nothing up (每月25日前
依托平台考核: the count of 考核 is stated elsewhere in the sentence, and read there).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lianzheng_desktop.core.plan import Counts, Period, Requirement
from lianzheng_desktop.core.plan_grammar import clean_object, counts_in, periods_in, subject_role

if TYPE_CHECKING:
    from lianzheng_desktop.core.plan_parser import _ItemReader

_PERIOD_OF = {"月": Period.MONTH, "季度": Period.QUARTER, "季": Period.QUARTER,
              "半年": Period.HALF, "年": Period.YEAR}
_DEADLINE_DUTY = re.compile(
    r"每个?(?P<period>季度|季|半年|月|年)度?"  # 每月 / 每季度 / 每年度
    r"[^。；;，,]{0,10}?(?:日|号|底|末|结束)(?:之)?前[，,]?"  # 28日前 / 一月底前 / 结束前
    r"(?P<between>[^。；;]{0,30}?)"  # 向…办公室 / ，下级检察院应向…部门
    r"(?P<verb>上报|报送|报告|提交|汇报)"
    r"(?P<object>[^。；;，,（(]{2,30})")
# what period the report covers (当月, 上一年度), not what is reported
_COVERED = re.compile(r"^(?:当月|上月|本月|上个月|当季|本季度|上季度|上一季度|上半年|下半年|本年度"
                      r"|上一年度|上年度|年度|全年)(?:的)?")
_REPORTING_ON_DUTY = ("履责", "一岗双责", "述责", "述廉", "述职", "履行职责")


def read_deadline_duties(reader: _ItemReader, sentence: str, text: str) -> list[Requirement]:
    """Each recurring report in ``sentence`` (quotes masked; ``text`` as written)."""
    found = []
    for match in _DEADLINE_DUTY.finditer(sentence):
        if periods_in(match.group("between")) or counts_in(match.group("object")):
            continue  # 每月10日前完成考核，每季度向党委报告1次: the report has its own period
        what = clean_object(_COVERED.sub("", match.group("object")))
        if len(what) < 2:
            continue
        if any(word in match.group(0) for word in _REPORTING_ON_DUTY):
            counts = Counts("activity", ("履责报告",), "报告履责情况")
        else:
            name = match.group("verb") + what
            counts = Counts("activity", (name,), name)
        found.append(reader.requirement(
            text[match.start():match.end()], counts=counts,
            period=_PERIOD_OF[match.group("period")], target=1,
            role=subject_role(sentence[:match.start()] + match.group("between"))))
    return found
