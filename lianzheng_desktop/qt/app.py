"""Start the Qt application on the chosen database."""

from __future__ import annotations

import argparse
import sys
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from lianzheng_desktop.app import session
from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.paths import AppPaths
from lianzheng_desktop.qt.fonts import ensure_cjk_font
from lianzheng_desktop.qt.opening_check import OpeningCheck
from lianzheng_desktop.qt.painted import FirstPaint
from lianzheng_desktop.resources_access import resource
from lianzheng_desktop.storage.background_check import BackgroundCheck
from lianzheng_desktop.storage.db import DamagedDatabaseError


def _install_chinese_translation(app: QApplication) -> None:
    """Qt's own dialogs (file, print, colour) and the calendar in Simplified Chinese,
    whatever the system's language: the translations PySide6 ships, and a Chinese locale
    for month and day names."""
    chinese = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    QLocale.setDefault(chinese)
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(chinese, "qtbase", "_", folder):
        app.installTranslator(translator)


def never_wait_on_dialogs(report=None) -> None:
    """For unattended runs (``--screenshot``, ``--exit-after-start``): a message box or
    dialog that would wait for a click is written to stderr and answered 否/取消 at once,
    so the run always ends. ``report`` receives the dialog's text (tests fail on it)."""
    from PySide6.QtWidgets import QDialog

    def note(text: str) -> None:
        print(f"（无人值守运行，未显示对话框）{text}", file=sys.stderr)
        if report is not None:
            report(text)

    def answer(kind):
        def show(_parent, title, text="", *args, **kwargs):
            note(f"{title}：{text}")
            return QMessageBox.StandardButton.No if kind == "question" \
                else QMessageBox.StandardButton.Ok
        return staticmethod(show)

    for kind in ("question", "information", "warning", "critical", "about"):
        setattr(QMessageBox, kind, answer(kind))

    def exec_(dialog, *args):
        note(dialog.windowTitle() or type(dialog).__name__)
        return int(QDialog.DialogCode.Rejected)

    QDialog.exec = exec_  # type: ignore[method-assign]
    QMessageBox.exec = exec_  # type: ignore[method-assign]


@contextmanager
def _error_dialogs(log_dir: Path, unattended: bool, db_path: Path | None = None):
    """While the window runs, an error in a slot becomes a Chinese message, not a traceback.

    Outside the loop the command line's own handler answers, and an unattended run
    (``--screenshot``, ``--exit-after-start``) must never wait on a dialog nobody sees.
    """
    def hook(kind, value, trace):
        if isinstance(value, DamagedDatabaseError):  # found damaged while open (检查数据)
            QMessageBox.critical(None, "数据文件已损坏", str(value))
            return
        if isinstance(value, UserError):
            QMessageBox.warning(None, "提示", str(value))
            return
        from lianzheng_desktop.storage.damage import met_while_reading

        damaged = met_while_reading(value, AppPaths(db_path or log_dir.parent / "lianzheng.db"),
                                    window=True)
        if damaged is not None:  # a page of the file could not be read: not a fault of ours
            QMessageBox.critical(None, "数据文件已损坏",
                                 f"{damaged}\n\n为免损坏扩大，请先不要再修改数据。")
            return
        from lianzheng_desktop.errorlog import log_unexpected

        path = log_unexpected(value, log_dir)
        QMessageBox.critical(None, "程序出错",
                             f"程序遇到意外问题，已记录到：\n{path}\n\n请把该文件发给维护人员。"
                             "已保存的数据不受影响。")

    previous = sys.excepthook
    if not unattended:
        sys.excepthook = hook
    try:
        yield
    finally:
        sys.excepthook = previous


