"""Guiding principles and goals (指导思想, 总体要求, 目标) are not duties a branch can do.

"坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻党的二十大精神" or "营造风清气正的良好
政治生态" says why and to what end; a quarterly checklist that marks it "尚未开展" prints a
sentence no 纪委 would let pass (revjiwei2 N5). An item without a number is read as such a
statement — listed among the untracked lines with ``PRINCIPLE_REASON``, not made a
requirement — only when nothing in it is something a branch does and records:

- it says a principle or a goal (``_SIGNALS``: 坚持以…为指导, 深入贯彻…精神, 营造…政治生态,
  推动…向纵深发展, 全面从严治党, 正风肃纪, 方向很明确 …), and names no act a branch can do
  (``_ACTS``: 召开, 开展, 组织, 学习, 谈话, 检查, 整改, 报告, 制定, 传达, 监督 …), no number
  and no kind of record (警示教育, 民主生活会 …); or
- its first words say how to understand something (第一，要准确理解述责述廉的内涵: a
  commentary's point, not a duty); or
- it stands under (or is) a heading of that kind (指导思想, 总体要求, 总体思路, 工作思路,
  工作目标, 目的意义, 基本原则, or two of them joined: 指导思想和总体目标) and names no
  number and no kind of record — a heading's own words
  "常态开展理论学习" restate the sections of duties below it.

Precision first: a sentence that names any act stays a duty ("深入学习贯彻党的二十大精神" can
be a study session on record; "强化政治监督" is marked by hand), and a principle listed as
untracked can still be taken as a requirement by hand in the import dialog.
"""

from __future__ import annotations

import re

from lianzheng_desktop.core.plan_draft import PlanItem, mask_quotes

PRINCIPLE_REASON = "指导思想或总体目标，不作为检查事项"

_SIGNALS = re.compile(
    r"以[^，。；：:]{1,40}?为(?:指导|统领|根本遵循|遵循|指引|引领)"
    r"|贯彻[^，。；]{0,30}?(?:精神|思想|要求|部署|论述)"
    r"|营造[^，。；]{0,20}?(?:生态|氛围|环境|风气)"
    r"|向纵深(?:发展|推进)|纵深推进"
    r"|政治生态|风清气正|正风肃纪|全面从严治党|从严治党|党要管党|反腐败斗争|自我革命"
    r"|四个意识|四个自信|两个维护|两个确立|不忘初心|牢记使命"
    r"|提供[^，。；]{0,12}?(?:保障|保证)"
    r"|开创[^，。；]{0,12}?新局面|有新(?:提高|增强|进展|变化|推进|突破|成效)"
    r"|^(?:方向|目标|总目标|总体要求|指导思想)(?:很明确|是|为|[：:])")

# What a branch does and can record. Whole words only: 会 alone is in 社会主义, 讲 in 讲政治,
# 学 in 科学.
_ACTS = re.compile(
    r"召开|开展|组织|举办|学习|学懂|培训|谈话|谈心|约谈|检查|督查|督促|巡察|审计|排查"
    r"|整改|促改|报告|汇报|报送|上报|制定|制订|修订|签订|签署|传达|通报|公示|公开|述职|述廉|述责"
    r"|考核|评议|测评|党课|宣讲|观看|参观|参加|警示|教育|监督|执纪|问责|查处|处理|调研"
    r"|走访|建立|健全|完善|落实|执行|记录|台账|承诺|提醒|研究|部署|评选|考试|测试"
    r"|会议|大会|例会|生活会|座谈会|推进会|党日|活动|制度|责任制|推行|清单|计划|方案|总结"
    r"|遵守|带头|严守|严禁|不得|禁止|杜绝|防止|抵制|管住|管好")  # and how to conduct oneself

_UNDERSTANDING = re.compile(r"^要?(?:准确|正确|深刻|全面|充分)?(?:理解|把握|认识|领会)")
_HEADING = (r"(?:指导思想|总体要求|总体思路|工作思路|总体目标|工作目标|主要目标|目的意义"
            r"|目标任务|基本原则|工作原则|指导原则)")
# 指导思想和总体目标, 指导思想、基本原则: two such headings joined are one
_HEADINGS = re.compile(rf"^{_HEADING}(?:[和与及、]{_HEADING})*[：:。]?$")
_NUMBERING = re.compile(r"^(?:第[一二三四五六七八九十]+[章条部分]|[一二三四五六七八九十]+[、.．]"
                        r"|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．])\s*")


ACTS, NUMBERING = _ACTS, _NUMBERING  # what a branch does; a heading's number (plan_clauses)


def is_principle(item: PlanItem) -> bool:
    """Whether an item with no number states a principle or a goal, not a duty (above)."""
    from lianzheng_desktop.core.plan_grammar import counts_in
    from lianzheng_desktop.core.plan_records import named_counts

    masked = mask_quotes(item.text)
    if counts_in(masked):
        return False
    if _UNDERSTANDING.match(item.title):
        return True  # 第一，要准确理解述责述廉的内涵: how to understand a duty, not one
    if named_counts(masked) is not None:
        return False
    if _under_a_heading(item):
        return True
    return bool(_SIGNALS.search(item.text)) and not _ACTS.search(masked)


def principle_text(item: PlanItem) -> str:
    """The item on one line, as listed: "指导思想\n坚持以…" reads "指导思想：坚持以…"."""
    lines = [line.strip() for line in item.text.strip().split("\n") if line.strip()]
    if len(lines) > 1 and len(lines[0]) <= 12 and lines[0][-1] not in "。；;：:，,":
        return f"{lines[0]}：{''.join(lines[1:])}"
    return "".join(lines)


def _under_a_heading(item: PlanItem) -> bool:
    first_line = item.text.strip().split("\n", 1)[0]
    return any(_HEADINGS.match(_NUMBERING.sub("", words.strip()).strip())
               for words in (item.section, item.title, first_line) if words)
