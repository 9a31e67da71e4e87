"""The command line: ``lianzheng [--db PATH] [COMMAND]``; no command opens the window.

Each command group lives in its own module with ``register(subparsers)``; a command's
handler takes the parsed arguments and returns the exit code.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence

import lianzheng_desktop
from lianzheng_desktop.cli import (
    ledger_commands,
    plan_commands,
    report_commands,
    safety_commands,
)
from lianzheng_desktop.cli.common import run_handler

COMMAND_MODULES = [ledger_commands, plan_commands, report_commands, safety_commands]


# argparse's own words, in Chinese (its messages are English whatever the system's language).
_ARGPARSE_WORDS = (
    ("the following arguments are required: ", "缺少必需的参数："),
    ("unrecognized arguments: ", "无法识别的参数："),
    ("invalid choice: ", "无效的选择："),
    ("(choose from ", "（可选："),
    ("expected one argument", "需要一个值"),
    ("not allowed with argument ", "不能与此参数同时使用："),
    ("one of the arguments ", "以下参数须指定其一："),
    (" is required", ""),
    ("argument ", "参数 "),
    ("invalid int value: ", "不是整数："),
)


def chinese(message: str) -> str:
    for english, words in _ARGPARSE_WORDS:
        message = message.replace(english, words)
    return message.replace("')", "'）")


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, prefix if prefix is not None else "用法：")


class _RawFormatter(argparse.RawDescriptionHelpFormatter, _Formatter):
    """A description laid out by hand (``import``'s rules), with the Chinese usage line."""


class _Parser(argparse.ArgumentParser):
    """argparse in Chinese: usage, section titles, -h and error messages."""

    def __init__(self, *args, with_help: bool = True, **kwargs):
        if kwargs.get("formatter_class") is argparse.RawDescriptionHelpFormatter:
            kwargs["formatter_class"] = _RawFormatter
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "命令"
        self._optionals.title = "选项"
        if with_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help="显示本帮助并退出")

    def format_help(self) -> str:  # argparse ends its section titles with an ASCII colon
        return re.sub(r"^(\S+):$", r"\1：", super().format_help(), flags=re.MULTILINE)

    def error(self, message: str) -> None:  # argparse's own words are English
        self.print_usage(sys.stderr)
        self.exit(2, f"命令参数有误：{chinese(message)}\n")


class _Version(argparse.Action):
    """Reads the version only when asked (importlib.metadata is slow to import)."""

    def __call__(self, parser, namespace, values, option_string=None):
        print(f"廉政台账 {lianzheng_desktop.__version__}")
        parser.exit()


def _day(text: str):
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期“{text}”应写成 2022-09-30 的形式") from None


def _add_window_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="PATH", help="数据文件路径（默认在用户数据文件夹）")
    parser.add_argument("--screenshot", metavar="DIR", help="把每个页面截图保存到 DIR 后退出")
    parser.add_argument("--exit-after-start", action="store_true",
                        help="主窗口显示后立即退出（用于检查）")
    parser.add_argument("--today", metavar="YYYY-MM-DD", type=_day,
                        help="把指定日期当作今天打开窗口（查看历史季度、截图用）")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="lianzheng", description="廉政台账：党风廉政建设台账与述廉述责报告")
    _add_window_options(parser)
    parser.add_argument("--version", action=_Version, nargs=0, help="显示版本号")
    sub = parser.add_subparsers(dest="command", metavar="命令", parser_class=_Parser,
                                title="命令", description="不带命令时打开软件窗口。"
                                "在命令后加 -h 查看该命令的用法，如：lianzheng report -h")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def _window_arguments(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """The arguments when they only open the window (the usual start), else None.

    Building every command's parser takes a few milliseconds of the window's start, so a
    start with window options alone is read without them; anything else (a command,
    -h, --version, a mistake) goes to the full parser, which also words the errors.
    """
    parser = _Parser(prog="lianzheng", with_help=False, exit_on_error=False)
    _add_window_options(parser)
    try:
        args, rest = parser.parse_known_args(argv)
    except argparse.ArgumentError:  # e.g. a bad --today: the full parser says what is wrong
        return None
    if rest:
        return None
    args.command = None
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = _window_arguments(argv)
    if args is None:
        args = build_parser().parse_args(argv)
    if args.command is None:
        from lianzheng_desktop.cli.gui_launch import launch_gui

        return run_handler(launch_gui, args)
    return run_handler(args.handler, args)