def run_app(args: argparse.Namespace, check: BackgroundCheck | None = None) -> int:
    """The window on the chosen database; ``check`` is its integrity check, if running."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("廉政台账")
    _install_chinese_translation(app)
    app.setWindowIcon(QIcon(str(resource("icons", "lianzheng.png"))))
    ensure_cjk_font(app)
    paths = session.paths_for(args.db)
    unattended = bool(args.screenshot or args.exit_after_start)
    if unattended:
        never_wait_on_dialogs()
    with _error_dialogs(paths.log_dir, unattended, paths.db_path):
        return _open_and_run(app, args, check, paths, unattended)


def _open_and_run(app, args, check, paths, unattended: bool) -> int:
    check_now = check is None  # no check running beside the start: check before opening
    today = session.today_for(paths, args.today)
    told: list[str] = []  # opened here, not beside the start: OpeningCheck does not say them
    try:
        store = session.open_store(paths, check=check_now, today=today, tell=told.append)
    except DamagedDatabaseError as exc:
        if check is not None:
            check.join()  # it reads the file that a restore would replace
        if unattended or not _offer_restore(paths, str(exc)):
            raise
        store = session.open_store(paths, check=check_now, today=today, tell=told.append)
    except UserError as exc:
        if unattended:
            raise
        QMessageBox.critical(None, "无法打开数据文件", str(exc))
        return 1
    if check is not None:
        check.guard(store)  # nothing is written before the check has passed
    from lianzheng_desktop.qt.main_window import MainWindow

    # Window size and place, kept beside the data (a portable install writes nowhere else).
    settings = None if unattended else QSettings(str(paths.data_dir / "窗口设置.ini"),
                                                 QSettings.Format.IniFormat)
    if store.is_empty() and store.profile().is_empty and not unattended:
        from lianzheng_desktop.qt.first_start import run_first_start

        demo = run_first_start(store, paths)  # the demo has a file of its own: open that
        if demo is not None:
            if check is not None:
                check.join()
            return _switch_and_run(args, store, paths, demo)
    from lianzheng_desktop.qt.data_files import RecentFiles, recent_settings

    recent = None if unattended else RecentFiles(recent_settings())  # 文件 → 最近打开
    mark = store.change_mark()  # anything changed by the close is backed up then
    window = MainWindow(store, paths, settings, today=today, recent=recent)
    if check is not None and not unattended:
        OpeningCheck(check, window, paths)  # answers in a dialog; kept alive by the window
    if told:
        _say_after_paint(window, told, unattended)
    if args.screenshot:
        from lianzheng_desktop.qt.screenshots import save_screenshots

        written = save_screenshots(window, Path(args.screenshot))
        print(f"已保存 {len(written)} 张截图到 {args.screenshot}")
        return 0
    window.show()
    if check is not None:
        FirstPaint(window, check.back_up_now)  # the window is on screen: back up now
    if args.exit_after_start:
        def painted() -> None:
            print("主窗口已显示", flush=True)
            app.quit()

        # installed last, so Qt runs its filter first: the line is printed when the
        # window has painted, before the check's thread starts on what waits for that
        FirstPaint(window, painted)
    code = app.exec()
    restore_from, switch_to = window.restore_from, window.switch_to
    _close_after_loop(app, window)
    del window  # nor may a traceback from below keep it
    if check is not None:
        check.join()  # never leave a backup half-written, nor restore under a reader
        if args.exit_after_start:
            check.wait()  # a damaged file fails the start, as the command line would
    if restore_from is None and not unattended:
        _back_up_the_day(store, paths, mark)
    if restore_from is not None:
        return _restore_and_restart(args, store, paths, restore_from)
    if switch_to is not None:
        return _switch_and_run(args, store, paths, switch_to)
    # closed, not left to the process's end: the last connection folds the -wal back
    # into the .db, so the file she copies holds the day's work (revclose3 I)
    store.close()
    return code


def _say_after_paint(window, told: list[str], unattended: bool) -> None:
    """What happened to the file since it was last open (its 佐证材料 folder taken over, a
    restore or backup killed half-way), in the window once it is on screen; printed for an
    unattended run."""
    if unattended:
        for text in told:
            print(f"提示：{text}", file=sys.stderr)
        return
    FirstPaint(window, lambda: QMessageBox.information(window, "提示", "\n\n".join(told)))


def _back_up_the_day(store, paths, mark: tuple) -> None:
    """The day's work in a backup as the window closes (the day's first start backed up
    the file as it was before): a disk lost tonight loses nothing typed today."""
    from lianzheng_desktop.storage.backup_kept import closing_backup

    try:
        closing_backup(store, paths, since=mark)
    except UserError as exc:
        QMessageBox.warning(None, "关闭时的备份未完成", f"{exc}\n\n已保存的数据不受影响；"
                            "下次打开软件时会照常备份，也可用“文件 → 备份到…”备份到U盘。")


def _switch_and_run(args, store, paths, target: Path) -> int:
    """文件 → 打开数据文件 (or the demo): let go of this file, open ``target`` as at start."""
    from lianzheng_desktop.storage import lock

    store.close()
    lock.release(paths.db_path)
    args.db = str(target)
    return run_app(args)


def _close_after_loop(app: QApplication, window) -> None:
    """Close the window once the event loop is over and drop any quit still queued.

    The loop can end (``--exit-after-start``, a restore) with a quit request still posted;
    left there, it would be handled by whichever loop runs next — the 恢复完成 message after a
    restore, the restarted window — and end it at once, unseen.
    """
    window.close()
    QCoreApplication.removePostedEvents(app, QEvent.Type.Quit)


def _offer_restore(paths, message: str) -> bool:
    """A file too damaged to open: restore the newest good backup if the user agrees."""
    from lianzheng_desktop.qt.opening_check import ask_to_restore
    from lianzheng_desktop.storage.backup import restore

    good = ask_to_restore(None, paths, message)
    if good is None:
        return False
    try:
        restore(good, paths)
    except UserError as exc:  # e.g. the current file cannot first be backed up: nothing done
        QMessageBox.warning(None, "没有恢复", str(exc))
        return False
    return True


def _restore_and_restart(args, store, paths, file) -> int:
    from lianzheng_desktop.storage import crash_notes
    from lianzheng_desktop.storage.restore import restore_backup

    store.close()
    try:
        done = restore_backup(file, paths, told_later=True)
    except UserError as exc:
        QMessageBox.warning(None, "恢复失败", str(exc))
        return 1
    missing = done.printed_missing  # copies of reports handed in: said, not the data
    QMessageBox.information(None, "恢复完成", "已从备份恢复。"
                            + (f"恢复前的数据已备份到：\n{done.kept}" if done.kept else "")
                            + (f"\n\n交出报告的留存件有 {len(missing)} 份未能放回“报告\\打印留存”："
                               f"{'、'.join(missing)}" if missing else ""))
    crash_notes.restore_over(paths)  # said: the next start need not say it again
    return run_app(args)
