"""A count under 全年 or 年内 that a plan lays down (revother F1).

``plan_grammar`` reads 全年, 年内 as a scope, not a cadence: "全年共开展集中学习22次" in a
summary is a result. Only a modal word (要, 应, 至少 …) made a count under it a duty, so a
plan's commonest wording — "全年开展2次警示教育", "全年计划组织2-3次红色主题教育活动",
"年内组织警示教育2次" — was read as nothing and the number lost. In a plan the scope word
followed by an act (组织, 开展, 召开 …), or by the plan's own modal (计划, 拟, 将, 安排), is the
duty: once a year that many times. Results keep their own marks (共, 累计, 已, 先后 …:
``plan_grammar.is_past``) and stay results; a count with no act after the scope word
("全年学习12次，效果良好") stays a description.
"""

from __future__ import annotations

import re

_SCOPES = ("全年", "年内", "年度内", "一年内")
_PLANNED = re.compile(
    r"^(?:全年|年内|年度内|一年内)(?:计划|拟|将|安排|要)?"
    r"(?:组织开展|集中开展|组织|开展|召开|举办|举行|进行|安排|参观|讲授|讲|上|撰写|编发|报送|"
    r"签订|走访|观看)")


def plans_a_count(clause: str, scope_at: int, item: str) -> bool:
    """Whether the scope word at ``scope_at`` of ``clause`` (全年, 年内 …) opens a duty: the
    word, maybe 计划/拟/将/安排, then an act, with a count later in the clause — in an
    ``item`` that does not report results (全年共召开…1次。全年召开组织生活会6次: a yearbook's
    results go on without 共)."""
    return clause.startswith(_SCOPES, scope_at) and bool(_PLANNED.match(clause, scope_at)) \
        and not reports_results(item)


def reports_results(item: str) -> bool:
    """Whether a count in ``item`` stands in a clause of results (共召开, 累计, 截至 …)."""
    from lianzheng_desktop.core.plan_draft import mask_quotes
    from lianzheng_desktop.core.plan_grammar import counts_in, is_past, spans

    masked = mask_quotes(item)
    for start, end in spans(masked):
        clause = masked[start:end]
        if any(is_past(clause, clause[:count.start]) for count in counts_in(clause)):
            return True
    return False
