"""查找: one box that searches every ledger as the secretary types.

The query runs when typing pauses (``PAUSE_MS``), not on every key; on the index of
migration 0010 it takes a few milliseconds even on 100,000 records, so it runs on the
window's thread without holding up the next keystroke.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lianzheng_desktop.core.ledgers import LEDGERS
from lianzheng_desktop.qt.style import hint, page_title
from lianzheng_desktop.storage import search
from lianzheng_desktop.storage.search import Hit
from lianzheng_desktop.storage.store import Store

PAUSE_MS = 250
PAGE = 200  # rows listed; the count says how many there are in all
ALL = "全部台账"
COLUMNS = ("台账", "日期", "标题", "相关内容")
HIT_ROLE = Qt.ItemDataRole.UserRole


class SearchPage(QWidget):
    """``open_record(ledger, record_id)`` asks the window to show that record's ledger."""

    open_record = Signal(str, int)

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self._store = store
        self.queries_run = 0  # for tests: how many times the store was asked
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PAUSE_MS)
        self._build()
        self.box.textChanged.connect(lambda _text: self.timer.start())
        self.ledger.currentIndexChanged.connect(lambda _i: self.run_search())
        self.timer.timeout.connect(self.run_search)
        self.table.itemDoubleClicked.connect(self._on_double_click)

    def _build(self) -> None:
        self.box = QLineEdit()
        self.box.setPlaceholderText("输入要查找的文字或姓名，如“赵明”“巡察整改”，可用空格分开几个词")
        self.box.setClearButtonEnabled(True)
        self.ledger = QComboBox()
        self.ledger.addItem(ALL, None)
        for spec in LEDGERS.values():
            self.ledger.addItem(spec.label, spec.key)
        self.count_label = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.box, 1)
        bar.addWidget(QLabel("范围"))
        bar.addWidget(self.ledger)
        bar.addWidget(self.count_label)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((84, 96, 300)):
            self.table.setColumnWidth(column, width)

        layout = QVBoxLayout(self)
        layout.addWidget(page_title("查找"))
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint("在所有台账的主题、内容和人员姓名中查找。双击一行打开它所在的台账。"))

    # -- searching ----------------------------------------------------------------------
    def run_search(self) -> None:
        """Search now for what the box holds (the pause timer calls this)."""
        self.timer.stop()
        text = self.box.text().strip()
        if not text:
            self._show(0, [], "")
            return
        self.queries_run += 1
        total, hits = search.search(self._store, text, self.ledger.currentData(), limit=PAGE)
        self._show(total, hits, text)

    def refresh(self) -> None:
        """Run the current search again (after records changed elsewhere)."""
        self.run_search()

    def _show(self, total: int, hits: list[Hit], text: str) -> None:
        self.table.setRowCount(len(hits))
        for row, found in enumerate(hits):
            day = found.day.isoformat() if found.day else ""
            cells = (LEDGERS[found.ledger].label, day, found.title, found.snippet)
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(HIT_ROLE, found)
                if column == 3:
                    item.setToolTip(found.snippet)
                self.table.setItem(row, column, item)
        if not text:
            self.count_label.setText("")
        elif total == 0:
            self.count_label.setText("没有找到")
        elif total > len(hits):
            self.count_label.setText(f"共 {total} 条，列出最新的 {len(hits)} 条")
        else:
            self.count_label.setText(f"共 {total} 条")

    def hit_at(self, row: int) -> Hit:
        return self.table.item(row, 0).data(HIT_ROLE)

    def _on_double_click(self, item: QTableWidgetItem) -> None:
        found: Hit = item.data(HIT_ROLE)
        self.open_record.emit(found.ledger, found.record_id)
