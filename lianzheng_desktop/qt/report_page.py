"""述廉述责报告: choose the period, edit the drafted sections, preview, save, print, Word."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QThreadPool
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from lianzheng_desktop.app.reports import prepare_report
from lianzheng_desktop.core import vocab
from lianzheng_desktop.core.copy_check import CopyReport, check
from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.core.periods import Quarter
from lianzheng_desktop.core.report_basis import StaleSection, stale_note
from lianzheng_desktop.core.report_content import profile_gaps
from lianzheng_desktop.core.report_model import SECTION_HEADINGS, ReportPeriod
from lianzheng_desktop.paths import AppPaths
from lianzheng_desktop.qt.report_checks import ask_before_handing_in, mark_repeated, print_pdf
from lianzheng_desktop.qt.report_editors import SectionEditors
from lianzheng_desktop.qt.report_preview import PreviewPane, Shown
from lianzheng_desktop.qt.report_worker import ReportJob
from lianzheng_desktop.qt.style import hint, page_title
from lianzheng_desktop.storage.errors import os_error_text
from lianzheng_desktop.storage.reports import (
    clear_texts,
    earlier_reports,
    kept_file,
    last_edited_period,
    list_versions,
    recheck,
    record_version,
    save_texts,
)
from lianzheng_desktop.storage.store import Store
from lianzheng_desktop.whole_files import written_whole


class ReportPage(QWidget):
    def __init__(self, store: Store, paths: AppPaths, parent=None, *,
                 open_store: Callable[[], Store] | None = None, today: date | None = None):
        super().__init__(parent)
        self._store, self._paths = store, paths
        self._open_store = open_store  # a fresh connection for the worker; None: this one
        self._today = today or date.today()
        self._pool = QThreadPool(self)
        self._closing = False  # the window is closing: finish the file, ask nothing more
        # Inside the data folder, so a portable (USB) install writes nowhere else.
        self._preview_file = paths.reports_dir / "预览" / "报告预览（未保存）.pdf"
        self.preview_pane = PreviewPane()
        self.document = self.preview_pane.document
        self._loaded = False
        self._shown_person: str | None = None  # whose report the editors hold
        self._as_of: date | None = None  # the report's date the drafts shown are of
        self._stale: list[StaleSection] = []  # typed sections over older drafts
        self._generating: Shown | None = None  # what the report being written is of
        self._build()
        self._connect_signals()

    def showEvent(self, event) -> None:  # noqa: N802
        # Drafting reads the period's records: done when the page is first opened, not at
        # the app's start.
        if not self._loaded:
            self._load_period()
        super().showEvent(event)

    def hideEvent(self, event) -> None:  # noqa: N802
        # Leaving the page or closing the window: what was typed is kept now, not later.
        self.keep_typed_text()
        super().hideEvent(event)

    def _build(self) -> None:
        title = page_title("述廉述责报告")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.kind = QComboBox()
        self.kind.addItems(["季度报告", "年度报告"])
        self.period = QComboBox()
        self.person = QComboBox()
        self.person.setToolTip("党支部的报告由书记署名；也可生成某位班子成员本人的述责述廉报告")
        self.redraft_button = QPushButton("按台账重新起草")
        self.copy_button = QPushButton("对照往期查重")
        self.copy_button.setToolTip("把本期手写的文字与上一期、上年同期的报告比较，"
                                    "标出重复的句子和过时的提法")
        self.preview_button = QPushButton("生成预览")
        self.save_button = QPushButton("保存 PDF…")
        self.print_button = QPushButton("打印…")
        self.docx_button = QPushButton("导出 Word…")
        # Two rows, so the page fits a 1024-px screen (and 911 px at 150 %): which report
        # above, what to do with it below — 生成预览, 保存 PDF, 打印 always in view.
        choose = QHBoxLayout()
        for widget in (QLabel("报告"), self.kind, self.period, QLabel("报告人"), self.person):
            choose.addWidget(widget)
        choose.addStretch(1)
        act = QHBoxLayout()
        for widget in (self.preview_button, self.save_button, self.print_button,
                       self.docx_button):
            act.addWidget(widget)
        act.addStretch(1)
        act.addWidget(self.redraft_button)
        act.addWidget(self.copy_button)
        bar = QVBoxLayout()
        bar.addLayout(choose)
        bar.addLayout(act)
        self.tabs = SectionEditors(
            lambda period, texts: save_texts(self._store, period, texts, self._shown_person,
                                             self.tabs.drafts, self._as_of),
            self.status_text)
        self.editors = self.tabs.editors
        self.preview = self.preview_pane.view
        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(hint("以下文字由台账数据起草，可直接修改，输入的文字随时自动保存。"
                                   "第二部分请本人填写；第三部分请在问题之后写明原因。"))
        left_layout.addWidget(self.tabs, 1)
        splitter.addWidget(left)
        splitter.addWidget(self.preview_pane)
        splitter.setSizes([520, 520])
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.notice = hint("")  # said in place, never as a dialog (e.g. no plan for the year)
        self.notice.setWordWrap(True)
        self.notice.hide()
        # a typed section whose drafts have moved on since (core.report_basis)
        self.recheck_button = QPushButton("已核对")
        self.recheck_button.setToolTip("改写的部分已对照现在的台账核对无误，不再提示")
        self.recheck_button.hide()
        said = QHBoxLayout()
        said.addWidget(self.notice, 1)
        said.addWidget(self.recheck_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(bar)
        layout.addLayout(said)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        self._fill_periods()
        self.fill_people()

    def fill_people(self) -> None:
        """党支部 (signed by the 书记), then each 书记 and 班子成员 in post on the report's
        date, for their own (one who has left since still reports on the periods before)."""
        chosen = self.person.currentData()
        period = self.selected_period() if self.period.count() else None
        self.person.blockSignals(True)
        self.person.clear()
        self.person.addItem("党支部（书记署名）", None)
        for person in self._store.list("roster"):
            serving = (person.in_post(min(period.end, self._today)) if period is not None
                       else person.active)
            if serving and person.role in (vocab.ROLE_SECRETARY, vocab.ROLE_LEADER):
                self.person.addItem(f"{person.name}本人", person.name)
        self.person.setCurrentIndex(max(0, self.person.findData(chosen)))
        self.person.blockSignals(False)

    def selected_person(self) -> str | None:
        return self.person.currentData()

    def set_person(self, name: str | None) -> None:
        self.fill_people()
        self.person.setCurrentIndex(max(0, self.person.findData(name)))

    def _connect_signals(self) -> None:
        for editor in self.editors.values():
            editor.textChanged.connect(self.follow_preview)
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.period.currentIndexChanged.connect(self._load_period)
        self.person.currentIndexChanged.connect(self._load_period)
        self.redraft_button.clicked.connect(self._on_redraft)
        self.recheck_button.clicked.connect(self._on_recheck)
        self.copy_button.clicked.connect(self._on_copy_check)
        self.preview_button.clicked.connect(lambda: self.generate(self._preview_file))
        self.save_button.clicked.connect(self._on_save_pdf)
        self.print_button.clicked.connect(self._on_print)
        self.docx_button.clicked.connect(self._on_docx)

    # -- periods --------------------------------------------------------------------
    def _fill_periods(self) -> None:
        self.period.blockSignals(True)
        self.period.clear()
        current = Quarter.containing(self._today)
        if self.kind.currentIndex() == 0:
            quarter = Quarter(current.year - 4, 1)
            while quarter <= current:
                self.period.addItem(quarter.label, quarter.code)
                quarter = quarter.next()
            # in a quarter's first month the report due is the last quarter's
            early = self._today.month == current.start.month
            self.period.setCurrentIndex(self.period.count() - (2 if early else 1))
            if not self._loaded:  # first opening: where the user last typed
                self._select_last_edited()
        else:
            for year in range(current.year - 4, current.year + 1):
                self.period.addItem(f"{year}年度", str(year))
            # in January the year's report due is last year's
            self.period.setCurrentIndex(self.period.count() - (2 if self._today.month == 1
                                                               else 1))
        self.period.blockSignals(False)

    def _select_last_edited(self) -> None:
        try:
            last = last_edited_period(self._store)
        except Exception:  # noqa: BLE001 — only a convenience; the current quarter is fine
            return
        if last is not None and last.quarter is not None:
            index = self.period.findData(last.code)
            if index >= 0:
                self.period.setCurrentIndex(index)

    def selected_period(self) -> ReportPeriod:
        return ReportPeriod.parse(self.period.currentData())

    def set_period(self, period: ReportPeriod) -> None:
        self.keep_typed_text()
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(0 if period.quarter else 1)
        self.kind.blockSignals(False)
        self._fill_periods()
        self.period.blockSignals(True)
        self.period.setCurrentIndex(self.period.findData(period.code))
        self.period.blockSignals(False)
        self._load_period()

    def _on_kind_changed(self) -> None:
        self._fill_periods()
        self._load_period()

    def _load_period(self) -> None:
        """Show the drafts (with the user's kept edits) for the chosen period."""
        self.keep_typed_text()  # what was typed for the period shown before
        self._loaded = True
        self.fill_people()  # those who served in this period
        period = self.selected_period()
        self._shown_person = self.selected_person()
        try:
            prepared = prepare_report(self._store, period, self._today, self._shown_person)
        except UserError as exc:
            self.tabs.show_texts(None, {h: "" for h in SECTION_HEADINGS}, {})
            self.notice.setText(f"{exc}报告要对照年度计划起草，导入计划后即可在此编写。")
            self.notice.show()
            self._set_busy(True)
            self.status.setText("")
            self.follow_preview()
            return
        self._as_of, self._stale = prepared.data.as_of, prepared.stale
        said = "\n".join(filter(None, [profile_gaps(prepared.data), stale_note(self._stale),
                                       prepared.reading_note,
                                       prepared.handed_in.note if prepared.handed_in else ""]))
        self.notice.setText(said)
        self.notice.setVisible(bool(said))
        self.recheck_button.setVisible(bool(self._stale))
        # a section that may now contradict its appendix is a warning, not a hint
        self.notice.setStyleSheet("color: #b26a00;" if self._stale else "color: #666666;")
        self._set_busy(False)
        self.tabs.show_texts(period, prepared.document.section_texts(), prepared.drafts)
        self._show_versions()
        self.follow_preview()  # another report's preview never stays in view

    def texts(self) -> dict[str, str]:
        return self.tabs.texts()

    def follow_preview(self) -> None:
        """No preview yet, another report's (put away), or this one's from before the text
        was changed (said to be not the latest): see qt/report_preview.py."""
        self.preview_pane.follow(self.period.currentData(), self._shown_person, self.texts())

    def _on_recheck(self) -> None:
        """已核对: the typed sections agree with the records of the report's date."""
        self.keep_typed_text()
        if self._as_of is not None:
            recheck(self._store, self.selected_period(), self.tabs.drafts, self._as_of,
                    self._shown_person)
        self._load_period()

    def typed_texts(self) -> dict[str, str]:
        return self.tabs.typed_texts()

    def keep_typed_text(self) -> None:
        self.tabs.keep_typed_text()

    def text_not_kept(self) -> bool:
        """Typed text that could not be stored even now (the disk full, the USB stick out)."""
        self.tabs.keep_typed_text()
        return self.tabs.unsaved

    def status_text(self, text: str) -> None:
        self.status.setText(text)

    def _on_redraft(self) -> None:
        answer = QMessageBox.question(self, "重新起草", "放弃本期报告中的修改，"
                                                    "按台账数据重新起草吗？"
                                      "（第二部分“个人廉洁自律情况”中已写的文字也会清空。）")
        if answer == QMessageBox.StandardButton.Yes:
            self.tabs.forget_typing()
            clear_texts(self._store, self.selected_period(), self._shown_person)
            self._load_period()

    def _show_versions(self) -> None:
        versions = list_versions(self._store, self.selected_period(), self._shown_person)
        kept = versions
        if kept:
            latest = kept[0]
            where = kept_file(latest, self._paths.reports_dir)
            place = str(where) if where is not None else f"原文件{latest.file_path}已不在或已改动"
            self.status.setText(
                f"本期已保存 {len(kept)} 个版本，最近一次：{latest.created_at:%Y-%m-%d %H:%M} "
                f"{latest.kind.upper()}（{place}）")  # the 校验码 is kept, not shown: it
            # means nothing to her (the CLI's report list gives it to whoever checks)
        else:
            self.status.setText("本期报告尚未保存过。")

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
        self._set_busy(True)
        self._generating = (period.code, self._shown_person, self.texts())
        job = ReportJob(self._open_store or (lambda: self._store), period, path, self.texts(),
                        self._paths.log_dir, keep=path != self._preview_file, as_of=self._today,
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
        for button in (self.preview_button, self.save_button, self.print_button,
                       self.docx_button, self.redraft_button, self.copy_button):
            button.setEnabled(not busy)

    def _on_progress(self, value: int, text: str) -> None:
        self.progress.setValue(value)
        self.status.setText(text)

    def _on_done(self, path: str, then: Callable[[str], None] | None) -> None:
        self._set_busy(False)
        self.progress.hide()
        if path.lower().endswith(".pdf"):
            self.preview_pane.load(path, self._generating)
        self._show_versions()
        self.follow_preview()
        if then is not None and not self._closing:
            then(path)

    def _on_failed(self, message: str) -> None:
        self._set_busy(False)
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
        except (UserError, sqlite3.Error):
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

        def print_and_keep(path: str) -> None:
            if not self.print_preview():
                return
            try:
                kept = self.keep_printed(Path(path))
            except OSError as exc:
                QMessageBox.warning(self, "未能留存", f"报告已送去打印，但未能留存打印的文件："
                                    f"{os_error_text(exc)}。可再用“保存 PDF”另存一份。")
                return
            record_version(self._store, self.selected_period(), kept, self.texts(),
                           self._shown_person)
            self._show_versions()

        self.generate(self._preview_file, print_and_keep)

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

    def print_preview(self, printer: QPrinter | None = None) -> int:
        """Send the previewed PDF's pages to a printer; returns the pages printed."""
        return print_pdf(self, self.document, printer)
