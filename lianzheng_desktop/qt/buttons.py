"""The accept / cancel row every dialog has, labelled in Chinese (Qt's own are English)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox


def accept_cancel(accept: str = "保存", cancel: str = "取消") -> QDialogButtonBox:
    """Enter presses the accept button; Esc cancels (the dialog's own behaviour)."""
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                           | QDialogButtonBox.StandardButton.Cancel)
    save = box.button(QDialogButtonBox.StandardButton.Save)
    save.setText(accept)
    save.setDefault(True)
    box.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel)
    return box
