"""A plan laid out as a table, as 责任清单 are sent (序号 | 工作任务 | 具体措施 | 责任人 |
完成时限): one row is one numbered item for the reader — its task, then its measures. A
完成时限 that is a recurrence (每季度) or a deadline (6月底前) goes before each measure (or,
with no measures column, the task) that names no period of its own, as one reads the row.
The 责任人 leads the work and does not make the duty that person's own (the checklist counts
the branch's records), so it is left out, as are columns the reader has no use for (分值,
考核标准, 备注: "每半年未组织1次扣1分" is no duty). A 类别 column is the items' heading, said
once where it changes; a row spanning the table is a heading too.

Rows come from a Word table (``interchange.plan_files``) or from a table copied out of Word
and pasted (cells apart by tabs: ``tables_as_items``, only under a header it knows: a Word
list pasted, "一、\t强化思想教育", or a contact block is no table). Before this, a table's
cells were run together into one paragraph and the next row's 序号 glued to the last
(revjiwei7 F1).
"""

from __future__ import annotations

import re

# a header cell's column, by the first of these it holds (measures before task: 工作内容)
_COLUMNS = (
    ("number", ("序号", "编号")),
    ("category", ("类别", "分类", "板块")),
    ("owner", ("责任人", "责任领导", "牵头领导", "责任单位", "责任部门", "牵头部门",
               "牵头单位", "责任科室", "配合", "责任主体")),
    ("due", ("时限", "完成时间", "时间节点", "时间")),
    ("other", ("分值", "评分", "考核标准", "考核办法", "考核方式", "备注", "扣分")),
    ("measures", ("措施", "内容", "要求", "具体任务")),
    ("task", ("任务", "事项", "项目", "重点")),
)
_READ = ("task", "measures")  # the parts the reader reads
_NUMBER = re.compile(r"^(?:\d{1,3}|[一二三四五六七八九十]{1,3})[.、．]?$")
_WHEN = re.compile(r"^(?:(?:每|按)个?(?:月|季度?|半年|年)度?(?:[一1]次)?|[上下]半年"
                   r"|\S{0,12}(?:前|底))$")
# the words already say how often (每月, 按季度, 全年, 年内, 半年, 一季度一次 …) or by when
_OWN_PERIOD = re.compile(r"每个?(?:周|月|季度?|半年|年)|按(?:月|季度?|半年|年)|全年|年内|半年"
                         r"|季度|月度|年度")
_DEADLINE = re.compile(r"\d{1,2}月(?:底|末|\d{1,2}日)?前|年底前|年内")
_END = "。；;，,：:！？"
PART_BREAK = "；"  # between a cell's own numbered measures (interchange.plan_files)


_SUB_NUMBER = re.compile(r"^\s*(?:\d{1,2}[.、．]|[（(]\d{1,2}[)）]|[①-⑳])\s*")


def cell_text(paragraphs: list[str]) -> str:
    """A cell's paragraphs (or lines) as sentences; its own numbered measures ("1.组织观看…"
    "2.开展…") apart by PART_BREAK, so that the row's 完成时限 reaches each."""
    parts = [part.strip() for part in paragraphs if part.strip()]
    if len(parts) > 1 and all(_SUB_NUMBER.match(part) for part in parts):
        return PART_BREAK.join(_SUB_NUMBER.sub("", part).rstrip("。；;") for part in parts)
    return "".join(part if part[-1] in "。；;，,：:" or n == len(parts) - 1 else part + "。"
                   for n, part in enumerate(parts))


def _column(cell: str) -> str | None:
    for name, words in _COLUMNS:
        if any(word in cell for word in words):
            return name
    return None


def _header_like(row: list[str], below: bool = False) -> list[str | None] | None:
    """Each cell's part, if ``row`` is a header: it names two parts; ``below`` a header,
    every cell it fills names one (牵头领导 | 责任部门 under a merged 责任主体)."""
    parts = [_column(cell) if len(cell) <= 12 else None for cell in row]
    named = [p for p, cell in zip(parts, row, strict=True) if cell]
    if below:
        return parts if named and all(named) else None
    return parts if len({p for p in parts if p}) >= 2 else None


def _header(rows: list[list[str]]) -> tuple[int, list[str | None]] | None:
    """The last header row's index and each column's part: a row naming two parts, and a
    second one under it (责任主体 over 牵头领导 | 责任部门) filling in its columns."""
    for index, row in enumerate(rows[:3]):
        parts = _header_like(row)
        if parts is None:
            continue
        while index + 1 < len(rows) and \
                (below := _header_like(rows[index + 1], below=True)) is not None:
            index += 1
            parts = [b or a for a, b in zip(parts, below, strict=False)] \
                + below[len(parts):]
        return index, parts
    return None


