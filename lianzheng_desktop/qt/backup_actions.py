"""备份到…, 从备份恢复…, 检查数据 — the safety actions of the 文件 menu."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.paths import AppPaths
from lianzheng_desktop.storage import audit, backup
from lianzheng_desktop.storage.store import Store


def backup_to(parent: QWidget, store: Store, paths: AppPaths,
              folder: str | None = None) -> Path | None:
    folder = folder or QFileDialog.getExistingDirectory(parent, "选择备份到的文件夹（如U盘）")
    if not folder:
        return None
    try:
        path = backup.backup_of(store, paths, folder=Path(folder))
    except UserError as exc:
        QMessageBox.warning(parent, "备份失败", str(exc))
        return None
    QMessageBox.information(parent, "备份完成", f"已备份到：\n{path}")
    return path


def choose_and_verify(parent: QWidget, file: str | None = None) -> Path | None:
    """Pick a backup and check it; the caller restores it after the window has closed."""
    file = file or QFileDialog.getOpenFileName(parent, "选择备份文件", "",
                                               "廉政台账备份 (*.zip)")[0]
    if not file:
        return None
    try:
        info = backup.verify_backup(Path(file))
    except UserError as exc:
        QMessageBox.warning(parent, "不能用这个备份恢复", str(exc))
        return None
    answer = QMessageBox.question(
        parent, "确认恢复",
        f"用 {info.created:%Y-%m-%d %H:%M} 的备份替换现在的数据吗？\n\n"
        "现在的数据会先另行备份，不会丢失。恢复后软件会重新打开。")
    return Path(file) if answer == QMessageBox.StandardButton.Yes else None


def check_data(parent: QWidget, store: Store) -> list[str]:
    problems = audit.data_problems(store)
    if problems:
        QMessageBox.warning(parent, "检查发现问题", "\n".join(problems[:20]))
    else:
        QMessageBox.information(parent, "检查完毕", "数据文件完好，留痕记录完整"
                                                "，未发现在软件之外的改动。")
    return problems
