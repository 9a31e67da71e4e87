"""补录 or not, for records an Excel import brings in long after their day.

Only the secretary knows whether the office's Excel ledger was written as things happened
(the app now takes it over: nothing is 补录) or is being filled in now (补录, as the
report's appendices then say).
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from lianzheng_desktop.core.records import LATE_ENTRY_LIMIT

ON_TIME = "按原台账导入，不标补录"
LATE = "标为补录"


def ask_kept_on_time(parent: QWidget, late: int, task=None) -> bool | None:
    """True: kept on time in Excel; False: 补录; None: cancelled (nothing imported).
    ``task`` (a ``WorkbookTask``) closes the question if the window closes meanwhile."""
    if not late:
        return False
    box = QMessageBox(QMessageBox.Icon.Question, "这些记录是当时记的吗？",
                      f"要导入的记录中有 {late} 条，日期距今天已{LATE_ENTRY_LIMIT}。\n\n"
                      "如果它们当时已按时记在本单位的 Excel 台账中，现在由本软件接着记，请选"
                      f"“{ON_TIME}”；如果是现在才补记的，请选“{LATE}”，报告附件中这些记录的"
                      "日期后会注明“补录”。", parent=parent)
    on_time = box.addButton(ON_TIME, QMessageBox.ButtonRole.AcceptRole)
    marked = box.addButton(LATE, QMessageBox.ButtonRole.AcceptRole)
    box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
    if task is not None:
        task.asking = box
    box.exec()
    clicked = box.clickedButton()
    return True if clicked is on_time else False if clicked is marked else None
