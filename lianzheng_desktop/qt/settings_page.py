"""设置: the unit's profile and where the data lives."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lianzheng_desktop.core.records import UnitProfile
from lianzheng_desktop.paths import AppPaths
from lianzheng_desktop.qt.style import hint, page_title
from lianzheng_desktop.storage.store import Store


class SettingsPage(QWidget):
    profile_changed = Signal()

    def __init__(self, store: Store, paths: AppPaths, parent=None):
        super().__init__(parent)
        self._store = store
        title = page_title("设置")
        profile = store.profile()
        self.unit_name = QLineEdit(profile.unit_name)
        self.org_name = QLineEdit(profile.org_name)
        self.secretary = QLineEdit(profile.secretary_name)
        self.unit_name.setPlaceholderText("如：县总工会")
        self.org_name.setPlaceholderText("如：县总工会机关党支部")
        self.secretary.setPlaceholderText("报告人姓名")
        self.save_button = QPushButton("保存")
        self.saved_label = QLabel()
        unit_box = QGroupBox("单位信息（用于报告标题和落款）")
        form = QFormLayout(unit_box)
        form.addRow("单位名称", self.unit_name)
        form.addRow("党组织名称", self.org_name)
        form.addRow("书记（报告人）", self.secretary)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.saved_label)
        row.addStretch(1)
        form.addRow("", row)
        data_box = QGroupBox("数据保存位置")
        data = QFormLayout(data_box)
        for label, path in (("数据文件", paths.db_path), ("佐证材料", paths.attachments_dir),
                            ("自动备份", paths.backups_dir), ("错误日志", paths.log_dir)):
            value = QLabel(str(path))
            value.setTextInteractionFlags(value.textInteractionFlags().TextSelectableByMouse)
            data.addRow(label, value)
        note = hint("数据只保存在本机，不联网。请定期用“文件 → 导出 Excel”"
                    "或复制上述文件夹到 U 盘留存。")
        data.addRow(note)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(unit_box)
        layout.addWidget(data_box)
        layout.addStretch(1)
        self.save_button.clicked.connect(self._on_save)
        for field in (self.unit_name, self.org_name, self.secretary):
            field.editingFinished.connect(self._save_if_changed)

    def hideEvent(self, event) -> None:  # noqa: N802
        # Leaving the page or closing the window without 保存: what was typed is kept.
        self._save_if_changed()
        super().hideEvent(event)

    def _typed(self) -> UnitProfile:
        return UnitProfile(self.unit_name.text().strip(), self.org_name.text().strip(),
                           self.secretary.text().strip())

    def _save_if_changed(self) -> None:
        if self._typed() != self._store.profile():
            self._on_save()

    def _on_save(self) -> None:
        self._store.save_profile(self._typed())
        self.saved_label.setText("已保存。")
        self.profile_changed.emit()
