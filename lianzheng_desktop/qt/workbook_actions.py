"""文件 → 从 Excel 导入 / 导出到 Excel: the dialogs around interchange.xlsx.

Loaded when first used, not on the way to the window's first paint.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.qt.screen_fit import fit_to_screen
from lianzheng_desktop.storage.store import Store


def export_all(parent: QWidget, store: Store) -> None:
    from lianzheng_desktop.interchange.xlsx import export_workbook

    name, _ = QFileDialog.getSaveFileName(parent, "导出台账", str(Path.home() / "廉政台账.xlsx"),
                                          "Excel 工作簿 (*.xlsx)")
    if not name:
        return
    try:
        result = export_workbook(store, Path(name))
    except UserError as exc:
        QMessageBox.warning(parent, "导出失败", str(exc))
        return
    summary = "，".join(f"{label} {n} 条" for label, n in result.counts.items())
    notes = "".join(f"\n\n注意：{note}" for note in result.notes)
    QMessageBox.information(parent, "导出完成", f"已导出到 {name}：\n{summary}。{notes}")


def choose_workbook(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, "选择要导入的 Excel 台账", "",
                                          "Excel 工作簿 (*.xlsx)")
    return Path(name) if name else None


def import_workbook(parent: QWidget, store: Store, path: Path,
                    refresh: Callable[[], None]) -> bool:
    """Check the workbook, show what it would add, and import only when confirmed;
    ``refresh`` then updates the pages that show the ledgers."""
    from lianzheng_desktop.interchange.xlsx import apply_import, plan_import

    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # 50,000 rows: seconds
    try:
        plan = plan_import(store, path)
    except UserError as exc:
        plan, error = None, str(exc)
    finally:
        QApplication.restoreOverrideCursor()
    if plan is None:
        QMessageBox.warning(parent, "无法导入", error)
        return False
    if plan.problems:
        ProblemsDialog(f"“{path.name}”中有 {len(plan.problems)} 处问题，未导入任何记录。"
                       "请在 Excel 中修改后重新导入：",
                       [str(p) for p in plan.problems]
                       + [f"注意：{note}" for note in plan.notes], parent).exec()
        return False
    lines = plan.details()
    if plan.present or plan.conflicts:
        lines += ["", "“已存在”：台账中已有完全相同的记录；“冲突”：同一条记录（如同日、同类型、"
                  "同主题的会议活动）其他内容不同，或同日、同类型的记录只有一两项不同（疑似同一条"
                  "记录，可能是在 Excel 中改过），或与工作簿中前面的一行是同一条记录（重复的行）。"]
    intro = f"“{path.name}”核对结果：{plan.totals()}。"
    if plan.new == 0:
        ImportCheckDialog("无需导入", f"{intro}没有新记录，未导入任何记录。", lines,
                          parent=parent).exec()
        return False
    check = ImportCheckDialog("导入前确认", intro, lines, f"是否导入这 {plan.new} 条新记录？",
                              parent)
    if not check.exec():
        return False
    from lianzheng_desktop.qt.import_timing import ask_kept_on_time

    kept_on_time = ask_kept_on_time(parent, plan.late)
    if kept_on_time is None:
        return False
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    error = ""
    try:
        apply_import(store, plan, kept_on_time=kept_on_time)
        refresh()
    except UserError as exc:
        error = str(exc)
    finally:
        QApplication.restoreOverrideCursor()
    if error:
        QMessageBox.warning(parent, "无法导入", error)
        return False
    QMessageBox.information(parent, "导入完成", f"已导入：{plan.totals()}。")
    return True


class ProblemsDialog(QDialog):
    """A list of problems the user can read, select and copy."""

    def __init__(self, intro: str, problems: list[str], parent=None):
        super().__init__(parent)
        self.setWindowTitle("导入失败")
        self.text = lines_box(self, intro, problems)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        buttons.rejected.connect(self.reject)
        self.layout().addWidget(buttons)
        fit_to_screen(self, QSize(720, 420))


class ImportCheckDialog(QDialog):
    """What an import would do, every line of it (each conflicting row, which she is
    asked to correct by hand) in a list she can scroll and copy; 是 / 否 below it, in view
    on any screen. Without a ``question``, only 关闭."""

    def __init__(self, title: str, intro: str, lines: list[str], question: str = "",
                 parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.text = lines_box(self, intro, lines)
        layout = self.layout()
        if question:
            asked = QLabel(question)
            asked.setWordWrap(True)
            layout.addWidget(asked)
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Yes
                                       | QDialogButtonBox.StandardButton.No)
            buttons.button(QDialogButtonBox.StandardButton.Yes).setText("是，导入")
            buttons.button(QDialogButtonBox.StandardButton.No).setText("否")
            buttons.accepted.connect(self.accept)
        else:
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
            buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.buttons = buttons
        fit_to_screen(self, QSize(720, 480))

    def said(self) -> str:
        """Everything the dialog tells (for the record, and for tests)."""
        return "\n".join([self.windowTitle(), *(label.text() for label in
                                                  self.findChildren(QLabel)),
                          self.text.toPlainText()])


def lines_box(dialog: QDialog, intro: str, lines: list[str]) -> QPlainTextEdit:
    """``intro`` above ``lines`` in a read-only box that scrolls and can be copied from."""
    label = QLabel(intro)
    label.setWordWrap(True)
    text = QPlainTextEdit("\n".join(lines))
    text.setReadOnly(True)
    text.setMinimumHeight(80)
    layout = QVBoxLayout(dialog)
    layout.addWidget(label)
    layout.addWidget(text, 1)
    copy_note = QLabel("可选中上面的文字复制。")
    copy_note.setAlignment(Qt.AlignmentFlag.AlignRight)
    layout.addWidget(copy_note)
    return text
