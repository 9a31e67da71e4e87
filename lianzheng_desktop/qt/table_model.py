"""One table-model pattern for every ledger: rows fetched page by page from the store.

A 100,000-row ledger opens at once: the view asks for more rows (``canFetchMore`` /
``fetchMore``) only as the user scrolls. A text filter on an event ledger is answered by the
full-text index (``storage.search.ledger_page``), which counts and pages 100,000 rows in
milliseconds where the LIKE filter scans them all; the roster, a few hundred names, and a
list sorted by a column keep ``Store``'s own filter.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.core.ledgers import FieldSpec, Kind, LedgerSpec
from lianzheng_desktop.core.records import LATE_ENTRY_MEANING, Record
from lianzheng_desktop.core.values import format_bool, format_date, format_names
from lianzheng_desktop.core.warnings import deadline_level
from lianzheng_desktop.qt.day import FollowsToday
from lianzheng_desktop.qt.style import LATE_ENTRY_COLOUR
from lianzheng_desktop.storage.search import ledger_page
from lianzheng_desktop.storage.store import Query, Store

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's record object
PAGE_SIZE = 200
LATE_COLUMN_LABEL = "补录"
LATE_TIP = f"补录：{LATE_ENTRY_MEANING}的记录（检查时可能被问到原因）"
NARROW_KINDS = (Kind.BOOL, Kind.COUNT)  # 是/否 and numbers: narrow, header on two lines
_MAX_CELL = 60
_DONE_COLOUR = "#2e7d32"

Index = QModelIndex | QPersistentModelIndex


def header_label(field: FieldSpec) -> str:
    """A narrow column's long label on two lines ("一对一\n问题性约谈"), never cut."""
    label = field.label
    if field.kind in NARROW_KINDS and len(label) > 4:
        middle = 3 if len(label) > 6 else len(label) // 2
        return label[:middle] + "\n" + label[middle:]
    return label
_ROOT = QModelIndex()


