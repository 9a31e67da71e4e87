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


def choose_and_verify(parent: QWidget, file: str | None = None, *,
                      paths: AppPaths | None = None, store: Store | None = None
                      ) -> Path | None:
    """Pick a backup and check it; the caller restores it after the window has closed.

    With ``paths`` and ``store`` (the data now open), a backup taken from another data
    file or another unit is named as such before the user agrees.
    """
    start = str(paths.backups_dir) if paths is not None and paths.backups_dir.is_dir() else ""
    file = file or QFileDialog.getOpenFileName(parent, "选择备份文件", start,
                                               "廉政台账备份 (*.zip)")[0]
    if not file:
        return None
    try:
        info = backup.verify_backup(Path(file))
    except UserError as exc:
        QMessageBox.warning(parent, "不能用这个备份恢复", str(exc))
        return None
    warning = None
    if paths is not None:
        from lianzheng_desktop.storage.restore import origin_warning

        profile = store.profile() if store is not None else None
        unit_now = (profile.unit_name or profile.org_name) if profile is not None else None
        warning = origin_warning(info.db_file, info.unit, paths, unit_now)
    since = []
    if store is not None:
        from lianzheng_desktop.storage.changes_since import work_after_backup

        since = work_after_backup(store, Path(file))
    text = (f"用 {info.created:%Y-%m-%d %H:%M} 的备份替换现在的数据吗？\n\n" + (
        f"这份备份之后，{'，'.join(since)}；恢复后这些都不在现在的数据中，只留在恢复前自动做的"
        "备份里。\n\n" if since else "") +
        "现在的数据会先另行备份，不会丢失。恢复后软件会重新打开。")
    if warning:  # asked as a warning, 否 the default: the other file's data replaces this
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        answer = QMessageBox.warning(parent, "备份来自别处",
                                     f"请注意：{warning}\n\n{text}", buttons,
                                     QMessageBox.StandardButton.No)
        return Path(file) if answer == QMessageBox.StandardButton.Yes else None
    answer = QMessageBox.question(parent, "确认恢复", text)
    return Path(file) if answer == QMessageBox.StandardButton.Yes else None


def check_data(parent: QWidget, store: Store) -> list[str]:
    problems = audit.data_problems(store, window=True)
    if problems:
        QMessageBox.warning(parent, "检查发现问题", "\n".join(problems[:20]))
    else:
        QMessageBox.information(parent, "检查完毕", "数据文件完好，留痕记录完整"
                                                "，未发现在软件之外的改动。")
    return problems
