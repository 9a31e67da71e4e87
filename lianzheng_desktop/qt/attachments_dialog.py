"""佐证材料 of one record: add (copied into the app's data), open, remove."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.core.ledgers import LedgerSpec
from lianzheng_desktop.core.records import Record
from lianzheng_desktop.paths import AppPaths
from lianzheng_desktop.storage.attachments import (
    add_attachment,
    list_attachments,
    open_path,
    remove_attachment,
)
from lianzheng_desktop.storage.store import Store


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{max(1, n // 1024)} KB"


class AttachmentsDialog(QDialog):
    def __init__(self, store: Store, paths: AppPaths, spec: LedgerSpec, record: Record,
                 parent=None):
        super().__init__(parent)
        self._store, self._paths, self._spec, self._record = store, paths, spec, record
        self.setWindowTitle(f"佐证材料 — {spec.label}")
        self.setMinimumSize(520, 320)
        title = str(getattr(record, spec.title_field, ""))[:40]
        info = QLabel(f"记录：{title}\n文件会复制保存到本软"
                      "件的数据文件夹中，原文件移动或删除不受影响。")
        info.setWordWrap(True)
        self.files = QListWidget()
        self.add_button = QPushButton("添加文件…")
        self.open_button = QPushButton("打开")
        self.remove_button = QPushButton("移除")
        close = QPushButton("关闭")
        buttons = QHBoxLayout()
        for button in (self.add_button, self.open_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addWidget(self.files, 1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self._on_add)
        self.open_button.clicked.connect(self._on_open)
        self.remove_button.clicked.connect(self._on_remove)
        self.files.itemDoubleClicked.connect(self._on_open)
        close.clicked.connect(self.accept)
        self.reload()

    def reload(self) -> None:
        self.files.clear()
        for attachment in list_attachments(self._store, self._spec.key, self._record.id):
            when = attachment.added_at.strftime("%Y-%m-%d") if attachment.added_at else ""
            item = QListWidgetItem(f"{attachment.file_name}　（{_size(attachment.size)}"
                                   f"，{when} 添加）")
            item.setData(256, attachment)
            self.files.addItem(item)

    def add_files(self, files: list[str]) -> None:
        for name in files:
            try:
                add_attachment(self._store, self._paths.attachments_dir, self._spec.key,
                               self._record.id, Path(name))
            except UserError as exc:
                QMessageBox.warning(self, "未能添加", str(exc))
        self.reload()

    def _on_add(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, "选择佐证材料（照片、签到表、会议记录等）")
        if files:
            self.add_files(files)

    def _current(self):
        item = self.files.currentItem()
        return item.data(256) if item else None

    def _on_open(self) -> None:
        attachment = self._current()
        if attachment is None:
            return
        try:
            path = open_path(self._paths.attachments_dir, attachment)
        except UserError as exc:
            QMessageBox.warning(self, "无法打开", str(exc))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _on_remove(self) -> None:
        attachment = self._current()
        if attachment is None:
            return
        answer = QMessageBox.question(self, "确认移除",
                                      f"从这条记录中移除“{attachment.file_name}”？")
        if answer == QMessageBox.StandardButton.Yes:
            remove_attachment(self._store, attachment.id)
            self.reload()
