"""One input widget per field kind, each able to show and return a raw value."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from lianzheng_desktop.core.ledgers import FieldSpec, Kind

NO_DATE = "（未填）"


class FieldWidget(QWidget):
    """Wraps the real input; ``value()`` gives what ``build_record`` accepts."""

    def __init__(self, spec: FieldSpec, roster: list[str], parent=None):
        super().__init__(parent)
        self.spec = spec
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.input = self._make(spec, roster)
        layout.addWidget(self.input, 1)
        if spec.kind is Kind.DATE and not spec.required:
            # An empty optional date would otherwise start from 1999 when first changed.
            today = QPushButton("今天")
            today.setToolTip("填入今天的日期")
            today.clicked.connect(lambda: self.set_value(date.today()))
            clear = QPushButton("清除")
            clear.clicked.connect(lambda: self.set_value(None))
            layout.addWidget(today)
            layout.addWidget(clear)

    def _make(self, spec: FieldSpec, roster: list[str]) -> QWidget:
        kind = spec.kind
        if kind is Kind.DATE:
            edit = QDateEdit()
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            if not spec.required:
                edit.setMinimumDate(QDate(1999, 12, 31))
                edit.setSpecialValueText(NO_DATE)
                edit.setDate(edit.minimumDate())
            else:
                edit.setDate(QDate.currentDate())
            return edit
        if kind is Kind.CHOICE:
            combo = QComboBox()
            if not spec.required:
                combo.addItem("")
            combo.addItems(list(spec.choices))
            return combo
        if kind is Kind.PERSON:
            combo = QComboBox()
            combo.setEditable(False)
            combo.addItem("")
            combo.addItems(roster)
            return combo
        if kind is Kind.PEOPLE:
            people = QListWidget()
            people.setObjectName(f"people_{spec.key}")
            for name in roster:
                item = QListWidgetItem(name)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                people.addItem(item)
            people.setFlow(QListWidget.Flow.LeftToRight)
            people.setWrapping(True)
            people.setMaximumHeight(88)
            return people
        if kind is Kind.COUNT:
            spin = QSpinBox()
            spin.setRange(0, 100_000)
            spin.setSuffix(" 人")
            return spin
        if kind is Kind.BOOL:
            return QCheckBox("是")
        if kind is Kind.LONGTEXT:
            text = QPlainTextEdit()
            text.setTabChangesFocus(True)
            text.setMaximumHeight(90)
            return text
        return QLineEdit()

    def set_value(self, value: object) -> None:
        widget, kind = self.input, self.spec.kind
        if kind is Kind.DATE:
            if isinstance(value, date):
                widget.setDate(QDate(value.year, value.month, value.day))
            elif not self.spec.required:
                widget.setDate(widget.minimumDate())
        elif kind in (Kind.CHOICE, Kind.PERSON):
            text = str(value or "")
            if widget.findText(text) < 0:
                widget.addItem(text)  # e.g. a person who has since left
            widget.setCurrentText(text)
        elif kind is Kind.PEOPLE:
            chosen = set(value or ())
            present = {widget.item(i).text() for i in range(widget.count())}
            for name in chosen - present:
                item = QListWidgetItem(name)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                widget.addItem(item)
            for i in range(widget.count()):
                item = widget.item(i)
                item.setCheckState(Qt.CheckState.Checked if item.text() in chosen
                                   else Qt.CheckState.Unchecked)
        elif kind is Kind.COUNT:
            widget.setValue(int(value or 0))
        elif kind is Kind.BOOL:
            widget.setChecked(bool(value))
        elif kind is Kind.LONGTEXT:
            widget.setPlainText(str(value or ""))
        else:
            widget.setText(str(value or ""))

    def value(self) -> object:
        widget, kind = self.input, self.spec.kind
        if kind is Kind.DATE:
            if not self.spec.required and widget.date() == widget.minimumDate():
                return None
            qdate = widget.date()
            return date(qdate.year(), qdate.month(), qdate.day())
        if kind in (Kind.CHOICE, Kind.PERSON):
            return widget.currentText()
        if kind is Kind.PEOPLE:
            return tuple(widget.item(i).text() for i in range(widget.count())
                         if widget.item(i).checkState() == Qt.CheckState.Checked)
        if kind is Kind.COUNT:
            return widget.value() or None
        if kind is Kind.BOOL:
            return widget.isChecked()
        if kind is Kind.LONGTEXT:
            return widget.toPlainText()
        return widget.text()
