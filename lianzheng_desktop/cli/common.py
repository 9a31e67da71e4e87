"""What every command shares: opening the store and turning errors into one sentence."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable

from lianzheng_desktop.app import session
from lianzheng_desktop.app.session import paths_for
from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.paths import AppPaths
from lianzheng_desktop.storage.errors import DataFileError, os_error_text, user_message
from lianzheng_desktop.storage.store import Store

EXIT_USER_ERROR = 1
EXIT_UNEXPECTED = 3


def paths_from(args: argparse.Namespace) -> AppPaths:
    return paths_for(getattr(args, "db", None))


def open_store(args: argparse.Namespace, *, daily_backup: bool = True,
               check: bool = True, tell: Callable[[str], None] | None = None) -> Store:
    """The command's data file, opened the one way (``app.session.open_store``), on the
    one clock (``--today`` where the command has it); ``tell``: where what happened to
    the file since it was last open goes, if not to stderr."""
    told = {} if tell is None else {"tell": tell}
    return session.open_store(paths_from(args), daily_backup=daily_backup, check=check,
                              today=getattr(args, "today", None), **told)


def _guarded(handler: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """Turn SQLite's errors the user can act on into UserError."""
    try:
        return handler(args)
    except DataFileError as exc:
        from lianzheng_desktop.storage.damage import met_while_reading

        translated = user_message(exc) or met_while_reading(exc, paths_from(args))
        if translated is None:
            raise
        raise translated from None


def run_handler(handler: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """Run one command; a user error prints its Chinese sentence, never a traceback."""
    try:
        return _guarded(handler, args)
    except UserError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return EXIT_USER_ERROR
    except BrokenPipeError:  # the reader stopped early (| head): nothing is wrong
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no flush error at exit
        return 0
    except OSError as exc:
        where = f"“{exc.filename}”" if exc.filename else ""
        print(f"错误：无法读写文件{where}：{os_error_text(exc)}。", file=sys.stderr)
        return EXIT_USER_ERROR
    except Exception as exc:  # noqa: BLE001 — the last net: log it, say where the log is
        from lianzheng_desktop.errorlog import log_unexpected

        log_path = log_unexpected(exc, paths_from(args).log_dir)
        print(f"错误：程序遇到意外问题，已记录到 {log_path}。请把该文件发给维护人员。",
              file=sys.stderr)
        return EXIT_UNEXPECTED
