"""A ledger page: filter bar, sortable table, add / edit / delete, attachments."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.core.ledgers import LedgerSpec
from lianzheng_desktop.core.periods import Quarter
from lianzheng_desktop.core.records import LATE_ENTRY_MEANING, Record
from lianzheng_desktop.paths import AppPaths
from lianzheng_desktop.qt.attachments_dialog import AttachmentsDialog
from lianzheng_desktop.qt.column_widths import ColumnWidths
from lianzheng_desktop.qt.day import FollowsToday
from lianzheng_desktop.qt.record_form import RecordDialog, confirm_delete
from lianzheng_desktop.qt.style import LATE_ENTRY_COLOUR, hint, page_title
from lianzheng_desktop.qt.table_model import RECORD_ROLE, RecordTableModel
from lianzheng_desktop.storage.store import Query, Store

ALL = "全部"
PAUSE_MS = 250  # the text filter runs once typing pauses this long, not on every key


class LedgerPage(FollowsToday, ColumnWidths, QWidget):
    """Every record of one ledger; ``changed`` fires after any add, edit or delete."""

    changed = Signal()

    def __init__(self, store: Store, paths: AppPaths, spec: LedgerSpec, parent=None,
                 today: date | None = None):
        super().__init__(parent)
        self._store, self._paths, self.spec = store, paths, spec
        self._fixed_today = today  # the app's today (--today)
        self.model = RecordTableModel(store, spec, self, today=self._fixed_today)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(PAUSE_MS)
        self._build()
        self._connect_signals()
        self.refresh()

    # -- layout -----------------------------------------------------------------------
    def _build(self) -> None:
        self.title = page_title(self.spec.label)
        self.year = QComboBox()
        self.quarter = QComboBox()
        self.type_filter = QComboBox()
        self.search = QLineEdit()
        self.search.setPlaceholderText("搜索主题、内容、人员…")
        self.search.setClearButtonEnabled(True)
        self.count_label = QLabel()
        filters = QHBoxLayout()
        if self.spec.date_field:
            filters.addWidget(QLabel("年度"))
            filters.addWidget(self.year)
            filters.addWidget(QLabel("季度"))
            filters.addWidget(self.quarter)
            self.year.addItem(ALL)
            this_year = self._today.year
            for year in range(this_year, 2014, -1):
                self.year.addItem(str(year))
            self.quarter.addItems([ALL, "第一季度", "第二季度", "第三季度", "第四季度"])
        else:
            self.year.hide()
            self.quarter.hide()
        if self.spec.type_field:
            type_spec = self.spec.field(self.spec.type_field)
            filters.addWidget(QLabel(type_spec.label))
            self.type_filter.addItems([ALL, *self._store.type_choices(self.spec.key)])
            filters.addWidget(self.type_filter)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.count_label)

        self.table = QTableView()
        self.table.setModel(self.model)  # the model sorts in the database: every row
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self._fit_columns()

        label = "新增人员" if self.spec.key == "roster" else f"新增{self.spec.label}"
        self.add_button = QPushButton(label)
        self.add_button.setToolTip("快捷键 Ctrl+N")
        self.edit_button = QPushButton("修改")
        self.delete_button = QPushButton("删除")
        self.attach_button = QPushButton("佐证材料…")
        self.history_button = QPushButton("修改记录…")
        self.print_button = QPushButton("打印台账…")
        self.print_button.setToolTip("按当前筛选条件，把全部记录打印成带标题、序号的表格（PDF）")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.history_button)
        if self.spec.key != "roster":
            buttons.addWidget(self.attach_button)
        else:
            self.attach_button.hide()
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        # the colours of 整改时限 and 状态: a line of its own under the table, so the
        # buttons and the legend never make the page wider than a 1024-px screen
        self.legend = QLabel("<span style='color:#c62828'>■ 逾期</span>　"
                             "<span style='color:#b26a00'>■ 5天内到期</span>　"
                             "<span style='color:#1565c0'>■ 未到期</span>　"
                             "<span style='color:#2e7d32'>■ 已完成/长期坚持"
                             "（已填整改措施）</span>　"
                             f"<span style='color:{LATE_ENTRY_COLOUR}'>补录</span>"
                             f"：{LATE_ENTRY_MEANING}")
        self.legend.setWordWrap(True)
        self.legend.setVisible(self.spec.key == "rectification")

        self.note = hint("")  # the roster: who is marked gone without a date
        self.note.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(filters)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.legend)
        layout.addLayout(buttons)

    def _connect_signals(self) -> None:
        self.year.currentIndexChanged.connect(self.refresh)
        self.quarter.currentIndexChanged.connect(self.refresh)
        self.type_filter.currentIndexChanged.connect(self.refresh)
        self.search.textChanged.connect(lambda _text: self.search_timer.start())
        self.search.returnPressed.connect(self.refresh)  # Enter: at once
        self.search_timer.timeout.connect(self.refresh)
        self.add_button.clicked.connect(self.add_record)
        self.edit_button.clicked.connect(self._on_edit)
        self.delete_button.clicked.connect(self._on_delete)
        self.attach_button.clicked.connect(self._on_attachments)
        self.history_button.clicked.connect(self._on_history)
        self.print_button.clicked.connect(self._on_print)
        self.table.doubleClicked.connect(self._on_edit)
        self.table.installEventFilter(self)  # Enter opens the row, Delete deletes it

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._share_width()
            return False
        if watched is self.table and event.type() == QEvent.Type.KeyPress \
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._on_edit()
                return True
            if event.key() == Qt.Key.Key_Delete:
                self._on_delete()  # asks first
                return True
        return super().eventFilter(watched, event)

    # -- filtering ----------------------------------------------------------------------
    def query(self) -> Query:
        start = end = None
        if self.spec.date_field and self.year.currentText() not in ("", ALL):
            year = int(self.year.currentText())
            start, end = date(year, 1, 1), date(year, 12, 31)
            if self.quarter.currentIndex() > 0:
                quarter = Quarter(year, self.quarter.currentIndex())
                start, end = quarter.start, quarter.end
        kind = self.type_filter.currentText()
        return Query(start=start, end=end, type=None if kind in ("", ALL) else kind,
                     search=self.search.text() or None)

    def show_year(self, year: int, quarter: int | None = None) -> None:
        self.year.setCurrentText(str(year))
        self.quarter.setCurrentIndex(quarter or 0)

    def _follow_plan_types(self) -> None:
        """A plan imported (or a type renamed) since the page was built: offer its types."""
        if not self.spec.type_field:
            return
        wanted = [ALL, *self._store.type_choices(self.spec.key)]
        shown = [self.type_filter.itemText(i) for i in range(self.type_filter.count())]
        if wanted != shown:
            chosen = self.type_filter.currentText()
            self.type_filter.blockSignals(True)
            self.type_filter.clear()
            self.type_filter.addItems(wanted)
            self.type_filter.setCurrentText(chosen if chosen in wanted else ALL)
            self.type_filter.blockSignals(False)

    def follow_day(self) -> None:
        """The window left open into a new year: 年度 offers it, at the top (revdiff5 F7)."""
        if self.spec.date_field and self.year.findText(str(self._today.year)) < 0:
            self.year.insertItem(1, str(self._today.year))
        self.refresh()  # the deadline colours of the new day

    def refresh(self) -> None:
        self.search_timer.stop()  # the text typed so far is part of this query
        self._follow_plan_types()
        try:
            self.model.set_query(self.query(), self._fixed_today)
        except UserError as exc:
            QMessageBox.warning(self, "无法读取记录", str(exc))
            return
        shown = self.model.total
        self.count_label.setText(f"共 {shown} 条")
        self._size_short_texts()
        if self.spec.key == "roster":
            self._note_undated()

    def on_data_changed(self) -> None:
        """Another page changed the data (a rename in 人员名册, a 活动类型 renamed, a record
        restored): the rows shown anew, the selected one still selected if loaded."""
        chosen = self.selected_record()
        self.refresh()
        row = self.model.loaded_row(chosen.id) if chosen is not None else None
        if row is not None:
            self.table.selectRow(row)

    def _note_undated(self) -> None:
        names = self._store.gone_without_date()
        if names:
            who = "、".join(names[:3]) + (f"等{len(names)}人" if len(names) > 3 else "")
            self.note.setText(f"{who}标为不在职，但没有填写离岗日期，往季的覆盖面和逐人要求都不计入"
                              "其本人。知道离岗的日子的，请选中后按“修改”补填。")
        self.note.setVisible(bool(names))

    # -- actions ----------------------------------------------------------------------
    def selected_record(self) -> Record | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.data(rows[0], RECORD_ROLE)

    def _chosen(self, purpose: str) -> Record | None:
        """The selected record, or None after telling the user to select one first."""
        record = self.selected_record()
        if record is None:
            QMessageBox.information(self, "请先选择", f"请先在表格中选中一条记录，再{purpose}。")
        return record

    def add_record(self) -> None:
        dialog = RecordDialog(self._store, self.spec, parent=self, today=self._fixed_today)
        if dialog.exec() and dialog.saved is not None:
            self._after_change()

    def _on_print(self) -> None:
        from lianzheng_desktop.qt.print_ledger import print_ledger

        print_ledger(self, self._store, self.spec, self.query(), self._today,
                     self._paths.reports_dir)

    def select_record(self, record_id: int) -> bool:
        """Show every record and select ``record_id`` (from 查找 or 人员); False if absent."""
        self.search.clear()
        if self.spec.type_field:
            self.type_filter.setCurrentIndex(0)
        if self.spec.date_field:
            self.year.setCurrentIndex(0)
            self.quarter.setCurrentIndex(0)
        self.refresh()
        row = self.model.row_of(record_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _on_edit(self) -> None:
        shown = self._chosen("修改")
        if shown is None:
            return
        try:  # the record as it is now, not as the table read it (a rename since)
            record = self._store.get(self.spec.key, shown.id)
        except UserError as exc:  # deleted since, from another window or page
            QMessageBox.information(self, "找不到记录", str(exc))
            self.refresh()
            return
        dialog = RecordDialog(self._store, self.spec, record, parent=self, today=self._fixed_today)
        if dialog.exec() and dialog.saved is not None:
            self._after_change()

    def _on_delete(self) -> None:
        record = self._chosen("删除")
        if record is None:
            return
        from lianzheng_desktop.qt.requirement_link import linked_labels

        if not confirm_delete(self, self.spec, record,
                              linked_labels(self._store, self.spec.key, record)):
            return
        try:
            self._store.delete(self.spec.key, record.id)
        except UserError as exc:
            QMessageBox.warning(self, "不能删除", str(exc))
            return
        self._after_change()

    def _on_attachments(self) -> None:
        record = self._chosen("管理它的佐证材料")
        if record is None:
            return
        AttachmentsDialog(self._store, self._paths, self.spec, record, self).exec()

    def _on_history(self) -> None:
        from lianzheng_desktop.qt.history_dialog import HistoryDialog

        record = self._chosen("查看它的修改记录")
        if record is None:
            return
        HistoryDialog(self._store, self.spec.key, record.id, self).exec()

    def _after_change(self) -> None:
        self.refresh()
        self.changed.emit()
