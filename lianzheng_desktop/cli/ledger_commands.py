"""``demo``, ``import`` and ``export``: filling and exchanging the ledgers."""

from __future__ import annotations

import argparse
from pathlib import Path

from lianzheng_desktop.cli.common import open_store
from lianzheng_desktop.core.errors import UserError


def register(sub: argparse._SubParsersAction) -> None:
    demo = sub.add_parser(
        "demo", help="在空数据库中生成一年的示范数据（2022年，县总工会机关党支部）"
    )
    demo.add_argument("--years", type=int, default=None,
                      help="改为生成 N 年的大量模拟记录（用于性能测试）")
    demo.add_argument("--per-year", type=int, default=5000,
                      help="与 --years 同用：每年的记录数，默认 5000")
    demo.set_defaults(handler=_demo)

    export = sub.add_parser("export", help="把全部台账导出为 Excel 工作簿")
    export.add_argument("file", metavar="FILE.xlsx", type=Path)
    export.add_argument("--overwrite", action="store_true",
                        help="文件已存在时覆盖它（不加此项则不覆盖，以免换掉自己的 Excel 台账）")
    export.set_defaults(handler=_export)

    from lianzheng_desktop.core.ledgers import LEDGERS
    from lianzheng_desktop.core.records import LATE_ENTRY_LIMIT
    from lianzheng_desktop.interchange.xlsx_common import KEY_RULES

    rules = "\n".join(f"  {LEDGERS[key].label}：{rule}" for key, rule in KEY_RULES.items())
    imp = sub.add_parser(
        "import", help="从 Excel 工作簿导入台账：先核对，已有的记录跳过，有任何错误则整体不导入",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="先逐行核对整个工作簿，再与台账中已有的记录比对：\n"
                    "同一台账中下列字段相同的，视为同一条记录——\n" + rules + "\n"
                    "其余内容也相同的为“已存在”，跳过；其余内容不同的为“冲突”，不导入并列出不同之处；"
                    "\n其他为“新增”。有任何一行不合要求，则一条也不导入。")
    imp.add_argument("file", metavar="FILE.xlsx", type=Path)
    imp.add_argument("--dry-run", action="store_true",
                     help="只核对并显示将新增、已存在和冲突的条数，不写入任何记录")
    timing = imp.add_mutually_exclusive_group()
    timing.add_argument("--kept-on-time", action="store_true",
                        help="这些记录当时已按时记在本单位的 Excel 台账中（由本软件接着记）："
                             "比活动日期晚导入的不标“补录”")
    timing.add_argument("--backfilled", action="store_true",
                        help=f"这些记录是现在才补记的：录入时距活动日期已{LATE_ENTRY_LIMIT}的"
                             "标为“补录”")
    imp.set_defaults(handler=_import)

def _demo(args: argparse.Namespace) -> int:
    from lianzheng_desktop.core.demo import PROFILE, demo_year, synthetic_years
    from lianzheng_desktop.storage.demo_loader import load_entries

    store = open_store(args)
    if args.years:
        entries = synthetic_years(args.years, args.per_year)
        count = load_entries(store, entries, PROFILE)
        print(f"已生成 {args.years} 年模拟数据，共 {count} 条记录。")
    else:
        count = load_entries(store, demo_year(), PROFILE)
        print(f"已生成 2022 年示范数据（{PROFILE.org_name}），共录入 {count} 次。")
    return 0


def _export(args: argparse.Namespace) -> int:
    from lianzheng_desktop.interchange.xlsx import export_workbook

    if args.file.exists() and not args.overwrite:
        raise UserError(f"“{args.file}”已存在，没有导出，以免覆盖其中的内容。请换一个文件名；"
                        "如确要覆盖，请加 --overwrite。")
    if not args.file.absolute().parent.is_dir():
        raise UserError(f"找不到文件夹“{args.file.absolute().parent}”"
                        "（U盘可能已拔出，或路径写错了），没有导出。")
    store = open_store(args)
    result = export_workbook(store, args.file)
    summary = "，".join(f"{label} {n} 条" for label, n in result.counts.items())
    print(f"已导出到 {args.file}：{summary}。")
    for note in result.notes:
        print(f"注意：{note}")
    return 0


def _import(args: argparse.Namespace) -> int:
    import sys

    from lianzheng_desktop.core.records import LATE_ENTRY_LIMIT
    from lianzheng_desktop.interchange.xlsx import apply_import_marked, plan_import

    store = open_store(args)
    plan = plan_import(store, args.file)
    if plan.problems:
        print(f"导入失败：{args.file} 中有 {len(plan.problems)} 处问题，未导入任何记录。"
              "请修改后重新导入：", file=sys.stderr)
        for problem in plan.problems:
            print(f"  {problem}", file=sys.stderr)
        for note in plan.notes:  # a sheet or column skipped, a header read otherwise
            print(f"  注意：{note}", file=sys.stderr)
        return 1
    if args.dry_run:
        print(f"试导入 {args.file}（未写入任何记录）：{plan.totals()}。")
    elif plan.new == 0:
        print(f"{args.file} 中没有新记录，未写入任何记录：{plan.totals()}。")
    elif plan.late and not (args.kept_on_time or args.backfilled):
        # asked before, as the window asks: a 补录 mark cannot be taken off afterwards
        raise UserError(f"没有导入：{args.file} 中有 {plan.late} 条记录的日期距今天已"
                        f"{LATE_ENTRY_LIMIT}。"
                        "请说明它们是否当时已按时记在本单位的 Excel 台账中：是，请加 "
                        "--kept-on-time（不标“补录”）；是现在才补记的，请加 --backfilled（标为"
                        "“补录”，报告附件中注明）。")
    else:
        apply_import_marked(store, Path(args.file).resolve(), plan,
                            kept_on_time=args.kept_on_time)
        print(f"已从 {args.file} 导入：{plan.totals()}。")
        if plan.late:
            print(f"  其中 {plan.late} 条录入时距活动日期已{LATE_ENTRY_LIMIT}：" + (
                "按原台账导入，未标“补录”。" if args.kept_on_time else "已标为“补录”。"))
    imported = not args.dry_run and plan.new and (not plan.late or args.kept_on_time
                                                   or args.backfilled)
    for line in plan.details(chosen=bool(imported)):
        print(f"  {line.replace('（选“按原台账导入”）', '（加 --kept-on-time）')}")
    return 0
