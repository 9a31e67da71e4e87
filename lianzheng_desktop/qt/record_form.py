"""The form for one record of any ledger: built from its spec, checked by core."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from lianzheng_desktop.core.errors import UserError, ValidationError
from lianzheng_desktop.core.ledgers import LedgerSpec, to_values
from lianzheng_desktop.core.records import Record
from lianzheng_desktop.qt.buttons import accept_cancel
from lianzheng_desktop.qt.field_widgets import FieldWidget
from lianzheng_desktop.storage.store import Store

ERROR_STYLE = "color: #c62828;"


class RecordDialog(QDialog):
    """Add (record None) or edit one record. Nothing invalid is saved."""

    def __init__(self, store: Store, spec: LedgerSpec, record: Record | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._store, self._spec, self._record = store, spec, record
        self.saved: Record | None = None
        self.setWindowTitle(f"{'修改' if record else '新增'}{spec.label}记录")
        self.setMinimumWidth(560)
        roster = [p.name for p in store.list("roster") if p.active]  # 书记, 班子成员 first
        self.fields: dict[str, FieldWidget] = {}
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        for field in spec.fields:
            widget = FieldWidget(field, roster)
            error = QLabel()
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            holder = QWidget()
            box = QVBoxLayout(holder)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(2)
            box.addWidget(widget)
            box.addWidget(error)
            label = QLabel(field.label + ("<span style='color:#c62828'> *</span>"
                                          if field.required else ""))
            label.setTextFormat(Qt.TextFormat.RichText)
            form.addRow(label, holder)
            self.fields[field.key] = widget
            self.errors[field.key] = error
        if record is not None:
            for key, value in to_values(spec, record).items():
                self.fields[key].set_value(value)
        self.general_error = QLabel()
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        buttons = accept_cancel()
        self._buttons = buttons
        hint = QLabel("带 <span style='color:#c62828'>*</span> 的为必填项。")
        hint.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self._buttons.accepted.connect(self._on_save)
        self._buttons.rejected.connect(self.reject)
        # Enter saves even from a multi-line box (Ctrl+Enter there), Esc cancels (QDialog).
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self._on_save)

    def values(self) -> dict[str, object]:
        return {key: widget.value() for key, widget in self.fields.items()}

    def _clear_errors(self) -> None:
        for label in self.errors.values():
            label.hide()
        self.general_error.hide()

    def _on_save(self) -> None:
        self._clear_errors()
        try:
            if self._record is None:
                self.saved = self._store.add(self._spec.key, self.values())
            else:
                self.saved = self._store.update(self._spec.key, self._record.id, self.values())
        except ValidationError as exc:
            for error in exc.errors:
                label = self.errors.get(error.field)
                if label is None:
                    label = self.general_error
                label.setText(error.message)
                label.show()
            first = exc.errors[0].field
            if first in self.fields:
                self.fields[first].input.setFocus()
            return
        except UserError as exc:
            self.general_error.setText(str(exc))
            self.general_error.show()
            return
        self.accept()


def confirm_delete(parent: QWidget, spec: LedgerSpec, record: Record) -> bool:
    title = str(getattr(record, spec.title_field, "") or "")
    when = getattr(record, spec.date_field, None) if spec.date_field else None
    what = f"{when.isoformat() + ' ' if when else ''}{title[:30]}"
    answer = QMessageBox.question(
        parent, "确认删除", f"确定要删除这条{spec.label}记录吗？\n\n{what}\n\n删除后无法在此恢复。",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


