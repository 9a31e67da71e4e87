"""文件 → 从 Excel 导入 / 导出到 Excel: the dialogs around interchange.xlsx.

Loaded when first used, not on the way to the window's first paint.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from lianzheng_desktop.qt import workbook_jobs as jobs
from lianzheng_desktop.qt.screen_fit import fit_to_screen
from lianzheng_desktop.qt.workbook_progress import Outcome, WorkbookTask
from lianzheng_desktop.storage.store import Store


def export_all(parent: QWidget, store: Store) -> None:
    name, _ = QFileDialog.getSaveFileName(parent, "导出台账", str(Path.home() / "廉政台账.xlsx"),
                                          "Excel 工作簿 (*.xlsx)")
    if not name:
        return
    path = Path(name)
    task = WorkbookTask(parent, "导出到 Excel")
    task.closing_note = lambda outcome: ("导出已完成" if outcome and outcome.kind == "done"
                                         else "导出没有完成", _exported(path, outcome))
    try:
        outcome = run_job(task, store, jobs.exporting(path), cancellable=False,
                          note="导出时台账不会有任何改动。",
                          refused="正在导出，请稍候。导出完成后此窗口自动关闭。")
    finally:
        task.end()
    if task.closing:
        return  # said as the window closed
    if outcome.kind == "failed":
        QMessageBox.warning(parent, "导出失败", outcome.value)
        return
    QMessageBox.information(parent, "导出完成", _exported(path, outcome))


def _exported(path: Path, outcome: Outcome | None) -> str:
    if outcome is None or outcome.kind != "done":
        why = outcome.value if outcome is not None and outcome.kind == "failed" else ""
        return f"“{path.name}”没有导出。{why}"
    result = outcome.value
    summary = "，".join(f"{label} {n} 条" for label, n in result.counts.items())
    notes = "".join(f"\n\n注意：{note}" for note in result.notes)
    return f"已导出到 {path}：\n{summary}。{notes}"


def choose_workbook(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, "选择要导入的 Excel 台账", "",
                                          "Excel 工作簿 (*.xlsx)")
    return Path(name) if name else None


def run_job(task: WorkbookTask, store: Store, work, *, cancellable: bool,
            note: str, refused: str = "") -> Outcome:
    """``work`` on a connection of its own, off this thread (in memory: on this one)."""
    from lianzheng_desktop.paths import AppPaths
    from lianzheng_desktop.storage import import_marker

    opener = import_marker.opener(store)
    where = import_marker.file_of(store)
    log_dir = AppPaths(where).log_dir if where is not None else Path(tempfile.gettempdir())
    job = jobs.WorkbookJob(opener or (lambda: store), work, log_dir,
                           own_connection=opener is not None)
    return task.run(job, on_this_thread=opener is None, cancellable=cancellable, note=note,
                    refused=refused)


def import_workbook(parent: QWidget, store: Store, path: Path,
                    refresh: Callable[[], None]) -> bool:
    """Check the workbook, show what it would add, and import only when confirmed;
    ``refresh`` then updates the pages that show the ledgers. Reading and writing are done
    off the window's thread, behind a progress dialog (``workbook_progress``)."""
    task = WorkbookTask(parent, "从 Excel 导入")
    try:
        return _import(task, parent, store, path, refresh)
    finally:
        task.end()


def _import(task: WorkbookTask, parent: QWidget, store: Store, path: Path,
            refresh: Callable[[], None]) -> bool:
    task.closing_note = lambda outcome: ("导入已停止", (
        f"窗口关闭时还在读取“{path.name}”，已停止读取，未导入任何记录，台账没有改动。"
        "需要时请重新导入。"))
    read = run_job(task, store, jobs.reading(path), cancellable=True,
                   note="读取和核对时可以取消，台账不会有任何改动。")
    if task.closing or read.kind == "stopped":
        return False
    if read.kind == "failed":
        QMessageBox.warning(parent, "无法导入", read.value)
        return False
    plan = read.value
    task.closing_note = None  # what she reads now says that nothing was imported
    if plan.problems:
        task.asking = ProblemsDialog(f"“{path.name}”中有 {len(plan.problems)} 处问题，未导入任何"
                                     "记录。请在 Excel 中修改后重新导入：",
                                     [str(p) for p in plan.problems]
                                     + [f"注意：{note}" for note in plan.notes], parent)
        task.asking.exec()
        return False
    lines = plan.details()
    if plan.present or plan.conflicts:
        lines += ["", "“已存在”：台账中已有完全相同的记录；“冲突”：同一条记录（如同日、同类型、"
                  "同主题的会议活动）其他内容不同，或同日、同类型的记录只有一两项不同（疑似同一条"
                  "记录，可能是在 Excel 中改过），或与工作簿中前面的一行是同一条记录（重复的行）。"]
    intro = f"“{path.name}”核对结果：{plan.totals()}。"
    if plan.new == 0:
        task.asking = ImportCheckDialog("无需导入", f"{intro}没有新记录，未导入任何记录。", lines,
                                        parent=parent)
        task.asking.exec()
        return False
    task.closing_note = lambda _outcome: ("导入已取消", (
        f"窗口关闭时还在确认是否导入“{path.name}”，未导入任何记录，台账没有改动。"))
    check = task.asking = ImportCheckDialog("导入前确认", intro, lines,
                                            f"是否导入这 {plan.new} 条新记录？", parent)
    if not check.exec() or task.closing:
        return False
    from lianzheng_desktop.qt.import_timing import ask_kept_on_time

    kept_on_time = ask_kept_on_time(parent, plan.late, task)
    task.asking = None
    if kept_on_time is None or task.closing:
        return False
    task.closing_note = lambda outcome: _closed_while_writing(path, plan, outcome)
    wrote = run_job(task, store, jobs.writing(path, plan, kept_on_time), cancellable=False,
                    note="正在写入，请稍候。写入完成前不能取消：这些记录会一次全部导入，不会只导入一部分。",
                    refused="正在写入，请稍候。写入完成前不能取消，以免只导入一部分。")
    if wrote.kind == "done" and not task.closing:
        refresh()
    if task.closing:
        return wrote.kind == "done"  # said as the window closed
    if wrote.kind != "done":
        nothing = "" if "未导入任何记录" in wrote.value else "\n\n未导入任何记录，台账没有改动。"
        QMessageBox.warning(parent, "无法导入", wrote.value + nothing)
        return False
    QMessageBox.information(parent, "导入完成", f"已导入：{plan.totals()}。")
    return True


def _closed_while_writing(path: Path, plan, outcome: Outcome | None) -> tuple[str, str]:
    if outcome is not None and outcome.kind == "done":
        return "导入已完成", f"窗口关闭前已导入“{path.name}”：{plan.totals()}。"
    why = outcome.value if outcome is not None and outcome.kind == "failed" else ""
    return "导入没有完成", f"“{path.name}”没有导入：{why}未导入任何记录，台账没有改动。"


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
