"""Editing one requirement of the plan: what counts, how often, how many."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from lianzheng_desktop.core.errors import UserError, ValidationError
from lianzheng_desktop.core.ledgers import LEDGERS
from lianzheng_desktop.core.plan import Counts, Period, Requirement, Role, validate_requirement
from lianzheng_desktop.qt.buttons import accept_cancel, confirm_discard
from lianzheng_desktop.qt.screen_fit import fit_to_screen, scroll_area

_LEDGER_CHOICES = [("", "（不对应台账，手工标记）"), ("warning_education", "警示教育"),
                   ("talk", "谈话记录"), ("activity", "会议活动"), ("rectification", "整改事项")]
NONE = -1
DRAFT_DELAY_MS = 400  # typing kept this long after it stops (as the record forms do)
LABEL_TIP = ("计入的记录在季度责任清单和报告中的叫法，如填“专题会议”，清单中写作"
             "“已召开专题会议 2 次”；不填则用所选台账的名称")


def describe(requirement: Requirement) -> str:
    return requirement.describe()


def _enum(kind, value):
    """Qt hands a str-based enum back as a plain str; make it the enum again."""
    return kind(value) if value else None


def _optional_spin(maximum: int, suffix: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(NONE, maximum)
    spin.setSpecialValueText("不要求")
    spin.setSuffix(suffix)
    return spin


class RequirementDialog(QDialog):
    """``plan_types``: per ledger, the types plans added (政治学习 …), offered beside the
    built-in ones. ``keep``: called with the form as it stands a moment after each change,
    so that a power cut loses nothing typed; it raises UserError if it could not keep it.
    ``opened_from``: a draft being gone on with: the form opens with it, changed; ``said``
    above the fields (restored, and whether the requirement changed since)."""

    def __init__(self, requirement: Requirement, parent=None,
                 plan_types: dict[str, tuple[str, ...]] | None = None,
                 keep: Callable[[Requirement], None] | None = None,
                 opened_from: Requirement | None = None, said: str = ""):
        super().__init__(parent)
        self._original = requirement
        self._plan_types = dict(plan_types or {})
        for shown in (requirement, opened_from):  # a draft's new types
            if shown is not None and shown.counts and shown.counts.types:
                own = self._plan_types.get(shown.counts.ledger, ())
                self._plan_types[shown.counts.ledger] = (
                    *own, *(t for t in shown.counts.types if t not in own))
        self.result: Requirement = requirement
        self.setWindowTitle("修改要求" if requirement.text else "新增要求")
        self.setMinimumWidth(560)
        self.item = QLineEdit(requirement.item)
        self.text = QPlainTextEdit(requirement.text)
        self.text.setMaximumHeight(70)
        self.ledger = QComboBox()
        for key, label in _LEDGER_CHOICES:
            self.ledger.addItem(label, key)
        self.types = QListWidget()
        self.types.setMaximumHeight(90)
        self.label = QLineEdit(requirement.counts.label if requirement.counts else "")
        self.period = QComboBox()
        self.period.addItem("不限（全年内有即可）", None)
        for period in Period:
            self.period.addItem(period.label, period)
        self.target = _optional_spin(1000, f" {requirement.unit}")
        self.coverage = _optional_spin(100, " %")
        self.share = _optional_spin(100, " %")
        self.role = QComboBox()
        self.role.addItem("未写明", None)
        for role in Role:
            self.role.addItem(role.label, role)
        self.manual_done = QCheckBox("已完成（无数量指标的条目）")
        self.note = QLineEdit(requirement.note)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow("条目编号", self.item)
        form.addRow("要求内容", self.text)
        form.addRow("计入哪类记录", self.ledger)
        form.addRow("其中哪些类型", self.types)
        called = QLabel("清单中称为")
        called.setToolTip(LABEL_TIP)
        self.label.setToolTip(LABEL_TIP)
        self.label.setPlaceholderText("如“专题会议”；不填则用台账名称")
        form.addRow(called, self.label)
        form.addRow("周期", self.period)
        form.addRow("次数不少于", self.target)
        form.addRow("覆盖面达到", self.coverage)
        form.addRow("“一对一”问题性约谈比例", self.share)
        form.addRow("责任主体", self.role)
        form.addRow("手工标记", self.manual_done)
        form.addRow("备注", self.note)
        buttons = accept_cancel()
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        fields = QWidget()  # scrolls on a low screen; 保存 and 取消 stay in view
        fields.setLayout(form)
        form.setContentsMargins(0, 0, 0, 0)
        self.scroll = scroll_area(fields)
        layout = QVBoxLayout(self)
        self.said = QLabel(said)  # a draft gone on with: restored, and what changed since
        self.said.setWordWrap(True)
        self.said.setStyleSheet("color: #b26a00;")
        self.said.setVisible(bool(said))
        layout.addWidget(self.said)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.ledger.currentIndexChanged.connect(self._on_ledger_changed)
        self._load(requirement)
        self._as_opened = self.built()
        if opened_from is not None:
            self._load(opened_from)
        self._keep = keep
        self.kept = False  # something typed here was handed to ``keep``
        self._keep_failed = False  # the last keep the file refused (draft_not_kept)
        self.put_aside = False  # closed by the window closing: its draft is not given up
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.keep_draft)
        for signal in (self.item.textChanged, self.text.textChanged, self.label.textChanged,
                       self.note.textChanged, self.ledger.currentIndexChanged,
                       self.types.itemChanged, self.period.currentIndexChanged,
                       self.target.valueChanged, self.coverage.valueChanged,
                       self.share.valueChanged, self.role.currentIndexChanged,
                       self.manual_done.toggled):
            signal.connect(self._draft_timer.start)
        fit_to_screen(self, area=self.scroll)

    def keep_draft(self) -> None:
        """Hand the form as it stands to ``keep``, if it differs from what was opened."""
        self._draft_timer.stop()
        if self._keep is None or self.built() == self._as_opened:
            return
        try:
            self._keep(self.built())
            self.kept, self._keep_failed = True, False
        except UserError as exc:  # the form itself still holds the text
            self._keep_failed = True
            self.error.setText(str(exc))

    def draft_not_kept(self) -> bool:
        """Typed and not in the file even now (the disk full): closing would lose it."""
        self.keep_draft()
        return self._keep_failed and self.built() != self._as_opened

    def done(self, result: int) -> None:
        self._draft_timer.stop()  # saved or given up: nothing more to keep
        super().done(result)

    def put_away(self) -> None:
        """The window is closing under the form (a restore, another data file): what is
        typed stays a draft, offered next time, and nothing is asked."""
        self.keep_draft()
        self.put_aside = True
        super().reject()

    def reject(self) -> None:
        """取消, Esc or the close button: ask first if what was typed would be lost."""
        if self.built() != self._as_opened and not confirm_discard(
                self, "放弃修改？", "这项要求的修改还没有保存。\n\n要放弃这些修改吗？", "继续修改"):
            return
        super().reject()

    def _load(self, requirement: Requirement) -> None:
        self.item.setText(requirement.item)
        self.text.setPlainText(requirement.text)
        self.label.setText(requirement.counts.label if requirement.counts else "")
        self.note.setText(requirement.note)
        ledger = requirement.counts.ledger if requirement.counts else ""
        self.ledger.setCurrentIndex(max(0, self.ledger.findData(ledger)))
        self._on_ledger_changed()
        chosen = set(requirement.counts.types) if requirement.counts else set()
        for i in range(self.types.count()):
            item = self.types.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.text() in chosen
                               else Qt.CheckState.Unchecked)
        self.period.setCurrentIndex(max(0, self.period.findData(requirement.period)))
        for spin, value in ((self.target, requirement.target),
                            (self.coverage, requirement.coverage),
                            (self.share, requirement.share)):
            spin.setValue(NONE if value is None else value)
        self.role.setCurrentIndex(max(0, self.role.findData(requirement.role)))
        self.manual_done.setChecked(requirement.manual_done)

    def _on_ledger_changed(self) -> None:
        self.types.clear()
        key = self.ledger.currentData()
        spec = LEDGERS.get(key) if key else None
        if spec is None or spec.counted_by is None:
            self.types.setEnabled(False)
            return
        self.types.setEnabled(True)
        builtin = spec.field(spec.counted_by).choices  # 整改事项: its 问题来源
        extra = [t for t in self._plan_types.get(key, ()) if t not in builtin]
        for choice in (*builtin[:-1], *extra, *builtin[-1:]):
            item = QListWidgetItem(choice)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.types.addItem(item)

    def _value(self, spin: QSpinBox) -> int | None:
        return None if spin.value() == NONE else spin.value()

    def built(self) -> Requirement:
        key = self.ledger.currentData()
        counts = None
        if key:
            types = tuple(self.types.item(i).text() for i in range(self.types.count())
                          if self.types.item(i).checkState() == Qt.CheckState.Checked)
            counts = Counts(key, types, self.label.text().strip() or LEDGERS[key].label)
        return replace(self._original, item=self.item.text().strip(),
                       text=self.text.toPlainText().strip(), counts=counts,
                       period=_enum(Period, self.period.currentData()),
                       target=self._value(self.target),
                       coverage=self._value(self.coverage), share=self._value(self.share),
                       role=_enum(Role, self.role.currentData()),
                       manual_done=self.manual_done.isChecked(),
                       note=self.note.text().strip())

    def _on_save(self) -> None:
        requirement = self.built()
        try:
            validate_requirement(requirement, self._plan_types)
        except ValidationError as exc:
            self.error.setText("；".join(e.message for e in exc.errors))
            return
        self.result = requirement
        self.keep_draft()  # the last keystrokes too, until the plan page has saved it
        self.accept()