class RecordTableModel(FollowsToday, QAbstractTableModel):
    """The records of one ledger matching a query; columns follow the ledger's spec."""

    def __init__(self, store: Store, spec: LedgerSpec, parent=None, today: date | None = None):
        super().__init__(parent)
        self._store = store
        self._spec = spec
        self._fields = [f for f in spec.fields]
        self._query = Query()
        self._rows: list[Record] = []
        self._total = 0
        self._fixed_today = today  # the app's today (--today), for colours
        self._fetching = False
        self._order: tuple[str, bool] | None = None  # (field key, descending)

    # -- loading --------------------------------------------------------------------
    def set_query(self, query: Query, today: date | None = None) -> None:
        """Show the records ``query`` selects, in the order the user last chose."""
        if self._order is not None:
            query = replace(query, order_by=self._order[0], descending=self._order[1])
        self.beginResetModel()
        self._query = query
        self._fixed_today = today or self._fixed_today
        if self.through_index():
            self._total, ids = ledger_page(self._store, self._spec.key, self._page_query(0))
            self._rows = self._records(ids)
        else:
            self._total = self._store.count(self._spec.key, query)
            self._rows = self._store.list(self._spec.key, self._page_query(0))
        self.endResetModel()

    def through_index(self) -> bool:
        """Whether the text filter is answered by the full-text index (see the module)."""
        query = self._query
        return bool(query.search and query.search.strip()) and self._spec.key != "roster" \
            and query.order_by is None

    def reload(self) -> None:
        self.set_query(self._query, self._today)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort every matching row in the database, not only the pages loaded so far."""
        if 0 <= column < len(self._fields):
            self._order = (self._fields[column].key, order == Qt.SortOrder.DescendingOrder)
        elif column == len(self._fields) and self._spec.date_field:
            self._order = ("late_entry", order == Qt.SortOrder.DescendingOrder)
        else:
            self._order = None  # the ledger's own order (latest first)
        self.set_query(replace(self._query, order_by=None, descending=False))

    def _page_query(self, offset: int) -> Query:
        return replace(self._query, limit=PAGE_SIZE, offset=offset)

    def _next_page(self) -> list[Record]:
        query = self._page_query(len(self._rows))
        if self.through_index():
            return self._records(ledger_page(self._store, self._spec.key, query)[1])
        return self._store.list(self._spec.key, query)

    def _records(self, ids: list[int]) -> list[Record]:
        """The records of ``ids`` in that order (one deleted meanwhile is left out)."""
        found = []
        for record_id in ids:
            try:
                found.append(self._store.get(self._spec.key, record_id))
            except UserError:  # gone since the index was read: not listed, as in a reload
                continue
        return found

    def canFetchMore(self, parent: Index = _ROOT) -> bool:  # noqa: N802
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = _ROOT) -> None:  # noqa: N802
        if parent.isValid() or self._fetching:
            return
        self._fetching = True
        try:
            page = self._next_page()  # read first, then announce exactly what arrives
            if not page:
                self._total = len(self._rows)  # the store shrank meanwhile
                return
            first = len(self._rows)
            self.beginInsertRows(_ROOT, first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()
        finally:
            self._fetching = False

    @property
    def total(self) -> int:
        return self._total

    def record(self, row: int) -> Record:
        return self._rows[row]

    def loaded_row(self, record_id: int) -> int | None:
        """The row showing ``record_id`` among the rows loaded (no more are read)."""
        return next((row for row, record in enumerate(self._rows) if record.id == record_id),
                    None)

    def row_of(self, record_id: int) -> int | None:
        """The row showing ``record_id``, loading further pages until it is found."""
        while True:
            for row, record in enumerate(self._rows):
                if record.id == record_id:
                    return row
            if not self.canFetchMore():
                return None
            self.fetchMore()

    # -- the model --------------------------------------------------------------------
    def rowCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._fields) + (1 if self._spec.date_field else 0)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if section == len(self._fields):
                return LATE_TIP
            if 0 <= section < len(self._fields):
                return f"{self._fields[section].label}（点击按此列排序，再点击倒序）"
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if 0 <= section < len(self._fields):
            return header_label(self._fields[section])
        if section == len(self._fields):
            return LATE_COLUMN_LABEL
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        record = self._rows[index.row()]
        column = index.column()
        if role == RECORD_ROLE:
            return record
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(record, column)
        if role == Qt.ItemDataRole.ToolTipRole and column < len(self._fields):
            if self._fields[column].kind not in (Kind.TEXT, Kind.LONGTEXT, Kind.PEOPLE):
                return None
            text = self._display(record, column, full=True)
            return text or None  # the whole text, however narrow the column
        if role == Qt.ItemDataRole.ToolTipRole and record.late_entry:
            return LATE_TIP
        if role == Qt.ItemDataRole.TextAlignmentRole and self._is_narrow(column):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(record, column)
        if role == Qt.ItemDataRole.UserRole:  # sort key
            return self._sort_key(record, column)
        return None

    def _display(self, record: Record, column: int, full: bool = False) -> str:
        if column == len(self._fields):
            return "补录" if record.late_entry else ""
        if column > len(self._fields):
            return ""
        field = self._fields[column]
        value = getattr(record, field.key)
        if field.kind is Kind.DATE:
            text = format_date(value)
        elif field.kind is Kind.PEOPLE:
            text = format_names(value)
        elif field.kind is Kind.BOOL:
            text = format_bool(value)
        elif value is None:
            text = ""
        else:
            text = " ".join(str(value).split())
        return text if full or len(text) <= _MAX_CELL else text[:_MAX_CELL] + "…"

    def _is_narrow(self, column: int) -> bool:
        return column >= len(self._fields) or self._fields[column].kind in NARROW_KINDS

    def _sort_key(self, record: Record, column: int) -> Any:
        if column >= len(self._fields):
            return int(record.late_entry)
        value = getattr(record, self._fields[column].key)
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, tuple):
            return format_names(value)
        return value if value is not None else ""

    def _foreground(self, record: Record, column: int) -> QBrush | None:
        if column >= len(self._fields):
            return QBrush(QColor(LATE_ENTRY_COLOUR)) if record.late_entry else None
        if self._spec.key == "rectification" and self._fields[column].key in ("deadline",
                                                                              "status"):
            level = deadline_level(record, self._today)  # type: ignore[arg-type]
            if level is None:
                return QBrush(QColor(_DONE_COLOUR))
            return QBrush(QColor(level.colour))
        return None
