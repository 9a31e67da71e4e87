"""计划中新增的活动类型: the types plans added (政治学习, 党小组会 …), renamed or merged."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.storage.store import Store


class TypesDialog(QDialog):
    """The types plans added (政治学习, 党小组会 …): rename one, or merge it into another."""

    LEDGERS = (("activity", "会议活动"), ("talk", "谈话记录"), ("warning_education", "警示教育"))

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self._store = store
        self.setWindowTitle("计划中新增的活动类型")
        self.setMinimumSize(460, 360)
        self.list = QListWidget()
        self.rename_button = QPushButton("改名或并入…")
        self.rename_button.clicked.connect(self._on_rename)
        close = QPushButton("关闭")
        close.clicked.connect(self.accept)
        note = QLabel("导入工作要点时，软件自带类型以外的活动（如政治学习、党小组会）会作为新类型"
                      "加入，录入记录时可以选择。改名时，已录入的记录和计划中的要求随之更改；"
                      "改成已有的类型名称，即并入该类型。")
        note.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.rename_button)
        bar.addStretch(1)
        bar.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.list, 1)
        layout.addLayout(bar)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        self.entries: list[tuple[str, str]] = []
        for key, label in self.LEDGERS:
            for name in self._store.plan_types(key):
                self.entries.append((key, name))
                self.list.addItem(f"{name}（{label}）")
        if not self.entries:
            self.list.addItem("（目前没有计划新增的类型）")
        self.rename_button.setEnabled(bool(self.entries))

    def _on_rename(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.entries):
            QMessageBox.information(self, "请先选择", "请先在列表中选中一个类型。")
            return
        key, name = self.entries[row]
        choices = [t for t in self._store.type_choices(key) if t != name]
        new, ok = QInputDialog.getItem(self, "改名或并入", f"把“{name}”改为（可直接输入新名称，"
                                       "或选择已有类型以并入）：", [name, *choices], 0, True)
        if not ok or new.strip() in ("", name):
            return
        if new.strip() in choices and QMessageBox.question(
                self, "并入已有类型", f"把“{name}”并入“{new.strip()}”后，类型为“{name}”的记录都改为"
                f"“{new.strip()}”，计划中的要求随之更改；并入后不能再分开。\n\n确定并入吗？"
        ) != QMessageBox.StandardButton.Yes:
            return
        try:
            changed = self._store.rename_plan_type(key, name, new.strip())
        except UserError as exc:
            QMessageBox.warning(self, "未能更改", str(exc))
            return
        QMessageBox.information(self, "已更改", f"“{name}”已改为“{new.strip()}”，"
                                f"{changed} 条记录随之更改。")
        self.refresh()
