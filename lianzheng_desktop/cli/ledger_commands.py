"""``demo``, ``import`` and ``export``: filling and exchanging the ledgers."""

from __future__ import annotations

import argparse
from pathlib import Path

from lianzheng_desktop.cli.common import open_store


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
    export.set_defaults(handler=_export)

    imp = sub.add_parser("import", help="从 Excel 工作簿导入台账（有任何错误则整体不导入）")
    imp.add_argument("file", metavar="FILE.xlsx", type=Path)
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

    store = open_store(args)
    counts = export_workbook(store, args.file)
    summary = "，".join(f"{label} {n} 条" for label, n in counts.items())
    print(f"已导出到 {args.file}：{summary}。")
    return 0


def _import(args: argparse.Namespace) -> int:
    import sys

    from lianzheng_desktop.interchange.xlsx import import_workbook

    store = open_store(args)
    result = import_workbook(store, args.file)
    if result.problems:
        print(f"导入失败：{args.file} 中有 {len(result.problems)} 处问题，未导入任何记录。"
              "请修改后重新导入：", file=sys.stderr)
        for problem in result.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    summary = "，".join(f"{label} {n} 条" for label, n in result.counts.items())
    print(f"已从 {args.file} 导入：{summary}。")
    return 0
