"""述廉述责报告: choose the period, edit the drafted sections, preview, save, print, Word.

The page itself (its layout, the section editors and what is typed in them) is here;
preparing the report chosen is in ``report_preparation`` and writing, checking, saving and
printing it in ``report_output``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from lianzheng_desktop.core.report_basis import StaleSection
from lianzheng_desktop.paths import AppPaths
from lianzheng_desktop.qt.day import FollowsToday
from lianzheng_desktop.qt.report_editors import SectionEditors
from lianzheng_desktop.qt.report_output import ReportOutput
from lianzheng_desktop.qt.report_preparation import ReportPreparation
from lianzheng_desktop.qt.report_preview import PreviewPane, Shown
from lianzheng_desktop.qt.style import hint, page_title
from lianzheng_desktop.storage.reports import save_texts
from lianzheng_desktop.storage.store import Store


class ReportPage(FollowsToday, ReportPreparation, ReportOutput, QWidget):
    def __init__(self, store: Store, paths: AppPaths, parent=None, *,
                 open_store: Callable[[], Store] | None = None, today: date | None = None):
        super().__init__(parent)
        self._store, self._paths = store, paths
        self._open_store = open_store  # a fresh connection for the worker; None: this one
        self._fixed_today = today
        self._pool = QThreadPool(self)
        self._closing = False  # the window is closing: finish the file, ask nothing more
        # Inside the data folder, so a portable (USB) install writes nowhere else.
        self._preview_file = paths.reports_dir / "预览" / "报告预览（未保存）.pdf"
        self.preview_pane = PreviewPane()
        self.document = self.preview_pane.document
        self._loaded = False
        self._shown_person: str | None = None  # whose report the editors hold
        self._as_of: date | None = None  # the report's date the drafts shown are of
        self._report_day = self._today  # today, or the last day in post of one who left
        self._shown_since = datetime.now()  # when the report shown was read (renames after)
        self._data_moved = False  # the data changed since (on_data_changed)
        self._stale: list[StaleSection] = []  # typed sections over older drafts
        self._generating: Shown | None = None  # what the report being written is of
        self._writing = False  # a report is being written (report_output._set_writing)
        self._going_back = False  # the choosers put back to the report shown (_stay_on_shown)
        self._build()
        self._connect_signals()

    def showEvent(self, event) -> None:  # noqa: N802
        # Drafting reads the period's records: done when the page is first opened, not at
        # the app's start.
        if not self._loaded:
            self._load_period()
        else:
            self.refresh_if_moved()  # records added or renamed while she was elsewhere
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

    def texts(self) -> dict[str, str]:
        return self.tabs.texts()

    def follow_preview(self) -> None:
        """No preview yet, another report's (put away), or this one's from before the text
        was changed (said to be not the latest): see qt/report_preview.py."""
        self.preview_pane.follow(self.period.currentData(), self._shown_person, self.texts())

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
