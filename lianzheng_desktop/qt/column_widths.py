"""The widths of a ledger page's columns (``ColumnWidths``, a part of ``LedgerPage``): the
columns of dates, names, choices and short texts as wide as they need, the others sharing
the width left, shared again whenever the table's width changes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView

from lianzheng_desktop.core.ledgers import Kind

# Columns that take the width left over (share it); the others are as wide as they need.
ELASTIC_KINDS = (Kind.TEXT, Kind.LONGTEXT, Kind.PEOPLE)
# One-line texts that are short by nature, sized to their content as a choice is: a typical
# one (the column is at least this wide) for each.
SHORT_TEXTS = {"number": "XC-2022-05", "place": "机关会议室", "host": "欧阳晓明",
               "name": "欧阳晓明", "post": "党支部副书记"}
LONGEST_SHORT = 10  # characters of a short text or choice shown whole; longer are cut
PAD = 18  # px around a cell's text
NARROWEST = 36  # px of a column
# Sample contents that size a fixed column: a date, a name, 是.
_SAMPLES = {Kind.DATE: "2022-09-30", Kind.BOOL: "是", Kind.COUNT: "100", Kind.PERSON: "欧阳晓明"}


class ColumnWidths:
    """The column widths of a ``LedgerPage``: its ``table`` of ``model``'s rows, for the
    ledger ``spec`` (a type column offers ``_store``'s types)."""

    def _fit_columns(self) -> None:
        """Dates, names, choices, 是/否 flags and short texts (编号, 地点, 主持人) are as wide
        as their content or header, no wider; the texts that say what a record is
        (问题描述, 主题, 参加人员 …) share the width left, the record's title most."""
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(NARROWEST)
        metrics = header.fontMetrics()
        self._fixed: dict[int, int] = {}  # column → width
        self._elastic: dict[int, tuple[int, int]] = {}  # column → (share, least width)
        for column in range(self.model.columnCount()):
            label = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            head = max(NARROWEST, max(metrics.horizontalAdvance(line)
                                      for line in label.split("\n")) + PAD)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            field = self.spec.fields[column] if column < len(self.spec.fields) else None
            if field is None:  # 补录
                self._fixed[column] = head
            elif field.kind in ELASTIC_KINDS and field.key not in SHORT_TEXTS:
                share = 3 if field.key == self.spec.title_field else \
                    2 if field.kind is Kind.PEOPLE else 1
                least = self._text_width("字" * (10 if share == 3 else 4))
                self._elastic[column] = (share, max(head, least))
            else:
                self._fixed[column] = max(head, self._sample_width(field))
        self._size_short_texts()
        self.table.viewport().installEventFilter(self)  # the width left changes: share it

    def _text_width(self, text: str) -> int:
        return self.table.fontMetrics().horizontalAdvance(text) + PAD

    def _sample_width(self, field) -> int:
        """A date, a name, every choice whole (典型案例通报学习), a 编号, 是."""
        samples = [_SAMPLES.get(field.kind, ""), SHORT_TEXTS.get(field.key, "")]
        if field.kind is Kind.CHOICE:
            choices = self._store.type_choices(self.spec.key) \
                if field.key == self.spec.type_field else field.choices
            samples += [choice[:LONGEST_SHORT] for choice in choices]
        return max(self._text_width(text) for text in samples)

    def _size_short_texts(self) -> None:
        """编号, 地点, 主持人 as wide as the longest shown (up to LONGEST_SHORT characters)."""
        for column, field in enumerate(self.spec.fields):
            if field.key not in SHORT_TEXTS or column not in self._fixed:
                continue
            texts = {str(getattr(self.model.record(row), field.key) or "")[:LONGEST_SHORT]
                     for row in range(self.model.rowCount())}  # the rows loaded
            widest = max((self._text_width(text) for text in texts), default=0)
            label = self.model.headerData(column, Qt.Orientation.Horizontal)
            head = self.table.horizontalHeader().fontMetrics().horizontalAdvance(label) + PAD
            typical = 0 if texts else self._text_width(SHORT_TEXTS[field.key])  # no rows yet
            self._fixed[column] = max(head, typical, widest)
        self._share_width()

    def _share_width(self) -> None:
        """The fixed columns their width; the others the rest, by their shares (never
        under their least: the table then scrolls sideways)."""
        for column, width in self._fixed.items():
            self.table.setColumnWidth(column, width)
        if not self._elastic:
            return
        left = self.table.viewport().width() - sum(self._fixed.values())
        sharing = dict(self._elastic)
        while sharing:  # a column held at its least leaves the rest to the others
            shares = sum(share for share, _ in sharing.values())
            held = {column: least for column, (share, least) in sharing.items()
                    if left * share // shares < least}
            for column, least in held.items():
                self.table.setColumnWidth(column, least)
                left -= least
                del sharing[column]
            if not held:
                for column, (share, _) in sharing.items():
                    self.table.setColumnWidth(column, left * share // shares)
                break
