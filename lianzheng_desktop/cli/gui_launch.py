"""``lianzheng`` with no command: the desktop window."""

from __future__ import annotations

import argparse
import os

from lianzheng_desktop.cli.common import paths_from


def launch_gui(args: argparse.Namespace) -> int:
    if args.screenshot:  # pictures of the pages need no screen (nor the screen's libraries)
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
    # An existing file is checked (and backed up once a day) on a thread that starts
    # before Qt loads, so the check overlaps the window's start; see storage.background_check.
    check = None
    paths = paths_from(args)
    if not args.screenshot and paths.db_path.is_file():
        from lianzheng_desktop.storage.background_check import BackgroundCheck

        check = BackgroundCheck(paths).start()
    from lianzheng_desktop.qt.app import run_app  # Qt is imported only when the GUI starts

    try:
        return run_app(args, check)
    finally:
        if check is not None:
            check.join()  # never leave a backup half-written
