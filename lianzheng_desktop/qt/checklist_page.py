"""首页: the quarter's checklist, the warnings on top, a one-line summary."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lianzheng_desktop.core.checklist import Checklist, ChecklistItem
from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.core.ledgers import LEDGERS
from lianzheng_desktop.core.periods import Quarter
from lianzheng_desktop.core.requirement_names import named
from lianzheng_desktop.qt.day import FollowsToday
from lianzheng_desktop.qt.painted import FirstPaint
from lianzheng_desktop.qt.style import colour_item, hint, page_title, rows_follow_text
from lianzheng_desktop.storage import builtin_plan, plans
from lianzheng_desktop.storage.plans import load_checklist, load_warnings
from lianzheng_desktop.storage.store import Store

WARNINGS_SHOWN = 6  # listed at once; the rest once the list has painted
WARNINGS_FITTED = 5  # reminders the list is tall enough to show whole; more scroll
COLUMNS = ("状态", "条目", "要求", "完成情况")
STALE_DAYS = 120  # no record for this long: say which year the data is from


def by_urgency(warnings: list) -> list:
    """Most urgent first: the most overdue, then the fewest days left, whatever the colour
    (a quarterly duty with ten days left before a yearly one with a hundred)."""
    return sorted(warnings, key=lambda w: (w.days, w.level.rank))


class WarningsList(QListWidget):
    """The reminders, word-wrapped: as tall as its first five lines are now, at the width
    it has now — measured again whenever the width changes (a wider window, the scroll bar
    coming or going), so the last line shown is never cut through."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWordWrap(True)
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)  # after the resize, when the new width is in effect
        self._refit.timeout.connect(self.fit)
        self._width = -1

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)  # the list's own or its viewport's (the scroll bar)
        if event.size().width() != self._width:
            self._width = event.size().width()
            self._refit.start()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self._refit.start()

    def fit(self) -> None:
        """Height for the first WARNINGS_FITTED lines as laid out at the present width."""
        self.doItemsLayout()
        shown = min(self.count(), WARNINGS_FITTED)
        rows = sum(max(self.visualItemRect(self.item(i)).height(), 1) for i in range(shown))
        self.setFixedHeight(max(rows, 1) + 2 * self.frameWidth() + 2 * self.spacing())


