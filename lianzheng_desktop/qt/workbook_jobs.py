"""Reading, writing and exporting a workbook off the GUI thread, each on a connection of
its own (as ``report_worker``): the window keeps answering and repainting meanwhile.

A job tells its progress as a Chinese line (and, when known, how far of how much), at most
ten times a second. Reading can be stopped (``stop``): nothing has been written then. The
import's writing is one transaction and is never stopped half-way.
"""

from __future__ import annotations

import re
import threading
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Signal

from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.errorlog import log_unexpected
from lianzheng_desktop.storage.store import Store

SAY_EVERY = 0.1  # seconds between two progress lines


class Stopped(Exception):  # noqa: N818 — the reading was stopped, as asked
    """Raised from a progress call once ``stop`` is set."""


class JobSignals(QObject):
    progress = Signal(str, int, int)  # line, done, of total (0 total: not known)
    done = Signal(object)  # what the work returned
    failed = Signal(str)  # a Chinese sentence
    stopped = Signal()


class WorkbookJob(QRunnable):
    """``work(store, job)`` on the store ``open_store`` gives (a connection of the worker's
    own, closed after; or the caller's, when run on the caller's thread)."""

    def __init__(self, open_store: Callable[[], Store], work: Callable[[Store, Any], Any],
                 log_dir: Path, own_connection: bool = True):
        super().__init__()
        self.signals = JobSignals()
        self.stop = threading.Event()
        self._open_store, self._work = open_store, work
        self._log_dir, self._own_connection = log_dir, own_connection
        self._said_at = 0.0

    def say(self, line: str, done: int = 0, total: int = 0, *, now: bool = False) -> None:
        """Tell the window how far the work has come; raises ``Stopped`` once asked to stop."""
        if self.stop.is_set():
            raise Stopped
        moment = time.monotonic()
        if now or moment - self._said_at >= SAY_EVERY:
            self._said_at = moment
            self.signals.progress.emit(line, done, total)

    def run(self) -> None:
        store = None
        try:
            store = self._open_store()
            result = self._work(store, self)
        except Stopped:
            self.signals.stopped.emit()
        except UserError as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # noqa: BLE001 — reported to the user, logged in full
            path = log_unexpected(exc, self._log_dir)
            self.signals.failed.emit(f"遇到意外问题，已记录到 {path}，请把该文件发给维护人员。"
                                     "台账未作任何改动。")
        else:
            self.signals.done.emit(result)
        finally:
            if store is not None and self._own_connection:
                store.close()


def reading(path: Path) -> Callable[[Store, WorkbookJob], Any]:
    """Read and check ``path`` and compare it with the ledgers: the import's plan."""
    def work(store: Store, job: WorkbookJob):
        from lianzheng_desktop.interchange import xlsx

        total = declared_rows(path)

        def progress(stage: str, rows: int) -> None:
            if stage == "compare":
                job.say(f"已读完 {rows:,} 行，正在与台账中的记录逐条核对…", now=True)
            else:
                job.say(f"正在读取工作簿“{path.name}”…" + (f"第 {rows:,} 行" if rows else ""),
                        min(rows, total), total)

        plan = xlsx.plan_import(store, path, progress=progress)
        if job.stop.is_set():  # asked while the last rows were compared: still nothing written
            raise Stopped
        return plan
    return work


_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=[\"'][A-Z]+\d+:[A-Z]+(\d+)[\"']")


def declared_rows(path: Path) -> int:
    """The rows the workbook's sheets say they hold (the size Excel, WPS and our export
    write at the top of each sheet), for the progress bar; 0 if any sheet does not say."""
    total = 0
    try:
        with zipfile.ZipFile(path) as archive:
            for part in archive.infolist():
                if not part.filename.startswith("xl/worksheets/sheet"):
                    continue
                with archive.open(part) as sheet:
                    found = _DIMENSION.search(sheet.read(4096))
                if found is None:
                    return 0
                total += int(found[1])
    except (OSError, zipfile.BadZipFile, ValueError, RuntimeError):
        return 0  # reading it says what is wrong
    return total


def writing(path: Path, plan: Any, kept_on_time: bool) -> Callable[[Store, WorkbookJob], Any]:
    def work(store: Store, job: WorkbookJob):
        job.say(f"正在写入 {plan.new:,} 条记录，请稍候…", now=True)
        from lianzheng_desktop.interchange.xlsx import apply_import_marked

        return apply_import_marked(store, path, plan, kept_on_time=kept_on_time)
    return work


def exporting(path: Path) -> Callable[[Store, WorkbookJob], Any]:
    def work(store: Store, job: WorkbookJob):
        from lianzheng_desktop.interchange.xlsx import SHEET_ORDER, export_workbook

        total = sum(store.count(key) for key in SHEET_ORDER)
        written: dict[str, int] = {}  # rows written so far, by sheet

        def progress(label: str, rows: int) -> None:
            if not label:
                job.say(f"正在保存文件“{path.name}”…", total, total, now=True)
                return
            written[label] = rows
            done = sum(written.values())
            job.say(f"正在导出“{label}”…已导出 {done:,} 条，共 {total:,} 条", done, total)

        job.say("正在导出…", 0, total, now=True)
        return export_workbook(store, path, progress=progress)
    return work
