"""A plan laid out as a table, as 责任清单 are sent (序号 | 工作任务 | 具体措施 | 责任人 |
完成时限): one row is one numbered item for the reader — its task, then its measures. A
完成时限 that is a recurrence (每季度) or a deadline (6月底前) goes before measures that
name no period of their own, as one reads the row; the 责任人 leads the work and does not
make the duty that person's own (the checklist counts the branch's records), so it is
left out, as is a 完成时限 the measures already state.

Rows come from a Word table (``interchange.plan_files``) or from a table copied out of Word
and pasted (its cells apart by tabs: ``tables_as_items``). Before this, a table's cells were
run together into one paragraph and the next row's 序号 glued to the last (revjiwei7 F1).
"""

from __future__ import annotations

import re

# a header cell's column, by the first of these it holds (measures before task: 工作内容)
_COLUMNS = (
    ("number", ("序号", "编号")),
    ("owner", ("责任人", "责任领导", "牵头领导", "责任单位", "责任部门", "牵头部门",
               "牵头单位", "责任科室", "配合")),
    ("due", ("时限", "完成时间", "时间节点", "时间")),
    ("measures", ("措施", "内容", "要求", "具体任务")),
    ("task", ("任务", "事项", "项目", "类别", "重点")),
)
_NUMBER = re.compile(r"^(?:\d{1,3}|[一二三四五六七八九十]{1,3})[.、．]?$")
_WHEN = re.compile(r"^(?:(?:每|按)个?(?:月|季度?|半年|年)度?|\S{0,12}(?:前|底))$")
# the measures already say how often (每月, 按季度, 全年, 年内, 半年, 一季度一次 …)
_OWN_PERIOD = re.compile(r"每个?(?:周|月|季度?|半年|年)|按(?:月|季度?|半年|年)|全年|年内|半年"
                         r"|季度|月度|年度")
_DEADLINE = re.compile(r"\d{1,2}月(?:底|末|\d{1,2}日)?前|年底前|年内")
_END = "。；;，,：:！？"


def _column(cell: str) -> str | None:
    for name, words in _COLUMNS:
        if any(word in cell for word in words):
            return name
    return None


def _header(rows: list[list[str]]) -> tuple[int, list[str | None]] | None:
    """The header row's index and each column's part, if a row names two parts."""
    for index, row in enumerate(rows[:3]):
        parts = [_column(cell) if len(cell) <= 12 else None for cell in row]
        if len({p for p in parts if p}) >= 2:
            return index, parts
    return None


def _sentence(text: str) -> str:
    return text.rstrip(_END + " ") + "。" if text.strip() else ""


def _item(number: str, parts: dict[str, str]) -> str:
    task, measures, due = parts.get("task", ""), parts.get("measures", ""), parts.get("due", "")
    if measures and _WHEN.match(due) and not _OWN_PERIOD.search(measures) \
            and not _DEADLINE.search(measures):
        measures = due + measures  # 每季度 | 组织观看警示教育片: 每季度组织观看警示教育片
    return f"{number}. {_sentence(task)}{_sentence(measures)}"


def table_lines(rows: list[list[str]]) -> list[str]:
    """The table's rows as the plan's numbered items (cells already stripped; a merged
    cell given once). A row of one cell (一、思想建设, spanning the table) is a heading."""
    rows = [row for row in rows if any(row)]
    found = _header(rows)
    lines: list[str] = []
    count = 0
    for index, row in enumerate(rows):
        filled = [cell for cell in row if cell]
        if found is not None and index <= found[0]:
            continue  # the header (and a title row above it)
        if len(filled) == 1:
            lines.append(filled[0])
            continue
        count += 1
        if found is None:
            first, rest = (filled[0].rstrip(".、．"), filled[1:]) \
                if _NUMBER.match(filled[0]) else (str(count), filled)
            lines.append(f"{first}. " + "".join(_sentence(cell) for cell in rest))
            continue
        parts: dict[str, str] = {}
        number = ""
        for part, cell in zip(found[1], row, strict=False):
            if not cell:
                continue
            if part == "number":
                number = cell.rstrip(".、．")
            elif part is not None:
                parts[part] = f"{parts[part]}。{cell}" if part in parts else cell
            else:  # a column of no known part: read with the measures
                parts["measures"] = f"{parts.get('measures', '')}{_sentence(cell)}"
        lines.append(_item(number if _NUMBER.match(number) else str(count), parts))
    return lines


def tables_as_items(text: str) -> str:
    """``text`` with each table pasted from Word (two or more lines in a row with cells
    apart by tabs) made into numbered items; other lines as they are."""
    if "\t" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    block: list[list[str]] = []

    def flush() -> None:
        if len(block) >= 2:
            out.extend(table_lines(block))
        else:
            out.extend("\t".join(row) for row in block)
        block.clear()

    for line in lines:
        cells = [cell.strip() for cell in line.split("\t")]
        if sum(1 for cell in cells if cell) >= 2:
            block.append(cells)
            continue
        flush()
        out.append(line)
    flush()
    return "\n".join(out)
