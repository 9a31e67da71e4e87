"""One input widget per field kind, each able to show and return a raw value."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QColor
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
    QVBoxLayout,
    QWidget,
)

from lianzheng_desktop.core import vocab
from lianzheng_desktop.core.ledgers import FieldSpec, Kind
from lianzheng_desktop.qt.day import FollowsToday

NO_DATE = "（未填）"
TO_CHOOSE = "（请选择）"
# Required dates that start empty and must be chosen: today would be a plausible wrong
# answer (an item due the day it is found is 逾期 the next day).
CHOSEN_DATES = ("deadline",)


def starts_empty(spec: FieldSpec) -> bool:
    """A date the form does not fill in: an optional one, or one to be chosen."""
    return spec.kind is Kind.DATE and (not spec.required or spec.key in CHOSEN_DATES)


def _button(text: str, tip: str = "") -> QPushButton:
    """A small button inside a form: Enter never presses it (Enter saves the form)."""
    button = QPushButton(text)
    button.setAutoDefault(False)
    button.setDefault(False)
    if tip:
        button.setToolTip(tip)
    return button


def _left_note(left: date) -> str:
    return f"已于 {left:%Y-%m-%d} 离岗；补录此前的记录时可选"


class FieldWidget(FollowsToday, QWidget):
    """Wraps the real input; ``value()`` gives what ``build_record`` accepts.

    ``roster`` is the serving staff (name → role), in the roster's order; ``former`` those
    who have left on a known day (name → (role, 离岗日期)), offered after them for a record
    entered late (补录) of a time they were still in post. 全选 and the role buttons tick
    those ``in_post()`` names — the people in post on the form's date — or else the serving.
    ``today`` is the app's today (``--today``), for date defaults and the 今天 button.
    """

    def __init__(self, spec: FieldSpec, roster: dict[str, str], today: date | None = None,
                 parent=None, choices: tuple[str, ...] | None = None,
                 former: dict[str, tuple[str, date]] | None = None,
                 in_post: Callable[[], set[str]] | None = None):
        super().__init__(parent)
        self.spec = spec
        self._choices = choices if choices is not None else spec.choices  # + a plan's types
        self._roster = roster
        self._former = former or {}
        self._roles = {**{name: role for name, (role, _) in self._former.items()}, **roster}
        self._in_post = in_post
        self._fixed_today = today
        # Called after each change. (Not a Qt Signal: PySide6 6.12's Signal.emit miscounts
        # references to True, and a form emits on every keystroke.)
        self.listeners: list[Callable[[], None]] = []
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.input = self._make(spec, list(roster))
        if spec.kind is Kind.PEOPLE:
            layout.addLayout(self._people_buttons(), 0)
        layout.addWidget(self.input, 1)
        if spec.kind is Kind.DATE and not spec.required:
            # An empty optional date would otherwise start from 1999 when first changed.
            today_button = _button("今天", "填入今天的日期")
            today_button.clicked.connect(lambda: self.set_value(self._today))
            clear = _button("清除")
            clear.clicked.connect(lambda: self.set_value(None))
            layout.addWidget(today_button)
            layout.addWidget(clear)
        self._connect_changed()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        edit = self.input
        if event.type() == QEvent.Type.Show and isinstance(edit, QDateEdit) \
                and watched is edit.calendarWidget() and edit.date() == edit.minimumDate():
            watched.setCurrentPage(self._today.year, self._today.month)
        return super().eventFilter(watched, event)

    def _people_buttons(self) -> QVBoxLayout:
        """全部在职人员 / by role / 清空, beside the list of names to tick."""
        column = QVBoxLayout()
        column.setSpacing(2)
        everyone = _button("全选", "勾选全部在职人员")
        everyone.clicked.connect(lambda: self.tick(lambda role: True))
        column.addWidget(everyone)
        for role, text in ((vocab.ROLE_LEADER, "班子成员"), (vocab.ROLE_MEMBER, "党员")):
            if role in self._roster.values():
                button = _button(f"+{text}", f"加上全部在职的{text}")
                roles = ((vocab.ROLE_SECRETARY, vocab.ROLE_LEADER)
                         if role == vocab.ROLE_LEADER else (role,))
                button.clicked.connect(
                    lambda _=False, roles=roles: self.tick(lambda who: who in roles, keep=True))
                column.addWidget(button)
        clear = _button("清空", "取消全部勾选")
        clear.clicked.connect(lambda: self.set_value(()))
        column.addWidget(clear)
        column.addStretch(1)
        return column

    def tick(self, wanted, keep: bool = False) -> None:
        """Tick those in post whose role ``wanted`` accepts; ``keep`` the others' ticks."""
        widget = self.input
        serving = self._in_post() if self._in_post is not None else set(self._roster)
        widget.blockSignals(True)  # one change, not one per name
        try:
            for i in range(widget.count()):
                item = widget.item(i)
                role = self._roles.get(item.text())
                if role is not None and item.text() in serving and wanted(role):
                    item.setCheckState(Qt.CheckState.Checked)
                elif not keep:
                    item.setCheckState(Qt.CheckState.Unchecked)
        finally:
            widget.blockSignals(False)
        self._on_input_changed()

    def _connect_changed(self) -> None:
        widget, kind = self.input, self.spec.kind
        signal = {Kind.DATE: "dateChanged", Kind.CHOICE: "currentTextChanged",
                  Kind.PERSON: "currentTextChanged", Kind.PEOPLE: "itemChanged",
                  Kind.COUNT: "valueChanged", Kind.BOOL: "stateChanged"}.get(kind, "textChanged")
        getattr(widget, signal).connect(self._on_input_changed)

    def _on_input_changed(self, *_args) -> None:
        for listener in self.listeners:
            listener()

    def _make(self, spec: FieldSpec, roster: list[str]) -> QWidget:
        kind = spec.kind
        if kind is Kind.DATE:
            edit = QDateEdit()
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            if starts_empty(spec):
                edit.setMinimumDate(QDate(1999, 12, 31))
                edit.setSpecialValueText(NO_DATE if not spec.required else TO_CHOOSE)
                edit.setDate(edit.minimumDate())
                # the calendar opens on this month, not on December 1999
                edit.calendarWidget().installEventFilter(self)
            else:
                edit.setDate(QDate(self._today.year, self._today.month, self._today.day))
            return edit
        if kind is Kind.CHOICE:
            combo = QComboBox()
            if not spec.required:
                combo.addItem("")
            combo.addItems(list(self._choices))
            return combo
        if kind is Kind.PERSON:
            combo = QComboBox()
            combo.setEditable(spec.free)  # a free name: someone from outside the roster
            if spec.free:
                combo.lineEdit().setPlaceholderText("选择，或直接输入名册外人员的姓名")
                combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            combo.addItem("")
            combo.addItems(roster)
            for name, (_, left) in self._former.items():
                combo.addItem(name)
                combo.setItemData(combo.count() - 1, _left_note(left), Qt.ItemDataRole.ToolTipRole)
            return combo
        if kind is Kind.PEOPLE:
            people = QListWidget()
            people.setObjectName(f"people_{spec.key}")
            for name in [*roster, *self._former]:
                item = QListWidgetItem(name)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                if name in self._former:  # grey: not serving now
                    item.setToolTip(_left_note(self._former[name][1]))
                    item.setForeground(QColor("#808080"))
                people.addItem(item)
            people.setFlow(QListWidget.Flow.LeftToRight)
            people.setWrapping(True)
            people.setMaximumHeight(96)
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
            if isinstance(value, str) and value:
                value = date.fromisoformat(value)  # from a saved draft
            if isinstance(value, date):
                widget.setDate(QDate(value.year, value.month, value.day))
            elif starts_empty(self.spec):
                widget.setDate(widget.minimumDate())
        elif kind in (Kind.CHOICE, Kind.PERSON):
            text = str(value or "")
            if widget.findText(text) < 0:
                widget.addItem(text)  # e.g. a person who has since left
            widget.setCurrentIndex(widget.findText(text))
        elif kind is Kind.PEOPLE:
            chosen = set(value or ())
            present = {widget.item(i).text() for i in range(widget.count())}
            widget.blockSignals(True)  # one change, not one per name
            for name in sorted(chosen - present):
                item = QListWidgetItem(name)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                widget.addItem(item)
            for i in range(widget.count()):
                item = widget.item(i)
                item.setCheckState(Qt.CheckState.Checked if item.text() in chosen
                                   else Qt.CheckState.Unchecked)
            widget.blockSignals(False)
            self._on_input_changed()
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
            if starts_empty(self.spec) and widget.date() == widget.minimumDate():
                return None
            qdate = widget.date()
            return date(qdate.year(), qdate.month(), qdate.day())
        if kind in (Kind.CHOICE, Kind.PERSON):
            return widget.currentText().strip()
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
