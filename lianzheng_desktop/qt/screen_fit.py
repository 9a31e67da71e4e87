"""Dialogs that fit the screen they open on: a 1024 × 768 monitor, or a 1366 × 768 laptop
at 125 % or 150 % Windows scaling (about 544 or 441 px of height left for a window).

A long form scrolls inside the dialog while its 保存 / 取消 stay in view below it; a dialog
opens as large as its content wants, but never larger than the screen's free area.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QFrame, QScrollArea, QWidget

# px the title bar and the borders add around a window's content (Windows 10/11 at 100 %;
# the scaling enlarges them as it does the content, so in logical px they stay the same)
FRAME = QSize(16, 40)
SMALLEST_FORM = 120  # px of a scrolled form left in view on the lowest screen


def room(widget: QWidget) -> QSize:
    """The largest content a window can have on the screen ``widget`` opens on."""
    screen = widget.screen() or QApplication.primaryScreen()
    free = screen.availableGeometry()
    return QSize(free.width() - FRAME.width(), free.height() - FRAME.height())


def scroll_area(inner: QWidget) -> QScrollArea:
    """``inner`` scrolling up and down (never sideways) when the dialog is lower than it."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(inner)
    area.setMinimumHeight(SMALLEST_FORM)
    follow_width(area)
    return area


def follow_width(area: QScrollArea) -> None:
    """As wide as the form inside needs, with room for the scroll bar beside it."""
    inner = area.widget()
    bar = area.verticalScrollBar().sizeHint().width()
    area.setMinimumWidth(inner.minimumSizeHint().width() + bar + 2 * area.frameWidth())


def natural_size(dialog: QWidget, area: QScrollArea | None = None) -> QSize:
    """The size showing everything: a scroll area counts with the whole of its form (its
    own size hint stops at about 24 lines)."""
    size = dialog.sizeHint()
    if area is not None:
        inner = area.widget().sizeHint().height() + 2 * area.frameWidth()
        size.setHeight(size.height() + max(0, inner - area.sizeHint().height()))
    return size


def fit_to_screen(dialog: QWidget, wanted: QSize | None = None,
                  area: QScrollArea | None = None) -> None:
    """Open at ``wanted`` (else the size showing everything), shrunk to the screen, and
    never demand more than the screen has."""
    space = room(dialog)
    least = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
    dialog.setMinimumSize(min(least.width(), space.width()), min(least.height(), space.height()))
    size = (wanted or natural_size(dialog, area)).expandedTo(dialog.minimumSize())
    dialog.resize(min(size.width(), space.width()), min(size.height(), space.height()))
