"""回收站: deleted records, until emptied; 恢复 puts one back with its history."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.paths import AppPaths
from lianzheng_desktop.qt.style import hint, page_title
from lianzheng_desktop.storage import trash
from lianzheng_desktop.storage.errors import os_error_text
from lianzheng_desktop.storage.store import Store

COLUMNS = ("删除时间", "台账", "内容", "佐证材料")


class TrashPage(QWidget):
    """``changed`` fires after a restore (the ledgers and the checklist count it again)."""

    changed = Signal()

    def __init__(self, store: Store, paths: AppPaths | None = None, parent=None):
        super().__init__(parent)
        self._store, self._paths = store, paths
        self.entries: list[trash.TrashEntry] = []
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.restore_button = QPushButton("恢复选中的记录")
        self.empty_button = QPushButton("清空回收站…")
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(self.empty_button)
        layout = QVBoxLayout(self)
        layout.addWidget(page_title("回收站"))
        layout.addWidget(hint("删除的记录（连同佐证材料和人员）先放在这里，可以恢复，"
                              "直到清空回收站。删除和恢复都记入修改记录（留痕）。"))
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.restore_button.clicked.connect(self._on_restore)
        self.empty_button.clicked.connect(self._on_empty)
        self.table.doubleClicked.connect(self._on_restore)
        self.refresh()

    def refresh(self) -> None:
        self.entries = trash.entries(self._store)
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            cells = [entry.deleted_at.strftime("%Y-%m-%d %H:%M"), entry.ledger_label,
                     entry.title, f"{entry.attachments} 份" if entry.attachments else ""]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if not self.entries:
            self.table.setRowCount(1)
            empty = QTableWidgetItem("回收站是空的。")
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.table.setItem(0, 2, empty)
        self.restore_button.setEnabled(bool(self.entries))
        self.empty_button.setEnabled(bool(self.entries))

    def selected(self) -> trash.TrashEntry | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or not 0 <= rows[0].row() < len(self.entries):
            return None
        return self.entries[rows[0].row()]

    def _on_restore(self) -> None:
        entry = self.selected()
        if entry is None:
            QMessageBox.information(self, "请先选择", "请先在表格中选中要恢复的记录。")
            return
        try:
            try:
                trash.restore(self._store, entry.id)
            except trash.SameRecordError as exc:
                answer = QMessageBox.question(
                    self, "台账中已有相同的记录", f"{exc}\n\n仍要恢复吗？",
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                    QMessageBox.StandardButton.No)
                if answer != QMessageBox.StandardButton.Yes:
                    return
                trash.restore(self._store, entry.id, twice=True)
        except UserError as exc:
            QMessageBox.warning(self, "无法恢复", str(exc))
            return
        self.refresh()
        self.changed.emit()

    def _on_empty(self) -> None:
        from lianzheng_desktop.storage.backup_kept import KEEP_TRASH, trash_backup

        kept = self._paths is not None and str(self._paths.db_path) != ":memory:"
        answer = QMessageBox.question(
            self, "清空回收站", f"回收站中的 {len(self.entries)} 条记录将被永久删除，"
            "在软件中不能再恢复。" + ("清空前会先把现有数据备份一份（“清空回收站前备份”，"
                             f"保留最近 {KEEP_TRASH} 次的），日后如需找回，可从这份备份中恢复。"
                             if kept else "") + "确定清空吗？",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        if kept:
            assert self._paths is not None
            try:
                QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # seconds, with 附件
                try:
                    trash_backup(self._store, self._paths)
                finally:
                    QApplication.restoreOverrideCursor()
            except (UserError, OSError) as exc:
                why = os_error_text(exc) if isinstance(exc, OSError) else str(exc)
                QMessageBox.warning(self, "回收站没有清空", f"清空前的备份没有完成：{why}\n\n"
                                    "回收站中的记录都还在。请处理后再清空。")
                return
        trash.empty(self._store)
        self.refresh()
