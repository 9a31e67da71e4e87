"""``plan import|show`` and ``checklist``: the plan and the quarter's checklist."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

from lianzheng_desktop.cli.common import open_store
from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.core.periods import Quarter


def register(sub: argparse._SubParsersAction) -> None:
    plan = sub.add_parser("plan", help="年度计划：导入工作要点、查看要求")
    plan_sub = plan.add_subparsers(dest="plan_command", metavar="import|show", required=True)
    imp = plan_sub.add_parser("import", help="从 .txt、.docx 或 .pdf 导入年度工作要点并立即保存")
    imp.add_argument("file", type=Path)
    imp.add_argument("--year", type=int, help="计划年度（默认从文中读取）")
    imp.set_defaults(handler=_import)
    show = plan_sub.add_parser("show", help="列出年度计划的各项要求")
    show.add_argument("--year", type=int, help="年度（默认为最近的计划）")
    show.add_argument("--json", action="store_true", help="以 JSON 输出")
    show.set_defaults(handler=_show)

    check = sub.add_parser("checklist", help="季度责任清单：对照年度计划检查台账")
    check.add_argument("--quarter", help="季度，如 2022Q3（默认为截至日期所在的季度）")
    check.add_argument("--as-of", help="截至日期，如 2022-09-30（默认今天）")
    check.add_argument("--json", action="store_true", help="以 JSON 输出")
    check.set_defaults(handler=_checklist)


def _import(args: argparse.Namespace) -> int:
    from lianzheng_desktop.core.plan import Plan
    from lianzheng_desktop.interchange.plan_files import read_plan_file
    from lianzheng_desktop.storage.plan_reading import fingerprint
    from lianzheng_desktop.storage.plans import plan_replacement, read_plan, store_draft

    store = open_store(args)
    text = read_plan_file(args.file)
    draft = read_plan(store, text, args.year)
    # as read: the replacement below puts her own changes into the draft, and stored as
    # the reading they were taken for the reader's at the next import (revloss6 N1)
    reading = fingerprint(draft.requirements)
    replacing = plan_replacement(store, Plan(draft.year, draft.requirements), text,
                                 [line.text for line in draft.untracked]) \
        if draft.year is not None else None
    if replacing is not None and args.year is None:  # a year read from the text is never
        # enough to replace a plan: a 2027 plan whose opening spoke of 2026 replaced 2026's
        year = draft.year
        raise UserError(f"{year}年度计划已存在。这份工作要点按文中读取的年度是{year}年；"
                        f"如确要用它替换{year}年度计划，请加上 --year {year} 再导入，"
                        "如是另一年度的，请用 --year 指明年度。")
    # Nothing the secretary did goes unasked: what was added by hand stays, and so does a
    # requirement the new text left out that holds a mark, a note or a record (see below).
    kept = [*replacing.kept, *filter(replacing.holds_work, replacing.removed)] \
        if replacing else []
    store_draft(store, draft, text, keep={r.id for r in kept if r.id is not None},
                reading=reading)
    numeric = [r for r in draft.requirements if r.is_numeric]
    if numeric:
        print(f"已导入{draft.year}年度计划：{len(draft.items)} 条工作要点，"
              f"{len(draft.requirements)} 项要求，其中 {len(numeric)} 项有数量指标：")
    else:  # say what was read, and plainly when it is nothing
        print(f"已导入{draft.year}年度计划。{draft.summary()}")
    for requirement in numeric or draft.requirements:
        print(f"  [{requirement.item}] {requirement.describe()}  ← {requirement.text}")
    if draft.new_types:
        names = "、".join(f"{name}（{_LEDGER_LABELS[ledger]}）" for ledger, name in draft.new_types)
        print(f"计划中有软件原先没有的活动，已作为新类型加入，录入时可以选择：{names}")
    if draft.untracked:
        print(f"以下 {len(draft.untracked)} 处只列出，不纳入季度清单：")
        for unread in draft.untracked:  # 按周的要求, 指导思想: each says why
            print(f"  [{unread.item}] {unread.text}（{_for_the_command_line(unread.reason)}）")
    if draft.unread:
        print(f"以下 {len(draft.unread)} 处像是要求但未能读懂，请在“年度计划”中核对补充：")
        for unread in draft.unread:
            print(f"  [{unread.item}] {unread.text}（{_for_the_command_line(unread.reason)}）")
    if replacing is not None:
        _say_what_went(replacing, kept)
    if replacing is not None and replacing.changes:
        print(f"以下 {len(replacing.changes)} 项要求的周期、次数或计入的记录已按这份工作要点更新"
              "（手工标记、备注和“计入要求”的指定随之保留）：")
        for earlier, new in replacing.changes:
            why = "" if all((earlier, new) != pair for pair in replacing.reread) else \
                "（原文未改，软件现在的读法不同）" if replacing.told_apart else \
                "（原文未改：软件现在的读法不同，或此前在软件中修改过这项要求）"
            print(f"  [{earlier.item}] {earlier.text}{why}（现为：{earlier.describe()}）")
            print(f"      改为：[{new.item}] {new.text}（{new.describe()}）")
    if replacing is not None and replacing.hers:
        print(f"以下 {len(replacing.hers)} 项要求此前在软件中修改过，这份工作要点中原文没有改动，"
              "保留您的修改：")
        for _earlier, new in replacing.hers:
            print(f"  [{new.item}] {new.text}（{new.describe()}）")
    if replacing is not None and replacing.added:
        print(f"这份工作要点新增了以下 {len(replacing.added)} 项要求：")
        for requirement in replacing.added:
            print(f"  [{requirement.item}] {requirement.text}")
    from lianzheng_desktop.storage.idle_types import idle_types_said

    idle = idle_types_said(store, draft.year) if draft.year is not None else ""
    if idle:
        print(f"注意：{idle}")
    return 0


def _say_what_went(replacing, kept: list) -> None:
    gone = [r for r in replacing.removed if r not in kept]
    held = [r for r in replacing.removed if r in kept]
    for requirements, words in (
            (gone, "这份工作要点里已没有（或现在只列出、不作为检查事项），已从计划中去掉"),
            (held, "这份工作要点里已没有，但有手工标记、备注或“计入要求”的指定，暂保留在计划末尾；"
                   "不需要的请在“年度计划”中删除"),
            (replacing.by_hand, "是手工新增的，照常保留在计划末尾"),
            (replacing.unread, "在这份工作要点里仍有、软件未能读出（是此前手工补充的），"
                               "照常保留在计划末尾")):
        if requirements:
            print(f"原有计划中以下 {len(requirements)} 项要求{words}：")
            for requirement in requirements:
                print(f"  [{requirement.item}] {requirement.text}")


_LEDGER_LABELS = {"warning_education": "警示教育", "talk": "谈话记录", "activity": "会议活动"}


def _for_the_command_line(reason: str) -> str:
    """A reason written for the 核对 dialog: nothing is double-clicked here (revjiwei5 F15)."""
    return reason.replace("请双击添加为一项要求", "可在窗口的“年度计划”中添加为一项要求")


def _show(args: argparse.Namespace) -> int:
    from lianzheng_desktop.storage.plans import load_plan, plan_years

    store = open_store(args)
    years = plan_years(store)
    year = args.year or (max(years) if years else None)
    plan = load_plan(store, year) if year else None
    if plan is None:
        raise UserError(f"尚无{year or ''}年度计划。")
    if args.json:
        print(json.dumps(plan.to_json(), ensure_ascii=False, indent=2))
        return 0
    print(f"{plan.year}年度计划，共 {len(plan.requirements)} 项要求：")
    for r in plan.requirements:
        print(f"  {r.id:>3}  [{r.item}] {r.text}  —  {r.describe()}")
    return 0


def _checklist(args: argparse.Namespace) -> int:
    from lianzheng_desktop.storage.plans import load_checklist

    try:
        as_of = date.fromisoformat(args.as_of) if args.as_of else (
            getattr(args, "today", None) or date.today())
    except ValueError:
        raise UserError(f"日期“{args.as_of}”写法不对，应写成 2022-09-30 的形式。") from None
    today = getattr(args, "today", None) or date.today()
    if as_of > today:  # as `report` refuses: a checklist states what is known by today
        raise UserError(f"截至日期 {as_of.isoformat()} 晚于今天（{today.isoformat()}），"
                        "责任清单只能查看到今天为止；不写 --as-of 即按今天的情况查看。")
    try:
        quarter = Quarter.parse(args.quarter) if args.quarter else Quarter.containing(as_of)
    except ValueError:
        raise UserError(f"季度“{args.quarter}”写法不对，应写成 2022Q3 的形式。") from None
    # a past quarter as of its end, as 首页 and the paper see it: a return handed in since
    # still counts (the store's today), a year's 总结 is not yet due in the third quarter
    # (revjiwei9 J5: the header said 9月30日, the returns were counted to today)
    as_of = min(as_of, quarter.end)
    checklist = load_checklist(open_store(args), quarter, as_of)
    if args.json:
        print(json.dumps(checklist.to_json(), ensure_ascii=False, indent=2))
        return 0
    print(f"{quarter.label}责任清单（截至 {as_of.isoformat()}）")
    print(checklist.summary)
    from lianzheng_desktop.core.requirement_names import named

    for item in checklist.items:
        print(f"  [{item.label}] {named(item.requirement)}")
        print(f"          {item.explanation}")
    return 0
