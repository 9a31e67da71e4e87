"""The report page's output: writing the report (on-screen preview, PDF, Word) by a worker
off the window's thread with its progress shown, finishing one being written before the
window closes, the checks before handing in (sections typed over older drafts, text that
repeats earlier reports: 对照往期查重), and saving, exporting and printing — a printed copy
kept under a name of its own."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from lianzheng_desktop.core.copy_check import CopyReport, check
from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.core.report_basis import stale_note
from lianzheng_desktop.qt.report_checks import ask_before_handing_in, mark_repeated, print_pdf
from lianzheng_desktop.qt.report_worker import ReportJob
from lianzheng_desktop.storage.errors import DataFileError, os_error_text
from lianzheng_desktop.storage.reports import earlier_reports, record_version
from lianzheng_desktop.whole_files import written_whole


class ReportOutput:
    """Writing, checking, saving and printing the report a ``ReportPage`` shows."""

    # -- generating -------------------------------------------------------------------
    def generate(self, path: Path, then: Callable[[str], None] | None = None) -> None:
        """Write the report to ``path``; anything but the on-screen preview is kept."""
        period = self.selected_period()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self._on_failed(f"无法写入“{path.parent}”：{os_error_text(exc)}。")
            return
        self.keep_typed_text()
        self.progress.setValue(0)
        self.progress.show()
        self._set_writing(True)
        self._generating = (period.code, self._shown_person, self.texts())
        # only what she typed: the sections she left as drafted are drafted again from the
        # ledgers as they are now, never printed from an older draft still on screen
        job = ReportJob(self._open_store or (lambda: self._store), period, path,
                        self.typed_texts(), self._paths.log_dir,
                        keep=path != self._preview_file, as_of=self._report_day,
                        own_connection=self._open_store is not None,
                        person=self._shown_person)
        job.signals.progress.connect(self._on_progress)
        job.signals.done.connect(lambda p, _sha: self._on_done(p, then))
        job.signals.failed.connect(self._on_failed)
        self._job = job  # its signals must outlive run() until the queued ones are delivered
        job.setAutoDelete(False)
        if self._open_store is None:
            job.run()  # same connection: stay on this thread
        else:
            self._pool.start(job)

    def wait(self) -> None:
        self._pool.waitForDone()

    def finish_before_closing(self) -> None:
        """The window is closing: a report being written is written whole and kept first
        (closed mid-way, a reviewer's PDF was never written, or written and not kept)."""
        if self._pool.activeThreadCount() == 0:
            return
        self._closing = True
        self.status.setText("正在写完报告，写完后关闭……")
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:  # the progress keeps moving (a year's Word copy takes minutes): not 未响应
            while not self._pool.waitForDone(100):
                QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        finally:
            QApplication.restoreOverrideCursor()

    def _set_busy(self, busy: bool) -> None:
        if not busy and self._writing:  # a page reloaded while a report is being written
            return
        for button in (self.preview_button, self.save_button, self.print_button,
                       self.docx_button, self.redraft_button, self.copy_button):
            button.setEnabled(not busy)

    def _set_writing(self, writing: bool) -> None:
        """While a report is written, what it is of stays chosen: switched to a member
        meanwhile, 打印 printed an empty document, or kept the branch's report as his
        (revclose4 1)."""
        self._writing = writing
        for chooser in (self.kind, self.period, self.person):
            chooser.setEnabled(not writing)
        self._set_busy(writing)

    def _on_progress(self, value: int, text: str) -> None:
        self.progress.setValue(value)
        self.status.setText(text)

    def _on_done(self, path: str, then: Callable[[str], None] | None) -> None:
        self._set_writing(False)
        self.progress.hide()
        if path.lower().endswith(".pdf"):
            self.preview_pane.load(path, self._generating)
        self._show_versions()
        self.follow_preview()
        if then is not None and not self._closing:
            then(path)

    def _on_failed(self, message: str) -> None:
        self._set_writing(False)
        self.progress.hide()
        self.status.setText(message)
        QMessageBox.warning(self, "未能生成报告", message)

    def _default_name(self, suffix: str) -> str:
        period = self.selected_period()
        folder = self._paths.reports_dir
        folder.mkdir(parents=True, exist_ok=True)
        if self._shown_person:
            return str(folder / f"{self._shown_person}{period.label}述责述廉报告{suffix}")
        return str(folder / f"{period.label}述廉述责报告{suffix}")

    # -- not copied from earlier reports ------------------------------------------------
    def copy_check(self) -> CopyReport | None:
        """Compare the typed text with earlier reports; repeated sentences are marked."""
        period = self.tabs.shown
        if period is None:
            return None
        try:
            earlier = earlier_reports(self._store, period, self._shown_person)
        except (UserError, DataFileError):
            return None  # the check is a help; saving must not fail for it
        report = check(self.typed_texts(), earlier, period.year, self.tabs.drafts)
        mark_repeated(self.editors.values(), report)
        return report

    def _on_copy_check(self) -> None:
        report = self.copy_check()
        if report is None:
            return
        if not report.sentences:
            self.notice.setText("本期还没有手写的文字（由台账起草的句子不参与查重）。")
        else:
            self.notice.setText(report.explain(limit=3))
        self.notice.show()

    def ready_to_hand_in(self, action: str = "保存") -> bool:
        """Ask before a report with a section typed over older drafts, an unwritten
        section, or text that repeats earlier reports, is saved or printed."""
        if self._stale:
            answer = QMessageBox.question(
                self, "改写的部分可能已过时", f"{stale_note(self._stale)}\n\n仍要{action}吗？")
            if answer != QMessageBox.StandardButton.Yes:
                self.tabs.show_section(self._stale[0].heading)
                return False
        return ask_before_handing_in(self, self.copy_check(), self.texts(), action,
                                     show=self.tabs.show_section)

    def _on_save_pdf(self) -> None:
        if not self.ready_to_hand_in("保存"):
            return
        name, _ = QFileDialog.getSaveFileName(self, "保存报告", self._default_name(".pdf"),
                                              "PDF 文件 (*.pdf)")
        if name:
            self.generate(Path(name), lambda p: self.status.setText(
                f"已保存到 {p}。{self.status.text()}"))

    def _on_docx(self) -> None:
        if not self.ready_to_hand_in("导出"):
            return
        name, _ = QFileDialog.getSaveFileName(self, "导出 Word 文档", self._default_name(".docx"),
                                              "Word 文档 (*.docx)")
        if name:
            self.generate(Path(name))

    def _on_print(self) -> None:
        if not self.ready_to_hand_in("打印"):
            return

        def keep(path: str) -> None:
            try:
                kept = self.keep_printed(Path(path))
            except OSError as exc:
                QMessageBox.warning(self, "未能留存", f"报告照常打印，但未能留存打印的文件："
                                    f"{os_error_text(exc)}。可再用“保存 PDF”另存一份。")
                return
            try:
                record_version(self._store, self.selected_period(), kept, self.texts(),
                               self._shown_person)
            except (UserError, DataFileError) as exc:  # the file refused: printed all the same
                QMessageBox.warning(self, "未能登记留存版本", f"报告照常打印，打印的文件已留存在"
                                    f"“{kept}”，但未能登记为留存版本：{exc}")
                return
            self._show_versions()

        # kept once the printer is chosen and answers, before the pages are fed to it: a
        # power cut while it prints (the longest step) left paper in her hand and no
        # 留存版本 (revclose4 5)
        self.generate(self._preview_file,
                      lambda path: self.print_preview(before_pages=lambda: keep(path)))

    def keep_printed(self, preview: Path) -> Path:
        """A copy of what was printed under a name of its own (报告/打印留存): the preview is
        written over by the next 生成预览, from this data file or another in the folder."""
        from datetime import datetime

        folder = self._paths.reports_dir / "打印留存"
        folder.mkdir(parents=True, exist_ok=True)
        name = Path(self._default_name("")).name
        target = folder / (f"{name}（{self._paths.db_path.stem}，"
                           f"{datetime.now():%Y%m%d-%H%M%S}打印）.pdf")
        with written_whole(target) as partial:
            shutil.copyfile(preview, partial)
        return target

    def print_preview(self, printer: QPrinter | None = None,
                      before_pages: Callable[[], None] | None = None) -> int:
        """Send the previewed PDF's pages to a printer; returns the pages printed.
        ``before_pages``: called once the printer answers, before any page is sent."""
        return print_pdf(self, self.document, printer, before_pages)
