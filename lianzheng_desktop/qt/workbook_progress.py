"""The progress of an import or export, and the window closing under it.

``WorkbookTask.run`` starts a job (``workbook_jobs``) on a thread of its own and waits for
it in an event loop of its own behind a progress dialog: the window repaints and answers
meanwhile, but takes no clicks (nothing is edited under the import's check). A database in
memory has no second connection: the job then runs on this thread, as ``report_page`` does.

The window, closing, calls ``finish_before_closing``: reading is stopped (nothing written),
writing is waited for (one transaction: all the rows or none), an export is finished, and
the secretary is told which, over the window still on screen. Nothing more is asked after.

While a job runs, what Python has made so far is moved out of the garbage collector's
reach (``gc.freeze``) ten times a second, and given back when the flow ends: a full
collection walks every object alive, and on the worker's growing plan it held the
interpreter 50-120 ms at a time (the window's longest pauses: see benchmarks/xlsx_bench).
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, QThreadPool, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lianzheng_desktop.qt.workbook_jobs import WorkbookJob

TASK_NAME = "workbook_task"  # the window finds a task under way by this name
FREEZE_EVERY_MS = 100


@dataclass(frozen=True)
class Outcome:
    kind: str  # "done", "failed" or "stopped"
    value: Any = None  # what the job returned, or the failure's sentence


class ProgressDialog(QDialog):
    """A line saying how far the work has come, a bar, and 取消 while cancelling is safe."""

    def __init__(self, parent: QWidget | None, title: str):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.line = QLabel("请稍候…")
        self.line.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # how much there is to do: not known yet
        self.note = QLabel("")
        self.note.setWordWrap(True)
        self.cancel_button = QPushButton("取消")
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        for widget in (self.line, self.bar, self.note):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        self.setMinimumWidth(460)
        self._on_cancel: Callable[[], None] | None = None
        self._refused = ""

    def allow_cancel(self, on_cancel: Callable[[], None] | None, note: str,
                     refused: str = "") -> None:
        """``on_cancel`` for 取消 (None: no 取消); ``refused``: said when she tries all the
        same (Esc, the dialog's ×)."""
        self._on_cancel, self._refused = on_cancel, refused or note
        self.cancel_button.setVisible(on_cancel is not None)
        self.note.setText(note)

    def set_line(self, line: str, done: int = 0, total: int = 0) -> None:
        self.line.setText(line)
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        else:
            self.bar.setRange(0, 0)

    def reject(self) -> None:  # 取消, Esc, or the dialog's ×: never closes it by itself
        if self._on_cancel is not None:
            self._on_cancel()
        else:
            self.note.setText(self._refused)

    def closeEvent(self, event) -> None:  # noqa: N802
        event.ignore()
        self.reject()


class WorkbookTask(QObject):
    """One import or export from the window: its jobs, one after another, and what the
    window closing means for it. ``closing`` is set once the window has closed: the flow
    then asks nothing more."""

    def __init__(self, window: QWidget | None, title: str):
        super().__init__(window)
        self.setObjectName(TASK_NAME)
        self.window, self.title = window, title
        self.closing = False
        self.asking: QDialog | None = None  # a question of the flow, open now
        # What to tell her when the window closes: given the running job's outcome, or
        # None when it closes while she is being asked (nothing written then).
        self.closing_note: Callable[[Outcome | None], tuple[str, str]] | None = None
        self._pool = QThreadPool(self)
        self._job: WorkbookJob | None = None
        self._outcome: Outcome | None = None
        self._loop: QEventLoop | None = None
        self._dialog: ProgressDialog | None = None
        self._freezer = QTimer(self)
        self._freezer.setInterval(FREEZE_EVERY_MS)
        self._freezer.timeout.connect(gc.freeze)

    def run(self, job: WorkbookJob, *, on_this_thread: bool, cancellable: bool,
            note: str, refused: str = "") -> Outcome:
        """Run ``job`` behind the progress dialog and return how it ended."""
        dialog = self._dialog = ProgressDialog(self.window, self.title)
        dialog.allow_cancel(self._stop if cancellable else None, note, refused)
        self._job, self._outcome = job, None
        job.signals.progress.connect(dialog.set_line)
        job.signals.done.connect(self._on_done)
        job.signals.failed.connect(self._on_failed)
        job.signals.stopped.connect(self._on_stopped)
        job.setAutoDelete(False)  # its signals outlive run() until delivered
        dialog.show()
        try:
            if on_this_thread:
                job.run()
            else:
                self._loop = QEventLoop()
                gc.freeze()
                self._freezer.start()
                self._pool.start(job)
                if self._outcome is None:
                    self._loop.exec()
                self._wait()  # the loop ended from outside (the application quitting)
        finally:
            self._freezer.stop()
            self._loop = None
            dialog.hide()
            dialog.deleteLater()
            self._dialog = None
        outcome, self._job = self._outcome, None
        assert outcome is not None
        return outcome

    def _stop(self) -> None:
        if self._job is not None:
            self._job.stop.set()
        if self._dialog is not None:
            self._dialog.set_line("正在停止读取…")
            self._dialog.cancel_button.setEnabled(False)

    def _wait(self) -> None:
        """Until the job has ended: the window repaints, and takes no clicks."""
        while self._outcome is None:
            self._pool.waitForDone(50)
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    def _end(self, outcome: Outcome) -> None:
        self._outcome = outcome
        if self._loop is not None:
            self._loop.quit()

    def _on_done(self, value: object) -> None:
        self._end(Outcome("done", value))

    def _on_failed(self, message: str) -> None:
        self._end(Outcome("failed", message))

    def _on_stopped(self) -> None:
        self._end(Outcome("stopped"))

    def finish_before_closing(self) -> None:
        """The window is closing: stop reading, or let writing finish; close a question
        of the flow; then say what became of the import or export."""
        self.closing = True
        active = self._job is not None  # a job started, its run() not yet returned
        if self.asking is not None:
            self.asking.done(0)  # her question goes with the window: nothing is written
            self.asking = None
        if active and self._outcome is None:
            cancellable = self._dialog is not None and self._dialog._on_cancel is not None
            if cancellable:
                self._stop()
            elif self._dialog is not None:
                self._dialog.note.setText("窗口将在完成后关闭，请稍候…")
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self._wait()
            finally:
                QApplication.restoreOverrideCursor()
        if self.closing_note is None:
            return
        title, text = self.closing_note(self._outcome if active else None)
        QMessageBox.information(self.window, title, text)

    def end(self) -> None:
        """The flow is over (its plan let go of): the window no longer finds it, and the
        collector again reaches everything."""
        gc.unfreeze()
        self.setObjectName("")
        self.deleteLater()
