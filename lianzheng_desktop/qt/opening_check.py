"""What the window does when the background integrity check (or daily backup) reports."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox

from lianzheng_desktop.paths import AppPaths
from lianzheng_desktop.storage.background_check import BackgroundCheck


class OpeningCheck(QObject):
    """Reports the check's outcome in the window's thread, once the window exists."""

    finished = Signal(object)  # emitted from the check's thread, delivered in the GUI's

    def __init__(self, check: BackgroundCheck, window, paths: AppPaths):
        super().__init__(window)
        self._paths = paths
        self.window = window
        self.check = check
        self.finished.connect(self._on_finished)
        from lianzheng_desktop.storage.crash_notes import take_notices

        notices = take_notices()  # a restore or backup killed last time: said once
        if notices:
            QTimer.singleShot(0, lambda: QMessageBox.information(
                self.window, "上次的操作没有做完", "\n\n".join(notices)))
        check.when_done(self._done)

    def _done(self, check: BackgroundCheck) -> None:
        # Either way the answer comes from the event loop, with the window on screen: from
        # the check's thread the signal is queued to this object's thread by Qt; a check
        # already over when the window is built is answered on the loop's first turn.
        if threading.current_thread() is threading.main_thread():
            QTimer.singleShot(0, lambda: self._on_finished(check))
        else:
            self.finished.emit(check)

    def _on_finished(self, check: BackgroundCheck) -> None:
        moved = getattr(check, "attachments_notice", None)
        if moved is not None and check.damaged is None:
            QMessageBox.information(self.window, "佐证材料文件夹", moved)
        if getattr(check, "replaced", None) is not None and check.damaged is None \
                and self._ask_about_copy(check.replaced):
            return  # the window closes: restored once it has
        if check.damaged is not None:
            self._offer_restore(str(check.damaged))
        elif getattr(check, "unavailable", None) is not None:
            # Not damage: the file is whole, a restore would only lose work.
            QMessageBox.warning(self.window, "暂时无法检查数据文件",
                                f"{check.unavailable}\n\n在此之前可以查看，保存修改时会再检查一次。")
        elif check.backup_problem is not None:
            QMessageBox.warning(self.window, "自动备份未完成",
                                f"{check.backup_problem}\n\n数据本身不受影响。"
                                "可以用“文件 → 备份到…”手动备份到其他文件夹或U盘。")
        elif getattr(check, "backup_notice", None) is not None:  # made; old ones kept back
            QMessageBox.information(self.window, "自动备份已完成", check.backup_notice)

    def _ask_about_copy(self, found) -> bool:
        """Another copy in place of this PC's own (storage.copied_over): restore this PC's
        data (the file now is backed up first), keep the file, or ask again next time.
        True when the window is closing to restore."""
        box = QMessageBox(QMessageBox.Icon.Warning, "数据文件被另一份副本替换",
                          f"{found.message()}\n\n恢复这份备份会先把现在的文件另行备份，两份数据都不会丢；"
                          "恢复后，副本中新记的内容需要再录入一次。", parent=self.window)
        restore = box.addButton("恢复本机的数据…", QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton("继续使用现在的文件", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton("以后再说", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is restore:
            self.window.restore_from = found.backup  # run_app restores once the window closes
            self.window.close()
            return True
        if box.clickedButton() is keep:
            from lianzheng_desktop.storage.copied_over import keep_as_it_is

            keep_as_it_is(self._paths)
        return False

    def _offer_restore(self, message: str) -> None:
        good = ask_to_restore(self.window, self._paths, message)
        if good is not None:
            self.window.restore_from = good  # run_app restores once the window has closed
            self.window.close()
            return
        QMessageBox.critical(self.window, "数据文件已损坏",
                             f"{message}\n\n为免损坏扩大，本次只能查看，不能保存任何修改。"
                             "请从备份恢复（文件 → 从备份恢复…）或联系维护人员。")


def ask_to_restore(parent, paths: AppPaths, message: str) -> Path | None:
    """A damaged (or missing) file: offer the newest good backup, if there is one.

    Only damage comes here: a full disk or a locked file is a circumstance, reported as
    such by the caller, and never answered with a restore.
    """
    from lianzheng_desktop.storage.backup import newest_good_backup

    good = newest_good_backup(paths)
    if good is None:
        return None
    kept = ("损坏的文件会改名保存在原处，不会删除。" if paths.db_path.is_file()
            and paths.db_path.stat().st_size else "")
    answer = QMessageBox.question(
        parent, "数据文件已损坏", f"{message}\n\n是否用最近的备份“{good.name}”恢复？{kept}")
    return good if answer == QMessageBox.StandardButton.Yes else None
