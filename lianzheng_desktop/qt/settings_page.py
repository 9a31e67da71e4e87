"""设置: the unit's profile and where the data lives.

The fields show the file as it is whenever the page is shown (the 书记 renamed in 人员名册
shows here); only what she edits is saved, a moment after she stops typing and when she
leaves the page; a save the disk refuses keeps her typing and says so on the page."""

from __future__ import annotations

from contextlib import suppress
from dataclasses import replace

from PySide6.QtCore import QTimer, Signal
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
from shiboken6 import isValid

from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.paths import AppPaths
from lianzheng_desktop.qt.style import hint, page_title
from lianzheng_desktop.storage import builtin_plan, plans
from lianzheng_desktop.storage.errors import DataFileError, circumstance_text, remedy_text
from lianzheng_desktop.storage.store import Store

SAVE_DELAY_MS = 800


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
        self.saved_label.setWordWrap(True)
        unit_box = QGroupBox("单位信息（用于报告标题和落款）")
        form = QFormLayout(unit_box)
        form.addRow("单位名称", self.unit_name)
        form.addRow("党组织名称", self.org_name)
        form.addRow("书记（报告人）", self.secretary)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.saved_label, 1)
        form.addRow("", row)
        data_box = QGroupBox("数据保存位置")
        data = QFormLayout(data_box)
        for label, path in (("数据文件", paths.db_path), ("佐证材料", paths.attachments_dir),
                            ("自动备份", paths.backups_dir), ("错误日志", paths.log_dir)):
            value = QLabel(str(path))
            value.setTextInteractionFlags(value.textInteractionFlags().TextSelectableByMouse)
            data.addRow(label, value)
        note = hint("数据只保存在本机，不联网。请定期用“文件 → 备份到…”把数据备份到 U 盘留存"
                    "（备份含全部台账、计划、报告文字和佐证材料，可用“文件 → 从备份恢复…”"
                    "找回）。")
        data.addRow(note)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(unit_box)
        layout.addWidget(data_box)
        layout.addStretch(1)
        self._fields = {"unit_name": self.unit_name, "org_name": self.org_name,
                        "secretary_name": self.secretary}
        self._shown = {key: getattr(profile, key).strip() for key in self._fields}
        self._failed = False  # the last save refused: its message stays until one goes in
        self._save_timer = QTimer(self)  # typing kept a moment after it stops (a power cut)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        # kept as typed, but a name is taken as hers only when she is done with it (保存 or
        # leaving the page): "县" alone, a pause to find the next character, must not drop
        # the shipped union plan as another unit's (reviewer revlast2, 1)
        self._save_timer.timeout.connect(lambda: self._save_if_changed(final=False))
        self._renamed_unit = False  # a unit name saved on this visit: is the plan hers?
        self.save_button.clicked.connect(lambda: self._on_save())
        for field in self._fields.values():
            field.editingFinished.connect(self._save_if_changed)
            field.textEdited.connect(lambda _text: self._save_timer.start())

    # -- what is shown: the profile as it is in the file, her typing kept ---------------
    def showEvent(self, event) -> None:  # noqa: N802
        self.reload()
        super().showEvent(event)

    def on_data_changed(self) -> None:
        """Another page changed the data (the 书记 renamed in 人员名册 renames her here)."""
        self.reload()

    def reload(self) -> None:
        """The fields as the file holds them now, except those she has edited and not yet
        saved: a rename made elsewhere shows here, and is never written back over."""
        stored = self._store.profile()
        shown = {}
        for key, field in self._fields.items():
            if field.text().strip() == self._shown[key]:  # not edited since shown
                if field.text() != getattr(stored, key):
                    field.setText(getattr(stored, key))
                shown[key] = getattr(stored, key).strip()
            else:
                shown[key] = self._shown[key]
        self._shown = shown
        if not self._failed:
            self.saved_label.clear()

    def _edited(self) -> dict[str, str]:
        """The fields she changed since they were shown (or last saved)."""
        return {key: field.text().strip() for key, field in self._fields.items()
                if field.text().strip() != self._shown[key]}

    def text_not_kept(self) -> bool:
        """Typed, and not in the file (a save the disk refused): closing would lose it."""
        return bool(self._edited())

    # -- saving -------------------------------------------------------------------------
    def hideEvent(self, event) -> None:  # noqa: N802
        # Leaving the page or closing the window without 保存: what was typed is kept (a
        # refusal is said on the page, never raised out of a Qt event). Not while the page
        # is being taken apart (the program ending): the window's closing saved it.
        if isValid(self.saved_label):
            self._save_if_changed()
        super().hideEvent(event)

    def _save_if_changed(self, final: bool = True) -> None:
        self._save_timer.stop()
        if self._edited():
            self._on_save(final)
        elif final and self._renamed_unit:  # saved while typing: now she is done with it
            self._drop_shipped_plan()

    def _on_save(self, final: bool = True) -> None:
        """Only the fields she edited go into the file; the others stay as they are there
        (a rename made in 人员名册 meanwhile is not undone)."""
        self._save_timer.stop()
        edited = self._edited()
        try:
            profile = replace(self._store.profile(), **edited)
            self._store.save_profile(profile)
        except UserError as exc:
            cause = exc.__cause__ if isinstance(exc.__cause__, DataFileError) else None
            why = circumstance_text(cause) if cause is not None else str(exc).rstrip("。")
            what = remedy_text(cause) if cause is not None else ""
            self._failed = True
            self.saved_label.setStyleSheet("color: #c62828;")
            self.saved_label.setText(f"单位信息没有保存（{why}），填写的内容仍在上面，"
                                     f"{what + '后' if what else '稍后'}再按“保存”。")
            return
        self._failed = False
        self._shown.update(edited)
        self.saved_label.setStyleSheet("")
        self.saved_label.setText("已保存。")
        self._renamed_unit |= bool({"unit_name", "org_name"} & set(edited))
        if final and self._renamed_unit:
            self._drop_shipped_plan()
        self.profile_changed.emit()

    def _drop_shipped_plan(self) -> None:
        """Another unit's file: the shipped union plan is not hers (as a first start does);
        a refusal keeps it for now, to go with the next save."""
        self._renamed_unit = False
        profile = self._store.profile()
        if profile.names_another_unit \
                and plans.plan_years(self._store) == [builtin_plan.BUILTIN_YEAR]:
            with suppress(UserError):
                builtin_plan.drop_builtin_plan(self._store)
            self.profile_changed.emit()
