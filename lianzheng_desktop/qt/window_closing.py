"""The main window's size and place, and its closing: a first start fits the screen, later
ones open where the window was left; closing asks first when report text could not be
kept, finishes a report being written, keeps open forms as drafts, and keeps the size and
place for next time."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

FIRST_SIZE = (1280, 800)  # a first start's window, if the screen has room for it
FRAME = (16, 40)  # px the title bar and borders add around the window (Windows 10/11)


class ClosingGuards:
    """The geometry and the closing of a ``MainWindow``."""

    # -- geometry -----------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = self._settings.value("main/geometry") if self._settings else None
        if geometry:
            self.restoreGeometry(geometry)
        else:
            self.fit_screen()

    def fit_screen(self) -> None:
        """A first start: 1280 × 800 where the screen has room, else the room there is
        (frame included), centred — never larger than the screen's free area."""
        room = self.screen().availableGeometry()
        width = min(FIRST_SIZE[0], room.width() - FRAME[0])
        height = min(FIRST_SIZE[1], room.height() - FRAME[1])
        self.resize(width, height)
        self.move(room.x() + (room.width() - width - FRAME[0]) // 2,
                  room.y() + (room.height() - height - FRAME[1]) // 2)

    def closeEvent(self, event) -> None:  # noqa: N802
        if not self._settings_may_close() or not self._forms_may_close():
            event.ignore()
            self.restore_from = self.switch_to = None
            return
        report = self._pages.get("述廉述责报告")
        if report is not None:
            if report.text_not_kept() and QMessageBox.question(  # type: ignore[attr-defined]
                    self, "报告文字未能保存",
                    "述廉述责报告页中刚写的文字还没能保存（原因见该页下方）。现在关闭，这些文字"
                    "会丢失。\n\n仍要关闭吗？", QMessageBox.StandardButton.Yes
                    | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No) \
                    != QMessageBox.StandardButton.Yes:
                event.ignore()  # and whatever the close was for is not done either:
                self.restore_from = self.switch_to = None  # no restore, no other file later
                return
            report.finish_before_closing()  # type: ignore[attr-defined]
        task = self.findChild(QObject, "workbook_task")  # an Excel import or export
        if task is not None:  # reading is stopped, writing finished; she is told which
            task.finish_before_closing()  # type: ignore[attr-defined]
        from lianzheng_desktop.qt.plan_check_dialog import DraftDialog
        from lianzheng_desktop.qt.plan_paste import PasteDialog
        from lianzheng_desktop.qt.record_form import RecordDialog
        from lianzheng_desktop.qt.requirement_dialog import RequirementDialog

        # a form still open: kept as a draft, nothing asked (the innermost first: a
        # requirement form over the plan check is kept by its own draft, then the check)
        for kind in (RecordDialog, RequirementDialog, DraftDialog, PasteDialog):
            for form in self.findChildren(kind):
                if form.isVisible():
                    form.put_away()
        if self._settings is not None:
            self._settings.setValue("main/geometry", self.saveGeometry())
        super().closeEvent(event)

    def _forms_may_close(self) -> bool:
        """A form whose draft the file refused ("填写的内容暂未能存为草稿…请尽快保存"): she
        is asked before closing loses what she typed there (revclose4 8)."""
        from lianzheng_desktop.qt.plan_check_dialog import DraftDialog
        from lianzheng_desktop.qt.plan_paste import PasteDialog
        from lianzheng_desktop.qt.record_form import RecordDialog
        from lianzheng_desktop.qt.requirement_dialog import RequirementDialog

        unkept = [form for kind in (RecordDialog, RequirementDialog, DraftDialog, PasteDialog)
                  for form in self.findChildren(kind)
                  if form.isVisible() and form.draft_not_kept()]
        return not unkept or QMessageBox.question(
            self, "填写的内容未能保存", f"有 {len(unkept)} 张打开的表中填写的内容还没能存为草稿"
            "（原因见表中红字）。现在关闭，这些内容会丢失。\n\n仍要关闭吗？",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No) == QMessageBox.StandardButton.Yes

    def _settings_may_close(self) -> bool:
        """设置 typed and not yet in the file: saved now; if the disk still refuses it,
        she is asked before it is lost (as for report text)."""
        page = self._pages.get("设置")
        if page is None:
            return True
        page._save_if_changed()  # type: ignore[attr-defined]
        if not page.text_not_kept():  # type: ignore[attr-defined]
            return True
        return QMessageBox.question(
            self, "单位信息未能保存", "“设置”页中填写的单位信息还没能保存（原因见该页）。"
            "现在关闭，这些内容会丢失。\n\n仍要关闭吗？", QMessageBox.StandardButton.Yes
            | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No) \
            == QMessageBox.StandardButton.Yes