def _sentence(text: str) -> str:
    return text.rstrip(_END + " ") + "。" if text.strip() else ""


def _with_due(text: str, due: str) -> str:
    """Each of ``text``'s own measures (apart by PART_BREAK) that names no period or
    deadline of its own, with the row's 完成时限 before it."""
    if not _WHEN.match(due):
        return text
    return PART_BREAK.join(part if _OWN_PERIOD.search(part) or _DEADLINE.search(part)
                           else due + part for part in text.split(PART_BREAK))


def _item(number: str, parts: dict[str, str]) -> str:
    task, measures, due = parts.get("task", ""), parts.get("measures", ""), parts.get("due", "")
    if measures:
        measures = _with_due(measures, due)  # 每季度 | 组织观看警示教育片: 每季度组织观看…
    elif task:
        task = _with_due(task, due)  # no measures column: the task is what is done
    return f"{number}. {_sentence(task)}{_sentence(measures)}"


def table_lines(rows: list[list[str]]) -> list[str]:
    """The table's rows as the plan's numbered items (cells already stripped; a cell merged
    across columns may come once or repeated). A row of one text (一、思想建设, spanning the
    table) is a heading."""
    rows = [row for row in rows if any(row)]
    found = _header(rows)
    lines: list[str] = []
    count = 0
    category = ""
    for index, row in enumerate(rows):
        filled = [cell for cell in row if cell]
        if found is not None and index <= found[0]:
            continue  # the header (and a title row above it)
        if len(set(filled)) == 1:
            lines.append(filled[0])
            continue
        count += 1
        if found is None:  # no header: a cell that is only a 时限 is still the row's
            first, rest = (filled[0].rstrip(".、．"), filled[1:]) \
                if _NUMBER.match(filled[0]) else (str(count), filled)
            due = next((cell for cell in rest if _WHEN.match(cell)), "")
            longest = max(rest, key=len)  # the measures, most likely
            said = [_with_due(cell, due) if cell is longest else cell
                    for cell in rest if cell != due]
            lines.append(f"{first}. " + "".join(_sentence(cell) for cell in said))
            continue
        parts: dict[str, str] = {}
        number = ""
        for part, cell in zip(found[1], row, strict=False):
            if not cell or part is None or cell in parts.values():
                continue  # a column of no use to the reader, or a merged cell again
            if part == "number":
                number = cell.rstrip(".、．")
            elif part == "category":
                if cell != category:  # said once, as the heading of the rows under it
                    category = cell
                    lines.append(cell)
            elif part in (*_READ, "due"):
                parts[part] = f"{parts[part]}。{cell}" if part in parts else cell
        lines.append(_item(number if _NUMBER.match(number) else str(count), parts))
    return lines


def tables_as_items(text: str) -> str:
    """``text`` with each table pasted from Word (lines of cells apart by tabs, under a
    header row this module knows) made into numbered items; other lines as they are."""
    if "\t" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    block: list[list[str]] = []
    raw: list[str] = []

    def flush() -> None:
        if len(block) >= 2 and _header(block) is not None:
            out.extend(table_lines(block))
        else:
            out.extend(raw)
        block.clear()
        raw.clear()

    for line in lines:
        cells = [cell.strip() for cell in line.split("\t")]
        if _goes_on(block, cells):  # a cell of two paragraphs: Word pastes it on two lines
            block[-1] = block[-1][:-1] + [cell_text([block[-1][-1], cells[0]])] + cells[1:]
            raw[-1] += "\n" + line
            continue
        if sum(1 for cell in cells if cell) >= 2:
            block.append(cells)
            raw.append(line)
            continue
        flush()
        out.append(line)
    flush()
    return "\n".join(out)


def _goes_on(block: list[list[str]], cells: list[str]) -> bool:
    """Whether ``cells`` finish the block's last row: under a header, that row is short
    of the header's columns by as many as this line brings, less the cell they share
    ("1\t谈心谈话\t1.书记与班子成员谈话" then "2.班子成员与分管干部谈话\t每季度\t办公室")."""
    found = _header(block) if len(cells) > 1 and len(block) >= 2 else None
    if found is None or found[0] == len(block) - 1:
        return False
    if found[1] and found[1][0] == "number" and _NUMBER.match(cells[0].rstrip(".、．")):
        return False  # "3\t谈心谈话\t…": a row of its own, short too (revdiff7 F8)
    width = len(block[found[0]])
    return len(block[-1]) < width and len(block[-1]) + len(cells) - 1 == width
