"""``lianzheng`` with no command: the desktop window."""

from __future__ import annotations

import argparse


def launch_gui(args: argparse.Namespace) -> int:
    from lianzheng_desktop.qt.app import run_app  # Qt is imported only when the GUI starts

    return run_app(args)
