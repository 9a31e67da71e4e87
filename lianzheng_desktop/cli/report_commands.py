"""``report``: the 述廉述责 report of a quarter or a year, as PDF (and .docx)."""

from __future__ import annotations

import argparse
from pathlib import Path

from lianzheng_desktop.cli.common import open_store
from lianzheng_desktop.core.errors import UserError


def register(sub: argparse._SubParsersAction) -> None:
    report = sub.add_parser("report", help="生成述廉述责报告（PDF，按党政机关公文格式排版）")
    which = report.add_mutually_exclusive_group(required=True)
    which.add_argument("--quarter", help="季度，如 2022Q3")
    which.add_argument("--year", type=int, help="年度，如 2022（年度报告）")
    report.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.pdf",
                        help="PDF 文件路径")
    report.add_argument("--docx", type=Path, metavar="FILE.docx", help="同时导出 Word 文档")
    report.set_defaults(handler=_report)


def _report(args: argparse.Namespace) -> int:
    from lianzheng_desktop.core.report_model import ReportPeriod  # not needed by the window
    from lianzheng_desktop.report_service import write_report

    try:
        period = ReportPeriod.parse(args.quarter or str(args.year))
    except ValueError:
        raise UserError(f"季度“{args.quarter}”写法不对，应写成 2022Q3 的形式。") from None
    store = open_store(args)
    version = write_report(store, period, args.output)
    print(f"已生成{period.label}述廉述责报告：{args.output}（SHA-256 {version.sha256[:16]}…）")
    if args.docx:
        write_report(store, period, args.docx)
        print(f"已导出 Word 文档：{args.docx}")
    return 0