class ChecklistPage(FollowsToday, QWidget):
    """The checklist of the chosen quarter as of the chosen day (today by default).

    ``import_plan_requested(year)`` asks the window to import that year's 工作要点;
    ``plan_changed`` follows a plan started here from last year's.
    """

    import_plan_requested = Signal(int)
    paste_plan_requested = Signal(int)  # the same, its text pasted
    plan_changed = Signal()

    def __init__(self, store: Store, today: date | None = None, parent=None):
        super().__init__(parent)
        self._store = store
        self._fixed_today = today
        self.checklist: Checklist | None = None
        self._more_warnings: list = []  # listed once the list has painted
        self._build()
        self._connect_signals()
        self.refresh()

    def _build(self) -> None:
        title = page_title("季度责任清单")
        self.quarter = QComboBox()
        current = Quarter.containing(self._today)
        latest = self._store.latest_event_date()  # an office's data may be years old
        quarter = Quarter(min(current.year - 4, latest.year if latest else current.year), 1)
        while quarter <= Quarter(current.year, 4):
            self.quarter.addItem(quarter.label, quarter.code)
            quarter = quarter.next()
        self.quarter.setCurrentIndex(self.quarter.findData(current.code))
        self.as_of = QDateEdit(QDate(self._today.year, self._today.month, self._today.day))
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        bold = QFont()
        bold.setPointSize(bold.pointSize() + 1)
        bold.setBold(True)
        self.summary.setFont(bold)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("季度"))
        bar.addWidget(self.quarter)
        bar.addWidget(QLabel("截至"))
        bar.addWidget(self.as_of)
        bar.addStretch(1)

        self.no_plan = QWidget()  # when the year has no plan: say so here, and offer a way
        self.no_plan_text = QLabel()
        self.no_plan_text.setWordWrap(True)
        self.import_plan_button = QPushButton()
        self.paste_plan_button = QPushButton("粘贴工作要点文字…")
        self.copy_plan_button = QPushButton()
        row = QHBoxLayout(self.no_plan)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.no_plan_text, 1)
        row.addWidget(self.import_plan_button)
        row.addWidget(self.paste_plan_button)
        row.addWidget(self.copy_plan_button)
        self.no_plan.hide()
        self.data_note = QWidget()  # the data is from an earlier year: say which
        self.data_note_text = hint("")
        self.data_year_button = QPushButton()
        row = QHBoxLayout(self.data_note)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.data_note_text, 1)
        row.addWidget(self.data_year_button)
        self.data_note.hide()
        self.warnings_label = QLabel("提醒")
        self.warnings = WarningsList()
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.verticalHeader().setVisible(False)
        rows_follow_text(self.table)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(2, 300)
        tip = hint("双击一项，查看计入该项的记录。", wrap=False)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(bar)
        layout.addWidget(self.no_plan)
        layout.addWidget(self.data_note)
        layout.addWidget(self.warnings_label)
        layout.addWidget(self.warnings)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.filler = QWidget()  # takes the table's room while there is no checklist
        layout.addWidget(self.filler, 1)
        layout.addWidget(tip)
        self.tip = tip

    def _connect_signals(self) -> None:
        self.quarter.currentIndexChanged.connect(self.refresh)
        self.as_of.dateChanged.connect(self.refresh)
        self.table.cellDoubleClicked.connect(self._on_item_activated)
        self.import_plan_button.clicked.connect(
            lambda: self.import_plan_requested.emit(self.selected_quarter().year))
        self.paste_plan_button.clicked.connect(
            lambda: self.paste_plan_requested.emit(self.selected_quarter().year))
        self.copy_plan_button.clicked.connect(self._on_copy_plan)
        self.data_year_button.clicked.connect(self._on_data_year)

    def selected_quarter(self) -> Quarter:
        return Quarter.parse(self.quarter.currentData())

    def set_quarter(self, quarter: Quarter, as_of: date) -> None:
        self.as_of.setDate(QDate(as_of.year, as_of.month, as_of.day))
        self.quarter.setCurrentIndex(self.quarter.findData(quarter.code))
        self.refresh()

    def follow_day(self, before: date, day: date) -> None:
        """The day changed with the window open: a page showing ``before``'s quarter as of
        then moves to ``day`` (one she set to another date or quarter stays)."""
        if self.as_of_date() != before or self.selected_quarter() != Quarter.containing(before):
            return
        quarter = Quarter.containing(day)
        last = Quarter.parse(self.quarter.itemData(self.quarter.count() - 1))
        while last < Quarter(day.year, 4):  # 1 January: the new year's quarters
            last = last.next()
            self.quarter.addItem(last.label, last.code)
        self.set_quarter(quarter, day)

    def as_of_date(self) -> date:
        value = self.as_of.date()
        return date(value.year(), value.month(), value.day())

    def refresh(self) -> None:
        quarter, as_of = self.selected_quarter(), self.as_of_date()
        self.table.setRowCount(0)
        self.warnings.clear()
        self.no_plan.hide()
        self.summary.show()
        try:
            self.checklist = load_checklist(self._store, quarter, as_of)
        except UserError as exc:
            self.checklist = None
            self.summary.setText(str(exc))
            if plans.load_plan(self._store, quarter.year) is None:
                self._offer_plan(quarter.year)
        else:
            self.summary.setText(self.checklist.summary)
            self._fill(self.checklist.items)
        self.table.setVisible(self.checklist is not None)
        self.filler.setVisible(self.checklist is None)
        self.tip.setVisible(self.checklist is not None)
        self._note_data_year(quarter, as_of)
        warnings = by_urgency(load_warnings(self._store, as_of, quarter, self.checklist))
        # The lines in view now, the rest once the list has painted: a file left alone for
        # years has hundreds, each laid out with word wrap before the list can paint.
        self._add_warnings(warnings[:WARNINGS_SHOWN])
        self._more_warnings = warnings[WARNINGS_SHOWN:]
        if self._more_warnings:
            FirstPaint(self.warnings, self._add_more_warnings)
        self.warnings_label.setText(f"提醒（{len(warnings)} 条，最紧急的在前）" if warnings
                                    else "提醒")
        if not self.warnings.count():
            self.warnings.addItem("没有需要提醒的事项。")
        self._fit_warnings()

    def _add_warnings(self, warnings: list) -> None:
        for warning in warnings:
            item = QListWidgetItem(f"●  {warning.level.label}：{warning.text}")
            colour_item(item, warning.level.colour)
            self.warnings.addItem(item)

    def _add_more_warnings(self) -> None:
        """The warnings below the first screenful, of the latest refresh only."""
        more, self._more_warnings = self._more_warnings, []
        self._add_warnings(more)
        self._fit_warnings()  # the scroll bar now shows: the lines may wrap anew

    # -- a year without a plan, data from an earlier year ---------------------------------
    def _offer_plan(self, year: int) -> None:
        earlier = [y for y in plans.plan_years(self._store) if y < year]
        base = max(earlier) if earlier else None  # named: the last plan may be years old
        self.no_plan_text.setText(f"<b>尚无{year}年度计划。</b>季度责任清单依据年度计划生成："
                                  f"可导入{year}年的工作要点"
                                  + (f"，或以{self._whose(base)}{base}年的计划为底稿再修改。"
                                     if base else "。"))
        self.import_plan_button.setText(f"导入{year}年工作要点…")
        self.copy_plan_button.setVisible(base is not None)
        if base is not None:
            self.copy_plan_button.setText(f"以{self._whose(base)}{base}年计划为底稿…")
        self.summary.hide()  # the line above says it, with what to do
        self.no_plan.show()

    def _whose(self, year: int) -> str:
        """"软件自带的县总工会": the plan the program ships is not the unit's own."""
        return "软件自带的县总工会" if builtin_plan.is_builtin_plan(self._store, year) else ""

    def _on_copy_plan(self) -> None:
        year = self.selected_quarter().year
        earlier = [y for y in plans.plan_years(self._store) if y < year]
        if not earlier:
            return
        from PySide6.QtWidgets import QMessageBox  # not needed to open the window

        base = max(earlier)
        answer = QMessageBox.question(
            self, "以往年计划为底稿", f"把{self._whose(base)}{base}年度计划的各项要求复制为"
            f"{year}年度计划吗？"
            f"复制后可在“年度计划”中修改；拿到{year}年的工作要点后再导入，文字相同的要求"
            "会逐项对应替换。")
        if answer != QMessageBox.StandardButton.Yes:
            return
        plans.start_new_year(self._store, year, from_year=base)
        self.refresh()
        self.plan_changed.emit()

    def _note_data_year(self, quarter: Quarter, as_of: date) -> None:
        latest = self._store.latest_event_date()
        self._data_year = latest.year if latest else None
        stale = latest is not None and (as_of - latest).days > STALE_DAYS \
            and latest.year < quarter.year
        self.data_note.setVisible(stale)
        if stale and latest is not None:
            self.data_note_text.setText(
                f"现有台账记录截至 {latest.isoformat()}（{latest.year}年），此后没有新记录；"
                "下面的逾期天数从那时算到今天。")
            self.data_year_button.setText(f"查看{latest.year}年第四季度")

    def _on_data_year(self) -> None:
        if self._data_year is not None:
            self.set_quarter(Quarter(self._data_year, 4), date(self._data_year, 12, 31))

    def _fit_warnings(self) -> None:
        """As tall as its lines, up to five: the checklist keeps the rest of the page."""
        self.warnings.fit()

    def _fill(self, items: list[ChecklistItem]) -> None:
        self.table.setRowCount(len(items))
        for row, entry in enumerate(items):
            status = QTableWidgetItem(f"  {entry.label}  ")  # as printed in 附件1
            colour_item(status, "white", entry.colour)
            cells = [status, QTableWidgetItem(entry.requirement.item),
                     QTableWidgetItem(named(entry.requirement)),  # as the paper names it
                     QTableWidgetItem(entry.explanation)]
            for column, cell in enumerate(cells):
                self.table.setItem(row, column, cell)

    def _on_item_activated(self, row: int, _column: int) -> None:
        if self.checklist is None or not 0 <= row < len(self.checklist.items):
            return
        RecordsDialog(self._store, self.checklist.items[row], self).exec()


class RecordsDialog(QDialog):
    """The records that count for one checklist item."""

    def __init__(self, store: Store, entry: ChecklistItem, parent=None):
        super().__init__(parent)
        self.setWindowTitle("计入该项的记录")
        self.setMinimumSize(640, 360)
        layout = QVBoxLayout(self)
        text = QLabel(f"<b>{named(entry.requirement)}</b><br>{entry.explanation}")
        text.setWordWrap(True)
        layout.addWidget(text)
        self.list = QListWidget()
        for ref in entry.records:
            spec = LEDGERS[ref.ledger]
            try:
                record = store.get(ref.ledger, ref.id)
            except UserError:
                continue
            when = getattr(record, spec.date_field)
            title = getattr(record, spec.title_field)
            self.list.addItem(f"{when.isoformat()}　{spec.label}　{title}")
        if not entry.records:
            self.list.addItem("尚无计入该项的记录。")
        layout.addWidget(self.list, 1)
        close = QPushButton("关闭")
        close.clicked.connect(self.accept)
        from PySide6.QtCore import Qt  # see qt/style.py: not loaded before the first paint

        layout.addWidget(close, alignment=Qt.AlignmentFlag.AlignRight)
