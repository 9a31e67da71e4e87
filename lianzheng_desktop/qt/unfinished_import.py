"""An Excel import that a kill or a power cut cut short, told once at the next start.

The import marks itself in the data file before its one transaction, and that transaction
removes the mark with the rows (``storage.import_marker``): a mark found at the start means
nothing of that import was written, and the secretary should import the file again.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from lianzheng_desktop.qt.painted import FirstPaint
from lianzheng_desktop.storage import import_marker
from lianzheng_desktop.storage.import_marker import Unfinished
from lianzheng_desktop.storage.store import Store

TITLE = "上次的导入没有完成"


def message(found: Unfinished) -> str:
    began = found.started_at
    return (f"上次从 Excel 导入“{found.file.name}”（{began.year}年{began.month}月{began.day}日 "
            f"{began:%H:%M} 开始）时，软件被关闭或电脑断电，导入没有完成。\n\n"
            "这个文件中的记录一条也没有写入，台账还是导入前的样子。请重新导入这个文件"
            "（文件 → 从 Excel 导入台账…）。\n\n"
            f"文件位置：{found.file}")


def tell_after_first_paint(window: QWidget, store: Store) -> None:
    """If an import was cut short, say so once the window is on screen."""
    if import_marker.unfinished(store) is not None:
        FirstPaint(window, lambda: tell(window, store))


def tell(window: QWidget | None, store: Store) -> bool:
    """Say it, once: the mark is then removed (on a connection of its own, so that the
    window does not wait for the opening check and the day's backup to let it write)."""
    found = import_marker.unfinished(store)
    if found is None:
        return False
    QMessageBox.warning(window, TITLE, message(found))
    import_marker.forget_in_background(store)
    return True
