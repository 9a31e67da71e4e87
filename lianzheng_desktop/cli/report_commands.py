"""``report``: the 述廉述责 report of a quarter or a year, as PDF (and .docx)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
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
    report.add_argument("--as-of", metavar="YYYY-MM-DD",
                        help="报告截至日期（默认为今天；季度或年度已结束的，为其最后一天）")
    report.add_argument("--person", metavar="姓名",
                        help="生成某位班子成员（或书记）本人的述责述廉报告（默认为党支部的报告）")
    report.set_defaults(handler=_report)


def _report(args: argparse.Namespace) -> int:
    # not needed by the window: loaded only when the command runs
    from lianzheng_desktop.app.reports import prepare_report, write_report
    from lianzheng_desktop.core.report_model import ReportPeriod

    try:
        period = ReportPeriod.parse(args.quarter or str(args.year))
    except ValueError:
        if args.quarter is None:
            raise UserError(f"年度“{args.year}”写法不对，应写成 2022 这样的四位数年份。") from None
        raise UserError(f"季度“{args.quarter}”写法不对，应写成 2022Q3 的形式。") from None
    as_of = _as_of(args.as_of, period)
    store = open_store(args)
    try:
        # a period not yet over is reported as it stands today, never from its future end
        today = store.clock().date()
        if as_of is None and today < period.start:
            raise UserError(f"{period.label}还没有开始（今天是{today.isoformat()}），"
                            "无法生成报告。")
        if as_of is not None and as_of > today:  # a paper for the 纪委 states what is known
            raise UserError(f"截至日期 {as_of.isoformat()} 晚于今天（{today.isoformat()}），"
                            "报告只能写到今天为止；不写 --as-of 即按今天的情况生成。")
        prepared = prepare_report(store, period, as_of or today, args.person)
        version = write_report(store, period, args.output, document=prepared.document,
                               also=args.docx, person=args.person)
    finally:
        store.close()
    which = f"{args.person}同志{period.label}述责述廉报告" if args.person else \
        f"{period.label}述廉述责报告"
    print(f"已生成{which}：{args.output}"
          f"（文件校验码 {version.sha256[:16]}…，已留存备查）")
    if args.docx:
        print(f"已导出 Word 文档：{args.docx}（与 PDF 内容相同）")
    if prepared.not_over_note:  # its figures are so far, not the period's (revyear F1)
        print(f"提示：{prepared.not_over_note}", file=sys.stderr)
    for note in prepared.notes:  # the file is written; what it lacks is said, exit 0
        print(f"提示：{note}", file=sys.stderr)
    if prepared.notes:
        print("可在窗口的“述廉述责报告”页补充后重新生成。", file=sys.stderr)
    return 0


def _as_of(text: str | None, period) -> date | None:
    if not text:
        return None
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise UserError(f"日期“{text}”写法不对，应写成 2022-09-30 的形式。") from None
    if day < period.start:
        raise UserError(f"截至日期 {text} 早于{period.label}开始的日子，无法生成报告。")
    return day
