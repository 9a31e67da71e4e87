"""Writing a report off the GUI thread, on the worker's own database connection."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal

from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.core.report_model import ReportPeriod
from lianzheng_desktop.errorlog import log_unexpected
from lianzheng_desktop.storage.store import Store


class ReportSignals(QObject):
    progress = Signal(int, str)
    done = Signal(str, str)  # path, sha256
    failed = Signal(str)  # a Chinese sentence


class ReportJob(QRunnable):
    def __init__(self, open_store: Callable[[], Store], period: ReportPeriod, path: Path,
                 texts: dict[str, str], log_dir: Path, keep: bool = True,
                 as_of: date | None = None, own_connection: bool = True,
                 person: str | None = None):
        super().__init__()
        self.signals = ReportSignals()
        self._open_store, self._period, self._path = open_store, period, path
        self._texts, self._log_dir, self._keep = texts, log_dir, keep
        self._as_of, self._own_connection, self._person = as_of, own_connection, person

    def run(self) -> None:
        from lianzheng_desktop.app.reports import write_report

        store = None
        try:
            store = self._open_store()
            version = write_report(store, self._period, self._path, as_of=self._as_of,
                                   texts=self._texts, progress=self.signals.progress.emit,
                                   keep=self._keep, person=self._person)
        except UserError as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # noqa: BLE001 — reported to the user, logged in full
            path = log_unexpected(exc, self._log_dir)
            self.signals.failed.emit(f"生成报告时遇到意外问题，已记录到 {path}。")
        else:
            self.signals.done.emit(str(self._path), version.sha256 if version else "")
        finally:
            if store is not None and self._own_connection:
                store.close()  # the worker's own connection; the page's stays open
