"""A record's history (留痕): every create, change and delete, field by field."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from lianzheng_desktop.core.ledgers import LEDGERS
from lianzheng_desktop.storage.store import Store


def _shown(value: object) -> str:
    if value is None or value == "":
        return "（空）"
    if isinstance(value, list):
        return "、".join(str(v) for v in value) or "（空）"
    if isinstance(value, bool):
        return "是" if value else "否"
    text = str(value)
    return text if len(text) <= 60 else text[:60] + "…"


class HistoryDialog(QDialog):
    def __init__(self, store: Store, ledger: str, record_id: int, parent=None):
        super().__init__(parent)
        spec = LEDGERS[ledger]
        self.setWindowTitle(f"修改记录（留痕）— {spec.label}")
        self.setMinimumSize(720, 420)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["时间", "操作", "项目", "原内容", "新内容"])
        for entry in store.history(ledger, record_id):
            top = QTreeWidgetItem([entry.at.strftime("%Y-%m-%d %H:%M"), entry.action_label,
                                   "", "", ""])
            self.tree.addTopLevelItem(top)
            if entry.action == "update":
                for label, old, new in entry.changes():
                    top.addChild(QTreeWidgetItem(["", "", label, _shown(old), _shown(new)]))
            top.setExpanded(True)
        for column, width in enumerate((130, 60, 110, 200)):
            self.tree.setColumnWidth(column, width)
        note = QLabel("每次新建、修改、删除、恢复都自动记录，且前后相连，"
                      "在软件之外改动数据文件可被“检查数据”发现。")
        note.setWordWrap(True)
        close = QPushButton("关闭")
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.tree, 1)
        layout.addWidget(close)
