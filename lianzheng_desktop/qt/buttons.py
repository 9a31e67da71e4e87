"""The accept / cancel row every dialog has, labelled in Chinese (Qt's own are English)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWidget


def accept_cancel(accept: str = "保存", cancel: str = "取消") -> QDialogButtonBox:
    """Enter presses the accept button; Esc cancels (the dialog's own behaviour)."""
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                           | QDialogButtonBox.StandardButton.Cancel)
    save = box.button(QDialogButtonBox.StandardButton.Save)
    save.setText(accept)
    save.setDefault(True)
    box.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel)
    return box


def confirm_discard(parent: QWidget, title: str, text: str, keep: str) -> bool:
    """Whether to give up what was typed: 放弃, or ``keep`` (the default, and Esc)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    give_up = box.addButton("放弃", QMessageBox.ButtonRole.DestructiveRole)
    kept = box.addButton(keep, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(kept)
    box.setEscapeButton(kept)
    box.exec()
    return box.clickedButton() is give_up
