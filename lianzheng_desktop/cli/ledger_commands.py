"""``demo``, ``import`` and ``export``: filling and exchanging the ledgers."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    demo = sub.add_parser("demo", help="在空数据库中生成一年的示范数据（2022年，县总工会机关党支部）")
    demo.add_argument("--years", type=int, default=1, help="生成的年数（用于性能测试），默认 1")
    demo.add_argument("--per-year", type=int, default=None,
                      help="每年大约生成的记录数（默认为真实规模）")
    demo.set_defaults(handler=_demo)

    export = sub.add_parser("export", help="把全部台账导出为 Excel 工作簿")
    export.add_argument("file", metavar="FILE.xlsx")
    export.set_defaults(handler=_export)

    imp = sub.add_parser("import", help="从 Excel 工作簿导入台账（有任何错误则整体不导入）")
    imp.add_argument("file", metavar="FILE.xlsx")
    imp.set_defaults(handler=_import)


def _demo(args: argparse.Namespace) -> int:
    raise NotImplementedError


def _export(args: argparse.Namespace) -> int:
    raise NotImplementedError


def _import(args: argparse.Namespace) -> int:
    raise NotImplementedError
