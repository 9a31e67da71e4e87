"""人员: one person's year at a glance — sessions, talks, rectification items, activities."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lianzheng_desktop.qt.day import FollowsToday
from lianzheng_desktop.qt.style import hint, page_title
from lianzheng_desktop.storage import search
from lianzheng_desktop.storage.search import Hit, PersonActivity
from lianzheng_desktop.storage.store import Store

HIT_ROLE = Qt.ItemDataRole.UserRole


class PersonPage(FollowsToday, QWidget):
    """``open_record(ledger, record_id)`` asks the window to show that record's ledger.

    ``today`` chooses the year shown first (the app's one clock; the real date if None).
    """

    open_record = Signal(str, int)

    def __init__(self, store: Store, today: date | None = None, parent=None):
        super().__init__(parent)
        self._store = store
        self._fixed_today = today
        self.activity: PersonActivity | None = None
        self._build()
        self.refresh()
        self.person.currentIndexChanged.connect(lambda _i: self.show_selection())
        self.year.currentIndexChanged.connect(lambda _i: self.show_selection())
        self.tree.itemDoubleClicked.connect(self._on_double_click)

    def _build(self) -> None:
        self.person = QComboBox()
        self.person.setMinimumWidth(140)
        self.year = QComboBox()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("人员"))
        bar.addWidget(self.person)
        bar.addWidget(QLabel("年度"))
        bar.addWidget(self.year)
        bar.addStretch(1)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(["事项", "日期", "相关内容"])
        self.tree.setColumnWidth(0, 380)
        self.tree.setColumnWidth(1, 96)
        self.tree.setAlternatingRowColors(True)
        layout = QVBoxLayout(self)
        layout.addWidget(page_title("人员履责情况"))
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(hint("按人员名册选择人员，查看其一年中参加、主持、谈话和负责整改的记录。"
                              "双击一条记录打开它所在的台账。"))

    def refresh(self) -> None:
        """Reload the roster and the years (after records changed elsewhere)."""
        chosen_name, chosen_year = self.person.currentData(), self.year.currentData()
        people = self._store.list("roster")
        years = sorted(set(search.record_years(self._store)) | {self._today.year}, reverse=True)
        for box in (self.person, self.year):
            box.blockSignals(True)
        self.person.clear()
        for person in people:
            label = (person.name if person.active
                     else f"{person.name}（{person.left_on:%Y-%m-%d} 离岗）" if person.left_on
                     else f"{person.name}（已不在职）")
            self.person.addItem(label, person.name)
        self.year.clear()
        for year in years:
            self.year.addItem(f"{year}年", year)
        if chosen_name:
            self.person.setCurrentIndex(max(0, self.person.findData(chosen_name)))
        self.year.setCurrentIndex(max(0, self.year.findData(chosen_year or self._today.year)))
        for box in (self.person, self.year):
            box.blockSignals(False)
        self.show_selection()

    def choose(self, name: str, year: int) -> None:
        """Show ``name`` in ``year`` (as if chosen in the two boxes)."""
        self.person.setCurrentIndex(self.person.findData(name))
        self.year.setCurrentIndex(self.year.findData(year))
        self.show_selection()

    def show_selection(self) -> None:
        name, year = self.person.currentData(), self.year.currentData()
        self.tree.clear()
        if not name or not year:
            self.activity = None
            self.summary.setText("人员名册中还没有人员，请先在“人员名册”中添加。")
            return
        self.activity = search.person_activity(self._store, name, year)
        parts = []
        for heading, hits in self.activity.sections():
            if heading == "负责的会议活动" and not hits:
                continue  # only files with an activity 负责人 column have any
            section = QTreeWidgetItem([f"{heading}（{len(hits)}）", "", ""])
            font = section.font(0)
            font.setBold(True)
            section.setFont(0, font)
            for found in hits:
                day = found.day.isoformat() if found.day else ""
                child = QTreeWidgetItem([found.title, day, found.snippet])
                child.setData(0, HIT_ROLE, found)
                child.setToolTip(0, found.title)
                section.addChild(child)
            self.tree.addTopLevelItem(section)
            section.setExpanded(bool(hits))
            parts.append(f"{heading} {len(hits)} 次" if heading != "负责的整改事项"
                         else f"{heading} {len(hits)} 项")
        self.summary.setText(f"{name} {year}年：" + "，".join(parts) + "。")

    def _on_double_click(self, item: QTreeWidgetItem, _column: int) -> None:
        found: Hit | None = item.data(0, HIT_ROLE)
        if found is not None:
            self.open_record.emit(found.ledger, found.record_id)
